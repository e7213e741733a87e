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
        self.logits_edit.editingFinished.connect(self.on_scores_typed)
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

    def on_scores_typed(self):
        self.state.scores_text = self.logits_edit.text()
        self.refresh()

    def refresh(self):
        """The steps for the state's scores; text that is no list of numbers keeps the last good table."""
        try:
            a = loss_lab.parse_numbers(self.state.scores_text)
        except loss_lab.NumberListError as exc:
            self.logits_error.setText(
                self.tr("Enter numbers separated by commas, e.g. 1010, 1000, 990") if exc.item is None
                else self.tr("Cannot read the scores: “%1” is not a number").replace("%1", exc.item))
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
        note += (self.tr("The naive formula overflowed (inf / nan); the shifted one is fine.") if overflow
                 else self.tr("No overflow here: both formulas give the same y."))
        self.note.setText(note)
