"""The two-layer net's settings: hidden size, activation, η, batch, iterations, init std, seed, gradient method.

Each widget writes its field of the state; `refresh()` sets the widgets from the state (after restore_settings
and *Book's settings*, which write the state first).
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from engine import evaluation, numerical_run
from gui.tabs.training.mnist.comparison_view import seconds_text
from gui.tabs.training.mnist.state import BOOK_SETTINGS, NUMERICAL_MAX_BATCH, NUMERICAL_MAX_ITERS
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.panel_helpers import Retranslated, muted, wrapped

ACTIVATIONS = ("sigmoid", "relu", "identity")  # the combo's items, in order
METHODS = ("backprop", "numerical")


def spin(lo, hi, step=1):
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    return box


class NetBox(Retranslated, QGroupBox):
    changed = Signal(str)  # the name of the state field the user changed

    def __init__(self, state):
        super().__init__()
        self.state = state
        self._estimates = {}  # (hidden size, batch, activation) → seconds per numerical gradient on this computer
        self.hidden_spin = spin(1, 1000)
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(["", "", ""])  # sigmoid, ReLU, identity
        self.lr_spin = DecadeSpinBox(1e-6, 1e8, state.learning_rate)
        self.batch_spin = spin(1, 10_000)
        self.iter_spin = spin(1, 1_000_000, 1000)
        self.iter_spin.setGroupSeparatorShown(True)
        self.std_spin = DecadeSpinBox(1e-6, 10.0, state.weight_init_std)
        self.seed_spin = spin(0, 2**31 - 1)
        self.method_combo = QComboBox()
        self.method_combo.addItems(["", ""])  # backprop, numerical
        self.identity_note = muted(wrapped())
        self.method_note = muted(wrapped())
        self.method_note.setTextFormat(Qt.TextFormat.RichText)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.book_defaults)
        self.widgets = {"hidden_size": self.hidden_spin, "activation": self.activation_combo,
                        "learning_rate": self.lr_spin, "batch_size": self.batch_spin, "iterations": self.iter_spin,
                        "weight_init_std": self.std_spin, "seed": self.seed_spin, "method": self.method_combo}
        self.labels = {name: QLabel() for name in self.widgets}
        form = QFormLayout(self)
        for name, widget in self.widgets.items():
            form.addRow(self.labels[name], widget)
        form.addRow(self.identity_note)
        form.addRow(self.method_note)
        form.addRow(self.defaults_button)
        for name in ("hidden_size", "batch_size", "iterations", "seed"):
            self.widgets[name].valueChanged.connect(lambda v, name=name: self._write(name, int(v)))
        for name in ("learning_rate", "weight_init_std"):
            self.widgets[name].valueChanged.connect(lambda v, name=name: self._write(name, float(v)))
        self.activation_combo.currentIndexChanged.connect(lambda i: self._write("activation", ACTIVATIONS[i]))
        self.method_combo.currentIndexChanged.connect(lambda i: self._write("method", METHODS[i]))
        self.refresh()
        self.retranslate()

    def _write(self, name, value):
        setattr(self.state, name, value)
        self.refresh_method_note()
        self.changed.emit(name)

    def book_defaults(self):
        """The book's chapter 4 train_neuralnet.py: its settings and its sigmoid net (ends near 0.946)."""
        for name, value in BOOK_SETTINGS.items():
            setattr(self.state, name, value)
        self.state.activation = "sigmoid"
        self.refresh()

    def refresh(self):
        """The widgets from the state (their signals blocked: the state is already right)."""
        s = self.state
        values = {"activation": ACTIVATIONS.index(s.activation), "method": METHODS.index(s.method)}
        for name, widget in self.widgets.items():
            with QSignalBlocker(widget):
                if name in values:
                    widget.setCurrentIndex(values[name])
                else:
                    widget.setValue(getattr(s, name))
        self.refresh_method_note()

    def set_enabled(self, enabled):
        for widget in (*self.widgets.values(), self.defaults_button):
            widget.setEnabled(enabled)

    def retranslate(self):
        self.setTitle(self.tr("Two-layer net"))
        texts = {
            "hidden_size": (self.tr("Hidden size"), self.tr("Neurons in the hidden layer (the book uses 50)")),
            "activation": (self.tr("Activation"),
                           self.tr("Sigmoid: the chapter 4 net. ReLU: the chapter 5 net (learns faster here)")),
            "learning_rate": (self.tr("Learning rate η"),
                              self.tr("Step size η in W ← W − η·∂L/∂W (the book uses 0.1)")),
            "batch_size": (self.tr("Batch size"),
                           self.tr("Training images drawn at random for each step (the book uses 100)")),
            "iterations": (self.tr("Iterations"), self.tr("Mini-batch steps (the book uses 10,000 ≈ 16.7 epochs)")),
            "weight_init_std": (self.tr("Weight init std"),
                                self.tr("Weights start as N(0, std²), biases as 0 (the book uses 0.01)")),
            "seed": (self.tr("Seed"), self.tr("Random seed of the starting weights and the mini-batches: the same "
                                              "seed gives the same run")),
            "method": (self.tr("Gradient"), self.tr("Backpropagation (chapter 5), or the numerical gradient of "
                                                   "chapter 4: the book's slow way")),
        }
        for name, (label, tip) in texts.items():
            self.labels[name].setText(label)
            self.labels[name].setToolTip(tip)
            self.widgets[name].setToolTip(tip)
        self.activation_combo.setItemText(0, self.tr("sigmoid (chapter 4)"))
        self.activation_combo.setItemText(1, self.tr("ReLU (chapter 5)"))
        self.activation_combo.setItemText(2, self.tr("identity (linear)"))
        self.identity_note.setText(self.tr(
            "With h(a) = a the two layers collapse into one: x·W1·W2 + b1·W2 + b2 = x·W + b, a linear classifier. "
            "It ends near 0.92 test accuracy, far below ReLU's 0.97: the non-linearity is what the hidden layer "
            "is for."))
        self.method_combo.setItemText(0, self.tr("backpropagation"))
        self.method_combo.setItemText(1, self.tr("numerical (slow)"))
        self.defaults_button.setText(self.tr("Book's settings (chapter 4)"))
        self.defaults_button.setToolTip(self.tr("Chapter 4's train_neuralnet.py: the sigmoid net, 50 hidden "
                                                "neurons, η = 0.1, batch 100, 10,000 iterations, std 0.01 — it ends "
                                                "near 0.946 test accuracy (choose ReLU for chapter 5's 0.970)"))
        self.refresh_method_note()

    def refresh_method_note(self):
        s = self.state
        self.identity_note.setVisible(s.activation == "identity")
        numerical = s.method == "numerical"
        self.method_note.setVisible(numerical)
        if numerical:
            weights = evaluation.parameter_count(784, s.hidden_size, 10)
            iterations, batch = min(s.iterations, NUMERICAL_MAX_ITERS), min(s.batch_size, NUMERICAL_MAX_BATCH)
            per_gradient = self.estimate(s.hidden_size, batch, s.activation)
            self.method_note.setText(self.tr(
                "Start trains two copies of the net on the same %1 mini-batches of %2 images (at most %3 × %4): "
                "one with the numerical gradient — 2 loss evaluations per weight, %5 for this net — and one with "
                "backprop. Expected time: about %6 (%7 per numerical gradient here).")
                .replace("%1", str(iterations)).replace("%2", str(batch)).replace("%3", str(NUMERICAL_MAX_ITERS))
                .replace("%4", str(NUMERICAL_MAX_BATCH)).replace("%5", f"{2 * weights:,}")
                .replace("%6", seconds_text(iterations * per_gradient)).replace("%7", seconds_text(per_gradient)))

    def estimate(self, hidden, batch, activation):
        """Seconds per numerical gradient: as measured by the last numerical run if it had this shape, else
        engine.numerical_run.estimate_seconds (~40 ms of timing, once per shape)."""
        key, s = (hidden, batch, activation), self.state
        if s.run is not None and s.run.numerical and (s.run.hidden, s.run.batch, s.run.activation) == key:
            summary = s.curves.compare.summary(s.curves.loss) if s.curves.compare is not None else None
            if summary is not None:
                return summary["numerical_seconds"]
        if key not in self._estimates:
            self._estimates[key] = numerical_run.estimate_seconds(hidden, batch, activation)
        return self._estimates[key]
