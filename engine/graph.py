"""The lessons' computation graph J = 3(a + bc), forward and backward by the chain rule.

    u = b·c          ∂u/∂b = c, ∂u/∂c = b
    v = a + u        ∂v/∂a = 1, ∂v/∂u = 1
    J = 3·v          ∂J/∂v = 3
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """One node of the graph: its name, the operation that makes it and the nodes it reads."""

    name: str
    op: str
    inputs: tuple[str, ...] = ()


NODES = (
    Node("a", "input"),
    Node("b", "input"),
    Node("c", "input"),
    Node("u", "u = b·c", ("b", "c")),
    Node("v", "v = a + u", ("a", "u")),
    Node("J", "J = 3v", ("v",)),
)


def forward(a, b, c):
    """Values of every node: {'a', 'b', 'c', 'u', 'v', 'J'}."""
    u = b * c
    v = a + u
    J = 3 * v
    return {"a": a, "b": b, "c": c, "u": u, "v": v, "J": J}


def backward(values):
    """dJ/d(node) for every node, from the output back to the inputs (chain rule)."""
    dJ = {"J": 1.0}
    dJ["v"] = 3 * dJ["J"]  # J = 3v
    dJ["a"] = dJ["v"] * 1  # v = a + u
    dJ["u"] = dJ["v"] * 1
    dJ["b"] = dJ["u"] * values["c"]  # u = bc
    dJ["c"] = dJ["u"] * values["b"]
    return dJ


def local_derivatives(values):
    """The derivative carried by each edge (input → node), which backward multiplies along a path."""
    return {
        ("b", "u"): values["c"],
        ("c", "u"): values["b"],
        ("a", "v"): 1.0,
        ("u", "v"): 1.0,
        ("v", "J"): 3.0,
    }


@dataclass(frozen=True)
class Step:
    """One step of a pass through the graph: the node it fills, its number, and how it is computed.

    `formula` is symbolic (u = b·c, dJ/db = dJ/du · ∂u/∂b), `numbers` the same with the values put in.
    """

    node: str
    value: float
    formula: str
    numbers: str


def number_text(x):
    """A number as the lessons print it: 6 rather than 6.0, otherwise Python's full repr."""
    x = float(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def forward_steps(a, b, c):
    """The forward pass one node at a time: u = b·c, v = a + u, J = 3v."""
    v = forward(a, b, c)
    return [
        Step("u", v["u"], "u = b·c", f"{number_text(b)} · {number_text(c)}"),
        Step("v", v["v"], "v = a + u", f"{number_text(a)} + {number_text(v['u'])}"),
        Step("J", v["J"], "J = 3v", f"3 · {number_text(v['v'])}"),
    ]


def backward_steps(values):
    """The backward pass one node at a time, each derivative the one before times the edge's local derivative."""
    d = backward(values)
    n = number_text
    return [
        Step("J", d["J"], "dJ/dJ", "1"),
        Step("v", d["v"], "dJ/dv = ∂J/∂v", "3"),
        Step("u", d["u"], "dJ/du = dJ/dv · ∂v/∂u", f"{n(d['v'])} · 1"),
        Step("a", d["a"], "dJ/da = dJ/dv · ∂v/∂a", f"{n(d['v'])} · 1"),
        Step("b", d["b"], "dJ/db = dJ/du · ∂u/∂b = dJ/du · c", f"{n(d['u'])} · {n(values['c'])}"),
        Step("c", d["c"], "dJ/dc = dJ/du · ∂u/∂c = dJ/du · b", f"{n(d['u'])} · {n(values['b'])}"),
    ]


def nudge(a, b, c, node, delta=0.001):
    """How much J changes when one node is raised by delta and the rest of the graph recomputed from it.

    ΔJ ≈ dJ/d(node) · delta: for v, 3 · 0.001 = 0.003 (the lessons' check of the chain rule).
    """
    values = forward(a, b, c)
    if node in ("a", "b", "c"):
        moved = dict(a=a, b=b, c=c)
        moved[node] += delta
        return forward(**moved)["J"] - values["J"]
    u = values["u"] + (delta if node == "u" else 0.0)
    v = (a + u) + (delta if node == "v" else 0.0)
    J = 3 * v + (delta if node == "J" else 0.0)
    return J - values["J"]


# The local derivative each edge carries, written out (local_derivatives gives the numbers).
LOCAL_FORMULAS = {
    ("b", "u"): "∂u/∂b = c",
    ("c", "u"): "∂u/∂c = b",
    ("a", "v"): "∂v/∂a = 1",
    ("u", "v"): "∂v/∂u = 1",
    ("v", "J"): "∂J/∂v = 3",
}
