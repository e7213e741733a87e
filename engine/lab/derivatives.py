"""What the Derivatives tab computes: named functions with exact derivatives, the slope at a point,
the error of forward and central differences against h, the slices behind partial derivatives (4.3), and the
computation graphs of engine.graph as the graph page steps through them (GRAPHS).

    forward difference  (f(x + h) − f(x)) / h          error ∝ h
    central difference  (f(x + h) − f(x − h)) / 2h     error ∝ h²   (the book's, with h = 1e-4)

Only the numbers: how they are put on a plot (log axes, values too large to draw) is the tab's business.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine import expr, graph
from engine.calculus import difference_errors, numerical_diff
from engine.functions import sigmoid, sigmoid_grad

H_BOOK = 1e-4  # the book's h: small, but far from where rounding error takes over
H_TINY = 1e-50  # the book's "too small" h: x + h == x in float64
H_VALUES = np.array([float(f"1e-{k}") for k in range(1, 17)])  # 1e-1 … 1e-16 for the error plot
POINTS = 400


def function_1(x):
    """The book's y = 0.01x² + 0.1x (4.3.2)."""
    return 0.01 * x**2 + 0.1 * x


def function_2(x0, x1):
    """The book's f(x0, x1) = x0² + x1² (4.3.3), with its two variables as two arguments."""
    return x0**2 + x1**2


@dataclass(frozen=True)
class Function1D:
    """y = f(x) with, where it is known, its exact derivative f′(x).

    `formula` and `derivative` are for display; `text` is the same function as a user would type it
    (engine.expr syntax). `view` is the x range to draw, `x0` a good first point.
    """

    key: str
    formula: str
    text: str
    f: Callable
    df: Callable | None = None
    derivative: str = ""
    view: tuple[float, float] = (-5.0, 5.0)
    x0: float = 1.0

    def __call__(self, x):
        with np.errstate(all="ignore"):
            y = self.f(x)
        return float(y) if np.ndim(y) == 0 else np.asarray(y, dtype=np.float64)

    @property
    def has_exact(self):
        return self.df is not None

    def exact(self, x):
        """f′(x), or None when no exact derivative is known (a typed function)."""
        if self.df is None:
            return None
        with np.errstate(all="ignore"):
            return float(self.df(x))


FUNCTIONS = {
    fn.key: fn
    for fn in (
        Function1D("book", "0.01x² + 0.1x", "0.01*x**2 + 0.1*x", function_1, lambda x: 0.02 * x + 0.1,
                   "0.02x + 0.1", (0.0, 20.0), 5.0),
        Function1D("sin", "sin x", "sin(x)", np.sin, np.cos, "cos x", (-2 * np.pi, 2 * np.pi), 1.0),
        Function1D("cube", "x³", "x**3", lambda x: x**3, lambda x: 3 * x**2, "3x²", (-2.0, 2.0), 1.0),
        Function1D("exp", "eˣ", "exp(x)", np.exp, np.exp, "eˣ", (-2.0, 2.0), 1.0),
        Function1D("sigmoid", "s = 1 / (1 + e⁻ˣ)", "sigmoid(x)", sigmoid, sigmoid_grad, "s(1 − s)",
                   (-6.0, 6.0), 0.0),
        Function1D("tanh", "tanh x", "tanh(x)", np.tanh, lambda x: 1 - np.tanh(x) ** 2, "1 − tanh² x",
                   (-3.0, 3.0), 0.5),
        Function1D("log", "ln x", "log(x)", np.log, lambda x: 1 / x, "1/x", (0.05, 5.0), 1.0),
    )
}


def _squeeze(text):
    return "".join(text.split())


def from_text(text):
    """The function a user typed: a named one if the text is exactly one of them, else a parsed expression.

    Raises expr.ExprError (with the column of the fault) for text that is not a valid expression, and with
    code "not_finite" (details: the text, the view's ends) for one that gives no finite number anywhere in
    its view, such as 1/0, log(-1) or sqrt(-1 - x**2): there would be nothing to draw and no slope to take.
    """
    if isinstance(text, str) and len(text) <= expr.MAX_LENGTH:  # a long text is refused by expr.parse at once
        for fn in FUNCTIONS.values():
            if _squeeze(text) == _squeeze(fn.text):
                return fn
    parsed = expr.parse(text, variables=("x",))
    fn = Function1D("typed", text.strip(), text.strip(), parsed)
    if not np.isfinite(curve(fn)[1]).any():
        lo, hi = fn.view
        raise expr.ExprError(f"{fn.text} is not a finite number anywhere in view ({lo:g} <= x <= {hi:g})",
                             code="not_finite", details=(fn.text, f"{lo:g}", f"{hi:g}"))
    return fn


def curve(fn, view=None, n=POINTS):
    """(xs, ys): f sampled over its view; values that are not finite (log of a negative, overflow) are nan."""
    lo, hi = view or fn.view
    xs = np.linspace(lo, hi, n)
    ys = np.array(np.broadcast_to(fn(xs), xs.shape), dtype=np.float64)
    ys[~np.isfinite(ys)] = np.nan
    return xs, ys


def clamp(fn, x):
    """x kept inside the function's view (where the draggable point may go)."""
    lo, hi = fn.view
    return float(min(max(x, lo), hi))


def derivative_at(fn, x0, h=H_BOOK):
    """The slope at x0 three ways, and how far each numerical one is from the exact f′(x0) (when known).

    forward (f(x0 + h) − f(x0)) / h, central (f(x0 + h) − f(x0 − h)) / 2h; errors are |numerical − exact|.
    Returns a dict: x0, h, y0, forward, central, exact (None if unknown), forward_error, central_error.
    """
    with np.errstate(all="ignore"):
        forward = float(numerical_diff(fn, x0, h, "forward"))
        central = float(numerical_diff(fn, x0, h, "central"))
    exact = fn.exact(x0)
    return {
        "x0": float(x0), "h": float(h), "y0": fn(x0), "forward": forward, "central": central, "exact": exact,
        "forward_error": None if exact is None else abs(forward - exact),
        "central_error": None if exact is None else abs(central - exact),
    }


def tangent(fn, x0, xs, h=H_BOOK, method="central"):
    """The tangent line y = f(x0) + d·(x − x0) at the points xs, d the numerical derivative at x0."""
    with np.errstate(all="ignore"):
        d = numerical_diff(fn, x0, h, method)
        return fn(x0) + d * (np.asarray(xs, dtype=np.float64) - x0)


def error_vs_h(fn, x0, hs=H_VALUES):
    """|numerical − exact| for forward and central differences at each h (needs the exact derivative).

    Large h: truncation error (forward ∝ h, central ∝ h²). Small h: rounding error ∝ ε·|f|/h grows as h
    shrinks, until x0 + h == x0 and the difference is 0. Returns a dict: h, forward, central (the errors),
    best_forward / best_central (the h with the smallest error), exact.
    """
    exact = fn.exact(x0)
    if exact is None:
        raise ValueError("the exact derivative of this function is not known")
    hs = np.asarray(hs, dtype=np.float64)
    forward = difference_errors(fn, x0, hs, exact, "forward")
    central = difference_errors(fn, x0, hs, exact, "central")
    return {
        "h": hs, "forward": forward, "central": central,
        "best_forward": _best(hs, forward), "best_central": _best(hs, central),
        "exact": exact,
    }


def _best(hs, errors):
    finite = np.where(np.isfinite(errors), errors, np.inf)
    return float(hs[int(np.argmin(finite))])


def tiny_h(fn, x0, h=H_TINY):
    """The book's failure: with h = 1e-50, x0 + h == x0 in float64, so f(x0 + h) − f(x0) is 0 and so is the slope.

    Returns a dict: h, x_plus_h, same (x0 + h == x0), forward, central.
    """
    x_plus_h = x0 + h
    with np.errstate(all="ignore"):
        return {
            "h": h, "x_plus_h": x_plus_h, "same": x_plus_h == x0,
            "forward": float(numerical_diff(fn, x0, h, "forward")),
            "central": float(numerical_diff(fn, x0, h, "central")),
        }


def partial_slices(x0, x1, h=H_BOOK, span=3.0, n=POINTS, f=function_2):
    """The two slices of f(x0, x1) through a point and their slopes: the partial derivatives (4.3.3).

    ∂f/∂x0 is the slope of t ↦ f(t, x1) at t = x0 (x1 fixed), ∂f/∂x1 that of t ↦ f(x0, t) at t = x1.
    For f = x0² + x1² at (3, 4) the central differences are 6.00000000000378 and 7.999999999999119.
    Returns {"x0": slice, "x1": slice}, each a dict: t (grid), values, at (the point's coordinate),
    value, slope (numerical), exact (2·coordinate for the book's f, else None), tangent (values on t).
    """
    point = (float(x0), float(x1))
    slices = {}
    for i, name in enumerate(("x0", "x1")):
        def along(t, i=i):
            return f(t, point[1]) if i == 0 else f(point[0], t)

        at = point[i]
        t = np.linspace(at - span, at + span, n)
        slope = float(numerical_diff(along, at, h))
        value = float(along(at))
        slices[name] = {
            "t": t, "values": np.asarray(along(t), dtype=np.float64), "at": at, "value": value,
            "slope": slope, "exact": 2 * at if f is function_2 else None,
            "tangent": value + slope * (t - at),
        }
    return slices


def surface_grid(x0, x1, span=3.0, n=101, f=function_2, view=None):
    """(x0 values, x1 values, Z) with Z[j, i] = f(x0_i, x1_j) around the point, for a contour picture.

    view = (x0_min, x0_max, x1_min, x1_max) covers that rectangle instead (what a zoomed plot shows).
    """
    lo0, hi0, lo1, hi1 = view or (x0 - span, x0 + span, x1 - span, x1 + span)
    a = np.linspace(lo0, hi0, n)
    b = np.linspace(lo1, hi1, n)
    A, B = np.meshgrid(a, b)
    return a, b, f(A, B)


# ---------------------------------------------------------------- the computation graph page
@dataclass(frozen=True)
class Graph:
    """One of engine.graph's computation graphs as the tab steps through it: its inputs, nodes and output, and
    the functions that give the values, the derivatives, the steps of each pass and the nudge check."""

    key: str
    inputs: tuple[str, ...]
    nodes: tuple[graph.Node, ...]
    output: str
    forward: Callable
    backward: Callable
    forward_steps: Callable
    backward_steps: Callable
    local_derivatives: Callable
    local_formulas: dict
    nudge: Callable

    def derivative_name(self, node):
        """How a derivative is written: dJ/dv on the J graph; the lessons' shorthand dz (= dL/dz) on the logistic."""
        if self.output == "J" or node == self.output:
            return f"d{self.output}/d{node}"
        return f"d{node}"


GRAPHS = {  # J = 3(a + bc) and logistic regression (CURRICULUM §4c), in the order the page offers them
    "J": Graph("J", ("a", "b", "c"), graph.NODES, "J", graph.forward, graph.backward, graph.forward_steps,
               graph.backward_steps, graph.local_derivatives, graph.LOCAL_FORMULAS, graph.nudge),
    "logistic": Graph("logistic", graph.LOGISTIC_INPUTS, graph.LOGISTIC_NODES, "L", graph.logistic_forward,
                      graph.logistic_backward, graph.logistic_forward_steps, graph.logistic_backward_steps,
                      graph.logistic_local_derivatives, graph.LOGISTIC_FORMULAS, graph.logistic_nudge),
}
