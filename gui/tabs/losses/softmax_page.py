"""The Losses tab's softmax page: exp overflows for large scores; subtracting C = max(a) first never does."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from engine.lab import losses as loss_lab
from gui.tabs.losses.tables import fit_rows, read_only_table, set_cells
from gui.widgets.plots import COLORS, Plot, foreground

EXAMPLES = ("1010, 1000, 990", "0.3, 2.9, 4.0", "1e6, 0, -1e6")  # the book's overflow, its softmax example, huge


class SoftmaxPage(QWidget):
    """Scores typed by the user (or one of the examples), every step of the naive and the shifted softmax as
    a table, and the stable y as bars beside the naive one's fate (a number, or inf / nan)."""

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
        self.examples = QHBoxLayout()
        self.example_buttons = []
        for text in EXAMPLES:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, text=text: self.use_example(text))
            self.examples.addWidget(button)
            self.example_buttons.append(button)
        self.table = read_only_table()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.plot = Plot()  # the rest of the pane: the probabilities the stable formula gives
        self.plot.setMouseEnabled(False, False)
        self.plot.setMinimumHeight(140)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=COLORS[0])
        self.plot.addItem(self.bars)
        self.bar_text = []
        self.plot.getViewBox().sigResized.connect(self.fit_range)
        self.logits_label.setBuddy(self.logits_edit)  # its accessible name
        for w in (self.intro, self.logits_label, self.logits_edit):
            layout.addWidget(w)
        layout.addLayout(self.examples)
        layout.addWidget(self.logits_error)
        layout.addWidget(self.table)  # as tall as its rows: the plot takes the rest
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        self.retranslate()

    def retranslate(self):
        self.intro.setText(self.tr(
            "Softmax turns scores a into probabilities: y_k = exp(a_k) / Σ exp(a_i). With large scores "
            "exp overflows. Subtracting C = max(a) first gives the same y and never overflows."))
        self.logits_label.setText(self.tr("Scores a (comma-separated):"))
        self.logits_edit.setToolTip(self.tr("Type scores and press Enter, e.g. 1010, 1000, 990"))
        for button, tip in zip(self.example_buttons, (
                self.tr("Example: the book's scores; exp(1010) overflows to inf"),
                self.tr("Example: the book's softmax example, y = 0.018, 0.245, 0.737"),
                self.tr("Example: scores a million apart; the shifted formula still gives 1 and 0")), strict=True):
            button.setToolTip(tip)
        self.plot.set_labels(self.tr("class k"), self.tr("y_k"), self.tr("Stable y = softmax(a − C)"))
        self.table.setAccessibleName(self.tr("Softmax of the scores, naive and stable"))
        self.refresh()

    def on_input_rejected(self):
        """The box is full (typed or pasted past its length): say so, as the text was cut."""
        if len(self.logits_edit.text()) >= self.logits_edit.maxLength():
            self.logits_error.setText(self.tr(
                "At most %1 characters (up to %2 scores): the rest was left out.")
                .replace("%1", str(loss_lab.MAX_SCORES_TEXT)).replace("%2", str(loss_lab.MAX_SCORES)))

    def use_example(self, text):
        self.logits_edit.setText(text)
        self.on_scores_typed()

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
        fit_rows(self.table)
        self.draw_bars(st)
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

    def draw_bars(self, st):
        """y_k of the shifted formula as bars, each with its value; "naive: nan" above the ones the naive formula
        lost to overflow."""
        y, naive = st["y"], st["y_naive"]
        k = np.arange(len(y))
        finite = np.where(np.isfinite(y), y, 0.0)
        self.bars.setOpts(x=k, height=finite, width=0.6)
        for item in self.bar_text:
            self.plot.removeItem(item)
        self.bar_text = []
        for i in k:
            text = f"{y[i]:.3g}" if np.isfinite(naive[i]) else f"{y[i]:.3g}\n" + self.tr("naive: %1").replace(
                "%1", f"{naive[i]}")
            item = pg.TextItem(text, anchor=(0.5, 1.0), color=COLORS[3] if not np.isfinite(naive[i]) else foreground())
            item.setPos(float(i), float(finite[i]))
            self.plot.addItem(item)
            self.bar_text.append(item)
        self.plot.getAxis("bottom").setTicks([[(int(i), str(int(i))) for i in k]] if len(k) <= 20 else None)
        self.plot.setXRange(-0.6, max(len(k) - 0.4, 0.6), padding=0)
        self.fit_range()

    def fit_range(self, *_):
        """y from 0 to 1 and, above, room for the labels of a bar of 1 (the labels keep their pixel size)."""
        pixels = self.plot.getViewBox().height()
        need = max((t.boundingRect().height() for t in self.bar_text), default=0) + 6
        top = 1.0 / max(0.4, 1 - need / pixels) if pixels > 0 else 1.3
        self.plot.setYRange(0, top, padding=0)
