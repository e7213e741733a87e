"""How a Training panel's last run ended (no Qt: the panels' state dataclasses hold it)."""
from __future__ import annotations

from enum import Enum


class Outcome(Enum):
    """The end of a run, as the panel tells it to the user. None in a state = no run has ended yet."""

    FINISHED = "finished"  # every iteration ran
    STOPPED = "stopped"  # the user pressed Stop (or closed the panel)
    DIVERGED = "diverged"  # the job ended early because the loss blew up (the panel says so: end_run_as)
    FAILED = "failed"  # the job raised; the state's `message` says why
    SWITCHED = "switched"  # stopped because the data set or the experiment changed
