"""Contours of a surface Z[i, j] = f(x0[j], x1[i]): the one contour implementation every map uses.

Lines by marching squares (`contour_segments`), filled bands (`bands`), and three ways to choose the heights:
`contour_levels` (linear, or log for a narrow valley), `sqrt_levels` (circles of x0² + x1² evenly spaced in
radius) and `quantile_levels` (more lines near the bottom, where a descent ends).
"""
from __future__ import annotations

import math

import numpy as np

SPACINGS = ("auto", "linear", "log")


def level_spacing(Z):
    """"log" when most of the surface lies in a narrow valley far below its highest values (Rosenbrock,
    Himmelblau), else "linear": the median sits in the lowest 15 % of the range."""
    z = Z[np.isfinite(Z)]
    if z.size == 0:
        return "linear"
    lo, hi = float(z.min()), float(z.max())
    if not hi > lo:
        return "linear"
    return "log" if (float(np.median(z)) - lo) < 0.15 * (hi - lo) else "linear"


def contour_levels(Z, n=12, spacing="auto"):
    """n + 1 band edges from min f to max f over the finite values, and the spacing used.

    linear: evenly spaced. log: evenly spaced in log10(f − f_min + δ) with δ = 10⁻⁴ (f_max − f_min), so the
    narrow low valley gets most of the bands.
    """
    if spacing == "auto":
        spacing = level_spacing(Z)
    if spacing not in ("linear", "log"):
        raise ValueError(f"unknown spacing {spacing!r}; use one of {SPACINGS}")
    z = Z[np.isfinite(Z)]
    if z.size == 0:
        return np.linspace(0.0, 1.0, n + 1), spacing
    lo, hi = float(z.min()), float(z.max())
    if not hi > lo:
        hi = lo + 1.0
    if spacing == "linear":
        return np.linspace(lo, hi, n + 1), spacing
    delta = 1e-4 * (hi - lo)
    t = np.linspace(math.log10(delta), math.log10(hi - lo + delta), n + 1)
    levels = lo - delta + 10.0**t
    levels[0], levels[-1] = lo, hi
    return levels, spacing


def bands(Z, levels):
    """Band index (0 … len(levels) − 2) of every value, as float with nan where f is not finite."""
    k = np.clip(np.searchsorted(levels, Z, side="right") - 1, 0, len(levels) - 2).astype(np.float64)
    k[~np.isfinite(Z)] = np.nan
    return k


def contour_segments(x0, x1, Z, levels):
    """Contour lines of Z (Z[i, j] at (x0[j], x1[i])) at each level, by marching squares.

    Returns x, y for a connect="pairs" line (2 points per segment). Cells touching a nan are skipped; a cell
    cut on all four edges is split by the value at its centre.
    """
    x0 = np.asarray(x0, dtype=np.float64)
    x1 = np.asarray(x1, dtype=np.float64)
    X, Y = np.meshgrid(x0[:-1], x1[:-1])
    DX, DY = np.meshgrid(np.diff(x0), np.diff(x1))
    a, b = Z[:-1, :-1].ravel(), Z[:-1, 1:].ravel()  # corners (x0[j], x1[i]), (x0[j+1], x1[i])
    c, d = Z[1:, :-1].ravel(), Z[1:, 1:].ravel()  # (x0[j], x1[i+1]), (x0[j+1], x1[i+1])
    X, Y, DX, DY = X.ravel(), Y.ravel(), DX.ravel(), DY.ravel()
    with np.errstate(all="ignore"):
        low = np.minimum(np.minimum(a, b), np.minimum(c, d))  # nan when a corner is nan
        high = np.maximum(np.maximum(a, b), np.maximum(c, d))
    out_x, out_y = [], []
    with np.errstate(all="ignore"):
        for level in levels:
            k = np.nonzero((low < level) & (high >= level))[0]  # only the cells this level crosses
            ak, bk, ck, dk, xk, yk, dxk, dyk = a[k], b[k], c[k], d[k], X[k], Y[k], DX[k], DY[k]
            sa, sb, sc, sd = ak >= level, bk >= level, ck >= level, dk >= level
            # crossing points on the four edges: bottom a–b, right b–d, top c–d, left a–c
            ex = [xk + dxk * (level - ak) / (bk - ak), xk + dxk, xk + dxk * (level - ck) / (dk - ck), xk]
            ey = [yk, yk + dyk * (level - bk) / (dk - bk), yk + dyk, yk + dyk * (level - ak) / (ck - ak)]
            cut = [sa != sb, sb != sd, sc != sd, sa != sc]
            count = cut[0].astype(np.int8) + cut[1] + cut[2] + cut[3]
            two = count == 2
            # two cuts: join them (the first and the last cut edge in the order bottom, right, top, left)
            first_x = np.select(cut[:3], ex[:3])[two]
            first_y = np.select(cut[:3], ey[:3])[two]
            last_x = np.select(cut[:0:-1], ex[:0:-1])[two]
            last_y = np.select(cut[:0:-1], ey[:0:-1])[two]
            out_x.append(np.column_stack([first_x, last_x]).ravel())
            out_y.append(np.column_stack([first_y, last_y]).ravel())
            four = count == 4
            if four.any():
                # the centre on a's side joins a and d: cut off corners b (bottom, right) and c (top, left);
                # otherwise b and c are joined: cut off a (bottom, left) and d (right, top)
                joined = ((ak + bk + ck + dk) / 4 >= level) == sa
                for pick, pairs in ((four & joined, ((0, 1), (2, 3))), (four & ~joined, ((0, 3), (1, 2)))):
                    for e1, e2 in pairs:
                        out_x.append(np.column_stack([ex[e1][pick], ex[e2][pick]]).ravel())
                        out_y.append(np.column_stack([ey[e1][pick], ey[e2][pick]]).ravel())
    if not out_x:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(out_x), np.concatenate(out_y)


def sqrt_levels(Z, count=8):
    """`count` heights between the smallest and largest of Z, evenly spaced in √(height − min).

    For x0² + x1² that spaces the contour circles evenly in radius, as a drawn map would.
    """
    Z = np.asarray(Z, dtype=np.float64)
    finite = Z[np.isfinite(Z)]
    if finite.size == 0 or finite.max() == finite.min():
        return np.array([])
    low, high = finite.min(), finite.max()
    r = np.linspace(0.0, np.sqrt(high - low), count + 2)[1:-1]
    return low + r**2


def quantile_levels(Z, count=14):
    """Levels for the contour lines: closer together near the bottom, where the descent ends.

    Quantiles of the finite values of Z at probabilities growing like p², so the low valleys get more lines.
    """
    z = np.asarray(Z, dtype=np.float64)
    z = z[np.isfinite(z)]
    if z.size == 0:
        return np.zeros(0)
    p = np.linspace(0.03, 0.97, count) ** 2
    return np.unique(np.quantile(z, p))
