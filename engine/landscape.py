"""The loss landscape of the two-layer net: L over a plane of weight space through its weights.

    L(α, β) = cross_entropy_error(softmax(net(x; θ + α·d1 + β·d2)), t)          θ = (W1, b1, W2, b2)

A 39,760-dimensional bowl cannot be drawn; a slice through it can (Li et al., "Visualizing the Loss Landscape of
Neural Nets", NeurIPS 2018). The plane's directions d1, d2 (dicts shaped like net.params) are either

- the first two principal components of the training path (`trajectory_directions`): the plane the SGD path
  moves in most, so the projected path shows how descent went; or
- two random directions normalised per unit (`random_directions`): each unit's incoming weights in d get the norm
  of that unit's weights in θ — Li et al.'s "filter normalisation", which makes nets of different scales comparable.

Speed: the first layer is linear in the weights,

    x·(W1 + α·D1 + β·D2) + (b1 + α·e1 + β·f1) = (x·W1 + b1) + α·(x·D1 + e1) + β·(x·D2 + f1),

so three products with x serve the whole grid; each grid point then costs a sum, the activation and the small
second layer (hidden × 10), not a pass over 784 inputs. `loss_at` is the brute force it is tested against.
"""
from __future__ import annotations

import numpy as np

from engine.functions import as_labels
from engine.networks import ACTIVATIONS, PARAM_KEYS, TwoLayerNet

DELTA = 1e-7  # the book's guard in cross_entropy_error


def flatten(params) -> np.ndarray:
    """θ as one vector: W1, b1, W2, b2 raveled in that order (float64)."""
    return np.concatenate([np.asarray(params[key], dtype=np.float64).ravel() for key in PARAM_KEYS])


def unflatten(vector, like) -> dict:
    """The inverse of flatten: a dict shaped like `like` (net.params)."""
    out, start = {}, 0
    for key in PARAM_KEYS:
        shape = np.shape(like[key])
        size = int(np.prod(shape))
        out[key] = np.asarray(vector[start:start + size], dtype=np.float64).reshape(shape)
        start += size
    return out


def shifted(params, d1, d2, alpha, beta) -> dict:
    """θ + α·d1 + β·d2."""
    return {key: params[key] + alpha * d1[key] + beta * d2[key] for key in PARAM_KEYS}


def loss_at(net, x, t, d1, d2, alpha, beta) -> float:
    """Brute force: the net's loss with weights θ + α·d1 + β·d2, through TwoLayerNet.loss (float64)."""
    params = {key: np.asarray(value, dtype=np.float64) for key, value in net.params.items()}
    return float(TwoLayerNet.from_params(shifted(params, d1, d2, alpha, beta), net.activation).loss(x, t))


def random_directions(net, seed=None):
    """(d1, d2): Gaussian directions with each unit's incoming weights scaled to that unit's norm in θ
    (column j of W1 for hidden unit j, column k of W2 for output k); the biases' directions are zero."""
    rng = np.random.default_rng(seed)
    directions = []
    for _ in range(2):
        d = {}
        for key in PARAM_KEYS:
            value = np.asarray(net.params[key], dtype=np.float64)
            if key.startswith("b"):
                d[key] = np.zeros_like(value)
                continue
            g = rng.standard_normal(value.shape)
            d[key] = g / np.maximum(np.linalg.norm(g, axis=0), 1e-12) * np.linalg.norm(value, axis=0)
        directions.append(d)
    return directions[0], directions[1]


def trajectory_pca(snapshots, final):
    """(d1, d2, coords, explained): the principal directions of the path's offsets θ_i − θ_final (unit vectors),
    each snapshot's (α, β) on them, and the share of the offsets' total variance each direction explains."""
    offsets = np.stack([flatten(s) - flatten(final) for s in snapshots])
    if len(offsets) < 2:
        raise ValueError(f"a path needs at least 2 snapshots besides the final weights, not {len(offsets)}")
    _, s, vt = np.linalg.svd(offsets, full_matrices=False)
    if len(s) < 2 or s[1] <= s[0] * 1e-12:
        raise ValueError("the path's snapshots lie on one line: there is no second direction")
    coords = offsets @ vt[:2].T
    explained = s[:2] ** 2 / np.sum(s ** 2)
    return unflatten(vt[0], final), unflatten(vt[1], final), coords, explained


def trajectory_directions(snapshots, final):
    """(d1, d2, coords): the two principal directions of a list of params snapshots around `final`, and each
    snapshot's (α, β) — as Li et al. do for training trajectories (the PCA of θ_i − θ_final)."""
    d1, d2, coords, _ = trajectory_pca(snapshots, final)
    return d1, d2, coords


def project(snapshots, final, d1, d2) -> np.ndarray:
    """Each snapshot's (α, β): the least-squares position of θ_i − θ_final in the plane of d1, d2 (which need not
    be orthogonal: random directions are not)."""
    basis = np.stack([flatten(d1), flatten(d2)], axis=1)
    offsets = np.stack([flatten(s) - flatten(final) for s in snapshots])
    return np.linalg.lstsq(basis, offsets.T, rcond=None)[0].T


def _first_layer(x, params, dtype):
    """x·W1 + b1 for one set of params, in `dtype`."""
    return x @ np.asarray(params["W1"], dtype=dtype) + np.asarray(params["b1"], dtype=dtype)


def _cross_entropy(scores, labels) -> float:
    """−1/N Σ log(softmax(scores)[n, t_n] + 1e-7) for scores laid out (classes, N), in place (the book's guard
    kept). Classes down the rows: each reduction runs along N, which NumPy does several times faster than along
    rows of 10."""
    scores -= scores.max(axis=0)
    np.exp(scores, out=scores)
    picked = scores[labels, np.arange(len(labels))] / scores.sum(axis=0)
    return float(-np.mean(np.log(picked + DELTA)))


def loss_surface_rows(net, x, t, d1, d2, alphas, betas, dtype=np.float32):
    """Yield (i, row): row[j] = L(alphas[j], betas[i]), one row of the grid at a time (progress, cancel)."""
    x = np.asarray(x, dtype=dtype)
    labels = as_labels(t)
    base, along1, along2 = (_first_layer(x, p, dtype) for p in (net.params, d1, d2))
    W2, b2, d1W2, d1b2, d2W2, d2b2 = (np.asarray(p[key], dtype=np.float64)
                                      for p in (net.params, d1, d2) for key in ("W2", "b2"))
    activation = net.activation
    if activation == "sigmoid":  # σ(z) = ½ + ½·tanh(z/2): one tanh pass, the halves go into the second layer
        base, along1, along2 = base * dtype(0.5), along1 * dtype(0.5), along2 * dtype(0.5)
    hidden = np.empty_like(base)
    for i, beta in enumerate(betas):
        row_base = base + dtype(beta) * along2
        row = np.empty(len(alphas))
        for j, alpha in enumerate(alphas):
            np.multiply(along1, dtype(alpha), out=hidden)
            hidden += row_base  # z1 = x·W1 + b1 + α(x·D1 + e1) + β(x·D2 + f1), no pass over the 784 inputs
            w2 = W2 + alpha * d1W2 + beta * d2W2
            bias2 = b2 + alpha * d1b2 + beta * d2b2
            if activation == "relu":
                a1 = np.maximum(hidden, dtype(0), out=hidden)
            elif activation == "sigmoid":
                a1 = np.tanh(hidden, out=hidden)
                bias2 = bias2 + 0.5 * w2.sum(axis=0)
                w2 = 0.5 * w2
            else:
                a1 = ACTIVATIONS[activation][1](hidden)
            scores = w2.T.astype(dtype) @ a1.T + bias2.astype(dtype)[:, None]  # (10, N)
            row[j] = _cross_entropy(scores, labels)
        yield i, row


def loss_surface(net, x, t, d1, d2, alphas, betas, dtype=np.float32) -> np.ndarray:
    """Array (len(betas), len(alphas)) of the mean cross-entropy of the net with weights θ + α·d1 + β·d2."""
    surface = np.empty((len(betas), len(alphas)))
    for i, row in loss_surface_rows(net, x, t, d1, d2, alphas, betas, dtype):
        surface[i] = row
    return surface
