"""Copy as Python for the Gradient field tab: the arrows of −∇f (or +∇f) on the grid of the surface's opening
view, as the book draws figure 4-9, and f and ∇f at the picked point."""
from __future__ import annotations

from engine.lab import field as field_lab
from gui.scripts.book import NUMERICAL_GRADIENT, NUMPY_QUIET, surface
from gui.scripts.render import header, join, number, numbers, quoted


def script(tab) -> str:
    s = tab.state
    code, formula, analytic = surface(s.key, s.text)
    typed = "" if analytic else f"  (typed in the app: {quoted(s.text)})"
    lo0, hi0, lo1, hi1 = field_lab.field_defaults(s.key).view
    x0, x1, step = field_lab.grid_points((lo0, hi0, lo1, hi1), s.step)
    k0, k1 = (round(float(v[0]) / step) for v in (x0, x1))
    arrow = "+∇f (where f rises fastest)" if s.ascent else "−∇f (where f falls fastest)"
    parts = [header("The gradient of f(x0, x1) as a field of arrows (the book's 4.4, figure 4-9).", "Gradient field"),
             NUMERICAL_GRADIENT, "" if analytic else NUMPY_QUIET,
             code.replace("def f(", f"# f(x0, x1) = {formula}{typed}\ndef f(", 1),
             f"# The grid: multiples of the step {number(step)} inside x0 ∈ [{number(lo0)}, {number(hi0)}], "
             f"x1 ∈ [{number(lo1)}, {number(hi1)}]\n"
             f"x0 = np.round(np.arange({k0}, {k0 + len(x0)}) * {number(step)}, 12)\n"
             f"x1 = np.round(np.arange({k1}, {k1 + len(x1)}) * {number(step)}, 12)\n"
             "X0, X1 = np.meshgrid(x0, x1)\n"
             "points = np.array([X0.flatten(), X1.flatten()]).T  # one row per arrow\n"
             "grad = np.array([numerical_gradient(f, p) for p in points])\n"
             f"arrows = {'' if s.ascent else '-'}grad  # {arrow}; draw them with plt.quiver(X0, X1, *arrows.T)\n"
             'print("arrows:", len(points))\n'
             "lengths = np.hypot(grad[:, 0], grad[:, 1])\n"
             'print("largest |∇f| on the grid:", np.max(lengths[np.isfinite(lengths)]))\n']
    if s.point is not None:
        minimum = field_lab.get_surface(s.key).minimum if analytic else None
        part = (f"x = np.array({numbers(s.point)})  # the point you picked\n"
                'print("f(x):", f(x))\n'
                'print("numerical_gradient(f, x):", numerical_gradient(f, x.copy()))\n')
        if analytic:
            part += 'print("analytic gradient:", gradient(x))\n'
        if minimum is not None:
            part += (f"to_min = np.array({numbers(minimum)}) - x  # the straight line to the minimum\n"
                     "d = -numerical_gradient(f, x.copy())\n"
                     "if np.hypot(*d) > 0 and np.hypot(*to_min) > 0:\n"
                     "    angle = np.degrees(np.arctan2(d[0] * to_min[1] - d[1] * to_min[0], d @ to_min))\n"
                     '    print("angle between −∇f and the way to the minimum (degrees):", abs(angle))\n')
        parts.append(part)
    return join(parts)
