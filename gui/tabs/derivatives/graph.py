"""The computation graphs of engine.lab.derivatives.GRAPHS, stepped through: J = 3(a + bc), or logistic
regression z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y) (CURRICULUM §4c). The forward pass fills the values node
by node; the backward pass fills the derivatives from the output back to the inputs by the chain rule,
d(input) = d(node) · ∂node/∂input. → takes the next step of the passes, ← goes back one, B runs the whole backward
pass, R resets. A table lists every step and checks it by nudging the node by 0.001.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.graph import number_text
from engine.lab.derivatives import GRAPHS
from gui.tabs.derivatives.common import Page, fill, left_panel
from gui.tabs.derivatives.graph_canvas import GraphCanvas
from gui.tabs.derivatives.graph_explain import GraphExplanation, VectorisedExplanation
from gui.tabs.derivatives.graph_inputs import JInputs, LogisticInputs
from gui.tabs.derivatives.state import BACKWARD_STEPS, FORWARD_STEPS, GRAPH_KEYS
from gui.widgets.panel_helpers import muted

NUDGE = 0.001
MIDDLE_SIZES = {"J": [330, 300], "logistic": [420, 260]}  # graph above, steps and explanation below


class GraphPage(Page):
    """The fourth page: the graph and its inputs, the passes step by step, the drawing, and a table of the steps.
    cat_wanted: the user asked for the cat classifier (the tab opens Training → Cat / non-cat)."""

    cat_wanted = Signal()

    def __init__(self, state):
        super().__init__(state)
        self._build_controls()
        self.graph_view = GraphCanvas(self.spec())
        self.graph_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.steps_table = QTableWidget(0, 3)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.steps_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps_table.verticalHeader().hide()
        header.sectionResized.connect(lambda *_: self.steps_table.resizeRowsToContents())  # wrap, never elide
        self.explanation = GraphExplanation()
        self.vectorised = VectorisedExplanation()
        self.cat_button = QPushButton()
        self.cat_button.clicked.connect(self.cat_wanted)
        vector_page = QWidget()
        vl = QVBoxLayout(vector_page)
        vl.setContentsMargins(0, 0, 0, 4)
        vl.addWidget(self.vectorised)
        vl.addWidget(self.cat_button)
        self.explain_tabs = QTabWidget()
        self.explain_tabs.setDocumentMode(True)
        self.explain_tabs.addTab(self.explanation, "")
        self.explain_tabs.addTab(vector_page, "")  # logistic regression only
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.steps_table)
        bottom.addWidget(self.explain_tabs)
        bottom.setSizes([560, 400])
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(self.graph_view)
        self.middle.addWidget(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_panel(self.graph_box, self.inputs_stack, self.pass_box, width=250))
        splitter.addWidget(self.middle)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1000])
        fill(self, splitter)
        self.show_graph()
        self.retranslate()

    def _build_controls(self):
        self.graph_box = QGroupBox()
        gl = QVBoxLayout(self.graph_box)
        self.graph_combo = QComboBox()
        for key in GRAPH_KEYS:
            self.graph_combo.addItem("", key)
        self.graph_combo.currentIndexChanged.connect(lambda i: self.choose_graph(GRAPH_KEYS[i]))
        gl.addWidget(self.graph_combo)

        self.inputs = {"J": JInputs(self.state), "logistic": LogisticInputs(self.state)}
        self.inputs_stack = QStackedWidget()
        for box in self.inputs.values():
            self.inputs_stack.addWidget(box)
            box.changed.connect(self.inputs_changed)
        self.abc_spins = self.inputs["J"].spins

        self.pass_box = QGroupBox()
        pl = QVBoxLayout(self.pass_box)
        self.next_button = QPushButton()
        self.previous_button = QPushButton()
        self.backward_button = QPushButton()
        self.reset_button = QPushButton()
        self.next_button.clicked.connect(self.next_step)
        self.previous_button.clicked.connect(self.previous_step)
        self.backward_button.clicked.connect(self.backward_pass)
        self.reset_button.clicked.connect(self.reset)
        for b in (self.next_button, self.previous_button, self.backward_button, self.reset_button):
            pl.addWidget(b)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.hint = muted(QLabel())
        self.hint.setWordWrap(True)
        pl.addWidget(self.status)
        pl.addWidget(self.hint)

    def spec(self):
        """The graph shown (an engine.lab.derivatives.Graph)."""
        return GRAPHS[self.state.graph]

    # ------------------------------------------------------------------ the user's actions → the state
    def choose_graph(self, key):
        """Show another graph, with both passes hidden."""
        if key != self.state.graph:
            self.state.graph = key
            self.state.forward_done = self.state.backward_done = 0
            self.show_graph()

    def inputs_changed(self, example):
        """An input was edited (the steps shown are recomputed) or an example chosen (the passes start again)."""
        if example:
            self.reset()
        else:
            self.refresh()

    def next_step(self):
        """The next step of the passes: the forward steps, then the backward steps."""
        s = self.state
        if s.forward_done < FORWARD_STEPS:
            s.forward_done += 1
        elif s.backward_done < BACKWARD_STEPS:
            s.backward_done += 1
        self.refresh()

    def previous_step(self):
        """Undo the last step taken, backward or forward."""
        s = self.state
        if s.backward_done:
            s.backward_done -= 1
        elif s.forward_done:
            s.forward_done -= 1
        self.refresh()

    def backward_pass(self):
        """Every derivative at once (after the forward pass, which it completes first: it needs the values)."""
        self.state.forward_done, self.state.backward_done = FORWARD_STEPS, BACKWARD_STEPS
        self.refresh()

    def reset(self):
        self.state.forward_done = self.state.backward_done = 0
        self.refresh()

    # ------------------------------------------------------------------ the state → the view
    def show_graph(self):
        """Draw the chosen graph, its inputs and its explanation, then what the state holds."""
        key = self.state.graph
        self.graph_combo.blockSignals(True)
        self.graph_combo.setCurrentIndex(GRAPH_KEYS.index(key))
        self.graph_combo.blockSignals(False)
        for name, box in self.inputs.items():  # the stack takes the height of the box shown, not the tallest
            box.setSizePolicy(QSizePolicy.Policy.Preferred,
                              QSizePolicy.Policy.Preferred if name == key else QSizePolicy.Policy.Ignored)
        self.inputs_stack.setCurrentWidget(self.inputs[key])
        self.graph_view.set_graph(self.spec())
        self.explain_tabs.setTabVisible(1, key == "logistic")
        self.explain_tabs.tabBar().setVisible(key == "logistic")
        self.middle.setSizes(MIDDLE_SIZES[key])
        self.set_table_header()
        self.refresh()

    def texts(self):
        """What the graph shows now: node → value text, node → derivative text, edge → local derivative."""
        s, g = self.state, self.spec()
        inputs = s.graph_inputs()
        values = g.forward(**inputs)
        fwd = g.forward_steps(**inputs)
        bwd = g.backward_steps(values)
        shown_values = {n: number_text(values[n]) for n in g.inputs}
        for step in fwd[: s.forward_done]:
            shown_values[step.node] = number_text(step.value)
        shown_grads = {step.node: number_text(step.value) for step in bwd[: s.backward_done]}
        local = g.local_derivatives(values)
        edges = {}
        for (src, dst), formula in g.local_formulas.items():
            if dst in shown_grads:
                number = number_text(local[(src, dst)])
                edges[(src, dst)] = formula if formula.endswith(" " + number) else formula + " = " + number
        return shown_values, shown_grads, edges, fwd, bwd

    def refresh(self):
        s = self.state
        self.inputs[s.graph].refresh()
        shown_values, shown_grads, edges, fwd, bwd = self.texts()
        if s.backward_done:
            current = bwd[s.backward_done - 1].node
        elif s.forward_done:
            current = fwd[s.forward_done - 1].node
        else:
            current = None
        self.graph_view.show_state(shown_values, shown_grads, edges, current)
        self._fill_table(fwd, bwd)
        self.next_button.setEnabled(s.backward_done < BACKWARD_STEPS)
        self.previous_button.setEnabled(s.forward_done > 0)
        self.backward_button.setEnabled(s.backward_done < BACKWARD_STEPS)
        self.status.setText(self._status(fwd[-1].value))
        self.explanation.show(s)
        if s.graph == "logistic":
            self.vectorised.show(s)

    def _fill_table(self, fwd, bwd):
        """One row per step shown: the formula with its numbers, the value, and (backward) the output's change
        when the node rises by NUDGE."""
        s, g = self.state, self.spec()
        inputs = s.graph_inputs()
        rows = [(f"{step.formula} = {step.numbers}", number_text(step.value), "")
                for step in fwd[: s.forward_done]]
        for step in bwd[: s.backward_done]:
            change = g.nudge(**inputs, node=step.node, delta=NUDGE)
            rows.append((f"{step.formula} = {step.numbers}", number_text(step.value), repr(change)))
        self.steps_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.steps_table.setItem(r, c, QTableWidgetItem(text))
        self.steps_table.resizeRowsToContents()  # a long formula wraps rather than ending in …

    def _status(self, output_value):
        s, name = self.state, self.spec().output
        if s.forward_done < FORWARD_STEPS:
            status = self.tr("Forward pass: %1 of 3 nodes computed.").replace("%1", str(s.forward_done))
            if s.forward_done == 0:
                status += " " + self.tr("The backward pass needs the forward values first.")
            return status
        value = number_text(output_value)
        if s.backward_done < BACKWARD_STEPS:
            return self.tr("%1 = %2. Backward pass: %3 of 6 derivatives.").replace("%1", name).replace(
                "%2", value).replace("%3", str(s.backward_done))
        return self.tr("Done: %1 = %2, and every derivative is known.").replace("%1", name).replace("%2", value)

    def set_table_header(self):
        self.steps_table.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Value"),
             self.tr("%1 change when it rises by 0.001").replace("%1", self.spec().output)])

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.graph_box.setTitle(self.tr("Graph"))
        self.graph_combo.setItemText(0, self.tr("J = 3(a + bc)"))
        self.graph_combo.setItemText(1, self.tr("Logistic regression"))
        self.graph_combo.setToolTip(self.tr("The lessons' small example, or one neuron of logistic regression"))
        self.pass_box.setTitle(self.tr("Passes"))
        self.next_button.setText(self.tr("Next step ▶"))
        self.previous_button.setText(self.tr("◀ Previous step"))
        self.backward_button.setText(self.tr("Whole backward pass"))
        self.reset_button.setText(self.tr("Reset"))
        self.next_button.setToolTip(self.tr(
            "The next step: each node's value from the inputs to the output, then each derivative from the "
            "output back to the inputs by the chain rule (→ on the graph)"))
        self.previous_button.setToolTip(self.tr("Take back the last step (← on the graph)"))
        self.backward_button.setToolTip(self.tr(
            "Every derivative at once, after the forward pass, which it completes first (B on the graph)"))
        self.reset_button.setToolTip(self.tr("Hide every value and derivative (R on the graph)"))
        hint = self.tr("Click the graph, then → next step, ← previous step, B whole backward pass, R reset")
        self.hint.setText(hint)
        self.graph_view.setToolTip(hint)
        self.graph_view.setAccessibleName(self.tr("Computation graph"))
        self.graph_view.setAccessibleDescription(hint)
        self.set_table_header()
        self.steps_table.setAccessibleName(self.tr("Steps of the passes"))
        self.steps_table.setToolTip(self.tr(
            "Each step of the passes; the last column checks the derivative: raising a node by 0.001 "
            "changes the output by about its derivative × 0.001"))
        self.explain_tabs.setTabText(0, self.tr("Explanation"))
        self.explain_tabs.setTabText(1, self.tr("m samples at once"))
        self.cat_button.setText(self.tr("Open the cat classifier"))
        self.cat_button.setToolTip(self.tr(
            "Training → Cat / non-cat: this propagate(), on 209 pictures of 12,288 features"))
        self.refresh()
