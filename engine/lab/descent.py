"""What the Descent tab computes: gradient descent x ← x − η∇f(x) step by step, and the chapter 6 optimizers.

`Descent(choices)` walks one `Run` per enabled optimizer from the same start on the same surface. `choices` is the
tab's state (gui/tabs/descent/state.py), read through five attributes: surface (a key of SURFACES), start (x0, x1),
step_num, gradient ("numerical" or "analytic") and optimizers (OptimizerSetting list). A Run computes its steps
lazily with `engine.descent.steps` (the update of `gradient_descent`) and stops with a reason when a value
overflows to inf or nan. Every question takes the shown step k explicitly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from engine.calculus import numerical_gradient
from engine.descent import OPTIMIZERS, steps
from engine.lab.descent_messages import Message, run_messages
from engine.surfaces import SURFACES

OPTIMIZER_ORDER = ("SGD", "Momentum", "AdaGrad", "RMSprop", "Adam")
LR_MIN, LR_MAX = 1e-10, 10.0
MAX_STEPS = 10_000
GRADIENTS = ("numerical", "analytic")
DEFAULT_START = (-3.0, 4.0)

# Hyperparameters after the learning rate: name → (default, low, high), all within the open/closed range shown.
EXTRA_PARAMETERS = {
    "SGD": {},
    "Momentum": {"momentum": (0.9, 0.0, 0.999)},
    "AdaGrad": {},
    "RMSprop": {"decay_rate": (0.99, 0.0, 0.9999)},
    "Adam": {"beta1": (0.9, 0.0, 0.9999), "beta2": (0.999, 0.0, 0.99999)},
}
# The book's chapter 6 comparison (optimizer_compare_naive.py); RMSprop's rate is ours: it descends without zig-zag.
CHAPTER6_LR = {"SGD": 0.95, "Momentum": 0.1, "AdaGrad": 1.5, "RMSprop": 0.1, "Adam": 0.3}

# Where a run starts when the user picks a surface (the book's points for the first two).
SURFACE_STARTS = {"sphere": DEFAULT_START, "ellipse": (-7.0, 2.0), "saddle": (-2.5, 0.05), "rosenbrock": (-1.5, 2.0),
                  "himmelblau": (0.0, 0.0)}



@dataclass
class OptimizerSetting:
    """One optimizer of the comparison: on or off, and its hyperparameters (lr first)."""

    name: str
    enabled: bool = False
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        defaults = {"lr": CHAPTER6_LR[self.name]} | {k: v[0] for k, v in EXTRA_PARAMETERS[self.name].items()}
        self.params = defaults | {k: float(v) for k, v in self.params.items() if k in defaults}

    def make(self):
        """A fresh optimizer object of engine.descent with these hyperparameters."""
        return OPTIMIZERS[self.name](**self.params)

    def key(self):
        return (self.name, self.enabled, tuple(sorted(self.params.items())))


def check_parameter(name: str, param: str, value: float) -> float:
    """value as a float if it is a valid `param` of optimizer `name`; ValueError saying the allowed range if not."""
    value = float(value)
    low, high = (LR_MIN, LR_MAX) if param == "lr" else EXTRA_PARAMETERS[name][param][1:]
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{param} of {name} must lie in [{low:g}, {high:g}], not {value!r}")
    return value


class Run:
    """One optimizer's path from the start: x_0, x_1, … computed on demand.

    xs[k] = x_k, fs[k] = f(x_k), grads[k] = ∇f(x_k) (known once step k → k+1 is computed, or at the end).
    `computed` is the number of steps done. A step whose gradient, new x or new f is not finite is not taken:
    the run stops at the last finite point with `stop_reason` ("gradient", "x" or "f") at step `computed + 1`.
    """

    def __init__(self, surface, start, setting: OptimizerSetting, gradient: str, step_num: int):
        self.surface, self.setting, self.step_num = surface, setting, step_num
        self.xs = np.full((step_num + 1, 2), np.nan)
        self.fs = np.full(step_num + 1, np.nan)
        self.grads = np.full((step_num + 1, 2), np.nan)
        self.xs[0] = start
        with np.errstate(all="ignore"):
            self.fs[0] = float(surface(self.xs[0]))
        self.computed, self.stop_reason = 0, None
        self.analytic = gradient == "analytic" and surface.grad is not None
        grad = surface.gradient if self.analytic else None
        self._gen = steps(surface, self.xs[0].copy(), setting.make(), grad=grad, step_num=step_num)

    @property
    def name(self):
        return self.setting.name

    @property
    def stopped(self):
        return self.stop_reason is not None

    def ensure(self, k: int) -> int:
        """Compute steps until x_k exists (or the run stopped); returns the last index available."""
        k = min(k, self.step_num)
        while self.computed < k and not self.stopped:
            _, g, after = next(self._gen)
            i, self.grads[self.computed] = self.computed, g
            with np.errstate(all="ignore"):
                f_after = float(self.surface(after))
            if not np.all(np.isfinite(g)):
                self.stop_reason = "gradient"
            elif not np.all(np.isfinite(after)):
                self.stop_reason = "x"
            elif not math.isfinite(f_after):
                self.stop_reason = "f"
            else:
                self.xs[i + 1], self.fs[i + 1], self.computed = after, f_after, i + 1
        if self.computed == self.step_num and np.isnan(self.grads[self.step_num, 0]) and not self.stopped:
            with np.errstate(all="ignore"):  # the last point's gradient, for the table
                x = self.xs[self.step_num].copy()
                self.grads[self.step_num] = self.surface.gradient(x) if self.analytic else numerical_gradient(
                    self.surface, x)
        return self.computed

    def last(self, k: int) -> int:
        """The index shown at global step k: k itself, or where the run stopped."""
        return min(k, self.computed)

    def row(self, k: int):
        """The table's row k: (x_k, ∇f(x_k), x_k − x_(k+1), f(x_k)); NaN where not known yet.

        For SGD the step x_k − x_(k+1) is η∇f(x_k); other optimizers take other steps from the same gradient.
        """
        step = self.xs[k] - self.xs[k + 1] if k < self.computed else np.full(2, np.nan)
        return self.xs[k].copy(), self.grads[k].copy(), step, float(self.fs[k])


@dataclass
class RunFrame:
    """What the map draws for one optimizer at one step."""

    name: str
    path: np.ndarray  # (k + 1, 2): x_0 … x_k
    point: np.ndarray  # x_k
    f: float
    gradient: np.ndarray  # ∇f(x_k) (NaN when unknown)
    next_point: np.ndarray | None  # x_(k+1) when the run goes on


def signature(choices) -> tuple:
    """Everything the runs depend on: equal signatures, equal paths."""
    return (choices.surface, tuple(choices.start), choices.step_num, choices.gradient,
            tuple(o.key() for o in choices.optimizers))


class Descent:
    """A Run per enabled optimizer of `choices`, rebuilt when a setting changed; unchanged runs keep their steps."""

    def __init__(self, choices):
        self.choices = choices
        self._signature, self._kept = None, {}

    def runs(self) -> list[Run]:
        c = self.choices
        sig = signature(c)
        if sig != self._signature:
            self._signature = sig
            common = sig[:4]
            kept = {}
            for o in c.optimizers:
                if o.enabled:
                    snapshot = OptimizerSetting(o.name, True, dict(o.params))
                    key = common + (snapshot.key(),)
                    kept[key] = self._kept.get(key) or Run(SURFACES[c.surface], c.start, snapshot, c.gradient,
                                                           c.step_num)
            self._kept = kept
        return list(self._kept.values())

    def run(self, name: str) -> Run | None:
        return next((r for r in self.runs() if r.name == name), None)

    def last_index(self) -> int:
        """The last step any run can show: step_num, or fewer when every run stopped early."""
        runs = self.runs()
        for r in runs:
            r.ensure(self.choices.step_num)
        if runs and all(r.stopped for r in runs):
            return max(r.computed for r in runs)
        return self.choices.step_num if runs else 0

    def at_end(self, k: int) -> bool:
        """True when no run can go past step k."""
        runs = self.runs()
        if k >= self.choices.step_num or not runs:
            return True
        for r in runs:
            r.ensure(k + 1)
        return all(r.stopped and r.computed <= k for r in runs)

    def advance(self, k: int, n: int = 1) -> int:
        """The step shown after n more steps from k (fewer at the end; k itself when nothing can move)."""
        if n <= 0 or self.at_end(k):
            return k
        target = min(k + n, self.choices.step_num)
        for r in self.runs():
            r.ensure(target + 1)
        if all(r.stopped for r in self.runs()):
            target = min(target, max(r.computed for r in self.runs()))
        return max(target, k)

    def positions(self, k: int) -> dict[str, np.ndarray]:
        """Each enabled optimizer's point at step k."""
        return {r.name: r.xs[min(k, r.ensure(k))].copy() for r in self.runs()}

    def frame(self, k: int) -> list[RunFrame]:
        """Paths, points, gradients and next points of every run at step k."""
        frames = []
        for r in self.runs():
            r.ensure(k + 1)
            j = r.last(k)
            nxt = r.xs[j + 1].copy() if j < r.computed else None
            frames.append(RunFrame(r.name, r.xs[: j + 1], r.xs[j].copy(), float(r.fs[j]), r.grads[j].copy(), nxt))
        return frames

    def f_curve(self, name: str, k: int):
        """(steps, f(x_step)) of one run up to step k."""
        r = self.run(name)
        j = r.last(k) if r is not None else -1
        return np.arange(j + 1), (r.fs[: j + 1] if r is not None else np.zeros(0))

    def messages(self, k: int) -> list[Message]:
        """What is worth saying about each run at step k (engine.lab.descent_messages)."""
        return run_messages(self, k)

    def export_indices(self, max_frames: int = 300) -> np.ndarray:
        """The steps an exported animation shows: every one, or max_frames spread evenly (first and last kept)."""
        last = self.last_index()
        if last + 1 <= max_frames:
            return np.arange(last + 1)
        return np.unique(np.round(np.linspace(0, last, max_frames)).astype(int))


def start_for(surface_key: str) -> tuple[float, float]:
    """A start point for the surface: the book's, or a quarter of the view in from its top-left corner."""
    if surface_key in SURFACE_STARTS:
        return SURFACE_STARTS[surface_key]
    a, b, c, d = SURFACES[surface_key].view
    return (a + 0.25 * (b - a), d - 0.25 * (d - c))


def default_optimizers(lr: dict | None = None) -> list[OptimizerSetting]:
    """The five optimizers at their default hyperparameters, those named in `lr` on with that rate.

    Without `lr`: plain gradient descent with η = 0.1 on, the others off at the chapter 6 comparison's rates.
    """
    lr = {"SGD": 0.1} if lr is None else lr
    opts = [OptimizerSetting(name, name in lr) for name in OPTIMIZER_ORDER]
    for o in opts:
        o.params["lr"] = lr.get(o.name, o.params["lr"])
    return opts


# The book's experiments (CURRICULUM §4): 4.4.1 with three learning rates, and chapter 6's comparison.
PRESETS = {key: {"surface": "sphere", "start": DEFAULT_START, "steps": n, "gradient": "numerical", "lr": {"SGD": lr}}
           for key, lr, n in (("lr_0.1", 0.1, 100), ("lr_0.1_20", 0.1, 20), ("lr_10", 10.0, 100),
                              ("lr_1e-10", 1e-10, 100))}
PRESETS["chapter6"] = {"surface": "ellipse", "start": (-7.0, 2.0), "steps": 30, "gradient": "analytic",
                       "lr": dict(CHAPTER6_LR)}
