"""The Losses tab driven like a user: examples, target clicks, bar drags, softmax and mini-batch panels."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.lab import losses as loss_lab
from gui.tabs.losses.state import LOGIT_LIMIT, LossesState
from gui.tabs.losses.tab import LossesTab
from tests.gui.hostile_typing import paste, press


@pytest.fixture
def tab(qtbot):
    t = LossesTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    return t


def shown(tab):
    return tab.controls.mse_value.text(), tab.controls.ce_value.text()


def test_book_examples_show_book_values(qtbot, tab):
    qtbot.mouseClick(tab.controls.example_seven, Qt.MouseButton.LeftButton)
    assert shown(tab) == ("0.5975", "2.3026")
    assert tab.controls.ce_exact.text() == "2.302584092994546"
    qtbot.mouseClick(tab.controls.example_two, Qt.MouseButton.LeftButton)
    assert shown(tab) == ("0.0975", "0.5108")
    assert tab.controls.mse_exact.text() == "0.09750000000000003"
    assert tab.controls.target_buttons[2].isChecked()


def test_clicking_a_target_changes_the_losses(qtbot, tab):
    qtbot.mouseClick(tab.controls.example_two, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.controls.target_buttons[7], Qt.MouseButton.LeftButton)
    assert tab.state.target == 7
    mse, ce = loss_lab.losses(loss_lab.WORKED_EXAMPLES["two"], 7)
    assert shown(tab) == (f"{mse:.4f}", f"{ce:.4f}")
    assert float(tab.controls.ce_value.text()) > 2.0  # y_7 = 0.1: the loss is high
    assert tab.curves.p_line.value() == pytest.approx(0.1)


def drag(qtbot, tab, k, start, end):
    viewport = tab.output.bar_plot.viewport()
    a = tab.output.scene_point(k, start)
    b = tab.output.scene_point(k, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * (i / 5))
        qtbot.wait(10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_dragging_the_correct_bar_up_lowers_cross_entropy(qtbot, tab):
    qtbot.mouseClick(tab.controls.example_two, Qt.MouseButton.LeftButton)
    before = float(tab.controls.ce_exact.text())
    drag(qtbot, tab, 2, 0.6, 0.9)
    y = tab.state.y
    assert y[2] == pytest.approx(0.9, abs=0.03)
    assert y.sum() == pytest.approx(1.0)
    after = float(tab.controls.ce_exact.text())
    assert after < before
    assert after == pytest.approx(-np.log(y[2] + 1e-7))
    assert tab.output.bars.opts["height"][2] == pytest.approx(y[2])


def test_logit_mode_drag_goes_through_softmax(qtbot, tab):
    tab.controls.mode_logits.click()
    assert tab.output.y_plot.isVisible()
    assert tab.state.y.argmax() == 2
    drag(qtbot, tab, 4, 0.0, 5.5)
    assert tab.state.logits[4] == pytest.approx(5.5, abs=0.3)
    np.testing.assert_allclose(tab.state.y, np.exp(tab.state.logits) / np.exp(tab.state.logits).sum())
    assert tab.state.y.argmax() == 4


def test_softmax_panel_shows_overflow_as_values(qtbot, tab):
    tab.softmax_page.logits_edit.clear()
    qtbot.keyClicks(tab.softmax_page.logits_edit, "1010, 1000, 990")
    qtbot.keyClick(tab.softmax_page.logits_edit, Qt.Key.Key_Return)
    t = tab.softmax_page.table
    assert t.item(1, 0).text() == "inf"
    assert t.item(2, 0).text() == "nan"
    assert t.item(5, 0).text() == "0.999955"
    tab.softmax_page.logits_edit.setText("1, x")
    tab.softmax_page.logits_edit.editingFinished.emit()
    assert "“x”" in tab.softmax_page.logits_error.text()
    assert t.item(5, 0).text() == "0.999955"  # the last good result stays


def test_mini_batch_label_and_one_hot_agree(qtbot, tab):
    tab.batch_page.size_spin.setValue(8)
    assert tab.batch_page.table.rowCount() == 8
    first = tab.batch_page.mean_label.text()
    qtbot.mouseClick(tab.batch_page.new_button, Qt.MouseButton.LeftButton)
    text = tab.batch_page.mean_label.text()
    assert text != first
    values = [part.split("</b>")[0] for part in text.split("<b>")[1:]]
    assert len(values) == 2 and values[0] == values[1]


def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    qtbot.mouseClick(tab.controls.example_seven, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.controls.target_buttons[7], Qt.MouseButton.LeftButton)
    s = app_settings()
    tab.save_settings(s)
    other = LossesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.target == 7
    np.testing.assert_allclose(other.state.y, loss_lab.WORKED_EXAMPLES["seven"])
    assert shown(other) == shown(tab)


def test_restoring_score_mode_brings_back_the_very_scores(qtbot, tab):
    from gui.settings import app_settings

    tab.controls.mode_logits.click()
    drag(qtbot, tab, 4, 0.0, 5.5)
    tab.batch_page.size_spin.setValue(9)
    s = app_settings()
    tab.save_settings(s)
    other = LossesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.mode == "logits" and other.controls.mode_logits.isChecked()
    np.testing.assert_array_equal(other.state.logits, tab.state.logits)
    np.testing.assert_array_equal(other.output.bars.opts["height"], tab.state.logits)
    assert other.batch_page.size_spin.value() == 9 and other.batch_page.table.rowCount() == 9


def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):

    tab.controls.mode_logits.click()  # the bar plot's title follows the mode
    tab.side.setCurrentIndex(1)
    pages = {
        "controls": lambda: tab.controls.target_box.title(),
        "readout": lambda: tab.controls.ce_label.text(),
        "bars": lambda: tab.output.bar_plot.getPlotItem().titleLabel.text,
        "y plot": lambda: tab.output.y_plot.getPlotItem().titleLabel.text,
        "curves": lambda: tab.curves.getPlotItem().legend.items[0][1].text,
        "softmax": lambda: tab.softmax_page.note.text(),
        "softmax rows": lambda: tab.softmax_page.table.verticalHeaderItem(2).text(),
        "batch": lambda: tab.batch_page.mean_label.text(),
        "batch header": lambda: tab.batch_page.table.horizontalHeaderItem(0).text(),
        "side tabs": lambda: tab.side.tabText(1),
        "explanation": lambda: tab.explanation.toPlainText()[:20],
    }
    in_chinese(pages)


def test_the_state_alone_edits_y_and_the_scores():
    s = LossesState()
    s.set_bar(2, 0.9)
    assert s.y[2] == 0.9 and s.y.sum() == pytest.approx(1.0)
    y = s.y.copy()
    s.set_mode("logits")
    np.testing.assert_allclose(np.exp(s.logits) / np.exp(s.logits).sum(), s.y, atol=1e-3)  # scores for y (floor 1e-4)
    np.testing.assert_array_equal(s.y, y)  # y itself unchanged until a score moves
    assert s.y.argmax() == 2
    s.set_bar(4, 99.0)
    assert s.logits[4] == LOGIT_LIMIT and s.y.argmax() == 4
    s.load_example("seven")
    assert s.mode == "probabilities" and s.target == 2
    assert s.losses() == (0.5975, 2.302584092994546)
    s.load_uniform()
    assert s.losses()[1] == pytest.approx(-np.log(0.1 + 1e-7))


# ---------------------------------------------------------------- hostile and careless typing
def test_sixteen_thousand_pasted_scores_are_cut_at_once_and_refused_with_a_message(qtbot, tab):
    tab.side.setCurrentIndex(1)
    page = tab.softmax_page
    assert page.table.columnCount() == 3  # 1010, 1000, 990
    seconds = paste(qtbot, page.logits_edit, ", ".join(["1.5"] * 16_384))
    assert seconds < 0.5
    assert len(page.logits_edit.text()) == loss_lab.MAX_SCORES_TEXT == 3000
    assert page.logits_error.text() == "At most 3000 characters (up to 100 scores): the rest was left out."
    assert press(qtbot, page.logits_edit) < 0.5
    assert page.logits_error.text() == "Too many scores: 600, at most 100. Remove some and press Enter."
    assert page.table.columnCount() == 3 and page.table.item(5, 0).text() == "0.999955"  # the last good table
    page.logits_edit.clear()
    qtbot.keyClicks(page.logits_edit, "1, 2, 3")
    assert press(qtbot, page.logits_edit) < 0.5
    assert page.logits_error.text() == "" and page.table.columnCount() == 3
    assert page.table.item(5, 2).text() == "0.665241"


def test_a_hundred_scores_in_full_precision_are_shown_at_once(qtbot, tab):
    tab.side.setCurrentIndex(1)
    page = tab.softmax_page
    scores = [repr(-1.2345678901234567e-300 * (k + 1)) for k in range(100)]  # the longest a score is written
    paste(qtbot, page.logits_edit, ", ".join(scores))
    assert page.logits_error.text() == "" and page.logits_edit.text() == ", ".join(scores)
    assert press(qtbot, page.logits_edit) < 0.5
    assert page.table.columnCount() == 100 and page.logits_error.text() == ""
    assert page.table.item(5, 99).text() == "0.01"  # every y_k = 1/100


def test_a_score_that_is_no_number_is_named_briefly(qtbot, tab):
    page = tab.softmax_page
    paste(qtbot, page.logits_edit, "1, " + "z" * 1000)
    press(qtbot, page.logits_edit)
    assert page.logits_error.text() == "Cannot read the scores: “" + "z" * 40 + "…” is not a number"


def test_the_scores_messages_follow_a_live_language_switch(qtbot, tab, in_chinese):
    page = tab.softmax_page
    paste(qtbot, page.logits_edit, ", ".join(["2"] * 200))
    press(qtbot, page.logits_edit)
    english, chinese = in_chinese({"too many": lambda: page.logits_error.text()})
    assert english["too many"] == "Too many scores: 200, at most 100. Remove some and press Enter."
    assert "200" in chinese["too many"] and "100" in chinese["too many"]


# ---------------------------------------------------------------- what a learner tripped over (issue 18)
def test_scores_and_back_keep_the_books_numbers_exactly(qtbot, tab):
    qtbot.mouseClick(tab.controls.example_seven, Qt.MouseButton.LeftButton)
    before = tab.state.losses()
    tab.controls.mode_logits.click()
    assert shown(tab) == ("0.5975", "2.3026")  # the scores for y are shown, y itself is untouched
    tab.controls.mode_prob.click()
    assert tab.state.losses() == before == (0.5975, 2.302584092994546)


def test_the_softmax_plot_gets_half_the_width_when_it_appears(qtbot, tab):
    tab.controls.mode_logits.click()
    qtbot.wait(10)
    plots = tab.output.bar_plot.width(), tab.output.y_plot.width()
    assert min(plots) >= 0.4 * sum(plots), plots
    labels = [t.boundingRect().width() for t in tab.output.bar_text]
    assert max(labels) < plots[0] / 10  # each label fits over its bar


def test_a_cross_entropy_above_the_axis_is_shown_at_its_top_with_its_value(qtbot, tab):
    qtbot.mouseClick(tab.controls.example_seven, Qt.MouseButton.LeftButton)
    tab.on_bar_edited(7, 1.0)  # the net certain of 7, t = 2: CE = −log(1e-7) = 16.1
    ce = tab.state.losses()[1]
    assert ce == pytest.approx(16.118, abs=1e-3)
    x, y = tab.curves.ce_point.getData()
    top = tab.curves.getViewBox().viewRange()[1][1]
    assert y[0] <= top and tab.curves.ce_off_scale.toPlainText() == "↑ 16.1"
    drag(qtbot, tab, 2, 0.0, 0.5)
    assert tab.curves.ce_off_scale.toPlainText() == ""  # back on the scale: no note


def test_nan_among_the_scores_is_called_what_it_is(qtbot, tab):
    tab.side.setCurrentIndex(1)
    tab.softmax_page.logits_edit.setText("nan, 1, 2")
    tab.softmax_page.logits_edit.editingFinished.emit()
    note = tab.softmax_page.note.text()
    assert "nan or infinite makes every output nan" in note and "is fine" not in note
