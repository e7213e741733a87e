"""Cost page: the live cost curve J(w, b) of the training run and the costs as the lessons print them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from gui.tabs.training.cat.page import Page
from gui.widgets.panel_helpers import grow
from gui.widgets.plots import COLORS, Plot, add_legend, pen

CURVE_WIDTH = 1  # the per-iteration costs zig-zag early on: a wider antialiased pen draws them ten times slower


class CostPage(Page):
    """The cost of every iteration (a line) and of every recorded one (dots), beside the lessons' printout."""

    def __init__(self, state):
        super().__init__(state)
        self.cost_plot = Plot()
        add_legend(self.cost_plot)
        self.cost_curve = self.cost_plot.plot(pen=pen(0, CURVE_WIDTH), name="")
        self.cost_points = self.cost_plot.plot(pen=None, symbol="o", symbolSize=7, symbolBrush=COLORS[1],
                                               symbolPen=None, name="")
        self.cost_plot.setLimits(xMin=0, yMin=0)
        self.cost_plot.getAxis("left").enableAutoSIPrefix(False)
        self.printout = QPlainTextEdit()
        self.printout.setReadOnly(True)
        self.printout.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.printout.setFont(mono)
        self.printout.setMinimumWidth(200)
        self.printed = 0  # recorded costs already in the printout
        self.printout_title = QLabel()
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.printout_title.setBuddy(self.printout)  # its accessible name
        column.addWidget(self.printout_title)
        column.addWidget(self.printout, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cost_plot)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([440, 270])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self):
        self.cost_plot.set_labels(self.tr("iteration"), self.tr("cost J"),
                                  self.tr("Cost J(w, b) during gradient descent"))
        legend = self.cost_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.cost_curve, self.tr("every iteration"))
        legend.addItem(self.cost_points, self.tr("recorded (printed)"))
        self.printout_title.setText(self.tr("What the lessons print:"))
        self.printout.setToolTip(self.tr("The recorded costs, in the lessons' format"))
        self.printout.clear()  # printed again in the new language
        self.printed = 0
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>One neuron</h3>"
            "<p>z = w·x + b<br>ŷ = σ(z) = 1 / (1 + e<sup>−z</sup>)</p>"
            "<p><b>Loss</b> of one picture:<br>L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))</p>"
            "<p><b>Cost</b>: the mean over all m pictures<br>J(w, b) = (1/m) Σ L</p>"
            "<p><b>Gradients</b> (backward):<br>dz = ŷ − y<br>dw = (1/m) Xᵀ dz<br>db = (1/m) Σ dz</p>"
            "<p><b>Gradient descent</b>, all 209 pictures at every step:<br>"
            "w ← w − η·dw<br>b ← b − η·db</p>"
            "<p>Starting from w = 0, ŷ = 0.5 for every picture and J = log 2 = 0.693147.</p>") + self.tr(
            "<p><b>Why the thin line zig-zags</b> for the first few hundred iterations while the printed costs "
            "fall smoothly: with η = 0.005 a step along the steepest direction of w goes past the bottom of the "
            "valley, the next one comes back — the cost of odd iterations is higher than that of even ones "
            "(0.585 at 100, 0.641 at 101). The printed costs, every 100th iteration, all land on the low side. The "
            "swing dies down as the steep direction is fitted; a smaller η (Learning rates page) has none, and "
            "learns more slowly.</p>")

    def start(self, iterations: int) -> None:
        """A new run: empty curves and printout, the x axis fixed to the run (not redrawn every frame)."""
        self.printout.clear()
        self.printed = 0
        self.cost_plot.setXRange(0, iterations, padding=0.02)
        self.refresh()

    def refresh(self):
        """Draw what arrived: the curve, the recorded costs and their lines of the printout."""
        s = self.state
        grow(self.cost_curve, *s.curve.points())
        grow(self.cost_points, [i for i, _ in s.costs], [c for _, c in s.costs])
        if len(s.costs) < self.printed:  # the costs were cleared (new data)
            self.printout.clear()
            self.printed = 0
        lines = [self.tr("Cost after iteration %1: %2").replace("%1", str(i)).replace("%2", f"{c:f}")
                 for i, c in s.costs[self.printed:]]
        if lines:
            self.printout.appendPlainText("\n".join(lines))
            self.printed = len(s.costs)
