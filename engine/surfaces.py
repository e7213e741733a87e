"""Named functions of two variables, each with its value, analytic gradient and a sensible view."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Surface:
    """f(x0, x1) with its analytic gradient.

    Calling the surface with x of shape (2, ...) evaluates f(x[0], x[1]), so it serves both the book's
    f(x) on a point and a whole grid of points. `gradient(x)` returns an array shaped like x.
    """

    key: str
    formula: str
    func: Callable
    grad: Callable | None
    view: tuple[float, float, float, float]  # x0_min, x0_max, x1_min, x1_max
    minimum: tuple[float, float] | None = None

    def __call__(self, x):
        x = np.asarray(x, dtype=np.float64)
        return self.func(x[0], x[1])

    def gradient(self, x):
        """Analytic ∇f at x (shape (2, ...)); None when the surface has no analytic gradient."""
        if self.grad is None:
            return None
        x = np.asarray(x, dtype=np.float64)
        g0, g1 = self.grad(x[0], x[1])
        return np.stack(np.broadcast_arrays(g0, g1)).astype(np.float64)

    def grid(self, n=101, margin=0.0):
        """X0, X1, Z on an n×n grid over the view, for contours; `margin` widens each side by that share of the
        view's span (a wide window shows more than the view: its sides get contours too)."""
        a, b, c, d = self.view
        ex, ey = margin * (b - a), margin * (d - c)
        x0 = np.linspace(a - ex, b + ex, n)
        x1 = np.linspace(c - ey, d + ey, n)
        X0, X1 = np.meshgrid(x0, x1)
        with np.errstate(all="ignore"):
            Z = self.func(X0, X1)
        return X0, X1, np.broadcast_to(Z, X0.shape).astype(np.float64)


def function_2(x):
    """The book's f(x0, x1) = x0² + x1² (4.3.3), on a point or on rows of points."""
    x = np.asarray(x, dtype=np.float64)
    return np.sum(x**2) if x.ndim == 1 else np.sum(x**2, axis=-1)


SURFACES = {
    s.key: s
    for s in (
        Surface("sphere", "x0² + x1²", lambda a, b: a**2 + b**2, lambda a, b: (2 * a, 2 * b),
                (-4.5, 4.5, -4.5, 4.5), (0.0, 0.0)),
        Surface("ellipse", "x0²/20 + x1²", lambda a, b: a**2 / 20 + b**2, lambda a, b: (a / 10, 2 * b),
                (-10.0, 10.0, -5.0, 5.0), (0.0, 0.0)),
        Surface("saddle", "x0² − x1²", lambda a, b: a**2 - b**2, lambda a, b: (2 * a, -2 * b),
                (-3.0, 3.0, -3.0, 3.0), None),
        Surface("rosenbrock", "(1 − x0)² + 100(x1 − x0²)²",
                lambda a, b: (1 - a) ** 2 + 100 * (b - a**2) ** 2,
                lambda a, b: (-2 * (1 - a) - 400 * a * (b - a**2), 200 * (b - a**2)),
                (-2.0, 2.0, -1.0, 3.0), (1.0, 1.0)),
        Surface("himmelblau", "(x0² + x1 − 11)² + (x0 + x1² − 7)²",
                lambda a, b: (a**2 + b - 11) ** 2 + (a + b**2 - 7) ** 2,
                lambda a, b: (4 * a * (a**2 + b - 11) + 2 * (a + b**2 - 7),
                              2 * (a**2 + b - 11) + 4 * b * (a + b**2 - 7)),
                (-5.0, 5.0, -5.0, 5.0), (3.0, 2.0)),
    )
}


def get_surface(key):
    """The named surface; KeyError names the known ones."""
    try:
        return SURFACES[key]
    except KeyError:
        raise KeyError(f"unknown surface {key!r}; known: {', '.join(SURFACES)}") from None
