"""Step one iteration (a mixin of MnistPanel): the run the settings on the left describe, taken one SGD iteration
at a time on a worker (engine.iteration.Stepper, job "step") and shown whole on the One iteration page. Start
(Space) goes on with it as a live run: train_two_layer(resume=stepper) keeps its mini-batches and weights, so
iteration k is the one a run from scratch with that seed takes."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from engine import fitting
from engine.iteration import FullSetLoss, Stepper
from engine.networks import TwoLayerNet
from gui.tabs.training.mnist import jobs
from gui.tabs.training.mnist.model_io import MODEL
from gui.tabs.training.mnist.state import BOOK_SETTINGS, PAGES

STEP = "step"  # the RunController's name of the job that takes one iteration


class Stepping:
    """Needs the panel's state, pages, iteration (the page), net_box, learning, run_box, check, progress, runs and
    run_job / cancel_job / is_training / is_waiting / run_status / refresh_run_controls."""

    def make_step_controls(self):
        """The Step button (put beside Start) and → (active while the One iteration page is shown)."""
        self.step_button = QPushButton()
        self.step_button.clicked.connect(self.step_once)
        self.right_key = QShortcut(QKeySequence(Qt.Key.Key_Right), self,
                                   context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.right_key.activated.connect(self.step_once)
        self.right_key.setEnabled(False)
        self.step_wanted = False  # Step was asked for while a step (or the preparation) was under way
        return self.step_button

    def retranslate_step_controls(self):
        self.step_button.setText(self.tr("Step one iteration"))
        self.step_button.setToolTip(self.tr("Take the next iteration of this run and show it whole: the "
                                            "mini-batch, the gradient, the update (→ on the One iteration page)"))

    def is_stepping(self):
        return self.runs.is_running(STEP)

    def can_step(self):
        """Step may be pressed (while a step or the preparation is under way it is taken once that ends)."""
        s = self.state
        return (s.data is not None and s.method == "backprop" and not self.is_training() and not self.is_waiting()
                and not self.check.is_checking() and not self.runs.is_running(MODEL))

    def step_once(self):
        """Step and →: the next iteration of the stepped run (a new run when there is none, it has ended or
        the settings have changed since), computed on a worker; asked during a step, it follows that one."""
        if not self.can_step() or self.runs.closed:
            return
        if self.is_stepping():
            self.step_wanted = self.iteration.busy = True
            self.iteration.refresh()
            return
        s = self.state
        if s.stepper is None or s.stepper.done or s.step_settings != s.step_key():
            self.new_stepper()
        stepper = s.stepper
        self.iteration.busy, self.iteration.message, self.step_wanted = True, "", False
        self.run_job(STEP, lambda: jobs.step_job(stepper), events=lambda batch: self.on_step(stepper, batch),
                     done=lambda _: self.step_ended(), failed=lambda message: self.step_ended(message))
        self.pages.setCurrentIndex(PAGES.index("iteration"))
        self.refresh_run_controls()
        self.iteration.refresh()

    def training_images(self):
        """The images a run trains on: all of MNIST's, or the Overfitting box's subset (validation held out)."""
        s = self.state
        (x_train, t_train), _ = s.data
        if s.train_size < len(x_train) or s.validation:
            (x_train, t_train), _ = fitting.split_training(x_train, t_train, s.train_size, s.validation)
        return x_train, t_train

    def full_set(self):
        """The whole-set loss of the images a run trains on (their blocks are sorted on a worker, once per set)."""
        s = self.state
        key = (id(s.data), s.train_size, s.validation)
        if s.full_set is None or getattr(s.full_set, "key", None) != key:
            s.full_set = FullSetLoss(*self.training_images())
            s.full_set.key = key
        return s.full_set

    def new_stepper(self):
        """A run to step, made as start_training makes one: the same images (subset, validation held out), net
        (with the L2 λ) and mini-batches, so Start can go on with it."""
        s = self.state
        full = self.full_set()
        net = TwoLayerNet(784, s.hidden_size, 10, weight_init_std=s.weight_init_std, activation=s.activation,
                          seed=s.seed, dtype=np.float32, weight_decay_lambda=s.weight_decay)
        x_train, t_train = self.training_images()
        s.stepper = Stepper(net, x_train, t_train, s.batch_size, s.learning_rate, s.seed, s.iterations, full=full)
        s.step_settings, s.step, s.step_history, s.full_start = s.step_key(), None, [], None

    def on_step(self, stepper, batch):
        s = self.state
        if stepper is not s.stepper:
            return
        for event in batch:
            parts = s.step = event["parts"]
            if s.full_start is None:
                s.full_start = parts["full_before"]
            s.step_history.append((parts["iteration"], parts["loss"], parts["loss_after"], parts["full_after"]))

    def step_ended(self, message=""):
        self.iteration.busy, self.iteration.message = False, message
        if self.step_wanted and not message:
            self.step_wanted = False
            self.step_once()
            return
        self.iteration.refresh()
        self.run_box.refresh(self.run_status())
        self.refresh_run_controls()

    def on_step_page(self, shown):
        """The One iteration page is shown (→ steps) or left. Shown first, it sorts the images for the whole-set
        loss at once, so the first step need not."""
        self.right_key.setEnabled(shown)
        if shown and self.can_step() and not self.is_stepping() and not self.runs.closed and (
                self.state.full_set is None or self.state.full_set.blocks is None):
            full = self.full_set()
            self.run_job(STEP, lambda: jobs.prepare_job(full), done=lambda _: self.step_ended(),
                         failed=lambda message: self.step_ended(message))
            self.refresh_run_controls()

    def stepped_run(self):
        """The stepper Start goes on with (it has stepped, with the settings shown now), else None."""
        s = self.state
        ok = (s.stepper is not None and 0 < s.stepper.iteration and not s.stepper.done and s.method == "backprop"
              and s.step_settings == s.step_key())
        return s.stepper if ok else None

    def go_on_from(self, stepper):
        """After start_run: the stepped iterations' losses on the Learning page and the progress bar; the run owns
        the stepper now."""
        s = self.state
        s.curves.loss[:stepper.iteration] = stepper.losses
        s.curves.filled = stepper.iteration
        s.stepper = None
        self.progress.set_done(stepper.iteration)
        self.iteration.refresh()

    def drop_stepper(self):
        """The data set changed: the stepped run and the whole-set loss's blocks are gone."""
        self.cancel_job(STEP)
        s = self.state
        s.stepper, s.full_set, s.step, s.step_history, s.full_start = None, None, None, [], None
        self.iteration.refresh()

    def use_chapter4(self):
        """*Chapter 4's net*: the book's train_neuralnet.py settings with the sigmoid hidden layer."""
        if self.is_training():
            return
        for name, value in BOOK_SETTINGS.items():
            setattr(self.state, name, value)
        self.state.activation = "sigmoid"
        self.net_box.refresh()
        self.learning.label_accuracy_plot()
        self.iteration.refresh()
        self.refresh_run_controls()

    def refresh_step_controls(self, running):
        self.step_button.setEnabled(self.can_step())
        self.iteration.chapter4_button.setEnabled(not running and not self.is_stepping())
        if self.stepped_run() is not None:
            self.start_button.setToolTip(self.tr("Train on from iteration %1 as a live run (Space)").replace(
                "%1", f"{self.state.stepper.iteration:,}"))
        else:
            self.start_button.setToolTip(self.tr("Train a new net from the start with these settings (Space)"))
