"""simpleNet (the book's §4.4.2) as an experiment: gradient descent on a net's own weights.

One 2×3 weight matrix W, no bias, no hidden layer (engine.networks.SimpleNet):

    p = x·W,   y = softmax(p),   L = −log(y_t + 1e-7),   ∂L/∂W = x ⊗ (y − t)   (∂L/∂w_ij = x_i (y_j − t_j))

and the update of the Descent tab, now on the 6 weights instead of the 2 coordinates (x0, x1):

    W ← W − η ∂L/∂W

`SimpleNetLab(choices)` reads the tab's SimpleNetState through its attributes W (the start weights, 2×3),
x (x1, x2), t (the correct class 0, 1 or 2), h (numerical gradient and nudge), lr (η) and steps (the step shown).
The book's values give CURRICULUM §4b's numbers: L = 0.9280682857864075, one step → 0.864377532033614.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.calculus import numerical_gradient
from engine.functions import softmax
from engine.networks import SimpleNet

BOOK_W = ((0.47355232, 0.9977393, 0.84668094), (0.85557411, 0.03563661, 0.69422093))  # printed in §4.4.2
BOOK_X = (0.6, 0.9)
BOOK_T = 2  # t = [0, 0, 1]
DEFAULT_H, DEFAULT_LR = 1e-4, 0.1
H_RANGE = (1e-10, 1.0)
LR_RANGE = (1e-6, 100.0)
VALUE_LIMIT = 100.0  # |w_ij| and |x_i| stay within this
MAX_STEPS = 1000
CLASSES = 3


def check(name: str, value) -> float:
    """`value` as a float if it is a valid `name` ("w", "x", "h" or "lr"); ValueError otherwise."""
    v = float(value)
    low, high = {"h": H_RANGE, "lr": LR_RANGE}.get(name, (-VALUE_LIMIT, VALUE_LIMIT))
    if not (math.isfinite(v) and low <= v <= high):
        raise ValueError(f"{name} = {v!r} is outside [{low:g}, {high:g}]")
    return v


def one_hot(t: int) -> np.ndarray:
    """t as the book writes it: [0, 0, 1] for class 2."""
    return np.eye(CLASSES)[int(t)]


@dataclass(frozen=True)
class Forward:
    """One input through the net: p = x·W, y = softmax(p), the answer argmax y, and L with and without the
    1e-7 guard of cross_entropy_error (−log y_t, what the book's printed L = 0.92806853663411326 is)."""

    p: np.ndarray
    y: np.ndarray
    answer: int
    loss: float
    loss_unguarded: float


@dataclass(frozen=True)
class Nudge:
    """w_ij ← w_ij + h alone (h: the state's h, or any amount): L before and after, ΔL, the slope ΔL/h and
    ∂L/∂w_ij to compare it with."""

    cell: tuple
    h: float
    before: float
    after: float
    change: float
    slope: float
    derivative: float


class SimpleNetLab:
    """The values the simpleNet page shows, computed from the state; the path of W under W ← W − η∂L/∂W is
    kept (and extended lazily) until W, x, t or η change."""

    def __init__(self, choices):
        self.choices = choices
        self._key = None
        self._path: list[np.ndarray] = []
        self._losses: list[float] = []
        self._answers: list[int] = []

    # ------------------------------------------------------------------ one W
    def _x(self):
        return np.asarray(self.choices.x, dtype=float)

    def net(self, W=None) -> SimpleNet:
        return SimpleNet(self.weights() if W is None else W)

    def forward(self, W=None) -> Forward:
        """p, y, the answer and L (with and without the guard) at W (default: the shown step's)."""
        net = self.net(W)
        p = net.predict(self._x())
        y = softmax(p)
        t = int(self.choices.t)
        with np.errstate(divide="ignore"):
            unguarded = float(-np.log(y[t]))
        return Forward(p, y, int(np.argmax(y)), float(net.loss(self._x(), one_hot(t))), unguarded)

    def analytic(self, W=None) -> np.ndarray:
        """∂L/∂W = x ⊗ (y − t), worked out by hand (SimpleNet.gradient)."""
        return self.net(W).gradient(self._x(), one_hot(self.choices.t))

    def numerical(self, W=None) -> np.ndarray:
        """∂L/∂w_ij ≈ (L(w_ij + h) − L(w_ij − h)) / 2h for each weight, as the book's numerical_gradient(f, net.W)
        (the loss with its 1e-7 guard, so the two differ by about 1e-7 besides the O(h²) error)."""
        net = self.net(W)
        x, t = self._x(), one_hot(self.choices.t)
        return numerical_gradient(lambda _: net.loss(x, t), net.W, float(self.choices.h))

    def difference(self, W=None) -> np.ndarray:
        """numerical − analytic."""
        return self.numerical(W) - self.analytic(W)

    def nudge(self, cell, W=None, by=None) -> Nudge:
        """Raise w_ij (cell = (i, j), counted from 0) alone by h (or `by`): ΔL = L(w_ij + h) − L(W) and
        ΔL/h ≈ ∂L/∂w_ij, to within O(h)."""
        W = np.array(self.weights() if W is None else W, dtype=float)
        h = float(self.choices.h if by is None else by)
        x, t = self._x(), one_hot(self.choices.t)
        before = float(SimpleNet(W).loss(x, t))
        nudged = W.copy()
        nudged[cell] += h
        after = float(SimpleNet(nudged).loss(x, t))
        derivative = float(self.analytic(W)[cell])
        return Nudge(tuple(cell), h, before, after, after - before, (after - before) / h, derivative)

    # ------------------------------------------------------------------ the path of W
    def _walk_to(self, k: int):
        key = (tuple(map(tuple, np.asarray(self.choices.W, dtype=float))), tuple(self.choices.x), int(self.choices.t),
               float(self.choices.lr))
        if key != self._key:
            self._key = key
            self._path = [np.array(self.choices.W, dtype=float)]
            f = self.forward(self._path[0])
            self._losses, self._answers = [f.loss], [f.answer]
        k = min(max(int(k), 0), MAX_STEPS)
        while len(self._path) <= k:
            W = self._path[-1]
            W = W - float(self.choices.lr) * self.analytic(W)  # W ← W − η ∂L/∂W
            f = self.forward(W)
            self._path.append(W)
            self._losses.append(f.loss)
            self._answers.append(f.answer)
        return k

    def shown_step(self) -> int:
        return min(max(int(self.choices.steps), 0), MAX_STEPS)

    def weights(self, k: int | None = None) -> np.ndarray:
        """W after k steps (default: the shown step) — a copy."""
        k = self._walk_to(self.shown_step() if k is None else k)
        return self._path[k].copy()

    def losses(self, k: int | None = None) -> np.ndarray:
        """L at steps 0 … k (default: the shown step)."""
        k = self._walk_to(self.shown_step() if k is None else k)
        return np.array(self._losses[:k + 1])

    def answers(self, k: int | None = None) -> np.ndarray:
        """The answer argmax y at steps 0 … k."""
        k = self._walk_to(self.shown_step() if k is None else k)
        return np.array(self._answers[:k + 1])

    def answer_changes(self, k: int | None = None) -> list[tuple[int, int]]:
        """(step, new answer) wherever the answer differs from the step before, up to step k."""
        a = self.answers(k)
        return [(int(i), int(a[i])) for i in np.flatnonzero(a[1:] != a[:-1]) + 1]
