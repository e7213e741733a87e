"""The Descent tab's simpleNet page (the book's §4.4.2): the same update as the f(x0, x1) page, on a net's weights.

    p = x·W,  y = softmax(p),  L = −log(y_t + 1e-7),  ∂L/∂W = x ⊗ (y − t),  W ← W − η ∂L/∂W

Left: W (2×3, editable), x, the correct class t, h and η, and the nudge of the chosen weight. Middle: the forward
values (p, y, the answer, L) and ∂L/∂W — analytic beside numerical, their difference, the sign of each entry as
a colour and an arrow, and in words. Right: L after each step, its curve, Step / Play / Reset, the explanation.
Every control writes the tab's SimpleNetState; engine.lab.simplenet.SimpleNetLab computes what is shown.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.lab import simplenet as sl
from gui.tabs.descent.simplenet_controls import SimpleNetControls
from gui.tabs.descent.simplenet_views import (
    GradientBox,
    GradientGrid,
    OutputBars,
    full,
    header,
    name,
    num,
    small,
    table,
    vector,
)
from gui.widgets.explanation import Explanation
from gui.widgets.panel_helpers import Retranslated, scrolled, wrapped
from gui.widgets.plots import COLORS, Plot

PLAY_INTERVAL_MS = 120  # about 8 steps a second while playing


class SimpleNetPage(Retranslated, QWidget):
    """The page; `state` is the tab's DescentState.simplenet (replaced with show_state after a restore)."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.lab = sl.SimpleNetLab(state)
        self.play_timer = QTimer(self)
        self.play_timer.setInterval(PLAY_INTERVAL_MS)
        self.play_timer.timeout.connect(self.on_tick)
        self._build()
        self.retranslate()
        self.show_state(state)

    # ------------------------------------------------------------------ building
    def _build(self):
        self.bridge = wrapped()
        self.bridge.setTextFormat(Qt.TextFormat.RichText)
        self.controls = SimpleNetControls()
        c = self.controls
        c.weights.edited.connect(self.on_weight)
        c.weights.chosen.connect(self.choose)
        for spin in c.x_spins:
            spin.valueChanged.connect(self.on_x)
        c.t_group.idClicked.connect(self.on_t)
        c.book_button.clicked.connect(self.book_values)
        c.lr_spin.valueChanged.connect(self.on_lr)
        c.h_spin.valueChanged.connect(self.on_h)
        c.nudge_button.toggled.connect(self.on_nudge)
        c.drag_slider.valueChanged.connect(self.on_drag)
        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self._build_forward())
        mv.addWidget(self._build_gradient())
        mv.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for part in (self.controls, scrolled(middle, 420), self._build_right()):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([300, 600, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.bridge)
        layout.addWidget(splitter, 1)

    def _build_forward(self):
        self.forward_box = QGroupBox()
        h = QHBoxLayout(self.forward_box)
        self.forward_text = wrapped()
        self.forward_text.setTextFormat(Qt.TextFormat.RichText)
        self.bars = OutputBars()
        self.bars.setFixedSize(170, 150)
        h.addWidget(self.forward_text, 1)
        h.addWidget(self.bars)
        return self.forward_box

    def _build_gradient(self):
        self.analytic_grid, self.numerical_grid = GradientGrid(), GradientGrid()
        self.difference_grid = GradientGrid(signs=False)
        self.analytic_title, self.numerical_title, self.difference_title = header(), header(), header()
        self.advice = wrapped()
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        for grid in (self.analytic_grid, self.numerical_grid, self.difference_grid):
            grid.chosen.connect(self.choose)
        self.gradient_box = GradientBox([self.analytic_title, self.analytic_grid, self.numerical_title,
                                         self.numerical_grid, self.difference_title, self.difference_grid,
                                         self.advice])
        return self.gradient_box

    def _build_right(self):
        right = QWidget()
        v = QVBoxLayout(right)
        v.setContentsMargins(0, 0, 0, 0)
        self.plot = Plot()
        self.plot.setMinimumHeight(170)
        self.plot.setMouseEnabled(False, False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.curve = self.plot.plot(pen=pg.mkPen(COLORS[0], width=2))
        self.wrong = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(COLORS[3]), pen=pg.mkPen(None))
        self.here = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(COLORS[1]), pen=pg.mkPen(None))
        self.plot.addItem(self.wrong)
        self.plot.addItem(self.here)
        buttons = QHBoxLayout()
        self.step_button, self.play_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        for button, slot in ((self.step_button, self.step), (self.play_button, self.toggle_play),
                             (self.reset_button, self.reset)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.status = wrapped()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = Explanation()
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.plot, 1)
        tv.addLayout(buttons)
        tv.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.explanation)
        split.setSizes([380, 260])
        v.addWidget(split)
        right.setMinimumWidth(320)
        return right

    # ------------------------------------------------------------------ state → page
    def show_state(self, state):
        """Show `state` (from now on the one the page writes) in every control; no handler runs."""
        self.pause()
        self.state = state
        self.lab = sl.SimpleNetLab(state)
        self.controls.show_choices(state)
        self.refresh()

    def refresh(self):
        """Every number on the page from the state (W of the shown step)."""
        s, lab = self.state, self.lab
        W = lab.weights()
        f = lab.forward(W)
        analytic, numerical = lab.analytic(W), lab.numerical(W)
        self.controls.weights.show_values(W, s.cell)
        self.controls.show_t(s.t)
        self.forward_text.setText(self.forward_html(f))
        self.bars.show_output(f.y, s.t, f.answer)
        self.analytic_grid.show_values(analytic, s.cell)
        self.numerical_grid.show_values(numerical, s.cell)
        self.difference_grid.show_values(numerical - analytic, s.cell, small)
        self.advice.setText(self.advice_html(s.cell, analytic[s.cell]))
        nudge = lab.nudge(s.cell, W, s.drag or None) if s.nudged or s.drag else None
        self.controls.show_nudge(s.cell, W, nudge, dragged=bool(s.drag))
        losses, answers = lab.losses(), lab.answers()
        steps = np.arange(len(losses))
        self.curve.setData(steps, losses)
        self.plot.setXRange(0, max(10, len(losses) - 1), padding=0.03)
        self.plot.setYRange(0, max(1.0, float(np.nanmax(losses[np.isfinite(losses)], initial=0.0))) * 1.05,
                            padding=0)
        wrong = answers != s.t
        self.wrong.setData(steps[wrong], losses[wrong])
        self.here.setData([steps[-1]], [losses[-1]])
        self.status.setText(self.status_html(len(losses) - 1, f))
        self.step_button.setEnabled(lab.shown_step() < sl.MAX_STEPS)

    def forward_html(self, f):
        t = self.state.t
        verdict = (f'<span style="color:{COLORS[2]}">' + self.tr("right") if f.answer == t
                   else f'<span style="color:{COLORS[3]}">' + self.tr("wrong")) + "</span>"
        rows = [
            ("p = x·W", vector(f.p)),
            ("y = softmax(p)", vector(f.y)),
            (self.tr("answer"), f"argmax y = <b>{f.answer}</b>  ({verdict}: t = {t})"),
            ("L", f"<b>{full(f.loss)}</b>  = −log(y<sub>{t}</sub> + 1e-7)"),
            (self.tr("no guard"), f"{full(f.loss_unguarded)}  = −log y<sub>{t}</sub>"),
        ]
        return table(rows)

    def advice_html(self, cell, g):
        w = name(cell)
        if g < 0:
            words = self.tr("∂L/∂%1 = %2 is negative: raising %1 by h lowers L by about %3·h — "
                            "<b>raise %1 to lower L</b>.")
        elif g > 0:
            words = self.tr("∂L/∂%1 = %2 is positive: raising %1 by h raises L by about %3·h — "
                            "<b>lower %1 to lower L</b>.")
        else:
            words = self.tr("∂L/∂%1 = 0: a small change of %1 leaves L as it is.")
        return words.replace("%1", w).replace("%2", num(g)).replace("%3", f"{abs(g):.3g}")

    def status_html(self, k, f):
        text = self.tr("Step %1: L = %2, answer %3").replace("%1", str(k)).replace("%2", full(f.loss))
        text = text.replace("%3", str(f.answer))
        changes = self.lab.answer_changes()
        if changes:
            step, answer = changes[-1]
            text += "<br>" + self.tr("The answer became %1 at step %2.").replace("%1", str(answer)).replace(
                "%2", str(step))
        if k >= sl.MAX_STEPS:
            text += "<br>" + self.tr("The last step (%1) is reached.").replace("%1", str(sl.MAX_STEPS))
        return text

    # ------------------------------------------------------------------ controls → state
    def choose(self, i, j):
        if (i, j) != tuple(self.state.cell):
            self.state.cell = (i, j)
            if self.state.drag:  # the drag was the other weight's
                self._uncheck_nudge()
            self.refresh()

    def on_weight(self, i, j, value):
        """An edited weight: the shown W with it is the new start (step 0)."""
        self.pause()
        W = self.lab.weights()
        W[i, j] = value
        self.state.start_from(W)
        self.state.cell = (i, j)
        self._uncheck_nudge()
        self.refresh()

    def on_x(self, _value):
        self.pause()
        self.state.x = tuple(spin.value() for spin in self.controls.x_spins)
        self._restart_here()

    def on_t(self, t):
        self.pause()
        self.state.t = int(t)
        self._restart_here()

    def _restart_here(self):
        """A new x or t: the weights shown become the start, the curve starts again from them."""
        self.state.start_from(self.lab.weights())
        self._uncheck_nudge()
        self.refresh()

    def on_lr(self, value):
        self.pause()
        W = self.lab.weights()
        self.state.lr = sl.check("lr", value)
        if self.state.steps:  # a new η from the shown weights on (the curve so far was another η's)
            self.state.start_from(W)
        self.refresh()

    def on_h(self, value):
        self.state.h = sl.check("h", value)
        self.refresh()

    def on_nudge(self, on):
        """Nudge by h (the drag goes back to 0)."""
        self.state.nudged, self.state.drag = bool(on), 0.0
        self.controls.set_nudged(self.state.nudged)
        self.refresh()

    def on_drag(self, value):
        """The chosen weight dragged by Δw alone (the nudge switch goes off)."""
        self.state.drag, self.state.nudged = self.controls.drag_from_slider(value), False
        self.controls.set_nudged(False, self.state.drag)
        self.refresh()

    def _uncheck_nudge(self):
        self.controls.set_nudged(False)
        self.state.nudged, self.state.drag = False, 0.0

    def book_values(self):
        """The book's W, x and t with h = 1e-4 and η = 0.1, step 0."""
        self.state.book_values()
        self.show_state(self.state)

    # ------------------------------------------------------------------ stepping
    def is_playing(self):
        return self.play_timer.isActive()

    def step(self):
        """W ← W − η ∂L/∂W once (key →)."""
        self.pause()
        self._advance()

    def _advance(self) -> bool:
        if self.state.steps >= sl.MAX_STEPS:
            return False
        self.state.steps += 1
        self._uncheck_nudge()
        self.refresh()
        return True

    def toggle_play(self):
        self.pause() if self.is_playing() else self.play()

    def play(self):
        """Step after step from the shown one (from step 0 again when the last step is shown)."""
        if self.state.steps >= sl.MAX_STEPS:
            self.reset()
        self.play_timer.start()
        self._show_playing()

    def pause(self):
        if self.play_timer.isActive():
            self.play_timer.stop()
            self._show_playing()

    def on_tick(self):
        if not self._advance():
            self.pause()

    def reset(self):
        """Back to the start weights, step 0 (key R)."""
        self.pause()
        self.state.steps = 0
        self._uncheck_nudge()
        self.refresh()

    def hideEvent(self, event):
        self.pause()  # no steps taken behind another page
        super().hideEvent(event)

    def _show_playing(self):
        if self.is_playing():
            self.play_button.setText(self.tr("Pause (Space)"))
            self.play_button.setToolTip(self.tr("Stop stepping here (key Space)"))
        else:
            self.play_button.setText(self.tr("Play (Space)"))
            self.play_button.setToolTip(self.tr("Take step after step, about 8 a second (key Space)"))

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.bridge.setText(self.tr(
            "<b>The same update rule as the f(x0, x1) page:</b> there x ← x − η∇f(x) moves 2 coordinates; here "
            "<b>W ← W − η ∂L/∂W</b> moves the 6 weights of a net, and the function going downhill is its loss L."))
        self.forward_box.setTitle(self.tr("Forward: x → p → y → L"))
        self.bars.set_labels(self.tr("class"), "y")
        self.bars.setToolTip(self.tr("y = softmax(p): green is the correct class t, the outlined bar the answer"))
        self.gradient_box.setTitle(self.tr("The gradient ∂L/∂W (↑ the step raises the weight, ↓ lowers it)"))
        self.analytic_title.setText(self.tr("Analytic: x ⊗ (y − t)"))
        self.numerical_title.setText(self.tr("Numerical: central difference with h"))
        self.difference_title.setText(self.tr("Numerical − analytic (the 1e-7 guard in the loss shows here)"))
        tip = self.tr("∂L/∂%1; click to choose %1")
        for grid in (self.analytic_grid, self.numerical_grid, self.difference_grid):
            grid.set_tips(lambda cell: tip.replace("%1", name(cell)))
        self.step_button.setText(self.tr("Step →"))
        self.step_button.setToolTip(self.tr("One update W ← W − η∂L/∂W (key →)"))
        self.reset_button.setText(self.tr("Reset (R)"))
        self.reset_button.setToolTip(self.tr("Back to the start weights, step 0 (key R)"))
        self._show_playing()
        self.plot.set_labels(self.tr("step"), self.tr("loss L"), self.tr("L after each step"))
        self.plot.setToolTip(self.tr("The loss after each step; red dots: steps where the answer is wrong"))
        self.explanation.setHtml(self.tr(
            "<h3>The gradient of a network</h3>"
            "<p>The book's simpleNet has one weight matrix W (2×3), no bias: <b>p = x·W</b>, "
            "<b>y = softmax(p)</b>, and the loss is the cross-entropy error <b>L = −log(y<sub>t</sub> + 1e-7)</b>."
            "</p><p>L is a function of the 6 weights, so it has a gradient: "
            "<b>∂L/∂W = x ⊗ (y − t)</b>, one number per weight, of the same shape as W. The numerical gradient "
            "gets the same numbers from L alone; they differ by about 1e-7 because of the 1e-7 guard inside the "
            "log, not by rounding.</p>"
            "<p>Reading it: ∂L/∂w23 ≈ −0.544 means raising w23 by h lowers L by about 0.544·h, so w23 should go "
            "up.</p>"
            "<p>Learning is gradient descent on L: <b>W ← W − η ∂L/∂W</b>. From the book's W one step with "
            "η = 0.1 lowers L from 0.928 to 0.864. The real network of the Training tab does the same with "
            "39,760 weights.</p>"
            "<p><b>Keys</b> (on this page): → one step, Space play / pause, R reset.</p>"))
        self.refresh()
