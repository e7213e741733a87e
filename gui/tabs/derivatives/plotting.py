"""How the Derivatives tab's numbers go on a pyqtgraph plot (no Qt here, only the geometry).

A plot cannot span 1e217 (exp(100x)), so values beyond DRAW_LIMIT are left out; a log axis has no 0, so an
error of exactly 0 is drawn at ERROR_FLOOR. The numbers themselves come from engine.lab.derivatives.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from engine.lab import derivatives as lab

DRAW_LIMIT = 1e12  # |y| beyond this is not drawn
ERROR_FLOOR = 1e-18  # an error of exactly 0 is drawn here, the floor of the error plot


def drawable(ys):
    """ys with values that cannot be drawn (inf, nan, |y| > DRAW_LIMIT) set to nan."""
    ys = np.array(ys, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        ys[~(np.abs(ys) <= DRAW_LIMIT)] = np.nan
    return ys


def y_range(*arrays, margin=0.08):
    """(low, high) that shows every drawable value with a margin; None when there is nothing to show."""
    values = np.concatenate([drawable(np.ravel(a)) for a in arrays])
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    low, high = float(values.min()), float(values.max())
    pad = margin * (high - low) if high > low else max(1.0, abs(high) * margin)
    return low - pad, high + pad


def curve(fn, view=None, n=lab.POINTS):
    """(xs, ys) of f over the view, with what cannot be drawn left out."""
    xs, ys = lab.curve(fn, view, n)
    return xs, drawable(ys)


def tangent_segment(fn, x0, view, h=lab.H_BOOK, n=lab.POINTS):
    """(xs, ys) of the tangent at x0 across the view, with the parts beyond DRAW_LIMIT left out."""
    xs = np.linspace(view[0], view[1], n)
    return xs, drawable(lab.tangent(fn, x0, xs, h))


def plottable(errors):
    """Errors for a log axis: exact zeros become ERROR_FLOOR, non-finite values nan."""
    errors = np.array(errors, dtype=np.float64)
    errors[~np.isfinite(errors)] = np.nan
    errors[errors == 0] = ERROR_FLOOR
    return errors


def polylines(x, y, decimals=9):
    """connect="pairs" segments (engine.lab.contours.contour_segments) joined end to end, for connect="finite".

    Lines are separated by nan. A see-through pen then covers each shared end once; drawn as pairs, it covers
    it twice and the contour looks dotted. Ends are matched after rounding to `decimals` digits of the span.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    scale = max(float(np.ptp(x)), float(np.ptp(y)), 1e-300) if x.size else 1.0
    keys = [tuple(k) for k in np.round(np.column_stack([x, y]) / scale, decimals)]
    at = defaultdict(list)  # rounded point → indices of the segment ends there
    for i, key in enumerate(keys):
        at[key].append(i)
    used = np.zeros(len(x) // 2, dtype=bool)

    def follow(end):
        """The points after `end` (an index into x, y) along segments not used yet."""
        points = []
        while True:
            nxt = next((i for i in at[keys[end]] if not used[i // 2]), None)
            if nxt is None:
                return points
            used[nxt // 2] = True
            end = nxt ^ 1  # the segment's other end
            points.append(end)

    out = []
    for s in np.flatnonzero(~used):
        if used[s]:
            continue
        used[s] = True
        out.extend(follow(2 * s)[::-1] + [2 * s, 2 * s + 1] + follow(2 * s + 1) + [-1])
    index = np.array(out, dtype=np.intp)
    gap = index < 0
    return np.where(gap, np.nan, x[index]), np.where(gap, np.nan, y[index])
