"""The cat panel's controls column: the data folder, the gradient-descent settings and the accuracies.
(The Training box — Start / Pause / Stop and the progress — is the shared RunPanel's.)"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from engine.lab import logistic as logistic_lab
from gui.tabs.training.cat.page import Box
from gui.widgets.panel_helpers import ERROR_STYLE, muted, wrapped


class DataBox(Box):
    """Open folder…, the folder chosen and what is in it (or what is wrong with it)."""

    def __init__(self, state):
        super().__init__(state)
        self.open_button = QPushButton()
        self.folder_label = muted(wrapped())
        self.data_status = wrapped()
        row = QHBoxLayout()  # the folder beside the button that changes it (one row less: the column fits 1280×720)
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.data_status)
        self.retranslate()

    def retranslate(self):
        self.setTitle(self.tr("Data"))
        self.open_button.setText(self.tr("Open folder…"))
        self.open_button.setToolTip(self.tr("Choose the folder that holds train_catvnoncat.h5 and "
                                            "test_catvnoncat.h5 (remembered for next time)"))
        self.refresh()

    def status_text(self) -> str:
        """The counts of the data loaded, else why the folder cannot be used, else what the panel needs."""
        s = self.state
        if s.data is not None:
            return self.counts_text()
        if s.loading:
            return self.tr("Reading the folder…")
        if s.data_error:
            return self.tr("Cannot use this folder: %1").replace("%1", s.data_error)
        return self.tr("Needs train_catvnoncat.h5 and test_catvnoncat.h5.")

    def counts_text(self) -> str:
        c = self.state.counts
        return (self.tr("Training: %1 pictures, %2 cats").replace("%1", str(c["train"]))
                .replace("%2", str(c["train_cats"])) + "\n"
                + self.tr("Test: %1 pictures, %2 cats").replace("%1", str(c["test"]))
                .replace("%2", str(c["test_cats"])))

    def refresh(self):
        s = self.state
        self.folder_label.setText(s.folder if s.folder else self.tr("No folder chosen yet."))
        self.data_status.setStyleSheet(ERROR_STYLE if s.data is None and s.data_error else "")
        self.data_status.setText(self.status_text())


class SettingsBox(Box):
    """Gradient descent: η, iterations, how often the cost is recorded, the start (zeros or random) and its seed."""

    def __init__(self, state):
        super().__init__(state)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 10.0)
        self.lr_spin.setSingleStep(0.001)
        self.iter_spin = QSpinBox()
        self.iter_spin.setRange(1, 100_000)
        self.iter_spin.setSingleStep(100)
        self.iter_spin.setGroupSeparatorShown(True)
        self.record_spin = QSpinBox()
        self.record_spin.setRange(1, 10_000)
        self.init_combo = QComboBox()
        self.init_combo.addItems(["", ""])
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.lambda_spin = QDoubleSpinBox()
        self.lambda_spin.setDecimals(3)
        self.lambda_spin.setRange(0.0, 1000.0)
        self.lambda_spin.setSingleStep(0.5)
        self.lambda_label = QLabel()
        self.defaults_button = QPushButton()
        self.lr_label, self.iter_label, self.record_label = QLabel(), QLabel(), QLabel()
        self.init_label, self.seed_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self.lr_label, self.lr_spin)
        form.addRow(self.iter_label, self.iter_spin)
        form.addRow(self.record_label, self.record_spin)
        form.addRow(self.init_label, self.init_combo)
        form.addRow(self.seed_label, self.seed_spin)
        form.addRow(self.lambda_label, self.lambda_spin)
        form.addRow(self.defaults_button)
        self.refresh()
        self.lr_spin.valueChanged.connect(lambda v: setattr(self.state, "learning_rate", float(v)))
        self.iter_spin.valueChanged.connect(lambda v: setattr(self.state, "num_iterations", int(v)))
        self.record_spin.valueChanged.connect(lambda v: setattr(self.state, "record_every", int(v)))
        self.init_combo.currentIndexChanged.connect(self.set_init)
        self.seed_spin.valueChanged.connect(lambda v: setattr(self.state, "seed", int(v)))
        self.lambda_spin.valueChanged.connect(lambda v: setattr(self.state, "lambd", float(v)))
        self.defaults_button.clicked.connect(self.lesson_settings)
        self.retranslate()

    def set_init(self, index):
        self.state.init = "random" if index == 1 else "zeros"
        self.seed_spin.setEnabled(self.state.init == "random")

    def lesson_settings(self):
        self.state.use_lesson_settings()
        self.refresh()

    def refresh(self):
        """The widgets show the state's choices."""
        s = self.state
        self.lr_spin.setValue(s.learning_rate)
        self.iter_spin.setValue(s.num_iterations)
        self.record_spin.setValue(s.record_every)
        self.init_combo.setCurrentIndex(1 if s.init == "random" else 0)
        self.seed_spin.setValue(s.seed)
        self.lambda_spin.setValue(s.lambd)

    def set_running(self, running: bool) -> None:
        """The settings are fixed while a run is on; the seed matters only for a random start."""
        for widget in (self.lr_spin, self.iter_spin, self.record_spin, self.init_combo, self.lambda_spin,
                       self.defaults_button):
            widget.setEnabled(not running)
        self.seed_spin.setEnabled(not running and self.state.init == "random")

    def retranslate(self):
        self.setTitle(self.tr("Gradient descent"))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.iter_label.setText(self.tr("Iterations"))
        self.record_label.setText(self.tr("Record cost every"))
        self.init_label.setText(self.tr("Start from"))
        self.seed_label.setText(self.tr("Random seed"))
        self.lambda_label.setText(self.tr("Regularisation λ"))
        self.lambda_spin.setToolTip(self.tr("L2 regularisation: cost + λ/2m·‖w‖², dw + λw/m (0 = none, as in the "
                                            "lessons' first run); a larger λ keeps w small and narrows the gap — "
                                            "try 50"))
        self.init_combo.setItemText(0, self.tr("zeros (lessons)"))
        self.init_combo.setItemText(1, self.tr("small random w"))
        self.lr_spin.setToolTip(self.tr("Step size η in w ← w − η·dw (the lessons use 0.005)"))
        self.iter_spin.setToolTip(self.tr("How many full-batch gradient-descent steps (the lessons use 2,000)"))
        self.record_spin.setToolTip(self.tr("Keep and print the cost every N iterations (the lessons use 100)"))
        self.init_combo.setToolTip(self.tr("Start from zeros as the lessons do, or from small random weights "
                                           "N(0, 0.01²)"))
        self.seed_spin.setToolTip(self.tr("Seed of the random starting weights (only for random start)"))
        self.defaults_button.setText(self.tr("Lessons' settings"))
        self.defaults_button.setToolTip(self.tr("η = 0.005, 2,000 iterations, cost every 100, w = 0, λ = 0"))


class AccuracyBox(Box):
    """The trained model's accuracy on the training and the test pictures, and whether it overfits."""

    def __init__(self, state):
        super().__init__(state)
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.train_acc_label, self.test_acc_label = QLabel(), QLabel()
        self.train_acc_value, self.test_acc_value = QLabel("—"), QLabel("—")
        for value in (self.train_acc_value, self.test_acc_value):
            value.setFont(big)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overfit_label = wrapped()
        form = QFormLayout(self)
        form.addRow(self.train_acc_label, self.train_acc_value)
        form.addRow(self.test_acc_label, self.test_acc_value)
        form.addRow(self.overfit_label)
        self.retranslate()

    def retranslate(self):
        self.setTitle(self.tr("Accuracy"))
        self.train_acc_label.setText(self.tr("Train"))
        self.test_acc_label.setText(self.tr("Test"))
        self.train_acc_value.setToolTip(self.tr("Share of the 209 training pictures classified right, as the "
                                                "lessons print it"))
        self.test_acc_value.setToolTip(self.tr("Share of the 50 test pictures (never seen in training) "
                                               "classified right"))
        self.refresh()

    def refresh(self):
        s = self.state
        self.train_acc_value.setText("—" if s.train_accuracy is None else f"{s.train_accuracy} %")
        self.test_acc_value.setText("—" if s.test_accuracy is None else f"{s.test_accuracy} %")
        if s.train_accuracy is None:
            self.overfit_label.setText("")
        elif logistic_lab.is_overfitting(s.train_accuracy, s.test_accuracy):
            self.overfit_label.setText(self.tr(
                "The model overfits: it classifies almost every training picture right but far fewer new "
                "ones. It has learned the 209 training pictures rather than what makes a cat."))
        else:
            self.overfit_label.setText(self.tr(
                "Train and test accuracy are close: the model does about as well on new pictures."))
        if s.train_accuracy is not None and s.test_accuracy is not None and s.gaps:
            lines = [self.tr("Gap (train − test): %1 points with λ = %2.").replace("%1", f"{gap:.1f}").replace(
                "%2", f"{lam:g}") for lam, gap in s.gaps]
            if len(s.gaps) == 2:
                lines[0] = self.tr("Previous run: %1").replace("%1", lines[0])
            self.overfit_label.setText(self.overfit_label.text() + "\n" + "\n".join(lines))
