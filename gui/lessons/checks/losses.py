"""Checks of the Losses tab (4.2): cross-entropy against the correct class."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.lab import losses as loss_lab
from gui.lessons.checks import Verdict, check, fill, number, wrong_target


@check("losses.cross_entropy_below", "losses", value=float, target=int)
def _(tab, value, target):
    state = tab.state
    if state.target != target:
        return wrong_target(target, state.target)
    _, ce = state.losses()
    y_t = number(state.y[target])
    if ce < value:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Cross-entropy %1 < %2: the net gives the correct class y_%3 = %4."),
            number(ce), number(value), target, y_t))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Cross-entropy is %1. It is −log y_t: only the bar of the correct class counts — raise y_%2 "
                   "(now %3) until −log y_%2 < %4."), number(ce), target, y_t, number(value)))


@check("losses.confident_wrong", "losses", target=int, at_least=float)
def _(tab, target, at_least):
    """The net is sure of a wrong class: cross-entropy ≥ at_least with the given t."""
    state = tab.state
    if state.target != target:
        return wrong_target(target, state.target)
    mse, ce = state.losses()
    if ce >= at_least:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "Cross-entropy %1 while the squared error is only %2: a confident wrong answer costs "
                       "cross-entropy without limit."), number(ce), number(mse)))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "Cross-entropy is %1: push y_%2 towards 0 (drag its bar down, or another bar up)."),
        number(ce), target))


@check("losses.uniform_ce", "losses", kind="answer")
def _(tab):
    """Cross-entropy of a net that has learned nothing: −log(1/10) = log 10."""
    return float(loss_lab.losses([0.1] * loss_lab.NUM_CLASSES, 0)[1])
