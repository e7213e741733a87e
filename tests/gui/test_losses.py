"""The Losses tab driven like a user: examples, target clicks, bar drags, softmax and mini-batch panels."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.lab import losses as loss_lab
from gui.tabs.losses.tab import LossesTab, bar_scene_point


@pytest.fixture
def tab(qtbot):
    t = LossesTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    return t


def shown(tab):
    return tab.mse_value.text(), tab.ce_value.text()


def test_book_examples_show_book_values(qtbot, tab):
    qtbot.mouseClick(tab.example_seven, Qt.MouseButton.LeftButton)
    assert shown(tab) == ("0.5975", "2.3026")
    assert tab.ce_exact.text() == "2.302584092994546"
    qtbot.mouseClick(tab.example_two, Qt.MouseButton.LeftButton)
    assert shown(tab) == ("0.0975", "0.5108")
    assert tab.mse_exact.text() == "0.09750000000000003"
    assert tab.target_buttons[2].isChecked()


def test_clicking_a_target_changes_the_losses(qtbot, tab):
    qtbot.mouseClick(tab.example_two, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.target_buttons[7], Qt.MouseButton.LeftButton)
    assert tab.state.target == 7
    mse, ce = loss_lab.losses(loss_lab.WORKED_EXAMPLES["two"], 7)
    assert shown(tab) == (f"{mse:.4f}", f"{ce:.4f}")
    assert float(tab.ce_value.text()) > 2.0  # y_7 = 0.1: the loss is high
    assert tab.p_line.value() == pytest.approx(0.1)


def drag(qtbot, tab, k, start, end):
    viewport = tab.bar_plot.viewport()
    a = bar_scene_point(tab, k, start)
    b = bar_scene_point(tab, k, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * (i / 5))
        qtbot.wait(10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_dragging_the_correct_bar_up_lowers_cross_entropy(qtbot, tab):
    qtbot.mouseClick(tab.example_two, Qt.MouseButton.LeftButton)
    before = float(tab.ce_exact.text())
    drag(qtbot, tab, 2, 0.6, 0.9)
    y = tab.state.y
    assert y[2] == pytest.approx(0.9, abs=0.03)
    assert y.sum() == pytest.approx(1.0)
    after = float(tab.ce_exact.text())
    assert after < before
    assert after == pytest.approx(-np.log(y[2] + 1e-7))
    assert tab.bars.opts["height"][2] == pytest.approx(y[2])


def test_logit_mode_drag_goes_through_softmax(qtbot, tab):
    tab.mode_logits.click()
    assert tab.y_plot.isVisible()
    assert tab.state.y.argmax() == 2
    drag(qtbot, tab, 4, 0.0, 5.5)
    assert tab.state.logits[4] == pytest.approx(5.5, abs=0.3)
    np.testing.assert_allclose(tab.state.y, np.exp(tab.state.logits) / np.exp(tab.state.logits).sum())
    assert tab.state.y.argmax() == 4


def test_softmax_panel_shows_overflow_as_values(qtbot, tab):
    tab.logits_edit.clear()
    qtbot.keyClicks(tab.logits_edit, "1010, 1000, 990")
    qtbot.keyClick(tab.logits_edit, Qt.Key.Key_Return)
    t = tab.softmax_table
    assert t.item(1, 0).text() == "inf"
    assert t.item(2, 0).text() == "nan"
    assert t.item(5, 0).text() == "0.999955"
    tab.logits_edit.setText("1, x")
    tab.logits_edit.editingFinished.emit()
    assert "“x”" in tab.logits_error.text()
    assert t.item(5, 0).text() == "0.999955"  # the last good result stays


def test_mini_batch_label_and_one_hot_agree(qtbot, tab):
    tab.batch_spin.setValue(8)
    assert tab.batch_table.rowCount() == 8
    first = tab.batch_mean_label.text()
    qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
    text = tab.batch_mean_label.text()
    assert text != first
    values = [part.split("</b>")[0] for part in text.split("<b>")[1:]]
    assert len(values) == 2 and values[0] == values[1]


def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    qtbot.mouseClick(tab.example_seven, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.target_buttons[7], Qt.MouseButton.LeftButton)
    s = app_settings()
    tab.save_settings(s)
    other = LossesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.target == 7
    np.testing.assert_allclose(other.state.y, loss_lab.WORKED_EXAMPLES["seven"])
    assert shown(other) == shown(tab)
