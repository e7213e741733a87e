"""Training loops as generators of events, so the GUI's worker, the tools and the tests drive the same code.

Every event is a dict with a "kind": "step", "cost", "epoch", "done" (and the fields listed per loop).
A consumer stops a loop by no longer iterating it.
"""
from __future__ import annotations

import numpy as np

from engine.networks import LogisticRegression


class Diverged(ArithmeticError):
    """The loss became NaN or infinite: the learning rate is too large for this problem."""


def flatten_images(images):
    """(N, 64, 64, 3) uint8 images → (N, 12288) float64 rows in [0, 1] (the lessons' x.reshape / 255)."""
    images = np.asarray(images)
    return images.reshape(images.shape[0], -1).astype(np.float64) / 255.0


def train_logistic(X, y, X_test=None, y_test=None, learning_rate=0.005, num_iterations=2000, record_every=100,
                   init="zeros", seed=None):
    """Full-batch gradient descent on LogisticRegression: w ← w − η dw, b ← b − η db.

    Yields {"kind": "step", "iteration", "cost"} every iteration, {"kind": "cost", "iteration", "cost"}
    every `record_every` iterations (starting at 0, as the lessons print them), and finally
    {"kind": "done", "model", "costs", "train_accuracy", "test_accuracy"} (percent; test None without test data).
    init "random" starts from small random weights (N(0, 0.01²)) instead of zeros.
    Raises Diverged when the cost stops being finite.
    """
    model = LogisticRegression(X.shape[1])
    if init == "random":
        model.params["w"] = 0.01 * np.random.default_rng(seed).standard_normal(X.shape[1])
    elif init != "zeros":
        raise ValueError(f"init must be 'zeros' or 'random', not {init!r}")
    costs = []
    for i in range(num_iterations):
        grads, cost = model.propagate(X, y)
        if not np.isfinite(cost):
            raise Diverged(f"the cost became {cost} at iteration {i}: lower the learning rate")
        model.params["w"] -= learning_rate * grads["w"]
        model.params["b"] -= learning_rate * grads["b"]
        if i % record_every == 0:
            costs.append((i, cost))
            yield {"kind": "cost", "iteration": i, "cost": cost}
        yield {"kind": "step", "iteration": i + 1, "total": num_iterations, "cost": cost}
    yield {
        "kind": "done",
        "model": model,
        "costs": costs,
        "train_accuracy": model.accuracy(X, y),
        "test_accuracy": None if X_test is None else model.accuracy(X_test, y_test),
    }


def run_to_end(events):
    """Drive a training generator to its end and return the "done" event (for tools and tests)."""
    last = None
    for event in events:
        last = event
    return last
