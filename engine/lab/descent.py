"""What the Descent tab shows: gradient descent x ← x − η∇f(x) step by step, and the chapter 6 optimizers.

One `DescentState` holds the whole animation: the surface, the start point, the optimizers with their
hyperparameters, the number of steps and the step index being shown. The view, the tests and a saved session
all use it. Each enabled optimizer walks its own `Run`, computed lazily from `engine.descent.steps` (the same
update as `gradient_descent`), and stops with a reason when a value overflows to inf or nan.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from engine.descent import OPTIMIZERS, steps
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

STALL_STEPS = 10  # a run that moved less than STALL_DISTANCE × the view's size in this many steps "does not move"
STALL_DISTANCE = 1e-6
STATIONARY_GRADIENT = 1e-6  # |∇f| below this: a minimum (or another stationary point) is reached


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
    if param == "lr":
        low, high = LR_MIN, LR_MAX
    else:
        _, low, high = EXTRA_PARAMETERS[name][param]
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
        self.computed = 0
        self.stop_reason = None
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
            before, g, after = next(self._gen)
            i = self.computed
            self.grads[i] = g
            with np.errstate(all="ignore"):
                f_after = float(self.surface(after))
            if not np.all(np.isfinite(g)):
                self.stop_reason = "gradient"
            elif not np.all(np.isfinite(after)):
                self.stop_reason = "x"
            elif not math.isfinite(f_after):
                self.stop_reason = "f"
            else:
                self.xs[i + 1] = after
                self.fs[i + 1] = f_after
                self.computed = i + 1
        if self.computed == self.step_num and np.isnan(self.grads[self.step_num, 0]) and not self.stopped:
            self.grads[self.step_num] = self._gradient_at(self.xs[self.step_num])
        return self.computed

    def _gradient_at(self, x):
        from engine.calculus import numerical_gradient

        with np.errstate(all="ignore"):
            if self.analytic:
                return self.surface.gradient(x)
            return numerical_gradient(self.surface, x.copy())

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


@dataclass
class Message:
    """Something worth saying about a run at the shown step (the tab words it)."""

    kind: str  # "overflow", "diverging", "escaping", "stalled", "stationary"
    name: str
    step: int  # overflow: the step that failed; stationary: the first step with |∇f| < STATIONARY_GRADIENT
    values: dict


class DescentState:
    """The whole animation: surface, start, optimizers, number of steps, gradient kind and step index."""

    def __init__(self, surface="sphere", start=DEFAULT_START, step_num=100, gradient="numerical", optimizers=None,
                 index=0):
        self.surface = surface
        self.start = tuple(float(v) for v in start)
        self.step_num = int(step_num)
        self.gradient = gradient
        self.optimizers = optimizers or default_optimizers()
        self.index = index
        self._signature = None
        self._runs: list[Run] = []
        self._kept: dict = {}

    # ------------------------------------------------------------------ settings
    def optimizer(self, name: str) -> OptimizerSetting:
        return next(o for o in self.optimizers if o.name == name)

    @property
    def lr(self) -> float:
        """η of plain gradient descent (SGD): the learning rate the book varies."""
        return self.optimizer("SGD").params["lr"]

    @lr.setter
    def lr(self, value):
        self.optimizer("SGD").params["lr"] = check_parameter("SGD", "lr", value)

    def surface_object(self):
        return SURFACES[self.surface]

    def signature(self):
        return (self.surface, self.start, self.step_num, self.gradient,
                tuple(o.key() for o in self.optimizers))

    def runs(self) -> list[Run]:
        """A Run per enabled optimizer, rebuilt when one of its settings changed (the step index is kept).

        Runs whose own settings did not change are kept with the steps they computed.
        """
        sig = self.signature()
        if sig != self._signature:
            self._signature = sig
            surface = self.surface_object()
            common = (self.surface, self.start, self.step_num, self.gradient)
            kept = {}
            for o in self.optimizers:
                if o.enabled:
                    key = common + (o.key(),)
                    snapshot = OptimizerSetting(o.name, True, dict(o.params))
                    kept[key] = self._kept.get(key) or Run(surface, self.start, snapshot, self.gradient,
                                                           self.step_num)
            self._kept = kept
            self._runs = list(kept.values())
            self.index = min(self.index, self.step_num)
        return self._runs

    def run(self, name: str) -> Run | None:
        return next((r for r in self.runs() if r.name == name), None)

    # ------------------------------------------------------------------ moving
    def last_index(self) -> int:
        """The last step any run can show: step_num, or fewer when every run stopped early."""
        runs = self.runs()
        for r in runs:
            r.ensure(self.step_num)
        if not runs:
            return 0
        if all(r.stopped for r in runs):
            return max(r.computed for r in runs)
        return self.step_num

    def at_end(self) -> bool:
        runs = self.runs()
        if self.index >= self.step_num or not runs:
            return True
        for r in runs:
            r.ensure(self.index + 1)
        return all(r.stopped and r.computed <= self.index for r in runs)

    def advance(self, n: int = 1) -> bool:
        """Show n more steps (fewer at the end); False when nothing moved."""
        if n <= 0 or self.at_end():
            return False
        target = min(self.index + n, self.step_num)
        for r in self.runs():
            r.ensure(target + 1)
        if all(r.stopped for r in self.runs()):
            target = min(target, max(r.computed for r in self.runs()))
        moved = target > self.index
        self.index = target
        return moved

    def run_to_end(self):
        for r in self.runs():
            r.ensure(self.step_num)
        self.index = self.last_index()

    def reset(self):
        self.index = 0

    def positions(self, k: int | None = None) -> dict[str, np.ndarray]:
        """Each enabled optimizer's point at step k (default: the shown step)."""
        k = self.index if k is None else k
        out = {}
        for r in self.runs():
            r.ensure(k)
            out[r.name] = r.xs[r.last(k)].copy()
        return out

    # ------------------------------------------------------------------ what to draw
    def frame(self, k: int | None = None) -> list[RunFrame]:
        """Paths, points, gradients and next points of every run at step k (default: the shown step)."""
        k = self.index if k is None else k
        frames = []
        for r in self.runs():
            r.ensure(k + 1)
            j = r.last(k)
            nxt = r.xs[j + 1].copy() if j < r.computed else None
            frames.append(RunFrame(r.name, r.xs[: j + 1], r.xs[j].copy(), float(r.fs[j]), r.grads[j].copy(), nxt))
        return frames

    def f_curve(self, name: str, k: int | None = None, log: bool = False):
        """(steps, f(x_step)) of one run up to step k; on a log scale values ≤ 0 become NaN (gaps)."""
        k = self.index if k is None else k
        r = self.run(name)
        if r is None:
            return np.arange(0), np.zeros(0)
        j = r.last(k)
        f = r.fs[: j + 1]
        if log:
            f = np.where(f > 0, f, np.nan)
        return np.arange(j + 1), f

    def messages(self, k: int | None = None) -> list[Message]:
        """Overflow, divergence, a run leaving the view, a run that does not move, a stationary point reached."""
        k = self.index if k is None else k
        x0min, x0max, x1min, x1max = self.surface_object().view
        size = math.hypot(x0max - x0min, x1max - x1min)
        out = []
        for r in self.runs():
            r.ensure(k + 1)
            j = r.last(k)
            x, f = r.xs[j], float(r.fs[j])
            if r.stopped and j == r.computed:  # the next step would leave the floating-point numbers
                out.append(Message("overflow", r.name, j + 1, {"what": r.stop_reason, "x": r.xs[j].copy()}))
                continue
            outside = not (x0min <= x[0] <= x0max and x1min <= x[1] <= x1max)
            if outside and j > 0:
                kind = "diverging" if f > r.fs[0] else "escaping"
                out.append(Message(kind, r.name, j, {"f0": float(r.fs[0]), "f": f, "x": x.copy()}))
                continue
            g = r.grads[j]
            moved = float(np.hypot(*(x - r.xs[0])))
            if j >= STALL_STEPS and moved < STALL_DISTANCE * size and np.hypot(*r.grads[0]) > STATIONARY_GRADIENT:
                out.append(Message("stalled", r.name, j, {"moved": moved, "lr": r.setting.params["lr"]}))
            elif j > 0 and np.all(np.isfinite(g)) and np.hypot(*g) < STATIONARY_GRADIENT:
                first = int(np.argmax(np.hypot(r.grads[: j + 1, 0], r.grads[: j + 1, 1]) < STATIONARY_GRADIENT))
                out.append(Message("stationary", r.name, first, {"grad_norm": float(np.hypot(*g)), "x": x.copy()}))
        return out

    def export_indices(self, max_frames: int = 300) -> np.ndarray:
        """The steps an exported animation shows: every one, or max_frames spread evenly (first and last kept)."""
        last = self.last_index()
        if last + 1 <= max_frames:
            return np.arange(last + 1)
        return np.unique(np.round(np.linspace(0, last, max_frames)).astype(int))

    # ------------------------------------------------------------------ presets and sessions
    def apply_preset(self, key: str):
        """One of the book's experiments (PRESETS), from step 0."""
        p = PRESETS[key]
        self.surface, self.start, self.step_num, self.gradient = p["surface"], p["start"], p["steps"], p["gradient"]
        for o in self.optimizers:
            o.enabled = o.name in p["lr"]
            o.params = OptimizerSetting(o.name).params
            if o.enabled:
                o.params["lr"] = p["lr"][o.name]
        self.index = 0

    def to_dict(self) -> dict:
        """Plain values for a saved session (JSON-ready)."""
        return {
            "surface": self.surface, "start": list(self.start), "steps": self.step_num, "gradient": self.gradient,
            "index": self.index,
            "optimizers": {o.name: {"enabled": o.enabled, "params": dict(o.params)} for o in self.optimizers},
        }

    @classmethod
    def from_dict(cls, data) -> DescentState:
        """A state from to_dict()'s values; anything missing or invalid keeps its default."""
        state = cls()
        if not isinstance(data, dict):
            return state
        if data.get("surface") in SURFACES:
            state.surface = data["surface"]
        try:
            start = tuple(float(v) for v in data.get("start", ()))
            if len(start) == 2 and all(math.isfinite(v) for v in start):
                state.start = start
        except (TypeError, ValueError):
            pass
        try:
            state.step_num = min(max(int(data.get("steps", state.step_num)), 1), MAX_STEPS)
        except (TypeError, ValueError):
            pass
        if data.get("gradient") in GRADIENTS:
            state.gradient = data["gradient"]
        saved = data.get("optimizers")
        if isinstance(saved, dict):
            for o in state.optimizers:
                entry = saved.get(o.name)
                if not isinstance(entry, dict):
                    continue
                o.enabled = bool(entry.get("enabled", o.enabled))
                params = entry.get("params")
                for p in o.params if isinstance(params, dict) else ():
                    try:
                        o.params[p] = check_parameter(o.name, p, params.get(p, o.params[p]))
                    except (TypeError, ValueError):
                        pass
        if not any(o.enabled for o in state.optimizers):
            state.optimizer("SGD").enabled = True
        try:
            state.index = min(max(int(data.get("index", 0)), 0), state.step_num)
        except (TypeError, ValueError):
            pass
        return state


def start_for(surface_key: str) -> tuple[float, float]:
    """A start point for the surface: the book's, or a quarter of the view in from its top-left corner."""
    if surface_key in SURFACE_STARTS:
        return SURFACE_STARTS[surface_key]
    a, b, c, d = SURFACES[surface_key].view
    return (a + 0.25 * (b - a), d - 0.25 * (d - c))


def default_optimizers() -> list[OptimizerSetting]:
    """Plain gradient descent with η = 0.1 on; the others off, at the chapter 6 comparison's rates."""
    opts = [OptimizerSetting(name) for name in OPTIMIZER_ORDER]
    opts[0].enabled = True
    opts[0].params["lr"] = 0.1
    return opts


def _book(lr, steps_=100):
    return {"surface": "sphere", "start": DEFAULT_START, "steps": steps_, "gradient": "numerical", "lr": {"SGD": lr}}


# The book's experiments (CURRICULUM §4): 4.4.1 with three learning rates, and chapter 6's comparison.
PRESETS = {
    "lr_0.1": _book(0.1),
    "lr_0.1_20": _book(0.1, 20),
    "lr_10": _book(10.0),
    "lr_1e-10": _book(1e-10),
    "chapter6": {"surface": "ellipse", "start": (-7.0, 2.0), "steps": 30, "gradient": "analytic",
                 "lr": dict(CHAPTER6_LR)},
}


def arrow(tail, head, head_size):
    """Line segments (pairs of points) of an arrow tail → head with a head of length head_size.

    Returns 6 points for pyqtgraph's connect="pairs": the shaft and the head's two strokes at ±25°;
    an empty (0, 2) array when tail and head coincide or are not finite.
    """
    tail, head = np.asarray(tail, dtype=np.float64), np.asarray(head, dtype=np.float64)
    d = head - tail
    length = math.hypot(*d)
    if not (math.isfinite(length) and length > 0):
        return np.zeros((0, 2))
    size = min(head_size, 0.4 * length)
    back = -d / length * size
    c, s = math.cos(math.radians(25)), math.sin(math.radians(25))
    left = head + np.array([c * back[0] - s * back[1], s * back[0] + c * back[1]])
    right = head + np.array([c * back[0] + s * back[1], -s * back[0] + c * back[1]])
    return np.array([tail, head, head, left, head, right])


def display_box(surface, factor: float = 1000.0):
    """The surface's view grown `factor` times about its centre: what is drawn is clipped to it, since painters
    work in fixed point and a path through x = 1e152 would be drawn as garbage."""
    a, b, c, d = surface.view
    cx, cy, hx, hy = (a + b) / 2, (c + d) / 2, factor * (b - a) / 2, factor * (d - c) / 2
    return (cx - hx, cx + hx, cy - hy, cy + hy)


def clip_segments(starts, ends, box):
    """The parts of the segments starts[i] → ends[i] inside box (x_min, x_max, y_min, y_max), Liang–Barsky.

    Returns (3m, 2) points: each kept segment's two ends, then a NaN row (a break for connect="finite").
    Segments with a non-finite end are left out, and so are those with both ends beyond 1e7 box sizes: there the
    points' own rounding (1e-16 of their size) is no longer small against the view, so where such a segment crosses
    the view is noise.
    """
    p0, p1 = np.asarray(starts, dtype=np.float64), np.asarray(ends, dtype=np.float64)
    x_min, x_max, y_min, y_max = box
    far = 1e7 * max(x_max - x_min, y_max - y_min)
    with np.errstate(all="ignore"):
        d = p1 - p0
        t0, t1 = np.zeros(len(p0)), np.ones(len(p0))
        keep = np.all(np.isfinite(p0), axis=1) & np.all(np.isfinite(p1), axis=1) & np.all(np.isfinite(d), axis=1)
        keep &= np.minimum(np.abs(p0).max(axis=1), np.abs(p1).max(axis=1)) < far
        for p, q in ((-d[:, 0], p0[:, 0] - x_min), (d[:, 0], x_max - p0[:, 0]),
                     (-d[:, 1], p0[:, 1] - y_min), (d[:, 1], y_max - p0[:, 1])):
            keep &= ~((p == 0) & (q < 0))  # parallel to this edge and outside it
            r = q / p
            t0 = np.where(p < 0, np.maximum(t0, r), t0)
            t1 = np.where(p > 0, np.minimum(t1, r), t1)
        keep &= t0 <= t1
        p0, p1, d = p0[keep], p1[keep], d[keep]
        t0, t1 = t0[keep, None], t1[keep, None]
        # measured from the nearer end: the other may be huge
        a = np.where(t0 <= 0.5, p0 + t0 * d, p1 - (1 - t0) * d)
        b = np.where(t1 <= 0.5, p0 + t1 * d, p1 - (1 - t1) * d)
    out = np.full((3 * len(a), 2), np.nan)
    out[0::3], out[1::3] = a, b
    out[:, 0] = np.clip(out[:, 0], x_min, x_max)  # rounding may overshoot an edge by an ulp
    out[:, 1] = np.clip(out[:, 1], y_min, y_max)
    return out


def clip_path(points, box):
    """A path ready to draw: unchanged when it lies inside box, else clip_segments of its steps."""
    points = np.asarray(points, dtype=np.float64)
    x_min, x_max, y_min, y_max = box
    if np.all((points[:, 0] >= x_min) & (points[:, 0] <= x_max) & (points[:, 1] >= y_min) & (points[:, 1] <= y_max)):
        return points
    return clip_segments(points[:-1], points[1:], box)


def gradient_arrow(x, g, length):
    """The direction of ∇f at x drawn with a fixed length (the gradient's own size is in the table)."""
    g = np.asarray(g, dtype=np.float64)
    norm = math.hypot(*g)
    if not (math.isfinite(norm) and norm > 0):
        return None
    return np.asarray(x, dtype=np.float64) + g / norm * length


def view_size(surface) -> float:
    """The diagonal of the surface's view: the scale for arrow heads and 'did it move' tests."""
    a, b, c, d = surface.view
    return math.hypot(b - a, d - c)


def axis_range(values, log: bool) -> tuple[float, float]:
    """A y range holding the finite values that changes rarely as they grow: whole decades on a log axis
    (returned as log10 exponents, as pyqtgraph's log mode wants), steps of 1-2-5 × 10^k on a linear one."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v) & ((v > 0) if log else True)]
    if v.size == 0:
        return (0.0, 1.0)
    if log:
        lo, hi = math.floor(math.log10(v.min())), math.ceil(math.log10(v.max()))
        if hi - lo < 2:  # at least two decades (room below: f usually falls), or the tick labels crowd
            lo = hi - 2
        return (float(lo), float(hi))
    lo, hi = float(v.min()), float(v.max())
    span = max(hi - lo, abs(hi), abs(lo), 1e-300)  # measured against the size of the values: few changes
    decade = 10.0 ** math.floor(math.log10(span))
    unit = next(m * decade for m in (0.1, 0.2, 0.5, 1.0) if span <= 10 * m * decade)
    bottom, top = math.floor(lo / unit) * unit, math.ceil(hi / unit) * unit
    if not math.isfinite(bottom + top):  # near the largest float the rounding itself overflows
        return (lo, hi)
    return (bottom, top if top > bottom else bottom + unit)


def target_index(start_index: int, elapsed_s: float, steps_per_second: float) -> int:
    """The step an animation playing at steps_per_second since start_index should show after elapsed_s."""
    return start_index + int(math.floor(max(elapsed_s, 0.0) * steps_per_second + 1e-9))
