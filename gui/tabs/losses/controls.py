"""The Losses tab's left column: edit y or the scores a, the correct class t, the book's examples, the losses."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from engine.lab import losses as loss_lab
from gui.widgets.panel_helpers import ControlColumn
from gui.widgets.plots import COLORS

TARGET_PALETTE = QPalette()  # only these two roles are set: the rest follows the app's palette
TARGET_PALETTE.setColor(QPalette.ColorRole.Button, QColor(COLORS[2]))
TARGET_PALETTE.setColor(QPalette.ColorRole.ButtonText, QColor("white"))


class LossControls(ControlColumn):
    """Writes nothing itself: it says what the user asked for, and shows the state it is given."""

    mode_chosen = Signal(str)  # "probabilities" or "logits"
    target_chosen = Signal(int)
    example_chosen = Signal(str)  # "two", "seven" or "uniform"

    def __init__(self, state):
        super().__init__()
        self.state = state
        left = QWidget()
        layout = QVBoxLayout(left)
        for box in (self._build_mode(), self._build_target(), self._build_examples(), self._build_readout()):
            layout.addWidget(box)
        layout.addStretch(1)
        self.set_column(left, 290, 360)
        self.retranslate()

    def _build_mode(self):
        self.output_box = QGroupBox()
        form = QFormLayout(self.output_box)
        self.mode_prob = QRadioButton()
        self.mode_logits = QRadioButton()
        self.mode_prob.setChecked(True)
        self.mode_prob.toggled.connect(lambda on: on and self.mode_chosen.emit("probabilities"))
        self.mode_logits.toggled.connect(lambda on: on and self.mode_chosen.emit("logits"))
        form.addRow(self.mode_prob)
        form.addRow(self.mode_logits)
        return self.output_box

    def _build_target(self):
        self.target_box = QGroupBox()
        grid = QGridLayout(self.target_box)
        self.target_group = QButtonGroup(self)
        self.target_buttons = []
        for k in range(loss_lab.NUM_CLASSES):
            b = QPushButton(str(k))
            b.setCheckable(True)
            b.setMinimumWidth(30)
            self.target_group.addButton(b, k)
            grid.addWidget(b, k // 5, k % 5)
            self.target_buttons.append(b)
        self.target_group.idClicked.connect(self.target_chosen)
        return self.target_box

    def _build_examples(self):
        self.examples_box = QGroupBox()
        layout = QVBoxLayout(self.examples_box)
        self.example_two = QPushButton()
        self.example_seven = QPushButton()
        self.uniform_button = QPushButton()
        for button, name in ((self.example_two, "two"), (self.example_seven, "seven"),
                             (self.uniform_button, "uniform")):
            button.clicked.connect(lambda _=False, name=name: self.example_chosen.emit(name))
            layout.addWidget(button)
        return self.examples_box

    def _build_readout(self):
        self.readout_box = QGroupBox()
        form = QFormLayout(self.readout_box)
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.mse_label, self.ce_label = QLabel(), QLabel()
        self.mse_value, self.ce_value = QLabel(), QLabel()
        for w in (self.mse_value, self.ce_value):
            w.setFont(big)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mse_exact, self.ce_exact = QLabel(), QLabel()
        for w in (self.mse_exact, self.ce_exact):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setStyleSheet("color: gray;")
        form.addRow(self.mse_label, self.mse_value)
        form.addRow("", self.mse_exact)
        form.addRow(self.ce_label, self.ce_value)
        form.addRow("", self.ce_exact)
        return self.readout_box

    def retranslate(self):
        self.output_box.setTitle(self.tr("Network output"))
        self.mode_prob.setText(self.tr("Edit probabilities y"))
        self.mode_logits.setText(self.tr("Edit scores a (y = softmax(a))"))
        self.mode_prob.setToolTip(self.tr("Drag a bar: the other outputs rescale so that y still sums to 1"))
        self.mode_logits.setToolTip(self.tr("Drag a score: softmax turns the scores into probabilities"))
        self.target_box.setTitle(self.tr("Correct class t (click)"))
        for b in self.target_buttons:
            b.setToolTip(self.tr("Make %1 the correct answer (one-hot t)").replace("%1", b.text()))
        self.examples_box.setTitle(self.tr("The book's examples"))
        self.example_two.setText(self.tr("Example 1: “2” most likely"))
        self.example_seven.setText(self.tr("Example 2: “7” most likely"))
        self.uniform_button.setText(self.tr("Uniform: every class 0.1"))
        self.example_two.setToolTip(self.tr("y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], t = 2"))
        self.example_seven.setToolTip(self.tr("y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0], t = 2"))
        self.uniform_button.setToolTip(self.tr("A net that has learned nothing: y_k = 0.1 for every k"))
        self.readout_box.setTitle(self.tr("Losses"))
        self.mse_label.setText(self.tr("Mean squared error"))
        self.ce_label.setText(self.tr("Cross-entropy error"))

    def refresh(self):
        """Show the state: the mode, the highlighted correct class and both losses."""
        s = self.state
        radios = (self.mode_prob, self.mode_logits)
        for radio in radios:
            radio.blockSignals(True)
        (self.mode_logits if s.mode == "logits" else self.mode_prob).setChecked(True)
        for radio in radios:
            radio.blockSignals(False)
        self.target_buttons[s.target].setChecked(True)
        for k, b in enumerate(self.target_buttons):
            b.setPalette(TARGET_PALETTE if k == s.target else QPalette())
            font = b.font()
            font.setBold(k == s.target)
            b.setFont(font)
        mse, ce = s.losses()
        self.mse_value.setText(f"{mse:.4f}")
        self.ce_value.setText(f"{ce:.4f}")
        self.mse_exact.setText(repr(mse))
        self.ce_exact.setText(repr(ce))
