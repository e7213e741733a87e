"""What the Descent tab says about a run at the step shown: overflow, divergence, leaving the view, creeping, a
stationary point reached, and x + h == x (the numerical gradient lost to rounding)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.surfaces import SURFACES

STALL_STEPS, STALL_DISTANCE = 10, 1e-6  # moved less than STALL_DISTANCE × the view's size in 10 steps: "stalled"
STATIONARY_GRADIENT = 1e-6  # |∇f| below this: a minimum (or another stationary point) is reached
H = 1e-4  # the numerical gradient's step (engine.calculus.numerical_gradient's default, the book's h)


@dataclass
class Message:
    """Something worth saying about a run at the shown step (the tab words it)."""

    kind: str  # "overflow", "rounding", "diverging", "escaping", "stalled", "stationary"
    name: str
    step: int  # overflow: the step that failed; stationary: the first step with |∇f| < STATIONARY_GRADIENT
    values: dict


def rounding_step(run, k: int) -> int | None:
    """The first step ≤ k where the numerical gradient came out exactly 0 because x is so large that x + h == x
    (h = 1e-4: beyond about 1e12) — while f is far from flat: the rounding error of the book's h = 1e-50, reached
    from the other side. None when that did not happen (or the gradient is analytic)."""
    if run.analytic:
        return None
    xs, grads = run.xs[: k + 1], run.grads[: k + 1]
    with np.errstate(invalid="ignore"):
        lost = np.all(grads == 0, axis=1) & np.all(xs + H == xs, axis=1) & (run.fs[: k + 1] > 0)
    hits = np.flatnonzero(lost)
    return int(hits[0]) if hits.size else None



def run_messages(descent, k: int) -> list[Message]:
    """Overflow, divergence, a run leaving the view, a run that does not move, a stationary point reached."""
    x0min, x0max, x1min, x1max = SURFACES[descent.choices.surface].view
    size = math.hypot(x0max - x0min, x1max - x1min)
    out = []
    for r in descent.runs():
        r.ensure(k + 1)
        j = r.last(k)
        x, f = r.xs[j], float(r.fs[j])
        lost = rounding_step(r, j)
        if lost is not None:
            out.append(Message("rounding", r.name, lost, {"x": r.xs[lost].copy(), "f": float(r.fs[lost]),
                                                          "size": float(np.max(np.abs(r.xs[lost])))}))
        if r.stopped and j == r.computed:  # the next step would leave the floating-point numbers
            out.append(Message("overflow", r.name, j + 1, {"what": r.stop_reason, "x": x.copy()}))
            continue
        if j > 0 and not (x0min <= x[0] <= x0max and x1min <= x[1] <= x1max):
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
