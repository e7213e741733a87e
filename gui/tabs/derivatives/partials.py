"""Partial derivatives of the book's f(x0, x1) = x0² + x1² (4.3.3): a map of f with the point (drag it) and the
two slices through it, each the ordinary derivative along one variable with the other held fixed.

    ∂f/∂x0 = slope of t ↦ f(t, x1) at t = x0 (exactly 2·x0)
    ∂f/∂x1 = slope of t ↦ f(x0, t) at t = x1 (exactly 2·x1)
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSplitter

from engine.lab import contours
from engine.lab import derivatives as lab
from gui.tabs.derivatives.common import DragPoint, Page, bold, full, left_panel, quiet, selectable, three_panes
from gui.tabs.derivatives.plotting import polylines
from gui.tabs.derivatives.state import BOOK_POINT, PARTIAL_LIMIT
from gui.widgets.access import KeyMover, name_plot
from gui.widgets.explanation import Explanation
from gui.widgets.plots import COLORS, Plot, add_legend, pen

SPAN = 3.0  # the slices reach this far either side of the point; the map one more
PURPLE = "#B084E8"  # the x1 slice: a purple that reads as purple (the explanation names it), on the map too
CONTOURS = 8
KEY_STEP = 0.1  # an arrow key moves the point this far (Shift: a tenth, the drag's own rounding)
READOUTS = ("d0", "e0", "d1", "e1")


class PartialsPage(Page):
    """The third page: the point (p0, p1) of the state on a map of f and its two slices."""

    def __init__(self, state):
        super().__init__(state)
        self._build_controls()
        self._build_map()
        self._build_slices()
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.map_plot)
        middle.addWidget(self.slices)
        middle.setSizes([340, 340])
        self.explanation = Explanation()
        three_panes(self, left_panel(self.box, self.readout_box, width=290), middle,
                    self.explanation, sizes=(280, 700, 300))
        self.retranslate()

    def _build_controls(self):
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.p_spins = []
        self.p_labels = []
        for i in range(2):
            spin = QDoubleSpinBox()
            spin.setRange(-PARTIAL_LIMIT, PARTIAL_LIMIT)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, i=i: self.set_coordinate(i, v))
            label = QLabel()
            form.addRow(label, spin)
            self.p_spins.append(spin)
            self.p_labels.append(label)
        self.book_point_button = QPushButton()
        self.book_point_button.clicked.connect(lambda: self.move_point(*BOOK_POINT))
        form.addRow(self.book_point_button)
        self.readout_box = QGroupBox()
        pr = QFormLayout(self.readout_box)
        self.readout_names = {k: QLabel() for k in READOUTS}
        self.readout = {k: selectable(QLabel()) for k in READOUTS}
        for k in READOUTS:
            if k.startswith("d"):
                self.readout[k].setFont(bold())
            pr.addRow(self.readout_names[k], self.readout[k])

    def _build_map(self):
        self.map_plot = Plot()
        self.map_plot.setAspectLocked(True)
        self.map_image = pg.ImageItem()
        self.map_image.setColorMap(pg.colormap.get("viridis"))
        self.map_plot.addItem(self.map_image)
        self.colorbar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"), interactive=False, width=12)
        self.colorbar.setImageItem(self.map_image, insert_in=self.map_plot.getPlotItem())  # f's value per colour
        self.contour_lines = pg.PlotCurveItem(pen=pg.mkPen((255, 255, 255, 110), width=1), antialias=False)
        self.map_plot.addItem(self.contour_lines, ignoreBounds=True)
        self.slice_line0 = self.map_plot.plot(pen=pen(1, 2))
        self.slice_line1 = self.map_plot.plot(pen=pg.mkPen(PURPLE, width=3))
        self.map_point = DragPoint(pos=(self.state.p0, self.state.p1), size=14, symbol="o", movable=True,
                                   pen=pg.mkPen("w", width=2), brush=pg.mkBrush(COLORS[3]))
        self.map_point.dragged.connect(self.on_map_dragged)
        self.map_plot.addItem(self.map_point)
        self.mover = KeyMover(self.map_plot, self.key_move)
        self.map_plot.getViewBox().sigRangeChanged.connect(lambda *_: self.refresh_map())

    def _build_slices(self):
        self.slice_plots = []
        self.slice_items = []
        self.slices = QSplitter(Qt.Orientation.Vertical)
        for i in range(2):
            plot = Plot()
            add_legend(plot)
            curve = plot.plot(pen=pen(1) if i == 0 else pg.mkPen(PURPLE, width=2), name="")
            tangent = plot.plot(pen=pen(2, 2, style=Qt.PenStyle.DashLine), name="")
            dot = plot.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[3], pen=None)
            self.slice_plots.append(plot)
            self.slice_items.append((curve, tangent, dot))
            self.slices.addWidget(plot)

    # ------------------------------------------------------------------ the user's actions → the state
    def set_coordinate(self, i, value):
        point = [self.state.p0, self.state.p1]
        point[i] = value
        self.move_point(*point)

    def move_point(self, p0, p1, keep_view=False):
        self.state.p0, self.state.p1 = float(p0), float(p1)
        self.refresh(keep_view)

    def on_map_dragged(self, x, y):
        limit = PARTIAL_LIMIT
        self.move_point(np.clip(round(x, 2), -limit, limit), np.clip(round(y, 2), -limit, limit), keep_view=True)

    def key_move(self, dx, dy):
        """The arrows move the point as a drag does (DragPoint.dragged); the view follows a point leaving it."""
        self.map_point.dragged.emit(self.state.p0 + dx * KEY_STEP, self.state.p1 + dy * KEY_STEP)
        (lo0, hi0), (lo1, hi1) = self.map_plot.getViewBox().viewRange()
        if not (lo0 <= self.state.p0 <= hi0 and lo1 <= self.state.p1 <= hi1):
            self.refresh()

    # ------------------------------------------------------------------ the state → the view
    def refresh(self, keep_view=False):
        s = self.state
        with quiet(*self.p_spins):
            self.p_spins[0].setValue(s.p0)
            self.p_spins[1].setValue(s.p1)
        sl = lab.partial_slices(s.p0, s.p1, span=SPAN)
        t0, t1 = sl["x0"]["t"], sl["x1"]["t"]
        self.slice_line0.setData(t0, np.full_like(t0, s.p1))
        self.slice_line1.setData(np.full_like(t1, s.p0), t1)
        self.map_point.setPos(s.p0, s.p1)
        if not keep_view:
            span = SPAN + 1
            self.map_plot.setRange(QRectF(s.p0 - span, s.p1 - span, 2 * span, 2 * span), padding=0)
        self.refresh_map()
        for i, name in enumerate(("x0", "x1")):
            self._show_slice(i, name, sl[name])
        for i, name in enumerate(("x0", "x1")):
            self.readout[f"d{i}"].setText(full(sl[name]["slope"]))
            self.readout[f"e{i}"].setText(full(sl[name]["exact"]))
        name_plot(self.map_plot, self.tr("point (%1, %2): ∂f/∂x0 = %3, ∂f/∂x1 = %4").replace(
            "%1", f"{s.p0:g}").replace("%2", f"{s.p1:g}").replace("%3", f"{sl['x0']['slope']:.4f}").replace(
            "%4", f"{sl['x1']['slope']:.4f}"))

    def _show_slice(self, i, name, d):
        """The slice along `name` (d from engine.lab.derivatives.partial_slices) on its plot, titled by its slope."""
        curve, tangent, dot = self.slice_items[i]
        curve.setData(d["t"], d["values"])
        tangent.setData(d["t"], d["tangent"])
        dot.setData([d["at"]], [d["value"]])
        other = ("x1", self.state.p1) if i == 0 else ("x0", self.state.p0)
        plot = self.slice_plots[i]
        title = self.tr("%1 = %2 fixed: slope %3").replace("%1", other[0]).replace(
            "%2", f"{other[1]:g}").replace("%3", f"{d['slope']:.6f}")
        plot.set_labels(name, self.tr("f(x0, x1)"), title)
        legend = plot.getPlotItem().legend
        legend.clear()
        legend.addItem(curve, self.tr("f along %1").replace("%1", name))
        legend.addItem(tangent, self.tr("tangent"))
        plot.setXRange(d["t"][0], d["t"][-1], padding=0.02)
        low = min(np.nanmin(d["values"]), np.nanmin(d["tangent"]))
        high = max(np.nanmax(d["values"]), np.nanmax(d["tangent"]))
        plot.setYRange(low, high, padding=0.05)

    def refresh_map(self):
        """f over exactly what the map shows, so the picture fills it at any zoom or aspect, with its contours."""
        (lo0, hi0), (lo1, hi1) = self.map_plot.getViewBox().viewRange()
        if not all(np.isfinite((lo0, hi0, lo1, hi1))) or hi0 <= lo0 or hi1 <= lo1:
            return
        a, b, Z = lab.surface_grid(self.state.p0, self.state.p1, view=(lo0, hi0, lo1, hi1))
        self.map_image.setImage(Z, autoLevels=False)
        self.colorbar.setLevels((float(np.nanmin(Z)), float(np.nanmax(Z))))  # the bar and the image: f in view
        self.map_image.setRect(QRectF(a[0], b[0], a[-1] - a[0], b[-1] - b[0]))
        x, y = contours.contour_segments(a, b, Z, contours.sqrt_levels(Z, CONTOURS))
        self.contour_lines.setData(*polylines(x, y), connect="finite")

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.box.setTitle(self.tr("f(x0, x1) = x0² + x1²"))
        self.p_labels[0].setText(self.tr("x0"))
        self.p_labels[1].setText(self.tr("x1"))
        self.p_spins[0].setToolTip(self.tr("The point's x0; you can also drag the point on the map"))
        self.p_spins[1].setToolTip(self.tr("The point's x1; you can also drag the point on the map"))
        self.book_point_button.setText(self.tr("The book's point (3, 4)"))
        self.book_point_button.setToolTip(self.tr("Back to x0 = 3, x1 = 4"))
        self.readout_box.setTitle(self.tr("Partial derivatives (central difference)"))
        names = {
            "d0": self.tr("∂f/∂x0 (x1 fixed)"),
            "e0": self.tr("exact 2·x0"),
            "d1": self.tr("∂f/∂x1 (x0 fixed)"),
            "e1": self.tr("exact 2·x1"),
        }
        for k, text in names.items():
            self.readout_names[k].setText(text)
        self.map_plot.set_labels(self.tr("x0"), self.tr("x1"), self.tr("f(x0, x1): drag the point"))
        self.map_point.setToolTip(self.tr("Drag me: both slices follow"))
        self.map_plot.setToolTip(self.tr("Drag the point; with the map focused (Tab), the arrow keys move it by "
                                         "0.1, Shift+arrows by 0.01"))
        self.explanation.setHtml(self.tr(
            "<h3>Partial derivatives</h3>"
            "<p>f(x0, x1) = x0² + x1² has two variables. A <b>partial derivative</b> is the ordinary "
            "derivative along one of them while the other is held fixed.</p>"
            "<p>∂f/∂x0 at (3, 4): fix x1 = 4, so f becomes a function of x0 alone, x0² + 16 (the orange slice "
            "across the map). Its slope at x0 = 3 is 6.00000000000378 by the central difference (exactly 6).</p>"
            "<p>∂f/∂x1 at (3, 4): fix x0 = 3, f = 9 + x1² (the purple slice). Its slope at x1 = 4 is "
            "7.999999999999119 (exactly 8).</p>"
            "<p>Both together form the <b>gradient</b> (∂f/∂x0, ∂f/∂x1) = (6, 8): the subject of the "
            "next tab.</p>"))
        self.refresh()
