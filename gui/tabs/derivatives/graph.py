"""The computation graph of J = 3(a + bc) (engine.graph), stepped through: the forward pass fills the values
u = bc, v = a + u, J = 3v; the backward pass fills dJ/d(node) from J back to the inputs by the chain rule,
dJ/d(input) = dJ/d(node) · ∂node/∂input. A table lists every step and checks it by nudging the node by 0.001.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from engine import graph
from gui.tabs.derivatives.common import Page, fill, left_panel, quiet
from gui.tabs.derivatives.state import BACKWARD_STEPS, FORWARD_STEPS, INPUT_LIMIT
from gui.widgets.explanation import Explanation
from gui.widgets.graph_view import GraphView

EXAMPLES = ((5.0, 3.0, 2.0), (7.0, 4.0, 2.0))  # the lessons' two: J = 33 and J = 45
NUDGE = 0.001


class GraphPage(Page):
    """The fourth page: inputs a, b, c, the passes step by step, the graph, and a table of the steps."""

    def __init__(self, state):
        super().__init__(state)
        self._build_controls()
        self.graph_view = GraphView(graph.NODES)
        self.graph_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.steps_table = QTableWidget(0, 3)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.steps_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps_table.verticalHeader().hide()
        self.explanation = Explanation()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.steps_table)
        bottom.addWidget(self.explanation)
        bottom.setSizes([520, 440])
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.graph_view)
        middle.addWidget(bottom)
        middle.setSizes([330, 300])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_panel(self.inputs_box, self.pass_box, width=250))
        splitter.addWidget(middle)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1000])
        fill(self, splitter)
        self.retranslate()

    def _build_controls(self):
        self.inputs_box = QGroupBox()
        form = QFormLayout(self.inputs_box)
        self.abc_spins = {}
        for name in ("a", "b", "c"):
            spin = QDoubleSpinBox()
            spin.setRange(-INPUT_LIMIT, INPUT_LIMIT)
            spin.setDecimals(3)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, n=name: self.set_input(n, v))
            form.addRow(name, spin)
            self.abc_spins[name] = spin
        ex_row = QHBoxLayout()
        self.example1_button = QPushButton()
        self.example2_button = QPushButton()
        self.example1_button.clicked.connect(lambda: self.example(*EXAMPLES[0]))
        self.example2_button.clicked.connect(lambda: self.example(*EXAMPLES[1]))
        ex_row.addWidget(self.example1_button)
        ex_row.addWidget(self.example2_button)
        form.addRow(ex_row)

        self.pass_box = QGroupBox()
        pl = QVBoxLayout(self.pass_box)
        self.forward_button = QPushButton()
        self.backward_button = QPushButton()
        self.all_button = QPushButton()
        self.reset_button = QPushButton()
        self.forward_button.clicked.connect(self.forward_step)
        self.backward_button.clicked.connect(self.backward_step)
        self.all_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset)
        for b in (self.forward_button, self.backward_button, self.all_button, self.reset_button):
            pl.addWidget(b)
        self.status = QLabel()
        self.status.setWordWrap(True)
        pl.addWidget(self.status)

    # ------------------------------------------------------------------ the user's actions → the state
    def set_input(self, name, value):
        setattr(self.state, name, float(value))
        self.refresh()

    def example(self, a, b, c):
        """One of the lessons' inputs, with both passes hidden again."""
        self.state.a, self.state.b, self.state.c = a, b, c
        self.reset()

    def forward_step(self):
        if self.state.forward_done < FORWARD_STEPS:
            self.state.forward_done += 1
        self.refresh()

    def backward_step(self):
        s = self.state
        if s.forward_done == FORWARD_STEPS and s.backward_done < BACKWARD_STEPS:
            s.backward_done += 1
        self.refresh()

    def run_all(self):
        self.state.forward_done, self.state.backward_done = FORWARD_STEPS, BACKWARD_STEPS
        self.refresh()

    def reset(self):
        self.state.forward_done = self.state.backward_done = 0
        self.refresh()

    # ------------------------------------------------------------------ the state → the view
    def texts(self):
        """What the graph shows now: node → value text, node → derivative text, edge → local derivative."""
        s = self.state
        values = graph.forward(s.a, s.b, s.c)
        fwd = graph.forward_steps(s.a, s.b, s.c)
        bwd = graph.backward_steps(values)
        shown_values = {n: graph.number_text(values[n]) for n in ("a", "b", "c")}
        for step in fwd[: s.forward_done]:
            shown_values[step.node] = graph.number_text(step.value)
        shown_grads = {step.node: graph.number_text(step.value) for step in bwd[: s.backward_done]}
        local = graph.local_derivatives(values)
        edges = {}
        for (src, dst), formula in graph.LOCAL_FORMULAS.items():
            if dst in shown_grads:
                number = graph.number_text(local[(src, dst)])
                edges[(src, dst)] = formula if formula.endswith(number) else formula + " = " + number
        return shown_values, shown_grads, edges, fwd, bwd

    def refresh(self):
        s = self.state
        with quiet(*self.abc_spins.values()):
            for name, spin in self.abc_spins.items():
                spin.setValue(getattr(s, name))
        shown_values, shown_grads, edges, fwd, bwd = self.texts()
        if s.backward_done:
            current = bwd[s.backward_done - 1].node
        elif s.forward_done:
            current = fwd[s.forward_done - 1].node
        else:
            current = None
        self.graph_view.show_state(shown_values, shown_grads, edges, current)
        self._fill_table(fwd, bwd)
        self.forward_button.setEnabled(s.forward_done < FORWARD_STEPS)
        self.backward_button.setEnabled(s.forward_done == FORWARD_STEPS and s.backward_done < BACKWARD_STEPS)
        self.status.setText(self._status(fwd[-1].value))

    def _fill_table(self, fwd, bwd):
        """One row per step shown: the formula with its numbers, the value, and (backward) J's change by NUDGE."""
        s = self.state
        rows = [(f"{step.formula} = {step.numbers}", graph.number_text(step.value), "")
                for step in fwd[: s.forward_done]]
        for step in bwd[: s.backward_done]:
            change = graph.nudge(s.a, s.b, s.c, step.node, NUDGE)
            rows.append((f"{step.formula} = {step.numbers}", graph.number_text(step.value), repr(change)))
        self.steps_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.steps_table.setItem(r, c, QTableWidgetItem(text))

    def _status(self, J):
        s = self.state
        if s.forward_done < FORWARD_STEPS:
            status = self.tr("Forward pass: %1 of 3 nodes computed.").replace("%1", str(s.forward_done))
            if s.forward_done == 0:
                status += " " + self.tr("The backward pass needs the forward values first.")
            return status
        if s.backward_done < BACKWARD_STEPS:
            return self.tr("J = %1. Backward pass: %2 of 6 derivatives.").replace(
                "%1", graph.number_text(J)).replace("%2", str(s.backward_done))
        return self.tr("Done: J = %1, and every dJ/d(node) is known.").replace("%1", graph.number_text(J))

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.inputs_box.setTitle(self.tr("Inputs of J = 3(a + bc)"))
        for name, spin in self.abc_spins.items():
            spin.setToolTip(self.tr("Change %1: the passes start again").replace("%1", name))
        self.example1_button.setText(self.tr("a=5, b=3, c=2"))
        self.example2_button.setText(self.tr("a=7, b=4, c=2"))
        self.example1_button.setToolTip(self.tr("The lessons' first example: J = 33"))
        self.example2_button.setToolTip(self.tr("The lessons' second example: J = 45"))
        self.pass_box.setTitle(self.tr("Passes"))
        self.forward_button.setText(self.tr("Forward step ▶"))
        self.backward_button.setText(self.tr("◀ Backward step"))
        self.all_button.setText(self.tr("Both passes at once"))
        self.reset_button.setText(self.tr("Reset"))
        self.forward_button.setToolTip(self.tr(
            "Compute the next node's value, from the inputs toward J (→ on the graph)"))
        self.backward_button.setToolTip(self.tr(
            "Compute the next derivative dJ/d(node), from J back to the inputs, by the chain rule (← on the graph)"))
        self.all_button.setToolTip(self.tr("Run the whole forward pass and then the whole backward pass"))
        self.reset_button.setToolTip(self.tr("Hide every value and derivative (R on the graph)"))
        self.graph_view.setToolTip(self.tr("Click the graph, then → steps forward, ← steps backward, R resets"))
        self.steps_table.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Value"), self.tr("J change when it rises by 0.001")])
        self.steps_table.setToolTip(self.tr(
            "Each step of the passes; the last column checks the derivative: raising a node by 0.001 "
            "changes J by about dJ/d(node) × 0.001"))
        self.explanation.setHtml(self.tr(
            "<h3>The chain rule on a computation graph</h3>"
            "<p>J = 3(a + bc) is computed in three small steps: u = bc, v = a + u, J = 3v.</p>"
            "<p><b>Forward</b> (left to right): with a = 5, b = 3, c = 2 we get u = 6, v = 11, J = 33.</p>"
            "<p><b>Backward</b> (right to left): each node's derivative dJ/d(node) is the derivative of the "
            "node after it times the local derivative of the edge between them (the chain rule): "
            "dJ/dv = 3, dJ/du = dJ/dv · 1 = 3, dJ/da = 3, dJ/db = dJ/du · c = 6, dJ/dc = dJ/du · b = 9.</p>"
            "<p>Check: with a = 7, b = 4, c = 2 (v = 15, J = 45), raising v by 0.001 raises J by 0.003, "
            "three times as much, because dJ/dv = 3.</p>"
            "<p>Backpropagation in a network is this, with many more nodes.</p>"))
        self.refresh()
