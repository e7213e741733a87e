"""Gradient field tab: a surface as filled contours with the −∇f arrows on a grid; click a point for ∇f there."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine import expr
from engine.lab import field as field_lab
from gui import expr_messages
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.plots import COLORS, Plot, foreground

SURFACE_KEYS = ("sphere", "ellipse", "saddle", "rosenbrock", "himmelblau", field_lab.CUSTOM_KEY)
BANDS = 12
IMAGE_PIXELS = 200
ARROW_PEN = pg.mkPen("#1b1b1b", width=1.3)
CONTOUR_PEN = pg.mkPen((0, 0, 0, 80), width=1)
POINT_PEN = pg.mkPen(COLORS[3], width=3.5)
ERROR_STYLE = "color: #D55E00;"


def pale_lut(n=BANDS, name="viridis", mix=0.45):
    """n colours of a colormap blended toward white, so dark arrows stay readable on every band."""
    rgb = pg.colormap.get(name).getLookupTable(0.0, 1.0, n, alpha=False).astype(np.float64)
    return (rgb * (1 - mix) + 255 * mix).astype(np.uint8)


@dataclass
class FieldState:
    """What the tab shows: which surface (or the typed text), the grid and arrows, the picked point."""

    key: str = "sphere"
    text: str = "x0**2 + x1**2"
    step: float = 0.25
    scale: str = "proportional"  # or "equal"
    spacing: str = "auto"  # or "linear" / "log"
    ascent: bool = False  # True: draw +∇f (where f rises fastest) instead of −∇f
    point: tuple[float, float] | None = (0.0, 2.0)


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


class GradientFieldTab(Tab):
    key = "gradient_field"

    def __init__(self):
        super().__init__()
        self.state = FieldState()
        self.surface = field_lab.surface_for(self.state.key)
        self.field = None
        self.arrow_scale = None
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(30)
        self._redraw_timer.timeout.connect(self.redraw)
        self._build()
        self.retranslate()
        self.apply_defaults()
        self.set_point(self.state.point)

    def title(self):
        return self.tr("Gradient field")

    # ------------------------------------------------------------------ building
    def _build(self):
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.surface_box = QGroupBox()
        form = QFormLayout(self.surface_box)
        self.surface_combo = QComboBox()
        for key in SURFACE_KEYS:
            self.surface_combo.addItem("", key)
        self.surface_combo.activated.connect(self.on_surface_chosen)
        self.function_edit = QLineEdit(self.state.text)
        self.function_edit.returnPressed.connect(self.apply_typed_function)
        self.function_button = QPushButton()
        self.function_button.clicked.connect(self.apply_typed_function)
        row = QHBoxLayout()
        row.addWidget(self.function_edit, 1)
        row.addWidget(self.function_button)
        self.function_error = QLabel()
        self.function_error.setStyleSheet(ERROR_STYLE)
        self.function_error.setWordWrap(True)
        self.function_caret = QLabel()  # the text and a caret under the fault, in a fixed-width font
        self.function_caret.setStyleSheet(ERROR_STYLE)
        self.function_caret.setTextFormat(Qt.TextFormat.PlainText)
        self.function_caret.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.function_caret.setFont(mono)
        self.function_caret.hide()
        self.surface_label, self.function_label = QLabel(), QLabel()
        form.addRow(self.surface_label, self.surface_combo)
        form.addRow(self.function_label, row)
        form.addRow(self.function_error)
        form.addRow(self.function_caret)

        self.arrows_box = QGroupBox()
        form = QFormLayout(self.arrows_box)
        self.ascent_check = QCheckBox()
        self.ascent_check.toggled.connect(self.set_ascent)
        self.step_spin = QDoubleSpinBox()
        self.step_spin.setRange(0.01, 100.0)
        self.step_spin.setDecimals(3)
        self.step_spin.setSingleStep(0.05)
        self.step_spin.setValue(self.state.step)
        self.step_spin.valueChanged.connect(self.set_step)
        self.scale_combo = QComboBox()
        self.scale_combo.addItem("", "proportional")
        self.scale_combo.addItem("", "equal")
        self.scale_combo.currentIndexChanged.connect(
            lambda _: self.set_scale(self.scale_combo.currentData()))
        self.spacing_combo = QComboBox()
        for s in field_lab.SPACINGS:
            self.spacing_combo.addItem("", s)
        self.spacing_combo.currentIndexChanged.connect(
            lambda _: self.set_spacing(self.spacing_combo.currentData()))
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_view)
        self.step_label, self.scale_label, self.spacing_label = QLabel(), QLabel(), QLabel()
        self.scale_note = QLabel()
        self.scale_note.setWordWrap(True)
        self.scale_note.setStyleSheet("color: gray;")
        form.addRow(self.ascent_check)
        form.addRow(self.step_label, self.step_spin)
        form.addRow(self.scale_label, self.scale_combo)
        form.addRow(self.spacing_label, self.spacing_combo)
        form.addRow(self.reset_button)
        form.addRow(self.scale_note)

        self.point_box = QGroupBox()
        form = QFormLayout(self.point_box)
        self.x0_spin, self.x1_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.x0_spin, self.x1_spin):
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(4)
            spin.setSingleStep(0.25)
            spin.valueChanged.connect(self.on_point_typed)
        prow = QHBoxLayout()
        prow.addWidget(self.x0_spin)
        prow.addWidget(self.x1_spin)
        self.point_label = QLabel()
        form.addRow(self.point_label, prow)
        self.value_label, self.numerical_label, self.analytic_label = QLabel(), QLabel(), QLabel()
        self.value_text, self.numerical_text, self.analytic_text = QLabel(), QLabel(), QLabel()
        for w in (self.value_text, self.numerical_text, self.analytic_text):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setWordWrap(True)
            w.setFont(mono)
        self.angle_text = QLabel()
        self.angle_text.setWordWrap(True)
        form.addRow(self.value_label, self.value_text)
        form.addRow(self.numerical_label, self.numerical_text)
        form.addRow(self.analytic_label, self.analytic_text)
        form.addRow(self.angle_text)

        for combo in (self.surface_combo, self.scale_combo, self.spacing_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        for spin in (self.step_spin, self.x0_spin, self.x1_spin):
            spin.setMinimumWidth(70)
        self.function_edit.setMinimumWidth(80)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        for w in (self.surface_box, self.arrows_box, self.point_box):
            left_layout.addWidget(w)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(320)
        left_scroll.setMaximumWidth(380)

        # Middle: the field and its colour bar
        self.view_box = FieldViewBox()
        self.view_box.clicked.connect(self.on_plot_clicked)
        self.plot = Plot(viewBox=self.view_box)
        self.plot.setAspectLocked(True)  # equal scales: the arrows cross the contour lines at right angles
        self.plot.setMenuEnabled(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pale_lut())
        self.image.setLevels([0, BANDS])
        self.image.setZValue(-10)
        self.contours = pg.PlotDataItem(connect="pairs", pen=CONTOUR_PEN)
        self.arrows = pg.PlotDataItem(connect="pairs", pen=ARROW_PEN)
        self.legend = self.plot.addLegend(offset=(8, 8))
        self.minimum_marker = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush("w"),
                                                 pen=pg.mkPen("k", width=1.2))
        self.point_vector = pg.PlotDataItem(connect="pairs", pen=POINT_PEN)
        self.point_marker = pg.ScatterPlotItem(symbol="o", size=10, brush=pg.mkBrush(COLORS[3]),
                                               pen=pg.mkPen("w", width=1.5))
        for item in (self.image, self.contours, self.arrows, self.minimum_marker, self.point_vector,
                     self.point_marker):
            self.plot.addItem(item)
        self.view_box.sigRangeChanged.connect(lambda *_: self._redraw_timer.start())

        self.bar_plot = Plot()
        self.bar_plot.setFixedWidth(96)
        self.bar_plot.setMouseEnabled(False, False)
        self.bar_plot.setMenuEnabled(False)
        self.bar_plot.hideButtons()
        self.bar_plot.getPlotItem().showGrid(x=False, y=False)
        for axis in ("left", "bottom"):
            self.bar_plot.hideAxis(axis)
        self.bar_plot.showAxis("right")
        self.bar_image = pg.ImageItem(np.arange(BANDS, dtype=np.float64).reshape(BANDS, 1), axisOrder="row-major")
        self.bar_image.setLookupTable(pale_lut())
        self.bar_image.setLevels([0, BANDS])
        self.bar_image.setRect(QRectF(0, 0, 1, BANDS))
        self.bar_plot.addItem(self.bar_image)
        self.bar_plot.setRange(xRange=(0, 1), yRange=(-0.4, BANDS + 0.4), padding=0)  # room for the end labels

        middle = QWidget()
        mid_layout = QHBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addWidget(self.plot, 1)
        mid_layout.addWidget(self.bar_plot)

        self.explanation = Explanation()
        self.explanation.setMinimumWidth(260)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(middle)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 640, 290])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.surface_box.setTitle(self.tr("Surface"))
        self.arrows_box.setTitle(self.tr("Arrows"))
        self.point_box.setTitle(self.tr("Gradient at a point"))
        names = {
            "sphere": self.tr("x0² + x1² (the book's 4.4)"),
            "ellipse": self.tr("x0²/20 + x1² (chapter 6)"),
            "saddle": self.tr("x0² − x1² (a saddle)"),
            "rosenbrock": self.tr("Rosenbrock (1 − x0)² + 100(x1 − x0²)²"),
            "himmelblau": self.tr("Himmelblau (x0² + x1 − 11)² + (x0 + x1² − 7)²"),
            field_lab.CUSTOM_KEY: self.tr("Your function f(x0, x1)"),
        }
        for i, key in enumerate(SURFACE_KEYS):
            self.surface_combo.setItemText(i, names[key])
        self.surface_label.setText(self.tr("f(x0, x1)"))
        self.surface_combo.setToolTip(self.tr("The surface to draw: its contours and gradient arrows"))
        self.function_label.setText(self.tr("Type f"))
        self.function_edit.setToolTip(self.tr(
            "Type a function of x0 and x1 and press Enter, e.g. x0**2 + 3*x1**2 or sin(x0)*cos(x1). "
            "Allowed: + − * / ** ( ), numbers, pi, e, sin, cos, exp, log, sqrt, tanh, abs, …"))
        self.function_edit.setPlaceholderText(self.tr("e.g. x0**2 + 3*x1**2"))
        self.function_button.setText(self.tr("Draw"))
        self.function_button.setToolTip(self.tr("Draw the function typed on the left"))
        self.ascent_check.setText(self.tr("Show +∇f (uphill) instead of −∇f"))
        self.ascent_check.setToolTip(self.tr(
            "Unticked: arrows show −∇f, where f falls fastest (gradient descent walks this way). "
            "Ticked: arrows show ∇f itself, where f rises fastest."))
        self.step_label.setText(self.tr("Grid step"))
        self.step_spin.setToolTip(self.tr(
            "Distance between neighbouring arrows (the book uses 0.25); smaller means a denser grid"))
        self.scale_label.setText(self.tr("Arrow length"))
        self.scale_combo.setItemText(0, self.tr("proportional to |∇f|"))
        self.scale_combo.setItemText(1, self.tr("all equal (direction only)"))
        self.scale_combo.setToolTip(self.tr(
            "Proportional: the longest arrow fills most of a grid step, the others in proportion. "
            "Equal: every arrow has the same length, so directions are visible where ∇f is tiny."))
        self.spacing_label.setText(self.tr("Contour levels"))
        self.spacing_combo.setItemText(0, self.tr("automatic"))
        self.spacing_combo.setItemText(1, self.tr("evenly spaced"))
        self.spacing_combo.setItemText(2, self.tr("logarithmic (shows valleys)"))
        self.spacing_combo.setToolTip(self.tr(
            "How the colour bands are spaced in f. Logarithmic spacing gives the low valley of "
            "Rosenbrock or Himmelblau most of the bands; automatic picks it when most of the view is low."))
        self.reset_button.setText(self.tr("Reset view"))
        self.reset_button.setToolTip(self.tr(
            "Back to this surface's own view and grid step (drag the plot to pan, use the wheel to zoom)"))
        self.point_label.setText(self.tr("x = (x0, x1)"))
        self.x0_spin.setToolTip(self.tr("x0 of the point (or click the plot)"))
        self.x1_spin.setToolTip(self.tr("x1 of the point (or click the plot)"))
        self.value_label.setText(self.tr("f(x)"))
        self.numerical_label.setText(self.tr("∇f numerical"))
        self.analytic_label.setText(self.tr("∇f analytic"))
        self.numerical_label.setToolTip(self.tr(
            "numerical_gradient(f, x) with h = 1e-4: central differences (f(x + h) − f(x − h)) / 2h"))
        self.analytic_label.setToolTip(self.tr("The gradient from the formula's derivatives"))
        self.plot.set_labels(self.tr("x0"), self.tr("x1"))
        self.plot.setToolTip(self.tr(
            "Click a point to see ∇f there. Drag to pan, use the wheel to zoom; right-click to export."))
        self.bar_plot.setToolTip(self.tr("Colour bands: the values of f at the band edges"))
        if getattr(self, "_error", None):
            self.show_function_error(*self._error)
        self.legend.clear()
        sign = "+" if self.state.ascent else "−"
        self.legend.addItem(self.point_vector, self.tr("%1∇f at the point (longer scale)").replace("%1", sign))
        self._legend_has_minimum = self.surface.minimum is not None
        if self._legend_has_minimum:
            self.legend.addItem(self.minimum_marker, self.tr("minimum"))
        self.palette_changed()
        self.explanation.setHtml(self.tr(
            "<h3>The gradient</h3>"
            "<p>∇f = (∂f/∂x0, ∂f/∂x1): the vector of all partial derivatives. At every point it points where "
            "f <b>rises fastest</b>; its length says how steep that is. Its negative −∇f points where f "
            "<b>falls fastest</b>: the direction gradient descent steps in, x ← x − η∇f.</p>"
            "<p>The book draws −∇f of f = x0² + x1² on x0, x1 ∈ [−2, 2] with step 0.25: every arrow points to "
            "the minimum at (0, 0), and the arrows shrink near it because the slope is gentle there. "
            "The arrows cross the contour lines at right angles.</p>"
            "<p><b>Not always toward the minimum.</b> On x0²/20 + x1² the arrows point mostly across the long "
            "valley, not along it to (0, 0). On the saddle, ∇f = 0 at (0, 0) but it is no minimum. On "
            "Rosenbrock the arrows fall into the curved valley, far from the minimum at (1, 1).</p>"
            "<p><b>Click the plot</b> to see ∇f at that point, computed numerically with the central difference "
            "(h = 10<sup>−4</sup>) and from the formula. For x0² + x1²: (3, 4) → [6, 8], (0, 2) → [0, 4]. "
            "A function you type has no formula for its derivatives here: only the numerical gradient.</p>"
            "<p>Drag to pan, use the wheel to zoom; the arrows and contours follow.</p>"))
        self.refresh_readout()
        self.refresh_scale_note()

    def palette_changed(self):
        if not hasattr(self, "legend"):
            return
        axis = self.bar_plot.getAxis("right")
        axis.setLabel(self.tr("f(x0, x1)"), color=foreground().name())
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        self.legend.setBrush(pg.mkBrush(base.red(), base.green(), base.blue(), 215))
        self.legend.setPen(pg.mkPen(foreground()))
        self.legend.setLabelTextColor(foreground())
        for _, label in self.legend.items:
            label.setText(label.text)

    # ------------------------------------------------------------------ actions
    def on_surface_chosen(self, index):
        key = self.surface_combo.itemData(index)
        if key == field_lab.CUSTOM_KEY:
            if not self.apply_typed_function():
                self._select_combo(self.state.key)  # the previous surface stays on screen
            return
        self.show_function_error()
        self.set_surface(field_lab.surface_for(key))

    def apply_typed_function(self):
        """Parse the typed text; on success draw it, else show where it is wrong and keep the old surface."""
        text = self.function_edit.text()
        try:
            surface = field_lab.surface_from_text(text)
        except expr.ExprError as err:
            self.show_function_error(text, err)
            return False
        self.show_function_error()
        self.state.text = text
        self.set_surface(surface)
        return True

    def show_function_error(self, text="", err=None):
        """The inline message for a typed function that cannot be read (no arguments: clear it)."""
        self._error = (text, err) if err is not None else None
        if err is None:
            self.function_error.setText("")
            self.function_caret.setText("")
            self.function_caret.hide()
            return
        self.function_error.setText(self.tr("Cannot read this function: %1").replace("%1", expr_messages.message(err)))
        self.function_caret.setText(expr_messages.caret_lines(text, err))
        self.function_caret.setVisible(err.position is not None)

    def set_surface(self, surface):
        new_kind = surface.key != self.state.key or surface.key != field_lab.CUSTOM_KEY
        self.surface = surface
        self.state.key = surface.key
        self._select_combo(surface.key)
        if new_kind:
            self.apply_defaults()
        else:  # a new typed function keeps the view the user is looking at
            self.redraw()

    def _select_combo(self, key):
        self.surface_combo.blockSignals(True)
        self.surface_combo.setCurrentIndex(SURFACE_KEYS.index(key))
        self.surface_combo.blockSignals(False)

    def apply_defaults(self):
        """This surface's own view, step and arrow scaling."""
        d = field_lab.field_defaults(self.state.key)
        self.state.step = d.step
        self.state.scale = d.scale
        for widget, setter in ((self.step_spin, lambda: self.step_spin.setValue(d.step)),
                               (self.scale_combo, lambda: self.scale_combo.setCurrentIndex(
                                   field_lab.SCALE_MODES.index(d.scale)))):
            widget.blockSignals(True)
            setter()
            widget.blockSignals(False)
        self.set_view(d.view)

    def set_view(self, view):
        lo0, hi0, lo1, hi1 = view
        self.view_box.setRange(xRange=(lo0, hi0), yRange=(lo1, hi1), padding=0.04)
        self.redraw()

    def reset_view(self):
        self.apply_defaults()

    def set_step(self, step):
        self.state.step = float(step)
        self.redraw()

    def set_scale(self, mode):
        self.state.scale = mode
        self.redraw()

    def set_spacing(self, spacing):
        self.state.spacing = spacing
        self.redraw()

    def set_ascent(self, on):
        self.state.ascent = bool(on)
        self.retranslate()  # the legend says −∇f or +∇f
        self.redraw()

    def on_plot_clicked(self, x, y):
        (lo0, hi0), _ = self.view_box.viewRange()
        pixels = max(self.view_box.width(), 1.0) / 2  # clicks snap to about 2 screen pixels
        res = field_lab.click_resolution(hi0 - lo0, pixels)
        self.set_point((field_lab.snap(x, res), field_lab.snap(y, res)))

    def on_point_typed(self, _=None):
        self.set_point((self.x0_spin.value(), self.x1_spin.value()), update_spins=False)

    def set_point(self, point, update_spins=True):
        self.state.point = None if point is None else (float(point[0]), float(point[1]))
        if update_spins and point is not None:
            for spin, v in ((self.x0_spin, point[0]), (self.x1_spin, point[1])):
                spin.blockSignals(True)
                spin.setValue(v)
                spin.blockSignals(False)
        self.draw_point()
        self.refresh_readout()

    # ------------------------------------------------------------------ views
    def current_view(self):
        (lo0, hi0), (lo1, hi1) = self.view_box.viewRange()
        return (lo0, hi0, lo1, hi1)

    def redraw(self):
        """Contours and arrows over the visible range (called after every pan, zoom or setting change)."""
        self._redraw_timer.stop()
        view = self.current_view()
        s = self.state
        x0, x1, z = field_lab.surface_image(self.surface, view, IMAGE_PIXELS)
        self.levels, self.spacing_used = field_lab.contour_levels(z, BANDS, s.spacing)
        self.image.setImage(field_lab.bands(z, self.levels), autoLevels=False, levels=[0, BANDS])
        self.image.setRect(QRectF(view[0], view[2], view[1] - view[0], view[3] - view[2]))
        cx, cy = field_lab.contour_segments(x0, x1, z, self.levels[1:-1])
        self.contours.setData(cx, cy)
        self.finite = bool(np.isfinite(z).any())
        self.field = field_lab.gradient_field(self.surface, view, s.step, sign=1 if s.ascent else -1)
        ax, ay, self.arrow_scale = field_lab.field_arrows(self.field, s.scale)
        self.arrows.setData(ax, ay)
        m = self.surface.minimum
        self.minimum_marker.setData([m[0]], [m[1]]) if m else self.minimum_marker.setData([], [])
        if (m is not None) != self._legend_has_minimum:
            self.retranslate()
        self.draw_colour_bar()
        self.draw_point()
        self.refresh_readout()
        self.refresh_scale_note()

    def draw_colour_bar(self):
        ticks = [(k, f"{v:.3g}") for k, v in enumerate(self.levels) if k % 2 == 0 or len(self.levels) <= 8]
        self.bar_plot.getAxis("right").setTicks([ticks, []])

    def draw_point(self):
        p = self.state.point
        if p is None or self.field is None:
            self.point_marker.setData([], [])
            self.point_vector.setData([], [])
            return
        numerical, _ = field_lab.gradient_at(self.surface, p)
        g = numerical if self.state.ascent else -numerical
        length = field_lab.point_arrow_length(g, self.field, self.current_view(), self.state.scale)
        vx, vy = field_lab.arrow_segments([p[0]], [p[1]], [g[0]], [g[1]], length)
        self.point_vector.setData(vx, vy)
        self.point_marker.setData([p[0]], [p[1]])

    def refresh_readout(self):
        if not hasattr(self, "numerical_text"):
            return
        p = self.state.point
        if p is None:
            for w in (self.value_text, self.numerical_text, self.analytic_text):
                w.setText("—")
            self.angle_text.setText(self.tr("Click the plot to pick a point."))
            return
        numerical, analytic = field_lab.gradient_at(self.surface, p)
        self.value_label.setText(self.tr("f(%1, %2)").replace("%1", f"{p[0]:g}").replace("%2", f"{p[1]:g}"))
        self.value_text.setText(f"{field_lab.value_at(self.surface, p):.12g}")
        self.numerical_text.setText("[" + ", ".join(repr(float(v)) for v in numerical) + "]")
        if analytic is None:
            self.analytic_text.setText(self.tr("none for a typed function: the numerical gradient only"))
            self.analytic_text.setFont(QFont())
        else:
            self.analytic_text.setText("[" + ", ".join(f"{float(v):.12g}" for v in analytic) + "]")
            self.analytic_text.setFont(self.numerical_text.font())
        angle = field_lab.angle_to_minimum(p, -numerical, self.surface.minimum)
        if not np.all(np.isfinite(numerical)):
            self.angle_text.setText(self.tr("f overflows near this point: the gradient is not a finite number."))
        elif not np.any(numerical):
            self.angle_text.setText(self.tr("∇f = 0 here: no direction is downhill (a flat spot: minimum, "
                                            "maximum or saddle)."))
        elif angle is None:
            self.angle_text.setText("")
        else:
            self.angle_text.setText(self.tr("−∇f here points %1° away from the straight line to the minimum.")
                                    .replace("%1", f"{angle:.1f}"))

    def refresh_scale_note(self):
        if self.field is None:
            return
        notes = []
        if not self.finite:
            notes.append(self.tr("f is not a finite number anywhere in this view."))
        if self.arrow_scale is None:
            notes.append(self.tr("Every arrow has the same length: only the direction is shown."))
        else:
            m = self.field.magnitude
            m = m[np.isfinite(m)]
            if m.size and m.max() > 0:
                notes.append(self.tr("Arrow length ∝ |∇f|: the longest arrow, |∇f| = %1, is 0.9 of a grid step.")
                             .replace("%1", f"{m.max():.3g}"))
        if abs(self.field.step - self.state.step) > 1e-12:
            notes.append(self.tr("The step is %1 in this wide view, to keep the arrows readable.")
                         .replace("%1", f"{self.field.step:g}"))
        if self.spacing_used == "log":
            notes.append(self.tr("Colour bands: logarithmic in f."))
        self.scale_note.setText(" ".join(notes))

    # ------------------------------------------------------------------ settings
    def save_settings(self, settings):
        s = self.state
        settings.setValue("surface", s.key)
        settings.setValue("text", s.text)
        settings.setValue("step", s.step)
        settings.setValue("scale", s.scale)
        settings.setValue("spacing", s.spacing)
        settings.setValue("ascent", int(s.ascent))
        settings.setValue("point", [] if s.point is None else [float(v) for v in s.point])

    def restore_settings(self, settings):
        try:
            key = str(settings.value("surface", self.state.key))
            text = str(settings.value("text", self.state.text))
            step = float(settings.value("step", self.state.step))
            scale = str(settings.value("scale", self.state.scale))
            spacing = str(settings.value("spacing", self.state.spacing))
            ascent = int(settings.value("ascent", 0))
            point = [float(v) for v in (settings.value("point", []) or [])]
        except (TypeError, ValueError):
            return  # unreadable settings: keep the defaults
        self.function_edit.setText(text)
        if key == field_lab.CUSTOM_KEY:
            if not self.apply_typed_function():
                self.show_function_error()
        elif key in SURFACE_KEYS:
            self.show_function_error()
            self.set_surface(field_lab.surface_for(key))
        if spacing in field_lab.SPACINGS:
            self.spacing_combo.setCurrentIndex(field_lab.SPACINGS.index(spacing))
        if scale in field_lab.SCALE_MODES:
            self.scale_combo.setCurrentIndex(field_lab.SCALE_MODES.index(scale))
        if 0.01 <= step <= 100:
            self.step_spin.setValue(step)
        self.ascent_check.setChecked(bool(ascent))
        if len(point) == 2 and all(np.isfinite(point)):
            self.set_point(tuple(point))


TAB_CLASS = GradientFieldTab


def view_to_widget(tab: GradientFieldTab, x: float, y: float):
    """Where data point (x, y) is on the field plot, in the plot widget's own pixels (for tests and tools)."""
    return tab.plot.mapFromScene(tab.view_box.mapViewToScene(QPointF(x, y)))
