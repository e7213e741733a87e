"""Training loops as generators of events, so the GUI's worker, the tools and the tests drive the same code.

Every event is a dict with a "kind": "step", "cost", "epoch", "done" (and the fields listed per loop).
A consumer stops a loop by no longer iterating it.
"""
from __future__ import annotations

import time

import numpy as np

from engine.networks import LogisticRegression, TwoLayerNet


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


def _as_labels(t):
    """Integer labels (intp) from labels or one-hot rows."""
    t = np.asarray(t)
    return (t.argmax(axis=1) if t.ndim == 2 else t).astype(np.intp)


def train_two_layer(net: TwoLayerNet, x_train, t_train, x_test, t_test, iters_num=10000, batch_size=100,
                    learning_rate=0.1, seed=None, eval_every=None):
    """The book's mini-batch SGD loop (train_neuralnet.py) on a TwoLayerNet, as a generator of events.

    Each iteration draws `batch_size` random training rows (with replacement, like np.random.choice),
    computes the gradient by backpropagation and steps W ← W − η ∂L/∂W (net.train_step, in place).
    Train and test accuracy on the full sets are measured before training, every `eval_every` iterations
    (None: one epoch = max(1, train_size // batch_size) iterations, 600 for MNIST) and at the end.

    Yields
      {"kind": "step", "iteration", "total", "loss"}                      after every iteration (loss of that
                                                                           mini-batch, before its update)
      {"kind": "epoch", "iteration", "epoch", "train_acc", "test_acc"}    at each evaluation (fractions 0–1)
      {"kind": "done", "net", "iterations", "loss_list", "train_acc_list", "test_acc_list",
       "train_acc", "test_acc", "seconds"}
    Raises Diverged (with .iteration and .loss) when the loss stops being finite. Inputs are converted once to
    the net's dtype; t may be labels or one-hot rows.
    """
    dtype = net.params["W1"].dtype
    x_train = np.ascontiguousarray(x_train, dtype=dtype)
    x_test = np.ascontiguousarray(x_test, dtype=dtype)
    t_train, t_test = _as_labels(t_train), _as_labels(t_test)
    train_size = len(x_train)
    if iters_num < 0 or batch_size < 1 or learning_rate <= 0:
        raise ValueError("iterations must be ≥ 0, batch size ≥ 1 and the learning rate > 0")
    iter_per_epoch = max(1, train_size // batch_size)
    eval_every = iter_per_epoch if eval_every is None else int(eval_every)
    rng = np.random.default_rng(seed)
    x_batch = np.empty((batch_size, x_train.shape[1]), dtype=dtype)
    t_batch = np.empty(batch_size, dtype=np.intp)
    loss_list = np.empty(iters_num)
    train_acc_list, test_acc_list = [], []
    start = time.perf_counter()

    def evaluate(iteration):
        train_acc, test_acc = net.accuracy(x_train, t_train), net.accuracy(x_test, t_test)
        train_acc_list.append(train_acc)
        test_acc_list.append(test_acc)
        return {"kind": "epoch", "iteration": iteration, "epoch": iteration / iter_per_epoch,
                "train_acc": train_acc, "test_acc": test_acc}

    yield evaluate(0)
    chunk = max(1, min(1000, iters_num))
    for i in range(iters_num):
        if i % chunk == 0:  # batch indices for the next `chunk` iterations in one call
            masks = rng.integers(0, train_size, size=(chunk, batch_size))
        batch_mask = masks[i % chunk]
        np.take(x_train, batch_mask, axis=0, out=x_batch)
        np.take(t_train, batch_mask, out=t_batch)
        loss = net.train_step(x_batch, t_batch, learning_rate)
        if not np.isfinite(loss):
            exc = Diverged(f"the loss became {loss} at iteration {i + 1}: the learning rate {learning_rate} is "
                           f"too large for this net; try {learning_rate / 10:g}")
            exc.iteration, exc.loss = i + 1, loss
            raise exc
        loss_list[i] = loss
        yield {"kind": "step", "iteration": i + 1, "total": iters_num, "loss": loss}
        if (i + 1) % eval_every == 0 or i + 1 == iters_num:
            yield evaluate(i + 1)
    yield {
        "kind": "done",
        "net": net,
        "iterations": iters_num,
        "loss_list": loss_list,
        "train_acc_list": train_acc_list,
        "test_acc_list": test_acc_list,
        "train_acc": train_acc_list[-1],
        "test_acc": test_acc_list[-1],
        "seconds": time.perf_counter() - start,
    }


def run_to_end(events):
    """Drive a training generator to its end and return the "done" event (for tools and tests)."""
    last = None
    for event in events:
        last = event
    return last
