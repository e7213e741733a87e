"""The Derivatives tab's engine: named functions and their exact derivatives, readouts, error vs h, slices, graph."""
import numpy as np
import pytest

from engine import graph
from engine.expr import ExprError
from engine.lab import contours
from engine.lab import derivatives as dl


@pytest.mark.parametrize("key", list(dl.FUNCTIONS))
def test_exact_derivatives_agree_with_central_difference(key):
    fn = dl.FUNCTIONS[key]
    xs = np.linspace(*fn.view, 9)[1:-1]
    for x in xs:
        r = dl.derivative_at(fn, x)
        assert r["exact"] == pytest.approx(r["central"], rel=1e-6, abs=1e-7)
        assert r["central_error"] == abs(r["central"] - r["exact"])


@pytest.mark.parametrize("key", list(dl.FUNCTIONS))
def test_named_text_parses_to_the_same_function(key):
    fn = dl.FUNCTIONS[key]
    assert dl.from_text(fn.text) is fn
    assert dl.from_text(" ".join(fn.text)) is fn  # spaces do not matter
    xs = np.linspace(*fn.view, 7)
    np.testing.assert_allclose(dl.from_text(fn.text + " + 0")(xs), fn(xs), rtol=1e-12)


def test_book_function_values_at_5_and_10():
    fn = dl.FUNCTIONS["book"]
    r5 = dl.derivative_at(fn, 5)
    assert r5["central"] == 0.1999999999990898
    assert r5["exact"] == 0.2
    assert r5["y0"] == 0.75
    assert r5["forward_error"] > 100 * r5["central_error"]
    assert dl.derivative_at(fn, 10)["central"] == 0.2999999999986347


def test_sigmoid_derivative_is_s_times_one_minus_s():
    fn = dl.FUNCTIONS["sigmoid"]
    assert fn.exact(0.0) == 0.25
    s = fn(2.0)
    assert fn.exact(2.0) == pytest.approx(s * (1 - s), rel=1e-15)
    assert fn.derivative == "s(1 − s)"


def test_typed_function_has_no_exact_derivative():
    fn = dl.from_text("0.5*x**3 - 2*x")
    assert fn.key == "typed" and not fn.has_exact
    r = dl.derivative_at(fn, 2.0)
    assert r["central"] == pytest.approx(1.5 * 4 - 2, rel=1e-8)
    assert r["exact"] is None and r["central_error"] is None
    with pytest.raises(ValueError, match="not known"):
        dl.error_vs_h(fn, 2.0)


def test_bad_text_raises_with_position():
    with pytest.raises(ExprError) as info:
        dl.from_text("x**2 + 3x")
    assert info.value.position == 8


def test_curve_marks_undefined_values_nan():
    xs, ys = dl.curve(dl.from_text("log(x)"), view=(-1.0, 1.0), n=5)
    assert np.isnan(ys[:3]).all() and ys[4] == 0.0  # log of ≤ 0 is not drawn
    xs, ys = dl.curve(dl.from_text("3"), n=4)
    assert ys.tolist() == [3.0] * 4  # a constant fills the grid


def test_tangent_touches_and_has_the_slope():
    fn = dl.FUNCTIONS["book"]
    ys = dl.tangent(fn, 5.0, [5.0, 6.0])
    assert ys[0] == fn(5.0)
    assert ys[1] - ys[0] == pytest.approx(0.1999999999990898)


def test_clamp_keeps_x_in_view():
    fn = dl.FUNCTIONS["book"]
    assert dl.clamp(fn, -3) == 0.0 and dl.clamp(fn, 99) == 20.0 and dl.clamp(fn, 7.5) == 7.5


def test_h_values_are_the_decades():
    assert dl.H_VALUES[0] == 1e-1 and dl.H_VALUES[-1] == 1e-16 and len(dl.H_VALUES) == 16
    assert dl.H_VALUES[3] == 1e-4


def test_error_vs_h_truncation_then_rounding():
    e = dl.error_vs_h(dl.FUNCTIONS["sin"], 1.0)
    fwd, ctr = e["forward"], e["central"]
    # Truncation: forward error ∝ h (÷10 per decade), central ∝ h² (÷100 per decade)
    assert fwd[0] / fwd[1] == pytest.approx(10, rel=0.05)
    assert ctr[0] / ctr[1] == pytest.approx(100, rel=0.05)
    # Rounding: the smallest h are far worse than the best
    assert fwd[-1] > 1e4 * fwd.min() and ctr[-1] > 1e4 * ctr.min()
    assert e["best_forward"] == 1e-8  # about sqrt(machine epsilon)
    assert 1e-6 <= e["best_central"] <= 1e-4  # about its cube root: the book's 1e-4 is near it, and safe
    assert ctr[3] < 1e-9  # at the book's h = 1e-4 the central difference is good to 9 digits


def test_too_small_h_gives_zero():
    t = dl.tiny_h(dl.FUNCTIONS["book"], 5.0)
    assert t["same"] and t["x_plus_h"] == 5.0
    assert t["forward"] == 0.0 and t["central"] == 0.0
    assert not dl.tiny_h(dl.FUNCTIONS["book"], 5.0, h=1e-4)["same"]


def test_partial_slices_book_values():
    s = dl.partial_slices(3.0, 4.0)
    assert s["x0"]["slope"] == 6.00000000000378
    assert s["x1"]["slope"] == 7.999999999999119
    assert (s["x0"]["exact"], s["x1"]["exact"]) == (6.0, 8.0)
    assert s["x0"]["value"] == s["x1"]["value"] == 25.0
    t = s["x0"]["t"]
    np.testing.assert_allclose(s["x0"]["values"], t**2 + 16.0)  # x1 fixed at 4
    np.testing.assert_allclose(s["x1"]["values"], 9.0 + s["x1"]["t"] ** 2)  # x0 fixed at 3
    i = np.argmin(abs(t - 3.0))
    assert s["x0"]["tangent"][i] == pytest.approx(25.0 + 6.0 * (t[i] - 3.0))


def test_surface_grid_orientation():
    a, b, Z = dl.surface_grid(3.0, 4.0, span=1.0, n=3)
    assert Z[0, 2] == a[2] ** 2 + b[0] ** 2 == 4.0**2 + 3.0**2


def test_graph_steps_lessons_numbers():
    fwd = graph.forward_steps(5, 3, 2)
    assert [(s.node, s.value) for s in fwd] == [("u", 6), ("v", 11), ("J", 33)]
    assert fwd[0].numbers == "3 · 2"
    bwd = graph.backward_steps(graph.forward(5, 3, 2))
    assert [(s.node, s.value) for s in bwd] == [("J", 1), ("v", 3), ("u", 3), ("a", 3), ("b", 6), ("c", 9)]
    assert bwd[4].numbers == "3 · 2" and bwd[5].numbers == "3 · 3"
    assert [s.value for s in graph.forward_steps(7, 4, 2)] == [8, 15, 45]
    assert graph.forward_steps(0.5, 1, 1)[1].numbers == "0.5 + 1"


def test_graph_nudge_matches_the_derivatives():
    assert graph.nudge(7, 4, 2, "v") == pytest.approx(0.003, rel=1e-9)
    d = graph.backward(graph.forward(7, 4, 2))
    for node in "abcuvJ":
        assert graph.nudge(7, 4, 2, node, 1e-3) == pytest.approx(d[node] * 1e-3, rel=1e-9)


def test_surface_grid_over_a_given_view():
    a, b, Z = dl.surface_grid(3.0, 4.0, n=5, view=(-1.0, 1.0, 10.0, 12.0))
    assert (a[0], a[-1], b[0], b[-1]) == (-1.0, 1.0, 10.0, 12.0)
    assert Z[4, 0] == 1.0 + 144.0


def test_contour_levels_are_evenly_spaced_circles():
    a, b, Z = dl.surface_grid(0.0, 0.0, span=3.0, n=61)
    levels = contours.sqrt_levels(Z, 4)
    assert len(levels) == 4 and Z.min() == 0.0
    np.testing.assert_allclose(np.diff(np.sqrt(levels)), np.sqrt(levels[0]))  # radii r, 2r, 3r, 4r
    assert contours.sqrt_levels(np.ones((3, 3))).size == 0


@pytest.mark.parametrize("text", ["1/0", "log(-1)", "0/0", "sqrt(-1 - x**2)", "log(-abs(x) - 1) + x", "exp(1000)"])
def test_a_function_with_no_finite_value_in_view_is_refused_and_says_so(text):
    with pytest.raises(ExprError) as info:
        dl.from_text(text)
    err = info.value
    assert err.code == "not_finite" and err.position is None
    assert err.details == (text, "-5", "5")  # the typed text and the view it was looked at
    assert f"{text} is not a finite number anywhere in view (-5 <= x <= 5)" in str(err)


@pytest.mark.parametrize("text, undefined", [("log(x)", lambda x: x <= 0), ("1/x", lambda x: x == 0),
                                             ("sqrt(x - 4.9)", lambda x: x < 4.9),
                                             ("exp(1000*x)", lambda x: x > 0.70)])
def test_a_function_finite_somewhere_is_kept_and_drawn_where_finite(text, undefined):
    fn = dl.from_text(text)
    xs, ys = dl.curve(fn)
    where = undefined(xs)
    assert np.isnan(ys[where]).all() and np.isfinite(ys[~where]).all() and (~where).any()


def test_a_long_text_is_refused_before_it_is_compared_with_the_named_functions():
    with pytest.raises(ExprError) as info:
        dl.from_text("sin(x)" + " " * 5_000_000)  # the named sin(x) once its spaces are squeezed out
    assert info.value.code == "too_long"
