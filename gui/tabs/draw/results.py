"""The Draw tab's answer: the digit the net reads, the 28 × 28 input it sees, and its 10 softmax outputs."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from engine import preprocess
from gui.tabs.draw.controls import ERROR_STYLE
from gui.widgets.draw_canvas import PixelView
from gui.widgets.plots import COLORS, Plot, foreground


class DrawResults(QSplitter):
    """Shows the state's prepared input and probabilities, or why there is no answer."""

    def __init__(self, state):
        super().__init__(Qt.Orientation.Horizontal)
        self.state = state
        self.addWidget(self._build_answer())
        self.bar_plot = Plot()
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brushes=[COLORS[0]] * 10)
        self.bar_plot.addItem(self.bars)
        self.bar_text = pg.TextItem(anchor=(0.5, 1.0))
        self.bar_plot.addItem(self.bar_text)
        self.bar_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.bar_plot.setXRange(-0.6, 9.6, padding=0)
        self.bar_plot.setYRange(0, 1.1, padding=0)
        self.bar_plot.setMouseEnabled(False, False)
        # no grid: pyqtgraph draws grid lines as part of the axes, which then repaint (≈ 3 ms) at every update
        self.bar_plot.getPlotItem().showGrid(x=False, y=False)
        self.bar_plot.setMinimumSize(220, 200)
        self.addWidget(self.bar_plot)
        self.setSizes([170, 330])
        self.setChildrenCollapsible(False)
        self.retranslate()

    def _build_answer(self):
        self.answer_label = QLabel("–")
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 3.5)
        big.setBold(True)
        self.answer_label.setFont(big)
        self.answer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_label.setMinimumWidth(60)
        self.answer_caption = QLabel()
        self.answer_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_caption.setWordWrap(True)
        self.probability_label = QLabel()
        self.probability_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.probability_label.setWordWrap(True)
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.answer_caption)
        answer_box.addWidget(self.answer_label, 1)
        answer_box.addWidget(self.probability_label)
        self.preview = PixelView()
        self.preview.setMinimumSize(84, 84)  # 3 screen pixels a pixel when the window is 720 pixels high
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        preview_box = QVBoxLayout()
        self.preview_title.setBuddy(self.preview)  # its accessible name
        preview_box.addWidget(self.preview_title)
        preview_box.addWidget(self.preview, 1)
        top = QVBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(answer_box, 2)
        top.addLayout(preview_box, 3)
        top_widget = QWidget()
        top_widget.setLayout(top)
        return top_widget

    def retranslate(self):
        self.preview_title.setText(self.tr("What the net sees: 28 × 28 pixels"))
        self.preview.setToolTip(self.tr(
            "The drawing after MNIST's preparation: fitted into the 20 × 20 box (orange), its centre of mass "
            "on pixel (14, 14) (blue). These 784 numbers are the net's input."))
        self.answer_caption.setText(self.tr("Answer"))
        self.bar_plot.set_labels(self.tr("digit k"), self.tr("probability y_k (softmax output)"),
                                 self.tr("The net's 10 outputs"))

    def show_answer(self, drawn: bool, has_model: bool, error: str = ""):
        """The state's input, answer and bars. Without an answer the label says why: nothing drawn yet, no
        model, or `error` (the model cannot read this input)."""
        s = self.state
        p = s.preparation
        if s.show_guides and p is not None and p.bbox is not None:
            self.preview.set_image(s.x, box=(*p.offset, *p.box.shape), mark=(preprocess.CENTER, preprocess.CENTER))
        else:
            self.preview.set_image(s.x if s.x is not None else np.zeros((28, 28), np.float32))
        brushes = [COLORS[0]] * 10
        if s.y is not None:
            brushes[s.answer] = COLORS[3]
        self.bars.setOpts(height=np.zeros(10) if s.y is None else s.y, brushes=brushes)
        if s.y is None:
            self.answer_label.setText("?" if drawn and (error or not has_model) else "–")
            self.bar_text.setText("")
            self.probability_label.setText(error or (self.tr("Draw a digit") if has_model else self.tr("no model")))
        else:
            k = s.answer
            self.answer_label.setText(str(k))
            self.probability_label.setText(self.tr("probability %1 %").replace("%1", f"{100 * s.y[k]:.1f}"))
            self.bar_text.setText(f"{100 * s.y[k]:.1f} %", color=foreground())
            self.bar_text.setPos(k, float(s.y[k]))
        self.probability_label.setStyleSheet(ERROR_STYLE if error else "")
