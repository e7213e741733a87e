"""Draw tab: write a digit with the mouse and watch the net's 10 softmax outputs answer while you draw.

Assembles the controls column (controls.py), the canvas and the answer (results.py) above the inside of the net
(inside.py: the hidden units, the scores, why the net answered k and which pixels did it). The pen, model and
inside choices go to the one DrawState (state.py) first; the canvas, the engine and the pages then follow it.

For another page (Training → Weights) that wants to follow the hidden unit the learner points at, the tab emits
`unit_hovered(unit, a1)`: the unit number (−1 when the mouse leaves the strip) and the current drawing's
activations a[1] (a NumPy array of the hidden size, units switched off at 0; None when there is no answer).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from engine import explain, preprocess
from gui.model_hub import ModelHub, hub
from gui.settings import read
from gui.tabs.base import Tab
from gui.tabs.draw.controls import DrawControls
from gui.tabs.draw.inside import TOP_COUNT, InsidePanel
from gui.tabs.draw.results import DrawResults
from gui.tabs.draw.state import DrawState
from gui.widgets.draw_canvas import DrawCanvas
from gui.widgets.explanation import Explanation

UPDATE_MS = 16  # at most one prediction per frame while the mouse moves


class MiddleSplitter(QSplitter):
    """Drawing and answer above, the inside of the net below. Until the learner moves the line it sits at half
    the height, lower when the inside needs more (its size hint), but the canvas keeps at least its minimum."""

    def __init__(self):
        super().__init__(Qt.Orientation.Vertical)
        self.placed = False
        self.splitterMoved.connect(lambda *_: setattr(self, "placed", True))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.place()

    def place(self):
        """Put the line where the rule above says, unless the learner has moved it."""
        if not self.placed and self.count() == 2:
            total = max(1, sum(self.sizes()))
            wanted = min(total // 2, total - self.widget(1).sizeHint().height())
            top = max(self.widget(0).minimumSizeHint().height(), wanted)
            self.blockSignals(True)
            self.setSizes([top, total - top])
            self.blockSignals(False)


class DrawTab(Tab):
    key = "draw"
    unit_hovered = Signal(int, object)  # (hidden unit or −1, a[1] of the current drawing or None): see above

    def __init__(self, model_hub: ModelHub | None = None):
        super().__init__()
        self.state = DrawState()
        self.hub = model_hub or hub()
        self.model_error = ""  # why the chosen model gives no answer ("" when it does)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_MS)
        self._timer.timeout.connect(self.refresh)
        self._place_timer = QTimer(self)  # owned by the tab: it never fires after the tab is gone
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self.hub.ensure_bundled()
        self.controls = DrawControls(self.state, self.hub)
        self.results = DrawResults(self.state)
        self.inside = InsidePanel(self.state)
        self.inside.changed.connect(self.on_inside)
        self.canvas = DrawCanvas()
        self.canvas.set_pen_width(self.state.pen_width)
        self.canvas.setMinimumSize(224, 224)  # at 720 pixels high the inside of the net needs the rest
        self.canvas.changed.connect(self.schedule_refresh)
        self.canvas.stroke_finished.connect(self.refresh_now)
        self.explanation = Explanation()
        self.controls.changed.connect(self.on_choice)
        self.controls.undo_requested.connect(self.undo)
        self.controls.clear_requested.connect(self.clear)
        self.hub.changed.connect(self.models_changed)
        self._layout()
        self.undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this tab is shown
        self.undo_shortcut.activated.connect(self.undo)
        self.retranslate()

    def _layout(self):
        self.canvas_title = QLabel()
        self.canvas_title.setWordWrap(True)
        canvas_panel = QWidget()
        canvas_layout = QVBoxLayout(canvas_panel)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        self.canvas_title.setBuddy(self.canvas)  # its accessible name
        canvas_layout.addWidget(self.canvas_title)
        canvas_layout.addWidget(self.canvas, 1)
        canvas_panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.explanation.setMinimumWidth(230)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(canvas_panel)
        top.addWidget(self.results)
        top.setSizes([430, 500])
        top.setChildrenCollapsible(False)
        self.middle = MiddleSplitter()
        self._place_timer.timeout.connect(self.middle.place)
        self.middle.addWidget(top)
        self.middle.addWidget(self.inside)
        self.middle.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.controls, self.middle, self.explanation):
            splitter.addWidget(w)
        splitter.setSizes([245, 800, 240])  # the middle takes what the window adds
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        QHBoxLayout(self).addWidget(splitter)

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Draw")

    def retranslate(self):
        self.controls.retranslate()
        self.results.retranslate()
        self._place_timer.start()  # after every page's new texts: the line at the same place in each language
        self.canvas_title.setText(self.tr("Draw a digit 0–9 here with the mouse, a pen or a finger"))
        self.canvas.setToolTip(self.tr("Hold the left button and draw; the answer updates while you draw"))
        self.explanation.setHtml(self.tr(
            "<h3>Drawing a digit for the net</h3>"
            "<p>The net learnt from MNIST, and every MNIST digit was prepared the same way. Your drawing gets "
            "exactly that preparation before the net sees it:</p>"
            "<ol><li>take the <b>bounding box</b> of the ink;</li>"
            "<li>scale it to fit a <b>20 × 20</b> box, keeping its aspect ratio; averaging the covered area "
            "makes the edges grey (anti-aliasing);</li>"
            "<li>put it in a <b>28 × 28</b> frame so that its <b>centre of mass</b> "
            "Σ p·(r, c) / Σ p lands on the frame's centre, pixel (14, 14).</li></ol>"
            "<p>So it does not matter where or how big you draw: only the shape counts. The 784 grey values "
            "(0 black … 1 white) are the input x.</p>"
            "<p><b>Softmax</b> turns the net's 10 scores a<sub>k</sub> into probabilities:<br>"
            "y<sub>k</sub> = exp(a<sub>k</sub>) / Σ<sub>i</sub> exp(a<sub>i</sub>)<br>"
            "They are positive and add up to 1; the largest one is the answer (argmax).</p>"
            "<p>Try a very thin or very thick stroke, a digit squeezed flat, or a 1 with a serif, and watch "
            "the bars: the net is only as good as the resemblance to what it learnt.</p>") + self.tr(
            "<h3>Inside the net</h3>"
            "<p>Below the drawing, the forward pass in the lessons' notation: a<sup>[0]</sup> = x (784 pixels), "
            "z<sup>[1]</sup> = a<sup>[0]</sup>·W1 + b1, a<sup>[1]</sup> = h(z<sup>[1]</sup>) (the strip of "
            "hidden units), z<sup>[2]</sup> = a<sup>[1]</sup>·W2 + b2 (the 10 scores), y = softmax(z<sup>[2]"
            "</sup>). Each layer is a weighted sum, then an activation.</p>"
            "<p><b>Why k?</b> z<sup>[2]</sup><sub>k</sub> = Σ<sub>j</sub> a<sup>[1]</sup><sub>j</sub>·W2[j, k] "
            "+ b2<sub>k</sub>: hidden unit j adds a<sup>[1]</sup><sub>j</sub>·W2[j, k]. The tiles show the "
            "units that add most, with their weight pictures (column j of W1: the pattern the unit responds "
            "to). With the other units and the bias they sum exactly to the score.</p>"
            "<p><b>Which pixels?</b> In a ReLU net the active units (m<sub>j</sub> = 1) pass their input on "
            "unchanged, so the score is exactly a sum over the pixels: z<sup>[2]</sup><sub>k</sub> = "
            "Σ<sub>i</sub> x<sub>i</sub>·Σ<sub>j</sub> m<sub>j</sub>·W1[i, j]·W2[j, k] + the bias part. "
            "Red pixels push toward k, blue ones away. For a sigmoid net the map is gradient × input, an "
            "approximation. The map k − k′ shows why k and not k′.</p>"
            "<p><b>Test a guess:</b> click a hidden unit to switch it off (a<sup>[1]</sup><sub>j</sub> = 0) and "
            "watch the scores, the answer and the evidence; click it again to switch it on. The weights "
            "themselves are never changed.</p>"))
        self.refresh()

    def palette_changed(self):
        self.show_result()
        self.inside.show_state(self.net())

    # ------------------------------------------------------------------ models
    def models_changed(self):
        """The hub's list changed: the combo follows, keeping the chosen model, and the answer is redone (units
        switched off stay off only while the net still has them)."""
        self.controls.show_models()
        net = self.net()
        hidden = 0 if net is None else net.params["W1"].shape[1]
        self.state.off = {j for j in self.state.off if j < hidden}
        self.refresh()

    def on_inside(self, name):
        """The inside page wrote `name` into the state: the engine explains again, or (hover) the tab tells."""
        if name == "hovered":
            r = self.state.explained
            self.unit_hovered.emit(self.state.hovered, None if r is None else r["a1"])
        else:
            self.refresh()

    def choose_model(self, key: str) -> bool:
        """Select a model by its hub key (as the combo does); False when the hub has no such model."""
        index = self.controls.model_combo.findData(key)
        if index < 0:
            return False
        self.controls.model_combo.setCurrentIndex(index)
        return True

    def net(self):
        return self.hub.get(self.state.model_key) if self.controls.model_combo.count() else None

    # ------------------------------------------------------------------ drawing
    def on_choice(self, name):
        """A control wrote `name` into the state: the canvas, the answer or the model info follows."""
        if name == "pen_width":
            self.canvas.set_pen_width(self.state.pen_width)
        elif name == "model_key":
            self.state.off.clear()  # unit numbers of another net mean other units
            self.controls.show_model_info()
            self.refresh()
        else:
            self.show_result()

    def undo(self):
        self.canvas.undo()
        self.refresh_now()

    def clear(self):
        self.canvas.clear()
        self.refresh_now()

    def schedule_refresh(self):
        """Coalesce mouse moves: at most one preparation + prediction every UPDATE_MS."""
        if not self._timer.isActive():
            self._timer.start()

    def refresh_now(self):
        self._timer.stop()
        self.refresh()

    def refresh(self):
        """Canvas → array → engine (prepare, forward pass, softmax) → state → preview, answer and bars."""
        s = self.state
        self.model_error = ""
        s.explained = None
        if self.canvas.is_empty():
            s.x, s.y, s.preparation = np.zeros((28, 28), np.float32), None, None
        else:
            s.preparation = preprocess.prepare(self.canvas.gray_array())
            s.x, s.y = s.preparation.image, None
            net = self.net()
            if net is not None:
                try:
                    s.explained = explain.explain(
                        net, s.x, k=s.chosen, versus=explain.RUNNER_UP if s.versus is None else s.versus,
                        off=sorted(s.off), count=TOP_COUNT)
                    s.y = s.explained["y"]
                except ValueError as exc:  # a published net that does not take 784 inputs
                    self.model_error = self.tr("This model cannot read a 28 × 28 digit: %1").replace(
                        "%1", str(exc))
        self.show_result()

    def show_result(self):
        """The guides on the canvas, and the answer page, from the state."""
        p = self.state.preparation
        if self.state.show_guides and p is not None and p.bbox is not None:
            top, left, bottom, right = p.bbox
            center = p.ink_center
            self.canvas.set_overlay(QRectF(left, top, right - left, bottom - top),
                                    QPointF(center[1] + 0.5, center[0] + 0.5))
        else:
            self.canvas.set_overlay(None, None)
        self.results.show_answer(not self.canvas.is_empty(), self.net() is not None, self.model_error)
        self.inside.show_state(self.net())

    # ------------------------------------------------------------------ settings
    # ------------------------------------------------------------------ lessons (Show me)
    def state_fault(self):
        s, net = self.state, self.net()
        hidden = net.sizes[1] if net is not None else 0
        if not 4 <= s.pen_width <= 48 or any(not 0 <= j < hidden for j in s.off):
            return f"pen width 4–48 and hidden units 0–{hidden - 1}"
        return ""

    def show_state(self):
        self.controls.show_state()
        self.refresh_now()

    def save_settings(self, settings):
        settings.setValue("pen_width", self.state.pen_width)
        settings.setValue("model", self.state.model_key)
        settings.setValue("guides", self.state.show_guides)

    def restore_settings(self, settings):
        """Pen width, guides and model; a value of the wrong type or range, or a model no longer offered, keeps its
        default (gui.settings logs it)."""
        s = self.state
        slider = self.controls.width_slider
        s.pen_width = read(settings, "pen_width", s.pen_width, lo=slider.minimum(), hi=slider.maximum())
        s.show_guides = read(settings, "guides", s.show_guides)
        models = [self.controls.model_combo.itemData(i) for i in range(self.controls.model_combo.count())]
        s.model_key = read(settings, "model", s.model_key, choices=[m for m in models if isinstance(m, str)])
        self.controls.show_state()
        self.controls.show_models()
        self.canvas.set_pen_width(s.pen_width)
        self.refresh()
