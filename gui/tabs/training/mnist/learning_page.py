"""Learning page: the mini-batch loss of every iteration (with a smoothed line) and the accuracies per epoch.

While MNIST is missing it shows the "this experiment needs MNIST" page instead; a numerical run is shown by
comparison_view.ComparisonView (numerical beside backprop against the iteration, no accuracies). It draws
state.curves; the smoothing is engine.evaluation.smooth.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from engine import evaluation, fitting
from gui.tabs.training.mnist.comparison_view import ComparisonView
from gui.tabs.training.mnist.state import BOOK_TEST_ACCURACY
from gui.widgets.panel_helpers import Retranslated, grow, need_data_page, wrapped
from gui.widgets.plots import COLORS, Plot, add_legend, pen, place_legend

SMOOTH_WINDOW = 100  # iterations in the loss plot's moving average


def cache_static_parts(plot):
    """Keep the axes (with their grid lines), title and legend as pixmaps between frames.

    They change only when the range, the texts or the palette change (each such change calls update(), which
    drops the pixmap); replaying their tick labels and grid every frame cost ~5 ms of each live redraw.
    """
    item = plot.getPlotItem()
    parts = [item.getAxis(name) for name in ("left", "bottom", "top", "right")] + [item.titleLabel]
    if item.legend is not None:
        parts.append(item.legend)
    for part in parts:
        part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class LearningPage(Retranslated, QStackedWidget):
    """Page 0: "needs MNIST"; page 1: the loss plot above the accuracy plot; page 2: a numerical run."""

    def __init__(self, state, running):
        super().__init__()
        self.state = state
        self.running = running  # () → bool: a run is on (the book line follows the run's activation)
        self._shown_smooth = 0  # iterations the smooth curve shows
        self._loss_top = 2.5  # the loss axis' top: only ever grows during a run
        need, self.need_title, self.need_text, self.need_error, self.need_get_button = need_data_page()
        self.addWidget(need)
        self.loss_plot = Plot()
        add_legend(self.loss_plot)
        # the raw zig-zag without antialiasing: drawn several times faster, and 1 px lines look the same
        self.loss_curve = self.loss_plot.plot(pen=pen(7, 1), name="", antialias=False)
        self.smooth_curve = self.loss_plot.plot(pen=pen(0, 2), name="")
        # about one point per pixel column: the raw curve keeps each column's min and max, the smooth one any point
        self.loss_curve.setDownsampling(auto=True, method="peak")
        self.smooth_curve.setDownsampling(auto=True, method="subsample")
        self.loss_plot.setLimits(xMin=0, yMin=0)
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        self.loss_plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.acc_plot = Plot()
        add_legend(self.acc_plot)
        self.train_acc_curve = self.acc_plot.plot(pen=pen(0, 2), symbol="o", symbolSize=6, symbolBrush=COLORS[0],
                                                  symbolPen=None, name="")
        self.test_acc_curve = self.acc_plot.plot(pen=pen(1, 2, style=Qt.PenStyle.DashLine), symbol="t",
                                                 symbolSize=7, symbolBrush=COLORS[1], symbolPen=None, name="")
        self.val_acc_curve = self.acc_plot.plot(pen=pen(2, 2, style=Qt.PenStyle.DashDotLine), symbol="s",
                                                symbolSize=6, symbolBrush=COLORS[2], symbolPen=None, name="")
        self.acc_plot.setYRange(0, 1, padding=0.02)
        self._acc_low = 0.0  # the accuracy axis's bottom (zoom_accuracy)
        for plot in (self.loss_plot, self.acc_plot):  # the legends move out of the data's way on a resize too
            plot.getPlotItem().getViewBox().sigResized.connect(
                lambda *_, p=plot: place_legend(p, p.getPlotItem().legend))
        self.acc_plot.setLimits(xMin=0, yMin=0, yMax=1.05)
        book_pen = pen(7, 1.5, style=Qt.PenStyle.DotLine)
        self.book_line = pg.InfiniteLine(angle=0, movable=False, pen=book_pen)
        self.acc_plot.addItem(self.book_line)
        self.book_legend = pg.PlotDataItem(pen=book_pen)  # the line's entry in the legend (no data of its own)
        for plot in (self.loss_plot, self.acc_plot):
            cache_static_parts(plot)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.loss_plot)
        splitter.addWidget(self.acc_plot)
        self.advice = wrapped()
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        plots = QWidget()
        column = QVBoxLayout(plots)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(splitter, 1)
        column.addWidget(self.advice)
        self.addWidget(plots)
        self.comparison = ComparisonView(state)
        self.addWidget(self.comparison)
        self.retranslate()

    def retranslate(self):
        self.need_title.setText(self.tr("This experiment needs MNIST"))
        self.need_text.setText(self.tr(
            "<p>MNIST is the book's data set: 60,000 training and 10,000 test images of handwritten digits, "
            "28×28 pixels each (about 11 MB).</p><p>Click <i>Get MNIST…</i> to download it or to import a copy "
            "you already have (the four IDX files, the book's mnist.pkl or Keras's mnist.npz).</p>"))
        self.need_get_button.setText(self.tr("Get MNIST…"))
        self.need_get_button.setToolTip(self.tr("Download MNIST or import a copy you already have"))
        self.loss_plot.set_labels(self.tr("iteration"), self.tr("loss L (cross-entropy)"),
                                  self.tr("Mini-batch loss"))
        legend = self.loss_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.loss_curve, self.tr("each mini-batch"))
        legend.addItem(self.smooth_curve, self.tr("mean of the last 100"))
        self.label_accuracy_plot()
        self.show_advice()

    def numerical(self):
        """The run shown is a numerical one (its own view); before any run, Gradient = numerical is chosen."""
        run = self.state.run
        return run.numerical if run is not None else self.state.method == "numerical"

    def explanation(self):
        if self.numerical():
            return self.comparison.explanation()
        return self.tr(
            "<h3>Mini-batch learning</h3><p>The book's train_neuralnet.py:</p>"
            "<p>repeat:<br>&nbsp;1. draw a mini-batch of 100 training images<br>"
            "&nbsp;2. gradient ∂L/∂W of its loss<br>&nbsp;3. W ← W − η·∂L/∂W<br>"
            "&nbsp;4. once per epoch: accuracy on all the training and test data</p>"
            "<p><b>Loss</b> (cross-entropy error of the batch):<br>L = −(1/N) Σ<sub>n</sub> Σ<sub>k</sub> "
            "t<sub>nk</sub> log y<sub>nk</sub></p><p>Each batch is different, so the loss zig-zags; its "
            "mean falls.</p><p>One <b>epoch</b> = 60,000 / 100 = 600 iterations. Train and test accuracy "
            "stay together: no overfitting.</p><p>Sigmoid (chapter 4) ends near 0.946 test accuracy, "
            "ReLU (chapter 5) near 0.970.</p>")

    def label_accuracy_plot(self):
        """Axis texts and legend of the accuracy plot: the run's epoch length and sets, the book's accuracy."""
        run = self.state.run
        per_epoch = run.per_epoch if run else 600
        self.acc_plot.set_labels(self.tr("epoch (= %1 iterations)").replace("%1", f"{per_epoch:,}"),
                                 self.tr("accuracy (0–1)"), self.accuracy_title(run))
        legend = self.acc_plot.getPlotItem().legend
        legend.clear()
        sizes = (run.train_size if run else 60_000, 10_000)
        legend.addItem(self.train_acc_curve, self.tr("train (%1 images)").replace("%1", f"{sizes[0]:,}"))
        if run and run.validation:
            legend.addItem(self.val_acc_curve, self.tr("validation (%1 images)").replace("%1", f"{run.validation:,}"))
        legend.addItem(self.test_acc_curve, self.tr("test (%1 images)").replace("%1", f"{sizes[1]:,}"))
        accuracy = BOOK_TEST_ACCURACY[self.state.book_activation(self.running())]
        self.book_line.setPos(accuracy)
        legend.addItem(self.book_legend, self.tr("the book's test accuracy (%1)").replace("%1", f"{accuracy:.3f}"))
        self.book_line.setToolTip(self.tr("Where the book's run (10,000 iterations) ends for this activation"))

    def accuracy_title(self, run):
        if run is None or run.train_size >= 60_000:
            return self.tr("Accuracy on the full sets, once per epoch")
        every = run.eval_every or run.per_epoch
        if every == run.per_epoch:
            return self.tr("Accuracy once per epoch")
        return self.tr("Accuracy every %1 iterations (%2 epochs)").replace("%1", f"{every:,}").replace(
            "%2", f"{every / run.per_epoch:g}")

    def show_data(self, has_data, error_text):
        """The plots once MNIST is there (or loading), else the "needs MNIST" page with the error, if any."""
        self.setCurrentIndex((2 if self.numerical() else 1) if has_data else 0)
        self.need_error.setText(error_text)

    def begin_run(self):
        """Empty curves and fixed ranges for state.run (a fixed axis is not redrawn every frame)."""
        run = self.state.run
        if run.numerical:
            self.comparison.begin_run()
            self.setCurrentIndex(2)
            return
        self.setCurrentIndex(1)
        self._shown_smooth = -1
        self.advice.setText("")
        for curve in (self.loss_curve, self.smooth_curve, self.train_acc_curve, self.test_acc_curve,
                      self.val_acc_curve):
            curve.setData([], [])
        self.loss_plot.setXRange(0, run.iterations, padding=0.02)
        self._loss_top = 2.5
        self.loss_plot.setYRange(0, self._loss_top, padding=0)
        self.acc_plot.setXRange(0, run.iterations / run.per_epoch, padding=0.03)
        self._acc_low = 0.0
        self.acc_plot.setYRange(0, 1, padding=0.02)
        self.label_accuracy_plot()

    def redraw(self):
        """Show what arrived since the last frame; the curves are set again only when they grew."""
        if self.numerical():
            self.comparison.redraw()
            return
        curves = self.state.curves
        n = curves.filled
        x = np.arange(1, n + 1)
        if grow(self.loss_curve, x, curves.loss[:n]) or self._shown_smooth != n:
            start = max(self._shown_smooth, 0)
            if n > start:
                top = float(np.nanmax(curves.loss[start:n]))
                if top > self._loss_top:  # the y range only ever grows: a fixed axis is not redrawn every frame
                    self._loss_top = top * 1.1
                    self.loss_plot.setYRange(0, self._loss_top, padding=0)
            self.smooth_curve.setData(x, evaluation.smooth(curves.loss[:n], SMOOTH_WINDOW))
            self._shown_smooth = n
        points = curves.acc_points
        grow(self.train_acc_curve, [p[0] for p in points], [p[1] for p in points])
        if grow(self.test_acc_curve, [p[0] for p in points], [p[2] for p in points]):
            self.show_advice()
            self.zoom_accuracy()
        grow(self.val_acc_curve, [p[0] for p in curves.val_points], [p[1] for p in curves.val_points])

    def zoom_accuracy(self):
        """The accuracy axis from just under the lowest accuracy after the first measurement (which is the
        untrained net's chance level) to 1: on 0–1, train 0.9797 and test 0.9703 would look like one line. The
        legend then goes where it covers no points."""
        curves = self.state.curves
        later = [a for p in curves.acc_points[1:] for a in p[1:]] + [v for _, v in curves.val_points[1:]]
        low = max(0.0, round(min(later) - 0.02, 2)) if later else 0.0
        if low != self._acc_low:
            self._acc_low = low
            self.acc_plot.setYRange(low, 1.0, padding=0.02)
        place_legend(self.acc_plot, self.acc_plot.getPlotItem().legend)
        place_legend(self.loss_plot, self.loss_plot.getPlotItem().legend)

    def show_advice(self):
        """The lessons' reading of the latest accuracies (engine.fitting.diagnose): bias, variance, and remedies."""
        curves, run = self.state.curves, self.state.run
        if run is None or run.numerical or len(curves.acc_points) < 2:
            self.advice.setText("")
            return
        train = curves.acc_points[-1][1]
        has_val = bool(curves.val_points) and curves.val_points[-1][1] is not None
        dev = curves.val_points[-1][1] if has_val else curves.acc_points[-1][2]
        if not (np.isfinite(train) and np.isfinite(dev)):
            return
        d = fitting.diagnose(train, dev)
        figures = (self.tr("Train error %1 %, validation error %2 % (gap %3 points).") if has_val
                   else self.tr("Train error %1 %, test error %2 % (gap %3 points).")).replace(
            "%1", f"{100 * d.train_error:.1f}").replace("%2", f"{100 * d.dev_error:.1f}").replace(
            "%3", f"{100 * d.gap:.1f}")
        readings = {
            "variance": self.tr("<b>High variance (overfitting)</b>: the net fits its training images far better "
                                "than new ones. The lessons' remedies: more training data, L2 regularisation "
                                "(raise λ), a smaller net."),
            "bias": self.tr("<b>High bias (underfitting)</b>: even the training images are often wrong. The "
                            "lessons' remedies: a bigger net (more hidden units, a non-linear activation), train "
                            "longer, a better learning rate."),
            "both": self.tr("<b>High bias and high variance</b>: the training error is high and the gap is wide. "
                            "First fix the bias (a bigger net, train longer), then the variance (more data, λ)."),
            "fine": self.tr("<b>Low bias, low variance</b>: the training error is low and the gap narrow — "
                            "neither remedy is needed."),
        }
        self.advice.setText(figures + " " + readings[d.case])
