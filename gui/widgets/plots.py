"""pyqtgraph plots styled from the Qt palette (light or dark), with axis labels, legend and export.

Export is pyqtgraph's own: right-click a plot → Export… (PNG, SVG, CSV).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")

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
        super().changeEvent(event)


def pen(index: int, width: float = 2.0, **kwargs):
    """The index-th colour of the cycle as a cosmetic pen."""
    return pg.mkPen(COLORS[index % len(COLORS)], width=width, **kwargs)
