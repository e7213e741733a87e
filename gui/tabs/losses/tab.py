"""Losses tab: an editable 10-class output y, its MSE and cross-entropy, softmax overflow and mini-batches.

Assembles the pages: the controls column (controls.py), the bar editor (output_bars.py), the loss curves
(loss_curves.py) and, beside the explanation, the softmax (softmax_page.py) and mini-batch (batch_page.py) pages.
Every change goes to the one LossesState (state.py) first; the pages then draw from it.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget

from engine.functions import softmax
from gui.settings import read, read_floats, reject
from gui.tabs.base import Tab
from gui.tabs.losses.batch_page import BatchPage
from gui.tabs.losses.controls import LossControls
from gui.tabs.losses.loss_curves import LossCurves
from gui.tabs.losses.output_bars import OutputBars
from gui.tabs.losses.softmax_page import SoftmaxPage
from gui.tabs.losses.state import LOGIT_LIMIT, LossesState
from gui.widgets.explanation import Explanation


class LossesTab(Tab):
    key = "losses"

    def __init__(self):
        super().__init__()
        self.state = LossesState()
        self.controls = LossControls(self.state)
        self.output = OutputBars(self.state)
        self.curves = LossCurves(self.state)
        self.explanation = Explanation()
        self.softmax_page = SoftmaxPage(self.state)
        self.batch_page = BatchPage(self.state)
        self.controls.mode_chosen.connect(self.set_mode)
        self.controls.target_chosen.connect(self.set_target)
        self.controls.example_chosen.connect(self.load_example)
        self.output.editor.edited.connect(self.on_bar_edited)
        self._layout()
        self.retranslate()

    def _layout(self):
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.output)
        middle.addWidget(self.curves)
        middle.setSizes([380, 300])
        self.side = QTabWidget()
        for page in (self.explanation, self.softmax_page, self.batch_page):
            self.side.addTab(page, "")
        self.side.setMinimumWidth(330)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.controls)
        splitter.addWidget(middle)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(1, 2)  # a wider window widens the plots and, a third of it, the side pages
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([300, 600, 380])
        QHBoxLayout(self).addWidget(splitter)

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Losses")

    def retranslate(self):
        for page in (self.controls, self.output, self.curves, self.softmax_page, self.batch_page):
            page.retranslate()
        self.side.setTabText(0, self.tr("Explanation"))
        self.side.setTabText(1, self.tr("Softmax overflow"))
        self.side.setTabText(2, self.tr("Mini-batch"))
        self.explanation.setHtml(self.tr(
            "<h3>Loss functions</h3>"
            "<p>A loss function measures how <i>bad</i> the network's output y is against the supervision "
            "t (one-hot: 1 for the correct class, 0 elsewhere). Learning means making it small.</p>"
            "<p><b>Mean squared error</b><br>E = ½ Σ<sub>k</sub> (y<sub>k</sub> − t<sub>k</sub>)²</p>"
            "<p><b>Cross-entropy error</b><br>E = −Σ<sub>k</sub> t<sub>k</sub> log(y<sub>k</sub> + 10<sup>−7</sup>)"
            "<br>Only the correct class counts: E = −log y<sub>t</sub>. The tiny 10<sup>−7</sup> keeps log 0 "
            "from becoming −∞.</p>"
            "<p>The book's examples, with t = “2”: when the net says “2” with 0.6 the losses are 0.0975 and "
            "0.5108; when it says “7” with 0.6 they grow to 0.5975 and 2.3026.</p>"
            "<p>The lower plot shows why cross-entropy suits classification: as the correct class's "
            "probability falls toward 0, −log y<sub>t</sub> grows without limit, so a confident wrong answer is "
            "punished hard, while the squared error stays below 1.</p>"
            "<p><b>Why not use accuracy?</b> Accuracy changes only when an answer flips, so its derivative "
            "is 0 almost everywhere and gives no direction. The loss changes smoothly with every weight.</p>"))
        self.refresh()

    def palette_changed(self):
        self.refresh()

    # ------------------------------------------------------------------ actions: state first, then the views
    def set_mode(self, mode):
        self.state.set_mode(mode)
        self.refresh()

    def set_target(self, k):
        self.state.target = int(k)
        self.refresh()

    def on_bar_edited(self, k, value):
        self.state.set_bar(k, value)
        self.refresh()

    def load_example(self, name):
        """The book's example outputs, or "uniform" (every class 0.1)."""
        if name == "uniform":
            self.state.load_uniform()
        else:
            self.state.load_example(name)
        self.refresh()

    def refresh(self):
        """Everything that shows y and t: the controls' readouts, the bars and the curves."""
        for page in (self.controls, self.output, self.curves):
            page.refresh()

    # ------------------------------------------------------------------ lessons (Show me)
    def lesson_pages(self):
        return {"explanation": (self.side, self.explanation), "softmax": (self.side, self.softmax_page),
                "batch": (self.side, self.batch_page)}

    def state_fault(self):
        s = self.state
        if s.mode not in ("probabilities", "logits") or not 0 <= s.target <= 9 or not 1 <= s.batch_size <= 100:
            return "mode, target (0–9) or batch size (1–100) out of range"
        if np.any(s.y < 0) or abs(s.y.sum() - 1) > 1e-6 or np.any(np.abs(s.logits) > LOGIT_LIMIT):
            return "y must be probabilities adding up to 1, and scores within ±10"
        return ""

    def show_state(self):
        if self.state.mode == "logits":
            self.state.y = softmax(self.state.logits)
        self.refresh()
        self.batch_page.refresh()
        self.softmax_page.refresh()

    # ------------------------------------------------------------------ settings
    def save_settings(self, settings):
        settings.setValue("mode", self.state.mode)
        settings.setValue("target", self.state.target)
        settings.setValue("y", [float(v) for v in self.state.y])
        settings.setValue("logits", [float(v) for v in self.state.logits])
        settings.setValue("batch_size", self.state.batch_size)

    def restore_settings(self, settings):
        """y, the scores, the correct class, the mode and the batch size; a value of the wrong type, length or
        range keeps its default (gui.settings logs it)."""
        s = self.state
        y = read_floats(settings, "y", None, length=10, lo=0.0, hi=1.0)
        if y is not None and abs(sum(y) - 1) < 1e-6:
            s.y = np.array(y)
        elif y is not None:
            reject(settings, "y", y, "the worked example", "the probabilities do not add up to 1")
        logits = read_floats(settings, "logits", None, length=10, lo=-LOGIT_LIMIT, hi=LOGIT_LIMIT)  # the editor's
        if logits is not None:
            s.logits = np.array(logits)
        s.target = read(settings, "target", s.target, lo=0, hi=9)
        if read(settings, "mode", s.mode, choices=("probabilities", "logits")) == "logits":
            s.mode = "logits"
            s.y = softmax(s.logits)
        s.batch_size = read(settings, "batch_size", s.batch_size, lo=1, hi=100)
        self.refresh()
        self.batch_page.refresh()
