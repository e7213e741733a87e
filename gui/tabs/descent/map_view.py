"""The Descent tab's map: the surface's contour lines, each optimizer's path and point, and (when paused or
stepping) the gradient's direction and the next step as arrows. A click chooses the start point; so do the arrow
keys while the map has the focus (Tab reaches it; a click leaves the focus where it is, so → still steps).

Every frame updates existing plot items with setData; `render` is also what an exported frame shows.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QVBoxLayout, QWidget

from engine.lab import contours
from engine.lab import descent as dl
from engine.surfaces import SURFACES
from gui.tabs.descent import geometry
from gui.tabs.descent.common import RUN_COLORS, cache, legend_brush, run_label
from gui.widgets.access import KeyMover, name_plot, nice_step
from gui.widgets.panel_helpers import Retranslated
from gui.widgets.plots import Plot, add_legend, foreground

MARKERS_UP_TO = 400  # vertex markers on a path only while it is short enough to read them
CONTOUR_GRID = 141  # grid points per side of the view for the contour lines (their levels come from it)
CONTOUR_COUNT = 14


class MapView(Retranslated, QWidget):
    """The map plot and its items: contours, minimum, start, and per optimizer a path, a point and two arrows."""

    clicked = Signal(float, float)  # the user clicked (x0, x1) on the map

    def __init__(self):
        super().__init__()
        self.plot = Plot()
        self.plot.setAspectLocked(True)
        self.plot.setMinimumSize(320, 260)
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.showGrid(False, False)  # the contours are the grid here; a grid costs milliseconds a frame
        self.contours = pg.PlotCurveItem(connect="pairs", antialias=False)
        self.contours.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.contours)
        self.minimum_marker = pg.ScatterPlotItem(symbol="+", size=14, pen=pg.mkPen("#888", width=2), brush=None)
        self.plot.addItem(self.minimum_marker)
        self.start_marker = pg.ScatterPlotItem(symbol="o", size=14, brush=None)
        self.plot.addItem(self.start_marker)
        self.legend = add_legend(self.plot)
        self.path_items, self.point_items, self.step_items, self.grad_items = {}, {}, {}, {}
        for name in dl.OPTIMIZER_ORDER:
            color = RUN_COLORS[name]
            self.path_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                                    symbolBrush=color, symbolPen=None, connect="finite")
            self.grad_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                                                    connect="finite")
            self.step_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=3), connect="finite")
            self.point_items[name] = pg.ScatterPlotItem(size=13, brush=pg.mkBrush(color))
            for it in (self.path_items[name], self.grad_items[name], self.step_items[name], self.point_items[name]):
                self.plot.addItem(it)
                it.setVisible(False)
        self.legend.clear()
        cache(self.legend, self.plot.getAxis("left"), self.plot.getAxis("bottom"))
        self.grad_sample = pg.PlotDataItem(pen=pg.mkPen("#888", width=1.5, style=Qt.PenStyle.DashLine))
        self.step_sample = pg.PlotDataItem(pen=pg.mkPen("#888", width=3))
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.clicks_enabled = True
        self.start = None  # the start point drawn, (x0, x1): where the arrow keys move it from
        self._step = 0
        self.mover = KeyMover(self.plot, self.key_move, click_focus=False)
        self._drawn_surface = None
        self._legend_runs = None  # (state, names) the legend shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def draw_surface(self, surface):
        """Contour lines, minimum and view of `surface` (only when it is not the one drawn)."""
        if self._drawn_surface is surface:
            return
        self._drawn_surface = surface
        levels = contours.quantile_levels(surface.grid(CONTOUR_GRID)[2], CONTOUR_COUNT)  # from the view itself
        X0, X1, Z = surface.grid(3 * CONTOUR_GRID, margin=1.0)  # drawn over 3× the view: no empty corners
        self.contours.setData(*contours.contour_segments(X0[0], X1[:, 0], Z, levels))
        self.minimum_marker.setData(*([[surface.minimum[0]], [surface.minimum[1]]] if surface.minimum else [[], []]))
        a, b, c, d = surface.view
        self.plot.getPlotItem().getViewBox().setRange(xRange=(a, b), yRange=(c, d), padding=0.02)
        self.palette_changed()

    def relabel(self, state, names):
        """The legend: each run with its learning rate, then what the two arrows mean."""
        self._legend_runs = (state, names)
        self.legend.clear()
        for name in names:
            self.legend.addItem(self.path_items[name], run_label(state, name))
        self.legend.addItem(self.grad_sample, self.tr("∇f direction"))
        self.legend.addItem(self.step_sample, self.tr("next step"))
        self.plot.apply_palette()  # legend text colour

    def render(self, state, descent, k, arrows=False, stepping=False):
        """Set every item to step k: arrows when asked, thicker for a step about to be taken (`stepping`)."""
        surface = SURFACES[state.surface]
        size = geometry.view_size(surface)
        box = geometry.display_box(surface)
        self.start_marker.setData([state.start[0]], [state.start[1]])
        self.start, self._step = tuple(state.start), k
        self.describe()
        frames = {f.name: f for f in descent.frame(k)}
        for name in dl.OPTIMIZER_ORDER:
            f = frames.get(name)
            for item in (self.path_items[name], self.point_items[name]):
                item.setVisible(f is not None)
            draw_arrows = f is not None and (arrows or stepping) and f.next_point is not None
            self.step_items[name].setVisible(draw_arrows)
            self.grad_items[name].setVisible(draw_arrows)
            if f is None:
                continue
            path_item = self.path_items[name]
            want_markers = len(f.path) <= MARKERS_UP_TO
            if want_markers != (path_item.opts["symbol"] is not None):
                path_item.setSymbol("o" if want_markers else None)
            path = geometry.clip_path(f.path, box)
            path_item.setData(path[:, 0], path[:, 1])
            self.point_items[name].setData([f.point[0]], [f.point[1]])
            if draw_arrows:
                self._draw_arrows(name, f, size, box, width=4.5 if stepping else 3)

    def _draw_arrows(self, name, f, size, box, width):
        step = geometry.arrow(f.point, f.next_point, 0.03 * size)
        head = geometry.gradient_arrow(f.point, f.gradient, 0.08 * size)
        grad = geometry.arrow(f.point, head, 0.025 * size) if head is not None else np.zeros((0, 2))
        step = geometry.clip_segments(step[0::2], step[1::2], box)
        grad = geometry.clip_segments(grad[0::2], grad[1::2], box)
        self.step_items[name].setData(step[:, 0], step[:, 1])
        self.grad_items[name].setData(grad[:, 0], grad[:, 1])
        self.step_items[name].setPen(pg.mkPen(RUN_COLORS[name], width=width))

    def image(self):
        """What the map shows now, as a QImage (an exported frame)."""
        return self.plot.grab().toImage()

    def widget_point(self, x0: float, x1: float):
        """Where (x0, x1) is on the map, in the plot widget's own pixels (for tests and tools)."""
        vb = self.plot.getPlotItem().getViewBox()
        return self.plot.mapFromScene(vb.mapViewToScene(QPointF(x0, x1)))

    def _on_click(self, event):
        if event.button() != Qt.MouseButton.LeftButton or not self.clicks_enabled:
            return
        vb = self.plot.getPlotItem().getViewBox()
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        event.accept()
        self.clicked.emit(round(p.x(), 3), round(p.y(), 3))

    def key_move(self, dx, dy):
        """The arrow keys choose the start as a click does (`clicked`), a round step of the view away (Shift: a
        tenth of it)."""
        if self.start is None or not self.clicks_enabled:
            return
        (lo, hi), _ = self.plot.getPlotItem().getViewBox().viewRange()
        step = nice_step(hi - lo)
        self.clicked.emit(round(self.start[0] + dx * step, 6), round(self.start[1] + dy * step, 6))

    def describe(self):
        """The map's accessible name (its title) and description: the start and the step shown."""
        text = "" if self.start is None else self.tr("start (%1, %2), step %3").replace(
            "%1", f"{self.start[0]:g}").replace("%2", f"{self.start[1]:g}").replace("%3", str(self._step))
        name_plot(self.plot, text)

    def palette_changed(self):
        fg = foreground()
        line = QColor(fg)
        line.setAlpha(90)
        self.contours.setPen(pg.mkPen(line, width=1))
        self.start_marker.setPen(pg.mkPen(fg, width=1.5))
        background = QApplication.palette().color(QPalette.ColorRole.Base)
        for item in self.point_items.values():
            item.setPen(pg.mkPen(background, width=1.5))
        self.legend.setBrush(legend_brush())

    def retranslate(self):
        self.plot.setToolTip(self.tr("Click to start from that point; drag to pan, wheel to zoom. With the map "
                                     "focused (Tab), the arrow keys move the start, Shift+arrows by a tenth"))
        self.plot.set_labels(self.tr("x0"), self.tr("x1"), self.tr("Contours of f and the descent"))
        self.describe()
        if self._legend_runs is not None:
            self.relabel(*self._legend_runs)
