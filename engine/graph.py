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
