"""The Descent tab driven like a user: the book's experiments, Step / Play / Reset / Run to end and their keys,
the learning-rate slider and box, clicks on the map, the chapter 6 comparison, export and saved sessions.
Positions are checked against engine.descent's own numbers."""
import os
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from actions import after_action
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from engine.descent import OPTIMIZERS, gradient_descent, steps
from engine.lab import descent as dl
from engine.surfaces import SURFACES, function_2
from gui.tabs.descent import geometry
from gui.tabs.descent.state import DescentState
from gui.tabs.descent.tab import DescentTab

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def tab(qtbot):
    t = DescentTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    t.activateWindow()
    return t


def click(qtbot, widget):
    qtbot.mouseClick(widget, LEFT)
    after_action(widget, f"click on {widget.text()!r}")  # no English left in Chinese (tests/gui/conftest.py)


def fastest(qtbot, tab):
    """The user pushes the speed slider to its end (End key) so that playback tests finish quickly."""
    tab.transport.speed_slider.setFocus()
    qtbot.keyClick(tab.transport.speed_slider, Qt.Key.Key_End)
    assert tab.transport.speed_slider.value() == tab.transport.speed_slider.maximum()
    assert tab.transport.speed_value.text() == "120 steps/s"


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    after_action(spin, f"typing {text!r}", typed=text)


def shown_point(tab, name="SGD"):
    x, y = tab.map.point_items[name].getData()
    return np.array([x[0], y[0]])


def book_history(lr, n=100):
    return gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=n)[1]


def test_opens_on_the_books_function_and_start(tab):
    assert tab.state.surface == "sphere" and tab.state.start == (-3.0, 4.0) and tab.state.lr == 0.1
    assert tab.controls.surface_combo.currentText() == "Bowl (the book's function_2)"
    assert tab.controls.formula_label.text() == "f(x0, x1) = x0² + x1²"
    assert (tab.controls.x0_spin.value(), tab.controls.x1_spin.value()) == (-3.0, 4.0)
    np.testing.assert_array_equal(shown_point(tab), [-3.0, 4.0])
    assert tab.transport.step_label.text().startswith("Step 0 of 100")
    assert tab.steps_page.model.rowCount() == 1


def test_experiment_lr_0_1_plays_to_the_books_minimum(qtbot, tab):
    fastest(qtbot, tab)
    click(qtbot, tab.controls.preset_buttons["lr_0.1"])
    assert tab.is_playing() and tab.transport.play_button.text() == "Pause (Space)"
    qtbot.waitUntil(lambda: not tab.is_playing(), timeout=10_000)
    assert tab.state.index == 100
    expected = book_history(0.1)[-1]
    np.testing.assert_array_equal(tab.descent.positions(tab.state.index)["SGD"], expected)
    np.testing.assert_array_equal(shown_point(tab), expected)
    np.testing.assert_allclose(expected, [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)
    assert tab.transport.step_label.text().startswith("Step 100 of 100")
    assert "reached a point where ∇f ≈ 0" in tab.transport.message_label.text()
    assert tab.steps_page.model.rowCount() == 101
    assert tab.transport.play_button.text() == "Play (Space)" and not tab.transport.end_button.isEnabled()
    steps_, f = tab.f_page.curves["SGD"].getOriginalDataset()
    assert len(steps_) == 101 and f[0] == 25.0


def test_book_figure_20_steps(qtbot, tab):
    click(qtbot, tab.controls.preset_buttons["lr_0.1_20"])
    click(qtbot, tab.transport.end_button)
    assert not tab.is_playing() and tab.state.index == 20
    np.testing.assert_allclose(shown_point(tab), [-0.03458765, 0.04611686], rtol=2e-7)
    x, y = tab.map.path_items["SGD"].getData()
    np.testing.assert_array_equal(np.column_stack([x, y]), book_history(0.1, 20))


def test_step_shows_the_arrows_then_moves(qtbot, tab):
    history = book_history(0.1)
    click(qtbot, tab.transport.step_button)
    assert tab.state.index == 0  # not yet: first the gradient and the step are drawn
    assert tab.map.step_items["SGD"].isVisible() and tab.map.grad_items["SGD"].isVisible()
    sx, sy = tab.map.step_items["SGD"].getData()
    np.testing.assert_allclose([sx[0], sy[0]], history[0])
    np.testing.assert_allclose([sx[1], sy[1]], history[1])  # the step arrow ends where the point will be
    assert len(sx) == 9 and np.isnan(sx[2])  # shaft and the head's two strokes
    gx, gy = tab.map.grad_items["SGD"].getData()
    direction = np.array([gx[1] - gx[0], gy[1] - gy[0]])  # (clipped to the big box: same direction)
    np.testing.assert_allclose(direction / np.linalg.norm(direction), [-0.6, 0.8], atol=1e-6)  # ∇f = (−6, 8)
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)
    np.testing.assert_array_equal(shown_point(tab), history[1])
    assert tab.steps_page.model.rowCount() == 2
    assert tab.steps_page.model.index(0, 3).data() == "(-0.6, 0.8)"  # η∇f of the first step

    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.keyClick(tab, Qt.Key.Key_Right)  # the second press finishes the first step at once
    qtbot.waitUntil(lambda: tab.state.index == 3, timeout=3000)
    np.testing.assert_array_equal(shown_point(tab), history[3])


def test_space_plays_and_pauses_even_on_a_focused_button_and_r_resets(qtbot, tab):
    click(qtbot, tab.controls.preset_buttons["lr_0.1"])  # playing now
    click(qtbot, tab.transport.play_button)  # pause
    assert not tab.is_playing()
    tab.run_to_end()
    tab.reset()
    for _ in range(2):
        qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.state.index == 2, timeout=3000)
    tab.transport.reset_button.setFocus()
    qtbot.keyClick(tab.transport.reset_button, Qt.Key.Key_Space)
    assert tab.is_playing() and tab.state.index >= 2  # Space plays: the focused Reset button was not pressed
    qtbot.waitUntil(lambda: tab.state.index > 3, timeout=5000)
    qtbot.keyClick(tab.transport.reset_button, Qt.Key.Key_Space)
    assert not tab.is_playing()
    paused_at = tab.state.index
    qtbot.wait(150)
    assert tab.state.index == paused_at and 0 < paused_at <= 100
    np.testing.assert_array_equal(shown_point(tab), book_history(0.1)[paused_at])
    qtbot.keyClick(tab.transport.reset_button, Qt.Key.Key_R)
    assert tab.state.index == 0
    np.testing.assert_array_equal(shown_point(tab), [-3.0, 4.0])


def test_keys_go_to_a_number_box_being_edited(qtbot, tab):
    tab.controls.x0_spin.setFocus()
    qtbot.keyClick(tab.controls.x0_spin, Qt.Key.Key_Right)
    qtbot.keyClick(tab.controls.x0_spin, Qt.Key.Key_Space)
    qtbot.wait(450)  # longer than a step's delay
    assert tab.state.index == 0 and not tab.is_playing()


def test_lr_10_diverges_with_a_message_and_the_path_leaves_the_view(qtbot, tab):
    click(qtbot, tab.controls.preset_buttons["lr_10"])
    click(qtbot, tab.transport.end_button)
    assert tab.state.index == 100
    np.testing.assert_allclose(shown_point(tab), [-2.58983747e13, -1.29524862e12], rtol=1e-7)
    np.testing.assert_array_equal(shown_point(tab), book_history(10.0)[-1])
    text = tab.transport.message_label.text()
    assert "diverges" in text and "learning rate is too large" in text
    (x0, x1), (y0, y1) = tab.map.plot.getPlotItem().getViewBox().viewRange()
    px, py = tab.map.path_items["SGD"].getData()
    drawn = np.isfinite(px)
    assert drawn.sum() >= 4  # the first steps, clipped where painters could not draw them
    assert not (x0 <= px[drawn][-1] <= x1 and y0 <= py[drawn][-1] <= y1)  # drawn leaving the view
    assert x0 > -6 and x1 < 6  # the view stays on the surface: it does not chase the point
    assert tab.state.lr == 10.0 and tab.controls.lr_spin.text() == "10"
    assert tab.controls.lr_slider.value() == tab.controls.lr_slider.maximum()


def test_lr_1e_10_does_not_move(qtbot, tab):
    click(qtbot, tab.controls.preset_buttons["lr_1e-10"])
    click(qtbot, tab.transport.end_button)
    np.testing.assert_allclose(shown_point(tab), [-2.99999994, 3.99999992], rtol=1e-8)
    assert "barely moves" in tab.transport.message_label.text() and "too small" in tab.transport.message_label.text()
    assert tab.controls.lr_spin.text() == "1e-10" and tab.controls.lr_slider.value() == tab.controls.lr_slider.minimum()


def test_overflow_stops_the_run_with_an_explanation(qtbot, tab):
    tab.controls.gradient_combo.setCurrentIndex(tab.controls.gradient_combo.findData("analytic"))
    type_into(qtbot, tab.controls.steps_spin, "400")
    type_into(qtbot, tab.controls.lr_spin, "10")
    assert tab.state.step_num == 400 and tab.state.lr == 10.0 and tab.state.gradient == "analytic"
    click(qtbot, tab.transport.end_button)
    run = tab.descent.run("SGD")
    assert run.stopped and tab.state.index == run.computed < 400
    message = tab.transport.message_label.text()
    assert "would overflow" in message and "run stops here" in message
    assert np.all(np.isfinite(shown_point(tab)))
    assert not tab.transport.end_button.isEnabled()
    click(qtbot, tab.transport.step_button)
    assert tab.state.index == run.computed  # nothing further to take, and no error
    click(qtbot, tab.transport.play_button)  # at the end, Play starts again from step 0
    assert tab.is_playing()
    click(qtbot, tab.transport.play_button)


def test_learning_rate_slider_and_box_stay_in_step(qtbot, tab):
    type_into(qtbot, tab.controls.lr_spin, "0.05")
    assert tab.state.lr == 0.05
    assert tab.controls.lr_slider.value() == round(np.log10(0.05) * 100)
    tab.controls.lr_slider.setFocus()
    qtbot.keyClick(tab.controls.lr_slider, Qt.Key.Key_PageUp)  # one decade up
    assert tab.state.lr == pytest.approx(0.5, rel=1e-2) and tab.controls.lr_spin.text() == f"{tab.state.lr:g}"
    qtbot.keyClick(tab.controls.lr_slider, Qt.Key.Key_Left)  # the slider keeps its arrow keys
    assert tab.state.lr < 0.5 and tab.state.index == 0
    assert tab.map.legend.items[0][1].text.endswith(f"η = {tab.state.lr:g}")
    type_into(qtbot, tab.controls.lr_spin, "abc")
    assert tab.state.lr < 0.5  # not a number: the box keeps the last good value


def test_clicking_the_map_sets_the_start(qtbot, tab):
    tab.run_to_end()
    point = tab.map.widget_point(1.5, -2.0)
    qtbot.mouseClick(tab.map.plot.viewport(), LEFT, pos=point)
    assert tab.state.index == 0
    assert tab.state.start == pytest.approx((1.5, -2.0), abs=0.05)
    assert (tab.controls.x0_spin.value(), tab.controls.x1_spin.value()) == pytest.approx(tab.state.start)
    sx, sy = tab.map.start_marker.getData()
    assert (sx[0], sy[0]) == pytest.approx(tab.state.start)
    click(qtbot, tab.transport.end_button)
    expected = gradient_descent(function_2, np.array(tab.state.start), lr=0.1, step_num=100)[0]
    # the map's x0² + x1² (a**2 + b**2) and the book's np.sum(x**2) can part in the last bits at a clicked start
    np.testing.assert_allclose(shown_point(tab), expected, rtol=1e-9, atol=0)


def test_chapter6_comparison_side_by_side(qtbot, tab):
    click(qtbot, tab.controls.preset_buttons["chapter6"])
    click(qtbot, tab.transport.end_button)
    assert tab.state.surface == "ellipse" and tab.state.start == (-7.0, 2.0) and tab.state.index == 30
    surface = SURFACES["ellipse"]
    for name in dl.OPTIMIZER_ORDER:
        assert tab.controls.opt_checks[name].isChecked()
        lr = dl.CHAPTER6_LR[name]
        last = list(steps(surface, [-7.0, 2.0], OPTIMIZERS[name](lr), grad=surface.gradient, step_num=30))[-1][2]
        np.testing.assert_array_equal(shown_point(tab, name), last)
        assert tab.map.path_items[name].isVisible()
    labels = [label.text for _, label in tab.map.legend.items]
    assert labels[:5] == [f"{n}  η = {dl.CHAPTER6_LR[n]:g}" for n in dl.OPTIMIZER_ORDER]
    _, y = tab.map.path_items["SGD"].getData()
    assert np.sum(np.diff(np.sign(y)) != 0) == 30  # SGD zig-zags across the valley
    for name in ("Momentum", "AdaGrad", "RMSprop", "Adam"):
        _, y = tab.map.path_items[name].getData()
        assert np.sum(np.diff(np.sign(y)) != 0) <= 4
    assert [tab.steps_page.combo.itemText(i) for i in range(tab.steps_page.combo.count())] == list(dl.OPTIMIZER_ORDER)
    tab.steps_page.combo.setCurrentIndex(4)
    assert tab.steps_page.model.run.name == "Adam" and tab.steps_page.model.rowCount() == 31
    assert tab.steps_page.model.headerData(3, Qt.Orientation.Horizontal) == "step"


def test_each_optimizer_has_its_own_hyperparameters(qtbot, tab):
    click(qtbot, tab.controls.opt_checks["Momentum"])
    assert tab.state.optimizer("Momentum").enabled and tab.map.path_items["Momentum"].isVisible()
    type_into(qtbot, tab.controls.opt_extra[("Momentum", "momentum")], "0.5")
    type_into(qtbot, tab.controls.opt_lr["Momentum"], "0.02")
    click(qtbot, tab.transport.end_button)
    sphere = SURFACES["sphere"]
    expected = list(steps(sphere, [-3.0, 4.0], OPTIMIZERS["Momentum"](lr=0.02, momentum=0.5), step_num=100))
    np.testing.assert_array_equal(shown_point(tab, "Momentum"), expected[-1][2])
    np.testing.assert_array_equal(shown_point(tab, "SGD"), book_history(0.1)[-1])  # SGD unchanged


def test_no_optimizer_is_an_inline_message(qtbot, tab):
    click(qtbot, tab.controls.opt_checks["SGD"])
    assert "at least one optimizer" in tab.controls.opt_error.text()
    assert not tab.transport.step_button.isEnabled() and not tab.transport.play_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert not tab.is_playing()
    click(qtbot, tab.controls.opt_checks["Adam"])
    assert tab.controls.opt_error.text() == "" and tab.transport.step_button.isEnabled()


def test_log_scale_toggle(qtbot, tab):
    tab.run_to_end()
    assert tab.f_page.plot.getAxis("left").logMode
    qtbot.mouseClick(tab.f_page.log_check, LEFT, pos=QPoint(8, tab.f_page.log_check.height() // 2))  # on the box
    assert not tab.f_page.plot.getAxis("left").logMode
    _, f = tab.f_page.curves["SGD"].getOriginalDataset()
    np.testing.assert_array_equal(f, tab.descent.run("SGD").fs)
    assert tab.f_page.plot.getPlotItem().getViewBox().viewRange()[1][1] >= 25


def test_export_gif_and_png_sequence(qtbot, tab, tmp_path, monkeypatch):
    click(qtbot, tab.controls.preset_buttons["lr_0.1_20"])
    click(qtbot, tab.transport.end_button)
    gif = tmp_path / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gif), ""))
    tab.transport.export_gif_action.trigger()
    with Image.open(gif) as im:
        durations = []
        for i in range(im.n_frames):
            im.seek(i)
            durations.append(im.info["duration"])
        # 21 steps long: Pillow merges a frame identical to the one before into its duration (the last steps,
        # less than a pixel apart on a small map), so the animation plays the same
        assert im.n_frames >= 15 and abs(sum(durations) - 21 * durations[0]) <= 20  # (GIF keeps centiseconds)
        assert im.size[0] > 200
    assert tab.state.index == 20  # the view is back where it was
    assert "Wrote 21 frames" in tab.transport.message_label.text()
    folder = tmp_path / "frames"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    tab.transport.export_png_action.trigger()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"descent_{k:04d}.png" for k in range(21)]
    first, last = Image.open(folder / names[0]), Image.open(folder / names[-1])
    assert first.size == last.size and first.tobytes() != last.tobytes()  # the point moved
    assert not list(tmp_path.glob("**/*.part"))


def test_cancelled_export_writes_nothing(qtbot, tab, tmp_path, monkeypatch):
    gif = tmp_path / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gif), ""))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    tab.transport.export_gif_action.trigger()
    assert not gif.exists() and [p.name for p in tmp_path.iterdir()] in ([], ["settings"])  # (where it asked)
    assert "cancelled" in tab.transport.message_label.text()


def test_export_to_an_unwritable_place_is_a_message(qtbot, tab, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.transport.export_gif_action.trigger()
    assert "Could not write" in tab.transport.message_label.text()
    assert not target.exists()


def test_session_is_remembered(qtbot, tab):
    from gui.settings import app_settings

    click(qtbot, tab.controls.preset_buttons["chapter6"])
    tab.pause()
    type_into(qtbot, tab.controls.opt_extra[("Adam", "beta1")], "0.8")
    tab.transport.speed_slider.setValue(40)
    s = app_settings()
    tab.save_settings(s)
    other = DescentTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert dl.signature(other.state) == dl.signature(tab.state)
    assert other.controls.surface_combo.currentData() == "ellipse" and other.controls.lr_spin.value() == 0.95
    assert other.controls.opt_extra[("Adam", "beta1")].value() == 0.8
    assert other.controls.opt_checks["RMSprop"].isChecked()
    assert other.transport.speed_slider.value() == 40
    s.setValue("session", "{not json")
    third = DescentTab()
    qtbot.addWidget(third)
    third.restore_settings(s)
    assert dl.signature(third.state) == dl.signature(DescentState())


def test_choosing_a_surface_moves_the_view_and_the_start(qtbot, tab):
    before = tab.map.contours.getData()[0].copy()
    tab.controls.surface_combo.setFocus()
    tab.controls.surface_combo.setCurrentIndex(tab.controls.surface_combo.findData("saddle"))
    assert tab.state.surface == "saddle" and tab.state.start == dl.start_for("saddle") and tab.state.index == 0
    assert (tab.controls.x0_spin.value(), tab.controls.x1_spin.value()) == dl.start_for("saddle")
    after = tab.map.contours.getData()[0]
    assert len(after) != len(before) or not np.array_equal(np.nan_to_num(after), np.nan_to_num(before))
    (x0, x1), _ = tab.map.plot.getPlotItem().getViewBox().viewRange()
    assert x0 == pytest.approx(-3.0, abs=0.5) and x1 == pytest.approx(3.0, abs=0.5)
    assert tab.map.minimum_marker.getData()[0].size == 0  # a saddle has no minimum to mark
    type_into(qtbot, tab.controls.steps_spin, "40")
    click(qtbot, tab.transport.end_button)
    assert tab.state.index == 40
    assert "left the view going downhill" in tab.transport.message_label.text()
    surface = SURFACES["saddle"]
    expected = gradient_descent(surface, np.array(dl.start_for("saddle")), lr=0.1, step_num=40)[0]
    np.testing.assert_array_equal(tab.descent.positions(tab.state.index)["SGD"], expected)


def test_arrows_appear_for_a_step_even_when_switched_off_and_never_while_playing(qtbot, tab):
    qtbot.mouseClick(tab.transport.arrows_check, LEFT, pos=QPoint(8, tab.transport.arrows_check.height() // 2))
    assert not tab.transport.arrows_check.isChecked()
    assert not tab.map.step_items["SGD"].isVisible()  # paused, arrows off
    click(qtbot, tab.transport.step_button)
    assert tab.map.step_items["SGD"].isVisible() and tab.map.grad_items["SGD"].isVisible()
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)
    assert not tab.map.step_items["SGD"].isVisible()
    qtbot.mouseClick(tab.transport.arrows_check, LEFT, pos=QPoint(8, tab.transport.arrows_check.height() // 2))
    assert tab.map.step_items["SGD"].isVisible()  # paused with arrows on: the next step is drawn
    click(qtbot, tab.transport.play_button)
    assert tab.is_playing() and not tab.map.step_items["SGD"].isVisible()
    click(qtbot, tab.transport.play_button)
    assert tab.map.step_items["SGD"].isVisible()



def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):

    click(qtbot, tab.controls.preset_buttons["chapter6"])
    click(qtbot, tab.transport.end_button)
    tab.steps_page.combo.setCurrentIndex(4)  # Adam: the step column is "step", a word to translate
    tab.controls.opt_checks["SGD"].setChecked(False)
    tab.controls.opt_checks["Momentum"].setChecked(False)  # still three optimizers
    pages = {
        "controls": lambda: tab.controls.experiments_box.title(),
        "map": lambda: tab.map.plot.getPlotItem().titleLabel.text,
        "map legend": lambda: tab.map.legend.items[-1][1].text,
        "player": lambda: tab.transport.play_button.text(),
        "status": lambda: tab.transport.step_label.text(),
        "f plot": lambda: tab.f_page.log_check.text(),
        "table": lambda: tab.steps_page.model.headerData(3, Qt.Orientation.Horizontal),
        "table label": lambda: tab.steps_page.label.text(),
        "side tabs": lambda: tab.side.tabText(1),
        "speed": lambda: tab.transport.speed_value.text(),
    }
    english, chinese = in_chinese(pages)
    assert "第 30" in chinese["status"] and chinese["table"] != "step"


# ---------------------------------------------------------------------- the state object (plain, no Qt)
def test_session_round_trip_and_bad_values():
    state = DescentState()
    state.apply_preset("chapter6")
    state.optimizer("Adam").params["beta1"] = 0.8
    state.index = 12
    again = DescentState.from_dict(state.to_dict())
    assert dl.signature(again) == dl.signature(state) and again.index == 12
    bad = DescentState.from_dict({"surface": "nope", "start": ["x", 1], "steps": -5, "gradient": "?",
                                  "optimizers": {"SGD": {"enabled": False, "params": {"lr": 1e9}},
                                                 "Adam": {"params": {"beta1": 2}}}, "index": 99})
    assert bad.surface == "sphere" and bad.start == dl.DEFAULT_START and bad.step_num == 1
    assert bad.optimizer("SGD").enabled  # never nothing to show
    assert bad.lr == 0.1 and bad.optimizer("Adam").params["beta1"] == 0.9
    assert bad.index == 1
    assert dl.signature(DescentState.from_dict("garbage")) == dl.signature(DescentState())


def test_state_lr_is_checked_and_fewer_steps_keep_the_step_shown_within_them():
    state = DescentState()
    with pytest.raises(ValueError):
        state.lr = 100
    state.lr = 0.2
    assert state.optimizer("SGD").params["lr"] == 0.2
    state.index = 10
    state.set_steps(50)
    assert state.index == 10  # the step shown is kept
    state.set_steps(5)
    assert state.step_num == 5 and state.index == 5


def test_an_experiment_sets_every_choice_from_step_0():
    state = DescentState(index=40)
    state.apply_preset("lr_10")
    assert (state.surface, state.start, state.step_num, state.gradient, state.index) == (
        "sphere", (-3.0, 4.0), 100, "numerical", 0)
    assert [o.name for o in state.optimizers if o.enabled] == ["SGD"] and state.lr == 10.0
    state.apply_preset("chapter6")
    assert {o.name: o.params["lr"] for o in state.optimizers if o.enabled} == dl.CHAPTER6_LR


# ---------------------------------------------------------------------- plot geometry (geometry.py)
def test_arrow_geometry():
    pts = geometry.arrow([0, 0], [1, 0], 0.1)
    assert pts.shape == (6, 2)
    np.testing.assert_array_equal(pts[1], [1, 0])
    for tip in (pts[3], pts[5]):
        assert np.hypot(*(tip - pts[1])) == pytest.approx(0.1)
        assert tip[0] < 1
    assert pts[3][1] == pytest.approx(-pts[5][1]) and pts[3][1] != 0
    assert geometry.arrow([1, 1], [1, 1], 0.1).shape == (0, 2)
    assert geometry.arrow([0, 0], [np.inf, 0], 0.1).shape == (0, 2)
    end = geometry.gradient_arrow([1.0, 1.0], [-6.0, 8.0], 2.0)
    np.testing.assert_allclose(end, [1 - 1.2, 1 + 1.6])
    assert geometry.gradient_arrow([0, 0], [0, 0], 1.0) is None


def test_playback_timing():
    assert geometry.target_index(5, 1.0, 30) == 35
    assert geometry.target_index(5, 0.01, 30) == 5
    assert geometry.target_index(0, 0.1, 30) == 3


def test_axis_range_moves_in_big_steps():
    assert geometry.axis_range([25.0, 3.2, 0.04], log=True) == (-2.0, 2.0)
    assert geometry.axis_range([25.0, 0.0, -1.0, np.nan], log=True) == (0.0, 2.0)  # only f > 0; two decades at least
    assert geometry.axis_range([], log=True) == (0.0, 1.0)
    lo, hi = geometry.axis_range([6.45, 0.013], log=False)
    assert lo <= 0.013 and hi >= 6.45 and hi <= 7.5
    assert geometry.axis_range([6.45, 0.02], log=False) == (lo, hi)  # small changes keep the same range
    lo, hi = geometry.axis_range([-3.0, 25.0], log=False)
    assert lo <= -3 and hi >= 25
    lo, hi = geometry.axis_range([2.0, 2.0], log=False)
    assert lo <= 2.0 < hi
    assert geometry.axis_range([0.0, 1.7e308], log=False) == (0.0, 1.7e308)  # rounding up would overflow
    assert geometry.axis_range([1e-300, 1e305], log=True) == (-300.0, 305.0)


def test_log_values_leave_gaps_and_decade_ticks():
    np.testing.assert_array_equal(geometry.log_values([25.0, 0.0, -1.0, 2.0]), [25.0, np.nan, np.nan, 2.0])
    major, minor = geometry.decade_ticks(-2, 2)
    assert major == [(-2, "10⁻²"), (-1, "10⁻¹"), (0, "1"), (1, "10¹"), (2, "10²")] and minor == []
    major, minor = geometry.decade_ticks(-300, 305)
    assert len(major) <= 8 and len(minor) > 0


def test_clipping_keeps_what_is_inside_the_box():
    box = (-10.0, 10.0, -10.0, 10.0)
    out = geometry.clip_segments([[-20.0, 0.0], [0.0, 0.0], [20.0, 20.0], [0.0, 50.0]],
                                 [[20.0, 0.0], [5.0, 5.0], [30.0, 30.0], [0.0, -50.0]], box)
    assert out.shape == (9, 2) and np.all(np.isnan(out[2::3]))
    np.testing.assert_allclose(out[0:2], [[-10, 0], [10, 0]])  # crosses: cut at both edges
    np.testing.assert_allclose(out[3:5], [[0, 0], [5, 5]])  # inside: unchanged
    np.testing.assert_allclose(out[6:8], [[0, 10], [0, -10]])  # vertical, through
    path = np.array([[1.0, 1.0], [2.0, 2.0]])
    assert geometry.clip_path(path, box) is not None and np.array_equal(geometry.clip_path(path, box), path)
    state = DescentState()
    state.apply_preset("lr_10")
    state.gradient = "analytic"
    state.step_num = 300
    descent = dl.Descent(state)
    end = descent.last_index()
    big = geometry.display_box(SURFACES[state.surface])
    assert big == (-4500.0, 4500.0, -4500.0, 4500.0)
    drawn = geometry.clip_path(descent.run("SGD").xs[: end + 1], big)
    finite = drawn[np.isfinite(drawn[:, 0])]
    assert len(finite) >= 4 and np.all(np.abs(finite) <= 4500 + 1e-9)
    np.testing.assert_array_equal(drawn[0], [-3.0, 4.0])


def test_lr_10_says_why_x_stops_at_step_10_and_links_the_rounding_lesson(qtbot, qapp):
    """η = 10: from step 10 |x| ≈ 1e13, x + h == x, the numerical gradient is (0, 0) and x stops while f = 6.7e26."""
    from gui.main_window import create_window, parse_args

    window = create_window(parse_args(["--lang", "en", "--tab", "descent"]), qapp)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab_pages["descent"]
    click(qtbot, tab.controls.preset_buttons["lr_10"])  # playing now
    click(qtbot, tab.transport.play_button)  # pause
    tab.reset()
    for _ in range(9):
        tab.step()  # what → does; each finishes the step before at once
    qtbot.waitUntil(lambda: tab.state.index == 9, timeout=3000)
    assert "x + h == x" not in tab.transport.message_label.text()  # not yet: step 9 still moves
    click(qtbot, tab.transport.end_button)
    run = tab.descent.run("SGD")
    assert np.all(run.grads[10:100] == 0) and np.all(run.xs[10] + 1e-4 == run.xs[10])  # what the message says
    text = tab.transport.message_label.text()
    assert "from step 10" in text and "x + h == x" in text and "f = 6.724e+26" in text
    tab.transport.message_label.linkActivated.emit("derivatives:error")  # the link in the message, clicked
    derivatives = window.tab_pages["derivatives"]
    assert window.tabs.currentWidget() is derivatives and derivatives.state.page == "error"
    assert derivatives.state.h == 1e-50


def test_contours_reach_past_the_square_view_so_a_wide_map_has_no_empty_sides(tab):
    surface = SURFACES[tab.state.surface]
    x, y = tab.map.contours.getData()
    a, b, c, d = surface.view
    assert np.nanmin(x) < a and np.nanmax(x) > b  # the outer levels are drawn where they are, past the view
    (x0, x1), _ = tab.map.plot.getPlotItem().getViewBox().viewRange()
    assert x0 < a and x1 > b  # (the wide map shows more than the view: that is where they were cut before)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_1280_the_controls_show_whole_names_and_labelled_optimizer_columns(qtbot, qapp, tab, language):
    from gui import i18n

    i18n.install_language(qapp, language)
    qtbot.wait(20)
    try:
        c = tab.controls
        for combo in (c.surface_combo, c.gradient_combo):
            for i in range(combo.count()):
                combo.setCurrentIndex(i)
                qapp.processEvents()
                text_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
                assert combo.width() >= text_width + 20, combo.currentText()  # + the arrow: not clipped
        for spin in [*c.opt_lr.values(), *c.opt_extra.values()]:
            assert spin.width() >= spin.minimumSizeHint().width(), spin.text()
        assert all(h.text() for h in c.opt_headers)  # the η column and the optimizers' own are labelled
        inner = c.scroll.widget()  # the column is not cut on the right (no horizontal scroll bar to reach it)
        assert inner.minimumSizeHint().width() <= c.scroll.viewport().width(), language
        assert inner.width() <= c.scroll.viewport().width()
    finally:
        i18n.install_language(qapp, "en")


def test_an_animation_is_offered_in_the_documents_folder_then_where_the_user_put_the_last(
        qtbot, tab, tmp_path, monkeypatch):
    import stat

    from PySide6.QtCore import QStandardPaths

    offered = []

    def dialog(*args, **kwargs):
        offered.append(args[2])
        return str(tmp_path / "mine.gif"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    tab.transport.export_gif_action.trigger()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert offered[0] == str(Path(documents) / "descent.gif")  # not the current directory
    tab.transport.export_gif_action.trigger()
    assert offered[1] == str(tmp_path / "descent.gif")  # the folder chosen last time, remembered
    if os.name != "nt":
        mask = os.umask(0)
        os.umask(mask)
        assert stat.S_IMODE((tmp_path / "mine.gif").stat().st_mode) == 0o666 & ~mask  # as open() makes it


def test_the_f_plot_hides_no_curve_under_a_legend_and_says_where_its_colours_are_named(qtbot, tab):
    """Chapter 6's five curves cross every corner of the small f(x) plot at 1280: a legend there hid some. The
    colours are named by the map's legend beside it (and the plot's tooltip says so)."""
    tab.run_preset("chapter6")
    tab.run_to_end()
    qtbot.wait(20)
    plot = tab.f_page.plot
    box = plot.getPlotItem().getViewBox()
    legends = [item for item in plot.scene().items() if isinstance(item, pg.LegendItem) and item.isVisible()]
    for legend in legends:
        rect = legend.sceneBoundingRect()
        for curve in plot.getPlotItem().listDataItems():
            x, y = curve.getData()
            if curve.isVisible() and x is not None:
                assert not any(rect.contains(box.mapViewToScene(pg.Point(a, b))) for a, b in zip(x, y, strict=True))
    labels = [label.text for _, label in tab.map.legend.items][:5]
    for label, name in zip(labels, ("SGD", "Momentum", "AdaGrad", "RMSprop", "Adam"), strict=True):
        assert label.startswith(name) and label.endswith(f"η = {tab.state.optimizer(name).params['lr']:g}")
    assert "map's legend" in plot.toolTip()
