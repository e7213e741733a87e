"""engine.lab.descent: the runs computed from the Descent tab's choices reproduce the book's numbers and agree
with gradient_descent. The choices are a plain namespace here: the engine reads five attributes of the tab's state
(surface, start, step_num, gradient, optimizers) and every question takes the shown step k."""
from types import SimpleNamespace

import numpy as np
import pytest

from engine.descent import OPTIMIZERS, gradient_descent, steps
from engine.lab import contours
from engine.lab import descent as dl
from engine.surfaces import SURFACES, function_2


def choices(surface="sphere", start=dl.DEFAULT_START, step_num=100, gradient="numerical", lr=None):
    """What the tab's state hands the engine; `lr`: the optimizers on and their rates (default: SGD, η = 0.1)."""
    return SimpleNamespace(surface=surface, start=start, step_num=step_num, gradient=gradient,
                           optimizers=dl.default_optimizers(lr))


def preset(key):
    p = dl.PRESETS[key]
    return dl.Descent(choices(p["surface"], p["start"], p["steps"], p["gradient"], p["lr"]))


def sgd(lr, **kw):
    return dl.Descent(choices(lr={"SGD": lr}, **kw))


@pytest.mark.parametrize("key, expected", [
    ("lr_0.1", [-6.11110793e-10, 8.14814391e-10]),
    ("lr_0.1_20", [-0.03458765, 0.04611686]),
    ("lr_10", [-2.58983747e13, -1.29524862e12]),
    ("lr_1e-10", [-2.99999994, 3.99999992]),
])
def test_curriculum_numbers_through_the_runs(key, expected):
    descent = preset(key)
    end = descent.last_index()
    assert end == descent.choices.step_num
    np.testing.assert_allclose(descent.positions(end)["SGD"], expected, rtol=2e-7)  # 8 digits as printed


@pytest.mark.parametrize("lr, steps_", [(0.1, 100), (0.1, 20), (10.0, 100), (1e-10, 100), (0.5, 7)])
def test_the_path_is_the_books_gradient_descent_history(lr, steps_):
    descent = sgd(lr, step_num=steps_)
    descent.last_index()
    _, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=steps_)
    np.testing.assert_array_equal(descent.run("SGD").xs, history)  # bit for bit: the same update


def test_stepping_walks_the_history_one_row_at_a_time():
    descent = preset("lr_0.1")
    _, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    k = 0
    for expected in range(1, 6):
        k = descent.advance(k)
        assert k == expected
        np.testing.assert_array_equal(descent.positions(k)["SGD"], history[k])
    assert descent.run("SGD").computed <= 7  # computed lazily, not all 100 steps
    k = descent.advance(k, 1000)
    assert k == 100 and descent.at_end(k)
    assert descent.advance(k) == k  # nothing moves at the end
    np.testing.assert_array_equal(descent.positions(0)["SGD"], [-3.0, 4.0])


def test_table_rows_hold_x_gradient_step_and_f():
    descent = preset("lr_0.1")
    descent.advance(0, 3)
    x, g, step, f = descent.run("SGD").row(0)
    np.testing.assert_array_equal(x, [-3.0, 4.0])
    np.testing.assert_allclose(g, [-6.0, 8.0], rtol=1e-9)
    np.testing.assert_allclose(step, 0.1 * g, rtol=1e-12)  # η∇f for SGD
    assert f == 25.0
    x1 = descent.run("SGD").row(1)[0]
    np.testing.assert_allclose(x1, x - step)


def test_analytic_gradient_agrees_with_numerical():
    numerical = preset("lr_0.1")
    analytic = preset("lr_0.1")
    analytic.choices.gradient = "analytic"
    end = numerical.last_index()
    assert analytic.last_index() == end
    assert analytic.run("SGD").analytic and not numerical.run("SGD").analytic
    np.testing.assert_allclose(analytic.positions(end)["SGD"], numerical.positions(end)["SGD"], rtol=1e-8)
    np.testing.assert_allclose(analytic.positions(end)["SGD"], np.array([-3.0, 4.0]) * 0.8**100, rtol=1e-12)


def test_messages_for_the_three_learning_rates():
    good, big, small = preset("lr_0.1"), preset("lr_10"), preset("lr_1e-10")
    [m] = good.messages(good.last_index())
    assert m.kind == "stationary" and 60 < m.step < 100  # the first step with |∇f| < 1e-6 (0.8^k · 10 < 1e-6)
    assert np.hypot(*good.run("SGD").grads[m.step]) < 1e-6 <= np.hypot(*good.run("SGD").grads[m.step - 1])
    rounding, m = big.messages(big.last_index())
    assert m.kind == "diverging" and m.values["f"] > 1e26
    assert rounding.kind == "rounding" and rounding.step == 10  # x + h == x from there: ∇f comes out (0, 0)
    assert rounding.values["size"] > 1e12 and rounding.values["f"] == m.values["f"]
    assert [m.kind for m in big.messages(9)] == ["diverging"]
    assert [m.kind for m in big.messages(1)] == ["diverging"]  # it left the view at the first step
    [m] = small.messages(small.last_index())
    assert m.kind == "stalled" and m.values["moved"] < 1e-6
    assert small.messages(3) == []  # too early to say


def test_overflow_stops_the_run_with_a_reason():
    descent = sgd(10.0, step_num=400, gradient="analytic")
    end = descent.last_index()
    run = descent.run("SGD")
    assert run.stopped and run.stop_reason == "f"  # x² overflows first, near x = 1.3e154
    assert 100 < run.computed < 400
    assert end == run.computed
    assert np.all(np.isfinite(run.xs[: run.computed + 1]))
    assert descent.at_end(end) and descent.advance(end) == end
    [m] = descent.messages(end)
    assert m.kind == "overflow" and m.step == run.computed + 1 and m.values["what"] == "f"
    steps_, f = descent.f_curve("SGD", end)
    assert len(steps_) == run.computed + 1 and np.all(np.isfinite(f)) and np.all(f > 0)


def test_overflow_of_the_gradient_is_reported():
    # Adam's step is about η whatever the gradient; SGD on x⁴-like growth: use himmelblau with a huge rate.
    descent = sgd(10.0, surface="himmelblau", start=(4.0, 4.0), step_num=50, gradient="analytic")
    end = descent.last_index()
    run = descent.run("SGD")
    assert run.stopped and run.stop_reason in ("gradient", "x", "f")
    assert descent.messages(end)[0].kind == "overflow"


def test_a_run_that_stops_early_does_not_hold_back_the_others():
    descent = dl.Descent(choices(step_num=300, gradient="analytic", lr={"SGD": 10.0, "Adam": 0.3}))
    end = descent.last_index()
    assert end == 300
    assert descent.run("SGD").stopped and not descent.run("Adam").stopped
    frames = {f.name: f for f in descent.frame(end)}
    assert len(frames["SGD"].path) == descent.run("SGD").computed + 1
    assert len(frames["Adam"].path) == 301
    assert frames["SGD"].next_point is None and frames["Adam"].next_point is None  # both at their ends


def test_chapter6_comparison_matches_each_optimizer_run_alone():
    descent = preset("chapter6")
    descent.last_index()
    surface = SURFACES["ellipse"]
    assert [r.name for r in descent.runs()] == list(dl.OPTIMIZER_ORDER)
    sign_changes = {}
    for name, lr in dl.CHAPTER6_LR.items():
        path = np.array([a for _, _, a in steps(surface, [-7.0, 2.0], OPTIMIZERS[name](lr),
                                                grad=surface.gradient, step_num=30)])
        np.testing.assert_array_equal(descent.run(name).xs[1:], path)
        y = descent.run(name).xs[:, 1]
        sign_changes[name] = int(np.sum(np.diff(np.sign(y)) != 0))
    assert sign_changes["SGD"] == 30  # zig-zag: y changes sign at every step
    assert all(sign_changes[n] <= 4 for n in ("Momentum", "AdaGrad", "RMSprop", "Adam"))


def test_changing_a_setting_rebuilds_the_runs():
    descent = preset("lr_0.1")
    k = descent.advance(0, 10)
    before = descent.positions(k)["SGD"]
    descent.choices.optimizers[0].params["lr"] = 0.2
    after = descent.positions(k)["SGD"]
    np.testing.assert_allclose(after, np.array([-3.0, 4.0]) * 0.6**10, rtol=1e-6)
    assert not np.allclose(before, after)
    descent.choices.step_num = 5
    assert descent.last_index() == 5 and len(descent.run("SGD").xs) == 6


def test_escaping_downhill_on_the_saddle():
    descent = sgd(0.1, surface="saddle", start=(0.5, 0.1), step_num=40)
    kinds = [m.kind for m in descent.messages(descent.last_index())]
    assert kinds == ["escaping"]


def test_equal_choices_have_equal_signatures():
    a, b = preset("chapter6").choices, preset("chapter6").choices
    assert dl.signature(a) == dl.signature(b)
    b.optimizers[4].params["beta1"] = 0.8
    assert dl.signature(a) != dl.signature(b)
    assert dl.signature(choices()) != dl.signature(a)


def test_parameter_ranges():
    assert dl.check_parameter("SGD", "lr", "1e-10") == 1e-10
    assert dl.check_parameter("SGD", "lr", 10) == 10.0
    for bad in (0, 11, float("nan"), 1e-11):
        with pytest.raises(ValueError, match="lr of SGD"):
            dl.check_parameter("SGD", "lr", bad)
    with pytest.raises(ValueError, match="beta2"):
        dl.check_parameter("Adam", "beta2", 1.0)
    assert dl.check_parameter("Momentum", "momentum", 0.5) == 0.5


def test_export_indices():
    descent = preset("lr_0.1")
    np.testing.assert_array_equal(descent.export_indices(), np.arange(101))
    idx = descent.export_indices(max_frames=10)
    assert idx[0] == 0 and idx[-1] == 100 and len(idx) == 10 and np.all(np.diff(idx) > 0)


def test_contour_levels():
    X0, X1, Z = SURFACES["sphere"].grid(51)
    levels = contours.quantile_levels(Z, 12)
    assert np.all(np.diff(levels) > 0) and levels[0] >= 0 and levels[-1] <= Z.max()
    assert levels[1] - levels[0] < levels[-1] - levels[-2]  # denser near the minimum


def test_every_surface_has_a_start_inside_its_view():
    for key, surface in SURFACES.items():
        x0, x1 = dl.start_for(key)
        a, b, c, d = surface.view
        assert a <= x0 <= b and c <= x1 <= d, key
    assert dl.start_for("sphere") == (-3.0, 4.0) and dl.start_for("ellipse") == (-7.0, 2.0)


def test_default_optimizers_and_presets():
    opts = {o.name: o for o in dl.default_optimizers()}
    assert [n for n, o in opts.items() if o.enabled] == ["SGD"] and opts["SGD"].params["lr"] == 0.1
    assert opts["Adam"].params == {"lr": 0.3, "beta1": 0.9, "beta2": 0.999}
    six = {o.name: o for o in dl.default_optimizers(dl.PRESETS["chapter6"]["lr"])}
    assert all(o.enabled and o.params["lr"] == dl.CHAPTER6_LR[n] for n, o in six.items())


def test_runs_whose_settings_did_not_change_are_kept():
    descent = preset("chapter6")
    descent.advance(0, 10)
    opts = {o.name: o for o in descent.choices.optimizers}
    adam = descent.run("Adam")
    opts["SGD"].params["lr"] = 0.5
    assert descent.run("Adam") is adam and adam.computed >= 10  # its steps are not recomputed
    assert descent.run("SGD").setting.params["lr"] == 0.5
    opts["Adam"].params["beta1"] = 0.5
    assert descent.run("Adam") is not adam
    opts["Adam"].params["beta1"] = 0.9
    opts["Momentum"].enabled = False
    assert [r.name for r in descent.runs()] == ["SGD", "AdaGrad", "RMSprop", "Adam"]
