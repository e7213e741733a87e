"""Descent tab: gradient descent x ← x − η∇f(x) walking downhill step by step, and the chapter 6 optimizers; on
its second page the same rule W ← W − η∂L/∂W on the 6 weights of the book's simpleNet (simplenet_page.py).

This module assembles the pages (controls column, map with the player under it, f(x) plot, steps table and
explanation), owns the playback timers and the keys, and keeps the settings. The user's choices live in one
DescentState (state.py); engine.lab.descent.Descent computes the runs from it; the pages only draw.
Data flows one way: a control writes the state → `refresh()` draws the shown step from the state and the runs.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from engine.lab import descent as dl
from engine.surfaces import SURFACES
from gui.settings import read, read_json, reject
from gui.tabs.base import Tab
from gui.tabs.descent import geometry
from gui.tabs.descent.controls import ControlsPanel
from gui.tabs.descent.export import MAX_EXPORT_FRAMES, AnimationExport
from gui.tabs.descent.history import FPlotPage, StepsPage
from gui.tabs.descent.map_view import MapView
from gui.tabs.descent.simplenet_page import SimpleNetPage
from gui.tabs.descent.state import PAGES, SPEED_RANGE, DescentState, SimpleNetState
from gui.tabs.descent.transport import Transport
from gui.widgets.explanation import Explanation

STEP_DELAY_MS = 350  # Step: the arrows are on screen this long before the point moves


class DescentTab(Tab):
    key = "descent"

    def __init__(self):
        super().__init__()
        self.state = DescentState()
        self.descent = dl.Descent(self.state)
        self._pending_step = False
        self._shown_signature = self._shown_legend = None
        self.play_timer = QTimer(self)
        self.play_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.play_timer.timeout.connect(self.on_tick)
        self.clock = QElapsedTimer()
        self._play_from = 0
        self.step_timer = QTimer(self)
        self.step_timer.setSingleShot(True)
        self.step_timer.timeout.connect(self._finish_step)
        self._build()
        self._connect()
        self.exporter = AnimationExport(self)
        self.show_state()
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _build(self):
        self.controls = ControlsPanel(self.state)
        self.map = MapView()
        self.transport = Transport()
        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self.map, 1)
        mv.addWidget(self.transport)
        self.f_page = FPlotPage()
        self.steps_page = StepsPage()
        self.explanation = Explanation()
        self.side = QTabWidget()
        self.side.addTab(self.steps_page, "")
        self.side.addTab(self.explanation, "")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.f_page)
        right.addWidget(self.side)
        right.setSizes([280, 420])
        right.setMinimumWidth(360)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for part in (self.controls, middle, right):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([310, 510, 450])
        self.function_page = QWidget()
        page_layout = QHBoxLayout(self.function_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(splitter)
        self.simplenet = SimpleNetPage(self.state.simplenet)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.function_page, "")
        self.pages.addTab(self.simplenet, "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys = ((Qt.Key.Key_Space, self.toggle_play, self.simplenet.toggle_play),
                (Qt.Key.Key_Right, self.step, self.simplenet.step), (Qt.Key.Key_R, self.reset, self.simplenet.reset))
        self.space_shortcut, self.right_shortcut, self.reset_shortcut = (
            self._key(key, context, on_function, on_simplenet) for key, on_function, on_simplenet in keys)

    def _key(self, key, context, on_function, on_simplenet):
        """A key of the tab: it acts on the page shown (the f(x0, x1) page or simpleNet)."""
        shortcut = QShortcut(QKeySequence(key), self, context=context)
        shortcut.activated.connect(lambda: on_simplenet() if self.pages.currentWidget() is self.simplenet
                                   else on_function())
        return shortcut

    def _connect(self):
        self.controls.changed.connect(self.refresh)
        self.controls.surface_changed.connect(self.redraw_surface)
        self.controls.preset_chosen.connect(self.run_preset)
        self.map.clicked.connect(self.on_map_click)
        t = self.transport
        t.step_button.clicked.connect(self.step)
        t.play_button.clicked.connect(self.toggle_play)
        t.reset_button.clicked.connect(self.reset)
        t.end_button.clicked.connect(self.run_to_end)
        t.speed_slider.valueChanged.connect(self.on_speed)
        t.arrows_check.toggled.connect(self.on_arrows)
        t.export_gif_action.triggered.connect(lambda: self.export_animation(self.exporter.ask_gif(), "gif"))
        t.export_png_action.triggered.connect(lambda: self.export_animation(self.exporter.ask_png_folder(), "png"))
        self.f_page.log_toggled.connect(self.on_log)
        self.steps_page.run_chosen.connect(self.on_table_run)
        self.pages.currentChanged.connect(self.on_page)

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Descent")

    def retranslate(self):
        self.setAccessibleName(self.title())  # the tab takes the focus for its keys (Space, →, R)
        self.pages.setTabText(0, self.tr("f(x0, x1): a point on a surface"))
        self.pages.setTabText(1, self.tr("simpleNet: a net's 6 weights"))
        self.pages.setTabToolTip(0, self.tr("x ← x − η∇f(x) on a function of two coordinates"))
        self.pages.setTabToolTip(1, self.tr("The same rule, W ← W − η∂L/∂W, on the weights of the book's simpleNet "
                                            "(§4.4.2)"))
        self.side.setTabText(0, self.tr("Steps"))
        self.side.setTabText(1, self.tr("Explanation"))
        self.explanation.setHtml(self.tr(
            "<h3>Gradient descent</h3>"
            "<p>Start somewhere and repeat<br><b>x ← x − η ∇f(x)</b><br>The gradient ∇f points uphill, "
            "where f grows fastest; a step against it goes downhill. The learning rate η says how far.</p>"
            "<p>The book's experiments on f = x0² + x1² from (−3, 4), 100 steps:</p>"
            "<ul><li>η = 0.1 reaches (−6.1e-10, 8.1e-10): the minimum.</li>"
            "<li>η = 10 diverges: each step overshoots and lands farther away.</li>"
            "<li>η = 1e-10 hardly moves: 100 steps of almost nothing.</li></ul>"
            "<p>η is a <b>hyperparameter</b>: set by hand, not learned.</p>"
            "<h3>Beyond SGD (chapter 6)</h3>"
            "<p>On f = x²/20 + y² the gradient points mostly along y, so SGD zig-zags across the valley. "
            "<b>Momentum</b> keeps a velocity (v ← αv − η∇f), <b>AdaGrad</b> shrinks each coordinate's step by "
            "its past gradients (h ← h + ∇f²), <b>RMSprop</b> lets that memory fade (ρ), and <b>Adam</b> "
            "combines the two.</p>"
            "<p><b>Keys</b> (when the tab has focus): Space play / pause, → one step, R reset. "
            "Click on the map to choose the start.</p>"))
        self.refresh()  # the status lines in the new language (the pages translate their own texts)

    # ------------------------------------------------------------------ state → pages
    def show_state(self):
        """After the state was replaced or rewritten (settings, an experiment): every control, the surface and
        the plots from the state."""
        self.descent = dl.Descent(self.state)
        self.controls.show_state(self.state)
        self.f_page.show_choices(self.state)
        self.transport.show_choices(self.state)
        self.redraw_surface()
        self._shown_signature = self._shown_legend = None
        self.refresh()

    def redraw_surface(self):
        self.map.draw_surface(SURFACES[self.state.surface])

    def refresh(self):
        """Draw the shown step: map, f curves, table and status lines (setData on existing items)."""
        s = self.state
        self.map.render(s, self.descent, s.index, arrows=not self.is_playing() and s.arrows,
                        stepping=self._pending_step)
        names = [r.name for r in self.descent.runs()]
        if self._shown_signature != dl.signature(s):
            self._shown_signature = dl.signature(s)
            self._relabel(names)
        self.f_page.show_runs(s, self.descent, names)
        self.steps_page.show_run(s, self.descent, self.is_playing())
        self.transport.show_status(s, self.descent)

    def _relabel(self, names):
        """Legends and the table's choice of run, after the set of runs or their settings changed."""
        s = self.state
        legend_key = tuple((n, s.optimizer(n).params["lr"]) for n in names)
        if legend_key != self._shown_legend:
            self._shown_legend = legend_key
            self.map.relabel(s, names)
        if names and s.table_run not in names:
            s.table_run = names[0]
        self.steps_page.relabel(names, s.table_run)

    def palette_changed(self):
        if hasattr(self, "map"):
            self.map.palette_changed()

    # ------------------------------------------------------------------ controls → state
    def on_map_click(self, x0, x1):
        """Start from the clicked point at step 0."""
        self.pause()
        self.state.start, self.state.index = (x0, x1), 0
        self.controls.show_state(self.state)
        self.refresh()

    def on_page(self, index):
        self.state.page = PAGES[index]
        self.pause()

    def on_speed(self, value):
        self.state.speed = int(value)
        if self.is_playing():
            self._restart_clock()
            self.play_timer.setInterval(self._interval())

    def on_arrows(self, on):
        self.state.arrows = bool(on)
        self.refresh()

    def on_log(self, on):
        self.state.log_scale = bool(on)
        self.refresh()

    def on_table_run(self, name):
        self.state.table_run = name
        self.refresh()

    # ------------------------------------------------------------------ playing
    def is_playing(self):
        return self.play_timer.isActive()

    def _interval(self):
        return max(int(1000 / self.state.speed), 15)

    def _restart_clock(self):
        self._play_from = self.state.index
        self.clock.restart()

    def _set_index(self, k):
        self.state.index = k
        self.refresh()

    def play(self):
        if not self.descent.runs():
            return
        self._cancel_step()
        if self.descent.at_end(self.state.index):
            self.state.index = 0
        self._restart_clock()
        self.play_timer.start(self._interval())
        self.transport.set_playing(True)
        self.refresh()

    def pause(self):
        if self.play_timer.isActive():
            self.play_timer.stop()
            self.transport.set_playing(False)
            self.refresh()

    def toggle_play(self):
        self.pause() if self.is_playing() else self.play()

    def on_tick(self):
        target = geometry.target_index(self._play_from, self.clock.elapsed() / 1000.0, self.state.speed)
        if target > self.state.index:
            self.state.index = self.descent.advance(self.state.index, target - self.state.index)
        if self.descent.at_end(self.state.index):
            self.play_timer.stop()
            self.transport.set_playing(False)
        self.refresh()

    def step(self):
        """One update: the arrows are shown, then (STEP_DELAY_MS later) the point moves along the step arrow."""
        self.pause()
        if self._pending_step:
            self.step_timer.stop()
            self._finish_step()
        if self.descent.at_end(self.state.index):
            self.refresh()
            return
        self._pending_step = True
        self.refresh()
        self.step_timer.start(STEP_DELAY_MS)

    def _finish_step(self):
        self._pending_step = False
        self._set_index(self.descent.advance(self.state.index))

    def _cancel_step(self):
        self.step_timer.stop()
        self._pending_step = False

    def reset(self):
        self.pause()
        self._cancel_step()
        self._set_index(0)

    def run_to_end(self):
        self.pause()
        self._cancel_step()
        self._set_index(self.descent.last_index())

    def run_preset(self, key):
        """One of the book's experiments: the state set up for it, the controls from the state, then played."""
        self.pause()
        self._cancel_step()
        self.state.apply_preset(key)
        self.show_state()
        self.play()

    # ------------------------------------------------------------------ export
    def frame_image(self, k):
        """The map at step k as an image (what one exported frame shows)."""
        self.map.render(self.state, self.descent, k)
        return self.map.image()

    def export_animation(self, target, kind: str) -> bool:
        """Write the run's frames (see export.py) to `target`, a GIF file or a folder; None: the user cancelled."""
        if target is None:
            return False
        self.pause()
        self._cancel_step()
        self.map.clicks_enabled = False
        try:
            outcome, text = self.exporter.write(target, kind, self.descent.export_indices(MAX_EXPORT_FRAMES),
                                           self.frame_image, max(int(1000 / self.state.speed), 20))
        finally:
            self.map.clicks_enabled = True
            self.refresh()
        self.transport.show_message(text, warning=outcome == "failed")
        return outcome == "written"

    # ------------------------------------------------------------------ lifecycle and settings
    def shutdown(self):
        self.play_timer.stop()
        self.step_timer.stop()
        self.simplenet.pause()

    def hideEvent(self, event):
        self.pause()  # no animation behind another tab
        super().hideEvent(event)

    def save_settings(self, settings):
        settings.setValue("session", json.dumps(self.state.to_dict()))
        settings.setValue("speed", self.state.speed)
        settings.setValue("log_scale", self.state.log_scale)
        settings.setValue("arrows", self.state.arrows)
        settings.setValue("page", self.state.page)
        settings.setValue("simplenet", json.dumps(self.state.simplenet.to_dict()))

    def restore_settings(self, settings):
        """A new state from the settings (bad values keep their defaults), then every page from it."""
        refused = []
        state = DescentState.from_dict(read_json(settings, "session"), refused)
        if refused:
            reject(settings, "session", ", ".join(refused), "their defaults", "these values are not valid")
        state.speed = read(settings, "speed", state.speed, lo=SPEED_RANGE[0], hi=SPEED_RANGE[1])
        state.log_scale = read(settings, "log_scale", state.log_scale)
        state.arrows = read(settings, "arrows", state.arrows)
        state.page = read(settings, "page", state.page, choices=PAGES)
        refused = []
        state.simplenet = SimpleNetState.from_dict(read_json(settings, "simplenet"), refused)
        if refused:
            reject(settings, "simplenet", ", ".join(refused), "their defaults", "these values are not valid")
        self.adopt(state)

    def adopt(self, state: DescentState):
        """Make `state` the tab's state (stopping play) and show every page from it."""
        self.pause()
        self._cancel_step()
        self.state = state
        self.simplenet.show_state(state.simplenet)
        self.pages.setCurrentIndex(PAGES.index(state.page))
        self.show_state()

    def lesson_pages(self):
        return {key: (self.pages, self.pages.widget(i)) for i, key in enumerate(PAGES)}

    def apply_lesson(self, page, values):
        """Show me: `values` holds the session's own keys (DescentState.to_dict: surface, start, steps, gradient,
        index, optimizers) and "simplenet" (SimpleNetState.to_dict's); `page` is "function" or "simplenet"."""
        if page and page not in PAGES:
            return f"descent: no page {page!r} (known: {', '.join(PAGES)})"
        net_values = values.get("simplenet", {})
        unknown = set(values) - set(self.state.to_dict()) - {"simplenet"}
        if not isinstance(net_values, dict):
            unknown.add("simplenet")
        else:
            unknown |= {f"simplenet.{k}" for k in set(net_values) - set(self.state.simplenet.to_dict())}
        if unknown:
            return f"descent: no setting {', '.join(sorted(unknown))}"
        refused = []
        session = {k: v for k, v in values.items() if k != "simplenet"}
        state = DescentState.from_dict({**self.state.to_dict(), **session}, refused)
        state.simplenet = SimpleNetState.from_dict({**self.state.simplenet.to_dict(), **net_values}, refused)
        if refused:
            return f"descent: {', '.join(refused)} not valid"
        state.speed, state.log_scale, state.arrows = self.state.speed, self.state.log_scale, self.state.arrows
        state.page = page or self.state.page
        self.adopt(state)
        return ""

