"""The Descent tab's simpleNet page driven like a user: CURRICULUM §4b's numbers on screen, the correct class
clicked, a weight typed, a weight nudged, → / Space / R on this page (and still on the f(x0, x1) page), the
settings kept, and a live switch to Chinese."""
import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from engine.lab import simplenet as sl
from engine.networks import SimpleNet
from gui.tabs.descent.state import DescentState, SimpleNetState
from gui.tabs.descent.tab import DescentTab
from tests.gui.actions import click, type_into

BOOK_DW = [["0.21924763", "0.14356247", "-0.36281009"], ["0.32887144", "0.2153437", "-0.54421514"]]
BOOK_NUMERICAL = [["0.21924757", "0.14356243", "-0.36281"], ["0.32887136", "0.21534364", "-0.544215"]]


@pytest.fixture
def tab(qtbot):
    t = DescentTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    t.activateWindow()
    bar = t.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # the user opens the page
    assert t.pages.currentWidget() is t.simplenet and t.state.page == "simplenet"
    t.setFocus()
    return t


def cells(grid):
    return [[b.text().split()[0] for b in row] for row in grid.cells]


def loss(W, t=2, x=sl.BOOK_X):
    return float(SimpleNet(W).loss(np.array(x), np.eye(3)[t]))


def test_the_books_numbers_on_screen(tab):
    page = tab.simplenet
    text = page.forward_text.text()
    assert "[1.05414809, 0.63071653, 1.1328074]" in text  # p = x·W
    assert "[0.36541271, 0.23927078, 0.39531651]" in text  # y = softmax(p)
    assert "argmax y = <b>2</b>" in text and "right" in text
    assert "<b>0.9280682857864075</b>" in text and "0.9280685387482351" in text  # L with and without the guard
    assert cells(page.analytic_grid) == BOOK_DW
    assert cells(page.numerical_grid) == BOOK_NUMERICAL
    assert cells(page.difference_grid) == [["-5.54e-08", "-3.63e-08", "9.18e-08"], ["-8.31e-08", "-5.44e-08",
                                                                                    "1.38e-07"]]
    w23 = page.analytic_grid.cells[1][2]
    assert w23.text().endswith("↑") and w23.isChecked()  # the step raises w23; w23 is the chosen weight
    assert page.analytic_grid.cells[0][0].text().endswith("↓")
    assert "raise w23 to lower L" in page.advice.text()
    assert [[s.value() for s in row] for row in page.controls.weights.spins] == [list(r) for r in sl.BOOK_W]
    c = page.controls
    assert c.t_buttons[2].isChecked() and (c.x_spins[0].value(), c.x_spins[1].value()) == (0.6, 0.9)
    assert page.status.text().startswith("Step 0: L = 0.9280682857864075, answer 2")
    assert "same update rule" in page.bridge.text() and "6 weights" in page.bridge.text()


def test_clicking_the_correct_class(qtbot, tab):
    page = tab.simplenet
    click(qtbot, page.controls.t_buttons[0])
    t_buttons = page.controls.t_buttons
    assert tab.state.simplenet.t == 0 and t_buttons[0].isChecked() and not t_buttons[2].isChecked()
    text = page.forward_text.text()
    assert f"<b>{loss(sl.BOOK_W, 0)!r}</b>" in text and "wrong" in text and "t = 0" in text
    assert cells(page.analytic_grid)[1][0] == sl_num(0.9 * (0.36541271 - 1))  # x2 (y1 − 1), now negative
    assert "lower w23 to lower L" in page.advice.text()  # w23 feeds a wrong class now


def sl_num(v):
    from gui.tabs.descent.simplenet_views import num
    return num(v)


def test_typing_a_weight(qtbot, tab):
    page = tab.simplenet
    type_into(qtbot, page.controls.weights.spins[0][2], "2.5")
    W = np.array(sl.BOOK_W)
    W[0, 2] = 2.5
    assert tab.state.simplenet.W == tuple(map(tuple, W))
    assert f"<b>{loss(W)!r}</b>" in page.forward_text.text()
    assert tab.state.simplenet.cell == (1, 0)  # Tab left w13 for the next box, w21: it is the chosen weight now
    assert page.analytic_grid.cells[1][0].isChecked() and page.controls.nudge_button.text() == "Nudge w21 by h"
    click(qtbot, page.analytic_grid.cells[0][2])
    assert page.controls.weights.spins[0][2].font().bold() and not page.controls.weights.spins[1][0].font().bold()


def test_nudging_a_weight(qtbot, tab):
    page = tab.simplenet
    click(qtbot, page.analytic_grid.cells[0][0])
    assert tab.state.simplenet.cell == (0, 0) and page.controls.nudge_button.text() == "Nudge w11 by h"
    assert "lower w11 to lower L" in page.advice.text()
    click(qtbot, page.controls.nudge_button)
    W = np.array(sl.BOOK_W)
    nudged = W.copy()
    nudged[0, 0] += 1e-4
    change = loss(nudged) - loss(W)
    text = page.controls.nudge_text.text()
    assert f"{change:.6e}" in text and f"{change / 1e-4:.8f}" in text and "0.21924763" in text
    assert abs(change / 1e-4 - 0.21924763) < 1e-4  # ΔL/h ≈ ∂L/∂w11
    type_into(qtbot, page.controls.h_spin, "1e-6")
    assert tab.state.simplenet.h == 1e-6
    n = page.lab.nudge((0, 0))
    assert f"{n.slope:.8f}" in page.controls.nudge_text.text() and abs(n.slope - 0.21924763) < 1e-6
    assert tab.state.simplenet.W == sl.BOOK_W  # a nudge looks; it does not move W


def test_right_steps_and_l_falls_r_resets(qtbot, tab):
    page = tab.simplenet
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    assert tab.state.simplenet.steps == 1 and tab.state.index == 0  # the f(x0, x1) page did not move
    assert page.status.text().startswith("Step 1: L = 0.864377532033614,")
    assert "<b>0.864377532033614</b>" in page.forward_text.text()
    for _ in range(4):
        qtbot.keyClick(tab, Qt.Key.Key_Right)
    x, y = page.curve.getData()
    assert list(x) == [0, 1, 2, 3, 4, 5] and np.all(np.diff(y) < 0) and y[1] == 0.864377532033614
    W5 = page.lab.weights()
    assert page.controls.weights.spins[1][2].value() == pytest.approx(W5[1, 2], abs=1e-8) and W5[1, 2] > 0.69422093
    qtbot.keyClick(tab, Qt.Key.Key_R)
    assert tab.state.simplenet.steps == 0 and page.status.text().startswith("Step 0: L = 0.9280682857864075")
    assert len(page.curve.getData()[0]) == 1


def test_space_plays_and_pauses(qtbot, tab):
    page = tab.simplenet
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert page.is_playing() and page.play_button.text() == "Pause (Space)"
    qtbot.waitUntil(lambda: tab.state.simplenet.steps >= 3, timeout=5000)
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert not page.is_playing() and page.play_button.text() == "Play (Space)"
    stopped = tab.state.simplenet.steps
    qtbot.wait(300)
    assert tab.state.simplenet.steps == stopped and not tab.is_playing()  # the f(x0, x1) page did not play
    losses = page.lab.losses()
    assert len(losses) == stopped + 1 and losses[-1] < 0.864377532033614


def test_the_answer_changes_as_w_moves(qtbot, tab):
    page = tab.simplenet
    click(qtbot, page.controls.t_buttons[1])
    type_into(qtbot, page.controls.lr_spin, "1")
    assert "argmax y = <b>2</b>" in page.forward_text.text()
    for _ in range(10):
        click(qtbot, page.step_button)
    assert "argmax y = <b>1</b>" in page.forward_text.text() and "right" in page.forward_text.text()
    assert "The answer became 1 at step" in page.status.text()
    assert len(page.wrong.getData()[0]) >= 1  # the steps with a wrong answer are marked on the curve


def test_keys_on_the_first_page_keep_their_meaning(qtbot, tab):
    bar = tab.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)
    assert tab.state.simplenet.steps == 0 and tab.state.page == "function"


def test_the_books_values_button(qtbot, tab):
    page = tab.simplenet
    click(qtbot, page.controls.t_buttons[0])
    type_into(qtbot, page.controls.x_spins[0], "-1")
    click(qtbot, page.step_button)
    click(qtbot, page.controls.book_button)
    s = tab.state.simplenet
    assert (s.W, s.x, s.t, s.steps) == (sl.BOOK_W, sl.BOOK_X, 2, 0)
    assert "<b>0.9280682857864075</b>" in page.forward_text.text() and page.controls.t_buttons[2].isChecked()


def test_settings_keep_the_page_and_its_values(qtbot, tab, tmp_path):
    page = tab.simplenet
    click(qtbot, page.controls.t_buttons[1])
    type_into(qtbot, page.controls.lr_spin, "0.5")
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    tab.save_settings(settings)
    other = DescentTab()
    qtbot.addWidget(other)
    other.restore_settings(settings)
    s = other.state.simplenet
    assert other.pages.currentWidget() is other.simplenet and other.simplenet.state is s
    assert (s.t, s.lr, s.steps) == (1, 0.5, 1) and other.simplenet.controls.lr_spin.value() == 0.5
    assert other.simplenet.status.text() == page.status.text()
    settings.setValue("simplenet", '{"W": [[1, 2], [3]], "t": 7, "h": -1, "steps": 3}')
    settings.setValue("page", "nowhere")
    other.restore_settings(settings)
    s = other.state.simplenet
    assert (s.W, s.t, s.h, s.steps) == (sl.BOOK_W, 2, 1e-4, 3) and other.state.page == "function"


def test_state_round_trip_and_bad_values():
    s = SimpleNetState(t=0, h=1e-3, lr=0.2, steps=7, cell=(0, 1))
    s.start_from([[1, 2, 3], [4, 5, 6]])
    s.steps = 7
    again = SimpleNetState.from_dict(s.to_dict())
    assert again == s
    refused = []
    bad = SimpleNetState.from_dict({"W": [[1, 2, float("nan")], [0, 0, 0]], "x": [1e9, 0], "t": True,
                                    "lr": 0, "cell": [2, 0], "steps": 10**6}, refused)
    assert bad == SimpleNetState() and sorted(refused) == ["simplenet." + k for k in
                                                           ("W", "cell", "lr", "steps", "t", "x")]
    assert DescentState().simplenet == SimpleNetState()


def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):
    page = tab.simplenet
    click(qtbot, page.controls.nudge_button)
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    reads = {
        "page tab": lambda: tab.pages.tabText(1),
        "first page tab": lambda: tab.pages.tabText(0),
        "bridge": lambda: page.bridge.text(),
        "net box": lambda: page.controls.net_box.title(),
        "weights": lambda: page.controls.w_label.text(),
        "x": lambda: page.controls.x_label.text(),
        "t": lambda: page.controls.t_label.text(),
        "book": lambda: page.controls.book_button.text(),
        "settings": lambda: page.controls.settings_box.title(),
        "lr": lambda: page.controls.lr_label.text(),
        "h": lambda: page.controls.h_label.text(),
        "nudge box": lambda: page.controls.nudge_box.title(),
        "nudge button": lambda: page.controls.nudge_button.text(),
        "forward": lambda: page.forward_box.title(),
        "answer": lambda: page.forward_text.text(),
        "gradient": lambda: page.gradient_box.title(),
        "analytic": lambda: page.analytic_title.text(),
        "numerical": lambda: page.numerical_title.text(),
        "difference": lambda: page.difference_title.text(),
        "advice": lambda: page.advice.text(),
        "step": lambda: page.step_button.text(),
        "play": lambda: page.play_button.text(),
        "reset": lambda: page.reset_button.text(),
        "status": lambda: page.status.text(),
        "plot": lambda: page.plot.getPlotItem().titleLabel.text,
        "bars": lambda: page.bars.getPlotItem().getAxis("bottom").labelText,
        "explanation": lambda: page.explanation.toPlainText(),
        "cell tip": lambda: page.analytic_grid.cells[0][0].toolTip(),
    }
    english, chinese = in_chinese(reads)
    assert "0.864377532033614" in chinese["status"] and "0.864377532033614" in chinese["answer"]


def test_the_last_step_and_play_from_there(qtbot, tab):
    page = tab.simplenet
    tab.state.simplenet.steps = sl.MAX_STEPS  # as after 1000 presses of →
    page.refresh()
    assert not page.step_button.isEnabled() and "The last step (1000) is reached." in page.status.text()
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    assert tab.state.simplenet.steps == sl.MAX_STEPS
    assert page.lab.losses()[-1] < 0.01  # L keeps falling towards 0 while the answer is right
    click(qtbot, page.play_button)
    assert page.is_playing() and tab.state.simplenet.steps < 5  # from step 0 again
    click(qtbot, page.play_button)
    assert not page.is_playing() and page.step_button.isEnabled()


def test_the_grids_sit_side_by_side_when_there_is_room(qtbot, tab):
    page = tab.simplenet
    assert page.numerical_grid.y() > page.analytic_grid.y()  # 1280 wide: one above the other
    tab.resize(1920, 1080)
    qtbot.waitUntil(lambda: page.gradient_box.columns == 2, timeout=3000)
    qtbot.waitUntil(lambda: page.numerical_grid.y() == page.analytic_grid.y(), timeout=3000)
    assert page.numerical_grid.x() > page.analytic_grid.x() + page.analytic_grid.width()
    assert min(b.width() for row in page.analytic_grid.cells for b in row) >= b_width(page)


def b_width(page):
    """Wide enough for the longest number with its arrow."""
    return page.fontMetrics().horizontalAdvance("-0.54421514  ↑")


def test_dragging_a_weight(qtbot, tab):
    page = tab.simplenet
    slider = page.controls.drag_slider
    click(qtbot, page.analytic_grid.cells[1][2])  # w23 is the chosen weight already: nothing changes
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # the slider keeps its arrow keys: Δw = 0.01
    assert tab.state.simplenet.drag == pytest.approx(0.01) and tab.state.simplenet.steps == 0
    for _ in range(4):
        qtbot.keyClick(slider, Qt.Key.Key_PageUp)  # + 0.1 each
    assert tab.state.simplenet.drag == pytest.approx(0.41)
    assert page.controls.drag_value.text() == "Δw = 0.41" and page.controls.drag_label.text() == "Drag w23"
    W = np.array(sl.BOOK_W)
    moved = W.copy()
    moved[1, 2] += 0.41
    change = loss(moved) - loss(W)
    text = page.controls.nudge_text.text()
    assert "L(w23 + Δw)" in text and f"{change:.6e}" in text and f"{change / 0.41:.8f}" in text
    assert change / 0.41 - (-0.54421514) > 0.03  # far from w23, the straight line no longer predicts ΔL
    assert tab.state.simplenet.W == sl.BOOK_W and not page.controls.nudge_button.isChecked()
    click(qtbot, page.controls.nudge_button)  # back to a nudge by h
    assert tab.state.simplenet.drag == 0 and slider.value() == 0 and "L(w23 + h)" in page.controls.nudge_text.text()
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    click(qtbot, page.analytic_grid.cells[0][0])  # another weight: the drag was w23's
    assert tab.state.simplenet.drag == 0 and slider.value() == 0
    assert "Choose a weight" in page.controls.nudge_text.text()
