"""Learning rates page: one model per learning rate η, their cost curves together and their accuracies (the
lessons' comparison). The run itself is the panel's "compare" job; this page shows it."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from engine.lab import logistic as logistic_lab
from gui.tabs.training.cat.cost_page import CURVE_WIDTH
from gui.tabs.training.cat.page import Page
from gui.tabs.training.cat.state import Curve
from gui.widgets.panel_helpers import ERROR_STYLE, grow, wrapped
from gui.widgets.plots import COLORS, Plot, add_legend, pen


class RatesPage(Page):
    """The rates to compare and their iterations, Compare / Stop, the curves and a table of the results."""

    def __init__(self, state):
        super().__init__(state)
        self.rates_label, self.compare_iter_label = QLabel(), QLabel()
        self.rates_edit = QLineEdit(state.compare_rates)
        self.rates_edit.textChanged.connect(lambda text: setattr(self.state, "compare_rates", text))
        self.compare_iter_spin = QSpinBox()
        self.compare_iter_spin.setRange(1, 100_000)
        self.compare_iter_spin.setSingleStep(100)
        self.compare_iter_spin.setGroupSeparatorShown(True)
        self.compare_iter_spin.setValue(state.compare_iterations)
        self.compare_iter_spin.valueChanged.connect(lambda n: setattr(self.state, "compare_iterations", int(n)))
        self.compare_button, self.compare_stop_button = QPushButton(), QPushButton()
        form = QHBoxLayout()
        self.rates_label.setBuddy(self.rates_edit)  # their accessible names
        self.compare_iter_label.setBuddy(self.compare_iter_spin)
        form.addWidget(self.rates_label)
        form.addWidget(self.rates_edit, 1)
        for widget in (self.compare_iter_label, self.compare_iter_spin, self.compare_button,
                       self.compare_stop_button):
            form.addWidget(widget)
        self.compare_status = wrapped()
        self.compare_progress = QProgressBar()
        self.compare_progress.setValue(0)
        self.compare_plot = Plot()
        add_legend(self.compare_plot)
        self.compare_plot.setLimits(xMin=0, yMin=0)
        self.compare_plot.getAxis("left").enableAutoSIPrefix(False)
        self.compare_curves = []  # one plot curve per rate of state.compare_run
        self.compare_table = QTableWidget(0, 4)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.setMaximumHeight(130)
        status_row = QHBoxLayout()
        status_row.addWidget(self.compare_progress, 1)
        status_row.addWidget(self.compare_status, 2)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(status_row)
        column.addWidget(self.compare_plot, 1)
        column.addWidget(self.compare_table)
        self.retranslate()

    def retranslate(self):
        self.rates_label.setText(self.tr("Learning rates"))
        self.rates_edit.setToolTip(self.tr("Learning rates to compare, separated by commas (Enter runs)"))
        self.compare_table.setAccessibleName(self.tr("The learning rates compared"))
        self.compare_iter_label.setText(self.tr("Iterations"))
        self.compare_iter_spin.setToolTip(self.tr("Iterations per learning rate (the lessons' plot uses 1,500)"))
        self.compare_button.setText(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Train one model per learning rate, from w = 0, and draw their "
                                               "costs together"))
        self.compare_stop_button.setText(self.tr("Stop"))
        self.compare_stop_button.setToolTip(self.tr("Stop the comparison"))
        self.compare_progress.setToolTip(self.tr("Iterations done over all learning rates"))
        self.compare_plot.set_labels(self.tr("iteration"), self.tr("cost J"),
                                     self.tr("Cost for different learning rates"))
        self.compare_table.setHorizontalHeaderLabels(
            [self.tr("learning rate η"), self.tr("last cost"), self.tr("train accuracy %"),
             self.tr("test accuracy %")])
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>The learning rate</h3><p>η is a hyperparameter: chosen by hand, not learned.</p>"
            "<p>Too large and the cost jumps about (or even grows); too small and it falls so slowly "
            "that 1,500 iterations are not enough.</p><p>The lessons compare η = 0.01, 0.001 and "
            "0.0001. The fastest fall in the training cost does not promise the best test accuracy.</p>")

    # ---------------------------------------------------------------- the comparison's course
    def begin(self, rates: list[float]) -> None:
        """A new comparison of `rates`, each for state.compare_iterations iterations: empty curves, one row each."""
        s = self.state
        s.forget_comparison()
        s.compare_run = list(rates)
        s.compare_curves = [Curve.for_run(s.compare_iterations) for _ in rates]
        s.compare_note = ("running", "")
        self.compare_progress.setRange(0, len(rates) * s.compare_iterations)
        self.compare_plot.setXRange(0, s.compare_iterations, padding=0.02)
        self.make_curves()
        self.refresh()

    def on_events(self, batch: list) -> None:
        """The compare job's events: costs into the state's curves, each rate's end into compare_results."""
        s = self.state
        for event in batch:
            if event["kind"] == "step":
                s.compare_curves[event["index"]].add(event["iteration"], event["cost"])
                self.compare_progress.setValue(event["overall"])
            elif event["kind"] in ("run_done", "run_diverged"):
                s.compare_results.append(event)
                self.fill_table()

    def show_rates_error(self, error: logistic_lab.LearningRateError) -> None:
        self.state.compare_note = ("rates", error)
        self.show_note()

    def set_running(self, comparing: bool, has_data: bool) -> None:
        self.compare_button.setEnabled(has_data and not comparing)
        self.compare_stop_button.setEnabled(comparing)
        self.rates_edit.setEnabled(not comparing)
        self.compare_iter_spin.setEnabled(not comparing)

    # ---------------------------------------------------------------- views
    def refresh(self):
        """Everything from the state: the inputs, one plot curve per rate, the table and the note."""
        s = self.state
        if self.rates_edit.text() != s.compare_rates:
            self.rates_edit.setText(s.compare_rates)
        self.compare_iter_spin.setValue(s.compare_iterations)
        if len(self.compare_curves) != len(s.compare_run):
            self.make_curves()
        if not s.compare_run:
            self.compare_progress.setValue(0)
        self.fill_table()
        self.redraw()
        self.show_note()

    def make_curves(self) -> None:
        for curve in self.compare_curves:
            self.compare_plot.removeItem(curve)
        self.compare_plot.getPlotItem().legend.clear()
        self.compare_curves = [self.compare_plot.plot(pen=pen(k, CURVE_WIDTH), name=f"η = {lr:g}")
                               for k, lr in enumerate(self.state.compare_run)]

    def redraw(self) -> None:
        """Draw the costs that arrived (on the panel's redraw timer): every record_every-th iteration's, as the
        lessons' figure does — the cost of every iteration swings between odd and even iterations early on (the
        cost page says why), and with η = 0.01 that band would cover the other curves."""
        step = max(1, int(self.state.record_every))
        for curve, data in zip(self.compare_curves, self.state.compare_curves, strict=True):
            x, y = data.points()
            grow(curve, x[::step], y[::step])

    def fill_table(self) -> None:
        """One row per rate: η, then its last cost and accuracies once it has ended (or where it diverged)."""
        s = self.state
        ended = {event["index"]: event for event in s.compare_results}
        self.compare_table.setRowCount(len(s.compare_run))
        for k, lr in enumerate(s.compare_run):
            event = ended.get(k)
            if event is None:
                texts = [f"{lr:g}", "", "", ""]
            elif event["kind"] == "run_diverged":
                texts = [f"{lr:g}", self.tr("diverged at iteration %1").replace("%1", str(event["iteration"])),
                         "—", "—"]
            else:
                curve = s.compare_curves[k]
                texts = [f"{lr:g}", f"{curve.cost[curve.filled - 1]:.6f}", str(event["train_accuracy"]),
                         str(event["test_accuracy"])]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setForeground(pg.mkColor(COLORS[k % len(COLORS)]))
                self.compare_table.setItem(k, column, item)

    def show_note(self) -> None:
        """The line beside the progress bar: running, done, stopped, why it failed or what is wrong with the rates."""
        kind, detail = self.state.compare_note or ("", "")
        texts = {"running": self.tr("Running…"), "done": self.tr("Done."), "stopped": self.tr("Stopped.")}
        if kind == "failed":
            text = self.tr("The comparison failed: %1").replace("%1", detail)
        elif kind == "rates":
            text = self.rates_error_text(detail)
        else:
            text = texts.get(kind, "")
        self.compare_status.setStyleSheet(ERROR_STYLE if kind in ("failed", "rates") else "")
        self.compare_status.setText(text)

    def rates_error_text(self, error: logistic_lab.LearningRateError) -> str:
        if error.reason == "number":
            return self.tr("“%1” is not a number: enter learning rates like 0.01, 0.001, 0.0001").replace(
                "%1", error.item)
        if error.reason == "positive":
            return self.tr("“%1” is not a positive learning rate").replace("%1", error.item)
        if error.reason == "count":
            return self.tr("At most %1 learning rates at once").replace("%1", str(logistic_lab.MAX_RATES))
        return self.tr("Enter learning rates separated by commas, e.g. 0.01, 0.001, 0.0001")
