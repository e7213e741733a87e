"""Vectorisation page: the same dot product timed as a Python for-loop and as np.dot (the panel's "vector" job,
engine.lab.logistic.vectorisation_demo), for the n chosen and then for the powers of ten below it: a log–log plot
of time against n shows both growing in step with n, the loop some hundred times higher at every n.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from engine.lab import logistic as logistic_lab
from gui.run import RunController
from gui.tabs.training.cat.page import Page
from gui.widgets.panel_helpers import muted, wrapped
from gui.widgets.plots import COLORS, Plot, add_legend, pen

VECTOR = "vector"  # the RunController's name of the demo
SMALLEST = 1_000  # the plot's first n


def milliseconds(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


def plot_sizes(n: int) -> list[int]:
    """The n chosen first (its times fill the two boxes at once), then the powers of ten from SMALLEST below it."""
    return [n] + [10**k for k in range(3, 8) if SMALLEST <= 10**k < n]


def timing_sweep(n: int):
    """vectorisation_demo for each of plot_sizes(n), one after the other: its events (and stop points) in turn."""
    for size in plot_sizes(n):
        yield from logistic_lab.vectorisation_demo(size)


class VectorPage(Page):
    """n, Run, the two pieces of code with their times, how many times faster np.dot is and the two results;
    under them the plot of both times against n."""

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
        self.vector_n_label.setBuddy(self.vector_n_spin)  # its accessible name
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
        self.time_plot = Plot()  # time against n, log–log: both grow in step with n
        self.time_plot.setLogMode(x=True, y=True)
        for side in ("bottom", "left"):
            self.time_plot.getAxis(side).enableAutoSIPrefix(False)
        # ticks at the powers of ten only (a log axis's in-between labels crowd together), written out
        self.time_plot.getAxis("bottom").setTicks([[(k, f"{10**k:,}") for k in range(3, 8)]])
        self.time_plot.getAxis("left").setTicks([[(k, f"{10.0**k:g}") for k in range(-6, 6)]])
        self.time_plot.setMinimumHeight(160)
        add_legend(self.time_plot)  # where the lines are not (top left: they rise to the right)
        self.loop_curve = self.time_plot.plot(pen=pen(3), symbol="o", symbolSize=8, symbolBrush=COLORS[3],
                                              symbolPen=None, name="")
        self.dot_curve = self.time_plot.plot(pen=pen(0), symbol="s", symbolSize=8, symbolBrush=COLORS[0],
                                             symbolPen=None, name="")
        self.plot_note = muted(wrapped())
        column = QVBoxLayout(self)
        column.addWidget(self.vector_intro)
        column.addLayout(row)
        column.addLayout(boxes)
        column.addWidget(self.vector_ratio)
        column.addWidget(self.vector_values)
        column.addWidget(self.time_plot, 1)
        column.addWidget(self.plot_note)
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
        self.time_plot.set_labels(self.tr("elements n"), self.tr("time (ms)"),
                                  self.tr("Time against n (both axes logarithmic)"))
        legend = self.time_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.loop_curve, self.tr("Python for-loop"))
        legend.addItem(self.dot_curve, self.tr("np.dot"))
        self.time_plot.setToolTip(self.tr("Each point: the fastest of 3 runs for that n"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Vectorisation</h3><p>Training computes Xᵀ(ŷ − y) over 209 × 12,288 numbers at every "
            "step. Written as Python for-loops this would take seconds per step; as one NumPy call "
            "(np.dot, @) it takes about a millisecond.</p><p>Rule of thumb: avoid explicit for-loops "
            "over data; use whole-array operations such as np.dot, np.exp, np.log, np.sum.</p>")

    def run_vectorisation(self):
        """Time both for state.vector_n elements, then for the powers of ten below it (the plot), on the "vector"
        job (refused while it runs or after shutdown)."""
        n = self.state.vector_n
        if self.runs.start(VECTOR, lambda: timing_sweep(n), events=self.on_events,
                           done=lambda _: self.refresh(), failed=self.on_failed) is None:
            return
        self.state.vector_result, self.times, self.failure = None, {"loop": None, "dot": None}, ""
        self.state.vector_points = []
        self.refresh()

    def on_events(self, batch):
        for event in batch:
            first = self.state.vector_result is None  # the n chosen: its times go in the boxes
            if event["kind"] in ("loop", "dot") and first:
                self.times[event["kind"]] = event["ms"]
            elif event["kind"] == "done":
                if first:
                    self.state.vector_result = event
                self.state.vector_points.append((event["n"], event["loop_ms"], event["dot_ms"]))
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
        self.show_points()
        self.vector_values.setText("" if result is None else self.tr(
            "The same c (n = %1): loop %2, np.dot %3. The last digits may differ: the two "
            "add the products in a different order, and floating-point rounding depends on it.")
            .replace("%1", f"{result['n']:,}").replace("%2", repr(result["loop_value"]))
            .replace("%3", repr(result["dot_value"])))

    def show_points(self):
        """The measured (n, time) points, sorted by n, and what they say per element."""
        points = sorted(self.state.vector_points)
        if not points:
            self.loop_curve.setData([], [])
            self.dot_curve.setData([], [])
            self.plot_note.setText(self.tr("Run times the chosen n, then 1,000, 10,000, … below it: the plot shows "
                                           "how each time grows with n."))
            return
        n, loop_ms, dot_ms = (np.array(column, dtype=float) for column in zip(*points, strict=True))
        self.loop_curve.setData(n, loop_ms)
        self.dot_curve.setData(n, np.maximum(dot_ms, 1e-6))  # a log axis cannot show 0
        largest = points[-1]
        self.plot_note.setText(self.tr(
            "The loop's time grows in step with n: ten times the elements, ten times as long — Python's cost for "
            "every element, %1 ns each at n = %3. np.dot needs %2 ns per element there; at small n its time is "
            "mostly the fixed cost of one call, so its line starts flatter.").replace(
            "%1", f"{largest[1] * 1e6 / largest[0]:.0f}").replace(
            "%2", f"{largest[2] * 1e6 / largest[0]:.2g}").replace("%3", f"{largest[0]:,}"))
