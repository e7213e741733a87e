"""The Draw tab driven like a user: mouse strokes on the canvas, live answers, Undo / Clear, pen width, models."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from engine import preprocess
from engine.networks import TwoLayerNet
from gui.model_hub import ModelHub
from gui.tabs.draw.tab import DrawTab

ONE = [(0.5, 0.2), (0.5, 0.8)]
SEVEN_TOP = [(0.3, 0.2), (0.72, 0.2)]
SEVEN = [(0.3, 0.25), (0.7, 0.25), (0.45, 0.8)]
ZERO = [(0.5 + 0.18 * np.sin(a), 0.5 - 0.28 * np.cos(a)) for a in np.linspace(0, 2 * np.pi, 25)]


@pytest.fixture
def make_tab(qtbot):
    def make(model_hub=None):
        t = DrawTab(model_hub=model_hub or ModelHub())
        qtbot.addWidget(t)
        t.resize(1280, 720)
        t.show()
        qtbot.waitExposed(t)
        return t

    return make


@pytest.fixture
def tab(make_tab):
    return make_tab()


def to_widget(canvas, x, y):
    r = canvas.square()
    return QPoint(round(r.x() + x * r.width()), round(r.y() + y * r.height()))


def press_and_move(qtbot, canvas, points, steps=6):
    """Press at the first point and move through the others (the button stays down)."""
    pts = [to_widget(canvas, x, y) for x, y in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
    for a, b in zip(pts, pts[1:], strict=False):
        for i in range(1, steps + 1):
            qtbot.mouseMove(canvas, a + (b - a) * (i / steps))
    return pts[-1]


def stroke(qtbot, canvas, points):
    end = press_and_move(qtbot, canvas, points)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def bar_heights(tab):
    return np.asarray(tab.results.bars.opts["height"], dtype=float)


def test_starts_empty_with_the_bundled_model(tab):
    assert tab.controls.model_combo.count() == 1 and tab.controls.model_combo.currentData() == "bundled"
    assert not tab.controls.model_message.isVisible()
    info = tab.controls.model_info.text()
    assert "98" in info or "97" in info  # its recorded test accuracy
    assert tab.results.answer_label.text() == "–"
    assert not bar_heights(tab).any()
    assert not tab.results.preview.array.any()


def test_drawing_a_one_then_a_seven(qtbot, tab):
    stroke(qtbot, tab.canvas, ONE)
    assert tab.results.answer_label.text() == "1"
    y = bar_heights(tab)
    assert y.sum() == pytest.approx(1.0, abs=1e-5) and y.argmax() == 1
    assert tab.results.preview.array.shape == (28, 28) and tab.results.preview.array.max() > 0.9
    assert "%" in tab.results.probability_label.text()
    brushes = tab.results.bars.opts["brushes"]
    assert brushes[1] != brushes[0]  # the answer's bar is highlighted
    tab.controls.clear_button.click()
    stroke(qtbot, tab.canvas, SEVEN)
    assert tab.results.answer_label.text() == "7"
    assert bar_heights(tab).argmax() == 7
    stroke(qtbot, tab.canvas, [(0.0, 0.0), (0.0, 0.0)])  # a dot in the corner does not break anything
    assert tab.results.answer_label.text() in [str(k) for k in range(10)]


def arc(cx, cy, rx, ry, a0, a1, n=16):
    return [(cx + rx * np.cos(a), cy + ry * np.sin(a)) for a in np.linspace(a0, a1, n)]


DIGITS = {  # each digit as a learner might write it with the mouse: a list of strokes
    0: [ZERO],
    1: [ONE],
    2: [[(0.3, 0.35), (0.4, 0.22), (0.55, 0.2), (0.66, 0.3), (0.62, 0.45), (0.3, 0.78), (0.72, 0.78)]],
    3: [[(0.32, 0.25), (0.5, 0.2), (0.65, 0.3), (0.5, 0.48), (0.67, 0.62), (0.5, 0.78), (0.3, 0.72)]],
    4: [[(0.55, 0.2), (0.3, 0.6), (0.7, 0.6)], [(0.58, 0.4), (0.58, 0.82)]],
    5: [[(0.68, 0.2), (0.38, 0.2), (0.35, 0.45)] + arc(0.5, 0.6, 0.17, 0.17, -2.3, 2.6, 12)],
    6: [[(0.62, 0.18), (0.42, 0.4)] + arc(0.5, 0.63, 0.15, 0.17, np.pi + 0.6, 3 * np.pi + 0.6, 18)],
    7: [SEVEN],
    8: [arc(0.5, 0.35, 0.13, 0.14, np.pi / 2, 2.5 * np.pi) + arc(0.5, 0.64, 0.16, 0.15, -np.pi / 2, -2.5 * np.pi)],
    9: [arc(0.5, 0.35, 0.15, 0.14, 0, 2 * np.pi, 18) + [(0.65, 0.35), (0.62, 0.8)]],
}


@pytest.mark.parametrize("width", [10, 20, 36])
def test_every_digit_drawn_with_the_mouse_is_read_right(qtbot, tab, width):
    tab.controls.width_slider.setValue(width)
    answers = {}
    for digit, strokes in DIGITS.items():
        qtbot.mouseClick(tab.controls.clear_button, Qt.MouseButton.LeftButton)
        for points in strokes:
            stroke(qtbot, tab.canvas, points)
        answers[digit] = int(tab.results.answer_label.text())
    assert answers == {d: d for d in DIGITS}


def test_bars_move_while_the_button_is_still_down(qtbot, tab):
    end = press_and_move(qtbot, tab.canvas, ZERO[:13])  # half a zero, button held
    qtbot.waitUntil(lambda: bar_heights(tab).any(), timeout=1000)
    first = bar_heights(tab).copy()
    preview_first = tab.results.preview.array.copy()
    pts = [to_widget(tab.canvas, x, y) for x, y in ZERO[12:]]
    for p in pts:
        qtbot.mouseMove(tab.canvas, p)
    qtbot.waitUntil(lambda: not np.allclose(bar_heights(tab), first), timeout=1000)
    assert not np.array_equal(tab.results.preview.array, preview_first)
    qtbot.mouseRelease(tab.canvas, Qt.MouseButton.LeftButton, pos=pts[-1] if pts else end)
    assert tab.results.answer_label.text() == "0"


def test_moves_are_coalesced_not_computed_each_time(qtbot, tab, monkeypatch):
    calls = []
    original = tab.refresh
    monkeypatch.setattr(tab, "refresh", lambda: (calls.append(1), original()))
    tab._timer.timeout.disconnect()
    tab._timer.timeout.connect(tab.refresh)
    press_and_move(qtbot, tab.canvas, ONE, steps=30)  # 30 moves in far less than a frame's time
    assert len(calls) < 10  # not one per move
    qtbot.waitUntil(lambda: bar_heights(tab).any(), timeout=1000)


def test_undo_removes_the_last_stroke(qtbot, tab):
    stroke(qtbot, tab.canvas, ONE)
    after_one = tab.canvas.gray_array()
    x_one = tab.results.preview.array.copy()
    stroke(qtbot, tab.canvas, SEVEN_TOP)  # a bar across the top: a 7 now
    assert tab.results.answer_label.text() == "7"
    assert len(tab.canvas.strokes) == 2
    qtbot.mouseClick(tab.controls.undo_button, Qt.MouseButton.LeftButton)
    assert len(tab.canvas.strokes) == 1
    assert tab.results.answer_label.text() == "1"
    assert np.abs(tab.canvas.gray_array().astype(int) - after_one).max() <= 40  # same ink (antialiasing aside)
    np.testing.assert_allclose(tab.results.preview.array, x_one, atol=0.1)
    tab.controls.clear_button.setFocus()
    # Ctrl+Z: the 1 goes too
    qtbot.keyClick(tab.controls.clear_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.canvas.is_empty()
    assert tab.results.answer_label.text() == "–" and not bar_heights(tab).any()


def test_clear_empties_everything(qtbot, tab):
    stroke(qtbot, tab.canvas, ONE)
    stroke(qtbot, tab.canvas, SEVEN_TOP)
    qtbot.mouseClick(tab.controls.clear_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.is_empty() and not tab.canvas.gray_array().any()
    assert not tab.results.preview.array.any()
    assert not bar_heights(tab).any()
    assert tab.results.answer_label.text() == "–"
    assert tab.canvas.overlay_box is None
    qtbot.mouseClick(tab.controls.undo_button, Qt.MouseButton.LeftButton)  # nothing to undo: nothing happens
    assert tab.canvas.is_empty()


def test_stroke_width_slider_changes_the_thickness(qtbot, tab):
    tab.controls.width_slider.setFocus()
    tab.controls.width_slider.setValue(tab.controls.width_slider.minimum())
    stroke(qtbot, tab.canvas, ONE)
    thin = int((tab.canvas.gray_array() > 127).sum())
    tab.controls.clear_button.click()
    for _ in range(5):
        qtbot.keyClick(tab.controls.width_slider, Qt.Key.Key_PageUp)
    slider = tab.controls.width_slider
    assert slider.value() > 30 and tab.controls.width_value.text() == str(slider.value())
    stroke(qtbot, tab.canvas, ONE)
    thick = int((tab.canvas.gray_array() > 127).sum())
    assert thick > 4 * thin


def test_guides_show_box_and_centre(qtbot, tab):
    stroke(qtbot, tab.canvas, SEVEN)
    p = tab.state.preparation
    assert tab.canvas.overlay_box is not None and tab.results.preview.box == (*p.offset, *p.box.shape)
    assert max(p.box.shape) == 20
    tab.controls.guides_check.click()
    assert tab.canvas.overlay_box is None and tab.results.preview.box is None


def test_switching_models_through_the_combo(qtbot, tab):
    stroke(qtbot, tab.canvas, ZERO)
    bundled_y = bar_heights(tab).copy()
    other = TwoLayerNet(784, 20, 10, weight_init_std=0.3, seed=5)
    tab.hub.publish("trained", "784-20-10 after 0 epochs", other)
    assert tab.controls.model_combo.count() == 2
    assert tab.controls.model_combo.currentData() == "bundled"  # publishing does not take the choice away
    np.testing.assert_allclose(bar_heights(tab), bundled_y)
    tab.controls.model_combo.setFocus()
    qtbot.keyClick(tab.controls.model_combo, Qt.Key.Key_Down)
    assert tab.controls.model_combo.currentData() == "trained"
    _, expected = preprocess.classify(other, tab.canvas.gray_array())
    np.testing.assert_allclose(bar_heights(tab), expected, rtol=1e-6)
    assert not np.allclose(bar_heights(tab), bundled_y)
    assert "784-20-10" in tab.controls.model_info.text()
    qtbot.keyClick(tab.controls.model_combo, Qt.Key.Key_Up)  # and back
    np.testing.assert_allclose(bar_heights(tab), bundled_y)
    assert tab.results.answer_label.text() == "0"


def test_a_republished_model_is_used_at_once(qtbot, tab):
    stroke(qtbot, tab.canvas, ONE)
    tab.hub.publish("trained", "first", TwoLayerNet(784, 10, 10, weight_init_std=0.3, seed=1))
    tab.choose_model("trained")
    before = bar_heights(tab).copy()
    replacement = TwoLayerNet(784, 10, 10, weight_init_std=0.3, seed=2)
    tab.hub.publish("trained", "second", replacement)
    np.testing.assert_allclose(bar_heights(tab), preprocess.classify(replacement, tab.canvas.gray_array())[1],
                               rtol=1e-6)
    assert not np.allclose(bar_heights(tab), before)


def test_a_model_with_other_inputs_is_refused_with_a_message(qtbot, tab):
    tab.hub.publish("trained", "cat model", TwoLayerNet(12288, 10, 10, seed=4))
    tab.choose_model("trained")
    stroke(qtbot, tab.canvas, ONE)
    assert "cannot read a 28 × 28 digit" in tab.results.probability_label.text()
    assert not bar_heights(tab).any() and tab.results.answer_label.text() == "?"
    tab.choose_model("bundled")
    assert tab.results.answer_label.text() == "1"


def test_missing_model_file_is_said_and_drawing_still_works(qtbot, make_tab, tmp_path, monkeypatch):
    monkeypatch.setattr("gui.model_hub.BUNDLED_MODEL", tmp_path / "digit_default.npz")
    tab = make_tab()
    assert tab.controls.model_message.isVisible()
    assert "digit_default.npz" in tab.controls.model_message.text() and "not found" in tab.controls.model_message.text()
    stroke(qtbot, tab.canvas, ONE)
    assert tab.results.preview.array.max() > 0.9  # the preparation is still shown
    assert not bar_heights(tab).any()
    assert tab.results.answer_label.text() == "?"
    assert tab.results.probability_label.text() == "no model"
    tab.hub.publish("trained", "mine", TwoLayerNet(784, 10, 10, seed=3))  # a trained model makes it answer
    assert tab.controls.model_combo.currentData() == "trained"
    assert bar_heights(tab).sum() == pytest.approx(1.0, abs=1e-5)


def test_corrupt_model_file_is_said(qtbot, make_tab, tmp_path, monkeypatch):
    bad = tmp_path / "digit_default.npz"
    bad.write_bytes(b"PK\x03\x04 this is not a model")
    monkeypatch.setattr("gui.model_hub.BUNDLED_MODEL", bad)
    tab = make_tab()
    assert "not a readable model file" in tab.controls.model_message.text()
    stroke(qtbot, tab.canvas, SEVEN)
    assert tab.results.answer_label.text() == "?"


def test_settings_roundtrip(qtbot, tab, make_tab):
    from gui.settings import app_settings

    tab.controls.width_slider.setValue(33)
    tab.controls.guides_check.setChecked(False)
    tab.hub.publish("trained", "mine", TwoLayerNet(784, 10, 10, seed=3))
    tab.choose_model("trained")
    s = app_settings()
    tab.save_settings(s)
    other = make_tab(tab.hub)
    other.restore_settings(s)
    assert other.state.pen_width == 33 and other.canvas.pen_width == 33
    assert not other.controls.guides_check.isChecked()
    assert other.controls.model_combo.currentData() == "trained"


def test_in_the_window_ctrl_z_undoes_only_while_draw_is_shown(qtbot):
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.show_tab("draw")
    tab = window.tab_pages["draw"]
    assert tab.net() is not None  # the bundled model, on first launch
    stroke(qtbot, tab.canvas, ONE)
    stroke(qtbot, tab.canvas, SEVEN_TOP)
    assert tab.results.answer_label.text() == "7"
    window.tabs.tabBar().setFocus()
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.canvas.strokes) == 1 and tab.results.answer_label.text() == "1"
    window.show_tab("losses")
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.canvas.strokes) == 1  # another tab is shown: its Ctrl+Z is not ours


def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):

    stroke(qtbot, tab.canvas, ONE)
    pages = {
        "pen": lambda: tab.controls.pen_box.title(),
        "model": lambda: tab.controls.model_combo.itemText(0),
        "model info": lambda: tab.controls.model_info.text(),
        "answer": lambda: tab.results.probability_label.text(),
        "preview": lambda: tab.results.preview_title.text(),
        "bars": lambda: tab.results.bar_plot.getPlotItem().titleLabel.text,
        "canvas": lambda: tab.canvas_title.text(),
        "explanation": lambda: tab.explanation.toPlainText()[:20],
    }
    in_chinese(pages)


def box_on_drawing(canvas):
    """The drawn box and centre mark as fractions of the drawing's square (where paintEvent puts them)."""
    box, point = canvas.overlay_in_widget()
    r = canvas.square()
    return np.array([(box.left() - r.x()) / r.width(), (box.top() - r.y()) / r.height(),
                     (box.right() - r.x()) / r.width(), (box.bottom() - r.y()) / r.height(),
                     (point.x() - r.x()) / r.width(), (point.y() - r.y()) / r.height()])


def test_the_box_stays_on_the_drawing_when_the_window_is_resized(qtbot, tab):
    stroke(qtbot, tab.canvas, SEVEN)
    tab.refresh_now()
    before = box_on_drawing(tab.canvas)
    ink = tab.canvas.gray_array() > 0
    rows, cols = np.nonzero(ink)
    side = ink.shape[0]
    np.testing.assert_allclose(before[:4], [cols.min() / side, rows.min() / side, (cols.max() + 1) / side,
                                            (rows.max() + 1) / side], atol=0.01)  # it is the ink's box
    width = tab.canvas.square().width()
    tab.resize(tab.width() + 300, tab.height() + 200)
    qtbot.waitUntil(lambda: tab.canvas.square().width() != width)
    tab.canvas.grab()  # a paint at the new size (the picture is redrawn bigger)
    np.testing.assert_allclose(box_on_drawing(tab.canvas), before, atol=1e-9)  # the same place on the drawing
