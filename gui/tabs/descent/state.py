"""The Descent tab's one state object: what the user chose, as plain values (no Qt).

Widgets write it, settings and the book's experiment buttons write it (then the widgets are refreshed from it),
views and tests read it; engine.lab.descent.Descent computes the runs from it. Its `simplenet` part holds the
simpleNet page's choices (engine.lab.simplenet.SimpleNetLab computes from them).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from engine.lab import simplenet as sl
from engine.lab.descent import (
    DEFAULT_START,
    GRADIENTS,
    MAX_STEPS,
    PRESETS,
    OptimizerSetting,
    check_parameter,
    default_optimizers,
)
from engine.surfaces import SURFACES

SPEED_RANGE = (1, 120)  # playback speed in steps per second
PAGES = ("function", "simplenet")  # the tab's pages: f(x0, x1) and simpleNet


@dataclass
class SimpleNetState:
    """The simpleNet page: the start weights W (2×3), the input x, the correct class t, h, η, the step shown,
    the chosen weight (row, column from 0), whether it is shown nudged by h, and how far it is dragged (Δw; 0: not
    dragged). The nudge and the drag only look: W itself stays."""

    W: tuple = sl.BOOK_W
    x: tuple = sl.BOOK_X
    t: int = sl.BOOK_T
    h: float = sl.DEFAULT_H
    lr: float = sl.DEFAULT_LR
    steps: int = 0
    cell: tuple = (1, 2)  # w23, the book's example
    nudged: bool = False
    drag: float = 0.0

    def start_from(self, W):
        """New start weights (a 2×3 array or nested sequence), back to step 0."""
        self.W = tuple(tuple(sl.check("w", v) for v in row) for row in W)
        self.steps, self.nudged, self.drag = 0, False, 0.0

    def book_values(self):
        """The book's W, x and t, h = 1e-4, η = 0.1, step 0 (the chosen weight stays)."""
        self.W, self.x, self.t, self.h, self.lr = sl.BOOK_W, sl.BOOK_X, sl.BOOK_T, sl.DEFAULT_H, sl.DEFAULT_LR
        self.steps, self.nudged, self.drag = 0, False, 0.0

    def to_dict(self) -> dict:
        return {"W": [list(row) for row in self.W], "x": list(self.x), "t": self.t, "h": self.h, "lr": self.lr,
                "steps": self.steps, "cell": list(self.cell)}

    @classmethod
    def from_dict(cls, data, refused: list | None = None) -> SimpleNetState:
        """A state from to_dict()'s values; anything missing or invalid keeps its default (its name is appended
        to `refused`)."""
        refused = [] if refused is None else refused
        state = cls()
        if not isinstance(data, dict):
            return state

        def take(name, convert):
            if name in data:
                try:
                    setattr(state, name, convert(data[name]))
                except (TypeError, ValueError, OverflowError, IndexError):
                    refused.append(f"simplenet.{name}")

        def matrix(v):
            if not (isinstance(v, list) and len(v) == 2 and all(isinstance(r, list) and len(r) == 3 for r in v)):
                raise ValueError("W")
            return tuple(tuple(sl.check("w", e) for e in row) for row in v)

        def pair(v):
            if not (isinstance(v, list) and len(v) == 2):
                raise ValueError("x")
            return tuple(sl.check("x", e) for e in v)

        def choice(n):
            return lambda v: v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < n else _bad()

        take("W", matrix)
        take("x", pair)
        take("t", choice(sl.CLASSES))
        take("h", lambda v: sl.check("h", v))
        take("lr", lambda v: sl.check("lr", v))
        take("steps", lambda v: choice(sl.MAX_STEPS + 1)(v))
        take("cell", lambda v: (choice(2)(v[0]), choice(3)(v[1])) if isinstance(v, list) and len(v) == 2 else _bad())
        return state


def _bad():
    raise ValueError("not a valid choice")


@dataclass
class DescentState:
    """Surface, start, optimizers, number of steps, gradient kind, the step shown and how it is shown."""

    surface: str = "sphere"
    start: tuple = DEFAULT_START
    step_num: int = 100
    gradient: str = "numerical"
    optimizers: list[OptimizerSetting] = field(default_factory=default_optimizers)
    index: int = 0  # the step shown
    speed: int = 15  # steps per second while playing
    log_scale: bool = True  # f(x) on a logarithmic axis
    arrows: bool = True  # ∇f and the next step drawn while paused
    table_run: str = "SGD"  # whose steps the table lists
    page: str = "function"  # the page shown (PAGES)
    simplenet: SimpleNetState = field(default_factory=SimpleNetState)  # the simpleNet page's choices

    def optimizer(self, name: str) -> OptimizerSetting:
        return next(o for o in self.optimizers if o.name == name)

    @property
    def lr(self) -> float:
        """η of plain gradient descent (SGD): the learning rate the book varies."""
        return self.optimizer("SGD").params["lr"]

    @lr.setter
    def lr(self, value):
        self.optimizer("SGD").params["lr"] = check_parameter("SGD", "lr", value)

    def set_steps(self, step_num: int):
        """A new number of steps; the shown step stays, unless it lies beyond the new end."""
        self.step_num = int(step_num)
        self.index = min(self.index, self.step_num)

    def apply_preset(self, key: str):
        """One of the book's experiments (engine.lab.descent.PRESETS), from step 0."""
        p = PRESETS[key]
        self.surface, self.start, self.step_num, self.gradient = p["surface"], p["start"], p["steps"], p["gradient"]
        self.optimizers = default_optimizers(p["lr"])
        self.index = 0

    def to_dict(self) -> dict:
        """The session's plain values (JSON-ready; speed, log scale and arrows are stored on their own)."""
        return {
            "surface": self.surface, "start": list(self.start), "steps": self.step_num, "gradient": self.gradient,
            "index": self.index,
            "optimizers": {o.name: {"enabled": o.enabled, "params": dict(o.params)} for o in self.optimizers},
        }

    @classmethod
    def from_dict(cls, data, refused: list | None = None) -> DescentState:
        """A state from to_dict()'s values; anything missing or invalid keeps its default (the names of the
        invalid ones are appended to `refused`, for the log)."""
        refused = [] if refused is None else refused
        state = cls()
        if not isinstance(data, dict):
            return state
        surface = data.get("surface", state.surface)
        if isinstance(surface, str) and surface in SURFACES:  # a list is not hashable: checked as a text first
            state.surface = surface
        else:
            refused.append("surface")
        try:
            start = data.get("start", list(state.start))
            if not isinstance(start, list):
                raise TypeError("start")
            start = tuple(float(v) for v in start)
            if len(start) != 2 or not all(math.isfinite(v) for v in start):
                raise ValueError("start")
            state.start = start
        except (TypeError, ValueError, OverflowError):  # JSON may hold Infinity or 1e400
            refused.append("start")
        try:
            state.step_num = min(max(int(data.get("steps", state.step_num)), 1), MAX_STEPS)
        except (TypeError, ValueError, OverflowError):
            refused.append("steps")
        gradient = data.get("gradient", state.gradient)
        if isinstance(gradient, str) and gradient in GRADIENTS:
            state.gradient = gradient
        else:
            refused.append("gradient")
        saved = data.get("optimizers", {})
        if not isinstance(saved, dict):
            refused.append("optimizers")
            saved = {}
        for o in state.optimizers:
            entry = saved.get(o.name)
            if isinstance(entry, dict):
                o.enabled = bool(entry.get("enabled", o.enabled))
                params = entry.get("params")
                for p in o.params if isinstance(params, dict) else ():
                    try:
                        o.params[p] = check_parameter(o.name, p, params.get(p, o.params[p]))
                    except (TypeError, ValueError, OverflowError):
                        refused.append(f"{o.name}.{p}")
        if not any(o.enabled for o in state.optimizers):
            state.optimizer("SGD").enabled = True
        try:
            state.index = min(max(int(data.get("index", 0)), 0), state.step_num)
        except (TypeError, ValueError, OverflowError):
            refused.append("index")
        return state
