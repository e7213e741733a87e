"""Training loops as generators of events, so the GUI's worker, the tools and the tests drive the same code.

Every event is a dict with a "kind": "step", "cost", "epoch", "progress", "done" (and the fields listed per
loop). A consumer stops a loop by no longer iterating it (closing the generator).
"""
from __future__ import annotations

import collections
import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from engine.blas import blas_threads
from engine.calculus import numerical_gradient_steps as _element_steps
from engine.evaluation import evaluate_accuracy
from engine.fast_step import FastStep
from engine.functions import as_labels
from engine.iteration import MiniBatches, book_step
from engine.networks import PARAM_KEYS, LogisticRegression, TwoLayerNet

CHANCE_LOSS = math.log(10)  # −log(1/10): the loss of a net that spreads its belief evenly over 10 classes
BLOWUP_WINDOW = 20  # iterations averaged before a finite blow-up counts as divergence


class Diverged(ArithmeticError):
    """The loss became NaN or infinite (or blew up past a limit): the learning rate is too large. .iteration
    and .loss say where; .reason is "nan" (not finite) or "limit" (the mean loss passed train_two_layer's limit)."""

    def __init__(self, message, iteration=None, loss=None, reason="nan"):
        super().__init__(message)
        self.iteration, self.loss, self.reason = iteration, loss, reason


def _too_large(what, iteration, loss, learning_rate, reason="nan"):
    return Diverged(f"{what} at iteration {iteration}: the learning rate {learning_rate:g} is too large for this "
                    f"net; try {learning_rate / 10:g}", iteration, loss, reason)


def run_to_end(events):
    """Drive a training generator to its end and return the "done" event (for tools and tests)."""
    last = None
    for event in events:
        last = event
    return last


def _check_settings(iters_num, batch_size, learning_rate):
    if iters_num < 0 or batch_size < 1 or not learning_rate > 0:
        raise ValueError("iterations must be ≥ 0, the batch size ≥ 1 and the learning rate > 0")


def _done(net, iters_num, loss_list, history, start):
    iterations, train_accs, test_accs = (list(column) for column in zip(*history, strict=True))
    return {"kind": "done", "net": net, "iterations": iters_num, "loss_list": np.asarray(loss_list),
            "eval_iterations": iterations, "train_acc_list": train_accs, "test_acc_list": test_accs,
            "train_acc": train_accs[-1], "test_acc": test_accs[-1], "seconds": time.perf_counter() - start}


def train_two_layer(net: TwoLayerNet, x_train, t_train, x_test, t_test, iters_num=10000, batch_size=100,
                    learning_rate=0.1, seed=None, eval_every=None, loss_limit=None, threads=1, resume=None):
    """The book's mini-batch SGD loop (train_neuralnet.py) on a TwoLayerNet, as a generator of events.

        for i in range(iters_num):
            batch_mask = random rows of x_train (with replacement, like np.random.choice)
            grad = net.gradient(x_batch, t_batch);  W ← W − η·grad[W]  for W1, b1, W2, b2
            every epoch: train and test accuracy on the full sets

    A float32 net on images as load_mnist gives them (k/255) takes engine.fast_step.FastStep (the same step,
    fused; its weights live in its own layout during the run: net.params is brought up to date at every
    evaluation and when the run ends, stops or diverges); anything else takes the book's path above.
    One epoch = max(1, train_size // batch_size) iterations (600 for MNIST); `eval_every` overrides it.
    Accuracy is measured before training, every `eval_every` iterations and at the end, each time on a copy of
    the weights taken at that iteration, counted on a second thread while training goes on (so an "epoch"
    event may arrive a few steps after its iteration; its numbers are those of its iteration).

    Yields
      {"kind": "step", "iteration", "total", "loss"}     after every iteration: the mini-batch loss (before
                                                          that iteration's update)
      {"kind": "epoch", "iteration", "epoch", "train_acc", "test_acc", "net"}  each evaluation (fractions 0–1),
                                                          in order; "net" is the copy of the weights evaluated
      {"kind": "done", "net", "iterations", "loss_list", "train_acc_list", "test_acc_list", "eval_iterations",
       "train_acc", "test_acc", "seconds"}
    Raises Diverged when the loss stops being finite, or, with `loss_limit`, when the mean loss of the last
    BLOWUP_WINDOW iterations exceeds it: a too-large rate often never reaches NaN, because the log(y + 1e-7)
    guard caps the loss near 16.1 (3·CHANCE_LOSS ≈ 6.9 is a sensible limit: training starts at ≈ 2.30).
    `threads`: BLAS threads of the steps (1, the app's choice, keeps a core for the GUI and the evaluations).
    `resume`: the engine.iteration.Stepper that took this run's first iterations one by one: the loop goes on with
    its mini-batches and fast step (iteration k as in a run from scratch), measuring accuracy first where it resumes.
    """
    _check_settings(iters_num, batch_size, learning_rate)
    dtype = net.params["W1"].dtype
    x_train, x_test = (np.ascontiguousarray(x, dtype=dtype) for x in (x_train, x_test))
    t_train, t_test = as_labels(t_train), as_labels(t_test)
    train_size, start = len(x_train), time.perf_counter()
    iter_per_epoch = max(1, train_size // batch_size)
    eval_every = iter_per_epoch if eval_every is None else max(1, int(eval_every))
    fast, first, batches = None, 0, MiniBatches(seed, train_size, batch_size, iters_num)
    loss_list, recent, history = np.empty(iters_num), 0.0, []  # recent: Σ of the last BLOWUP_WINDOW losses
    if resume is not None:  # its mini-batches, its fast step, and its losses so far (written into loss_list)
        batches, fast, first = resume.hand_over(net, loss_list, batch_size, learning_rate)
        recent = float(loss_list[max(0, first - BLOWUP_WINDOW):first].sum())
    pending = collections.deque()  # evaluations running on the second thread, oldest first
    halt = threading.Event()  # set when the run ends early: an evaluation under way is abandoned

    def evaluate(snapshot, iteration):
        with blas_threads(1):
            train_acc = evaluate_accuracy(snapshot, x_train, t_train, stop=halt)
            test_acc = evaluate_accuracy(snapshot, x_test, t_test, stop=halt)
        return {"kind": "epoch", "iteration": iteration, "epoch": iteration / iter_per_epoch,
                "train_acc": train_acc, "test_acc": test_acc, "net": snapshot}

    def finished(wait=False):
        while pending and (wait or pending[0].done()):
            event = pending.popleft().result()
            history.append((event["iteration"], event["train_acc"], event["test_acc"]))
            yield event

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evaluate")
    try:
        pending.append(pool.submit(evaluate, net.copy(), first))  # on the other core during FastStep's preparation
        fast = fast if resume is not None else FastStep.for_run(net, x_train, t_train, batch_size)
        with blas_threads(max(1, int(threads))), np.errstate(over="ignore", invalid="ignore"):
            for i in range(first, iters_num):
                batch_mask = batches.rows(i)
                loss = (fast.step(batch_mask, learning_rate) if fast
                        else book_step(net, x_train[batch_mask], t_train[batch_mask], learning_rate)[0])
                if not math.isfinite(loss):
                    raise _too_large(f"the loss became {loss}", i + 1, loss, learning_rate)
                loss_list[i] = loss
                if loss_limit is not None:
                    recent += loss - (loss_list[i - BLOWUP_WINDOW] if i >= BLOWUP_WINDOW else 0.0)
                    if i + 1 >= BLOWUP_WINDOW and recent / BLOWUP_WINDOW > loss_limit:
                        raise _too_large(f"the mean loss of the last {BLOWUP_WINDOW} iterations rose to "
                                         f"{recent / BLOWUP_WINDOW:.3g} (limit {loss_limit:.3g})", i + 1,
                                         recent / BLOWUP_WINDOW, learning_rate, "limit")
                yield {"kind": "step", "iteration": i + 1, "total": iters_num, "loss": loss}
                if (i + 1) % eval_every == 0 or i + 1 == iters_num:
                    if fast:
                        fast.store()
                    pending.append(pool.submit(evaluate, net.copy(), i + 1))
                if pending and pending[0].done():
                    yield from finished()
        yield from finished(wait=True)
    finally:
        halt.set()
        if fast:
            fast.store()  # also when the run is stopped or diverges
        pool.shutdown(wait=True, cancel_futures=True)
    yield _done(net, iters_num, loss_list, history, start)


# ------------------------------------------------------------------------------------------------------------
# The slow way (the book's chapter 4): numerical gradients, and the gradient check of chapter 5 (training with
# both side by side: engine.numerical_run).
# ------------------------------------------------------------------------------------------------------------
YIELD_SECONDS = 0.02  # the slow loops yield at least this often, so stop and quit take effect at once
def numerical_gradient_steps(net: TwoLayerNet, x, t, h=1e-4, report_every=1000):
    """net.numerical_gradient(x, t) as a generator: engine.calculus's central differences, weight by weight,

        ∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h   for each of the net's weights w (put back afterwards)

    2 loss evaluations per weight: 79,520 for the book's 784-50-10 net. Yields
    {"kind": "progress", "done", "total"} every `report_every` weights and at least every YIELD_SECONDS of work
    (a 784-1000-10 net takes milliseconds per weight), so it can show progress and be stopped at once;
    its return value (``grads = yield from ...``) is the dict of gradients, shaped like net.params.
    """
    total = sum(net.params[key].size for key in PARAM_KEYS)
    loss_W = lambda W: net.loss(x, t)  # noqa: E731 — the book's idiom: the loss reads the weights
    grads, done, last = {}, 0, time.perf_counter()
    for key in PARAM_KEYS:
        steps = _element_steps(loss_W, net.params[key], h)
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                grads[key] = stop.value
                break
            done += 1
            if done % report_every == 0 or time.perf_counter() - last >= YIELD_SECONDS:
                last = time.perf_counter()
                yield {"kind": "progress", "done": done, "total": total}
    yield {"kind": "progress", "done": total, "total": total}
    return grads


def gradient_check(net: TwoLayerNet, x, t, h=1e-4, report_every=1000):
    """The book's gradient_check.py: backprop vs numerical gradient on a small batch, weight by weight.

    Works on a float64 copy of net (central differences need the precision). Yields progress events as
    numerical_gradient_steps does, then {"kind": "done", "diffs": {key: mean |Δ|}, "max_diffs": {key: max |Δ|},
    "relative": {key: mean |Δ| / mean |∂L/∂w|}, "sizes": {key: count}, "seconds": {"backprop", "numerical"}}.
    The gap is about 1e-10 here, not 0: the loss computes log(y + 1e-7), and that guard's tiny effect is in
    the numerical gradient but not in backprop's (y − t)/N — a relative difference of about 1e-6.
    """
    work = TwoLayerNet.from_params({key: net.params[key].astype(np.float64) for key in PARAM_KEYS},
                                   net.activation)
    x = np.asarray(x, dtype=np.float64)
    start = time.perf_counter()
    backprop = {key: value.copy() for key, value in work.gradient(x, t).items()}
    middle = time.perf_counter()
    numerical = yield from numerical_gradient_steps(work, x, t, h, report_every)
    end = time.perf_counter()
    diffs = {key: np.abs(backprop[key] - numerical[key]) for key in PARAM_KEYS}
    yield {
        "kind": "done",
        "diffs": {key: float(d.mean()) for key, d in diffs.items()},
        "max_diffs": {key: float(d.max()) for key, d in diffs.items()},
        "relative": {key: float(diffs[key].mean() / max(np.abs(numerical[key]).mean(), 1e-300))
                     for key in PARAM_KEYS},
        "sizes": {key: int(backprop[key].size) for key in PARAM_KEYS},
        "seconds": {"backprop": middle - start, "numerical": end - middle},
    }


# ------------------------------------------------------------------------------------------------------------
# The lessons' logistic regression (cat / non-cat).
# ------------------------------------------------------------------------------------------------------------
def flatten_images(images):
    """(N, 64, 64, 3) uint8 images → (N, 12288) float64 rows in [0, 1] (the lessons' x.reshape / 255)."""
    images = np.asarray(images)
    return images.reshape(images.shape[0], -1).astype(np.float64) / 255.0


def train_logistic(X, y, X_test=None, y_test=None, learning_rate=0.005, num_iterations=2000, record_every=100,
                   init="zeros", seed=None, lambd=0.0):
    """Full-batch gradient descent on LogisticRegression (L2 λ = `lambd`): w ← w − η dw, b ← b − η db.

    Yields {"kind": "step", "iteration", "cost"} every iteration, {"kind": "cost", "iteration", "cost"}
    every `record_every` iterations (starting at 0, as the lessons print them), and finally
    {"kind": "done", "model", "costs", "train_accuracy", "test_accuracy"} (percent; test None without test data).
    init "random" starts from small random weights (N(0, 0.01²)) instead of zeros.
    Raises Diverged when the cost stops being finite.
    """
    model = LogisticRegression(X.shape[1], lambd)
    if init == "random":
        model.params["w"] = 0.01 * np.random.default_rng(seed).standard_normal(X.shape[1])
    elif init != "zeros":
        raise ValueError(f"init must be 'zeros' or 'random', not {init!r}")
    costs = []
    for i in range(num_iterations):
        grads, cost = model.propagate(X, y)
        if not np.isfinite(cost):
            raise Diverged(f"the cost became {cost} at iteration {i}: lower the learning rate", i, cost)
        model.params["w"] -= learning_rate * grads["w"]
        model.params["b"] -= learning_rate * grads["b"]
        if i % record_every == 0:
            costs.append((i, cost))
            yield {"kind": "cost", "iteration": i, "cost": cost}
        yield {"kind": "step", "iteration": i + 1, "total": num_iterations, "cost": cost}
    yield {"kind": "done", "model": model, "costs": costs, "train_accuracy": model.accuracy(X, y),
           "test_accuracy": None if X_test is None else model.accuracy(X_test, y_test)}
