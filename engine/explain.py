"""One input through the two-layer net, taken apart: why it answered k (CURRICULUM §7).

The forward pass in the lessons' notation, for one input x (784,):

    a[0] = x,   z[1] = a[0]·W1 + b1,   a[1] = h(z[1]),   z[2] = a[1]·W2 + b2,   y = softmax(z[2])

Why the score of class k is what it is:

    z[2]_k = Σ_j a[1]_j·W2[j, k] + b2_k                       hidden unit j contributes a[1]_j·W2[j, k]

For a ReLU net a[1]_j = m_j·z[1]_j with m_j = 1 where unit j is active (else 0), so the score is also exactly a
sum over the pixels:

    z[2]_k = Σ_i x_i·Σ_j m_j·W1[i, j]·W2[j, k]  +  Σ_j m_j·b1_j·W2[j, k] + b2_k
             └──── evidence e_i of pixel i ───┘    └────────── the bias part ──────────┘

The identity activation (h(a) = a, m_j = 1 for every unit) is the same sum with every unit on: exact too. For a
sigmoid net the evidence is gradient × input, e_i = x_i·∂z[2]_k/∂x_i = x_i·Σ_j W1[i, j]·σ'(z[1]_j)·W2[j, k],
an approximation (the bias part is then what is left: z[2]_k − Σ_i e_i).

Every function takes `off`: the hidden units switched off (a boolean mask of shape (hidden,), True = off, or a
sequence of unit numbers). A unit switched off has a[1]_j = 0 — the weights themselves are never changed.
"""
from __future__ import annotations

import numpy as np

from engine.functions import relu, sigmoid, softmax

RUNNER_UP = -1  # explain(versus=RUNNER_UP): compare with the highest-scoring class other than k
EXACT = ("relu", "identity")  # activations whose pixel evidence sums exactly (with the bias part) to the score


def keep_mask(net, off=None) -> np.ndarray:
    """(hidden,) of 1.0 for the units that take part and 0.0 for those switched off (`off`: mask or numbers)."""
    hidden = net.params["W1"].shape[1]
    keep = np.ones(hidden, dtype=net.params["W1"].dtype)
    if off is None:
        return keep
    off = np.asarray(off)
    if off.dtype == bool:
        if off.shape != (hidden,):
            raise ValueError(f"off must be a mask of {hidden} units, not of shape {off.shape}")
        keep[off] = 0
    elif off.size:
        units = off.astype(np.intp).ravel()
        if units.min() < 0 or units.max() >= hidden:
            raise ValueError(f"off names a unit outside 0…{hidden - 1}")
        keep[units] = 0
    return keep


def _activation(name, z):
    """h(z) for the net's activation: ReLU max(0, z), sigmoid 1 / (1 + exp(−z)) or the identity z."""
    if name == "relu":
        return relu(z)
    if name == "sigmoid":
        return sigmoid(z)
    if name == "identity":
        return z
    raise ValueError(f"unknown activation {name!r}")


def _slope(name, z, a):
    """h'(z): ReLU [z > 0], sigmoid a·(1 − a) with a = σ(z), identity 1."""
    if name == "relu":
        return (z > 0).astype(z.dtype)
    if name == "sigmoid":
        return a * (1 - a)
    return np.ones_like(z)


def forward_trace(net, x, off=None) -> dict:
    """Every layer's values for one input x (784,) (or 28×28): a0 = x, z1 = a0·W1 + b1, a1 = h(z1) (0 for the
    units in `off`), z2 = a1·W2 + b2 and y = softmax(z2). Computed in the net's dtype from its weights alone."""
    W1, b1, W2, b2 = (net.params[key] for key in ("W1", "b1", "W2", "b2"))
    a0 = np.asarray(x, dtype=W1.dtype).reshape(-1)
    if a0.shape != (W1.shape[0],):
        raise ValueError(f"the net takes {W1.shape[0]} inputs, not {a0.size}")
    z1 = a0 @ W1 + b1
    a1 = _activation(net.activation, z1) * keep_mask(net, off)
    z2 = a1 @ W2 + b2
    return {"a0": a0, "z1": z1, "a1": a1, "z2": z2, "y": softmax(z2)}


def hidden_contributions(net, x, off=None, trace=None) -> np.ndarray:
    """(hidden, classes) C with C[j, k] = a[1]_j·W2[j, k]: what unit j adds to the score of class k.

    Σ_j C[:, k] + b2_k = z[2]_k. `trace`: forward_trace(net, x, off) when the caller has it already."""
    trace = trace if trace is not None else forward_trace(net, x, off)
    return trace["a1"][:, None] * net.params["W2"]


def pixel_evidence(net, x, k, off=None, trace=None) -> np.ndarray:
    """(784,) evidence of each pixel for class k: e_i = x_i·Σ_j h'(z[1]_j)·keep_j·W1[i, j]·W2[j, k].

    ReLU and identity: exact, Σ_i e_i + bias_part(net, x, k) = z[2]_k. Sigmoid: gradient × input (x_i times
    ∂z[2]_k/∂x_i), an approximation. Units in `off` take no part."""
    trace = trace if trace is not None else forward_trace(net, x, off)
    path = _slope(net.activation, trace["z1"], trace["a1"]) * keep_mask(net, off) * net.params["W2"][:, k]
    return trace["a0"] * (net.params["W1"] @ path)


def bias_part(net, x, k, off=None, trace=None) -> float:
    """The score of class k that no pixel carries: z[2]_k − Σ_i e_i. For ReLU and identity it is exactly
    Σ_j m_j·b1_j·W2[j, k] + b2_k (m_j = h'(z[1]_j)·keep_j), computed that way; for sigmoid it is the remainder."""
    trace = trace if trace is not None else forward_trace(net, x, off)
    if net.activation not in EXACT:
        return float(trace["z2"][k] - pixel_evidence(net, x, k, off, trace).sum())
    m = _slope(net.activation, trace["z1"], trace["a1"]) * keep_mask(net, off)
    return float((m * net.params["b1"]) @ net.params["W2"][:, k] + net.params["b2"][k])


def top_units(contributions, k, count=6) -> np.ndarray:
    """The `count` units with the largest |C[j, k]|, largest first (the units that moved the score of k most)."""
    column = np.abs(contributions[:, k])
    count = min(count, len(column))
    best = np.argpartition(-column, count - 1)[:count]
    return best[np.argsort(-column[best], kind="stable")]


def explain(net, x, k=None, versus=None, off=None, count=6) -> dict:
    """Everything the Draw tab shows for one drawing, from one forward pass: the trace (a0, z1, a1, z2, y), the
    class k explained (default: the answer argmax y), all contributions C, those to k C[:, k], the `count` top
    units, their sum top_sum and the other units' rest_sum (top_sum + rest_sum + b2_k = z2_k), b2_k, the pixel
    evidence of k (784,), its sum evidence_sum and its bias part, `exact` (ReLU or identity), and — when `versus`
    (k′; or RUNNER_UP, the best class other than k) is given — the contributions and evidence of k′ and the difference
    e(k) − e(k′): which pixels favour k over k′. Runs its products on one BLAS thread (one small input)."""
    from engine.blas import blas_threads

    with blas_threads(1):
        trace = forward_trace(net, x, off)
        k = int(np.argmax(trace["y"])) if k is None else int(k)
        contributions = hidden_contributions(net, x, off, trace)
        top = top_units(contributions, k, count)
        out = dict(trace)
        out.update(k=k, C=contributions, contributions=contributions[:, k], top=top,
                   top_sum=float(contributions[top, k].sum()), b2=float(net.params["b2"][k]),
                   evidence=pixel_evidence(net, x, k, off, trace), bias=bias_part(net, x, k, off, trace),
                   exact=net.activation in EXACT, versus=None)
        out["rest_sum"] = float(contributions[:, k].sum()) - out["top_sum"]  # the units not among the top
        out["evidence_sum"] = float(out["evidence"].sum())
        if versus == RUNNER_UP:
            versus = next(int(c) for c in np.argsort(-trace["z2"], kind="stable") if int(c) != k)
        if versus is not None and int(versus) != k:
            out["versus"] = v = int(versus)
            out["contributions_versus"] = contributions[:, v]
            out["evidence_versus"] = pixel_evidence(net, x, v, off, trace)
            out["difference"] = out["evidence"] - out["evidence_versus"]
    return out
