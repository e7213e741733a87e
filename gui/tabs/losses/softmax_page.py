"""The Losses tab's softmax page: exp overflows for large scores; subtracting C = max(a) first never does."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from engine.lab import losses as loss_lab
from gui.tabs.losses.tables import read_only_table, set_cells
from gui.widgets.plots import COLORS


class SoftmaxPage(QWidget):
    """Scores typed by the user, and every step of the naive and the shifted softmax as a table."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.logits_label = QLabel()
        self.logits_edit = QLineEdit(state.scores_text)
        self.logits_edit.setMaxLength(loss_lab.MAX_SCORES_TEXT)  # a pasted megabyte is cut here, at once
        self.logits_edit.editingFinished.connect(self.on_scores_typed)
        self.logits_edit.inputRejected.connect(self.on_input_rejected)
        self.logits_error = QLabel()
        self.logits_error.setStyleSheet("color: #D55E00;")
        self.logits_error.setWordWrap(True)
        self.table = read_only_table()
        self.note = QLabel()
        self.note.setWordWrap(True)
        for w in (self.intro, self.logits_label, self.logits_edit, self.logits_error):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self):
        self.intro.setText(self.tr(
            "Softmax turns scores a into probabilities: y_k = exp(a_k) / Σ exp(a_i). With large scores "
            "exp overflows. Subtracting C = max(a) first gives the same y and never overflows."))
        self.logits_label.setText(self.tr("Scores a (comma-separated):"))
        self.logits_edit.setToolTip(self.tr("Type scores and press Enter, e.g. 1010, 1000, 990"))
        self.refresh()

    def on_input_rejected(self):
        """The box is full (typed or pasted past its length): say so, as the text was cut."""
        if len(self.logits_edit.text()) >= self.logits_edit.maxLength():
            self.logits_error.setText(self.tr(
                "At most %1 characters (up to %2 scores): the rest was left out.")
                .replace("%1", str(loss_lab.MAX_SCORES_TEXT)).replace("%2", str(loss_lab.MAX_SCORES)))

    def on_scores_typed(self):
        self.state.scores_text = self.logits_edit.text()
        self.refresh()

    def error_text(self, exc):
        """What is wrong with the typed scores, and what to do (the last good table stays)."""
        if exc.length is not None:
            return self.tr("The text is too long: %1 characters, at most %2. Type at most %3 scores.").replace(
                "%1", str(exc.length)).replace("%2", str(loss_lab.MAX_SCORES_TEXT)).replace(
                "%3", str(loss_lab.MAX_SCORES))
        if exc.count is not None:
            return self.tr("Too many scores: %1, at most %2. Remove some and press Enter.").replace(
                "%1", str(exc.count)).replace("%2", str(exc.limit))
        if exc.item is None:
            return self.tr("Enter numbers separated by commas, e.g. 1010, 1000, 990")
        item = exc.item if len(exc.item) <= 40 else exc.item[:40] + "…"
        return self.tr("Cannot read the scores: “%1” is not a number").replace("%1", item)

    def refresh(self):
        """The steps for the state's scores; text that is no list of numbers keeps the last good table."""
        if self.logits_edit.text() != self.state.scores_text:
            self.logits_edit.setText(self.state.scores_text)
        try:
            a = loss_lab.parse_numbers(self.state.scores_text)
        except loss_lab.NumberListError as exc:
            self.logits_error.setText(self.error_text(exc))
            return
        self.logits_error.setText("")
        st = loss_lab.softmax_steps(a)
        rows = [
            (self.tr("a"), st["a"]),
            (self.tr("exp(a)"), st["exp_naive"]),
            (self.tr("naive y"), st["y_naive"]),
            (self.tr("a − C"), st["shifted"]),
            (self.tr("exp(a − C)"), st["exp_shifted"]),
            (self.tr("stable y"), st["y"]),
        ]
        set_cells(self.table, [f"k = {k}" for k in range(len(a))],
                  [[f"{v:.6g}" for v in values] for _, values in rows])
        self.table.setVerticalHeaderLabels([name for name, _ in rows])
        for r, (_, values) in enumerate(rows):
            for c, v in enumerate(values):
                if not np.isfinite(v):
                    self.table.item(r, c).setForeground(pg.mkColor(COLORS[3]))
        overflow = not np.all(np.isfinite(st["y_naive"]))
        note = self.tr("C = max(a) = %1.").replace("%1", f"{st['shift']:g}") + " "
        if not np.all(np.isfinite(st["y"])):  # nan or ±inf among the scores: no formula can help
            note += self.tr("A score that is nan or infinite makes every output nan, shifted or not: softmax "
                            "needs finite scores.")
        elif overflow:
            note += self.tr("The naive formula overflowed (inf / nan); the shifted one is fine.")
        else:
            note += self.tr("No overflow here: both formulas give the same y.")
        self.note.setText(note)
