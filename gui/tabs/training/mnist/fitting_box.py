"""The overfitting settings: how many training images, how many held out for validation, and the L2 λ.

Each widget writes its field of the state; `refresh()` sets the widgets from the state (after restore_settings
and *Book's settings*). *Make it overfit* sets the lessons' experiment: 1,000 training images, 10,000 held out.
The settings fold away (closed at first, so the column fits a 1280×720 window): the header's one line says what
they are, and a click on it opens them.
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.panel_helpers import Retranslated, muted, wrapped

MNIST_TRAIN = 60_000
OVERFIT = {"train_size": 1000, "validation": 10_000, "weight_decay": 0.0}


class FittingBox(Retranslated, QGroupBox):
    changed = Signal(str)  # the name of the state field the user changed

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.size_spin = QSpinBox()
        self.size_spin.setRange(10, MNIST_TRAIN)
        self.size_spin.setSingleStep(1000)
        self.size_spin.setGroupSeparatorShown(True)
        self.validation_spin = QSpinBox()
        self.validation_spin.setRange(0, 20_000)
        self.validation_spin.setSingleStep(1000)
        self.validation_spin.setGroupSeparatorShown(True)
        self.lambda_spin = QDoubleSpinBox()
        self.lambda_spin.setRange(0.0, 1000.0)
        self.lambda_spin.setDecimals(3)
        self.lambda_spin.setSingleStep(0.1)
        self.widgets = {"train_size": self.size_spin, "validation": self.validation_spin,
                        "weight_decay": self.lambda_spin}
        self.labels = {name: QLabel() for name in self.widgets}
        self.note = muted(wrapped())
        self.overfit_button = QPushButton()
        self.overfit_button.clicked.connect(self.overfit)
        self.toggle = QToolButton()  # the header: what the settings are, a click opens or closes them
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(self.toggle.sizePolicy().Policy.Expanding, self.toggle.sizePolicy().Policy.Fixed)
        self.toggle.toggled.connect(self.set_open)
        self.settings = QWidget()
        form = QFormLayout(self.settings)
        form.setContentsMargins(0, 0, 0, 0)
        for name, widget in self.widgets.items():
            form.addRow(self.labels[name], widget)
        form.addRow(self.note)
        form.addRow(self.overfit_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 2, 6, 4)
        column.addWidget(self.toggle)
        column.addWidget(self.settings)
        self.set_open(False)
        self.size_spin.valueChanged.connect(lambda v: self._write("train_size", int(v)))
        self.validation_spin.valueChanged.connect(lambda v: self._write("validation", int(v)))
        self.lambda_spin.valueChanged.connect(lambda v: self._write("weight_decay", float(v)))
        self.refresh()
        self.retranslate()

    def set_open(self, shown: bool) -> None:
        """Show or fold away the settings (the header stays, saying what they are)."""
        with QSignalBlocker(self.toggle):
            self.toggle.setChecked(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.settings.setVisible(shown)

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def _write(self, name, value):
        setattr(self.state, name, value)
        self.refresh_note()
        self.changed.emit(name)

    def overfit(self):
        for name, value in OVERFIT.items():
            setattr(self.state, name, value)
        self.refresh()
        self.changed.emit("train_size")

    def refresh(self):
        for name, widget in self.widgets.items():
            with QSignalBlocker(widget):
                widget.setValue(getattr(self.state, name))
        self.refresh_note()

    def set_enabled(self, enabled):
        for widget in (*self.widgets.values(), self.overfit_button):
            widget.setEnabled(enabled)

    def retranslate(self):
        self.setTitle(self.tr("Overfitting"))
        texts = {
            "train_size": (self.tr("Training images"),
                           self.tr("Train on the first n training images (the book uses all 60,000); with 1,000 "
                                   "the net learns them by heart")),
            "validation": (self.tr("Validation"),
                           self.tr("Training images held out (the last ones) as the validation (dev) set: "
                                   "measured every epoch, never trained on")),
            "weight_decay": (self.tr("Regularisation λ"),
                             self.tr("L2 regularisation: cost + λ/2m·ΣW², gradient + λW/m (m = batch size); "
                                     "0 = none")),
        }
        for name, (label, tip) in texts.items():
            self.labels[name].setText(label)
            self.labels[name].setToolTip(tip)
            self.widgets[name].setToolTip(tip)
        self.toggle.setToolTip(self.tr("Training images, validation set and λ: click to show or hide them"))
        self.overfit_button.setText(self.tr("Make it overfit"))
        self.overfit_button.setToolTip(self.tr("1,000 training images, 10,000 held out for validation, λ = 0: "
                                               "train long and watch the gap open; then try λ = 1"))
        self.refresh_note()

    def refresh_note(self):
        s = self.state
        held = min(s.validation, MNIST_TRAIN - 1)
        used = min(s.train_size, MNIST_TRAIN - held)
        text = (self.tr("Trains on %1 images; validates on %2.").replace("%2", f"{held:,}") if held
                else self.tr("Trains on %1 images; no validation set (the test set is the only check)."))
        self.note.setText(text.replace("%1", f"{used:,}"))
        self.toggle.setText(self.tr("%1 images · %2 held out · λ = %3").replace("%1", f"{used:,}").replace(
            "%2", f"{held:,}").replace("%3", f"{s.weight_decay:g}"))
