"""Vectorisation page: the same dot product timed as a Python for-loop and as np.dot (the panel's "vector" job,
engine.lab.logistic.vectorisation_demo)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from engine.lab import logistic as logistic_lab
from gui.run import RunController
from gui.tabs.training.cat.page import Page
from gui.widgets.panel_helpers import muted, wrapped

VECTOR = "vector"  # the RunController's name of the demo


def milliseconds(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


class VectorPage(Page):
    """n, Run, the two pieces of code with their times, how many times faster np.dot is and the two results."""

    def __init__(self, state, runs: RunController):
        super().__init__(state)
        self.runs = runs
        self.times = {}  # "loop" / "dot" → milliseconds, as they arrive
        self.failure = ""  # why the last demo failed
        self.vector_intro = wrapped()
        self.vector_n_label = QLabel()
        self.vector_n_spin = QSpinBox()
        self.vector_n_spin.setRange(1_000, 10_000_000)
        self.vector_n_spin.setSingleStep(10_000)
        self.vector_n_spin.setGroupSeparatorShown(True)
        self.vector_n_spin.setValue(state.vector_n)
        self.vector_n_spin.valueChanged.connect(lambda n: setattr(self.state, "vector_n", int(n)))
        self.vector_button = QPushButton()
        self.vector_button.clicked.connect(self.run_vectorisation)
        row = QHBoxLayout()
        row.addWidget(self.vector_n_label)
        row.addWidget(self.vector_n_spin)
        row.addWidget(self.vector_button)
        row.addStretch(1)
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.loop_code, self.dot_code = QLabel(), QLabel()
        self.loop_time, self.dot_time = QLabel("—"), QLabel("—")
        self.loop_title, self.dot_title = QLabel(), QLabel()
        boxes = QHBoxLayout()
        for title, code, value in ((self.loop_title, self.loop_code, self.loop_time),
                                   (self.dot_title, self.dot_code, self.dot_time)):
            boxes.addWidget(self.code_box(title, code, value, big))
        self.vector_ratio = wrapped()
        self.vector_ratio.setFont(big)
        self.vector_values = muted(wrapped())
        column = QVBoxLayout(self)
        column.addWidget(self.vector_intro)
        column.addLayout(row)
        column.addLayout(boxes)
        column.addWidget(self.vector_ratio)
        column.addWidget(self.vector_values)
        column.addStretch(1)
        self.retranslate()

    @staticmethod
    def code_box(title: QLabel, code: QLabel, value: QLabel, big: QFont) -> QFrame:
        """A framed box: a bold title, the code in a monospace font, and its time below in large type."""
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        code_font = QFont("monospace")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code.setFont(code_font)
        for label in (code, value):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setFont(big)
        column.addWidget(title)
        column.addWidget(code)
        column.addStretch(1)
        column.addWidget(value)
        return box

    def retranslate(self):
        self.vector_intro.setText(self.tr(
            "The same dot product c = Σ a_i·b_i of two random vectors, once with a Python for-loop and "
            "once with NumPy's np.dot, which runs the loop in compiled code. Each is timed 3 times; the "
            "fastest run counts."))
        self.vector_n_label.setText(self.tr("Elements n"))
        self.vector_n_spin.setToolTip(self.tr("Length of the two vectors (the lessons use 100,000)"))
        self.vector_button.setText(self.tr("Run"))
        self.vector_button.setToolTip(self.tr("Time the for-loop and np.dot"))
        # the code as the lessons write it (a translator keeps it, or translates only a comment added to it)
        self.loop_code.setText(self.tr("c = 0\nfor i in range(n):\n    c += a[i] * b[i]"))
        self.dot_code.setText(self.tr("c = np.dot(a, b)"))
        self.loop_title.setText(self.tr("Python for-loop"))
        self.dot_title.setText(self.tr("Vectorised: np.dot"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Vectorisation</h3><p>Training computes Xᵀ(ŷ − y) over 209 × 12,288 numbers at every "
            "step. Written as Python for-loops this would take seconds per step; as one NumPy call "
            "(np.dot, @) it takes about a millisecond.</p><p>Rule of thumb: avoid explicit for-loops "
            "over data; use whole-array operations such as np.dot, np.exp, np.log, np.sum.</p>")

    def run_vectorisation(self):
        """Time both for state.vector_n elements on the "vector" job (refused while it runs or after shutdown)."""
        n = self.state.vector_n
        if self.runs.start(VECTOR, lambda: logistic_lab.vectorisation_demo(n), events=self.on_events,
                           done=lambda _: self.refresh(), failed=self.on_failed) is None:
            return
        self.state.vector_result, self.times, self.failure = None, {"loop": None, "dot": None}, ""
        self.refresh()

    def on_events(self, batch):
        for event in batch:
            if event["kind"] in ("loop", "dot"):
                self.times[event["kind"]] = event["ms"]
            elif event["kind"] == "done":
                self.state.vector_result = event
        self.refresh()

    def on_failed(self, message):
        self.failure = message
        self.refresh()

    def refresh(self):
        """The times ("…" while one is awaited), the ratio and the two values once the demo is done."""
        self.vector_n_spin.setValue(self.state.vector_n)
        self.vector_button.setEnabled(not self.runs.is_running(VECTOR))
        for kind, label in (("loop", self.loop_time), ("dot", self.dot_time)):
            if kind in self.times:
                label.setText("…" if self.times[kind] is None else milliseconds(self.times[kind]))
        result = self.state.vector_result
        if self.failure:
            self.vector_ratio.setText(self.tr("The demo failed: %1").replace("%1", self.failure))
        elif result is not None:
            self.vector_ratio.setText(self.tr("np.dot is %1 times faster").replace("%1", f"{result['ratio']:,.0f}"))
        else:
            self.vector_ratio.setText("")
        self.vector_values.setText("" if result is None else self.tr(
            "The same c (n = %1): loop %2, np.dot %3. The last digits may differ: the two "
            "add the products in a different order, and floating-point rounding depends on it.")
            .replace("%1", f"{result['n']:,}").replace("%2", repr(result["loop_value"]))
            .replace("%3", repr(result["dot_value"])))
