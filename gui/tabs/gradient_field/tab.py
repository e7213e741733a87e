"""Gradient field tab: a surface as filled contours with the −∇f arrows on a grid; click a point for ∇f there.

Assembles the settings column (controls.py), the point readout (readout.py) and the plot (field_view.py).
Every change goes to the one FieldState (state.py) first; the pages then draw from it.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from engine import expr
from engine.lab import field as field_lab
from engine.lab.contours import SPACINGS
from gui.settings import read, read_floats, reject
from gui.tabs.base import Tab
from gui.tabs.gradient_field.controls import FieldControls
from gui.tabs.gradient_field.field_view import FieldView
from gui.tabs.gradient_field.readout import PointReadout
from gui.tabs.gradient_field.state import SURFACE_KEYS, FieldState
from gui.widgets.explanation import Explanation
from gui.widgets.panel_helpers import scrolled

POINT_LIMIT = 1e6  # |x0|, |x1| of a restored point (beyond, f overflows on every surface)


class GradientFieldTab(Tab):
    key = "gradient_field"

    def __init__(self):
        super().__init__()
        self.state = FieldState()
        self.surface = field_lab.surface_for(self.state.key)
        self.controls = FieldControls(self.state)
        self.readout = PointReadout(self.state)
        self.view = FieldView(self.state)
        self.explanation = Explanation()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(30)
        self._redraw_timer.timeout.connect(self.redraw)
        self.controls.changed.connect(self.on_settings_changed)
        self.controls.surface_chosen.connect(self.on_surface_chosen)
        self.controls.function_entered.connect(self.apply_typed_function)
        self.controls.reset_requested.connect(self.apply_defaults)
        self.readout.point_typed.connect(lambda x0, x1: self.set_point((x0, x1), typed=True))
        self.view.view_box.clicked.connect(self.on_plot_clicked)
        self.view.view_box.sigRangeChanged.connect(lambda *_: self._redraw_timer.start())
        self._layout()
        self.retranslate()
        self.apply_defaults()
        self.set_point(self.state.point)

    def _layout(self):
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.controls)
        left_layout.addWidget(self.readout)
        left_layout.addStretch(1)
        left_scroll = scrolled(left, 320, 380)
        self.explanation.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.view)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 640, 290])
        QHBoxLayout(self).addWidget(splitter)

    def title(self):
        return self.tr("Gradient field")

    def retranslate(self):
        for page in (self.controls, self.readout, self.view):
            page.retranslate()
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

    def palette_changed(self):
        self.view.palette_changed()

    # ------------------------------------------------------------------ actions: state first, then the views
    def on_surface_chosen(self, key):
        if key == field_lab.CUSTOM_KEY:
            if not self.apply_typed_function(self.controls.function_edit.text()):
                self.controls.show_state()  # the previous surface stays on screen
            return
        self.controls.show_function_error()
        self.set_surface(field_lab.surface_for(key))

    def apply_typed_function(self, text):
        """Read the typed text; on success draw it, else show where it is wrong and keep the old surface."""
        try:
            surface = field_lab.surface_from_text(text)
        except expr.ExprError as err:
            self.controls.show_function_error(text, err)
            return False
        self.controls.show_function_error()
        self.state.text = text
        self.set_surface(surface)
        return True

    def set_surface(self, surface):
        """Draw another surface: a new kind opens on its own view; a new typed function keeps the view."""
        new_kind = surface.key != self.state.key or surface.key != field_lab.CUSTOM_KEY
        self.surface = surface
        self.state.key = surface.key
        if new_kind:
            self.apply_defaults()
        else:
            self.controls.show_state()
            self.redraw()

    def apply_defaults(self):
        """This surface's own view, step and arrow scaling."""
        view = self.state.use_defaults()
        self.controls.show_state()
        self.view.set_view(view)
        self.redraw()

    def on_settings_changed(self):
        self.view.show_legend()  # it says −∇f or +∇f
        self.redraw()

    def on_plot_clicked(self, x, y):
        lo0, hi0, _, _ = self.current_view()
        pixels = max(self.view.view_box.width(), 1.0) / 2  # clicks snap to about 2 screen pixels
        res = field_lab.click_resolution(hi0 - lo0, pixels)
        self.set_point((field_lab.snap(x, res), field_lab.snap(y, res)))

    def set_point(self, point, typed=False):
        """Pick a point (clicked, typed or restored); typed=True leaves the boxes being typed in alone."""
        self.state.point = None if point is None else (float(point[0]), float(point[1]))
        if not typed:
            self.readout.show_point()
        self.view.draw_point(self.surface)
        self._refresh_readout()

    # ------------------------------------------------------------------ views
    def current_view(self):
        return self.view.current_view()

    def _refresh_readout(self):
        """The picked point's readout; a ∇f counts as 0 against the largest |∇f| drawn in view."""
        self.readout.refresh(self.surface, self.view.drawn.field.largest if self.view.drawn else 1.0)

    # ------------------------------------------------------------------ lessons (Show me)
    def state_fault(self):
        s = self.state
        if s.key not in SURFACE_KEYS or s.scale not in ("proportional", "equal") or s.spacing not in SPACINGS:
            return f"key one of {SURFACE_KEYS}, scale proportional or equal, spacing one of {SPACINGS}"
        if not 0.01 <= s.step <= 100 or s.point is not None and max(map(abs, s.point)) > POINT_LIMIT:
            return "step within 0.01 … 100 and a point within ±1e6"
        if s.key == field_lab.CUSTOM_KEY:
            try:
                field_lab.surface_from_text(s.text)
            except (expr.ExprError, ValueError, TypeError, RecursionError, MemoryError) as exc:
                return f"text: {exc}"
        return ""

    def show_state(self):
        s = self.state
        custom = s.key == field_lab.CUSTOM_KEY
        self.surface = field_lab.surface_from_text(s.text) if custom else field_lab.surface_for(s.key)
        self.controls.show_state()
        self.view.show_legend()
        self.view.set_view(field_lab.field_defaults(s.key).view)
        self.set_point(s.point)
        self.redraw()

    def redraw(self):
        """Contours and arrows over the visible range (called after every pan, zoom or setting change)."""
        self._redraw_timer.stop()
        drawn = self.view.redraw(self.surface)
        self._refresh_readout()
        self.controls.show_note(drawn, self.state.step)

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
        """Surface (or typed function), grid, arrows and point; a value of the wrong type or range keeps its
        default (gui.settings logs it), a typed function that cannot be read keeps the surface shown."""
        s = self.state
        key = read(settings, "surface", s.key, choices=SURFACE_KEYS)
        text = read(settings, "text", s.text)
        step = read(settings, "step", float("nan"), lo=0.01, hi=100.0)  # nan: none stored, the surface's own
        scale = read(settings, "scale", "", choices=("", *field_lab.SCALE_MODES))
        spacing = read(settings, "spacing", "", choices=("", *SPACINGS))
        ascent = read(settings, "ascent", int(s.ascent), lo=0, hi=1)
        point = read_floats(settings, "point", [], lo=-POINT_LIMIT, hi=POINT_LIMIT)
        self.controls.show_function_error()
        if key == field_lab.CUSTOM_KEY:
            try:
                if len(text) > expr.MAX_LENGTH:
                    raise ValueError(f"longer than {expr.MAX_LENGTH} characters")
                self.surface = field_lab.surface_from_text(text)
                s.key, s.text = key, text
            except (expr.ExprError, ValueError, TypeError, RecursionError, MemoryError) as exc:
                reject(settings, "text", text, s.text, str(exc))  # the surface shown stays
        else:
            self.surface = field_lab.surface_for(key)
            s.key, s.text = key, text
        view = s.use_defaults()
        if spacing:
            s.spacing = spacing
        if scale:
            s.scale = scale
        if np.isfinite(step):
            s.step = step
        s.ascent = bool(ascent)
        if len(point) == 2:
            s.point = tuple(point)
        elif point:
            reject(settings, "point", point, s.point, "not two numbers")
        self.controls.show_state()
        self.view.show_legend()
        self.view.set_view(view)
        self.set_point(s.point)
        self.redraw()
