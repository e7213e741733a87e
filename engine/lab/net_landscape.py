"""The Training tab's loss-landscape experiment: one SGD path (and another to compare) on a slice of the net's loss.

    θ(α, β) = θ_final + α·d1 + β·d2,      L(α, β) = cross-entropy of the net with weights θ(α, β)

`landscape_steps` is the job: it chooses the plane (the path's first two principal components, or two
filter-normalised random directions; engine.landscape), projects the paths on it (engine.landscape.project:
(α_i, β_i) of each snapshot θ_i − θ_final), measures the loss along each path, then yields the surface row by row
(engine.landscape.loss_surface_rows), so a view can draw it as it arrives and the user can cancel between rows.
"""
from __future__ import annotations

import numpy as np

from engine import landscape
from engine.blas import blas_threads
from engine.networks import PARAM_KEYS, TwoLayerNet

DIRECTIONS = ("pca", "random")
RESOLUTIONS = (21, 41, 61)
DATA_CHOICES = ("test", "test_1000", "train_10000", "train")  # which images the surface is measured on
CHUNK = 2000  # images per piece of a row: the job yields after each


def pick_data(data, choice):
    """(x, t) of `choice` from ((x_train, t_train), (x_test, t_test))."""
    (x_train, t_train), (x_test, t_test) = data
    if choice == "test":
        return x_test, t_test
    if choice == "test_1000":
        return x_test[:1000], t_test[:1000]
    if choice == "train_10000":
        return x_train[:10_000], t_train[:10_000]
    if choice == "train":
        return x_train, t_train
    raise ValueError(f"data must be one of {DATA_CHOICES}, not {choice!r}")


def params_of(net):
    """The net's weights as float64 copies (a snapshot of the path)."""
    return {key: np.asarray(net.params[key], dtype=np.float64) for key in PARAM_KEYS}


def plane(snapshots, directions="pca", seed=0):
    """(d1, d2, explained): the plane through the last snapshot (θ_final). "pca": the principal directions of
    the offsets θ_i − θ_final and the share of their variance each explains; "random": two filter-normalised
    Gaussian directions (explained: the share of the path's squared length that lies in their plane)."""
    final = snapshots[-1]
    if directions == "pca":
        d1, d2, _, explained = landscape.trajectory_pca(snapshots[:-1], final)
        return d1, d2, np.asarray(explained)
    if directions != "random":
        raise ValueError(f"directions must be one of {DIRECTIONS}, not {directions!r}")
    net = _Params(final)
    d1, d2 = landscape.random_directions(net, seed)
    return d1, d2, np.asarray([in_plane_share(snapshots, d1, d2)])


class _Params:
    """What random_directions reads of a net: its params."""

    def __init__(self, params):
        self.params = params


def in_plane_share(snapshots, d1, d2):
    """Σ‖P(θ_i − θ_final)‖² / Σ‖θ_i − θ_final‖²: how much of the path the plane of d1, d2 holds (P: the projection
    onto that plane)."""
    final = landscape.flatten(snapshots[-1])
    offsets = np.stack([landscape.flatten(s) - final for s in snapshots[:-1]])
    basis, _ = np.linalg.qr(np.stack([landscape.flatten(d1), landscape.flatten(d2)], axis=1))
    total = float(np.sum(offsets ** 2))
    return float(np.sum((offsets @ basis) ** 2) / total) if total > 0 else 0.0


def grid(coords, directions, resolution, extent):
    """(alphas, betas): `resolution` values per axis. PCA: ±extent × the largest |α| (|β|) of the paths' points;
    random: ±extent (the directions have the weights' own scale, so α = 1 moves each unit by its own norm)."""
    coords = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    if directions == "pca" and len(coords):
        reach = np.maximum(np.abs(coords).max(axis=0), 1e-6) * extent
    else:
        reach = np.array([extent, extent], dtype=np.float64)
    return np.linspace(-reach[0], reach[0], resolution), np.linspace(-reach[1], reach[1], resolution)


def path_loss(params, activation, x, t):
    """The loss (mean cross-entropy, no L2 term) of one snapshot on (x, t): a point of the loss along the path,
    through TwoLayerNet.loss in float32 (one forward pass)."""
    weights = {key: np.asarray(value, dtype=np.float32) for key, value in params.items()}
    return float(TwoLayerNet.from_params(weights, activation).loss(np.asarray(x, dtype=np.float32), t))


class _Net(_Params):
    """What loss_surface_rows reads of a net: its params and its activation."""

    def __init__(self, params, activation):
        super().__init__(params)
        self.activation = activation


def refine(alphas, betas, Z, n=161):
    """(fine_alphas, fine_betas, fine_Z): Z bilinearly interpolated onto an n × n grid over the same plane, for
    drawing colour bands without blocks (NaN — a row not yet computed — spreads to its neighbours' cells)."""
    fa, fb = np.linspace(alphas[0], alphas[-1], n), np.linspace(betas[0], betas[-1], n)
    rows = np.array([np.interp(fa, alphas, row) for row in np.asarray(Z, dtype=np.float64)])
    return fa, fb, np.array([np.interp(fb, betas, column) for column in rows.T]).T


def landscape_steps(snapshots, activation, x, t, directions="pca", resolution=41, extent=1.2, seed=0, other=None):
    """The landscape job: yields

      {"kind": "plane", "alphas", "betas", "explained", "coords", "other_coords", "losses", "other_losses"}
      {"kind": "row", "i", "row"}   for each row of the surface (L(alphas[j], betas[i]) in row[j])

    snapshots: the path's params dicts in order (the last one is θ_final, the centre); other: a second path's
    snapshots (same shapes), projected on the same plane. Raises ValueError for a path too short for PCA.
    """
    with blas_threads(1):
        final = snapshots[-1]
        d1, d2, explained = plane(snapshots, directions, seed)
        coords = landscape.project(snapshots, final, d1, d2)
        other_coords = landscape.project(other, final, d1, d2) if other else np.zeros((0, 2))
        losses, other_losses = [], []
        for path, out in ((snapshots, losses), (other or [], other_losses)):
            for params in path:
                yield None  # a point where Stop is honoured: one forward pass per snapshot
                out.append(path_loss(params, activation, x, t))
        losses, other_losses = np.array(losses), np.array(other_losses)
        both = np.vstack([coords, other_coords]) if len(other_coords) else coords
        alphas, betas = grid(both, directions, resolution, extent)
        yield {"kind": "plane", "alphas": alphas, "betas": betas, "explained": explained, "coords": coords,
               "other_coords": other_coords, "losses": losses, "other_losses": other_losses}
        yield from surface_rows(_Net(final, activation), x, t, d1, d2, alphas, betas)


def surface_rows(net, x, t, d1, d2, alphas, betas, chunk=CHUNK):
    """The "row" events of the surface, measured on `chunk` images at a time (the mean loss is the size-weighted
    mean of the chunks' means), yielding None after each chunk: Stop is honoured within tens of milliseconds
    even on 60,000 images at 61 × 61, where a whole row takes seconds."""
    parts = [slice(start, start + chunk) for start in range(0, len(x), chunk)]
    rows = [landscape.loss_surface_rows(net, x[part], t[part], d1, d2, alphas, betas) for part in parts]
    for i in range(len(betas)):
        total = np.zeros(len(alphas))
        for part, gen in zip(parts, rows, strict=True):
            total += next(gen)[1] * len(x[part])
            yield None
        yield {"kind": "row", "i": i, "row": total / len(x)}
