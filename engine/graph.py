"""The lessons' computation graphs, forward and backward by the chain rule (CURRICULUM §4c).

J = 3(a + bc):
    u = b·c          ∂u/∂b = c, ∂u/∂c = b
    v = a + u        ∂v/∂a = 1, ∂v/∂u = 1
    J = 3·v          ∂J/∂v = 3
Logistic regression (logistic_*, below): z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y), and its vectorised form.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

import numpy as np

from engine import functions


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


# ---------------------------------------------------------------------------------------------------------------
# Logistic regression as a computation graph (CURRICULUM §4c, the lessons' "逻辑回归的梯度下降"):
#     z = w1·x1 + w2·x2 + b  →  a = σ(z)  →  L(a, y) = −(y log a + (1 − y) log(1 − a))
# Backward, in the lessons' shorthand dv = dL/dv:
#     da = −y/a + (1 − y)/(1 − a),  dz = da · a(1 − a) = a − y,  dw1 = x1·dz,  dw2 = x2·dz,  db = dz
# x1, x2 and y are data, not parameters: the lessons (and backward here) leave their derivatives out.

LOGISTIC_INPUTS = ("x1", "x2", "w1", "w2", "b", "y")
LOGISTIC_EXAMPLE = {"x1": 1.0, "x2": 2.0, "w1": 0.5, "w2": -0.3, "b": 0.1, "y": 1.0}  # §4c's worked example

LOGISTIC_NODES = (
    Node("x1", "input"),
    Node("w1", "input"),
    Node("x2", "input"),
    Node("w2", "input"),
    Node("b", "input"),
    Node("y", "input"),
    Node("z", "z = w1·x1 + w2·x2 + b", ("x1", "w1", "x2", "w2", "b")),
    Node("a", "a = σ(z)", ("z",)),
    Node("L", "L(a, y)", ("a", "y")),
)


def weighted_sum(x1, x2, w1, w2, b):
    """z = w1·x1 + w2·x2 + b, summed exactly from the numbers as written (their shortest decimal form) and
    rounded once: 0.5·1 + (−0.3)·2 + 0.1 = 0.0 as on paper, where a float sum gives 2.8e-17 (0.3 and 0.1 have
    no exact binary form)."""
    def d(v):
        return Decimal(repr(float(v)))

    with localcontext() as ctx:
        ctx.prec = 100
        return float(d(w1) * d(x1) + d(w2) * d(x2) + d(b))


def sigma(z):
    """a = σ(z) = 1 / (1 + e^(−z)) of a number, without overflow for large |z|."""
    z = float(z)
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logistic_loss(a, one_minus_a, y):
    """L(a, y) = −(y log a + (1 − y) log(1 − a)); 1 − a is passed in (σ(−z), without the cancellation of 1 − σ(z)).
    A term whose weight (y or 1 − y) is 0 counts 0; the log of a probability ≤ 0 makes L infinite."""
    def term(weight, p):
        if weight == 0:
            return 0.0
        return weight * math.log(p) if p > 0 else -math.inf

    return -(term(y, a) + term(1 - y, one_minus_a))


def logistic_forward(x1, x2, w1, w2, b, y):
    """Values of every node: the inputs, z, a, L (and '1-a', the value of 1 − a used by L and da)."""
    z = weighted_sum(x1, x2, w1, w2, b)
    a, one_minus_a = sigma(z), sigma(-z)
    return {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b": b, "y": y, "z": z, "a": a, "1-a": one_minus_a,
            "L": logistic_loss(a, one_minus_a, y)}


def logistic_backward(values):
    """dL/d(node) for L, a, z, w1, w2, b: da = −y/a + (1 − y)/(1 − a), dz = a − y, dw1 = x1·dz, dw2 = x2·dz, db = dz."""
    v = values
    with np.errstate(divide="ignore", invalid="ignore"):
        da = float(-v["y"] / np.float64(v["a"]) + (1 - v["y"]) / np.float64(v["1-a"]))
    dz = v["a"] - v["y"]  # = da · a(1 − a), simplified
    return {"L": 1.0, "a": da, "z": dz, "w1": v["x1"] * dz, "w2": v["x2"] * dz, "b": dz}


def logistic_local_derivatives(values):
    """The derivative each edge carries: ∂L/∂a, ∂a/∂z = a(1 − a), ∂z/∂w1 = x1, ∂z/∂w2 = x2, ∂z/∂b = 1."""
    v = values
    return {("a", "L"): logistic_backward(values)["a"], ("z", "a"): v["a"] * v["1-a"],
            ("w1", "z"): v["x1"], ("w2", "z"): v["x2"], ("b", "z"): 1.0}


LOGISTIC_FORMULAS = {
    ("a", "L"): "∂L/∂a",
    ("z", "a"): "∂a/∂z = a(1 − a)",
    ("w1", "z"): "∂z/∂w1 = x1",
    ("w2", "z"): "∂z/∂w2 = x2",
    ("b", "z"): "∂z/∂b = 1",
}


def factor(x):
    """A number in a product: negative ones in brackets, (-0.3) · 2."""
    text = number_text(x)
    return f"({text})" if text.startswith("-") else text


def logistic_forward_steps(x1, x2, w1, w2, b, y):
    """The forward pass one node at a time: z, a = σ(z), L(a, y)."""
    v = logistic_forward(x1, x2, w1, w2, b, y)
    n = number_text
    return [
        Step("z", v["z"], "z = w1·x1 + w2·x2 + b",
             f"{factor(w1)} · {factor(x1)} + {factor(w2)} · {factor(x2)} + {n(b)}"),
        Step("a", v["a"], "a = σ(z) = 1/(1 + e^(−z))", f"σ({n(v['z'])})"),
        Step("L", v["L"], "L = −(y log a + (1 − y) log(1 − a))",
             f"−({n(y)} · log {n(v['a'])} + {n(1 - y)} · log {n(v['1-a'])})"),
    ]


def logistic_backward_steps(values):
    """The backward pass one node at a time, from dL/dL = 1 back to dw1, dw2, db."""
    v, d, n = values, logistic_backward(values), number_text
    return [
        Step("L", d["L"], "dL/dL", "1"),
        Step("a", d["a"], "da = ∂L/∂a = −y/a + (1 − y)/(1 − a)", f"−{factor(v['y'])}/{n(v['a'])} + "
             f"{factor(1 - v['y'])}/{n(v['1-a'])}"),
        Step("z", d["z"], "dz = da · ∂a/∂z = da · a(1 − a) = a − y", f"{n(v['a'])} − {factor(v['y'])}"),
        Step("w1", d["w1"], "dw1 = dz · ∂z/∂w1 = x1 · dz", f"{factor(v['x1'])} · {factor(d['z'])}"),
        Step("w2", d["w2"], "dw2 = dz · ∂z/∂w2 = x2 · dz", f"{factor(v['x2'])} · {factor(d['z'])}"),
        Step("b", d["b"], "db = dz · ∂z/∂b = dz · 1", f"{factor(d['z'])} · 1"),
    ]


def logistic_nudge(x1, x2, w1, w2, b, y, node, delta=0.001):
    """How much L changes when one node is raised by delta and the graph after it recomputed: ΔL ≈ dL/d(node)·delta."""
    values = logistic_forward(x1, x2, w1, w2, b, y)
    if node in LOGISTIC_INPUTS:
        moved = dict(x1=x1, x2=x2, w1=w1, w2=w2, b=b, y=y)
        moved[node] += delta
        return logistic_forward(**moved)["L"] - values["L"]
    if node == "z":
        z = values["z"] + delta
        return logistic_loss(sigma(z), sigma(-z), y) - values["L"]
    if node == "a":
        return logistic_loss(values["a"] + delta, values["1-a"] - delta, y) - values["L"]
    return delta  # L itself


# Vectorised over m samples (the columns of X), the cat classifier's propagate():
VECTOR_X = np.array([[1.0, 2.0, -1.0], [2.0, 1.0, 0.5]])  # three samples; the first is the worked example
VECTOR_Y = np.array([1.0, 0.0, 1.0])


def logistic_vectorised(X, Y, w, b):
    """All m samples at once, X of shape (n_x, m) with one sample per column:
    Z = wᵀX + b, A = σ(Z), L = −(Y log A + (1 − Y) log(1 − A)), cost = ΣL/m;
    dZ = A − Y, dw = X·dZᵀ/m, db = ΣdZ/m — what engine.networks.LogisticRegression.propagate computes."""
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    m = X.shape[1]
    Z = np.asarray(w, dtype=np.float64) @ X + b
    A = functions.sigmoid(Z)
    L = functions.binary_cross_entropy(A, Y)
    dZ = A - Y
    return {"m": m, "Z": Z, "A": A, "L": L, "cost": float(np.sum(L) / m), "dZ": dZ, "dw": X @ dZ / m,
            "db": float(np.sum(dZ) / m)}
