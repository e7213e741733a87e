"""pyqtgraph plots styled from the Qt palette (light or dark), with axis labels, legend and export.

Export is pyqtgraph's own: right-click a plot → Export… (PNG, SVG, CSV).
"""
from __future__ import annotations

import importlib.util

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
from PySide6.QtCore import QCoreApplication, QEvent, QRectF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")


def offer_working_exporters() -> None:
    """pyqtgraph's Export… lists a Matplotlib window, which silently does nothing without matplotlib (not one of
    our dependencies): it is offered only where matplotlib is installed."""
    from pyqtgraph.exporters import Exporter

    if importlib.util.find_spec("matplotlib") is None:
        Exporter.Exporters[:] = [e for e in Exporter.Exporters if e.__name__ != "MatplotlibExporter"]


offer_working_exporters()

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
        if item.legend is not None:
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


def place_legend(plot, legend, margin: int = 8) -> tuple[int, int]:
    """Put `legend` in the corner of `plot` where it covers the fewest drawn points (top-right first on a tie),
    so it does not hide the data; returns the corner chosen. Call it after the curves change. (Plot geometry only:
    the curves' points are mapped to the view's pixels and those under the legend counted, in each corner.)"""
    item = plot.getPlotItem()
    box = item.getViewBox()
    view = box.sceneBoundingRect()
    legend.updateSize()  # items added since the last layout count too
    width, height = legend.boundingRect().width(), legend.boundingRect().height()
    if view.width() <= width + 2 * margin or view.height() <= height + 2 * margin:
        return CORNERS[0]
    (x0, x1), (y0, y1) = box.viewRange()
    xs, ys = [], []
    for curve in item.listDataItems():
        x, y = curve.getData() if curve.isVisible() else (None, None)
        if x is not None and len(x):
            xs.append(np.asarray(x, dtype=float))
            ys.append(np.asarray(y, dtype=float))
    if not xs or x1 <= x0 or y1 <= y0:
        return CORNERS[0]
    with np.errstate(invalid="ignore"):  # NaN gaps in a curve: never under a legend
        px = (np.concatenate(xs) - x0) / (x1 - x0) * view.width()  # pixels from the view's left
        py = (y1 - np.concatenate(ys)) / (y1 - y0) * view.height()  # pixels from its top

    def covered(corner):
        left = margin if corner[0] == 0 else view.width() - margin - width
        top = margin if corner[1] == 0 else view.height() - margin - height
        with np.errstate(invalid="ignore"):
            return int(np.count_nonzero((px >= left) & (px <= left + width) & (py >= top) & (py <= top + height)))

    best = min(CORNERS, key=covered)
    offset = (margin if best[0] == 0 else -margin, margin if best[1] == 0 else -margin)
    legend.anchor(itemPos=best, parentPos=best, offset=offset)
    return best


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
