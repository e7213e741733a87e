"""Checks of the Descent tab: gradient descent on f(x0, x1) (4.4.1) and on simpleNet's weights (4.4.2)."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from engine.lab import descent as descent_lab
from engine.lab import simplenet as simplenet_lab
from gui.lessons.checks import Verdict, check, fill, number


def sgd_run(state):
    """Plain gradient descent's run for the tab's choices (None when SGD is switched off)."""
    return descent_lab.Descent(state).run("SGD")


def not_from(state, start) -> Verdict | None:
    if tuple(state.start) == tuple(start) and state.surface == "sphere":
        return None
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Start from (%1, %2) on x0² + x1²: press Show me, then change only the learning rate."),
        number(start[0]), number(start[1])))


@check("descent.diverges", "descent", x0=float, x1=float)
def _(tab, x0, x1):
    """A learning rate with which SGD from (x0, x1) moves away from the minimum instead of towards it."""
    state = tab.state
    wrong = not_from(state, (x0, x1))
    run = None if wrong else sgd_run(state)
    if wrong or run is None:
        return wrong or Verdict(False, QCoreApplication.translate("lessons", "Switch plain gradient descent on."))
    last = run.ensure(state.step_num)
    f_end = run.fs[last]
    if run.stopped or f_end > run.fs[0]:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "η = %1 diverges: f goes from %2 to %3. Each step overshoots the minimum by more than it "
                       "was away."), number(state.lr), number(run.fs[0]), number(f_end)))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "η = %1 still goes downhill (f ends at %2). On x0² + x1² a step multiplies x by (1 − 2η): what "
                   "η makes that factor larger than 1 in size?"), number(state.lr), number(f_end)))


@check("descent.converges_within", "descent", x0=float, x1=float, steps=int, below=float)
def _(tab, x0, x1, steps, below):
    """A learning rate with which SGD from (x0, x1) brings f below `below` within `steps` steps."""
    state = tab.state
    wrong = not_from(state, (x0, x1))
    run = None if wrong else sgd_run(state)
    if wrong or run is None:
        return wrong or Verdict(False, QCoreApplication.translate("lessons", "Switch plain gradient descent on."))
    last = run.ensure(min(steps, state.step_num))
    f_end = run.fs[last]
    if last >= min(steps, state.step_num) and state.step_num >= steps and math.isfinite(f_end) and f_end < below:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "η = %1: f = %2 after %3 steps."), number(state.lr), number(f_end), steps))
    if state.step_num < steps:
        return Verdict(False, fill(QCoreApplication.translate(
            "lessons", "Set the number of steps to at least %1."), steps))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "With η = %1, f is %2 after %3 steps. Too small creeps, too large overshoots: look at the f(x) "
                   "plot while you change η."), number(state.lr), number(f_end), steps))


# ---------------------------------------------------------------------------------------------- simpleNet (4.4.2)
@check("simplenet.gradient", "descent", kind="answer", row=int, col=int)
def _(tab, row, col):
    """∂L/∂W[row, col] of simpleNet at its start weights, step 0 (the book's W unless the learner changed them)."""
    lab = simplenet_lab.SimpleNetLab(tab.state.simplenet)
    return float(lab.analytic(lab.weights(0))[row, col])


@check("simplenet.answers", "descent", t=int)
def _(tab, t):
    """simpleNet, trained by steps of W ← W − η∂L/∂W on the correct class t, now answers t."""
    choices = tab.state.simplenet
    if choices.t != t:
        return Verdict(False, fill(QCoreApplication.translate(
            "lessons", "First click the correct class t = %1 (it is %2 now)."), t, choices.t))
    lab = simplenet_lab.SimpleNetLab(choices)
    answer = int(lab.answers()[-1])
    losses = lab.losses()
    if answer == t:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "After %1 steps the net answers %2; L fell from %3 to %4."),
            lab.shown_step(), answer, number(losses[0]), number(losses[-1])))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "After %1 steps it still answers %2 (L = %3). Step on with → or press Space: each step moves "
                   "the 6 weights against ∂L/∂W."), lab.shown_step(), answer, number(losses[-1])))
