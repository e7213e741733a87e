"""Gradient check page: ∂L/∂W of a small batch by backpropagation and by the numerical gradient, side by side.

The book's gradient_check.py. engine.training.gradient_check computes both and their differences (a job on the
panel's RunController, named "check"); this page starts it and shows its table and verdict from state.check.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine import evaluation, training
from engine.networks import PARAM_KEYS, TwoLayerNet
from gui.run import Status
from gui.tabs.training.run_panel import TRAIN
from gui.widgets.panel_helpers import Retranslated, wrapped
from gui.widgets.progress import RateProgress

CHECK = "check"  # the RunController's name of the job


class CheckPage(Retranslated, QWidget):
    busy_changed = Signal()  # the check started or ended: the panel's controls follow

    def __init__(self, state, runs):
        super().__init__()
        self.state, self.runs = state, runs
        self.stopped = False  # the last check was stopped before its end
        v = QVBoxLayout(self)
        self.intro = wrapped()
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        self.images_label = QLabel()
        self.images_spin = QSpinBox()
        self.images_spin.setRange(1, 100)
        self.images_spin.setValue(state.check_images)
        self.images_spin.valueChanged.connect(lambda n: setattr(self.state, "check_images", int(n)))
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.start_check)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop_check)
        self.images_label.setBuddy(self.images_spin)  # its accessible name
        for widget in (self.images_label, self.images_spin, self.check_button, self.stop_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.progress = RateProgress("weights")
        self.table = QTableWidget(len(PARAM_KEYS), 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(170)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.table.setFont(mono)
        self.result = wrapped()
        v.addWidget(self.intro)
        v.addLayout(row)
        v.addWidget(self.progress)
        v.addWidget(self.table)
        v.addWidget(self.result)
        v.addStretch(1)
        self.retranslate()

    def retranslate(self):
        self.intro.setText(self.tr(
            "<p>The book's <b>gradient check</b>: compute ∂L/∂W of a small batch twice — by backpropagation "
            "and by the numerical gradient (central differences, h = 10⁻⁴) — and compare them weight by "
            "weight. If backprop is right they agree to about 10⁻¹⁰.</p><p>It checks the trained (or loaded) "
            "net if there is one, else a new net with the settings on the left. The numerical side is slow: "
            "2 loss evaluations per weight.</p>"))
        self.images_label.setText(self.tr("Images"))
        self.images_spin.setToolTip(self.tr("How many training images in the batch (the book uses 3)"))
        self.table.setAccessibleName(self.tr("Backprop against the numerical gradient, per weight"))
        self.check_button.setText(self.tr("Gradient check"))
        self.check_button.setToolTip(self.tr("Compare backprop with the numerical gradient on a small batch"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the gradient check"))
        self.progress.setToolTip(self.tr("Weights whose numerical derivative is done"))
        self.table.setHorizontalHeaderLabels([self.tr("parameter"), self.tr("weights"), self.tr("mean |Δ|"),
                                              self.tr("max |Δ|"), self.tr("relative")])
        self.table.setToolTip(self.tr("Δ = backprop − numerical, for every weight of the parameter; "
                                      "relative = mean |Δ| / mean |numerical|"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Gradient check</h3><p>Numerical gradient (chapter 4):<br>∂L/∂w ≈ (L(w + h) − L(w − h)) "
            "/ 2h</p><p>simple and almost surely right, but 2 loss evaluations per weight: 79,520 for the "
            "784-50-10 net. Backpropagation (chapter 5) gets all 39,760 at the cost of about one forward "
            "and one backward pass, but is easy to get wrong.</p><p>So we check backprop against it. The "
            "differences are not 0: floating-point rounding and the 1e-7 inside log(y + 1e-7).</p>")

    # ---------------------------------------------------------------- the job
    def is_checking(self):
        return self.runs.is_running(CHECK)

    def start_check(self):
        """Check the trained (or loaded) net, else a new one with the chosen settings, on the first images."""
        s = self.state
        if s.data is None or self.is_checking() or self.runs.is_running(TRAIN) or self.runs.closed:
            return
        (x_train, t_train), _ = s.data
        n = s.check_images
        net = s.net if s.net is not None else TwoLayerNet(784, s.hidden_size, 10, s.weight_init_std,
                                                          activation=s.activation, seed=s.seed)
        x, t = x_train[:n], t_train[:n]
        s.check, self.stopped = None, False
        self.table.clearContents()
        self.result.setText("")
        self.progress.start(evaluation.parameter_count(*net.sizes))
        self.runs.start(CHECK, lambda: training.gradient_check(net, x, t, report_every=2000),
                        events=self.on_events, done=self.on_done, failed=self.on_failed)
        self.busy_changed.emit()

    def stop_check(self):
        self.runs.stop(CHECK)

    def on_events(self, batch):
        for event in batch:
            if event["kind"] == "progress":
                self.progress.set_done(event["done"])
            elif event["kind"] == "done":
                self.state.check = event
        self.refresh()

    def on_done(self, status):
        self.stopped = status is not Status.FINISHED
        self.refresh()
        self.busy_changed.emit()

    def on_failed(self, message):
        self.result.setText(message)
        self.busy_changed.emit()

    # ---------------------------------------------------------------- views
    def refresh_controls(self, has_data, training_on):
        checking = self.is_checking()
        self.check_button.setEnabled(has_data and not training_on and not checking)
        self.stop_button.setEnabled(checking)
        self.images_spin.setEnabled(not checking)

    def refresh(self):
        c = self.state.check
        if c is None:
            if self.stopped:
                self.progress.finish(self.tr("Stopped."))
            return
        for row, key in enumerate(PARAM_KEYS):
            for col, text in enumerate((key, f"{c['sizes'][key]:,}", f"{c['diffs'][key]:.2e}",
                                        f"{c['max_diffs'][key]:.2e}", f"{c['relative'][key]:.2e}")):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        seconds = c["seconds"]
        worst = max(c["relative"].values())
        verdict = (self.tr("Backprop agrees with the numerical gradient.") if worst < 1e-3
                   else self.tr("Backprop and the numerical gradient disagree: the backward pass has a bug."))
        self.result.setText(verdict + " " + self.tr(
            "Backprop took %1 ms, the numerical gradient %2 s (%3 times longer).")
            .replace("%1", f"{seconds['backprop'] * 1000:.1f}").replace("%2", f"{seconds['numerical']:.1f}")
            .replace("%3", f"{seconds['numerical'] / max(seconds['backprop'], 1e-9):,.0f}"))
        self.progress.finish(self.tr("Done: %1 weights.").replace("%1", f"{sum(c['sizes'].values()):,}"))
