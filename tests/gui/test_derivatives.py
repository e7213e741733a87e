"""The Derivatives tab driven like a user: drag the point, type functions (good, bad, hostile), read the
error plot, move the partial-derivative point, step through the computation graph."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.lab import contours
from engine.lab import derivatives as lab
from gui.tabs.derivatives import plotting
from gui.tabs.derivatives.common import view_to_widget
from gui.tabs.derivatives.state import PAGES
from gui.tabs.derivatives.tab import DerivativesTab
from tests.gui.actions import click
from tests.gui.hostile_typing import megabytes_of_function, paste, press


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
    return tab.slope.readout[key].text()


def type_function(qtbot, tab, text):
    tab.slope.expr_edit.clear()
    qtbot.keyClicks(tab.slope.expr_edit, text)
    qtbot.keyClick(tab.slope.expr_edit, Qt.Key.Key_Return)


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


# ---------------------------------------------------------------- plot geometry (no Qt)
def test_error_zero_is_drawn_at_the_floor():
    p = plotting.plottable([0.0, 1e-3, np.inf])
    assert p[0] == plotting.ERROR_FLOOR and p[1] == 1e-3 and np.isnan(p[2])


def test_drawing_helpers_leave_out_what_cannot_be_drawn():
    np.testing.assert_array_equal(plotting.drawable([1.0, np.inf, -1e300, np.nan, -5.0]),
                                  [1.0, np.nan, np.nan, np.nan, -5.0])
    assert plotting.y_range([0.0, 10.0]) == pytest.approx((-0.8, 10.8))
    assert plotting.y_range([3.0, 3.0]) == (2.0, 4.0)  # a constant still gets a visible band
    assert plotting.y_range([np.inf, np.nan]) is None
    assert plotting.y_range(lab.curve(lab.from_text("1e308*x*x"))[1]) is None  # all of it beyond what can be drawn
    low, high = plotting.y_range(lab.curve(lab.from_text("exp(10*x)"))[1])
    assert low < 0 and 1e11 < high < 1.1 * plotting.DRAW_LIMIT  # e^(10x) up to where it passes 1e12
    xs, ys = plotting.tangent_segment(lab.from_text("exp(100*x)"), 2.0, (-5.0, 5.0))
    assert np.isnan(ys).all()  # slope 1e89: nothing of it fits a drawable plot
    xs, ys = plotting.tangent_segment(lab.FUNCTIONS["book"], 5.0, (0.0, 20.0), n=3)
    np.testing.assert_allclose(ys, 0.75 + 0.1999999999990898 * (xs - 5.0))



def test_polylines_join_contour_pairs_end_to_end():
    x, y = plotting.polylines([0.0, 1.0, 2.0, 1.0, 5.0, 6.0], [0.0, 0.0, 0.0, 0.0, 5.0, 5.0])
    assert len(x) == 7 and np.isnan(x).sum() == 2  # two lines: 0-1-2 (the shared end once) and 5-6
    assert sorted(x[:3].tolist()) == [0.0, 1.0, 2.0] and x[4:6].tolist() == [5.0, 6.0]
    a, b, Z = lab.surface_grid(0.0, 0.0)
    px, py = contours.contour_segments(a, b, Z, [1.0, 4.0])
    lx, ly = plotting.polylines(px, py)
    assert np.isnan(lx).sum() == 2  # two circles, each one closed line
    for line in np.split(np.column_stack([lx, ly]), np.flatnonzero(np.isnan(lx))[:-1] + 1):
        line = line[:-1]  # without its nan
        assert np.hypot(*(line[0] - line[-1])) < 1e-9 and len(line) > 20
    pairs = {tuple(sorted(((round(px[i], 9), round(py[i], 9)), (round(px[i + 1], 9), round(py[i + 1], 9)))))
             for i in range(0, len(px), 2)}
    joined = {tuple(sorted(((round(lx[i], 9), round(ly[i], 9)), (round(lx[i + 1], 9), round(ly[i + 1], 9)))))
              for i in range(len(lx) - 1) if np.isfinite(lx[i]) and np.isfinite(lx[i + 1])}
    assert joined == pairs  # every segment drawn, nothing added

# ---------------------------------------------------------------- slope at a point
def test_book_examples_show_the_book_numbers(qtbot, tab):
    qtbot.mouseClick(tab.slope.book10_button, Qt.MouseButton.LeftButton)
    assert readout(tab, "central") == "0.2999999999986347"
    assert readout(tab, "exact").startswith("0.3")
    assert tab.slope.x0_spin.value() == 10.0
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    assert readout(tab, "central") == "0.1999999999990898"
    assert readout(tab, "y0") == "0.75"
    assert readout(tab, "exact") == "0.2  (f′ = 0.02x + 0.1)"
    assert float(readout(tab, "fe")) > 100 * float(readout(tab, "ce"))  # forward is far less accurate


def test_dragging_the_point_moves_x0_tangent_and_readout(qtbot, tab):
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    fn = lab.FUNCTIONS["book"]
    before = readout(tab, "central")
    drag(qtbot, tab.slope.curve_plot, (5.0, fn(5.0)), (12.0, fn(12.0)))
    assert tab.state.x0 == pytest.approx(12.0, abs=0.3)
    assert tab.slope.x0_spin.value() == pytest.approx(tab.state.x0, abs=1e-4)
    assert readout(tab, "central") != before
    assert readout(tab, "central") == repr(lab.derivative_at(fn, tab.state.x0)["central"])
    assert float(readout(tab, "central")) == pytest.approx(0.02 * tab.state.x0 + 0.1, abs=1e-9)
    # the point sits on the curve and the tangent passes through it with the new slope
    point = tab.slope.point.pos()
    assert point.x() == tab.state.x0 and point.y() == pytest.approx(fn(tab.state.x0))
    xs, ys = tab.slope.tangent_item.getData()
    slope = (ys[1] - ys[0]) / (xs[1] - xs[0])
    assert slope == pytest.approx(float(readout(tab, "central")), rel=1e-9)


def test_dragging_off_the_curve_stays_on_it_and_in_range(qtbot, tab):
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    fn = lab.FUNCTIONS["book"]
    drag(qtbot, tab.slope.curve_plot, (5.0, fn(5.0)), (8.0, 5.0))  # far above the curve
    assert tab.state.x0 == pytest.approx(8.0, abs=0.3)
    assert tab.slope.point.pos().y() == pytest.approx(fn(tab.state.x0))
    drag(qtbot, tab.slope.curve_plot, (tab.state.x0, fn(tab.state.x0)), (-0.3, 0.0))  # past the left end
    assert tab.state.x0 == 0.0


def test_clicking_the_plot_moves_the_point(qtbot, tab):
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    qtbot.wait(30)
    pos = view_to_widget(tab.slope.curve_plot, 15.0, 1.0)
    qtbot.mouseClick(tab.slope.curve_plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert tab.state.x0 == pytest.approx(15.0, abs=0.3)


def test_typed_function_is_drawn_with_no_exact_derivative(qtbot, tab):
    type_function(qtbot, tab, "0.5*x**3 - 2*x")
    assert tab.state.fn.key == "typed"
    assert tab.slope.function_combo.currentData() == "typed"
    assert not tab.slope.expr_error.isVisible()
    x0 = tab.state.x0
    assert float(readout(tab, "central")) == pytest.approx(1.5 * x0**2 - 2, abs=1e-6)
    assert "unknown" in readout(tab, "exact")
    assert readout(tab, "ce") == "—"
    xs, ys = tab.slope.curve_item.getData()
    np.testing.assert_allclose(ys, 0.5 * xs**3 - 2 * xs)
    # dragging works on a typed function too
    drag(qtbot, tab.slope.curve_plot, (x0, tab.state.fn(x0)), (-1.5, tab.state.fn(-1.5)))
    assert tab.state.x0 == pytest.approx(-1.5, abs=0.2)
    assert float(readout(tab, "central")) == pytest.approx(1.5 * tab.state.x0**2 - 2, abs=1e-6)


def test_typing_a_list_function_selects_it(qtbot, tab):
    type_function(qtbot, tab, "sin( x )")
    assert tab.state.fn is lab.FUNCTIONS["sin"]
    assert tab.slope.function_combo.currentData() == "sin"
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
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    xs_before, ys_before = tab.slope.curve_item.getData()
    type_function(qtbot, tab, text)
    assert tab.slope.expr_error.isVisible()
    message = tab.slope.expr_error.text()
    assert fragment in message
    if column is not None:
        caret_line = message.splitlines()[-1]
        assert caret_line.index("^") == column  # the caret sits under the fault
    assert tab.state.fn is lab.FUNCTIONS["book"]
    assert readout(tab, "central") == "0.1999999999990898"
    np.testing.assert_array_equal(tab.slope.curve_item.getData()[1], ys_before)
    type_function(qtbot, tab, "x**2")  # a good function clears the message
    assert not tab.slope.expr_error.isVisible()
    assert float(readout(tab, "central")) == pytest.approx(2 * tab.state.x0, abs=1e-6)


def test_choosing_the_sigmoid_shows_s_times_one_minus_s(qtbot, tab):
    index = tab.slope.function_combo.findData("sigmoid")
    tab.slope.function_combo.setCurrentIndex(index)
    tab.slope.function_combo.activated.emit(index)
    assert tab.slope.expr_edit.text() == "sigmoid(x)"
    assert tab.state.x0 == 0.0
    assert readout(tab, "exact") == "0.25  (f′ = s(1 − s))"
    assert float(readout(tab, "central")) == pytest.approx(0.25, abs=1e-9)
    assert (tab.slope.x0_spin.minimum(), tab.slope.x0_spin.maximum()) == (-6.0, 6.0)


def test_h_of_1e_minus_50_gives_zero(qtbot, tab):
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    tab.slope.h_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.slope.h_spin.lineEdit(), "1e-50")
    qtbot.keyClick(tab.slope.h_spin.lineEdit(), Qt.Key.Key_Return)
    assert tab.state.h == 1e-50
    assert readout(tab, "forward") == "0.0" and readout(tab, "central") == "0.0"
    assert readout(tab, "ce") == "2.000e-01"


# ---------------------------------------------------------------- error against h
def test_error_plot_shows_both_differences_and_the_best_h(qtbot, tab):
    type_function(qtbot, tab, "sin(x)")
    show_page(qtbot, tab, "error")
    hs, fwd = tab.error.forward_item.xData, tab.error.forward_item.yData  # the data, not its log10 as drawn
    assert len(hs) == 16 and hs[0] == 1e-1 and hs[-1] == 1e-16
    np.testing.assert_allclose(fwd, plotting.plottable(lab.error_vs_h(lab.FUNCTIONS["sin"], 1.0)["forward"]))
    assert tab.error.best["best_forward"].text() == "1e-08"
    assert float(tab.error.best["book_central"].text()) < 1e-9
    assert tab.error.forward_item.isVisible()
    tab.error.show_forward.click()
    assert not tab.error.forward_item.isVisible() and tab.error.central_item.isVisible()
    assert not tab.error.message.isVisible()


def test_error_plot_follows_x0_from_either_page(qtbot, tab):
    type_function(qtbot, tab, "exp(x)")
    show_page(qtbot, tab, "error")
    tab.error.x0_spin.setValue(-1.0)
    assert tab.state.x0 == -1.0 and tab.slope.x0_spin.value() == -1.0
    ctr = tab.error.central_item.yData
    np.testing.assert_allclose(ctr, plotting.plottable(lab.error_vs_h(lab.FUNCTIONS["exp"], -1.0)["central"]))
    assert "x0 = -1" in tab.error.where.text()


def test_choosing_a_function_on_the_error_page(qtbot, tab):
    show_page(qtbot, tab, "error")
    index = tab.error.combo.findData("tanh")
    tab.error.combo.setCurrentIndex(index)
    tab.error.combo.activated.emit(index)
    assert tab.state.fn is lab.FUNCTIONS["tanh"] and tab.slope.function_combo.currentData() == "tanh"
    assert tab.slope.expr_edit.text() == "tanh(x)"
    expected = plotting.plottable(lab.error_vs_h(lab.FUNCTIONS["tanh"], 0.5)["central"])
    np.testing.assert_allclose(tab.error.central_item.yData, expected)
    own = tab.error.combo.findData("typed")
    tab.error.combo.activated.emit(own)  # "your own" takes the user to the text box
    assert PAGES[tab.pages.currentIndex()] == "point"


def test_typed_function_has_no_error_plot_but_a_message(qtbot, tab):
    type_function(qtbot, tab, "x**4")
    show_page(qtbot, tab, "error")
    assert tab.error.central_item.yData is None or len(tab.error.central_item.yData) == 0
    assert tab.error.message.isVisible() and "not known" in tab.error.message.toPlainText()
    type_function(qtbot, tab, "x**3")  # the list's x³: the plot is back
    assert not tab.error.message.isVisible()
    assert len(tab.error.central_item.yData) == 16


def test_tiny_h_button_explains_x_plus_h_equals_x(qtbot, tab):
    qtbot.mouseClick(tab.slope.book5_button, Qt.MouseButton.LeftButton)
    show_page(qtbot, tab, "error")
    qtbot.mouseClick(tab.error.tiny_button, Qt.MouseButton.LeftButton)
    text = tab.error.tiny_result.text()
    assert "x0 + h == x0 is True" in text and "(x0 + h = 5.0)" in text
    assert text.count(": 0.0") == 2


# ---------------------------------------------------------------- partial derivatives
def test_partial_derivatives_book_values_and_moving_the_point(qtbot, tab):
    show_page(qtbot, tab, "partial")
    assert tab.partials.readout["d0"].text() == "6.00000000000378"
    assert tab.partials.readout["d1"].text() == "7.999999999999119"
    tab.partials.p_spins[0].setValue(1.0)
    assert float(tab.partials.readout["d0"].text()) == pytest.approx(2.0, abs=1e-9)
    assert tab.partials.readout["e0"].text() == "2.0"
    t, values = tab.partials.slice_items[1][0].getData()
    np.testing.assert_allclose(values, 1.0 + t**2)  # the x1-slice now has x0 = 1 fixed: 1 + x1²
    qtbot.mouseClick(tab.partials.book_point_button, Qt.MouseButton.LeftButton)
    assert tab.partials.p_spins[0].value() == 3.0
    assert tab.partials.readout["d0"].text() == "6.00000000000378"


def test_dragging_the_map_point_changes_both_slopes(qtbot, tab):
    show_page(qtbot, tab, "partial")
    drag(qtbot, tab.partials.map_plot, (3.0, 4.0), (1.0, 2.0))
    assert tab.state.p0 == pytest.approx(1.0, abs=0.15) and tab.state.p1 == pytest.approx(2.0, abs=0.15)
    assert float(tab.partials.readout["d0"].text()) == pytest.approx(2 * tab.state.p0, abs=1e-8)
    assert float(tab.partials.readout["d1"].text()) == pytest.approx(2 * tab.state.p1, abs=1e-8)
    assert tab.partials.p_spins[1].value() == pytest.approx(tab.state.p1)



def test_the_map_draws_the_contour_circles_of_f(qtbot, tab):
    show_page(qtbot, tab, "partial")
    x, y = tab.partials.contour_lines.getData()
    levels = contours.sqrt_levels(tab.partials.map_image.image, 8)
    finite = np.isfinite(x)
    assert np.isnan(x).sum() >= 8 and finite.sum() > 100
    f = x[finite] ** 2 + y[finite] ** 2
    assert np.abs(f[:, None] - levels[None, :]).min(axis=1).max() < 0.02  # on a circle (up to the grid's step)

# ---------------------------------------------------------------- computation graph
def table_rows(tab):
    t = tab.graph.steps_table
    return [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]


def test_graph_forward_then_backward_lessons_numbers(qtbot, tab):
    show_page(qtbot, tab, "graph")
    view = tab.graph.graph_view
    assert not tab.graph.previous_button.isEnabled()  # nothing to take back yet
    assert "u" not in view.values and view.grads == {}
    for _ in range(3):
        click(qtbot, tab.graph.next_button)
    assert (view.values["u"], view.values["v"], view.values["J"]) == ("6", "11", "33")
    assert view.grads == {} and tab.graph.next_button.isEnabled()  # the backward steps come next
    assert table_rows(tab)[0][:2] == ["u = b·c = 3 · 2", "6"]
    click(qtbot, tab.graph.next_button)
    click(qtbot, tab.graph.next_button)
    assert view.grads == {"J": "1", "v": "3"}
    assert view.current == "v"
    assert ("v", "J") in view.edge_labels and ("b", "u") not in view.edge_labels
    for _ in range(4):
        click(qtbot, tab.graph.next_button)
    assert view.grads == {"J": "1", "v": "3", "u": "3", "a": "3", "b": "6", "c": "9"}
    assert view.edge_labels[("b", "u")] == "∂u/∂b = c = 2"
    assert view.edge_texts[("c", "u")].toPlainText() == "∂u/∂c = b = 3"
    assert "dJ/db = dJ/du · ∂u/∂b = dJ/du · c = 3 · 2" in table_rows(tab)[-2][0]
    assert not tab.graph.next_button.isEnabled() and not tab.graph.backward_button.isEnabled()
    assert "J = 33" in tab.graph.status.text()
    click(qtbot, tab.graph.previous_button)  # takes back dJ/dc, the last step
    assert "c" not in view.grads and view.grads["b"] == "6" and view.current == "b"
    assert len(table_rows(tab)) == 8 and tab.graph.next_button.isEnabled()


def test_graph_second_example_and_the_nudge_check(qtbot, tab):
    show_page(qtbot, tab, "graph")
    click(qtbot, tab.graph.inputs["J"].example2_button)
    click(qtbot, tab.graph.backward_button)  # the forward pass first, then every derivative
    view = tab.graph.graph_view
    assert (view.values["u"], view.values["v"], view.values["J"]) == ("8", "15", "45")
    rows = {row[0].split(" =")[0]: row for row in table_rows(tab)}
    assert float(rows["dJ/dv"][2]) == pytest.approx(0.003, rel=1e-9)  # v + 0.001 → J + 0.003
    assert float(rows["dJ/db"][2]) == pytest.approx(0.006, rel=1e-9)  # dJ/db = 3c = 6
    qtbot.mouseClick(tab.graph.reset_button, Qt.MouseButton.LeftButton)
    assert tab.graph.steps_table.rowCount() == 0 and "J" not in view.values


def test_editing_an_input_recomputes_the_shown_passes(qtbot, tab):
    show_page(qtbot, tab, "graph")
    click(qtbot, tab.graph.backward_button)
    spin = tab.graph.abc_spins["c"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "10")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    view = tab.graph.graph_view
    assert view.values["u"] == "30" and view.values["J"] == "105"  # 3(5 + 3·10)
    assert view.grads["b"] == "30" and view.grads["c"] == "9"


# ---------------------------------------------------------------- settings and language
def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    type_function(qtbot, tab, "0.5*x**3 - 2*x")
    tab.slope.x0_spin.setValue(1.5)
    tab.partials.p_spins[1].setValue(-2.0)
    click(qtbot, tab.graph.inputs["J"].example2_button)
    show_page(qtbot, tab, "partial")
    s = app_settings()
    tab.save_settings(s)
    other = DerivativesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.slope.expr_edit.text() == "0.5*x**3 - 2*x" and other.state.fn.key == "typed"
    assert other.state.x0 == 1.5 and other.state.p1 == -2.0 and other.state.a == 7.0
    assert other.slope.readout["central"].text() == tab.slope.readout["central"].text()
    assert PAGES[other.pages.currentIndex()] == "partial"


def test_bad_settings_keep_defaults(qtbot, tab):
    from gui.settings import app_settings

    s = app_settings()
    s.setValue("function", "__import__('os')")
    s.setValue("x0", "not a number")
    tab.restore_settings(s)
    assert tab.state.fn is lab.FUNCTIONS["book"] and tab.state.x0 == 5.0
    s.setValue("x0", 7.0)
    tab.restore_settings(s)
    assert tab.state.fn is lab.FUNCTIONS["book"] and tab.state.x0 == 7.0


@pytest.mark.parametrize("text", ["1e308*x*x", "exp(100*x)", "x**1e308", "(-x)**0.5", "3", "1/x"])
def test_wild_functions_are_drawn_or_skipped_without_errors(qtbot, tab, text):
    type_function(qtbot, tab, text)
    assert not tab.slope.expr_error.isVisible() and tab.state.fn.text == text
    for page in PAGES:
        show_page(qtbot, tab, page)
    show_page(qtbot, tab, "point")
    for x in (-2.0, 0.0, 2.5):
        tab.slope.x0_spin.setValue(x)
        y = tab.state.fn(tab.state.x0)
        assert tab.slope.point.isVisible() == bool(abs(y) <= plotting.DRAW_LIMIT)  # inf / nan / 1e300 are not drawn
        assert readout(tab, "y0") == repr(float(y))
    low, high = tab.slope.curve_plot.getViewBox().viewRange()[1]
    assert np.isfinite(low) and np.isfinite(high)


def test_graph_keys_step_and_reset(qtbot, tab):
    show_page(qtbot, tab, "graph")
    view = tab.graph.graph_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
    view.setFocus()
    for _ in range(4):  # the three forward steps, then the first backward step
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (tab.state.forward_done, tab.state.backward_done) == (3, 1)
    assert view.values["J"] == "33" and view.grads == {"J": "1"}
    qtbot.keyClick(view, Qt.Key.Key_Left)  # ← is the previous step: back to the end of the forward pass
    assert (tab.state.forward_done, tab.state.backward_done) == (3, 0) and view.grads == {}
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert tab.state.forward_done == 2 and "J" not in view.values and view.values["v"] == "11"
    qtbot.keyClick(view, Qt.Key.Key_B)  # the whole backward pass, the forward pass completed first
    assert (tab.state.forward_done, tab.state.backward_done) == (3, 6) and view.grads["c"] == "9"
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert tab.state.forward_done == 0 and view.grads == {}
    for _ in range(3):  # ← with nothing left to take back does nothing
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert (tab.state.forward_done, tab.state.backward_done) == (0, 0)


def test_a_live_language_switch_reaches_every_page(qtbot, tab, in_chinese):
    type_function(qtbot, tab, "x**4")  # the readout's "unknown" and the error page's message are texts too
    texts = {
        "tab": lambda: tab.pages.tabText(0),
        "slope": lambda: tab.slope.readout_names["central"].text(),
        "exact": lambda: readout(tab, "exact"),
        "error": lambda: tab.error.best_box.title(),
        "message": lambda: tab.error.message.toPlainText(),
        "partials": lambda: tab.partials.book_point_button.text(),
        "slice": lambda: tab.partials.slice_plots[0].getPlotItem().titleLabel.text,
        "graph": lambda: tab.graph.status.text(),
    }
    in_chinese(texts)


# ---------------------------------------------------------------- hostile and careless typing
def test_a_pasted_megabyte_is_cut_at_once_said_and_the_tab_keeps_working(qtbot, tab):
    edit = tab.slope.expr_edit
    xs_before, ys_before = tab.slope.curve_item.getData()
    seconds = paste(qtbot, edit, megabytes_of_function("x"))
    assert seconds < 0.5  # the window is not frozen
    assert len(edit.text()) == edit.maxLength() == 500
    assert tab.slope.expr_error.isVisible()
    assert tab.slope.expr_error.text() == "At most 500 characters: the rest was left out. Shorten the function."
    assert press(qtbot, edit) < 0.5  # what was kept, "x+x+…+x+", is read and refused at once
    message = tab.slope.expr_error.text()
    assert message.startswith("Cannot read this function:\n…") and "the expression ends too early" in message
    assert max(len(line) for line in message.splitlines()) < 120  # shown around the fault, not whole
    assert tab.state.fn is lab.FUNCTIONS["book"]
    np.testing.assert_array_equal(tab.slope.curve_item.getData()[1], ys_before)
    type_function(qtbot, tab, "x**2")
    assert not tab.slope.expr_error.isVisible() and tab.state.fn.text == "x**2"
    assert float(readout(tab, "central")) == pytest.approx(2 * tab.state.x0, abs=1e-6)


def test_typing_past_the_limit_says_so(qtbot, tab):
    edit = tab.slope.expr_edit
    edit.setText("x" + "+x" * 249)  # 499 characters: one more may be typed
    qtbot.keyClicks(edit, "+x")
    assert len(edit.text()) == 500 and edit.text().endswith("+")
    assert "At most 500 characters" in tab.slope.expr_error.text()


@pytest.mark.parametrize("text", ["1/0", "log(-1)", "sqrt(-1 - x**2)"])
def test_a_function_with_no_finite_value_in_view_says_so_and_keeps_the_curve(qtbot, tab, text):
    xs_before, ys_before = tab.slope.curve_item.getData()
    type_function(qtbot, tab, text)
    assert tab.slope.expr_error.isVisible()
    assert tab.slope.expr_error.text() == (
        f"Nothing to draw:\n{text} is not a finite number anywhere in view (-5 ≤ x ≤ 5): it gives only inf or "
        "nan there, e.g. 1/0 or log(-1)\nThe previous function stays.")
    assert tab.state.fn is lab.FUNCTIONS["book"]  # the curve is the book's, not an empty one
    np.testing.assert_array_equal(tab.slope.curve_item.getData()[1], ys_before)
    assert np.isfinite(ys_before).all()
    type_function(qtbot, tab, "x**2")
    assert not tab.slope.expr_error.isVisible() and tab.state.fn.text == "x**2"
    xs, ys = tab.slope.curve_item.getData()
    np.testing.assert_allclose(ys, xs**2)


def test_a_function_finite_somewhere_is_drawn_where_finite(qtbot, tab):
    type_function(qtbot, tab, "log(x)")
    assert not tab.slope.expr_error.isVisible() and tab.state.fn.text == "log(x)"
    tab.slope.curve_plot.setXRange(-5, 5, padding=0)
    qtbot.wait(20)
    xs, ys = tab.slope.curve_item.getData()
    assert np.isnan(ys[xs <= 0]).all() and np.isfinite(ys[xs > 0]).all() and (xs > 0).any()


def test_stored_functions_that_cannot_be_shown_give_the_default(qtbot, tab):
    from gui.settings import app_settings

    s = app_settings()
    for text in ("1/0", "x+" * 2_500_000 + "x"):
        s.setValue("function", text)
        tab.restore_settings(s)
        assert tab.state.fn is lab.FUNCTIONS["book"] and tab.slope.expr_edit.text() == lab.FUNCTIONS["book"].text


def test_the_message_follows_a_live_language_switch(qtbot, tab, in_chinese):
    type_function(qtbot, tab, "log(-1)")
    english, chinese = in_chinese({"message": lambda: tab.slope.expr_error.text()})
    assert "log(-1)" in chinese["message"]
    paste(qtbot, tab.slope.expr_edit, megabytes_of_function("x"))
    in_chinese({"message": lambda: tab.slope.expr_error.text()})


def test_the_partial_map_has_a_colour_bar_and_the_purple_slice_is_purple(qtbot, tab):
    tab.pages.setCurrentWidget(tab.partials)
    page = tab.partials
    page.refresh_map()
    low, high = page.colorbar.levels()
    z = page.map_image.image
    assert (low, high) == (float(np.nanmin(z)), float(np.nanmax(z)))  # the bar reads f over what the map shows
    assert tuple(page.map_image.getLevels()) == (low, high)
    hue = page.slice_line1.opts["pen"].color().hslHue()
    assert 250 <= hue <= 300  # the explanation calls the x1 slice purple: it is drawn purple, not pink
    assert "purple slice" in tab.partials.explanation.toPlainText()
