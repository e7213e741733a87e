"""The Training box: Start / Pause / Stop (RunPanel's), the progress bar, what the run is doing or how it ended
(with advice when the learning rate was too large), and the accuracies in bold."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from engine import evaluation
from gui.run import Status
from gui.tabs.training.mnist.comparison_view import seconds_text, times_text
from gui.tabs.training.outcome import Outcome
from gui.widgets.panel_helpers import ERROR_STYLE, Retranslated, wrapped


def epochs_text(value):
    """16.666… → '16.7', 0.02 → '0.02'."""
    return f"{value:.1f}" if value >= 1 else f"{value:.2g}"


class RunBox(Retranslated, QGroupBox):
    def __init__(self, state, buttons, progress):
        super().__init__()
        self.state = state
        self.progress = progress
        self.loading = False  # MNIST is being read (the panel sets it): "Reading MNIST…", not "Get MNIST first."
        v = QVBoxLayout(self)
        self.status_label = wrapped()
        self.summary_label = wrapped()
        bold = self.summary_label.font()
        bold.setBold(True)
        self.summary_label.setFont(bold)
        v.addLayout(buttons)
        v.addWidget(progress)
        v.addWidget(self.status_label)
        v.addWidget(self.summary_label)
        self.retranslate()

    def retranslate(self):
        self.setTitle(self.tr("Training"))
        self.progress.setToolTip(self.tr("Iterations done, speed and time left"))

    def refresh(self, status: Status):
        """The status line for the training job's `status` (or, once it has ended, the state's outcome)."""
        text, error = self.status_text(status)
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        summary = self.summary_text(status)
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(
            self.tr("The time one gradient took each way (numerical: the mean; backprop: the median) and how far "
                    "the two gradients were apart") if self.numerical()
            else self.tr("Accuracy on the full training set (60,000 images) and test set (10,000 images)"))
        self.summary_label.setVisible(bool(summary))

    def status_text(self, status):
        """(text, is it an error)."""
        s, run, done = self.state, self.state.run, self.state.curves.filled
        if status in (Status.RUNNING, Status.STOPPING):
            if run.numerical:
                return self.tr("Numerical gradient of iteration %1 of %2…").replace(
                    "%1", str(min(done + 1, run.iterations))).replace("%2", str(run.iterations)), False
            return self.tr("Training…"), False
        if status is Status.PAUSED:
            return self.tr("Paused at iteration %1.").replace("%1", f"{done:,}"), False
        stepper = s.stepper
        if stepper is not None and stepper.iteration and s.step_settings == s.step_key():
            return self.tr("Stepped %1 of %2 iterations: Start (Space) trains on from here.").replace(
                "%1", f"{stepper.iteration:,}").replace("%2", f"{stepper.iters_num:,}"), False
        outcome = s.outcome
        if outcome is Outcome.FINISHED and self.numerical():
            return self.numerical_verdict(), False
        if outcome is Outcome.FINISHED:
            if (s.test_acc is not None and not run.numerical and run.iterations >= run.per_epoch
                    and evaluation.near_chance(s.test_acc)):
                return self.tr("The net learned nothing: test accuracy %1, where guessing gives 0.10. The "
                               "learning rate %2 is probably too large (with ReLU, large steps can switch every "
                               "hidden neuron off for good). Try %3; the book uses 0.1.").replace(
                    "%1", f"{s.test_acc:.4f}").replace("%2", f"{run.lr:g}").replace("%3", f"{run.lr / 10:g}"), True
            return "", False
        if outcome is Outcome.STOPPED:
            return self.tr("Stopped at iteration %1.").replace("%1", f"{done:,}"), False
        if outcome is Outcome.SWITCHED:
            return self.tr("Stopped at iteration %1: the data set changed.").replace("%1", f"{done:,}"), False
        if outcome is Outcome.DIVERGED:
            return self.diverged_text(), True
        if outcome is Outcome.FAILED:
            return self.tr("Training failed: %1").replace("%1", s.message), True
        if s.data is None:
            return (self.tr("Reading MNIST…") if self.loading else self.tr("Get MNIST first.")), False
        return self.tr("Ready: press Start (Space)."), False

    def diverged_text(self):
        d, lr = self.state.diverged, self.state.run.lr
        if d["reason"] == "nan":
            what = self.tr("the loss became %1").replace("%1", str(d["loss"]))
        else:
            what = self.tr("the mean loss rose to %1 (a net that guesses at random has 2.30)").replace(
                "%1", f"{d['loss']:.1f}")
        return self.tr("Stopped at iteration %1: %2. The learning rate %3 is too large: each step overshoots, "
                       "the weights grow out of range and the net ends up sure of wrong answers. Try %4 (ten "
                       "times smaller); the book uses 0.1.").replace("%1", f"{d['iteration']:,}").replace(
            "%2", what).replace("%3", f"{lr:g}").replace("%4", f"{lr / 10:g}")

    def numerical(self):
        """The run shown was the numerical gradient beside backprop (engine.numerical_run)."""
        return self.state.run is not None and self.state.run.numerical and self.state.curves.compare is not None

    def numerical_verdict(self):
        """What a finished numerical run showed, in one sentence."""
        summary = self.state.curves.compare.summary(self.state.curves.loss)
        if summary is None:
            return ""
        return self.tr("The two ways gave the same gradient and the same learning, but the numerical one was %1× "
                       "slower: that is why chapter 5's backpropagation is used.").replace(
            "%1", times_text(summary["ratio"]))

    def summary_text(self, status):
        s = self.state
        if self.numerical():  # the side-by-side figures, not an accuracy after a few images
            summary = s.curves.compare.summary(s.curves.loss)
            if summary is None:
                return ""
            return self.tr("Numerical %1 per gradient · backprop %2 · relative difference %3").replace(
                "%1", seconds_text(summary["numerical_seconds"])).replace(
                "%2", seconds_text(summary["backprop_seconds"])).replace("%3", f"{summary['relative']:.1e}")
        if s.train_acc is not None and s.test_acc is not None and s.net is not None:
            text = self.tr("Train accuracy %1 · test accuracy %2").replace("%1", f"{s.train_acc:.4f}").replace(
                "%2", f"{s.test_acc:.4f}")
            if s.net_origin == "trained" and s.outcome is Outcome.FINISHED:
                text += " " + self.tr("after %1 iterations (%2 epochs) in %3 s").replace(
                    "%1", f"{s.run.iterations:,}").replace(
                    "%2", epochs_text(s.run.iterations / s.run.per_epoch)).replace("%3", f"{s.seconds:.1f}")
            elif s.net_origin == "stopped":
                text += " " + self.tr("(stopped at iteration %1)").replace("%1", f"{s.curves.filled:,}")
            elif s.net_origin == "loaded":
                text += " " + self.tr("(loaded model)")
            return text
        if s.curves.acc_points and status in (Status.RUNNING, Status.PAUSED, Status.STOPPING):
            epoch, train_acc, test_acc = s.curves.acc_points[-1]
            return self.tr("Epoch %1: train %2 · test %3").replace("%1", f"{epoch:.1f}").replace(
                "%2", f"{train_acc:.4f}").replace("%3", f"{test_acc:.4f}")
        return ""
