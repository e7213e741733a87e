"""The Derivatives tab's one state object: what the user chose, as plain data (no Qt).

Widgets write it, restore_settings writes it, and the pages draw from it; the tests read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from engine.lab import derivatives as lab

PAGES = ("point", "error", "partial", "graph")  # the pages in order; their keys are stored in the settings
BOOK_POINT = (3.0, 4.0)  # the book's point for f(x0, x1) = x0² + x1² (4.3.3)
PARTIAL_LIMIT = 10.0  # |x0|, |x1| of the partial derivatives' point
INPUT_LIMIT = 1000.0  # |a|, |b|, |c| of the computation graph
LOGISTIC_LIMIT = 10.0  # |x1|, |x2|, |w1|, |w2|, |b| of the logistic graph: |z| ≤ 210, so L and da stay finite
GRAPH_KEYS = tuple(lab.GRAPHS)  # "J", "logistic": the graphs of the graph page, in the order offered
LOGISTIC_FIELDS = {"x1": "x1", "x2": "x2", "w1": "w1", "w2": "w2", "b": "bias", "y": "y"}  # input → state field
H_RANGE = (1e-60, 1.0)  # the step h the user may choose (1e-50 is the book's "too small")
FORWARD_STEPS, BACKWARD_STEPS = 3, 6  # nodes u, v, J forward; J, v, u, a, b, c backward

function_of = lru_cache(maxsize=32)(lab.from_text)  # text → Function1D; a typed text is parsed once


@dataclass
class DerivativesState:
    """The user's choices on the Derivatives tab.

    page: the page shown (a key of PAGES). text: f(x) as engine.expr reads it — always a valid function (bad
    text never reaches the state). x0, h: the point and the step of the numerical derivative. show_forward,
    show_central: which differences the error plot shows. p0, p1: the point of the partial derivatives.
    graph: the graph shown on the graph page (a key of GRAPH_KEYS). a, b, c: the inputs of J = 3(a + bc).
    x1, x2, w1, w2, bias, y: the inputs of the logistic graph (bias is its b; y is 0 or 1), CURRICULUM §4c's
    worked example at first. forward_done (0 … 3), backward_done (0 … 6): how far the passes went.
    """

    page: str = PAGES[0]
    text: str = lab.FUNCTIONS["book"].text
    x0: float = 5.0
    h: float = lab.H_BOOK
    show_forward: bool = True
    show_central: bool = True
    p0: float = BOOK_POINT[0]
    p1: float = BOOK_POINT[1]
    a: float = 5.0
    b: float = 3.0
    c: float = 2.0
    graph: str = GRAPH_KEYS[0]
    x1: float = 1.0
    x2: float = 2.0
    w1: float = 0.5
    w2: float = -0.3
    bias: float = 0.1
    y: int = 1
    forward_done: int = 0
    backward_done: int = 0

    @property
    def fn(self):
        """The function the text names (engine.lab.derivatives.Function1D)."""
        return function_of(self.text)

    def set_function(self, fn, x0=None):
        """Show `fn`, at x0 (or the function's own first point), kept inside its view."""
        self.text = fn.text
        self.x0 = lab.clamp(fn, fn.x0 if x0 is None else x0)

    def move_x0(self, x):
        """The point of the slope, kept inside the function's view."""
        self.x0 = lab.clamp(self.fn, x)

    def inputs_of(self, graph):
        """The inputs of `graph` (a key of GRAPH_KEYS) by their names in it: {a, b, c} or {x1, x2, w1, w2, b, y}."""
        if graph == "logistic":
            return {name: getattr(self, field) for name, field in LOGISTIC_FIELDS.items()}
        return {"a": self.a, "b": self.b, "c": self.c}

    def graph_inputs(self):
        """The inputs of the graph shown."""
        return self.inputs_of(self.graph)

    def set_graph_input(self, graph, name, value):
        """Input `name` of `graph` (a key of GRAPH_KEYS) takes `value`."""
        field = LOGISTIC_FIELDS[name] if graph == "logistic" else name
        setattr(self, field, int(value) if field == "y" else float(value))
