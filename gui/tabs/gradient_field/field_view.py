"""The Gradient field tab's plot: f as filled contour bands with the arrows of ∓∇f, a colour bar, the picked point."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from engine.lab import contours
from engine.lab import field as field_lab
from gui.tabs.gradient_field.arrows import arrow_segments, field_arrows, point_arrow_length
from gui.widgets.access import KeyMover, name
from gui.widgets.plots import COLORS, Plot, band_colour_bar, foreground, legend_below, pale_lut

BANDS = 12
IMAGE_PIXELS = 200
ARROW_PEN = pg.mkPen("#1b1b1b", width=1.3)
CONTOUR_PEN = pg.mkPen((0, 0, 0, 80), width=1)
POINT_PEN = pg.mkPen(COLORS[3], width=3.5)


BAND_MIX = 0.45  # the bands blended toward white: the dark arrows stay readable on every one


@dataclass
class Drawn:
    """What the last redraw showed: the arrows' field and scale, and how the bands were spaced."""

    field: field_lab.Field
    arrow_scale: float | None
    spacing_used: str
    finite: bool  # False when f is not a finite number anywhere in the view


class FieldViewBox(pg.ViewBox):
    """A ViewBox that pans and zooms as usual and reports left clicks in data coordinates."""

    clicked = Signal(float, float)

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            p = self.mapSceneToView(ev.scenePos())
            self.clicked.emit(p.x(), p.y())
        else:
            super().mouseClickEvent(ev)


class FieldView(QWidget):
    """The field plot and its colour bar; draws a surface over the visible range as the state asks."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.drawn = None
        self.view_box = FieldViewBox()
        self.plot = Plot(viewBox=self.view_box)
        self.plot.setAspectLocked(True)  # equal scales: the arrows cross the contour lines at right angles
        self.plot.setMenuEnabled(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pale_lut(BANDS, BAND_MIX))
        self.image.setLevels([0, BANDS])
        self.image.setZValue(-10)
        self.contours = pg.PlotDataItem(connect="pairs", pen=CONTOUR_PEN)
        self.arrows = pg.PlotDataItem(connect="pairs", pen=ARROW_PEN)
        self.legend = legend_below(self.plot)  # the arrows fill the view: no corner is free
        self.minimum_marker = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush("w"),
                                                 pen=pg.mkPen("k", width=1.2))
        self.point_vector = pg.PlotDataItem(connect="pairs", pen=POINT_PEN)
        self.point_marker = pg.ScatterPlotItem(symbol="o", size=10, brush=pg.mkBrush(COLORS[3]),
                                               pen=pg.mkPen("w", width=1.5))
        for item in (self.image, self.contours, self.arrows, self.minimum_marker, self.point_vector,
                     self.point_marker):
            self.plot.addItem(item)
        self._has_minimum = False
        self._build_colour_bar()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.bar_plot)
        self._gradient = None  # ∇f at the picked point, as last drawn (the plot's accessible description)
        self.mover = KeyMover(self.plot, self.key_move)
        self.retranslate()

    def _build_colour_bar(self):
        self.bar_plot = band_colour_bar(BANDS, pale_lut(BANDS, BAND_MIX), 96)

    def retranslate(self):
        self.plot.set_labels(self.tr("x0"), self.tr("x1"))
        self.plot.setToolTip(self.tr(
            "Click a point to see ∇f there (with the plot focused, the arrow keys move it; Shift: a tenth). "
            "Drag to pan, use the wheel to zoom; right-click to export."))
        self.bar_plot.setToolTip(self.tr("Colour bands: the values of f at the band edges"))
        name(self.plot, self.tr("Gradient field: contours of f and the arrows"))
        name(self.bar_plot, self.tr("Colour bar: the values of f"))
        self.describe_point()
        self.show_legend()

    def show_legend(self):
        """The legend names the point's arrow (−∇f or +∇f) and, when the surface has one, the minimum."""
        self.legend.clear()
        sign = "+" if self.state.ascent else "−"
        self.legend.addItem(self.point_vector, self.tr("%1∇f at the point (longer scale)").replace("%1", sign))
        if self._has_minimum:
            self.legend.addItem(self.minimum_marker, self.tr("minimum"))
        self.palette_changed()

    def palette_changed(self):
        axis = self.bar_plot.getAxis("right")
        axis.setLabel(self.tr("f(x0, x1)"), color=foreground().name())
        self.legend.setLabelTextColor(foreground())
        for _, label in self.legend.items:
            label.setText(label.text)

    def current_view(self):
        """The visible range (x0_min, x0_max, x1_min, x1_max)."""
        (lo0, hi0), (lo1, hi1) = self.view_box.viewRange()
        return (lo0, hi0, lo1, hi1)

    def set_view(self, view):
        lo0, hi0, lo1, hi1 = view
        self.view_box.setRange(xRange=(lo0, hi0), yRange=(lo1, hi1), padding=0.04)

    def redraw(self, surface):
        """Bands, contour lines, arrows and the minimum of `surface` over the visible range; returns a Drawn."""
        view = self.current_view()
        s = self.state
        x0, x1, z = field_lab.surface_image(surface, view, IMAGE_PIXELS)
        levels, spacing_used = contours.contour_levels(z, BANDS, s.spacing)
        self.image.setImage(contours.bands(z, levels), autoLevels=False, levels=[0, BANDS])
        self.image.setRect(QRectF(view[0], view[2], view[1] - view[0], view[3] - view[2]))
        self.contours.setData(*contours.contour_segments(x0, x1, z, levels[1:-1]))
        field = field_lab.gradient_field(surface, view, s.step, sign=s.sign)
        ax, ay, scale = field_arrows(field, s.scale)
        self.arrows.setData(ax, ay)
        m = surface.minimum
        self.minimum_marker.setData([m[0]], [m[1]]) if m else self.minimum_marker.setData([], [])
        if (m is not None) != self._has_minimum:
            self._has_minimum = m is not None
            self.show_legend()
        ticks = [(k, f"{v:.3g}") for k, v in enumerate(levels) if k % 2 == 0 or len(levels) <= 8]
        self.bar_plot.getAxis("right").setTicks([ticks, []])
        self.drawn = Drawn(field, scale, spacing_used, bool(np.isfinite(z).any()))
        self.draw_point(surface)
        return self.drawn

    def key_move(self, dx, dy):
        """The arrow keys pick the next point as a click does (view_box.clicked), ten clicks' resolution away
        (Shift: one); the first press picks the middle of the view."""
        lo0, hi0, lo1, hi1 = self.current_view()
        p = self.state.point
        if p is None:
            self.view_box.clicked.emit((lo0 + hi0) / 2, (lo1 + hi1) / 2)
            return
        step = 10 * field_lab.click_resolution(hi0 - lo0, max(self.view_box.width(), 1.0) / 2)  # as a click snaps
        self.view_box.clicked.emit(p[0] + dx * step, p[1] + dy * step)

    def describe_point(self, gradient=None):
        """The plot's accessible description: the picked point and ∇f there (`gradient`, else the last drawn)."""
        p = self.state.point
        self._gradient = gradient = gradient if gradient is not None else self._gradient
        if p is None or gradient is None:
            text = self.tr("No point picked: click the plot, or press an arrow key while it has the focus")
        else:
            text = self.tr("point (%1, %2): ∇f = (%3, %4)").replace("%1", f"{p[0]:g}").replace(
                "%2", f"{p[1]:g}").replace("%3", f"{gradient[0]:.4g}").replace("%4", f"{gradient[1]:.4g}")
        self.plot.setAccessibleDescription(text)

    def draw_point(self, surface):
        """The picked point and its arrow sign·∇f, on a longer scale than the grid's arrows."""
        p = self.state.point
        if p is None or self.drawn is None:
            self.point_marker.setData([], [])
            self.point_vector.setData([], [])
            self._gradient = None
            self.describe_point()
            return
        numerical, _ = field_lab.gradient_at(surface, p)
        self.describe_point(numerical)
        g = self.state.sign * numerical
        length = point_arrow_length(g, self.drawn.field, self.current_view(), self.state.scale)
        self.point_vector.setData(*arrow_segments([p[0]], [p[1]], [g[0]], [g[1]], length))
        self.point_marker.setData([p[0]], [p[1]])

    def widget_point(self, x: float, y: float) -> QPointF:
        """Where data point (x, y) is on the field plot, in the plot widget's own pixels (for tests and tools)."""
        return self.plot.mapFromScene(self.view_box.mapViewToScene(QPointF(x, y)))
