"""The Derivatives tab driven like a user: drag the point, type functions (good, bad, hostile), read the
error plot, move the partial-derivative point, step through the computation graph."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.lab import derivatives as lab
from gui.tabs.derivatives.tab import PAGES, DerivativesTab, view_to_widget


@pytest.fixture
def tab(qtbot):
    t = DerivativesTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    return t


def show_page(qtbot, tab, name):
    tab.pages.setCurrentIndex(PAGES.index(name))
    qtbot.wait(20)


def readout(tab, key):
    return tab.readout[key].text()


def type_function(qtbot, tab, text):
    tab.expr_edit.clear()
    qtbot.keyClicks(tab.expr_edit, text)
    qtbot.keyClick(tab.expr_edit, Qt.Key.Key_Return)


def drag(qtbot, plot, start, end, steps=6):
    qtbot.wait(30)  # let the plot settle its range first, as it has by the time a user reaches for the mouse
    viewport = plot.viewport()
    a = view_to_widget(plot, *start)
    b = view_to_widget(plot, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, a + (b - a) * (i / steps))
        qtbot.wait(10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    qtbot.wait(10)


# ---------------------------------------------------------------- slope at a point
def test_book_examples_show_the_book_numbers(qtbot, tab):
    qtbot.mouseClick(tab.book10_button, Qt.MouseButton.LeftButton)
    assert readout(tab, "central") == "0.2999999999986347"
    assert readout(tab, "exact").startswith("0.3")
    assert tab.x0_spin.value() == 10.0
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    assert readout(tab, "central") == "0.1999999999990898"
    assert readout(tab, "y0") == "0.75"
    assert readout(tab, "exact") == "0.2  (f′ = 0.02x + 0.1)"
    assert float(readout(tab, "fe")) > 100 * float(readout(tab, "ce"))  # forward is far less accurate


def test_dragging_the_point_moves_x0_tangent_and_readout(qtbot, tab):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    fn = lab.FUNCTIONS["book"]
    before = readout(tab, "central")
    drag(qtbot, tab.curve_plot, (5.0, fn(5.0)), (12.0, fn(12.0)))
    assert tab.state.x0 == pytest.approx(12.0, abs=0.3)
    assert tab.x0_spin.value() == pytest.approx(tab.state.x0, abs=1e-4)
    assert readout(tab, "central") != before
    assert readout(tab, "central") == repr(lab.derivative_at(fn, tab.state.x0)["central"])
    assert float(readout(tab, "central")) == pytest.approx(0.02 * tab.state.x0 + 0.1, abs=1e-9)
    # the point sits on the curve and the tangent passes through it with the new slope
    assert tab.point.pos().x() == tab.state.x0 and tab.point.pos().y() == pytest.approx(fn(tab.state.x0))
    xs, ys = tab.tangent_item.getData()
    slope = (ys[1] - ys[0]) / (xs[1] - xs[0])
    assert slope == pytest.approx(float(readout(tab, "central")), rel=1e-9)


def test_dragging_off_the_curve_stays_on_it_and_in_range(qtbot, tab):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    fn = lab.FUNCTIONS["book"]
    drag(qtbot, tab.curve_plot, (5.0, fn(5.0)), (8.0, 5.0))  # far above the curve
    assert tab.state.x0 == pytest.approx(8.0, abs=0.3)
    assert tab.point.pos().y() == pytest.approx(fn(tab.state.x0))
    drag(qtbot, tab.curve_plot, (tab.state.x0, fn(tab.state.x0)), (-0.3, 0.0))  # past the left end
    assert tab.state.x0 == 0.0


def test_clicking_the_plot_moves_the_point(qtbot, tab):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    qtbot.wait(30)
    pos = view_to_widget(tab.curve_plot, 15.0, 1.0)
    qtbot.mouseClick(tab.curve_plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert tab.state.x0 == pytest.approx(15.0, abs=0.3)


def test_typed_function_is_drawn_with_no_exact_derivative(qtbot, tab):
    type_function(qtbot, tab, "0.5*x**3 - 2*x")
    assert tab.fn.key == "typed"
    assert tab.function_combo.currentData() == "typed"
    assert not tab.expr_error.isVisible()
    x0 = tab.state.x0
    assert float(readout(tab, "central")) == pytest.approx(1.5 * x0**2 - 2, abs=1e-6)
    assert "unknown" in readout(tab, "exact")
    assert readout(tab, "ce") == "—"
    xs, ys = tab.curve_item.getData()
    np.testing.assert_allclose(ys, 0.5 * xs**3 - 2 * xs)
    # dragging works on a typed function too
    drag(qtbot, tab.curve_plot, (x0, tab.fn(x0)), (-1.5, tab.fn(-1.5)))
    assert tab.state.x0 == pytest.approx(-1.5, abs=0.2)
    assert float(readout(tab, "central")) == pytest.approx(1.5 * tab.state.x0**2 - 2, abs=1e-6)


def test_typing_a_list_function_selects_it(qtbot, tab):
    type_function(qtbot, tab, "sin( x )")
    assert tab.fn is lab.FUNCTIONS["sin"]
    assert tab.function_combo.currentData() == "sin"
    assert readout(tab, "exact") == repr(float(np.cos(tab.state.x0))) + "  (f′ = cos x)"


@pytest.mark.parametrize("text, fragment, column", [
    ("0.5*x**3 - 2x", "missing operator", 12),
    ("__import__('os')", "unexpected character '_'", 0),
    ("x.__class__", "unexpected character '.'", 1),
    ("exp(y)", "unknown name 'y'", 4),
    ("", "empty expression", None),
    ("sin x", "sin needs parentheses, e.g. sin(x)", 0),
    ("max(x)", "max takes 2 argument(s), not 1", 0),
    ("(x + 1", "expected ')' but the text ends", 6),
])
def test_bad_text_shows_where_and_keeps_the_previous_function(qtbot, tab, text, fragment, column):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    xs_before, ys_before = tab.curve_item.getData()
    type_function(qtbot, tab, text)
    assert tab.expr_error.isVisible()
    message = tab.expr_error.text()
    assert fragment in message
    if column is not None:
        caret_line = message.splitlines()[-1]
        assert caret_line.index("^") == column  # the caret sits under the fault
    assert tab.fn is lab.FUNCTIONS["book"]
    assert readout(tab, "central") == "0.1999999999990898"
    np.testing.assert_array_equal(tab.curve_item.getData()[1], ys_before)
    type_function(qtbot, tab, "x**2")  # a good function clears the message
    assert not tab.expr_error.isVisible()
    assert float(readout(tab, "central")) == pytest.approx(2 * tab.state.x0, abs=1e-6)


def test_choosing_the_sigmoid_shows_s_times_one_minus_s(qtbot, tab):
    index = tab.function_combo.findData("sigmoid")
    tab.function_combo.setCurrentIndex(index)
    tab.function_combo.activated.emit(index)
    assert tab.expr_edit.text() == "sigmoid(x)"
    assert tab.state.x0 == 0.0
    assert readout(tab, "exact") == "0.25  (f′ = s(1 − s))"
    assert float(readout(tab, "central")) == pytest.approx(0.25, abs=1e-9)
    assert (tab.x0_spin.minimum(), tab.x0_spin.maximum()) == (-6.0, 6.0)


def test_h_of_1e_minus_50_gives_zero(qtbot, tab):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    tab.h_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.h_spin.lineEdit(), "1e-50")
    qtbot.keyClick(tab.h_spin.lineEdit(), Qt.Key.Key_Return)
    assert tab.state.h == 1e-50
    assert readout(tab, "forward") == "0.0" and readout(tab, "central") == "0.0"
    assert readout(tab, "ce") == "2.000e-01"


# ---------------------------------------------------------------- error against h
def test_error_plot_shows_both_differences_and_the_best_h(qtbot, tab):
    type_function(qtbot, tab, "sin(x)")
    show_page(qtbot, tab, "error")
    hs, fwd = tab.forward_item.xData, tab.forward_item.yData  # the data, not its log10 as drawn
    assert len(hs) == 16 and hs[0] == 1e-1 and hs[-1] == 1e-16
    np.testing.assert_allclose(fwd, lab.error_vs_h(lab.FUNCTIONS["sin"], 1.0)["forward_plot"])
    assert tab.best["best_forward"].text() == "1e-08"
    assert float(tab.best["book_central"].text()) < 1e-9
    assert tab.forward_item.isVisible()
    tab.show_forward.click()
    assert not tab.forward_item.isVisible() and tab.central_item.isVisible()
    assert not tab.error_message.isVisible()


def test_error_plot_follows_x0_from_either_page(qtbot, tab):
    type_function(qtbot, tab, "exp(x)")
    show_page(qtbot, tab, "error")
    tab.error_x0_spin.setValue(-1.0)
    assert tab.state.x0 == -1.0 and tab.x0_spin.value() == -1.0
    ctr = tab.central_item.yData
    np.testing.assert_allclose(ctr, lab.error_vs_h(lab.FUNCTIONS["exp"], -1.0)["central_plot"])
    assert "x0 = -1" in tab.error_where.text()


def test_choosing_a_function_on_the_error_page(qtbot, tab):
    show_page(qtbot, tab, "error")
    index = tab.error_combo.findData("tanh")
    tab.error_combo.setCurrentIndex(index)
    tab.error_combo.activated.emit(index)
    assert tab.fn is lab.FUNCTIONS["tanh"] and tab.function_combo.currentData() == "tanh"
    assert tab.expr_edit.text() == "tanh(x)"
    np.testing.assert_allclose(tab.central_item.yData, lab.error_vs_h(lab.FUNCTIONS["tanh"], 0.5)["central_plot"])
    own = tab.error_combo.findData("typed")
    tab.error_combo.activated.emit(own)  # "your own" takes the user to the text box
    assert PAGES[tab.pages.currentIndex()] == "point"


def test_typed_function_has_no_error_plot_but_a_message(qtbot, tab):
    type_function(qtbot, tab, "x**4")
    show_page(qtbot, tab, "error")
    assert tab.central_item.yData is None or len(tab.central_item.yData) == 0
    assert tab.error_message.isVisible() and "not known" in tab.error_message.toPlainText()
    type_function(qtbot, tab, "x**3")  # the list's x³: the plot is back
    assert not tab.error_message.isVisible()
    assert len(tab.central_item.yData) == 16


def test_tiny_h_button_explains_x_plus_h_equals_x(qtbot, tab):
    qtbot.mouseClick(tab.book5_button, Qt.MouseButton.LeftButton)
    show_page(qtbot, tab, "error")
    qtbot.mouseClick(tab.tiny_button, Qt.MouseButton.LeftButton)
    text = tab.tiny_result.text()
    assert "x0 + h == x0 is True" in text and "(x0 + h = 5.0)" in text
    assert text.count(": 0.0") == 2


# ---------------------------------------------------------------- partial derivatives
def test_partial_derivatives_book_values_and_moving_the_point(qtbot, tab):
    show_page(qtbot, tab, "partial")
    assert tab.partial_values["d0"].text() == "6.00000000000378"
    assert tab.partial_values["d1"].text() == "7.999999999999119"
    tab.p_spins[0].setValue(1.0)
    assert float(tab.partial_values["d0"].text()) == pytest.approx(2.0, abs=1e-9)
    assert tab.partial_values["e0"].text() == "2.0"
    t, values = tab.slice_items[1][0].getData()
    np.testing.assert_allclose(values, 1.0 + t**2)  # the x1-slice now has x0 = 1 fixed: 1 + x1²
    qtbot.mouseClick(tab.book_point_button, Qt.MouseButton.LeftButton)
    assert tab.p_spins[0].value() == 3.0
    assert tab.partial_values["d0"].text() == "6.00000000000378"


def test_dragging_the_map_point_changes_both_slopes(qtbot, tab):
    show_page(qtbot, tab, "partial")
    drag(qtbot, tab.map_plot, (3.0, 4.0), (1.0, 2.0))
    assert tab.state.p0 == pytest.approx(1.0, abs=0.15) and tab.state.p1 == pytest.approx(2.0, abs=0.15)
    assert float(tab.partial_values["d0"].text()) == pytest.approx(2 * tab.state.p0, abs=1e-8)
    assert float(tab.partial_values["d1"].text()) == pytest.approx(2 * tab.state.p1, abs=1e-8)
    assert tab.p_spins[1].value() == pytest.approx(tab.state.p1)


# ---------------------------------------------------------------- computation graph
def table_rows(tab):
    t = tab.steps_table
    return [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]


def test_graph_forward_then_backward_lessons_numbers(qtbot, tab):
    show_page(qtbot, tab, "graph")
    view = tab.graph_view
    assert not tab.backward_button.isEnabled()  # the backward pass needs the forward values
    assert "u" not in view.values and view.grads == {}
    for _ in range(3):
        qtbot.mouseClick(tab.forward_button, Qt.MouseButton.LeftButton)
    assert (view.values["u"], view.values["v"], view.values["J"]) == ("6", "11", "33")
    assert not tab.forward_button.isEnabled() and tab.backward_button.isEnabled()
    assert table_rows(tab)[0][:2] == ["u = b·c = 3 · 2", "6"]
    qtbot.mouseClick(tab.backward_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.backward_button, Qt.MouseButton.LeftButton)
    assert view.grads == {"J": "1", "v": "3"}
    assert view.current == "v"
    assert ("v", "J") in view.edge_labels and ("b", "u") not in view.edge_labels
    for _ in range(4):
        qtbot.mouseClick(tab.backward_button, Qt.MouseButton.LeftButton)
    assert view.grads == {"J": "1", "v": "3", "u": "3", "a": "3", "b": "6", "c": "9"}
    assert view.edge_labels[("b", "u")] == "∂u/∂b = c = 2"
    assert view.edge_texts[("c", "u")].toPlainText() == "∂u/∂c = b = 3"
    assert "dJ/db = dJ/du · ∂u/∂b = dJ/du · c = 3 · 2" in table_rows(tab)[-2][0]
    assert not tab.backward_button.isEnabled()
    assert "J = 33" in tab.graph_status.text()


def test_graph_second_example_and_the_nudge_check(qtbot, tab):
    show_page(qtbot, tab, "graph")
    qtbot.mouseClick(tab.example2_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.all_button, Qt.MouseButton.LeftButton)
    view = tab.graph_view
    assert (view.values["u"], view.values["v"], view.values["J"]) == ("8", "15", "45")
    rows = {row[0].split(" =")[0]: row for row in table_rows(tab)}
    assert float(rows["dJ/dv"][2]) == pytest.approx(0.003, rel=1e-9)  # v + 0.001 → J + 0.003
    assert float(rows["dJ/db"][2]) == pytest.approx(0.006, rel=1e-9)  # dJ/db = 3c = 6
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.steps_table.rowCount() == 0 and "J" not in view.values


def test_editing_an_input_recomputes_the_shown_passes(qtbot, tab):
    show_page(qtbot, tab, "graph")
    qtbot.mouseClick(tab.all_button, Qt.MouseButton.LeftButton)
    spin = tab.abc_spins["c"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "10")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    view = tab.graph_view
    assert view.values["u"] == "30" and view.values["J"] == "105"  # 3(5 + 3·10)
    assert view.grads["b"] == "30" and view.grads["c"] == "9"


# ---------------------------------------------------------------- settings and language
def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    type_function(qtbot, tab, "0.5*x**3 - 2*x")
    tab.x0_spin.setValue(1.5)
    tab.p_spins[1].setValue(-2.0)
    qtbot.mouseClick(tab.example2_button, Qt.MouseButton.LeftButton)
    show_page(qtbot, tab, "partial")
    s = app_settings()
    tab.save_settings(s)
    other = DerivativesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.expr_edit.text() == "0.5*x**3 - 2*x" and other.fn.key == "typed"
    assert other.state.x0 == 1.5 and other.state.p1 == -2.0 and other.state.a == 7.0
    assert other.readout["central"].text() == tab.readout["central"].text()
    assert PAGES[other.pages.currentIndex()] == "partial"


def test_bad_settings_keep_defaults(qtbot, tab):
    from gui.settings import app_settings

    s = app_settings()
    s.setValue("function", "__import__('os')")
    s.setValue("x0", "not a number")
    tab.restore_settings(s)
    assert tab.fn is lab.FUNCTIONS["book"] and tab.state.x0 == 5.0
    s.setValue("x0", 7.0)
    tab.restore_settings(s)
    assert tab.fn is lab.FUNCTIONS["book"] and tab.state.x0 == 7.0


def test_every_control_has_a_tooltip(qtbot, tab):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    missing = [w for cls in (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)
               for w in tab.findChildren(cls)
               if not w.toolTip() and w.isVisibleTo(tab) and not isinstance(w.parent(), QAbstractSpinBox)]
    assert [type(w).__name__ + ":" + getattr(w, "text", lambda: "")() for w in missing] == []


@pytest.mark.parametrize("text", ["1e308*x*x", "exp(100*x)", "x**1e308", "(-x)**0.5", "3", "1/x"])
def test_wild_functions_are_drawn_or_skipped_without_errors(qtbot, tab, text):
    type_function(qtbot, tab, text)
    assert not tab.expr_error.isVisible() and tab.fn.text == text
    for page in PAGES:
        show_page(qtbot, tab, page)
    show_page(qtbot, tab, "point")
    for x in (-2.0, 0.0, 2.5):
        tab.x0_spin.setValue(x)
        y = tab.fn(tab.state.x0)
        assert tab.point.isVisible() == bool(abs(y) <= lab.DRAW_LIMIT)  # inf / nan / 1e300 are not drawn
        assert readout(tab, "y0") == repr(float(y))
    low, high = tab.curve_plot.getViewBox().viewRange()[1]
    assert np.isfinite(low) and np.isfinite(high)


def test_graph_keys_step_and_reset(qtbot, tab):
    show_page(qtbot, tab, "graph")
    view = tab.graph_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
    view.setFocus()
    for _ in range(4):  # one more than needed: the fourth does nothing
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert tab.state.forward_done == 3 and view.values["J"] == "33"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.grads == {"J": "1"}
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert tab.state.forward_done == 0 and view.grads == {}
