"""The loss landscape's plots: the surface as colour bands and contour lines with the paths on it, a colour bar,
and the loss along each path.

Draws a state.landscape (engine.lab.net_landscape's plane and the rows so far): bands and lines from
engine.lab.contours (the one contour implementation), as the Gradient field tab colours its surface.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from engine.lab import contours, net_landscape
from gui.widgets.panel_helpers import Retranslated
from gui.widgets.plots import COLORS, Plot, add_legend, band_colour_bar, foreground, pale_lut

BANDS = 12
CONTOUR_PEN = pg.mkPen((0, 0, 0, 80), width=1)  # as the Gradient field tab draws lines over its bands
IMAGE_PIXELS = 161  # the colour bands are drawn from the surface interpolated onto this grid
PATH_COLORS = (COLORS[3], COLORS[0])  # this run, the compared run
BAND_MIX = 0.35  # the bands blended toward white: the paths stay readable on every one


def band_edges(Z, n=BANDS):
    """n + 1 band edges: the lowest and highest loss and, between them, the Descent map's contour heights
    (engine.lab.contours.quantile_levels: closer together near the bottom, where the path ends)."""
    z = Z[np.isfinite(Z)]
    inner = contours.quantile_levels(z, n - 1)
    edges = np.unique(np.concatenate([[z.min()], inner, [z.max()]]))
    if len(edges) < 2:
        edges = np.array([z.min(), z.min() + 1.0])
    return edges


class LandscapeView(Retranslated, QWidget):
    """The map (bands, contours, paths with start and end), its colour bar, and the loss along the paths."""

    def __init__(self):
        super().__init__()
        self.map = Plot()
        self.map.setMinimumSize(300, 220)
        self.map.getPlotItem().showGrid(False, False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pale_lut(BANDS, BAND_MIX))
        self.image.setLevels([0, BANDS])
        self.image.setZValue(-10)
        self.contours = pg.PlotCurveItem(connect="pairs", antialias=False, pen=CONTOUR_PEN)  # dark on pale bands
        self.map.addItem(self.image)
        self.map.addItem(self.contours)
        self.legend = add_legend(self.map)
        self.paths, self.starts, self.ends = [], [], []
        for color in PATH_COLORS:
            path = pg.PlotDataItem(pen=pg.mkPen(color, width=2.5), symbol="o", symbolSize=5, symbolBrush=color,
                                   symbolPen=None)
            start = pg.ScatterPlotItem(symbol="o", size=13, brush=None, pen=pg.mkPen(color, width=2.5))
            end = pg.ScatterPlotItem(symbol="star", size=18, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1))
            for item in (path, start, end):
                self.map.addItem(item)
            self.paths.append(path)
            self.starts.append(start)
            self.ends.append(end)
        self.bar = band_colour_bar(BANDS, pale_lut(BANDS, BAND_MIX), 88)
        self.along = Plot()
        self.along.setMinimumHeight(150)
        self.along_curves = [self.along.plot(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                             symbolBrush=color, symbolPen=None) for color in PATH_COLORS]
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.map, 1)
        row.addWidget(self.bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.along)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.labels = ("", "")  # the two paths' legend texts
        self.shown = None  # the landscape drawn
        self.levels = None  # its band edges
        self.palette_changed()
        self.retranslate()

    def retranslate(self):
        self.map.set_labels(self.tr("α (along direction 1)"), self.tr("β (along direction 2)"),
                            self.tr("Loss L(θ + α·d1 + β·d2)"))
        self.map.setToolTip(self.tr("The loss over a plane of weight space through the final weights θ (α = β = 0); "
                                    "drag to pan, wheel to zoom"))
        self.bar.setToolTip(self.tr("Colour bands: the loss at the band edges"))
        self.bar.setAccessibleName(self.tr("Colour bar: the loss"))
        self.bar.getAxis("right").setLabel(self.tr("loss"), color=foreground().name())
        self.along.set_labels(self.tr("epoch"), self.tr("loss L"), self.tr("The loss along the path (on the same "
                                                                            "images)"))

    def palette_changed(self):
        """The legend's box in the window's base colour (its text readable on the pale bands in either palette)."""
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        self.legend.setBrush(pg.mkBrush(base.red(), base.green(), base.blue(), 215))
        self.legend.setPen(pg.mkPen(foreground()))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.palette_changed()
            self.bar.getAxis("right").setLabel(self.tr("loss"), color=foreground().name())

    def set_labels(self, labels):
        """The legends: this run's and the compared run's names ("" for a path not shown)."""
        self.labels = labels
        self.legend.clear()  # the loss-along-the-path plot uses the same colours
        for item, text in zip(self.paths, labels, strict=True):
            if text:
                self.legend.addItem(item, text)
        self.map.apply_palette()
        self.along.apply_palette()

    def clear(self):
        self.shown, self.levels = None, None
        self.labels = ("", "")
        self.legend.clear()  # no paths, no names (the page names them again, in its language, when drawn)
        self.image.clear()
        self.contours.setData([], [])
        for item in (*self.paths, *self.starts, *self.ends, *self.along_curves):
            item.setData([], [])
        self.bar.getAxis("right").setTicks([[], []])

    def draw(self, land):
        """The landscape `land` (state.landscape) with the rows that have arrived; the paths when it is new."""
        plane = land.plane
        alphas, betas, Z = plane["alphas"], plane["betas"], land.Z
        if self.shown is not land:
            self.shown = land
            self._draw_paths(land)
            a, b = alphas[[0, -1]]
            c, d = betas[[0, -1]]
            self.map.getPlotItem().getViewBox().setRange(xRange=(a, b), yRange=(c, d), padding=0.02)
        if not np.isfinite(Z).any():
            return
        levels = band_edges(Z)
        self.levels = levels
        fa, fb, fine = net_landscape.refine(alphas, betas, Z, IMAGE_PIXELS)
        self.image.setImage(contours.bands(fine, levels) * (BANDS / (len(levels) - 1)), autoLevels=False,
                            levels=[0, BANDS])
        da, db = (fa[1] - fa[0]) / 2, (fb[1] - fb[0]) / 2  # pixel centres on the grid points
        self.image.setRect(QRectF(fa[0] - da, fb[0] - db, fa[-1] - fa[0] + 2 * da, fb[-1] - fb[0] + 2 * db))
        self.contours.setData(*contours.contour_segments(alphas, betas, Z, levels[1:-1]))
        scale = BANDS / (len(levels) - 1)  # fewer edges (a flat surface) still span the bar
        ticks = [(k * scale, f"{v:.3g}") for k, v in enumerate(levels) if k % 2 == 0]
        self.bar.getAxis("right").setTicks([ticks, []])

    def _draw_paths(self, land):
        plane = land.plane
        runs = ((plane["coords"], plane["losses"]), (plane["other_coords"], plane["other_losses"]))
        for k, ((coords, losses), path) in enumerate(zip(runs, land.paths, strict=True)):
            has = path is not None and len(coords) > 0
            self.paths[k].setData(coords[:, 0], coords[:, 1]) if has else self.paths[k].setData([], [])
            self.starts[k].setData(*([[coords[0, 0]], [coords[0, 1]]] if has else [[], []]))
            self.ends[k].setData(*([[coords[-1, 0]], [coords[-1, 1]]] if has else [[], []]))
            epochs = path.epochs[:len(losses)] if has else []
            self.along_curves[k].setData(epochs, losses if has else [])

    def path_points(self, k=0):
        """(x, y) of path k as drawn (for tests); empty arrays when it is not drawn."""
        x, y = self.paths[k].getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (x, y)
