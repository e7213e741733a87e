"""The Descent tab driven like a user: the book's experiments, Step / Play / Reset / Run to end and their keys,
the learning-rate slider and box, clicks on the map, the chapter 6 comparison, export and saved sessions.
Positions are checked against engine.descent's own numbers."""
import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from engine.lab import descent as dl
from engine.descent import OPTIMIZERS, gradient_descent, steps
from engine.surfaces import SURFACES, function_2
from gui.tabs.descent.tab import DescentTab, map_widget_point

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


def fastest(qtbot, tab):
    """The user pushes the speed slider to its end (End key) so that playback tests finish quickly."""
    tab.speed_slider.setFocus()
    qtbot.keyClick(tab.speed_slider, Qt.Key.Key_End)
    assert tab.speed_slider.value() == tab.speed_slider.maximum()
    assert tab.speed_value.text() == "120 steps/s"


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def shown_point(tab, name="SGD"):
    x, y = tab.point_items[name].getData()
    return np.array([x[0], y[0]])


def book_history(lr, n=100):
    return gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=n)[1]


def test_opens_on_the_books_function_and_start(tab):
    assert tab.state.surface == "sphere" and tab.state.start == (-3.0, 4.0) and tab.state.lr == 0.1
    assert tab.surface_combo.currentText().endswith("x0² + x1²")
    assert (tab.x0_spin.value(), tab.x1_spin.value()) == (-3.0, 4.0)
    np.testing.assert_array_equal(shown_point(tab), [-3.0, 4.0])
    assert tab.step_label.text().startswith("Step 0 of 100")
    assert tab.table_model.rowCount() == 1


def test_experiment_lr_0_1_plays_to_the_books_minimum(qtbot, tab):
    fastest(qtbot, tab)
    click(qtbot, tab.preset_buttons["lr_0.1"])
    assert tab.is_playing() and tab.play_button.text() == "Pause (Space)"
    qtbot.waitUntil(lambda: not tab.is_playing(), timeout=10_000)
    assert tab.state.index == 100
    expected = book_history(0.1)[-1]
    np.testing.assert_array_equal(tab.state.positions()["SGD"], expected)
    np.testing.assert_array_equal(shown_point(tab), expected)
    np.testing.assert_allclose(expected, [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)
    assert tab.step_label.text().startswith("Step 100 of 100")
    assert "reached a point where ∇f ≈ 0" in tab.message_label.text()
    assert tab.table_model.rowCount() == 101
    assert tab.play_button.text() == "Play (Space)" and not tab.end_button.isEnabled()
    steps_, f = tab.f_curves["SGD"].getOriginalDataset()
    assert len(steps_) == 101 and f[0] == 25.0


def test_book_figure_20_steps(qtbot, tab):
    click(qtbot, tab.preset_buttons["lr_0.1_20"])
    click(qtbot, tab.end_button)
    assert not tab.is_playing() and tab.state.index == 20
    np.testing.assert_allclose(shown_point(tab), [-0.03458765, 0.04611686], rtol=2e-7)
    x, y = tab.path_items["SGD"].getData()
    np.testing.assert_array_equal(np.column_stack([x, y]), book_history(0.1, 20))


def test_step_shows_the_arrows_then_moves(qtbot, tab):
    history = book_history(0.1)
    click(qtbot, tab.step_button)
    assert tab.state.index == 0  # not yet: first the gradient and the step are drawn
    assert tab.step_items["SGD"].isVisible() and tab.grad_items["SGD"].isVisible()
    sx, sy = tab.step_items["SGD"].getData()
    np.testing.assert_allclose([sx[0], sy[0]], history[0])
    np.testing.assert_allclose([sx[1], sy[1]], history[1])  # the step arrow ends where the point will be
    assert len(sx) == 9 and np.isnan(sx[2])  # shaft and the head's two strokes
    gx, gy = tab.grad_items["SGD"].getData()
    direction = np.array([gx[1] - gx[0], gy[1] - gy[0]])  # (clipped to the big box: same direction)
    np.testing.assert_allclose(direction / np.linalg.norm(direction), [-0.6, 0.8], atol=1e-6)  # ∇f = (−6, 8)
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)
    np.testing.assert_array_equal(shown_point(tab), history[1])
    assert tab.table_model.rowCount() == 2
    assert tab.table_model.index(0, 3).data() == "(-0.6, 0.8)"  # η∇f of the first step

    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.keyClick(tab, Qt.Key.Key_Right)  # the second press finishes the first step at once
    qtbot.waitUntil(lambda: tab.state.index == 3, timeout=3000)
    np.testing.assert_array_equal(shown_point(tab), history[3])


def test_space_plays_and_pauses_even_on_a_focused_button_and_r_resets(qtbot, tab):
    click(qtbot, tab.preset_buttons["lr_0.1"])  # playing now
    click(qtbot, tab.play_button)  # pause
    assert not tab.is_playing()
    tab.run_to_end()
    tab.reset()
    for _ in range(2):
        qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.state.index == 2, timeout=3000)
    tab.reset_button.setFocus()
    qtbot.keyClick(tab.reset_button, Qt.Key.Key_Space)
    assert tab.is_playing() and tab.state.index >= 2  # Space plays: the focused Reset button was not pressed
    qtbot.waitUntil(lambda: tab.state.index > 3, timeout=5000)
    qtbot.keyClick(tab.reset_button, Qt.Key.Key_Space)
    assert not tab.is_playing()
    paused_at = tab.state.index
    qtbot.wait(150)
    assert tab.state.index == paused_at and 0 < paused_at <= 100
    np.testing.assert_array_equal(shown_point(tab), book_history(0.1)[paused_at])
    qtbot.keyClick(tab.reset_button, Qt.Key.Key_R)
    assert tab.state.index == 0
    np.testing.assert_array_equal(shown_point(tab), [-3.0, 4.0])


def test_keys_go_to_a_number_box_being_edited(qtbot, tab):
    tab.x0_spin.setFocus()
    qtbot.keyClick(tab.x0_spin, Qt.Key.Key_Right)
    qtbot.keyClick(tab.x0_spin, Qt.Key.Key_Space)
    qtbot.wait(450)  # longer than a step's delay
    assert tab.state.index == 0 and not tab.is_playing()


def test_lr_10_diverges_with_a_message_and_the_path_leaves_the_view(qtbot, tab):
    click(qtbot, tab.preset_buttons["lr_10"])
    click(qtbot, tab.end_button)
    assert tab.state.index == 100
    np.testing.assert_allclose(shown_point(tab), [-2.58983747e13, -1.29524862e12], rtol=1e-7)
    np.testing.assert_array_equal(shown_point(tab), book_history(10.0)[-1])
    text = tab.message_label.text()
    assert "diverges" in text and "learning rate is too large" in text
    (x0, x1), (y0, y1) = tab.map_plot.getPlotItem().getViewBox().viewRange()
    px, py = tab.path_items["SGD"].getData()
    drawn = np.isfinite(px)
    assert drawn.sum() >= 4  # the first steps, clipped where painters could not draw them
    assert not (x0 <= px[drawn][-1] <= x1 and y0 <= py[drawn][-1] <= y1)  # drawn leaving the view
    assert x0 > -6 and x1 < 6  # the view stays on the surface: it does not chase the point
    assert tab.state.lr == 10.0 and tab.lr_spin.text() == "10"
    assert tab.lr_slider.value() == tab.lr_slider.maximum()


def test_lr_1e_10_does_not_move(qtbot, tab):
    click(qtbot, tab.preset_buttons["lr_1e-10"])
    click(qtbot, tab.end_button)
    np.testing.assert_allclose(shown_point(tab), [-2.99999994, 3.99999992], rtol=1e-8)
    assert "barely moves" in tab.message_label.text() and "too small" in tab.message_label.text()
    assert tab.lr_spin.text() == "1e-10" and tab.lr_slider.value() == tab.lr_slider.minimum()


def test_overflow_stops_the_run_with_an_explanation(qtbot, tab):
    tab.gradient_combo.setCurrentIndex(tab.gradient_combo.findData("analytic"))
    type_into(qtbot, tab.steps_spin, "400")
    type_into(qtbot, tab.lr_spin, "10")
    assert tab.state.step_num == 400 and tab.state.lr == 10.0 and tab.state.gradient == "analytic"
    click(qtbot, tab.end_button)
    run = tab.state.run("SGD")
    assert run.stopped and tab.state.index == run.computed < 400
    assert "would overflow" in tab.message_label.text() and "run stops here" in tab.message_label.text()
    assert np.all(np.isfinite(shown_point(tab)))
    assert not tab.end_button.isEnabled()
    click(qtbot, tab.step_button)
    assert tab.state.index == run.computed  # nothing further to take, and no error
    click(qtbot, tab.play_button)  # at the end, Play starts again from step 0
    assert tab.is_playing()
    click(qtbot, tab.play_button)


def test_learning_rate_slider_and_box_stay_in_step(qtbot, tab):
    type_into(qtbot, tab.lr_spin, "0.05")
    assert tab.state.lr == 0.05
    assert tab.lr_slider.value() == round(np.log10(0.05) * 100)
    tab.lr_slider.setFocus()
    qtbot.keyClick(tab.lr_slider, Qt.Key.Key_PageUp)  # one decade up
    assert tab.state.lr == pytest.approx(0.5, rel=1e-2) and tab.lr_spin.text() == f"{tab.state.lr:g}"
    qtbot.keyClick(tab.lr_slider, Qt.Key.Key_Left)  # the slider keeps its arrow keys
    assert tab.state.lr < 0.5 and tab.state.index == 0
    assert tab.legend.items[0][1].text.endswith(f"η = {tab.state.lr:g}")
    type_into(qtbot, tab.lr_spin, "abc")
    assert tab.state.lr < 0.5  # not a number: the box keeps the last good value


def test_clicking_the_map_sets_the_start(qtbot, tab):
    tab.run_to_end()
    point = map_widget_point(tab, 1.5, -2.0)
    qtbot.mouseClick(tab.map_plot.viewport(), LEFT, pos=point)
    assert tab.state.index == 0
    assert tab.state.start == pytest.approx((1.5, -2.0), abs=0.05)
    assert (tab.x0_spin.value(), tab.x1_spin.value()) == pytest.approx(tab.state.start)
    sx, sy = tab.start_marker.getData()
    assert (sx[0], sy[0]) == pytest.approx(tab.state.start)
    click(qtbot, tab.end_button)
    expected = gradient_descent(function_2, np.array(tab.state.start), lr=0.1, step_num=100)[0]
    np.testing.assert_array_equal(shown_point(tab), expected)


def test_chapter6_comparison_side_by_side(qtbot, tab):
    click(qtbot, tab.preset_buttons["chapter6"])
    click(qtbot, tab.end_button)
    assert tab.state.surface == "ellipse" and tab.state.start == (-7.0, 2.0) and tab.state.index == 30
    surface = SURFACES["ellipse"]
    for name in dl.OPTIMIZER_ORDER:
        assert tab.opt_checks[name].isChecked()
        lr = dl.CHAPTER6_LR[name]
        last = list(steps(surface, [-7.0, 2.0], OPTIMIZERS[name](lr), grad=surface.gradient, step_num=30))[-1][2]
        np.testing.assert_array_equal(shown_point(tab, name), last)
        assert tab.path_items[name].isVisible()
    labels = [label.text for _, label in tab.legend.items]
    assert labels[:5] == [f"{n}  η = {dl.CHAPTER6_LR[n]:g}" for n in dl.OPTIMIZER_ORDER]
    _, y = tab.path_items["SGD"].getData()
    assert np.sum(np.diff(np.sign(y)) != 0) == 30  # SGD zig-zags across the valley
    for name in ("Momentum", "AdaGrad", "RMSprop", "Adam"):
        _, y = tab.path_items[name].getData()
        assert np.sum(np.diff(np.sign(y)) != 0) <= 4
    assert [tab.table_combo.itemText(i) for i in range(tab.table_combo.count())] == list(dl.OPTIMIZER_ORDER)
    tab.table_combo.setCurrentIndex(4)
    assert tab.table_model.run.name == "Adam" and tab.table_model.rowCount() == 31
    assert tab.table_model.headerData(3, Qt.Orientation.Horizontal) == "step"


def test_each_optimizer_has_its_own_hyperparameters(qtbot, tab):
    click(qtbot, tab.opt_checks["Momentum"])
    assert tab.state.optimizer("Momentum").enabled and tab.path_items["Momentum"].isVisible()
    type_into(qtbot, tab.opt_extra[("Momentum", "momentum")], "0.5")
    type_into(qtbot, tab.opt_lr["Momentum"], "0.02")
    click(qtbot, tab.end_button)
    sphere = SURFACES["sphere"]
    expected = list(steps(sphere, [-3.0, 4.0], OPTIMIZERS["Momentum"](lr=0.02, momentum=0.5), step_num=100))
    np.testing.assert_array_equal(shown_point(tab, "Momentum"), expected[-1][2])
    np.testing.assert_array_equal(shown_point(tab, "SGD"), book_history(0.1)[-1])  # SGD unchanged


def test_no_optimizer_is_an_inline_message(qtbot, tab):
    click(qtbot, tab.opt_checks["SGD"])
    assert "at least one optimizer" in tab.opt_error.text()
    assert not tab.step_button.isEnabled() and not tab.play_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert not tab.is_playing()
    click(qtbot, tab.opt_checks["Adam"])
    assert tab.opt_error.text() == "" and tab.step_button.isEnabled()


def test_log_scale_toggle(qtbot, tab):
    tab.run_to_end()
    assert tab.f_plot.getAxis("left").logMode
    qtbot.mouseClick(tab.log_check, LEFT, pos=QPoint(8, tab.log_check.height() // 2))  # on the box
    assert not tab.f_plot.getAxis("left").logMode
    _, f = tab.f_curves["SGD"].getOriginalDataset()
    np.testing.assert_array_equal(f, tab.state.run("SGD").fs)
    assert tab.f_plot.getPlotItem().getViewBox().viewRange()[1][1] >= 25


def test_export_gif_and_png_sequence(qtbot, tab, tmp_path, monkeypatch):
    click(qtbot, tab.preset_buttons["lr_0.1_20"])
    click(qtbot, tab.end_button)
    gif = tmp_path / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gif), ""))
    tab.export_gif_action.trigger()
    with Image.open(gif) as im:
        assert im.n_frames == 21
        assert im.size[0] > 200
    assert tab.state.index == 20  # the view is back where it was
    assert "Wrote 21 frames" in tab.message_label.text()
    folder = tmp_path / "frames"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    tab.export_png_action.trigger()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"descent_{k:04d}.png" for k in range(21)]
    first, last = Image.open(folder / names[0]), Image.open(folder / names[-1])
    assert first.size == last.size and first.tobytes() != last.tobytes()  # the point moved
    assert not list(tmp_path.glob("**/*.part"))


def test_cancelled_export_writes_nothing(qtbot, tab, tmp_path, monkeypatch):
    gif = tmp_path / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gif), ""))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    tab.export_gif_action.trigger()
    assert not gif.exists() and list(tmp_path.iterdir()) == []
    assert "cancelled" in tab.message_label.text()


def test_export_to_an_unwritable_place_is_a_message(qtbot, tab, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.export_gif_action.trigger()
    assert "Could not write" in tab.message_label.text()
    assert not target.exists()


def test_session_is_remembered(qtbot, tab):
    from gui.settings import app_settings

    click(qtbot, tab.preset_buttons["chapter6"])
    tab.pause()
    type_into(qtbot, tab.opt_extra[("Adam", "beta1")], "0.8")
    tab.speed_slider.setValue(40)
    s = app_settings()
    tab.save_settings(s)
    other = DescentTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.signature() == tab.state.signature()
    assert other.surface_combo.currentData() == "ellipse" and other.lr_spin.value() == 0.95
    assert other.opt_extra[("Adam", "beta1")].value() == 0.8 and other.opt_checks["RMSprop"].isChecked()
    assert other.speed_slider.value() == 40
    s.setValue("session", "{not json")
    third = DescentTab()
    qtbot.addWidget(third)
    third.restore_settings(s)
    assert third.state.signature() == dl.DescentState().signature()


def test_choosing_a_surface_moves_the_view_and_the_start(qtbot, tab):
    before = tab.contours.getData()[0].copy()
    tab.surface_combo.setFocus()
    tab.surface_combo.setCurrentIndex(tab.surface_combo.findData("saddle"))
    assert tab.state.surface == "saddle" and tab.state.start == dl.start_for("saddle") and tab.state.index == 0
    assert (tab.x0_spin.value(), tab.x1_spin.value()) == dl.start_for("saddle")
    after = tab.contours.getData()[0]
    assert len(after) != len(before) or not np.array_equal(np.nan_to_num(after), np.nan_to_num(before))
    (x0, x1), _ = tab.map_plot.getPlotItem().getViewBox().viewRange()
    assert x0 == pytest.approx(-3.0, abs=0.5) and x1 == pytest.approx(3.0, abs=0.5)
    assert tab.minimum_marker.getData()[0].size == 0  # a saddle has no minimum to mark
    type_into(qtbot, tab.steps_spin, "40")
    click(qtbot, tab.end_button)
    assert tab.state.index == 40
    assert "left the view going downhill" in tab.message_label.text()
    surface = SURFACES["saddle"]
    expected = gradient_descent(surface, np.array(dl.start_for("saddle")), lr=0.1, step_num=40)[0]
    np.testing.assert_array_equal(tab.state.positions()["SGD"], expected)


def test_arrows_appear_for_a_step_even_when_switched_off_and_never_while_playing(qtbot, tab):
    qtbot.mouseClick(tab.arrows_check, LEFT, pos=QPoint(8, tab.arrows_check.height() // 2))
    assert not tab.arrows_check.isChecked()
    assert not tab.step_items["SGD"].isVisible()  # paused, arrows off
    click(qtbot, tab.step_button)
    assert tab.step_items["SGD"].isVisible() and tab.grad_items["SGD"].isVisible()
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)
    assert not tab.step_items["SGD"].isVisible()
    qtbot.mouseClick(tab.arrows_check, LEFT, pos=QPoint(8, tab.arrows_check.height() // 2))
    assert tab.step_items["SGD"].isVisible()  # paused with arrows on: the next step is drawn
    click(qtbot, tab.play_button)
    assert tab.is_playing() and not tab.step_items["SGD"].isVisible()
    click(qtbot, tab.play_button)
    assert tab.step_items["SGD"].isVisible()
