"""Issue 18's layout faults, each with the class of problem behind it: legends that cover data, an Export button
whose menu arrow overlaps its text, pyqtgraph's export dialog opening cramped and partly in English, the
Softmax-overflow page leaving most of its pane empty."""
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from actions import click, type_into
from PySide6.QtCore import QPoint, Qt

from gui.tabs.derivatives.state import PAGES as DERIVATIVE_PAGES
from gui.tabs.derivatives.tab import DerivativesTab
from gui.tabs.gradient_field.tab import GradientFieldTab
from gui.tabs.losses.tab import LossesTab
from gui.widgets.plots import KeptLegend, Plot, add_legend

GUI = Path(__file__).resolve().parents[2] / "gui"
LONG = 180_000  # ms, for the cat runs on a shared 2-core machine


def shown(qtbot, widget, size=(1280, 720)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def under_legend(plot, legend=None):
    """(points under the legend, points drawn): every data item's finite points, in scene pixels."""
    item = plot.getPlotItem()
    legend = legend or item.legend
    rect, box = legend.sceneBoundingRect(), item.getViewBox()
    under = total = 0
    for curve in item.listDataItems():
        if not curve.isVisible():
            continue
        x, y = curve.getData()
        if x is None:
            continue
        for px, py in zip(x, y, strict=True):
            if np.isfinite(px) and np.isfinite(py):
                total += 1
                under += rect.contains(box.mapViewToScene(pg.Point(float(px), float(py))))
    return under, total


def assert_off_the_data(qtbot, plot, what=""):
    """The legend has settled (it is placed a moment after a change) and covers at most 5 % of the points."""
    qtbot.wait(30)
    legend = plot.getPlotItem().legend
    assert isinstance(legend, KeptLegend), what
    assert legend.isVisible() and legend.items, what
    under, total = under_legend(plot)
    assert total > 0, what
    assert under <= 0.05 * total, f"{what}: {under} of {total} points under the legend"


# ---------------------------------------------------------------- 1. legends
def test_every_legend_of_the_app_is_made_by_add_legend():
    """The one way to a legend: gui.widgets.plots.add_legend (placed where the data is not, and kept there) or
    legend_below (under the plot); pyqtgraph's addLegend stays wherever its offset puts it."""
    offenders = [str(p.relative_to(GUI)) for p in GUI.rglob("*.py")
                 if p.name != "plots.py" and re.search(r"\.addLegend\(", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_kept_legend_moves_away_when_the_data_comes_to_its_corner(qtbot):
    plot = shown(qtbot, Plot(), (500, 320))
    add_legend(plot)
    x = np.linspace(0, 10, 200)
    curve = plot.plot(x, x, name="rising")
    plot.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    assert_off_the_data(qtbot, plot, "rising")
    curve.setData(x, 10 - x)  # the data changes, the range does not: the legend follows by itself
    assert_off_the_data(qtbot, plot, "falling")
    corner = plot.getPlotItem().legend.corner
    curve.setData(x, np.full_like(x, 9.5))  # a line along the top: both top corners hold data now
    assert_off_the_data(qtbot, plot, "along the top")
    assert plot.getPlotItem().legend.corner[1] == 1 and corner != plot.getPlotItem().legend.corner
    plot.resize(300, 420)  # and on a resize
    assert_off_the_data(qtbot, plot, "resized")


def test_a_sparse_curve_s_lines_count_not_only_its_points(qtbot):
    """A line across the top whose two points lie outside the view: no corner holds a point, but the top ones
    hold the line."""
    plot = shown(qtbot, Plot(), (500, 320))
    add_legend(plot)
    plot.plot([-5, 15], [9.5, 9.5], name="a line across the top")
    plot.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    qtbot.wait(30)
    legend = plot.getPlotItem().legend
    box = plot.getPlotItem().getViewBox()
    assert legend.corner[1] == 1  # a bottom corner
    for x in np.linspace(0, 10, 101):
        assert not legend.sceneBoundingRect().contains(box.mapViewToScene(pg.Point(x, 9.5)))


@pytest.mark.parametrize("example", ["two", "seven", "uniform"])
@pytest.mark.parametrize("target", [2, 5])
def test_the_losses_curves_legend_stays_off_the_curves(qtbot, example, target):
    tab = shown(qtbot, LossesTab())
    c = tab.controls
    button = {"two": c.example_two, "seven": c.example_seven, "uniform": c.uniform_button}[example]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    tab.set_target(target)
    assert_off_the_data(qtbot, tab.curves, f"{example}, t = {target}")


def derivatives_tab(qtbot):
    return shown(qtbot, DerivativesTab())


def test_the_slope_and_error_legends_stay_off_the_data_for_every_function(qtbot):
    tab = derivatives_tab(qtbot)
    for page, combo in ((tab.slope, tab.slope.function_combo), (tab.error, tab.error.combo)):
        tab.pages.setCurrentIndex(DERIVATIVE_PAGES.index("point" if page is tab.slope else "error"))
        qtbot.wait(20)
        plot = page.curve_plot if page is tab.slope else page.plot
        for index in range(combo.count()):
            if not combo.itemText(index) or combo.itemData(index) == "typed":
                continue
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
            assert_off_the_data(qtbot, plot, combo.itemText(index))


def test_the_partial_derivative_legends_stay_off_the_slices(qtbot):
    tab = derivatives_tab(qtbot)
    tab.pages.setCurrentIndex(DERIVATIVE_PAGES.index("partial"))
    for point in ((3.0, 4.0), (-2.0, 1.0), (0.0, -3.0)):
        tab.partials.move_point(*point)
        for plot in tab.partials.slice_plots:
            assert_off_the_data(qtbot, plot, f"at {point}")


def test_the_gradient_field_legend_sits_under_the_arrows_not_on_them(qtbot):
    """The arrows fill the whole view, so no corner is free: the legend has its own row under the x axis."""
    tab = shown(qtbot, GradientFieldTab())
    tab.redraw()
    view = tab.view
    for ascent in (False, True):  # the legend is rebuilt (−∇f / +∇f): it stays below
        view.state.ascent = ascent
        view.show_legend()
        qtbot.wait(30)
        legend, box = view.legend, view.plot.getPlotItem().getViewBox()
        assert [label.text for _, label in legend.items][0].startswith("+" if ascent else "−")
        rect = legend.sceneBoundingRect()
        assert rect.height() > 10 and rect.top() >= box.sceneBoundingRect().bottom()
        assert rect.bottom() <= view.plot.sceneRect().bottom() + 1  # inside the widget: seen
        assert under_legend(view.plot, legend)[0] == 0


@pytest.mark.keeps_language  # a panel on its own, outside the window that retranslates it
def test_the_cat_cost_and_learning_rate_legends_stay_off_the_curves(qtbot, cat_dir):
    from gui.tabs.training.cat.panel import CatPanel
    from gui.tabs.training.cat.state import PAGES as CAT_PAGES

    panel = shown(qtbot, CatPanel())
    try:
        assert panel.set_folder(cat_dir)
        qtbot.waitUntil(lambda: panel.state.data is not None and not panel.is_loading(), timeout=LONG)
        panel.pages.setCurrentIndex(CAT_PAGES.index("cost"))
        type_into(qtbot, panel.settings_box.iter_spin, "600")
        click(qtbot, panel.start_button)
        qtbot.waitUntil(lambda: not panel.is_training() and panel.start_button.isEnabled(), timeout=LONG)
        panel.redraw()
        assert_off_the_data(qtbot, panel.cost_page.cost_plot, "cost")
        panel.pages.setCurrentIndex(CAT_PAGES.index("rates"))
        type_into(qtbot, panel.rates_page.compare_iter_spin, "1500")
        click(qtbot, panel.rates_page.compare_button)
        qtbot.waitUntil(lambda: not panel.is_comparing() and panel.rates_page.compare_status.text() == "Done.",
                        timeout=LONG)
        panel.redraw()
        assert_off_the_data(qtbot, panel.rates_page.compare_plot, "learning rates")
    finally:
        panel.shutdown()


# ---------------------------------------------------------------- 2. a button's menu arrow beside its text
def menu_buttons(window):
    from PySide6.QtWidgets import QAbstractButton

    return [b for b in window.findChildren(QAbstractButton) if getattr(b, "menu", lambda: None)() is not None]


def arrow_room(button):
    """(the button's width, what its text and the menu's arrow need): as wide as the same button without a menu
    (the text and the style's margins) plus the style's menu indicator, the arrow drawn inside the right edge. A
    QToolButton in InstantPopup mode leaves the indicator out of its size: its arrow lands on the text."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    option.initFrom(button)
    indicator = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    plain = type(button)()
    plain.setFont(button.font())
    plain.setText(button.text())
    needed = max(plain.sizeHint().width(), button.fontMetrics().horizontalAdvance(button.text())) + indicator
    plain.deleteLater()
    return button.width(), needed


@pytest.mark.keeps_language
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_button_s_menu_arrow_never_overlaps_its_text(qtbot, qapp, size):
    from gui import i18n
    from gui.main_window import MainWindow

    window = shown(qtbot, MainWindow(), size)
    window.show_tab("descent")
    try:
        for lang in ("en", "zh_CN"):
            assert i18n.install_language(qapp, lang)
            qtbot.wait(50)
            buttons = [b for b in menu_buttons(window) if b.isVisible() and b.text()]  # not Qt's ≫ of a menu bar
            assert buttons, "the Descent tab's Export animation button"
            for button in buttons:
                width, needed = arrow_room(button)
                assert width >= needed, (lang, button.text(), width, needed)
    finally:
        i18n.install_language(qapp, "en")


# ---------------------------------------------------------------- 3. pyqtgraph's export dialog
KEPT = {"PNG", "SVG", "CSV", "JPG", "TIF", "HDF"}  # file formats keep their names


def dialog_texts(dialog):
    """Every text the export dialog shows: title, labels, buttons, the item tree, the formats, the options'
    names and choices. Not the text boxes' contents (HDF5's data set name, which the user types)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QListWidget, QTreeWidget, QTreeWidgetItem

    texts = [dialog.windowTitle()]
    for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if w.isVisible():
            texts.append(w.text())
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisible():
            texts += [combo.itemText(i) for i in range(combo.count())]
    for lst in dialog.findChildren(QListWidget):
        texts += [lst.item(i).text() for i in range(lst.count())]
    for tree in dialog.findChildren(QTreeWidget):
        stack: list[QTreeWidgetItem] = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            texts += [item.text(c) for c in range(tree.columnCount())]
            stack += [item.child(i) for i in range(item.childCount())]
    return [t for t in texts if t]


def english_words(texts):
    return sorted({w for t in texts for w in re.findall(r"[A-Za-z]{3,}", t) if w not in KEPT})


def open_export_dialog(qtbot, plot, export_text):
    """Right-click the plot and choose Export… as a user does; returns the dialog."""
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=QPoint(200, 150))
    menu = plot.getPlotItem().vb.menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    export = [a for a in menu.actions() if a.text() == export_text]
    assert export, [a.text() for a in menu.actions()]
    menu.close()
    export[0].trigger()
    dialog = plot.scene().exportDialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


@pytest.mark.keeps_language
def test_the_export_dialog_opens_roomy_and_all_in_chinese(qtbot, qapp):
    from PySide6.QtWidgets import QComboBox

    from gui import i18n

    assert i18n.install_language(qapp, "zh_CN")
    try:
        plot = shown(qtbot, Plot(), (600, 400))
        plot.plot(np.arange(5.0), np.arange(5.0) ** 2)
        dialog = open_export_dialog(qtbot, plot, "导出…")
        try:
            area = dialog.screen().availableGeometry()
            assert dialog.width() >= 1.5 * 241 and dialog.height() >= 1.2 * 367  # pyqtgraph's 241 × 367
            assert dialog.height() >= 0.59 * area.height()
            assert area.contains(dialog.frameGeometry())
            formats = dialog.ui.formatList
            fm = formats.fontMetrics()
            for row in range(formats.count()):
                formats.setCurrentRow(row)
                qtbot.wait(20)
                assert fm.horizontalAdvance(formats.item(row).text()) < formats.viewport().width()  # not cut
                tree = dialog.ui.paramTree
                top = tree.topLevelItem(0)
                assert top.text(0) == ""  # pyqtgraph's group "params" not shown
                for i in range(top.childCount()):  # each option's name whole, not "分..."
                    title = top.child(i).text(0)
                    assert tree.fontMetrics().horizontalAdvance(title) < tree.columnWidth(0), title
                words = english_words(dialog_texts(dialog))
                assert words == [], (formats.item(row).text(), words)
            csv = next(r for r in range(formats.count()) if formats.item(r).text().startswith("CSV"))
            formats.setCurrentRow(csv)
            qtbot.wait(20)
            combos = dialog.findChildren(QComboBox)
            choices = {c.itemText(i) for c in combos for i in range(c.count())}
            assert {"逗号", "制表符"} <= choices
            assert dialog.currentExporter.params["separator"] == "comma"  # what the exporter reads is unchanged
            items = dialog.ui.itemTree
            assert items.topLevelItem(0).text(0) == "整个画面" and items.topLevelItem(0).child(0).text(0) == "绘图"
            # a live switch back to English puts pyqtgraph's own words back
            i18n.install_language(qapp, "en")
            qtbot.waitUntil(lambda: items.topLevelItem(0).text(0) == "Entire Scene", timeout=2000)
            assert formats.currentItem().text().startswith("CSV")
            assert {c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())} >= {"comma"}
        finally:
            dialog.close()
    finally:
        i18n.install_language(qapp, "en")


# ---------------------------------------------------------------- 4. the Softmax-overflow page fills its pane
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_softmax_page_fills_its_pane(qtbot, size):
    tab = shown(qtbot, LossesTab(), size)
    tab.side.setCurrentWidget(tab.softmax_page)
    page = tab.softmax_page
    qtbot.mouseClick(page.example_buttons[1], Qt.MouseButton.LeftButton)  # the book's 0.3, 2.9, 4.0
    qtbot.wait(30)
    assert page.logits_edit.text() == "0.3, 2.9, 4.0" and page.table.item(5, 2).text() == "0.736597"
    table = page.table
    rows = sum(table.rowHeight(r) for r in range(table.rowCount())) + table.horizontalHeader().height()
    assert rows <= table.viewport().height() + table.horizontalHeader().height() <= rows + 6  # no grey below
    for button in page.example_buttons:  # the examples' numbers whole
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button.text()
    assert page.plot.height() >= 0.25 * page.height()  # the rest of the pane: the probabilities as bars
    heights = page.bars.opts["height"]
    assert list(np.round(heights, 3)) == [0.018, 0.245, 0.737]
    qtbot.mouseClick(page.example_buttons[0], Qt.MouseButton.LeftButton)  # 1010, 1000, 990: y_0 = 1, labels of 2 lines
    qtbot.wait(30)
    view = page.plot.getPlotItem().getViewBox().sceneBoundingRect()
    for label in page.bar_text:  # over their bars and inside the plot, not cut at its top
        assert view.top() <= label.sceneBoundingRect().top(), label.toPlainText()
    assert "nan" in page.bar_text[0].toPlainText()
    bottom = max(w.geometry().bottom() for w in (page.plot, page.note, table))
    assert page.height() - bottom <= 30  # nothing left empty under the page's last part
    if size[0] == 1920:
        assert tab.side.width() >= 0.25 * tab.width()  # a wide window widens the side pages too


# ---------------------------------------------------------------- 5. earlier fixes, checked again at 1280 × 720
@pytest.mark.keeps_language
def test_the_draw_tab_s_model_combo_shows_the_accuracy_whole(qtbot, qapp):
    from engine.networks import TwoLayerNet
    from gui import i18n
    from gui.model_hub import ModelHub
    from gui.tabs.draw.tab import DrawTab

    hub = ModelHub()
    tab = shown(qtbot, DrawTab(model_hub=hub))
    try:
        for lang, label in (("en", "Trained in the Training tab (test accuracy 0.9734)"),
                            ("zh_CN", "在“训练”标签页训练（测试识别精度 0.9734）")):
            assert i18n.install_language(qapp, lang)
            hub.publish("trained", label, TwoLayerNet(784, 50, 10, seed=1))
            combo = tab.controls.model_combo
            combo.setFocus()
            qtbot.keyClick(combo, Qt.Key.Key_Down)  # the user picks the trained model
            qtbot.wait(20)
            assert combo.currentData() == "trained"
            shown_text = combo.shown_text()
            accuracy = label[label.rindex("(" if lang == "en" else "（"):]
            assert shown_text.endswith(accuracy), shown_text  # cut before the accuracy, if at all
            assert tab.window().width() <= 1280  # the column did not push the window wider
            assert label in tab.controls.model_info.text()  # the whole name under the combo
            qtbot.keyClick(combo, Qt.Key.Key_Up)
    finally:
        i18n.install_language(qapp, "en")


def test_your_own_function_s_field_is_right_below_the_combo(qtbot):
    tab = derivatives_tab(qtbot)
    page = tab.slope
    combo = page.function_combo
    combo.setFocus()
    for _ in range(combo.count()):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.wait(20)
    assert combo.currentText() == "Your own (type it below)"
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) < combo.width() - 20  # whole, beside the arrow
    below = combo.geometry().bottom()
    assert 0 <= page.expr_edit.geometry().top() - below <= 12  # the next row: where "below" points
    assert abs(page.expr_edit.geometry().left() - combo.geometry().left()) <= 2


@pytest.mark.parametrize("scores", [[-10.0] * 10, [10.0] * 10, [-4.2] * 10, [9.9, -9.9] * 5])
def test_the_losses_bar_labels_never_overlap_at_1280(qtbot, scores):
    tab = shown(qtbot, LossesTab())
    tab.set_mode("logits")
    tab.state.logits = np.array(scores)
    tab.show_state()
    qtbot.wait(30)
    rects = [t.sceneBoundingRect() for t in tab.output.bar_text]
    for k in range(len(rects) - 1):
        assert not rects[k].intersects(rects[k + 1]), (k, tab.output.bar_text[k].toPlainText())
    assert tab.output.bar_text[0].textItem.font().pointSizeF() >= 5.0


@pytest.mark.keeps_language
def test_the_gradient_field_legend_stays_under_the_plot_through_a_language_switch(qtbot, qapp):
    """pyqtgraph's LegendItem.updateSize moves a legend to (0, 0): relabelled in Chinese, it jumped onto the arrows."""
    from gui import i18n
    from gui.main_window import MainWindow

    window = shown(qtbot, MainWindow())
    window.show_tab("gradient_field")
    view = window.tab_pages["gradient_field"].view
    box = view.plot.getPlotItem().getViewBox()
    try:
        for lang in ("zh_CN", "en"):
            assert i18n.install_language(qapp, lang)
            qtbot.wait(100)
            assert view.legend.sceneBoundingRect().top() >= box.sceneBoundingRect().bottom(), lang
    finally:
        i18n.install_language(qapp, "en")
