"""engine.descent_lab: the Descent tab's state reproduces the book's numbers and agrees with gradient_descent."""
import math

import numpy as np
import pytest

from engine.lab import contours
from engine.lab import descent as dl
from engine.descent import OPTIMIZERS, gradient_descent, steps
from engine.surfaces import SURFACES, function_2


def preset(key):
    state = dl.DescentState()
    state.apply_preset(key)
    return state


@pytest.mark.parametrize("key, expected", [
    ("lr_0.1", [-6.11110793e-10, 8.14814391e-10]),
    ("lr_0.1_20", [-0.03458765, 0.04611686]),
    ("lr_10", [-2.58983747e13, -1.29524862e12]),
    ("lr_1e-10", [-2.99999994, 3.99999992]),
])
def test_curriculum_numbers_through_the_state(key, expected):
    state = preset(key)
    state.run_to_end()
    assert state.index == state.step_num
    np.testing.assert_allclose(state.positions()["SGD"], expected, rtol=2e-7)  # 8 digits as printed


@pytest.mark.parametrize("lr, steps_", [(0.1, 100), (0.1, 20), (10.0, 100), (1e-10, 100), (0.5, 7)])
def test_the_path_is_the_books_gradient_descent_history(lr, steps_):
    state = dl.DescentState(step_num=steps_)
    state.lr = lr
    state.run_to_end()
    _, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=steps_)
    np.testing.assert_array_equal(state.run("SGD").xs, history)  # bit for bit: the same update


def test_stepping_walks_the_history_one_row_at_a_time():
    state = preset("lr_0.1")
    _, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    for k in range(1, 6):
        assert state.advance()
        assert state.index == k
        np.testing.assert_array_equal(state.positions()["SGD"], history[k])
    assert state.run("SGD").computed <= 7  # computed lazily, not all 100 steps
    state.advance(1000)
    assert state.index == 100 and state.at_end()
    assert not state.advance()
    state.reset()
    assert state.index == 0
    np.testing.assert_array_equal(state.positions()["SGD"], [-3.0, 4.0])


def test_table_rows_hold_x_gradient_step_and_f():
    state = preset("lr_0.1")
    state.advance(3)
    x, g, step, f = state.run("SGD").row(0)
    np.testing.assert_array_equal(x, [-3.0, 4.0])
    np.testing.assert_allclose(g, [-6.0, 8.0], rtol=1e-9)
    np.testing.assert_allclose(step, 0.1 * g, rtol=1e-12)  # η∇f for SGD
    assert f == 25.0
    x1 = state.run("SGD").row(1)[0]
    np.testing.assert_allclose(x1, x - step)


def test_analytic_gradient_agrees_with_numerical():
    numerical = preset("lr_0.1")
    analytic = preset("lr_0.1")
    analytic.gradient = "analytic"
    numerical.run_to_end()
    analytic.run_to_end()
    assert analytic.run("SGD").analytic and not numerical.run("SGD").analytic
    np.testing.assert_allclose(analytic.positions()["SGD"], numerical.positions()["SGD"], rtol=1e-8)
    np.testing.assert_allclose(analytic.positions()["SGD"], np.array([-3.0, 4.0]) * 0.8**100, rtol=1e-12)


def test_messages_for_the_three_learning_rates():
    good, big, small = preset("lr_0.1"), preset("lr_10"), preset("lr_1e-10")
    for s in (good, big, small):
        s.run_to_end()
    [m] = good.messages()
    assert m.kind == "stationary" and 60 < m.step < 100  # the first step with |∇f| < 1e-6 (0.8^k · 10 < 1e-6)
    assert np.hypot(*good.run("SGD").grads[m.step]) < 1e-6 <= np.hypot(*good.run("SGD").grads[m.step - 1])
    [m] = big.messages()
    assert m.kind == "diverging" and m.values["f"] > 1e26
    big.index = 1
    assert [m.kind for m in big.messages()] == ["diverging"]  # it left the view at the first step
    [m] = small.messages()
    assert m.kind == "stalled" and m.values["moved"] < 1e-6
    small.index = 3
    assert small.messages() == []  # too early to say


def test_overflow_stops_the_run_with_a_reason():
    state = dl.DescentState(step_num=400, gradient="analytic")
    state.lr = 10.0
    state.run_to_end()
    run = state.run("SGD")
    assert run.stopped and run.stop_reason == "f"  # x² overflows first, near x = 1.3e154
    assert 100 < run.computed < 400
    assert state.index == run.computed
    assert np.all(np.isfinite(run.xs[: run.computed + 1]))
    assert state.at_end() and not state.advance()
    [m] = state.messages()
    assert m.kind == "overflow" and m.step == run.computed + 1 and m.values["what"] == "f"
    steps_, f = state.f_curve("SGD", log=True)
    assert len(steps_) == run.computed + 1 and np.all(np.isfinite(f))


def test_overflow_of_the_gradient_is_reported():
    # Adam's step is about η whatever the gradient; SGD on x⁴-like growth: use himmelblau with a huge rate.
    state = dl.DescentState(surface="himmelblau", start=(4.0, 4.0), step_num=50, gradient="analytic")
    state.lr = 10.0
    state.run_to_end()
    run = state.run("SGD")
    assert run.stopped and run.stop_reason in ("gradient", "x", "f")
    assert state.messages()[0].kind == "overflow"


def test_a_run_that_stops_early_does_not_hold_back_the_others():
    state = dl.DescentState(step_num=300, gradient="analytic")
    state.lr = 10.0
    state.optimizer("Adam").enabled = True
    state.run_to_end()
    assert state.index == 300
    assert state.run("SGD").stopped and not state.run("Adam").stopped
    frames = {f.name: f for f in state.frame()}
    assert len(frames["SGD"].path) == state.run("SGD").computed + 1
    assert len(frames["Adam"].path) == 301


def test_chapter6_comparison_matches_each_optimizer_run_alone():
    state = preset("chapter6")
    state.run_to_end()
    surface = SURFACES["ellipse"]
    assert [r.name for r in state.runs()] == list(dl.OPTIMIZER_ORDER)
    sign_changes = {}
    for name, lr in dl.CHAPTER6_LR.items():
        path = np.array([a for _, _, a in steps(surface, [-7.0, 2.0], OPTIMIZERS[name](lr),
                                                grad=surface.gradient, step_num=30)])
        np.testing.assert_array_equal(state.run(name).xs[1:], path)
        y = state.run(name).xs[:, 1]
        sign_changes[name] = int(np.sum(np.diff(np.sign(y)) != 0))
    assert sign_changes["SGD"] == 30  # zig-zag: y changes sign at every step
    assert all(sign_changes[n] <= 4 for n in ("Momentum", "AdaGrad", "RMSprop", "Adam"))


def test_changing_a_setting_rebuilds_the_runs_and_keeps_the_step():
    state = preset("lr_0.1")
    state.advance(10)
    before = state.positions()["SGD"]
    state.lr = 0.2
    assert state.index == 10
    after = state.positions()["SGD"]
    np.testing.assert_allclose(after, np.array([-3.0, 4.0]) * 0.6**10, rtol=1e-6)
    assert not np.allclose(before, after)
    state.step_num = 5
    state.runs()
    assert state.index == 5


def test_escaping_downhill_on_the_saddle():
    state = dl.DescentState(surface="saddle", start=(0.5, 0.1), step_num=40)
    state.run_to_end()
    kinds = [m.kind for m in state.messages()]
    assert kinds == ["escaping"]


def test_session_round_trip_and_bad_values():
    state = preset("chapter6")
    state.optimizer("Adam").params["beta1"] = 0.8
    state.index = 12
    again = dl.DescentState.from_dict(state.to_dict())
    assert again.signature() == state.signature() and again.index == 12
    bad = dl.DescentState.from_dict({"surface": "nope", "start": ["x", 1], "steps": -5, "gradient": "?",
                                     "optimizers": {"SGD": {"enabled": False, "params": {"lr": 1e9}},
                                                    "Adam": {"params": {"beta1": 2}}}, "index": 99})
    assert bad.surface == "sphere" and bad.start == dl.DEFAULT_START and bad.step_num == 1
    assert bad.optimizer("SGD").enabled  # never nothing to show
    assert bad.lr == 0.1 and bad.optimizer("Adam").params["beta1"] == 0.9
    assert bad.index == 1
    assert dl.DescentState.from_dict("garbage").signature() == dl.DescentState().signature()


def test_parameter_ranges():
    assert dl.check_parameter("SGD", "lr", "1e-10") == 1e-10
    assert dl.check_parameter("SGD", "lr", 10) == 10.0
    for bad in (0, 11, float("nan"), 1e-11):
        with pytest.raises(ValueError, match="lr of SGD"):
            dl.check_parameter("SGD", "lr", bad)
    with pytest.raises(ValueError, match="beta2"):
        dl.check_parameter("Adam", "beta2", 1.0)
    state = dl.DescentState()
    with pytest.raises(ValueError):
        state.lr = 100


def test_export_indices():
    state = preset("lr_0.1")
    np.testing.assert_array_equal(state.export_indices(), np.arange(101))
    idx = state.export_indices(max_frames=10)
    assert idx[0] == 0 and idx[-1] == 100 and len(idx) == 10 and np.all(np.diff(idx) > 0)


def test_arrow_geometry():
    pts = dl.arrow([0, 0], [1, 0], 0.1)
    assert pts.shape == (6, 2)
    np.testing.assert_array_equal(pts[1], [1, 0])
    for tip in (pts[3], pts[5]):
        assert math.hypot(*(tip - pts[1])) == pytest.approx(0.1)
        assert tip[0] < 1
    assert pts[3][1] == pytest.approx(-pts[5][1]) and pts[3][1] != 0
    assert dl.arrow([1, 1], [1, 1], 0.1).shape == (0, 2)
    assert dl.arrow([0, 0], [np.inf, 0], 0.1).shape == (0, 2)
    end = dl.gradient_arrow([1.0, 1.0], [-6.0, 8.0], 2.0)
    np.testing.assert_allclose(end, [1 - 1.2, 1 + 1.6])
    assert dl.gradient_arrow([0, 0], [0, 0], 1.0) is None


def test_contour_levels_and_playback_timing():
    X0, X1, Z = SURFACES["sphere"].grid(51)
    levels = contours.quantile_levels(Z, 12)
    assert np.all(np.diff(levels) > 0) and levels[0] >= 0 and levels[-1] <= Z.max()
    assert levels[1] - levels[0] < levels[-1] - levels[-2]  # denser near the minimum
    assert dl.target_index(5, 1.0, 30) == 35
    assert dl.target_index(5, 0.01, 30) == 5
    assert dl.target_index(0, 0.1, 30) == 3


def test_every_surface_has_a_start_inside_its_view():
    for key, surface in SURFACES.items():
        x0, x1 = dl.start_for(key)
        a, b, c, d = surface.view
        assert a <= x0 <= b and c <= x1 <= d, key
    assert dl.start_for("sphere") == (-3.0, 4.0) and dl.start_for("ellipse") == (-7.0, 2.0)


def test_axis_range_moves_in_big_steps():
    assert dl.axis_range([25.0, 3.2, 0.04], log=True) == (-2.0, 2.0)
    assert dl.axis_range([25.0, 0.0, -1.0, np.nan], log=True) == (0.0, 2.0)  # only f > 0; two decades at least
    assert dl.axis_range([], log=True) == (0.0, 1.0)
    lo, hi = dl.axis_range([6.45, 0.013], log=False)
    assert lo <= 0.013 and hi >= 6.45 and hi <= 7.5
    assert dl.axis_range([6.45, 0.02], log=False) == (lo, hi)  # small changes keep the same range
    lo, hi = dl.axis_range([-3.0, 25.0], log=False)
    assert lo <= -3 and hi >= 25
    lo, hi = dl.axis_range([2.0, 2.0], log=False)
    assert lo <= 2.0 < hi
    assert dl.axis_range([0.0, 1.7e308], log=False) == (0.0, 1.7e308)  # rounding up would overflow
    assert dl.axis_range([1e-300, 1e305], log=True) == (-300.0, 305.0)


def test_clipping_keeps_what_is_inside_the_box():
    box = (-10.0, 10.0, -10.0, 10.0)
    out = dl.clip_segments([[-20.0, 0.0], [0.0, 0.0], [20.0, 20.0], [0.0, 50.0]],
                           [[20.0, 0.0], [5.0, 5.0], [30.0, 30.0], [0.0, -50.0]], box)
    assert out.shape == (9, 2) and np.all(np.isnan(out[2::3]))
    np.testing.assert_allclose(out[0:2], [[-10, 0], [10, 0]])  # crosses: cut at both edges
    np.testing.assert_allclose(out[3:5], [[0, 0], [5, 5]])  # inside: unchanged
    np.testing.assert_allclose(out[6:8], [[0, 10], [0, -10]])  # vertical, through
    path = np.array([[1.0, 1.0], [2.0, 2.0]])
    assert dl.clip_path(path, box) is not None and np.array_equal(dl.clip_path(path, box), path)
    state = preset("lr_10")
    state.gradient = "analytic"
    state.step_num = 300
    state.run_to_end()
    surface = state.surface_object()
    big = dl.display_box(surface)
    assert big == (-4500.0, 4500.0, -4500.0, 4500.0)
    drawn = dl.clip_path(state.run("SGD").xs[: state.index + 1], big)
    finite = drawn[np.isfinite(drawn[:, 0])]
    assert len(finite) >= 4 and np.all(np.abs(finite) <= 4500 + 1e-9)
    np.testing.assert_array_equal(drawn[0], [-3.0, 4.0])


def test_runs_whose_settings_did_not_change_are_kept():
    state = preset("chapter6")
    state.advance(10)
    adam = state.run("Adam")
    state.optimizer("SGD").params["lr"] = 0.5
    assert state.run("Adam") is adam and adam.computed >= 10  # its steps are not recomputed
    assert state.run("SGD").setting.params["lr"] == 0.5
    state.optimizer("Adam").params["beta1"] = 0.5
    assert state.run("Adam") is not adam
    state.optimizer("Adam").params["beta1"] = 0.9
    state.optimizer("Momentum").enabled = False
    assert [r.name for r in state.runs()] == ["SGD", "AdaGrad", "RMSprop", "Adam"]
