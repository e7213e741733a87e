"""What the Gradient field tab computes: the −∇f arrows on a grid, f sampled for its contours, ∇f at a point.

The book (4.4) draws −∇f of f(x0, x1) = x0² + x1² as arrows on x0, x1 ∈ [−2, 2] with step 0.25: every arrow
points toward the minimum. On other surfaces −∇f points where f falls fastest, which is not always the minimum.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine import expr
from engine.calculus import numerical_gradient
from engine.surfaces import Surface, get_surface

H = 1e-4  # the book's h for the central difference
MAX_ARROWS_PER_AXIS = 61  # a finer step over a wide view is coarsened to this (hundreds of arrows stay readable)
CUSTOM_KEY = "custom"
CUSTOM_VIEW = (-3.0, 3.0, -3.0, 3.0)
SCALE_MODES = ("proportional", "equal")


@dataclass(frozen=True)
class FieldDefaults:
    """Where the field opens for a surface: the view (x0_min, x0_max, x1_min, x1_max), arrow step and scaling."""

    view: tuple[float, float, float, float]
    step: float
    scale: str = "proportional"


FIELD_DEFAULTS = {
    "sphere": FieldDefaults((-2.0, 2.0, -2.0, 2.0), 0.25),  # the book's figure 4-9
    "ellipse": FieldDefaults((-10.0, 10.0, -5.0, 5.0), 1.0),
    "saddle": FieldDefaults((-3.0, 3.0, -3.0, 3.0), 0.375),
    "rosenbrock": FieldDefaults((-2.0, 2.0, -1.0, 3.0), 0.2, "equal"),
    "himmelblau": FieldDefaults((-5.0, 5.0, -5.0, 5.0), 0.5, "equal"),
    CUSTOM_KEY: FieldDefaults(CUSTOM_VIEW, 0.25),
}


def field_defaults(key):
    """The field's opening view, step and scaling for a surface key (a typed function gets [−3, 3]², 0.25)."""
    return FIELD_DEFAULTS.get(key, FIELD_DEFAULTS[CUSTOM_KEY])


def surface_from_text(text):
    """A Surface for a typed f(x0, x1), evaluated by engine.expr (never Python's eval).

    It has no analytic gradient (grad is None): only the numerical one exists. Raises expr.ExprError with
    the position of the fault when the text is not a valid expression.
    """
    f = expr.parse(text, variables=("x0", "x1"))
    return Surface(CUSTOM_KEY, text.strip(), f, None, CUSTOM_VIEW, None)


def grid_points(view, step, max_per_axis=MAX_ARROWS_PER_AXIS):
    """Grid coordinates k·step inside the view, and the step used.

    Points sit on multiples of the step (so the book's −2, −1.75, …, 2 appear whatever the view); when a
    wide view would need more than max_per_axis points on an axis, the step is doubled until it fits.
    """
    step = float(step)
    if not (math.isfinite(step) and step > 0):
        raise ValueError(f"the step must be a positive number, not {step!r}")
    lo0, hi0, lo1, hi1 = (float(v) for v in view)
    while max((hi0 - lo0), (hi1 - lo1)) / step + 1 > max_per_axis:
        step *= 2

    def axis(lo, hi):
        k = np.arange(math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9) + 1)
        return np.round(k * step, 12) + 0.0  # + 0.0 turns −0.0 into 0.0

    return axis(lo0, hi0), axis(lo1, hi1), step


def numerical_gradient_grid(f, X0, X1, h=H):
    """∂f/∂x0 ≈ (f(x0 + h, x1) − f(x0 − h, x1)) / 2h and ∂f/∂x1 likewise, at every grid point at once.

    The same central difference as calculus.numerical_gradient, vectorised over the grid.
    """
    X0 = np.asarray(X0, dtype=np.float64)
    X1 = np.asarray(X1, dtype=np.float64)
    with np.errstate(all="ignore"):
        g0 = (np.asarray(f(X0 + h, X1)) - np.asarray(f(X0 - h, X1))) / (2 * h)
        g1 = (np.asarray(f(X0, X1 + h)) - np.asarray(f(X0, X1 - h))) / (2 * h)
    return np.broadcast_to(g0, X0.shape).astype(np.float64), np.broadcast_to(g1, X0.shape).astype(np.float64)


@dataclass
class Field:
    """Arrows of sign·∇f (sign −1: the book's −∇f) at the points X0, X1 (flat arrays)."""

    X0: np.ndarray
    X1: np.ndarray
    U: np.ndarray
    V: np.ndarray
    step: float

    @property
    def magnitude(self):
        """|∇f| at every point (inf or nan where f overflows)."""
        return np.hypot(self.U, self.V)

    @property
    def largest(self):
        """The largest finite |∇f| on the grid (0.0 when there is none)."""
        m = self.magnitude
        m = m[np.isfinite(m)]
        return float(m.max()) if m.size else 0.0

    @property
    def flat(self):
        """True where ∇f counts as 0 (`is_flat` against this grid's largest |∇f|)."""
        return is_flat(self.magnitude, self.largest)


FLAT = 1e-8  # |∇f| up to this share of the view's largest counts as 0


def is_flat(magnitude, reference):
    """Whether |∇f| is 0 up to the numerical gradient's own error: at most FLAT × the largest |∇f| in view (at
    least FLAT). With h = 1e-4 the central difference is off by about h²/6·f‴ — 4e-6 at Rosenbrock's minimum
    (1, 1), where ∇f is exactly 0, against |∇f| in the thousands at its view's corners — so a bare test for 0
    would call that noise a direction; a real but small ∇f (a millionth of the largest) still gets its arrow."""
    with np.errstate(invalid="ignore"):
        return np.asarray(magnitude) <= FLAT * max(float(reference), 1.0)


def gradient_field(surface, view, step, sign=-1, max_per_axis=MAX_ARROWS_PER_AXIS):
    """sign·∇f (numerical, h = 1e-4, as the book draws it) on the grid of `grid_points(view, step)`."""
    x0, x1, used = grid_points(view, step, max_per_axis)
    X0, X1 = np.meshgrid(x0, x1)
    g0, g1 = numerical_gradient_grid(surface.func, X0, X1)
    return Field(X0.ravel(), X1.ravel(), sign * g0.ravel(), sign * g1.ravel(), used)


def arrow_scale(field, mode="proportional", fill=0.9):
    """Data units of arrow length per unit of |∇f| ("proportional"), or None when every arrow has one length.

    Proportional: the longest finite arrow is `fill` grid steps long, the others in proportion.
    """
    if mode == "equal":
        return None
    if mode != "proportional":
        raise ValueError(f"unknown scale mode {mode!r}; use one of {SCALE_MODES}")
    largest = field.largest
    return fill * field.step / largest if largest > 0 else 0.0


def gradient_at(surface, point, h=H):
    """(numerical, analytic) ∇f at the point: calculus.numerical_gradient (the book's function) and the
    surface's own formula, which is None for a typed function."""
    x = np.array(point, dtype=np.float64)
    with np.errstate(all="ignore"):
        numerical = numerical_gradient(lambda p: float(surface(p)), x, h)
        analytic = surface.gradient(np.array(point, dtype=np.float64))
    return numerical, analytic


def value_at(surface, point):
    """f at the point (a float; inf or nan when f overflows there)."""
    with np.errstate(all="ignore"):
        return float(surface(np.array(point, dtype=np.float64)))


def angle_to_minimum(point, direction, minimum):
    """Degrees between `direction` (e.g. −∇f) and the straight line from the point to the minimum.

    0° means −∇f points straight at the minimum (x0² + x1²); on x0²/20 + x1² it often is far from 0.
    None when there is no minimum, the point is the minimum, or the direction is zero or not finite.
    """
    if minimum is None:
        return None
    d = np.asarray(direction, dtype=np.float64)
    to_min = np.asarray(minimum, dtype=np.float64) - np.asarray(point, dtype=np.float64)
    nd, nm = np.linalg.norm(d), np.linalg.norm(to_min)
    if not (np.isfinite(nd) and nd > 0 and nm > 0):
        return None
    cross = d[0] * to_min[1] - d[1] * to_min[0]
    return abs(math.degrees(math.atan2(cross, float(np.dot(d, to_min)))))  # atan2 stays exact near 0°


def surface_image(surface, view, n=200):
    """f at the centres of an n×n pixel grid over the view: (x0 centres, x1 centres, Z) with Z[i, j] at
    (x0[j], x1[i]); overflow becomes nan (shown as a gap), never an error."""
    lo0, hi0, lo1, hi1 = view
    x0 = lo0 + (np.arange(n) + 0.5) * (hi0 - lo0) / n
    x1 = lo1 + (np.arange(n) + 0.5) * (hi1 - lo1) / n
    X0, X1 = np.meshgrid(x0, x1)
    with np.errstate(all="ignore"):
        Z = np.broadcast_to(np.asarray(surface.func(X0, X1), dtype=np.float64), X0.shape).copy()
    Z[~np.isfinite(Z)] = np.nan
    return x0, x1, Z


def snap(value, resolution):
    """value rounded to a multiple of resolution, printed cleanly (3.0, not 3.0000000000000004)."""
    k = round(float(value) / resolution)
    decimals = max(0, -math.floor(math.log10(resolution)) + 1)
    return round(k * resolution, decimals) + 0.0


def click_resolution(width, pixels=200):
    """A 1·2·5 × 10ᵏ step near width / pixels: clicks snap to it, so a click on (3, 4) is exactly (3, 4)."""
    raw = width / pixels
    e = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * 10.0**e >= raw:
            return float(f"{m * 10.0**e:.12g}")
    return 10.0 ** (e + 1)


def surface_for(key, text=""):
    """The surface by key, or the typed function when key is CUSTOM_KEY (may raise expr.ExprError)."""
    return surface_from_text(text) if key == CUSTOM_KEY else get_surface(key)
