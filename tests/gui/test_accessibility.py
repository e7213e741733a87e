"""Accessibility and the keyboard (issue 18): every plot, custom widget and focusable control has an accessible
name in English and Chinese; what the mouse drags, the arrow keys move (Shift: a tenth); Tab follows the layout."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QTabBar, QTabWidget, QWidget

from engine.lab import field as field_lab
from gui.main_window import MainWindow
from gui.tabs.derivatives.tab import DerivativesTab
from gui.tabs.descent.tab import DescentTab
from gui.tabs.gradient_field.tab import GradientFieldTab
from gui.tabs.losses.tab import LossesTab
from gui.widgets.access import FINE, FocusFrame, nice_step

SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tab_to(qtbot, target, limit=80):
    """Press Tab from the first focusable widget of target's window until `target` has the focus; the widgets
    passed on the way, in order."""
    window = target.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chain = []
    for _ in range(limit):
        widget = window.focusWidget()
        if widget is target:
            return chain
        if widget is not None:
            chain.append(widget)
        qtbot.keyClick(widget or window, Qt.Key.Key_Tab)
    raise AssertionError(f"{target!r} not reached with Tab")


# ---------------------------------------------------------------- the keyboard moves what the mouse drags
def test_losses_bars_move_with_the_arrow_keys(qtbot):
    tab = shown(qtbot, LossesTab())
    bars = tab.output.bar_plot
    tab_to(qtbot, bars)
    assert bars.hasFocus()
    assert tab.output.current == tab.state.target == 2
    before = tab.state.y.copy()
    qtbot.keyClick(bars, Qt.Key.Key_Up)
    assert tab.state.y[2] == pytest.approx(before[2] + 0.05)
    assert tab.state.y.sum() == pytest.approx(1.0)
    qtbot.keyClick(bars, Qt.Key.Key_Down, SHIFT)
    assert tab.state.y[2] == pytest.approx(before[2] + 0.05 - 0.005)
    assert tab.controls.ce_value.text() == f"{-np.log(tab.state.y[2] + 1e-7):.4f}"  # the tab shows the new loss
    qtbot.keyClick(bars, Qt.Key.Key_Right)
    assert tab.output.current == 3
    y3 = tab.state.y[3]
    qtbot.keyClick(bars, Qt.Key.Key_Up)
    assert tab.state.y[3] == pytest.approx(y3 + 0.05)
    assert "y_3 = " + f"{tab.state.y[3]:.3f}" in bars.accessibleDescription()
    qtbot.mouseClick(tab.controls.mode_logits, Qt.MouseButton.LeftButton)  # now the scores a
    bars.setFocus()
    a3 = tab.state.logits[3]
    qtbot.keyClick(bars, Qt.Key.Key_Down)
    assert tab.state.logits[3] == pytest.approx(a3 - 0.5)
    np.testing.assert_allclose(tab.state.y, np.exp(tab.state.logits) / np.exp(tab.state.logits).sum())
    assert f"score a_3 = {tab.state.logits[3]:.2f}" in bars.accessibleDescription()


def test_derivatives_point_moves_along_the_curve_with_the_arrow_keys(qtbot):
    tab = shown(qtbot, DerivativesTab())
    page = tab.slope
    click_book = page.book5_button
    qtbot.mouseClick(click_book, Qt.MouseButton.LeftButton)
    assert tab.state.x0 == 5.0
    plot = page.curve_plot
    tab_to(qtbot, plot)
    lo, hi = plot.getViewBox().viewRange()[0]
    step = nice_step(hi - lo)
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    assert tab.state.x0 == pytest.approx(5.0 + step)
    qtbot.keyClick(plot, Qt.Key.Key_Left, SHIFT)
    assert tab.state.x0 == pytest.approx(5.0 + step - FINE * step)
    assert page.x0_spin.value() == pytest.approx(tab.state.x0, abs=1e-4)  # the box and the point follow
    assert page.point.pos().x() == pytest.approx(tab.state.x0)
    assert f"x0 = {tab.state.x0:.4g}" in plot.accessibleDescription()
    assert "slope 0.2" in plot.accessibleDescription()


def test_partials_point_moves_on_the_map_with_the_arrow_keys(qtbot):
    tab = shown(qtbot, DerivativesTab())
    tab.pages.setCurrentWidget(tab.partials)
    plot = tab.partials.map_plot
    tab_to(qtbot, plot)
    assert (tab.state.p0, tab.state.p1) == (3.0, 4.0)
    qtbot.keyClick(plot, Qt.Key.Key_Up)
    qtbot.keyClick(plot, Qt.Key.Key_Left, SHIFT)
    assert (tab.state.p0, tab.state.p1) == pytest.approx((2.99, 4.1))
    assert tab.partials.readout["e1"].text() == repr(2 * 4.1)
    assert "∂f/∂x1 = 8.2000" in plot.accessibleDescription()


def test_gradient_field_point_moves_with_the_arrow_keys(qtbot):
    tab = shown(qtbot, GradientFieldTab())
    plot = tab.view.plot
    tab_to(qtbot, plot)
    tab.set_point((3.0, 4.0))
    lo0, hi0, _, _ = tab.current_view()
    res = field_lab.click_resolution(hi0 - lo0, max(tab.view.view_box.width(), 1.0) / 2)
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    assert tab.state.point == pytest.approx((3.0 + 10 * res, 4.0))
    qtbot.keyClick(plot, Qt.Key.Key_Down, SHIFT)
    assert tab.state.point == pytest.approx((3.0 + 10 * res, 4.0 - res))
    assert tab.view.point_marker.getData()[0][0] == pytest.approx(3.0 + 10 * res)
    assert plot.accessibleDescription().startswith(f"point ({3.0 + 10 * res:g}, {4.0 - res:g})")


def test_descent_start_moves_with_the_arrow_keys_only_while_the_map_has_the_focus(qtbot):
    tab = shown(qtbot, DescentTab())
    plot = tab.map.plot
    chain = tab_to(qtbot, plot)
    assert any(tab.controls.isAncestorOf(w) for w in chain)  # the controls come before the map
    start = tab.state.start
    (lo, hi), _ = plot.getPlotItem().getViewBox().viewRange()
    step = nice_step(hi - lo)
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    qtbot.keyClick(plot, Qt.Key.Key_Up, SHIFT)
    assert tab.state.start == pytest.approx((start[0] + step, start[1] + FINE * step))
    assert tab.state.index == 0  # → moved the start: it did not step the run
    assert (tab.controls.x0_spin.value(), tab.controls.x1_spin.value()) == pytest.approx(tab.state.start)
    assert f"start ({tab.state.start[0]:g}, {tab.state.start[1]:g})" in plot.accessibleDescription()
    tab.transport.reset_button.setFocus()
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=tab.map.widget_point(1.5, -2.0))
    assert tab.state.start == pytest.approx((1.5, -2.0), abs=0.05)
    assert not plot.hasFocus()  # a click chooses the start and leaves the focus, so → steps the run
    qtbot.keyClick(tab.window().focusWidget(), Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.state.index == 1, timeout=3000)


# ---------------------------------------------------------------- names on everything, in both languages
def accessible_name(widget):
    """What a screen reader announces: the name set, else Qt's own (a buddy label, a button's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def needs_name(widget):
    """Plots, custom-painted widgets and the controls Tab stops at (not the containers: scroll areas, tab
    widgets, whose tab bar names the pages; not a view's viewport, which hands its focus to the view)."""
    if isinstance(widget, FocusFrame):
        return False  # the focus frame: drawn over a view, never focused, not a thing of its own
    if isinstance(widget, pg.GraphicsView):
        return True
    if any(c.__module__.startswith("gui.") and "paintEvent" in c.__dict__ for c in type(widget).__mro__):
        return True
    focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
    return bool(focusable) and widget.focusProxy() is None and not isinstance(
        widget, (QScrollArea, QTabWidget, QTabBar)) and widget.objectName() != "qt_spinbox_lineedit"


def reveal(widget):
    """Make `widget` the current page of every stack (tab widget) it is in."""
    chain = []
    while widget.parentWidget() is not None:
        parent = widget.parentWidget()
        if isinstance(parent, QStackedWidget):
            chain.append((parent, widget))
        widget = parent
    for stack, page in reversed(chain):
        stack.setCurrentWidget(page)


def walk_names(qtbot, window):
    """{(page, class, position): name} of every widget that needs a name, on every page of every tab."""
    names = {}
    window.lessons_dock.show()
    pages = [s.widget(i) for s in window.findChildren(QStackedWidget) for i in range(s.count())]
    pages.append(window.lessons_dock.widget())
    for page in pages:
        reveal(page)
        qtbot.wait(1)  # the plots' scenes report their new titles
        for widget in [page, *page.findChildren(QWidget)]:
            if widget.isVisible() and needs_name(widget):
                where = widget.mapTo(window, QPoint(0, 0))
                names[(type(page).__name__, type(widget).__name__, where.x(), where.y())] = accessible_name(widget)
    return names


def test_every_plot_custom_widget_and_control_has_an_accessible_name_in_both_languages(qtbot, qapp):
    from gui import i18n

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    english = walk_names(qtbot, window)
    assert len(english) > 150  # every tab and page was walked
    assert [key for key, text in english.items() if not text] == []
    plots = {key: text for key, text in english.items() if key[1] in ("Plot", "LossCurves", "StepLossPlot")}
    assert len(plots) >= 25
    try:
        assert i18n.install_language(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.windowTitle() != "Gradient Lab")
        chinese = walk_names(qtbot, window)
    finally:
        i18n.install_language(qapp, "en")
    assert [key for key, text in chinese.items() if not text] == []
    assert [(key, plots[key]) for key in plots if chinese.get(key) == plots[key]] == []  # each in Chinese


# ---------------------------------------------------------------- Tab follows the reading order
def tab_chain(qtbot, window, tab, limit=120):
    """The widgets Tab visits inside `tab`, from the main tab bar on, in order."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.tabBar().setFocus()
    chain = []
    for _ in range(limit):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        widget = window.focusWidget()
        if widget in chain or not tab.isAncestorOf(widget):
            break
        chain.append(widget)
    return chain


def column_of(widget):
    scroll = widget.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    return scroll


def reading_order(first: QRect, second: QRect) -> bool:
    """`second` comes after `first` when read: on a lower row, or on the same row and to the right."""
    below = second.center().y() > first.bottom()
    same_row_right = second.center().y() >= first.top() and second.left() >= first.left()
    return below or same_row_right


VIEWS = {  # tab, what to show first, the view Tab must reach after the controls
    "losses": (None, lambda tab: tab.output.bar_plot),
    "derivatives/slope": (lambda tab: tab.pages.setCurrentWidget(tab.slope), lambda tab: tab.slope.curve_plot),
    "derivatives/partials": (lambda tab: tab.pages.setCurrentWidget(tab.partials),
                             lambda tab: tab.partials.map_plot),
    "derivatives/graph": (lambda tab: tab.pages.setCurrentWidget(tab.graph), lambda tab: tab.graph.graph_view),
    "gradient_field": (None, lambda tab: tab.view.plot),
    "descent": (None, lambda tab: tab.map.plot),
    "training/mnist": (lambda tab: tab.show_panel("mnist"), None),
    "training/cat": (lambda tab: tab.show_panel("cat"), None),
    "draw": (None, lambda tab: tab.results.bar_plot),
}


@pytest.mark.parametrize("where", list(VIEWS))
def test_tab_goes_through_the_controls_column_in_reading_order_then_the_views(qtbot, where):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    key = where.split("/")[0]
    tab = window.tab_pages[key]
    window.show_tab(key)
    show, view = VIEWS[where]
    if show is not None:
        show(tab)
    chain = tab_chain(qtbot, window, tab)
    column = next(column_of(w) for w in chain if column_of(w) is not None)
    content = column.widget()
    controls = [w for w in chain if content.isAncestorOf(w)]
    assert len(controls) >= 3
    rects = [QRect(w.mapTo(content, QPoint(0, 0)), w.size()) for w in controls]
    out_of_order = [(controls[i], controls[i + 1]) for i in range(len(controls) - 1)
                    if not reading_order(rects[i], rects[i + 1])]
    assert out_of_order == []
    last_control = chain.index(controls[-1])
    before = [w for w in chain[:last_control] if not (content.isAncestorOf(w) or w in (column, tab))]
    assert [w for w in before if not isinstance(w, QTabBar)] == []  # nothing before the controls but page tabs
    if view is not None:
        assert view(tab) in chain[last_control:]  # the views come after the controls
    else:
        assert any(isinstance(w, (pg.GraphicsView, QTabBar)) for w in chain[last_control:])


def test_the_keys_are_told_in_tooltips_help_and_descriptions_in_both_languages(qtbot, in_chinese):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pages = window.tab_pages
    views = {"bars": pages["losses"].output.bar_plot, "slope": pages["derivatives"].slope.curve_plot,
             "partials": pages["derivatives"].partials.map_plot, "field": pages["gradient_field"].view.plot,
             "start": pages["descent"].map.plot}
    assert all("Shift" in view.toolTip() for view in views.values())
    help_line = next(text for keys, text in window.shortcut_lines() if keys.startswith("← → ↑ ↓"))
    reads = {f"{key} {part}": (lambda v=view, p=part: getattr(v, p)()) for key, view in views.items()
             for part in ("toolTip", "accessibleDescription")}
    reads["help"] = lambda: next(text for keys, text in window.shortcut_lines() if keys.startswith("← → ↑ ↓"))
    english, chinese = in_chinese(reads)
    assert english["help"] == help_line and "Shift" in chinese["help"]
    assert english["bars accessibleDescription"] == "bar 2: y_2 = 0.600; correct class 2"
    assert chinese["bars accessibleDescription"] == "第 2 个柱：y_2 = 0.600；正确解类别 2"
