"""Plot geometry of the Descent tab for pyqtgraph: arrows as connect="pairs" points, paths clipped to what a
painter can draw, y ranges and log-axis ticks (as log10 exponents, pyqtgraph's log mode), playback timing.

What is drawn comes from engine.lab.descent; this module only turns it into points and ranges for the plots.
"""
from __future__ import annotations

import math

import numpy as np


def arrow(tail, head, head_size):
    """Line segments (pairs of points) of an arrow tail → head with a head of length head_size.

    Returns 6 points for pyqtgraph's connect="pairs": the shaft and the head's two strokes at ±25°;
    an empty (0, 2) array when tail and head coincide or are not finite.
    """
    tail, head = np.asarray(tail, dtype=np.float64), np.asarray(head, dtype=np.float64)
    d = head - tail
    length = math.hypot(*d)
    if not (math.isfinite(length) and length > 0):
        return np.zeros((0, 2))
    size = min(head_size, 0.4 * length)
    back = -d / length * size
    c, s = math.cos(math.radians(25)), math.sin(math.radians(25))
    left = head + np.array([c * back[0] - s * back[1], s * back[0] + c * back[1]])
    right = head + np.array([c * back[0] + s * back[1], -s * back[0] + c * back[1]])
    return np.array([tail, head, head, left, head, right])


def display_box(surface, factor: float = 1000.0):
    """The surface's view grown `factor` times about its centre: what is drawn is clipped to it, since painters
    work in fixed point and a path through x = 1e152 would be drawn as garbage."""
    a, b, c, d = surface.view
    cx, cy, hx, hy = (a + b) / 2, (c + d) / 2, factor * (b - a) / 2, factor * (d - c) / 2
    return (cx - hx, cx + hx, cy - hy, cy + hy)


def clip_segments(starts, ends, box):
    """The parts of the segments starts[i] → ends[i] inside box (x_min, x_max, y_min, y_max), Liang–Barsky.

    Returns (3m, 2) points: each kept segment's two ends, then a NaN row (a break for connect="finite").
    Segments with a non-finite end are left out, and so are those with both ends beyond 1e7 box sizes: there the
    points' own rounding (1e-16 of their size) is no longer small against the view, so where such a segment crosses
    the view is noise.
    """
    p0, p1 = np.asarray(starts, dtype=np.float64), np.asarray(ends, dtype=np.float64)
    x_min, x_max, y_min, y_max = box
    far = 1e7 * max(x_max - x_min, y_max - y_min)
    with np.errstate(all="ignore"):
        d = p1 - p0
        t0, t1 = np.zeros(len(p0)), np.ones(len(p0))
        keep = np.all(np.isfinite(p0), axis=1) & np.all(np.isfinite(p1), axis=1) & np.all(np.isfinite(d), axis=1)
        keep &= np.minimum(np.abs(p0).max(axis=1), np.abs(p1).max(axis=1)) < far
        for p, q in ((-d[:, 0], p0[:, 0] - x_min), (d[:, 0], x_max - p0[:, 0]),
                     (-d[:, 1], p0[:, 1] - y_min), (d[:, 1], y_max - p0[:, 1])):
            keep &= ~((p == 0) & (q < 0))  # parallel to this edge and outside it
            r = q / p
            t0 = np.where(p < 0, np.maximum(t0, r), t0)
            t1 = np.where(p > 0, np.minimum(t1, r), t1)
        keep &= t0 <= t1
        p0, p1, d = p0[keep], p1[keep], d[keep]
        t0, t1 = t0[keep, None], t1[keep, None]
        # measured from the nearer end: the other may be huge
        a = np.where(t0 <= 0.5, p0 + t0 * d, p1 - (1 - t0) * d)
        b = np.where(t1 <= 0.5, p0 + t1 * d, p1 - (1 - t1) * d)
    out = np.full((3 * len(a), 2), np.nan)
    out[0::3], out[1::3] = a, b
    out[:, 0] = np.clip(out[:, 0], x_min, x_max)  # rounding may overshoot an edge by an ulp
    out[:, 1] = np.clip(out[:, 1], y_min, y_max)
    return out


def clip_path(points, box):
    """A path ready to draw: unchanged when it lies inside box, else clip_segments of its steps."""
    points = np.asarray(points, dtype=np.float64)
    x_min, x_max, y_min, y_max = box
    if np.all((points[:, 0] >= x_min) & (points[:, 0] <= x_max) & (points[:, 1] >= y_min) & (points[:, 1] <= y_max)):
        return points
    return clip_segments(points[:-1], points[1:], box)


def gradient_arrow(x, g, length):
    """The direction of ∇f at x drawn with a fixed length (the gradient's own size is in the table)."""
    g = np.asarray(g, dtype=np.float64)
    norm = math.hypot(*g)
    if not (math.isfinite(norm) and norm > 0):
        return None
    return np.asarray(x, dtype=np.float64) + g / norm * length


def view_size(surface) -> float:
    """The diagonal of the surface's view: the scale for arrow heads and 'did it move' tests."""
    a, b, c, d = surface.view
    return math.hypot(b - a, d - c)


def axis_range(values, log: bool) -> tuple[float, float]:
    """A y range holding the finite values that changes rarely as they grow: whole decades on a log axis
    (returned as log10 exponents, as pyqtgraph's log mode wants), steps of 1-2-5 × 10^k on a linear one."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v) & ((v > 0) if log else True)]
    if v.size == 0:
        return (0.0, 1.0)
    if log:
        lo, hi = math.floor(math.log10(v.min())), math.ceil(math.log10(v.max()))
        if hi - lo < 2:  # at least two decades (room below: f usually falls), or the tick labels crowd
            lo = hi - 2
        return (float(lo), float(hi))
    lo, hi = float(v.min()), float(v.max())
    span = max(hi - lo, abs(hi), abs(lo), 1e-300)  # measured against the size of the values: few changes
    decade = 10.0 ** math.floor(math.log10(span))
    unit = next(m * decade for m in (0.1, 0.2, 0.5, 1.0) if span <= 10 * m * decade)
    bottom, top = math.floor(lo / unit) * unit, math.ceil(hi / unit) * unit
    if not math.isfinite(bottom + top):  # near the largest float the rounding itself overflows
        return (lo, hi)
    return (bottom, top if top > bottom else bottom + unit)


def target_index(start_index: int, elapsed_s: float, steps_per_second: float) -> int:
    """The step an animation playing at steps_per_second since start_index should show after elapsed_s."""
    return start_index + int(math.floor(max(elapsed_s, 0.0) * steps_per_second + 1e-9))


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_ticks(lo: float, hi: float):
    """pyqtgraph ticks for a log axis from 10^lo to 10^hi: a labelled tick every few decades, at most eight."""
    lo, hi = int(lo), int(hi)
    every = max(1, -(-(hi - lo) // 7))
    major = [(e, "1" if e == 0 else f"10{str(e).translate(SUPERSCRIPT)}") for e in range(lo, hi + 1)
             if e % every == 0]
    minor = [(e, "") for e in range(lo, hi + 1) if e % every]
    return [major, minor]


def log_values(f):
    """f for a log axis: values ≤ 0 become NaN (gaps in the curve)."""
    f = np.asarray(f, dtype=np.float64)
    return np.where(f > 0, f, np.nan)
