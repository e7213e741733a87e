"""Every exercise of the shipped lessons, through the GUI: Show me, a try that fails (with what to look at) and one
that passes. The Losses exercises are in test_lessons.py."""
import pytest
from PySide6.QtCore import Qt

from gui import i18n
from gui.lessons.checks import CHECKS
from gui.lessons.schema import load_lessons
from gui.main_window import TAB_ORDER, create_window, parse_args
from gui.resources import resource_path


@pytest.fixture
def window(qapp, qtbot):
    w = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(w)
    w.show()
    yield w
    i18n.install_language(qapp, "en")


def open_step(window, qtbot, step_id):
    panel = window.lessons_dock.widget()
    panel.select(step_id)
    assert panel.step().exercise is not None
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert panel.show_status.text() == ""
    return panel


def check(qtbot, panel):
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    return panel.verdict


def answer(qtbot, panel, text):
    panel.answer.clear()
    qtbot.keyClicks(panel.answer, text)
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
    return panel.verdict


def test_every_exercise_of_the_shipped_lessons_is_tested_here_or_in_test_lessons():
    lessons, _ = load_lessons([resource_path("lessons")], CHECKS, TAB_ORDER)
    exercises = {step.id for lesson in lessons for step in lesson.steps if step.exercise}
    tested = set(TESTED) | {"loss-functions/below", "loss-functions/wrong", "loss-functions/uniform",
                            "learning-algorithm/faster", "overfitting/overfit", "logistic-regression/faster"}
    # (the Training tab's three: test_lesson_training.py, with the real data)
    assert exercises == tested
    assert len(exercises) >= 12


def slope_vanishes(window, qtbot, panel):
    verdict = check(qtbot, panel)
    assert not verdict.ok and "Make h far smaller" in verdict.detail
    window.tab_pages["derivatives"].slope.h_spin.setValue(1e-50)
    verdict = check(qtbot, panel)
    assert verdict.ok and "is 0.0" in verdict.detail


def book_slope(window, qtbot, panel):
    assert not answer(qtbot, panel, "0.2").ok  # the slope at 5, not at 10
    assert "0.02x + 0.1" in panel.verdict_label.text()
    assert answer(qtbot, panel, "0.3").ok


def partials(window, qtbot, panel):
    verdict = check(qtbot, panel)
    assert not verdict.ok and "x0 = 1 and x1 = -3" in verdict.detail
    window.tab_pages["derivatives"].partials.move_point(1.0, -3.0)  # where a drag of the point ends
    assert check(qtbot, panel).ok


def j_derivative(window, qtbot, panel):
    assert not answer(qtbot, panel, "3").ok
    assert answer(qtbot, panel, "6").ok  # 3c with c = 2


def logistic_dw2(window, qtbot, panel):
    assert not answer(qtbot, panel, "-0.5").ok  # that is dz
    assert "dw2 = x2·dz" in panel.verdict_label.text()
    panel.answer.setText("−1.0")  # pasted with a typographic minus (QTest cannot type one): read too
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
    assert panel.verdict.ok


def gradient_is(window, qtbot, panel):
    verdict = check(qtbot, panel)
    assert not verdict.ok and "2x0 = -2" in verdict.detail
    window.tab_pages["gradient_field"].set_point((-1.0, 1.0))  # what a click on the map does
    assert check(qtbot, panel).ok


def misses_minimum(window, qtbot, panel):
    tab = window.tab_pages["gradient_field"]
    tab.set_point((0.0, 1.0))  # straight above the minimum: −∇f points right at it
    verdict = check(qtbot, panel)
    assert not verdict.ok and "angle is 0°" in verdict.detail
    tab.set_point((-7.0, 1.0))
    verdict = check(qtbot, panel)
    assert verdict.ok and "away from the minimum" in verdict.detail


def diverges(window, qtbot, panel):
    tab = window.tab_pages["descent"]
    assert not check(qtbot, panel).ok
    tab.controls.lr_spin.setValue(10.0)
    verdict = check(qtbot, panel)
    assert verdict.ok and "η = 10 diverges" in verdict.detail


def converges(window, qtbot, panel):
    tab = window.tab_pages["descent"]
    verdict = check(qtbot, panel)
    assert not verdict.ok and "after 20 steps" in verdict.detail  # η = 0.1: f ≈ 3.3e-3
    tab.controls.lr_spin.setValue(0.5)
    assert check(qtbot, panel).ok


def simplenet_gradient(window, qtbot, panel):
    assert not answer(qtbot, panel, "-0.36").ok  # ∂L/∂w13, the row of x1
    assert answer(qtbot, panel, "-0.54").ok


def simplenet_answers(window, qtbot, panel):
    tab = window.tab_pages["descent"]
    verdict = check(qtbot, panel)
    assert not verdict.ok and "t = 0" in verdict.detail
    qtbot.mouseClick(tab.simplenet.controls.t_buttons[0], Qt.MouseButton.LeftButton)
    verdict = check(qtbot, panel)
    assert not verdict.ok and "still answers 2" in verdict.detail
    tab.simplenet.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Right)  # one step W ← W − η∂L/∂W
    verdict = check(qtbot, panel)
    assert verdict.ok and "answers 0" in verdict.detail


def draw_digit(qtbot, tab, digit):
    from test_draw import DIGITS, stroke

    for points in DIGITS[digit]:  # fractions of the canvas, drawn with the mouse
        stroke(qtbot, tab.canvas, points)
    tab.refresh_now()


def reads_as_one(window, qtbot, panel):
    tab = window.tab_pages["draw"]
    verdict = check(qtbot, panel)
    assert not verdict.ok and "Draw a digit first" in verdict.detail
    draw_digit(qtbot, tab, 3)
    verdict = check(qtbot, panel)
    assert not verdict.ok and "reads it as 3" in verdict.detail
    tab.clear()
    draw_digit(qtbot, tab, 1)
    verdict = check(qtbot, panel)
    assert verdict.ok and "as 1" in verdict.detail


def units_change_answer(window, qtbot, panel):
    tab = window.tab_pages["draw"]
    draw_digit(qtbot, tab, 3)
    verdict = check(qtbot, panel)
    assert not verdict.ok and "still 3 with 0 units off" in verdict.detail
    strip = tab.inside.strip
    while tab.state.answer == 3 and len(tab.state.off) < 40:  # the units adding most to 3 first
        j = next(u for u in strip.top if u not in tab.state.off)
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_center(j))
    verdict = check(qtbot, panel)
    assert verdict.ok and "instead of 3" in verdict.detail


TESTED = {
    "numerical-differentiation/too-small": slope_vanishes,
    "numerical-differentiation/predict": book_slope,
    "numerical-differentiation/find-point": partials,
    "computation-graph/predict-db": j_derivative,
    "computation-graph/predict-dz": logistic_dw2,
    "gradient/find-gradient": gradient_is,
    "gradient/not-to-minimum": misses_minimum,
    "gradient-descent/diverge": diverges,
    "gradient-descent/fast": converges,
    "network-gradient/predict-w23": simplenet_gradient,
    "network-gradient/teach-zero": simplenet_answers,
    "shallow-network/seven-as-one": reads_as_one,
    "shallow-network/switch-off": units_change_answer,
}


@pytest.mark.parametrize("step_id", sorted(TESTED))
def test_exercise_fails_then_passes_through_the_gui(window, qtbot, step_id):
    panel = open_step(window, qtbot, step_id)
    TESTED[step_id](window, qtbot, panel)
    assert step_id in panel.progress.done
    assert panel.verdict_label.text().startswith("✓")
