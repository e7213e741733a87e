"""MNIST: the book's two-layer net (chapter 4 with sigmoid, chapter 5 with ReLU), trained live.

Pages: Learning (mini-batch loss per iteration with a smoothed line; train / test accuracy per epoch),
Weights (the first layer's 28×28 weight pictures), Results (confusion matrix, the misclassified test digits),
Gradient check (backprop vs numerical gradient per parameter). Controls on the left, explanation right.
This module assembles them around the run lifecycle of RunPanel and the one MnistState; it loads MNIST, starts
the jobs (load, train, report, check: all on the panel's RunController), saves and loads models and offers the
trained net to the Draw tab. The mathematics is engine.training and engine.networks.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from engine import evaluation, fitting, numerical_run, training
from engine.networks import TwoLayerNet
from gui.settings import read
from gui.tabs.training.column import compact_column
from gui.tabs.training.mnist import jobs
from gui.tabs.training.mnist.boxes import DataBox, ModelBox
from gui.tabs.training.mnist.check_page import CHECK, CheckPage
from gui.tabs.training.mnist.fitting_box import FittingBox
from gui.tabs.training.mnist.iteration_page import IterationPage
from gui.tabs.training.mnist.landscape_page import LandscapePage
from gui.tabs.training.mnist.learning_page import LearningPage
from gui.tabs.training.mnist.model_io import MODEL, ModelFiles
from gui.tabs.training.mnist.net_box import ACTIVATIONS, METHODS, NetBox
from gui.tabs.training.mnist.results_page import ResultsPage
from gui.tabs.training.mnist.run_box import RunBox
from gui.tabs.training.mnist.state import (
    MAX_EVALUATIONS,
    NUMERICAL_MAX_BATCH,
    NUMERICAL_MAX_ITERS,
    PAGES,
    Curves,
    MnistState,
    Path,
    RunPlan,
)
from gui.tabs.training.mnist.stepping import Stepping
from gui.tabs.training.mnist.weights_page import WeightsPage
from gui.tabs.training.outcome import Outcome
from gui.tabs.training.run_panel import RunPanel
from gui.widgets.explanation import Explanation
from gui.widgets.panel_helpers import experiment_layout

LOSS_LIMIT = 3 * training.CHANCE_LOSS  # a mean mini-batch loss above this = blown up (training starts at 2.30)
LOAD, REPORT = "load", "report"  # the RunController's other jobs (check: the check page; model: ModelFiles)


class MnistPanel(ModelFiles, Stepping, RunPanel):
    """The book's MNIST experiment in the Training tab."""

    key = "training_mnist"

    def __init__(self):
        super().__init__()
        self.state = s = MnistState()
        self._host = None  # the Training tab's QTabWidget, once shown
        self.data_box = DataBox(s)
        self.net_box = NetBox(s)
        self.fitting_box = FittingBox(s)
        self.iteration = IterationPage(s)
        buttons = QVBoxLayout()  # Start, Pause, Stop; under them Step one iteration
        buttons.addLayout(self.run_buttons())
        buttons.addWidget(self.make_step_controls())
        self.run_box = RunBox(s, buttons, self.progress)
        self.model_box = ModelBox()
        self.learning = LearningPage(s, self.is_training)
        self.weights = WeightsPage(s)
        self.results = ResultsPage(s)
        self.check = CheckPage(s, self.runs)
        self.landscape = LandscapePage(s, self.runs)
        self.pages = QTabWidget()
        for page in (self.learning, self.weights, self.results, self.check, self.iteration, self.landscape):
            self.pages.addTab(page, "")
        self.explanation = Explanation()
        self.run_box.layout().addWidget(self.model_box)  # Save model… under the accuracies it saves
        boxes = (self.data_box, self.net_box, self.fitting_box, self.run_box)
        experiment_layout(self, boxes, self.pages, self.explanation, (300, 700, 250), left_width=(310, 350))
        compact_column(boxes)  # Save model… in sight at 1280×720 without scrolling, in both languages
        self.data_box.get_button.clicked.connect(self.get_mnist)
        self.learning.need_get_button.clicked.connect(self.get_mnist)
        self.net_box.changed.connect(self.on_setting_changed)
        self.net_box.defaults_button.clicked.connect(lambda: self.on_setting_changed("book"))
        self.fitting_box.changed.connect(self.on_setting_changed)
        self.iteration.chapter4_clicked.connect(self.use_chapter4)
        self.model_box.save_button.clicked.connect(self.save_model_dialog)
        self.model_box.load_button.clicked.connect(self.load_model_dialog)
        self.check.busy_changed.connect(self.on_check_busy)
        self.pages.currentChanged.connect(self.on_page_changed)
        self.retranslate()  # MNIST is looked for (and loaded) when the panel is first shown

    # ================================================================== texts and views
    def title(self):
        return self.tr("MNIST · two-layer net")

    def retranslate(self):
        super().retranslate()
        for i, text in enumerate((self.tr("Learning"), self.tr("Weights"), self.tr("Results"),
                                  self.tr("Gradient check"), self.tr("One iteration"), self.tr("Loss landscape"))):
            self.pages.setTabText(i, text)
        self.pages.setTabToolTip(0, self.tr("Loss and accuracy while training"))
        self.pages.setTabToolTip(1, self.tr("The first layer's weights as 28×28 pictures"))
        self.pages.setTabToolTip(2, self.tr("Confusion matrix and misclassified test digits"))
        self.pages.setTabToolTip(3, self.tr("Backprop against the numerical gradient"))
        self.pages.setTabToolTip(4, self.tr("One SGD iteration taken apart: mini-batch, gradient, update"))
        self.pages.setTabToolTip(5, self.tr("The loss over a plane of weight space, with the path SGD took"))
        self.retranslate_step_controls()
        self.stop_button.setToolTip(self.tr("Stop training; the net so far is evaluated"))
        if self.state.outcome is not None:
            self.progress.finish(self.finish_text())
        self.publish()  # the Draw tab's model combo names the net in the new language
        self.show_explanation()
        self.refresh_all()

    def show_explanation(self):
        self.explanation.setHtml(self.pages.currentWidget().explanation())

    def on_page_changed(self, index):
        self.state.page = index
        self.show_explanation()
        if index == PAGES.index("weights"):
            self.weights.draw_pending()
        self.on_step_page(index == PAGES.index("iteration"))

    def on_setting_changed(self, name):
        if name == "activation" and not self.is_training():
            self.learning.label_accuracy_plot()
        if name == "book":
            self.fitting_box.refresh()
        if self.state.run is None and name in ("method", "book"):  # the view of the run Start will make
            self.refresh_all()
            self.show_explanation()
        self.iteration.refresh()  # a stepped run is continued only with its own settings
        self.refresh_run_controls()
        self.run_box.refresh(self.run_status())  # "Stepped 3 of …" no longer, once the settings differ

    def refresh_all(self):
        self.data_box.loading = self.run_box.loading = self.runs.is_running(LOAD)
        self.data_box.refresh()
        self.learning.show_data(self.state.data is not None or self.data_box.loading,
                                self.data_box.status_text() if self.state.data_error else "")
        self.refresh_run_controls()
        self.run_box.refresh(self.run_status())
        self.results.refresh()
        self.weights.refresh()
        self.iteration.refresh()
        self.landscape.refresh()

    def can_start(self):
        return (self.state.data is not None and not self.check.is_checking() and not self.runs.is_running(MODEL)
                and not self.is_stepping())

    def refresh_run_controls(self):
        super().refresh_run_controls()
        running = self.is_training() or self.is_waiting()  # waiting: the run starts once the report has stopped
        self.net_box.set_enabled(not running)
        self.fitting_box.set_enabled(not running)
        self.landscape.refresh_controls()
        self.model_box.load_button.setEnabled(not running and not self.runs.is_running(MODEL))
        self.model_box.save_button.setEnabled(not running and self.state.net is not None)
        self.check.refresh_controls(self.state.data is not None, running)
        self.refresh_step_controls(running)

    def on_check_busy(self):
        if self.check.is_checking():
            self.pages.setCurrentIndex(PAGES.index("check"))
        self.refresh_run_controls()

    # ================================================================== data
    def find_data(self):
        """Load MNIST from the known location (on a worker), unless it is already loaded from there."""
        source = jobs.find_mnist_source()
        if source is None:
            if self.state.data is None:
                self.state.source = ""
                self.refresh_all()
            return
        self.set_source(source)

    def get_mnist(self):
        try:
            from gui.data_dialog import ask_for_mnist
        except ImportError:
            self.data_box.say_no_dialog()
            return
        source = ask_for_mnist(self)
        if source is not None:
            self.set_source(source)

    def set_source(self, source):
        """Use the MNIST copy at `source` (folder or file): loaded on a worker, about a second."""
        source, s = str(source), self.state
        if self.runs.closed or source == s.source and (s.data is not None or self.runs.is_running(LOAD)):
            return
        self.stop_training(Outcome.SWITCHED)
        self.drop_stepper()
        s.source, s.data, s.data_error = source, None, ""
        # an older load still running is stopped first; its late events are dropped: they name the old source
        self.run_job(LOAD, lambda: jobs.load_job(source), events=lambda batch: self.on_data(source, batch),
                     failed=lambda message: self.on_data_failed(source, message), done=lambda _: self.refresh_all())
        self.refresh_all()

    def on_data(self, source, batch):
        if source != self.state.source:
            return
        for event in batch:
            self.state.data, self.state.data_error = event["data"], ""
        self.refresh_all()
        if self.state.net is not None and self.state.report is None:
            self.start_report()

    def on_data_failed(self, source, message):
        if source == self.state.source:
            self.state.data, self.state.data_error = None, message
            self.refresh_all()

    # ================================================================== training
    def start_training(self):
        s = self.state
        if s.data is None or self.is_training() or self.runs.closed:
            return
        if self.runs.is_running(REPORT) or self.check.is_checking():  # never two heavy jobs at once:
            self.when_ended((REPORT, CHECK), self.start_training)  # they are stopped, training starts after
            return
        (x_train, t_train), (x_test, t_test) = data = s.data
        numerical = s.method == "numerical"
        validation = None
        if not numerical:  # the overfitting settings: fewer training images, a validation set held out
            (x_train, t_train), validation = fitting.split_training(x_train, t_train, s.train_size, s.validation)
            data = ((x_train, t_train), (x_test, t_test))
            validation = validation if len(validation[0]) else None
        iters = min(s.iterations, NUMERICAL_MAX_ITERS) if numerical else s.iterations
        batch = min(s.batch_size, NUMERICAL_MAX_BATCH) if numerical else s.batch_size
        lr, stepper = s.learning_rate, None if numerical else self.stepped_run()  # a stepped run goes on
        net = stepper.net if stepper else TwoLayerNet(784, s.hidden_size, 10, weight_init_std=s.weight_init_std,
                                                      activation=s.activation, seed=s.seed,
                                                      dtype=np.float64 if numerical else np.float32,
                                                      weight_decay_lambda=0.0 if numerical else s.weight_decay)
        per_epoch = max(1, len(x_train) // batch)
        if numerical:  # beside backprop, on the same mini-batches (drawn from all training images)
            events = numerical_run.numerical_vs_backprop(net, x_train, t_train, iters_num=iters, batch_size=batch,
                                                         learning_rate=lr, seed=s.seed, report_every=2000)
        else:  # a small training set: at most MAX_EVALUATIONS measurements
            every = max(per_epoch, math.ceil(iters / MAX_EVALUATIONS)) if len(x_train) < 60_000 else None
            events = training.train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=iters,
                                              batch_size=batch, learning_rate=lr, seed=s.seed, loss_limit=LOSS_LIMIT,
                                              resume=stepper, eval_every=every)
        s.run = RunPlan(iters, batch, lr, numerical, per_epoch, evaluation.parameter_count(784, s.hidden_size, 10),
                        s.activation, s.hidden_size, len(x_train), 0 if validation is None else len(validation[0]),
                        net.weight_decay_lambda, 0 if numerical else every or 0)
        if s.path is not None and len(s.path.snapshots) >= 2:
            s.previous_path = s.path  # compared with this run on the landscape
        s.path = Path(lr=lr, shape=(net.sizes[1], net.activation))
        s.net, s.net_origin, s.train_acc, s.test_acc, s.report = None, "", None, None, None
        s.curves, s.live_net, s.diverged = Curves.for_run(iters, numerical), net, None
        self.learning.begin_run()
        total = iters * s.run.weights if numerical else iters
        self.start_run(lambda: jobs.training_job(events, net, data, validation), total,
                       "weights" if numerical else "iterations")
        if stepper:
            self.go_on_from(stepper)
        self.pages.setCurrentIndex(PAGES.index("learning"))
        self.show_explanation()  # a numerical run's view explains itself
        self.refresh_all()

    def on_run_events(self, batch):
        s = self.state
        for event in batch:
            kind = event["kind"]
            if kind == "step":
                s.curves.loss[event["iteration"] - 1] = event["loss"]
                s.curves.filled = event["iteration"]
                if s.curves.compare is not None:  # a numerical run: the backprop twin's figures beside it
                    for name in s.curves.compare.FIELDS:
                        getattr(s.curves.compare, name)[event["iteration"] - 1] = event[name]
            elif kind == "progress":  # numerical gradient: weights done in this iteration
                s.curves.weights_done = (event["iteration"] - 1) * event["total"] + event["done"]
            elif kind == "epoch":
                epoch = event["iteration"] / s.run.per_epoch
                s.curves.acc_points.append((epoch, event["train_acc"], event["test_acc"]))
                if event.get("val_acc") is not None:
                    s.curves.val_points.append((epoch, event["val_acc"]))
                s.path.snapshots.append(event["net"].params)  # the evaluated copy: a point of the path
                s.path.epochs.append(epoch)
                self.offer_weights(event["net"])
            elif kind == "done":  # (a numerical run measures no accuracy: its report follows)
                s.net, s.net_origin, s.seconds = event["net"], "trained", event["seconds"]
                s.train_acc, s.test_acc = event.get("train_acc"), event.get("test_acc")
                self.offer_weights(event["net"])
                self.net_box.refresh_method_note()  # the expected time of a numerical run, as measured now
            elif kind == "diverged":
                s.diverged = event
                self.end_run_as(Outcome.DIVERGED)
            elif kind == "report":  # on the full sets
                self.take_report(event)
                self.publish()

    def offer_weights(self, net):
        self.weights.offer(net.params["W1"], self.pages.currentIndex() == PAGES.index("weights"))

    def redraw(self):
        """Show what arrived since the last frame: curves (only if they grew), progress, status."""
        self.learning.redraw()
        curves = self.state.curves
        self.show_progress(curves.weights_done if self.state.run.numerical else curves.filled)
        self.run_box.refresh(self.run_status())
        if self.state.landscape is None:  # Compute becomes possible once the path has 3 points
            self.landscape.refresh()

    def on_run_paused(self, paused):
        self.run_box.refresh(self.run_status())

    def on_run_end(self, outcome):
        s = self.state
        if outcome in (Outcome.STOPPED, Outcome.SWITCHED):  # keep what was learned so far and show it
            s.net, s.net_origin = s.live_net, "stopped"
            self.offer_weights(s.live_net)
            self.start_report()
        self.redraw()  # also the last steps, which arrive with "done"
        self.progress.finish(self.finish_text())
        self.refresh_all()

    def finish_text(self):
        run = self.state.run
        if self.state.outcome is Outcome.FINISHED:
            return self.tr("Finished: %1 iterations in %2 s.").replace("%1", f"{run.iterations:,}").replace(
                "%2", f"{self.state.seconds:.1f}")
        return self.tr("%1 of %2 iterations done.").replace("%1", f"{self.state.curves.filled:,}").replace(
            "%2", f"{run.iterations:,}")

    # ================================================================== results and the Draw tab
    def start_report(self):
        """Evaluate state.net on the full sets (a job): accuracies, confusion matrix, misclassified digits."""
        s = self.state
        if s.net is None or s.data is None or self.runs.closed:
            return
        net, data = s.net, s.data
        self.run_job(REPORT, lambda: jobs.report_job(net, data), events=lambda batch: self.on_report(net, batch),
                     failed=lambda message: self.model_box.say(lambda: message, error=True))

    def on_report(self, net, batch):
        if net is not self.state.net:
            return
        for event in batch:
            self.take_report(event)
        if self.state.net_origin == "loaded":
            self.publish()
        self.refresh_all()

    def take_report(self, event):
        s = self.state
        s.report = {k: v for k, v in event.items() if k != "kind"}
        s.train_acc, s.test_acc = s.report["train_acc"], s.report["test_acc"]
        self.results.refresh()
        self.weights.refresh()
        self.refresh_run_controls()

    def publish(self):
        """Offer the trained or loaded net to the Draw tab."""
        from gui.model_hub import hub

        s = self.state
        if s.net is None or s.report is None or s.net_origin not in ("trained", "loaded"):
            return
        accuracy, file = f"{s.report['test_acc']:.4f}", s.net.meta.get("file", "")
        if s.net_origin == "trained":
            def label():  # in the language of the moment: the Draw tab asks again on a language switch
                return QCoreApplication.translate("MnistPanel", "Trained in the Training tab (test accuracy %1)"
                                                  ).replace("%1", accuracy)
        else:
            def label():
                return QCoreApplication.translate("MnistPanel", "Loaded in the Training tab: %1 (test accuracy %2)"
                                                  ).replace("%1", file).replace("%2", accuracy)
        hub().publish("trained", label, s.net)

    # ================================================================== lifecycle and settings
    def showEvent(self, event):
        super().showEvent(event)
        if self._host is None:  # the Training tab's panel switcher: leaving for another data set stops the run
            stack = self.parentWidget()
            host = stack.parentWidget() if stack is not None else None
            if isinstance(host, QTabWidget):
                self._host = host
                host.currentChanged.connect(self.on_host_changed)
        if self.state.data is None and not self.runs.is_running(LOAD):
            self.find_data()

    def on_host_changed(self, index):
        if self._host is not None and self._host.widget(index) is not self:
            self.stop_training(Outcome.SWITCHED)

    def save_settings(self, settings):
        for name in MnistState.SAVED:
            settings.setValue(name, getattr(self.state, name))

    def restore_settings(self, settings):
        """Write the stored choices (each checked; a bad one falls back to its default) to the state, then show
        them."""
        s, d = self.state, MnistState()
        s.hidden_size = read(settings, "hidden_size", d.hidden_size, lo=1, hi=1000)
        s.activation = read(settings, "activation", d.activation, choices=ACTIVATIONS)
        s.learning_rate = read(settings, "learning_rate", d.learning_rate, lo=1e-6, hi=1e8)
        s.batch_size = read(settings, "batch_size", d.batch_size, lo=1, hi=10_000)
        s.iterations = read(settings, "iterations", d.iterations, lo=1, hi=1_000_000)
        s.weight_init_std = read(settings, "weight_init_std", d.weight_init_std, lo=1e-6, hi=10.0)
        s.train_size = read(settings, "train_size", d.train_size, lo=10, hi=60_000)
        s.validation = read(settings, "validation", d.validation, lo=0, hi=20_000)
        s.weight_decay = read(settings, "weight_decay", d.weight_decay, lo=0.0, hi=1000.0)
        self.landscape.restore(settings)
        s.seed = read(settings, "seed", d.seed, lo=0, hi=2**31 - 1)
        s.method = read(settings, "method", d.method, choices=METHODS)
        s.page = read(settings, "page", d.page, lo=0, hi=len(PAGES) - 1)
        self.net_box.refresh()
        self.fitting_box.refresh()
        self.learning.label_accuracy_plot()
        self.pages.setCurrentIndex(s.page)
