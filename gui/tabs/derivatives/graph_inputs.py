"""The inputs of the graph page's two graphs: a, b, c of J = 3(a + bc) with the lessons' two examples, and
x1, x2, w1, w2, b, y of the logistic-regression graph with CURRICULUM §4c's worked example.

Each box writes the tab's state (state.set_graph_input) and emits changed(example); refresh() shows the state.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QPushButton, QSpinBox, QVBoxLayout

from engine import graph
from gui.tabs.derivatives.common import quiet
from gui.tabs.derivatives.state import INPUT_LIMIT, LOGISTIC_LIMIT
from gui.widgets.panel_helpers import Retranslated

EXAMPLES = ((5.0, 3.0, 2.0), (7.0, 4.0, 2.0))  # the lessons' two: J = 33 and J = 45


class InputsBox(Retranslated, QGroupBox):
    """A form of one spin box per input of graph `key`; `changed` says the state was written."""

    changed = Signal(bool)  # True after an example: the passes start again
    key = ""

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.form = QFormLayout(self)
        self.spins = {}

    def add_spin(self, name, spin):
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v, n=name: self.set_input(n, v))
        self.form.addRow(name, spin)
        self.spins[name] = spin

    def set_input(self, name, value):
        self.state.set_graph_input(self.key, name, value)
        self.changed.emit(False)

    def set_inputs(self, values):
        """An example's inputs: the state takes them all, then one changed(True)."""
        for name, value in values.items():
            self.state.set_graph_input(self.key, name, value)
        self.changed.emit(True)

    def refresh(self):
        values = self.state.inputs_of(self.key)
        with quiet(*self.spins.values()):
            for name, spin in self.spins.items():
                spin.setValue(values[name])

    def retranslate(self):
        for name, spin in self.spins.items():
            spin.setToolTip(self.tr("Change %1: the graph recomputes the steps shown").replace("%1", name))


def number_spin(limit):
    spin = QDoubleSpinBox()
    spin.setRange(-limit, limit)
    spin.setDecimals(3)
    spin.setSingleStep(0.1)
    return spin


class JInputs(InputsBox):
    """a, b, c of J = 3(a + bc), and the lessons' two examples."""

    key = "J"

    def __init__(self, state):
        super().__init__(state)
        for name in ("a", "b", "c"):
            spin = number_spin(INPUT_LIMIT)
            spin.setSingleStep(1.0)
            self.add_spin(name, spin)
        row = QVBoxLayout()
        self.example1_button = QPushButton()
        self.example2_button = QPushButton()
        for button, (a, b, c) in zip((self.example1_button, self.example2_button), EXAMPLES, strict=True):
            button.clicked.connect(lambda _=False, a=a, b=b, c=c: self.set_inputs({"a": a, "b": b, "c": c}))
            row.addWidget(button)
        self.form.addRow(row)
        self.retranslate()

    def retranslate(self):
        super().retranslate()
        self.setTitle(self.tr("Inputs of J = 3(a + bc)"))
        self.example1_button.setText(self.tr("a=5, b=3, c=2"))
        self.example2_button.setText(self.tr("a=7, b=4, c=2"))
        self.example1_button.setToolTip(self.tr("The lessons' first example: J = 33"))
        self.example2_button.setToolTip(self.tr("The lessons' second example: J = 45"))


class LogisticInputs(InputsBox):
    """x1, x2 (one sample), w1, w2, b (the parameters), y (its label, 0 or 1), and the worked example."""

    key = "logistic"

    def __init__(self, state):
        super().__init__(state)
        for name in ("x1", "x2", "w1", "w2", "b"):
            self.add_spin(name, number_spin(LOGISTIC_LIMIT))
        label = QSpinBox()
        label.setRange(0, 1)
        self.add_spin("y", label)
        self.example_button = QPushButton()
        self.example_button.clicked.connect(lambda: self.set_inputs(graph.LOGISTIC_EXAMPLE))
        self.form.addRow(self.example_button)
        self.retranslate()

    def retranslate(self):
        super().retranslate()
        self.setTitle(self.tr("Inputs of the logistic regression"))
        self.spins["y"].setToolTip(self.tr("The label y: 1 (a cat) or 0 (not a cat)"))
        self.example_button.setText(self.tr("Worked example"))
        self.example_button.setToolTip(self.tr(
            "x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1: z = 0, a = 0.5, L = 0.6931…"))
