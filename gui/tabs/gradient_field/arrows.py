"""Arrows as line segments for one pyqtgraph line drawn with connect="pairs" (plot geometry, no mathematics).

engine.lab.field computes the vectors sign·∇f and how many data units of length a unit of |∇f| gets; this
module only turns them into the shaft and two head strokes of each drawn arrow.
"""
from __future__ import annotations

import math

import numpy as np

from engine.lab.field import arrow_scale, is_flat


def arrow_segments(X0, X1, U, V, length, head=0.3, angle=25.0):
    """Line segments (x, y) for a connect="pairs" line: for each arrow a shaft and two head strokes.

    `length` is each arrow's drawn length (array or number) in data units; arrows whose direction is not
    finite or zero are left out. Returns x, y with 6 points (3 segments) per drawn arrow.
    """
    X0, X1, U, V = (np.atleast_1d(np.asarray(a, dtype=np.float64)) for a in (X0, X1, U, V))
    length = np.broadcast_to(np.asarray(length, dtype=np.float64), X0.shape)
    with np.errstate(all="ignore"):
        m = np.hypot(U, V)
        ok = np.isfinite(m) & (m > 0) & np.isfinite(length) & (length > 0)
        ux, uy = U[ok] / m[ok], V[ok] / m[ok]
    x, y, L = X0[ok], X1[ok], length[ok]
    tx, ty = x + ux * L, y + uy * L
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    hl = head * L
    # the two head strokes: the reversed direction rotated by ±angle
    h1x, h1y = tx - hl * (c * ux - s * uy), ty - hl * (s * ux + c * uy)
    h2x, h2y = tx - hl * (c * ux + s * uy), ty - hl * (-s * ux + c * uy)
    xs = np.column_stack([x, tx, tx, h1x, tx, h2x]).ravel()
    ys = np.column_stack([y, ty, ty, h1y, ty, h2y]).ravel()
    return xs, ys


def field_arrows(field, mode="proportional", fill=0.9):
    """The arrows of a Field as connect="pairs" segments, and the scale used (None for equal lengths).

    Proportional: the longest arrow is `fill` grid steps long. Equal: every arrow is 0.75 of a step long,
    so only the direction is shown — except where ∇f counts as 0 (engine.lab.field.is_flat): no arrow there.
    """
    scale = arrow_scale(field, mode, fill)
    length = np.where(field.flat, 0.0, 0.75 * field.step) if scale is None else field.magnitude * scale
    xs, ys = arrow_segments(field.X0, field.X1, field.U, field.V, length)
    return xs, ys, scale


def point_arrow_length(g, field, view, mode="proportional", share=0.25):
    """Drawn length of the picked point's arrow g: on a scale where the grid's longest arrow would be
    `share` of the view's shorter side (equal mode: that length for every g), so it stands out."""
    side = share * min(view[1] - view[0], view[3] - view[2])
    largest = field.largest
    norm = float(np.hypot(*g))
    if is_flat(norm, largest):
        return 0.0
    if mode == "equal":
        return side
    if not np.isfinite(norm):
        return 0.0
    return side * min(norm / largest, 2.0) if largest > 0 else side
