"""Checks of the Draw tab: what the net reads in the learner's drawing, and what its hidden units do (course:
the shallow network)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine import explain
from gui.lessons.checks import Verdict, check, fill


def nothing_drawn(tab) -> Verdict | None:
    if tab.state.y is not None:
        return None
    return Verdict(False, QCoreApplication.translate(
        "lessons", "Draw a digit first (with the mouse, a pen or a finger)."))


@check("draw.reads_as", "draw", digit=int)
def _(tab, digit):
    """The net reads the drawing as `digit`."""
    empty = nothing_drawn(tab)
    if empty:
        return empty
    s = tab.state
    percent = f"{100 * float(s.y[s.answer]):.0f} %"
    if s.answer == digit:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "The net reads your drawing as %1 (%2)."), digit, percent))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "The net reads it as %1 (%2). Look at What the net sees: the drawing is boxed, scaled and "
                   "centred first — change the shape, not the place."), s.answer, percent))


@check("draw.units_change_answer", "draw")
def _(tab):
    """Hidden units switched off change the answer (the weights stay as they are)."""
    empty = nothing_drawn(tab)
    if empty:
        return empty
    s = tab.state
    whole = int(np.argmax(explain.forward_trace(tab.net(), s.x)["z2"]))
    if s.off and s.answer != whole:
        return Verdict(True, fill(QCoreApplication.translate(
            "lessons", "With %1 hidden units off the net answers %2 instead of %3: those units carried the "
                       "evidence."), len(s.off), s.answer, whole))
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "The answer is still %1 with %2 units off. Switch off the units at the top of Why %1: they "
                   "add most to its score."), whole, len(s.off)))
