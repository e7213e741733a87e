"""pyqtgraph plots styled from the Qt palette (light or dark), with axis labels, legend and export.

Export is pyqtgraph's own: right-click a plot → Export… (PNG, SVG, CSV).
"""
from __future__ import annotations

import importlib.util

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
from pyqtgraph.GraphicsScene import exportDialog as _export_dialog
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")


def offer_working_exporters() -> None:
    """pyqtgraph's Export… lists a Matplotlib window, which silently does nothing without matplotlib (not one of
    our dependencies): it is offered only where matplotlib is installed."""
    from pyqtgraph.exporters import Exporter

    if importlib.util.find_spec("matplotlib") is None:
        Exporter.Exporters[:] = [e for e in Exporter.Exporters if e.__name__ != "MatplotlibExporter"]


offer_working_exporters()


def _export_texts() -> dict[str, str]:
    """The export dialog's texts pyqtgraph leaves in English (its tree of items, the exporters' list choices),
    each written out here so lupdate finds it."""
    return {
        "Entire Scene": QCoreApplication.translate("PlotExport", "Entire Scene"),
        "Plot": QCoreApplication.translate("PlotExport", "Plot"),
        "ViewBox": QCoreApplication.translate("PlotExport", "ViewBox"),
        "comma": QCoreApplication.translate("PlotExport", "comma"),
        "tab": QCoreApplication.translate("PlotExport", "tab"),
        "Export": QCoreApplication.translate("PlotExport", "Export"),  # HDF5's data set name, until the user types
        "(x,y) per plot": QCoreApplication.translate("PlotExport", "(x,y) per plot"),
        "(x,y,y,y) for all plots": QCoreApplication.translate("PlotExport", "(x,y,y,y) for all plots"),
    }


class ExportDialog(_export_dialog.ExportDialog):
    """pyqtgraph's Export… dialog, opened at a size its texts fit (it opens 241 × 367 pixels: names cut to "…")
    and with every text in the interface's language: the items to export, the exporters' options and choices.
    GraphicsScene makes it (showExportDialog), so this class takes the place of pyqtgraph's."""

    def show(self, item=None):
        first = not self.shown
        super().show(item)
        if first:
            layout = self.ui.gridLayout  # the options get the room: the item tree and format list are short
            for row, stretch in ((1, 1), (3, 2), (5, 3)):
                layout.setRowStretch(row, stretch)
            layout.setSpacing(4)
            self.fit_to_screen()

    def fit_to_screen(self):
        """As wide as the longest format name needs, at least 26 lines of text and 30 % of the screen; about 60 %
        of the screen's height; never more than 90 % of it; centred."""
        area = self.screen().availableGeometry()
        fm = self.fontMetrics()
        names = [self.ui.formatList.item(i).text() for i in range(self.ui.formatList.count())]
        text = max([fm.horizontalAdvance(n) for n in names] + [fm.horizontalAdvance("M" * 20)]) + 8 * fm.height()
        width = min(max(text, int(0.3 * area.width()), 26 * fm.height(), self.width()), int(0.9 * area.width()))
        height = min(max(int(0.6 * area.height()), 34 * fm.height(), self.height()), int(0.9 * area.height()))
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def updateItemList(self, select=None):
        super().updateItemList(select)
        self.retranslate_items()

    def retranslate_items(self):
        """The tree of what to export ("Entire Scene", "Plot", "ViewBox") in the current language."""
        texts = _export_texts()
        stack = [self.ui.itemTree.topLevelItem(i) for i in range(self.ui.itemTree.topLevelItemCount())]
        while stack:
            tree_item = stack.pop()
            english = getattr(tree_item, "english", None) or tree_item.text(0)
            tree_item.english = english
            tree_item.setText(0, texts.get(english, english))
            stack.extend(tree_item.child(i) for i in range(tree_item.childCount()))

    def exportFormatChanged(self, item, prev):
        super().exportFormatChanged(item, prev)
        params = self.currentExporter.parameters() if item is not None and self.currentExporter else None
        if params is None:
            return
        texts = _export_texts()
        for child in params.children():  # list choices shown translated; the exporter still reads its values
            limits = child.opts.get("limits")
            if child.type() == "list" and isinstance(limits, list) and all(isinstance(v, str) for v in limits):
                child.setLimits({texts.get(v, v): v for v in limits})
            elif child.type() == "str" and child.value() in texts:
                child.setValue(texts[child.value()])
        tree = self.ui.paramTree
        tree.setParameters(params, showTop=False)  # no row "params": the label above says Export options
        top = tree.topLevelItem(0)  # the hidden "params" row: the options are its children
        titles = [top.child(i).text(0) for i in range(top.childCount())] if top is not None else []
        header = tree.header()  # the names whole (ResizeToContents cut them to "分..."), the values the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fm = tree.fontMetrics()
        tree.setColumnWidth(0, max([fm.horizontalAdvance(t) for t in titles] + [0]) + 2 * fm.height())


_export_dialog.ExportDialog = ExportDialog

# A colour-blind-friendly cycle (Okabe–Ito), readable on light and dark backgrounds.
COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def foreground() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.WindowText)


class Plot(pg.PlotWidget):
    """A PlotWidget that follows the application palette and keeps its labels' texts for re-styling."""

    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._labels = {}
        self.getPlotItem().showGrid(x=True, y=True, alpha=0.2)
        self.apply_palette()

    def set_labels(self, bottom: str, left: str, title: str | None = None):
        """Axis labels (with units in the text) and an optional title; call again after a language change."""
        self._labels = {"bottom": bottom, "left": left, "title": title}
        self._draw_labels()

    def _draw_labels(self):
        color = foreground().name()
        style = {"color": color, "font-size": "10pt"}
        item = self.getPlotItem()
        if isinstance(item.legend, KeptLegend):
            item.legend.restyle()
        elif item.legend is not None:
            item.legend.setLabelTextColor(foreground())
            for _, label in item.legend.items:
                label.setText(label.text)  # setLabelTextColor alone does not redraw existing labels
        if self._labels:
            item.setLabel("bottom", self._labels["bottom"], **style)
            item.setLabel("left", self._labels["left"], **style)
            if self._labels.get("title"):
                item.setTitle(self._labels["title"], color=color, size="11pt")

    def apply_palette(self):
        palette = QApplication.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        pen = pg.mkPen(foreground())
        item = self.getPlotItem()
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            axis.setPen(pen)
            axis.setTextPen(pen)
        self._draw_labels()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.PaletteChange and self.getPlotItem() is not None:
            self.apply_palette()
        elif event.type() == QEvent.Type.LanguageChange and self.scene() is not None:
            retranslate_pyqtgraph(self.scene())
        super().changeEvent(event)


# pyqtgraph sets the texts of its right-click menus once, when a plot is built, with
# QCoreApplication.translate (resources/i18n/pyqtgraph_<lang>.qm). A live language switch has to set them again
# with the same calls: pyqtgraph's own UI templates know how (retranslateUi); the menu titles are redone here.
_translate = QCoreApplication.translate
_PLOT_OPTIONS = ("Transforms", "Downsample", "Average", "Alpha", "Grid", "Points")  # PlotItem's ctrlMenu, in order


class _NoForm:
    """Stands for a template's form widget that pyqtgraph has discarded: retranslateUi only sets its title."""

    @staticmethod
    def setWindowTitle(_title):
        pass


def retranslate_pyqtgraph(scene) -> None:
    """Re-set, in the current language, pyqtgraph's texts in `scene`: every ViewBox menu (View All, X/Y axis with
    their controls, Mouse Mode), every PlotItem's Plot Options, the scene's Export... and its export dialog."""
    for item in scene.items():
        if isinstance(getattr(item, "menu", None), ViewBoxMenu) and isinstance(item, pg.ViewBox):
            _retranslate_viewbox_menu(item.menu)
        elif isinstance(item, pg.PlotItem):
            item.ctrlMenu.setTitle(_translate("PlotItem", "Plot Options"))
            for action, name in zip(item.ctrlMenu.actions(), _PLOT_OPTIONS, strict=False):
                action.setText(_translate("PlotItem", name))
            item.ctrl.retranslateUi(_NoForm)
    scene.contextMenu[0].setText(_translate("GraphicsScene", "Export..."))
    dialog = scene.exportDialog
    if dialog is not None:
        dialog.ui.retranslateUi(dialog)
        if isinstance(dialog, ExportDialog):
            dialog.retranslate_items()
        if dialog.ui.itemTree.currentItem() is not None:  # the format list and its exporter's parameters
            row = dialog.ui.formatList.currentRow()
            dialog.updateFormatList()
            dialog.ui.formatList.setCurrentRow(max(row, 0))


def _retranslate_viewbox_menu(menu: ViewBoxMenu) -> None:
    menu.setTitle(_translate("ViewBox", "ViewBox options"))
    menu.viewAll.setText(_translate("ViewBox", "View All"))
    x_menu, y_menu, mouse_menu = [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)][:3]
    x_menu.setTitle(f"X {_translate('ViewBox', 'axis')}")
    y_menu.setTitle(f"Y {_translate('ViewBox', 'axis')}")
    mouse_menu.setTitle(_translate("ViewBox", "Mouse Mode"))
    menu.mouseModes[0].setText(_translate("ViewBox", "3 button"))
    menu.mouseModes[1].setText(_translate("ViewBox", "1 button"))
    for ui in menu.ctrl:
        ui.retranslateUi(_NoForm)
    menu.updateState()  # retranslateUi also resets the range fields to "0"


def pen(index: int, width: float = 2.0, **kwargs):
    """The index-th colour of the cycle as a cosmetic pen."""
    return pg.mkPen(COLORS[index % len(COLORS)], width=width, **kwargs)


CORNERS = ((1, 0), (0, 0), (1, 1), (0, 1))  # top-right, top-left, bottom-right, bottom-left (x, y anchors)
LINE_STEP = 6.0  # pixels: a drawn line counts as points this far apart (a sparse curve's lines are data too)
POINT_WEIGHT = 10  # a data point under a legend is worse than a stretch of line or of a marker line


def _drawn_pixels(curve, to_px, to_py):
    """The pixels (from the view's top-left) a data item draws, and their weights: its points (POINT_WEIGHT) and,
    when it draws lines, points along each segment at most LINE_STEP apart (1)."""
    x, y = curve.getData() if curve.isVisible() else (None, None)
    if x is None or not len(x):
        return np.empty(0), np.empty(0), np.empty(0)
    with np.errstate(invalid="ignore", over="ignore"):
        px, py = to_px(np.asarray(x, dtype=float)), to_py(np.asarray(y, dtype=float))
        opts = getattr(curve, "opts", {})
        pen_ = opts.get("pen")
        draws_lines = pen_ is not None and pg.mkPen(pen_).style() != Qt.PenStyle.NoPen and len(px) > 1
        if not draws_lines or opts.get("connect") == "pairs":
            return px, py, np.full(len(px), POINT_WEIGHT)
        dx, dy = np.diff(px), np.diff(py)
        gaps = np.nan_to_num(np.ceil(np.hypot(dx, dy) / LINE_STEP), nan=1.0, posinf=1.0).clip(1, 400).astype(int)
        start = np.repeat(np.arange(len(dx)), gaps)
        t = np.arange(len(start)) - np.repeat(np.cumsum(gaps) - gaps, gaps)
        weight = np.append(np.where(t == 0, POINT_WEIGHT, 1), POINT_WEIGHT)
        t = t / np.repeat(gaps, gaps)
        return (np.append(px[start] + t * dx[start], px[-1:]), np.append(py[start] + t * dy[start], py[-1:]), weight)


def _marks_pixels(box, view, to_px, to_py):
    """What else the view shows that a legend should not hide: a text's box (filled with points LINE_STEP apart)
    and a vertical or horizontal line (points along it), as pixels from the view's top-left, each of weight 1."""
    out = []
    for item in getattr(box, "addedItems", []):
        if not item.isVisible():
            continue
        if isinstance(item, pg.TextItem) and item.textItem.toPlainText().strip():
            r = item.sceneBoundingRect()
            xs = np.arange(r.left(), r.right() + 1, LINE_STEP) - view.left()
            ys = np.arange(r.top(), r.bottom() + 1, LINE_STEP) - view.top()
            gx, gy = np.meshgrid(xs, ys)
            out.append((gx.ravel(), gy.ravel(), np.ones(gx.size)))
        elif isinstance(item, pg.InfiniteLine) and item.angle % 90 == 0:
            if item.angle % 180 == 90:  # vertical
                ys = np.arange(0, view.height(), LINE_STEP)
                out.append((np.full_like(ys, to_px(item.value())), ys, np.ones(len(ys))))
            else:
                xs = np.arange(0, view.width(), LINE_STEP)
                out.append((xs, np.full_like(xs, to_py(item.value())), np.ones(len(xs))))
    return out


def place_legend(plot, legend, margin: int = 8, prefer=None) -> tuple[int, int]:
    """Put `legend` in the corner of `plot` where it covers the fewest drawn points and lines, texts and marker
    lines (top-right first on a tie, or `prefer`, the corner it has now: it does not hop about), so it does not
    hide the data; returns the corner chosen. (Plot geometry only: what is drawn is mapped to the view's pixels
    and the pixels under the legend counted, in each corner.)"""
    item = plot.getPlotItem()
    box = item.getViewBox()
    view = box.sceneBoundingRect()
    pg.LegendItem.updateSize(legend)  # items added since the last layout count too
    width, height = legend.boundingRect().width(), legend.boundingRect().height()
    order = ((prefer,) if prefer in CORNERS else ()) + tuple(c for c in CORNERS if c != prefer)
    if view.width() <= width + 2 * margin or view.height() <= height + 2 * margin:
        best = order[0]
    else:
        (x0, x1), (y0, y1) = box.viewRange()
        if x1 <= x0 or y1 <= y0:
            return order[0]
        p0, p1 = box.mapViewToScene(pg.Point(x0, y0)), box.mapViewToScene(pg.Point(x1, y1))  # inverted axes too
        sx, sy = (p1.x() - p0.x()) / (x1 - x0), (p1.y() - p0.y()) / (y1 - y0)
        pixels = [_drawn_pixels(curve, lambda x: p0.x() - view.left() + (x - x0) * sx,
                                lambda y: p0.y() - view.top() + (y - y0) * sy)
                  for curve in item.listDataItems()]
        pixels += _marks_pixels(box, view, lambda x: p0.x() - view.left() + (x - x0) * sx,
                                lambda y: p0.y() - view.top() + (y - y0) * sy)
        px = np.concatenate([p[0] for p in pixels]) if pixels else np.empty(0)
        py = np.concatenate([p[1] for p in pixels]) if pixels else np.empty(0)
        weights = np.concatenate([p[2] for p in pixels]) if pixels else np.empty(0)

        def covered(corner):
            left = margin if corner[0] == 0 else view.width() - margin - width
            top = margin if corner[1] == 0 else view.height() - margin - height
            with np.errstate(invalid="ignore"):  # NaN gaps in a curve: never under a legend
                under = (px >= left) & (px <= left + width) & (py >= top) & (py <= top + height)
            return float(weights[under].sum())

        best = min(order, key=covered)
    offset = (margin if best[0] == 0 else -margin, margin if best[1] == 0 else -margin)
    legend.anchor(itemPos=best, parentPos=best, offset=offset)
    return best


def legend_brush():
    """A see-through background in the palette's base colour: a legend stays readable where it must cross data."""
    color = QColor(QApplication.palette().color(QPalette.ColorRole.Base))
    color.setAlpha(215)
    return pg.mkBrush(color)


class KeptLegend(pg.LegendItem):
    """A legend that keeps itself where it covers the least data (place_legend): placed again, a moment later,
    whenever its entries, the plotted data, the visible range or the plot's size change."""

    def __init__(self, plot, **kwargs):
        kwargs.setdefault("brush", legend_brush())
        super().__init__(**kwargs)
        self.plot = plot
        self.corner = CORNERS[0]
        self._watched = set()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.place)
        box = plot.getPlotItem().getViewBox()
        box.sigResized.connect(self.schedule)
        box.sigRangeChanged.connect(self.schedule)
        box.childGroup.itemsChangedListeners.append(self)  # a curve added or removed

    def itemsChanged(self):
        self.schedule()

    def schedule(self, *_):
        self._timer.start()

    def updateSize(self):
        super().updateSize()
        self.schedule()

    def place(self):
        """Watch every data item's changes, then move to the emptiest corner now."""
        try:
            items = self.plot.getPlotItem().listDataItems()
        except RuntimeError:  # the plot is gone
            return
        for curve in items:
            if id(curve) not in self._watched and hasattr(curve, "sigPlotChanged"):
                self._watched.add(id(curve))
                curve.sigPlotChanged.connect(self.schedule)
                if hasattr(curve, "visibleChanged"):
                    curve.visibleChanged.connect(self.schedule)
        self.corner = place_legend(self.plot, self, prefer=self.corner)

    def restyle(self):
        """Background, frame and text in the palette's colours (after a palette change)."""
        self.setBrush(legend_brush())
        self.setLabelTextColor(foreground())
        for _, label in self.items:
            label.setText(label.text)  # setLabelTextColor alone does not redraw existing labels


def add_legend(plot, **kwargs) -> KeptLegend:
    """The plot's legend (made on the first call): a KeptLegend in the corner where it covers the least data,
    on a see-through background; curves plotted with a name join it, as with pyqtgraph's addLegend."""
    item = plot.getPlotItem()
    if not isinstance(item.legend, KeptLegend):
        item.legend = KeptLegend(plot, **kwargs)
        item.legend.setParentItem(item.vb)
        item.legend.anchor(itemPos=CORNERS[0], parentPos=CORNERS[0], offset=(-8, 8))
    return item.legend


class LegendBelow(pg.LegendItem):
    """A legend in a row of its own under the plot's x axis, its entries side by side: for a plot whose data
    fills every corner (the gradient field's arrows), where any legend inside would hide some."""

    def updateSize(self):
        place = self.pos()
        super().updateSize()  # pyqtgraph's sizing also moves the legend to (0, 0), over the plot's top-left
        self.setPos(place)  # where the plot's layout put it
        self.updateGeometry()  # the plot's layout gives the row the new height


def legend_below(plot, columns: int = 2) -> LegendBelow:
    """A LegendBelow for `plot` (entries added with its addItem)."""
    item = plot.getPlotItem()
    legend = LegendBelow(colCount=columns, frame=False)
    item.layout.addItem(legend, 4, 1)
    item.layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
    return legend


def pale_lut(n: int, mix: float, name: str = "viridis") -> np.ndarray:
    """n colours of a colormap blended `mix` of the way toward white, so what is drawn over the bands (arrows,
    paths) stays readable on every one."""
    rgb = pg.colormap.get(name).getLookupTable(0.0, 1.0, n, alpha=False).astype(np.float64)
    return (rgb * (1 - mix) + 255 * mix).astype(np.uint8)


def band_colour_bar(bands: int, lut: np.ndarray, width: int) -> Plot:
    """A narrow plot showing `bands` colour bands of `lut` stacked upwards, labelled on its right axis (the
    caller sets the ticks at the band edges)."""
    bar = Plot()
    bar.setFixedWidth(width)
    bar.setMouseEnabled(False, False)
    bar.setMenuEnabled(False)
    bar.hideButtons()
    bar.getPlotItem().showGrid(x=False, y=False)
    for axis in ("left", "bottom"):
        bar.hideAxis(axis)
    bar.showAxis("right")
    image = pg.ImageItem(np.arange(bands, dtype=np.float64).reshape(bands, 1), axisOrder="row-major")
    image.setLookupTable(lut)
    image.setLevels([0, bands])
    image.setRect(QRectF(0, 0, 1, bands))
    bar.addItem(image)
    bar.setRange(xRange=(0, 1), yRange=(-0.4, bands + 0.4), padding=0)  # room for the end labels
    return bar
