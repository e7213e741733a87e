"""The Draw tab's inside of the net, driven like a learner: draw a 3, read why, click a class, hover and switch
hidden units off and on, compare with another class, other activations, and the language switch."""
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_draw import DIGITS, stroke

from engine import explain
from engine.networks import TwoLayerNet
from gui.model_hub import ModelHub
from gui.tabs.draw.inside import TOP_COUNT
from gui.tabs.draw.tab import DrawTab


@pytest.fixture
def tab(qtbot):
    t = DrawTab(model_hub=ModelHub())
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    return t


def draw(qtbot, tab, digit):
    for points in DIGITS[digit]:
        stroke(qtbot, tab.canvas, points)


def number(text):
    """The last signed number in a label's text (the page writes − for minus)."""
    return float(re.findall(r"[+−-]?\d+\.\d+", text)[-1].replace("−", "-"))


def tile_numbers(tab):
    """(unit, contribution to k) of every top-unit tile on screen."""
    out = []
    for _, caption in tab.inside.tiles:
        lines = caption.text().splitlines()
        if lines:
            out.append((int(re.findall(r"\d+", lines[0])[0]), number(lines[1])))
    return out


def shown_scores(tab):
    return np.array([number(b.text()) for b in tab.inside.class_buttons])


def test_a_three_shows_its_hidden_units_and_why(qtbot, tab):
    draw(qtbot, tab, 3)
    inside = tab.inside
    assert tab.results.answer_label.text() == "3"
    net, x = tab.net(), tab.state.x
    trace = explain.forward_trace(net, x)
    np.testing.assert_allclose(inside.strip.a1, trace["a1"], rtol=1e-6)  # the strip is a[1], in unit order
    assert len(inside.strip.a1) == 100 and "100" in inside.strip_label.text()
    np.testing.assert_allclose(shown_scores(tab), trace["z2"], atol=0.051)  # z[2] on the class buttons
    assert [b.isChecked() for b in inside.class_buttons] == [k == 3 for k in range(10)]
    assert "3" in inside.why_box.title()
    # the top units for this input: the largest |a1_j·W2[j, 3]|, computed here from the weights
    C = trace["a1"][:, None] * net.params["W2"]
    expected = list(np.argsort(-np.abs(C[:, 3]))[:TOP_COUNT])
    tiles = tile_numbers(tab)
    assert [j for j, _ in tiles] == expected
    np.testing.assert_allclose([c for _, c in tiles], C[expected, 3], atol=0.0051)
    assert inside.strip.top == expected  # framed in the strip too
    # the numbers on screen add up to the score on screen
    top_sum, rest, bias, score = (number(v.text()) for v in inside.sum_values)
    assert sum(c for _, c in tiles) == pytest.approx(top_sum, abs=0.005 * TOP_COUNT + 0.005)
    assert top_sum + rest + bias == pytest.approx(score, abs=0.016)
    assert score == pytest.approx(float(trace["z2"][3]), abs=0.005)
    assert number(inside.class_buttons[3].text()) == pytest.approx(score, abs=0.05)
    # the evidence for 3 sums exactly (ReLU) with its bias part to the score, and says so
    assert "Exact" in inside.exact_label.text()
    numbers = [float(n.replace("−", "-")) for n in re.findall(r"[+−-]\d+\.\d+", inside.exact_label.text())]
    assert numbers[0] + numbers[1] == pytest.approx(numbers[2], abs=0.011)
    np.testing.assert_allclose(inside.maps[0].array.ravel(), explain.pixel_evidence(net, x, 3), atol=1e-5)
    # the unit box shows the top unit until one is hovered
    assert f"{expected[0]}" in inside.unit_box.title()


def test_clicking_a_class_explains_it_and_the_answer_again(qtbot, tab):
    draw(qtbot, tab, 3)
    inside = tab.inside
    qtbot.mouseClick(inside.class_buttons[8], Qt.MouseButton.LeftButton)
    assert tab.state.chosen == 8 and not inside.follow_check.isChecked()
    assert "8" in inside.why_box.title() and "8" in inside.evidence_box.title()
    assert tab.results.answer_label.text() == "3"  # the answer itself does not change
    z2 = explain.forward_trace(tab.net(), tab.state.x)["z2"]
    top_sum, rest, bias, score = (number(v.text()) for v in inside.sum_values)
    assert score == pytest.approx(float(z2[8]), abs=0.005) and top_sum + rest + bias == pytest.approx(score, abs=0.016)
    np.testing.assert_allclose(inside.maps[0].array.ravel(), explain.pixel_evidence(tab.net(), tab.state.x, 8),
                               atol=1e-5)
    assert "3" in inside.versus_combo.itemText(0)  # the runner-up of 8 is the answer, 3
    qtbot.mouseClick(inside.follow_check, Qt.MouseButton.LeftButton)
    assert tab.state.chosen is None and "3" in inside.why_box.title()


def test_why_three_and_not_eight(qtbot, tab):
    draw(qtbot, tab, 3)
    inside = tab.inside
    inside.versus_combo.setFocus()
    for _ in range(9):  # runner-up, 0, 1, …, 8
        qtbot.keyClick(inside.versus_combo, Qt.Key.Key_Down)
    assert tab.state.versus == 8
    assert inside.map_captions[2].text().startswith("3 − 8")
    net, x = tab.net(), tab.state.x
    e3, e8 = explain.pixel_evidence(net, x, 3), explain.pixel_evidence(net, x, 8)
    np.testing.assert_allclose(inside.maps[1].array.ravel(), e8, atol=1e-5)
    np.testing.assert_allclose(inside.maps[2].array.ravel(), e3 - e8, atol=1e-5)
    C = explain.hidden_contributions(net, x)
    for (j, _), (_, caption) in zip(tile_numbers(tab), inside.tiles, strict=False):  # each unit's pull toward 8
        assert number(caption.text().splitlines()[2]) == pytest.approx(float(C[j, 8]), abs=0.0051)


def test_hover_a_unit_then_switch_it_off_and_on(qtbot, tab):
    draw(qtbot, tab, 3)
    inside, strip = tab.inside, tab.inside.strip
    net, x = tab.net(), tab.state.x
    j = strip.top[0]
    before = shown_scores(tab)
    with qtbot.waitSignal(tab.unit_hovered, timeout=1000) as hovered:
        qtbot.mouseMove(strip, strip.cell_center(j))
    assert hovered.args[0] == j and hovered.args[1][j] == pytest.approx(float(inside.strip.a1[j]))
    assert inside.unit_box.title().endswith(str(j)) and str(j) in inside.unit_info.text()
    np.testing.assert_allclose(inside.unit_picture.array.ravel(), net.params["W1"][:, j])
    np.testing.assert_allclose(inside.pull_bars.values, explain.hidden_contributions(net, x)[j], rtol=1e-5)
    other = strip.top[1]
    qtbot.mouseMove(strip, strip.cell_center(other))
    assert inside.unit_box.title().endswith(str(other))
    # click: unit j is switched off — a[1]_j = 0, and the scores and the evidence follow at once
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_center(j))
    assert tab.state.off == {j} and inside.strip.a1[j] == 0
    expected = explain.forward_trace(net, x, off=[j])["z2"]
    np.testing.assert_allclose(shown_scores(tab), expected, atol=0.051)
    assert not np.allclose(shown_scores(tab), before, atol=0.05)
    np.testing.assert_allclose(tab.results.bars.opts["height"], explain.forward_trace(net, x, off=[j])["y"],
                               atol=1e-6)
    np.testing.assert_allclose(inside.maps[0].array.ravel(), explain.pixel_evidence(net, x, tab.state.answer, off=[j]),
                               atol=1e-5)
    assert "switched off" in inside.unit_info.text() or inside.unit_box.title().endswith(str(j))
    for p, value in net.params.items():  # the model itself is untouched
        assert np.isfinite(value).all(), p
    assert (net.params["W2"][j] != 0).any()
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_center(j))  # and on again
    assert tab.state.off == set()
    np.testing.assert_allclose(shown_scores(tab), before)


def test_switching_off_the_units_behind_the_answer_changes_it(qtbot, tab):
    draw(qtbot, tab, 3)
    strip = tab.inside.strip
    score_before = number(tab.inside.class_buttons[3].text())
    for _ in range(4):  # the top units are recomputed after each switch: always take the current best
        j = next(u for u in strip.top if u not in tab.state.off)
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_center(j))
    assert len(tab.state.off) == 4
    assert number(tab.inside.class_buttons[3].text()) < score_before - 1
    z2 = explain.forward_trace(tab.net(), tab.state.x, off=sorted(tab.state.off))["z2"]
    assert tab.results.answer_label.text() == str(int(np.argmax(z2)))


def test_the_keyboard_moves_along_the_strip_and_switches_units(qtbot, tab):
    draw(qtbot, tab, 3)
    strip = tab.inside.strip
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert strip.current == 1 and tab.inside.unit_box.title().endswith("1")
    qtbot.keyClick(strip, Qt.Key.Key_Space)
    assert tab.state.off == {1}
    qtbot.keyClick(strip, Qt.Key.Key_Space)
    assert tab.state.off == set()


@pytest.mark.parametrize("activation, words", [("sigmoid", "approximation"), ("identity", "Exact")])
def test_other_activations_and_a_published_model(qtbot, tab, activation, words):
    net = TwoLayerNet(784, 30, 10, weight_init_std=0.1, activation=activation, seed=7)
    tab.hub.publish("trained", f"784-30-10 {activation}", net)
    draw(qtbot, tab, 3)
    assert tab.choose_model("trained")
    inside = tab.inside
    assert len(inside.strip.a1) == 30 and "30" in inside.strip_label.text()
    assert words in inside.exact_label.text()
    k = tab.state.answer
    z2 = explain.forward_trace(net, tab.state.x)["z2"]
    top_sum, rest, bias, score = (number(v.text()) for v in inside.sum_values)
    assert score == pytest.approx(float(z2[k]), abs=0.005) and top_sum + rest + bias == pytest.approx(score, abs=0.016)
    qtbot.mouseClick(inside.strip, Qt.MouseButton.LeftButton, pos=inside.strip.cell_center(29))
    assert tab.state.off == {29}
    assert tab.choose_model("bundled")  # another net: its units are other units
    assert tab.state.off == set() and len(inside.strip.a1) == 100


def test_before_drawing_the_inside_waits(qtbot, tab):
    inside = tab.inside
    assert not any(b.isEnabled() for b in inside.class_buttons)
    assert not inside.strip.a1.any() and inside.sum_values[3].text() == ""
    draw(qtbot, tab, 1)
    assert all(b.isEnabled() for b in inside.class_buttons)
    qtbot.mouseClick(tab.controls.clear_button, Qt.MouseButton.LeftButton)
    assert not any(b.isEnabled() for b in inside.class_buttons) and tab.state.explained is None


def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):
    draw(qtbot, tab, 3)
    inside = tab.inside
    qtbot.mouseMove(inside.strip, inside.strip.cell_center(inside.strip.top[0]))
    words = lambda read: lambda: re.sub(r"[+−-]?\d+(\.\d+)?", "#", read())  # noqa: E731 — the texts, not
    # the numbers: the canvas may be re-rendered at another size when the labels' widths change
    in_chinese({name: words(read) for name, read in {
        "title": lambda: inside.title.text(),
        "strip": lambda: inside.strip_label.text(),
        "hint": lambda: inside.strip_hint.text(),
        "scores": lambda: inside.scores_label.text(),
        "follow": lambda: inside.follow_check.text(),
        "unit box": lambda: inside.unit_box.title(),
        "unit": lambda: inside.unit_info.text(),
        "why": lambda: inside.why_box.title(),
        "tile": lambda: inside.tiles[0][1].text(),
        "sums": lambda: " ".join(n.text() for n in inside.sum_names),
        "evidence": lambda: inside.evidence_box.title(),
        "versus": lambda: inside.versus_combo.itemText(0),
        "versus label": lambda: inside.versus_label.text(),
        "map": lambda: inside.map_captions[0].text(),
        "difference": lambda: inside.map_captions[2].text(),
        "exact": lambda: inside.exact_label.text(),
        "tooltip": lambda: inside.strip.toolTip(),
        "explanation": lambda: tab.explanation.toPlainText()[-40:],
    }.items()})


def test_in_the_window_space_on_the_strip_switches_a_unit_not_another_tabs_shortcut(qtbot):
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
    draw(qtbot, tab, 3)
    strip = tab.inside.strip
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    qtbot.keyClick(strip, Qt.Key.Key_Space)
    assert tab.state.off == {0}
    qtbot.keyClick(strip, Qt.Key.Key_Space)
    assert tab.state.off == set()
    assert strip.height() >= 40 and tab.inside.why_box.isVisible() and tab.inside.evidence_box.isVisible()
