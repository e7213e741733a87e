"""Checks of the Training tab: the book's learning algorithm on MNIST (4.5), overfitting, and the lessons' cat
classifier. They read the panels' state objects: the last run's plan, its measured curves and how it ended."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.lessons.checks import Verdict, check, fill, number
from gui.tabs.training.outcome import Outcome


def panel(tab, name):
    return next(p for p in tab.panels if p.objectName() == f"training_{name}")


def unfinished(state, outcome) -> Verdict | None:
    """Why the last run cannot be judged yet (None: it finished)."""
    if outcome is Outcome.FINISHED:
        return None
    if outcome is None:
        return Verdict(False, QCoreApplication.translate(
            "lessons", "Start a run (Space) and let it finish; the check reads its last measurement."))
    return Verdict(False, QCoreApplication.translate(
        "lessons", "The last run did not finish (stopped, diverged or failed): start it again and let it end."))


@check("training.reaches", "training", activation=str, accuracy=float, iterations=int)
def _(tab, activation, accuracy, iterations):
    """The MNIST panel's last finished run used `activation`, at most `iterations` iterations, and ended with test
    accuracy ≥ `accuracy`."""
    s = panel(tab, "mnist").state
    waiting = unfinished(s, s.outcome)
    if waiting or s.run is None or not s.curves.acc_points:
        return waiting or unfinished(s, None)
    plan, test = s.run, s.curves.acc_points[-1][2]
    if plan.activation != activation:
        return Verdict(False, fill(QCoreApplication.translate(
            "lessons", "This run used %1: choose %2 under Activation and start again."), plan.activation, activation))
    if plan.iterations > iterations:
        return Verdict(False, fill(QCoreApplication.translate(
            "lessons", "It took %1 iterations; the exercise allows %2."), plan.iterations, iterations))
    if test >= accuracy:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Test accuracy %1 after %2 iterations with η = %3."), f"{test:.4f}", plan.iterations,
            number(plan.lr)))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Test accuracy %1 after %2 iterations with η = %3: in fewer iterations each step has to go "
                   "further — raise the learning rate (the sigmoid net takes a large one)."),
        f"{test:.4f}", plan.iterations, number(plan.lr)))


@check("training.overfits", "training", gap=float)
def _(tab, gap):
    """The MNIST panel's last finished run held out a validation set and fits its training images at least `gap`
    better than the validation images."""
    s = panel(tab, "mnist").state
    waiting = unfinished(s, s.outcome)
    if waiting or s.run is None or not s.curves.acc_points:
        return waiting or unfinished(s, None)
    if not s.run.validation or not s.curves.val_points:
        return Verdict(False, QCoreApplication.translate(
            "lessons", "Hold out a validation set (Overfitting → Validation) and train again."))
    train, validation = s.curves.acc_points[-1][1], s.curves.val_points[-1][1]
    if train - validation >= gap:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Train accuracy %1, validation %2: a gap of %3 points — high variance."),
            f"{train:.3f}", f"{validation:.3f}", f"{100 * (train - validation):.1f}"))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Train %1, validation %2 (gap %3 points). Fewer training images and more iterations let the net "
                   "learn its training set by heart."), f"{train:.3f}", f"{validation:.3f}",
        f"{100 * (train - validation):.1f}"))


@check("cat.cost_below", "training", cost=float, iterations=int)
def _(tab, cost, iterations):
    """The cat panel's last finished run took at most `iterations` iterations and ended with a cost < `cost`."""
    s = panel(tab, "cat").state
    waiting = unfinished(s, s.outcome)
    if waiting or not s.curve.filled:
        return waiting or unfinished(s, None)
    final = float(s.curve.cost[s.curve.filled - 1])
    if s.num_iterations > iterations:
        return Verdict(False, fill(QCoreApplication.translate(
            "lessons", "It ran %1 iterations; the exercise allows %2."), s.num_iterations, iterations))
    if final < cost:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Cost %1 after %2 iterations with η = %3."), number(final), s.curve.filled,
            number(s.learning_rate)))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Cost %1 after %2 iterations with η = %3: larger steps get there sooner — look at the Learning "
                   "rates page for how the curves compare."), number(final), s.curve.filled,
        number(s.learning_rate)))
