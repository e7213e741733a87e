"""engine.lab.field: the book's −∇f field, the gradient at a point both ways, contours, typed functions."""
import numpy as np
import pytest

from engine import expr
from engine.calculus import numerical_gradient
from engine.lab import contours
from engine.lab import field as field_lab
from engine.surfaces import get_surface

SPHERE = get_surface("sphere")


@pytest.mark.parametrize(
    ("point", "expected"),
    [((3.0, 4.0), [6.00000000000378, 7.999999999999119]), ((0.0, 2.0), [0.0, 4.000000000004]),
     ((3.0, 0.0), [6.000000000012662, 0.0])],
)
def test_curriculum_gradients_numerically_and_analytically(point, expected):
    numerical, analytic = field_lab.gradient_at(SPHERE, point)
    assert list(numerical) == expected  # float64, exactly the book's printout
    np.testing.assert_allclose(numerical, 2 * np.array(point), atol=1e-10)
    assert list(analytic) == [2 * point[0], 2 * point[1]]


def test_book_view_is_the_default_for_x0_squared_plus_x1_squared():
    d = field_lab.field_defaults("sphere")
    assert d.view == (-2.0, 2.0, -2.0, 2.0) and d.step == 0.25
    x0, x1, step = field_lab.grid_points(d.view, d.step)
    assert step == 0.25
    np.testing.assert_array_equal(x0, np.arange(-2, 2.0001, 0.25))
    assert len(x1) == 17 and x1[0] == -2.0 and x1[-1] == 2.0 and 0.0 in x1


def test_grid_sits_on_multiples_of_the_step_and_coarsens_on_wide_views():
    x0, _, step = field_lab.grid_points((-1.1, 0.9, 0, 1), 0.25)
    assert list(x0) == [-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75]
    x0, x1, step = field_lab.grid_points((-100, 100, -100, 100), 0.25, max_per_axis=61)
    assert step == 4.0 and len(x0) <= 61 and len(x1) <= 61
    with pytest.raises(ValueError):
        field_lab.grid_points((0, 1, 0, 1), 0.0)


def test_grid_gradient_is_the_books_numerical_gradient_at_each_point():
    f = get_surface("himmelblau")
    field = field_lab.gradient_field(f, (-2, 2, -2, 2), 0.5, sign=+1)
    for k in (0, 7, 40, field.X0.size - 1):
        p = np.array([field.X0[k], field.X1[k]])
        g = numerical_gradient(lambda x: float(f(x)), p)
        np.testing.assert_allclose([field.U[k], field.V[k]], g, rtol=1e-12, atol=1e-12)


def test_minus_gradient_of_the_bowl_points_at_the_minimum_but_not_on_the_ellipse():
    field = field_lab.gradient_field(SPHERE, (-2, 2, -2, 2), 0.25)
    away = (field.X0 != 0) | (field.X1 != 0)
    cos = -(field.U * field.X0 + field.V * field.X1)[away] / (
        field.magnitude[away] * np.hypot(field.X0, field.X1)[away])
    np.testing.assert_allclose(cos, 1.0, atol=1e-9)  # every arrow aims at (0, 0)
    assert field_lab.angle_to_minimum((1, 1), (-2, -2), (0, 0)) == pytest.approx(0.0, abs=1e-6)
    ellipse = get_surface("ellipse")
    numerical, _ = field_lab.gradient_at(ellipse, (-7, 2))
    assert field_lab.angle_to_minimum((-7, 2), -numerical, ellipse.minimum) > 60
    assert field_lab.angle_to_minimum((1, 1), (1, 0), None) is None


def test_levels_are_log_spaced_for_rosenbrock_and_even_for_the_bowl():
    _, _, z = field_lab.surface_image(get_surface("rosenbrock"), (-2, 2, -1, 3), 100)
    levels, spacing = contours.contour_levels(z, 12)
    assert spacing == "log" and len(levels) == 13
    assert levels[0] == np.nanmin(z) and levels[-1] == np.nanmax(z)
    assert np.sum(levels < 10) >= 4  # the valley gets several bands
    _, _, z = field_lab.surface_image(SPHERE, (-2, 2, -2, 2), 100)
    levels, spacing = contours.contour_levels(z, 8)
    assert spacing == "linear"
    np.testing.assert_allclose(np.diff(levels), np.diff(levels)[0])
    assert contours.contour_levels(z, 8, "log")[1] == "log"


def test_contours_of_the_bowl_are_circles():
    x0, x1, z = field_lab.surface_image(SPHERE, (-2, 2, -2, 2), 120)
    xs, ys = contours.contour_segments(x0, x1, z, [1.0, 2.0])
    r2 = xs**2 + ys**2
    assert len(xs) > 100 and len(xs) % 2 == 0
    assert np.all((np.abs(r2 - 1.0) < 0.01) | (np.abs(r2 - 2.0) < 0.01))
    assert np.sum(np.abs(r2 - 1.0) < 0.01) > 40 and np.sum(np.abs(r2 - 2.0) < 0.01) > 40


def test_overflow_becomes_gaps_not_errors():
    f = field_lab.surface_from_text("exp(40*x0) + x1**2")
    x0, x1, z = field_lab.surface_image(f, (-3, 30, -3, 3), 80)
    assert np.isnan(z).any() and np.isfinite(z).any()
    levels, _ = contours.contour_levels(z)
    assert np.all(np.isfinite(levels))
    b = contours.bands(z, levels)
    assert np.isnan(b[np.isnan(z)]).all() and np.nanmax(b) == len(levels) - 2
    xs, ys = contours.contour_segments(x0, x1, z, levels[1:-1])
    assert np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))
    field = field_lab.gradient_field(f, (-3, 30, -3, 3), 1.0)
    assert np.isfinite(field.largest) and field.largest > 0
    nowhere = field_lab.surface_from_text("log(-1 - x0**2)")
    _, _, z = field_lab.surface_image(nowhere, (-1, 1, -1, 1), 10)
    assert np.isnan(z).all()
    levels, _ = contours.contour_levels(z)
    assert len(contours.contour_segments(x0[:10], x1[:10], z, levels)[0]) == 0


def test_typed_function_has_only_a_numerical_gradient():
    f = field_lab.surface_from_text("x0**2 + x1**2")
    assert f.key == field_lab.CUSTOM_KEY and f.grad is None
    numerical, analytic = field_lab.gradient_at(f, (3, 4))
    assert analytic is None
    assert list(numerical) == [6.00000000000378, 7.999999999999119]
    assert field_lab.value_at(f, (3, 4)) == 25.0
    with pytest.raises(expr.ExprError) as err:
        field_lab.surface_from_text("x0**2 + y")
    assert err.value.position == 8
    with pytest.raises(expr.ExprError):
        field_lab.surface_from_text("__import__('os')")


def test_clicks_snap_to_clean_numbers():
    assert field_lab.click_resolution(10.0) == 0.05
    assert field_lab.click_resolution(4.0) == 0.02
    assert field_lab.snap(2.9912, 0.05) == 3.0
    assert field_lab.snap(-0.004, 0.05) == 0.0 and str(field_lab.snap(-0.004, 0.05)) == "0.0"
    assert field_lab.snap(0.1 + 0.2, 0.01) == 0.3


def test_contours_through_a_saddle_cell_stay_on_the_level():
    x = np.linspace(-1, 1, 41) + 0.013  # the saddle point falls inside a cell: all four edges are cut there
    z = np.subtract.outer(x**2, x**2).T  # Z[i, j] = x0[j]² − x1[i]²
    xs, ys = contours.contour_segments(x, x, z, [0.0])
    assert len(xs) > 0
    np.testing.assert_allclose(np.abs(xs), np.abs(ys), atol=0.03)  # the lines x1 = ±x0


def test_a_gradient_within_its_numerical_error_counts_as_flat():
    from engine.lab import field as field_lab
    from engine.surfaces import SURFACES

    numerical, _ = field_lab.gradient_at(SURFACES["rosenbrock"], (1.0, 1.0))
    assert np.any(numerical)  # not exactly 0 ...
    assert field_lab.is_flat(np.hypot(*numerical), 2000.0)  # ... but flat against the view's largest |∇f|
    assert field_lab.is_flat(0.0, 0.0) and not field_lab.is_flat(1e-3, 1.0)
    f = field_lab.gradient_field(SURFACES["sphere"], (-2, 2, -2, 2), 1.0)
    assert f.flat.tolist() == (f.magnitude == 0).tolist()  # the bowl's only flat grid point is its centre
