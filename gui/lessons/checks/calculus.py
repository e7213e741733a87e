"""Checks of the Derivatives tab (4.3 and the computation graphs) and the Gradient field tab (4.4)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine import graph
from engine.calculus import numerical_gradient
from engine.lab import derivatives as derivative_lab
from engine.lab import field as field_lab
from gui.lessons.checks import Verdict, check, fill, number


# ---------------------------------------------------------------------------------------------- Derivatives (4.3)
@check("derivatives.slope_vanishes", "derivatives")
def _(tab):
    """h so small that x0 + h == x0: both differences are exactly 0 (the book's h = 1e-50)."""
    s = tab.state
    d = derivative_lab.derivative_at(s.fn, s.x0, s.h)
    if d["forward"] == 0.0 and d["central"] == 0.0:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "With h = %1 the numerical derivative is 0.0: x0 + h rounds back to x0 = %2, so f(x0 + h) − "
                       "f(x0) is 0 — a rounding error, not the slope."), f"{s.h:.3g}", number(s.x0)))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "With h = %1 the central difference is still %2. Make h far smaller (try powers of ten below "
                   "1e-16 on the Error against h page)."), f"{s.h:.3g}", number(d["central"])))


@check("derivatives.book_slope", "derivatives", kind="answer", x=float)
def _(tab, x):
    """The exact slope of the book's y = 0.01x² + 0.1x at x: 0.02x + 0.1."""
    return float(derivative_lab.FUNCTIONS["book"].exact(x))


@check("derivatives.partials_are", "derivatives", d0=float, d1=float)
def _(tab, d0, d1):
    """The partial derivatives' point where ∂f/∂x0 = d0 and ∂f/∂x1 = d1 on f = x0² + x1² (within 0.1)."""
    s = tab.state
    g = numerical_gradient(lambda p: derivative_lab.function_2(p[0], p[1]), np.array([s.p0, s.p1]))
    if abs(g[0] - d0) <= 0.1 and abs(g[1] - d1) <= 0.1:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "At (%1, %2): ∂f/∂x0 = %3 and ∂f/∂x1 = %4 — each is 2 × its own coordinate."),
            number(s.p0), number(s.p1), number(g[0]), number(g[1])))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Here ∂f/∂x0 = %1 and ∂f/∂x1 = %2. Each slice's slope is 2 × its coordinate: move the point "
                   "so that x0 = %3 and x1 = %4."), number(g[0]), number(g[1]), number(d0 / 2), number(d1 / 2)))


# ---------------------------------------------------------------------------------------------- computation graphs
@check("graph.J_derivative", "derivatives", kind="answer", node=str)
def _(tab, node):
    """∂J/∂node of J = 3(a + bc) for the inputs on the graph page."""
    s = tab.state
    return float(graph.backward(graph.forward(s.a, s.b, s.c))[node])


@check("graph.logistic_derivative", "derivatives", kind="answer", node=str)
def _(tab, node):
    """dL/dnode of the logistic graph for the inputs on the graph page (da, dz, dw1, dw2, db)."""
    s = tab.state
    return float(graph.logistic_backward(graph.logistic_forward(s.x1, s.x2, s.w1, s.w2, s.bias, s.y))[node])


# ---------------------------------------------------------------------------------------------- Gradient field (4.4)
def picked(tab):
    """(surface, point, numerical ∇f) of the Gradient field tab's picked point, or None without one."""
    point = tab.state.point
    if point is None:
        return None
    numerical, _ = field_lab.gradient_at(tab.surface, point)
    return tab.surface, point, numerical


def wrong_surface(tab, surface) -> Verdict | None:
    if tab.state.key == surface:
        return None
    return Verdict(False, QCoreApplication.translate(
        "lessons", "This exercise is on another function: press Show me to bring it back."))


@check("gradient_field.gradient_is", "gradient_field", surface=str, g0=float, g1=float)
def _(tab, surface, g0, g1):
    """Pick the point where the numerical ∇f is (g0, g1) (within 0.1)."""
    wrong = wrong_surface(tab, surface)
    if wrong:
        return wrong
    found = picked(tab)
    if found is None:
        return Verdict(False, QCoreApplication.translate("lessons", "Click a point on the map first."))
    _, point, g = found
    if abs(g[0] - g0) <= 0.1 and abs(g[1] - g1) <= 0.1:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "∇f = (%1, %2) at (%3, %4): on x0² + x1² the gradient is (2x0, 2x1), pointing away from "
                       "the minimum."), number(g[0]), number(g[1]), number(point[0]), number(point[1])))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "∇f = (%1, %2) at the point you picked. On x0² + x1² it is (2x0, 2x1): where is 2x0 = %3 and "
                   "2x1 = %4?"), number(g[0]), number(g[1]), number(g0), number(g1)))


@check("gradient_field.misses_minimum", "gradient_field", surface=str, degrees=float)
def _(tab, surface, degrees):
    """Pick a point where −∇f points at least `degrees` away from the straight line to the minimum."""
    wrong = wrong_surface(tab, surface)
    if wrong:
        return wrong
    found = picked(tab)
    if found is None:
        return Verdict(False, QCoreApplication.translate("lessons", "Click a point on the map first."))
    shape, point, g = found
    angle = field_lab.angle_to_minimum(point, -g, shape.minimum)
    if angle is not None and angle >= degrees:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Here −∇f points %1° away from the minimum: the steepest way down is not the way to the "
                       "lowest point."), f"{angle:.0f}"))
    shown = "—" if angle is None else f"{angle:.0f}"
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Here the angle is %1°. The bowl is long and narrow: try points far out along x0 with a small "
                   "x1."), shown))
