"""The Learning page of a numerical run: the numerical gradient beside backprop on the same mini-batches.

engine.numerical_run trains two copies of one net; this view draws state.curves (the numerical net's loss) and
state.curves.compare (the backprop twin's loss, each gradient's seconds, their differences) against the iteration —
the two loss curves, the time per gradient, how far apart the gradients and the weights are — and says in words
what the run showed (engine.numerical_run.summarize): the same gradient, the same learning, N× slower.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from gui.tabs.descent.geometry import axis_range, decade_ticks
from gui.widgets.panel_helpers import Retranslated, wrapped
from gui.widgets.plots import COLORS, Plot, add_legend, legend_below, pen
from gui.widgets.progress import format_duration

TINY = 1e-300  # a difference of exactly 0 drawn on a log axis


def seconds_text(seconds: float) -> str:
    """0.00031 → '0.31 ms', 7.08 → '7.1 s', 95 → '1 min 35 s', in the interface's language (0.31 毫秒, 7.1 秒)."""
    if seconds < 1:
        return QCoreApplication.translate("ComparisonView", "%1 ms").replace(
            "%1", f"{seconds * 1e3:.2f}" if seconds < 1e-3 else f"{seconds * 1e3:.0f}")
    if seconds < 60:
        return QCoreApplication.translate("ComparisonView", "%1 s").replace("%1", f"{seconds:.1f}")
    return format_duration(seconds)


def times_text(ratio: float) -> str:
    """23517.2 → '24,000', 42.4 → '42': two significant figures, with thousands separators."""
    if ratio < 100:
        return f"{ratio:.0f}"
    digits = int(np.floor(np.log10(ratio))) - 1
    return f"{round(ratio, -digits):,.0f}"


def small_text(value: float) -> str:
    """3.2e-09 → '3e-09', 0 → '0' (the first iteration's two losses are one and the same)."""
    return f"{value:.0e}" if value else "0"


def integer_ticks(plot, n):
    """Ticks at the iterations 1 … n (a few iterations: no 1.5 or 2.5)."""
    step = max(1, int(np.ceil(n / 10)))
    plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(1, n + 1, step)], []])


class ComparisonView(Retranslated, QWidget):
    """The two loss curves (top); time per gradient and the differences (below, side by side); the reading."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        self._shown = -1  # iterations drawn
        self.loss_plot, self.time_plot, self.diff_plot = Plot(), Plot(), Plot()
        for plot in (self.loss_plot, self.time_plot, self.diff_plot):
            plot.getAxis("left").enableAutoSIPrefix(False)
        for plot in (self.time_plot, self.diff_plot):
            plot.setLogMode(False, True)
        # the loss plot's legend keeps to its emptiest corner; the time plot's lines are labelled at their start;
        # the differences fill every corner of theirs, so their key sits under the x axis
        self.loss_legend, self.diff_legend = add_legend(self.loss_plot), legend_below(self.diff_plot, columns=1)
        # numerical: big hollow circles; backprop: small dots on a dashed line — each dot sits in its circle
        numerical = {"pen": pen(3, 2), "symbol": "o", "symbolSize": 13, "symbolPen": pen(3, 2), "symbolBrush": None}
        backprop = {"pen": pen(0, 2, style=Qt.PenStyle.DashLine), "symbol": "o", "symbolSize": 5,
                    "symbolPen": None, "symbolBrush": COLORS[0]}
        self.loss_numerical = self.loss_plot.plot(**numerical)
        self.loss_backprop = self.loss_plot.plot(**backprop)
        self.time_numerical = self.time_plot.plot(**numerical)
        self.time_backprop = self.time_plot.plot(**backprop)
        self.diff_max = self.diff_plot.plot(pen=pen(2, 2), symbol="s", symbolSize=7, symbolBrush=COLORS[2],
                                            symbolPen=None)
        self.diff_relative = self.diff_plot.plot(pen=pen(4, 2), symbol="t", symbolSize=8, symbolBrush=COLORS[4],
                                                 symbolPen=None)
        self.diff_weights = self.diff_plot.plot(pen=pen(7, 2, style=Qt.PenStyle.DotLine), symbol="d",
                                                symbolSize=8, symbolBrush=COLORS[7], symbolPen=None)
        self.time_labels = [pg.TextItem(color=COLORS[3], anchor=(0, 1)), pg.TextItem(color=COLORS[0], anchor=(0, 0))]
        for label in self.time_labels:
            self.time_plot.addItem(label)
        below = QWidget()
        row = QHBoxLayout(below)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.time_plot)
        row.addWidget(self.diff_plot)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.loss_plot)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 4)  # the lower row holds the differences' key too
        splitter.setStretchFactor(1, 5)
        self.words = wrapped()
        self.words.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(splitter, 1)
        column.addWidget(self.words)
        self.retranslate()

    def retranslate(self):
        self.loss_plot.set_labels(self.tr("iteration"), self.tr("loss L (cross-entropy)"),
                                  self.tr("The same mini-batches, two ways to the gradient"))
        self.time_plot.set_labels(self.tr("iteration"), self.tr("seconds (log scale)"), self.tr("Time per gradient"))
        self.diff_plot.set_labels(self.tr("iteration"), self.tr("|Δ| (log scale)"),
                                  self.tr("Numerical − backprop"))
        self.loss_legend.clear()
        self.loss_legend.addItem(self.loss_numerical, self.tr("numerical gradient"))
        self.loss_legend.addItem(self.loss_backprop, self.tr("backpropagation"))
        self.diff_legend.clear()
        self.diff_legend.addItem(self.diff_max, self.tr("gradients: max |Δ|"))
        self.diff_legend.addItem(self.diff_relative, self.tr("gradients: relative"))
        self.diff_legend.addItem(self.diff_weights, self.tr("weights after the step: max |Δ|"))
        self.label_times()
        self.diff_plot.setToolTip(self.tr(
            "Δ = numerical − backprop over all weights; relative = Σ|Δ| / Σ|numerical| (mean |Δ| / mean "
            "|numerical|, as on the Gradient check page)"))
        self.show_words()

    def explanation(self):
        return self.tr(
            "<h3>Numerical gradient beside backprop</h3><p>Two copies of the net start from the same weights and "
            "take the same mini-batches. One gets ∂L/∂W from the numerical gradient of chapter 4:</p>"
            "<p>∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h</p><p>— 2 loss evaluations for every weight. The other gets it "
            "from backpropagation (chapter 5): one forward and one backward pass for all the weights at once.</p>"
            "<p>Both then step W ← W − η·∂L/∂W. The two gradients agree to about a millionth, so the two nets "
            "learn the same; what differs is the time each gradient takes.</p><p>A few iterations on a handful of "
            "images teach the net almost nothing: this run is about the gradient, not the accuracy (the Learning page "
            "of a backprop run shows that).</p>")

    # ---------------------------------------------------------------- drawing
    def begin_run(self):
        run = self.state.run
        self._shown = -1
        for curve in (self.loss_numerical, self.loss_backprop, self.time_numerical, self.time_backprop,
                      self.diff_max, self.diff_relative, self.diff_weights):
            curve.setData([], [])
        for plot in (self.loss_plot, self.time_plot, self.diff_plot):
            plot.setXRange(0.5, run.iterations + 0.5, padding=0)
            integer_ticks(plot, run.iterations)
        self.redraw()

    def redraw(self):
        """Draw the iterations done (only when there are more than drawn), then the reading."""
        curves = self.state.curves
        compare, n = curves.compare, curves.filled
        if compare is None or n == self._shown:
            return
        self._shown = n
        x = np.arange(1, n + 1)
        self.loss_numerical.setData(x, curves.loss[:n])
        self.loss_backprop.setData(x, compare.loss_backprop[:n])
        self.time_numerical.setData(x, compare.seconds_numerical[:n])
        self.time_backprop.setData(x, compare.seconds_backprop[:n])
        for curve, values in ((self.diff_max, compare.max_diff), (self.diff_relative, compare.relative),
                              (self.diff_weights, compare.weights_apart)):
            curve.setData(x, np.maximum(values[:n], TINY))
        self.loss_plot.enableAutoRange(axis="y")
        if n:  # whole decades, only they labelled (pyqtgraph's labelled minor ticks pile up); room for the labels
            for plot, values, room in (
                    (self.time_plot, (compare.seconds_numerical[:n], compare.seconds_backprop[:n]), 0.5),
                    (self.diff_plot, (compare.max_diff[:n], compare.relative[:n], compare.weights_apart[:n]), 0.25)):
                low, high = axis_range(np.concatenate(values), log=True)
                plot.setYRange(low - room, high + room, padding=0)
                plot.getAxis("left").setTicks(decade_ticks(low, high))
        self.label_times()
        self.show_words()

    def label_times(self):
        """"numerical 1.1 s" above its line and "backprop 0.06 ms" below its own, from the first iteration on."""
        compare, n = self.state.curves.compare, max(self._shown, 0)
        for label, name, values, typical in zip(
                self.time_labels, (self.tr("numerical %1"), self.tr("backprop %1")),
                (compare.seconds_numerical, compare.seconds_backprop) if compare is not None else (None, None),
                (np.mean, np.median), strict=True):
            label.setVisible(n > 0 and values is not None)
            if n > 0 and values is not None:  # the figures the words give: the mean, the median
                label.setText(name.replace("%1", seconds_text(float(typical(values[:n])))))
                above = 0.12 if label is self.time_labels[0] else -0.12  # decades: clear of the line
                label.setPos(1, np.log10(values[0]) + above)  # a log axis places items at log10 of the value

    def show_words(self):
        """What the run showed so far, in words (rebuilt from the state: also after a language switch)."""
        s = self.state
        compare = s.curves.compare
        summary = compare.summary(s.curves.loss) if compare is not None else None
        if s.run is None or not s.run.numerical:
            self.words.setText("")
        elif summary is None:
            self.words.setText(self.tr(
                "The numerical gradient of iteration 1 takes 2 loss evaluations for each of the %1 weights; "
                "backprop gets the same gradient from one forward and one backward pass.").replace(
                "%1", f"{s.run.weights:,}"))
        else:
            self.words.setText(" ".join((
                self.tr("<b>The same gradient:</b> numerical and backprop differ by at most %1 of its size "
                        "(the central difference's error and the 1e-7 inside log(y + 1e-7)).").replace(
                    "%1", f"{summary['relative']:.1e}"),
                self.tr("<b>The same learning:</b> the two loss curves lie on top of each other — the losses of "
                        "the iterations so far differ by at most %1 of their value, the weights after the last "
                        "step by %2.").replace("%1", small_text(summary["loss_gap"])).replace(
                    "%2", small_text(summary["weights_apart"])),
                self.tr("<b>Not the same time:</b> numerical %1 per gradient, backprop %2 — %3× slower. The "
                        "length of the book's run, 10,000 such iterations, would take %4 numerically and %5 with "
                        "backprop: that is why chapter 5's backpropagation is used.").replace(
                    "%1", seconds_text(summary["numerical_seconds"])).replace(
                    "%2", seconds_text(summary["backprop_seconds"])).replace(
                    "%3", times_text(summary["ratio"])).replace(
                    "%4", seconds_text(summary["book_numerical"])).replace(
                    "%5", seconds_text(summary["book_backprop"])))))
