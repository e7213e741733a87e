"""Numerical gradient against backpropagation, side by side: the point where the book's chapter 4 meets chapter 5.

Two copies of one two-layer net start from the same weights and train on the same mini-batches. One is updated
with the book's chapter 4 numerical gradient, 2 loss evaluations per weight,

    ∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h          (network.numerical_gradient)

the other with chapter 5's backpropagation, one forward and one backward pass for all weights (network.gradient);
both then take the same SGD step W ← W − η·∂L/∂W. Per iteration the run records both mini-batch losses, the
seconds each gradient took and how far the two gradients are apart,

    Δ = ∂L/∂w (numerical) − ∂L/∂w (backprop)
    max |Δ|   over all weights,      relative = Σ|Δ| / Σ|∂L/∂w (numerical)|   (= mean |Δ| / mean |numerical|)

(both per parameter W1, b1, W2, b2 too, as the gradient check shows them) and how far the two nets' weights have
drifted apart after the step. What it shows: the two ways give the same gradient (relative ≈ 10⁻⁷: the central
difference's O(h²) error and the 1e-7 inside log(y + 1e-7)), so the two nets learn the same — and the numerical
one is thousands of times slower, which is why chapter 5's backpropagation is what everyone uses.
"""
from __future__ import annotations

import math
import statistics
import time

import numpy as np

from engine.functions import as_labels
from engine.iteration import MiniBatches
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import Diverged, numerical_gradient_steps

BACKPROP_REPEATS = 11  # backprop's gradient is timed as the median of this many calls (one takes well under 1 ms)


def gradient_difference(numerical, backprop):
    """How far two gradients (dicts shaped like net.params) are apart: {"max_diff", "relative"} over all weights
    and {"max_diffs", "relative_by"} per parameter, with relative = Σ|Δ| / Σ|numerical|."""
    diffs = {key: np.abs(numerical[key] - backprop[key]) for key in PARAM_KEYS}
    sizes = {key: max(float(np.abs(numerical[key]).sum()), 1e-300) for key in PARAM_KEYS}
    return {"max_diff": max(float(d.max()) for d in diffs.values()),
            "relative": sum(float(d.sum()) for d in diffs.values()) / max(sum(sizes.values()), 1e-300),
            "max_diffs": {key: float(d.max()) for key, d in diffs.items()},
            "relative_by": {key: float(diffs[key].sum()) / sizes[key] for key in PARAM_KEYS}}


def timed_backprop(net: TwoLayerNet, x, t, repeats=BACKPROP_REPEATS):
    """(grads, seconds): net.gradient(x, t) (copied) and the median time of `repeats` calls of it."""
    times, grads = [], None
    for _ in range(max(1, int(repeats))):
        start = time.perf_counter()
        result = net.gradient(x, t)
        times.append(time.perf_counter() - start)
        if grads is None:
            grads = {key: np.array(result[key], copy=True) for key in PARAM_KEYS}
    return grads, statistics.median(times)


def numerical_vs_backprop(net: TwoLayerNet, x_train, t_train, iters_num=4, batch_size=10, learning_rate=0.1,
                          seed=None, h=1e-4, report_every=1000, backprop_repeats=BACKPROP_REPEATS):
    """Train `net` (float64: central differences need the precision) with the numerical gradient and a copy of it
    with backpropagation, on the same mini-batches (engine.iteration.MiniBatches: the rows a backprop run with
    this seed draws), as a generator of events.

        for i in range(iters_num):
            x_batch, t_batch = the mini-batch of iteration i
            g_num = net.numerical_gradient(x_batch, t_batch);  g_bp = twin.gradient(x_batch, t_batch)
            net.params[k] −= η·g_num[k];  twin.params[k] −= η·g_bp[k]   for k in W1, b1, W2, b2

    Yields
      {"kind": "progress", "done", "total", "iteration", "total_iterations"}  inside each numerical gradient
                                    (weights done in this iteration, at least every ~20 ms: Stop acts at once)
      {"kind": "step", "iteration", "total", "loss", "loss_backprop", "seconds_numerical", "seconds_backprop",
       "max_diff", "relative", "max_diffs", "relative_by", "weights_apart"}   after each iteration: the two
                                    mini-batch losses before the step, the seconds of each gradient (the numerical
                                    one counts only its own work, not time spent paused), gradient_difference of
                                    the two, and max |W_num − W_bp| over all weights after the step
      {"kind": "done", "net", "backprop_net", "iterations", "loss_list", "backprop_loss_list",
       "numerical_seconds", "backprop_seconds", "max_diff_list", "relative_list", "weights_apart_list", "seconds"}
    `net` ends trained with the numerical gradient (also when the run is stopped early); "backprop_net" is the
    twin. Raises Diverged when a loss stops being finite.
    """
    if iters_num < 0 or batch_size < 1 or not learning_rate > 0:
        raise ValueError("iterations must be ≥ 0, the batch size ≥ 1 and the learning rate > 0")
    if net.params["W1"].dtype != np.float64:
        raise ValueError("the numerical gradient needs a float64 net: in float32, L(w + h) − L(w − h) is rounding")
    x_train, t_train = np.asarray(x_train, dtype=np.float64), as_labels(t_train)
    twin, batches, start = net.copy(), MiniBatches(seed, len(x_train), batch_size, iters_num), time.perf_counter()
    lists = {name: [] for name in ("loss_list", "backprop_loss_list", "numerical_seconds", "backprop_seconds",
                                   "max_diff_list", "relative_list", "weights_apart_list")}
    for i in range(iters_num):
        rows = batches.rows(i)
        x_batch, t_batch = x_train[rows], t_train[rows]
        loss, loss_backprop = float(net.loss(x_batch, t_batch)), float(twin.loss(x_batch, t_batch))
        if not (math.isfinite(loss) and math.isfinite(loss_backprop)):
            raise Diverged(f"the loss became {loss} at iteration {i + 1}: the learning rate {learning_rate:g} is "
                           f"too large for this net; try {learning_rate / 10:g}", i + 1, loss)
        numerical, busy = None, 0.0
        steps = numerical_gradient_steps(net, x_batch, t_batch, h, report_every)
        while numerical is None:
            begun = time.perf_counter()
            try:
                event = next(steps)
            except StopIteration as stop:
                numerical = stop.value
            busy += time.perf_counter() - begun  # only the work: a pause between yields is not counted
            if numerical is None:
                yield {**event, "iteration": i + 1, "total_iterations": iters_num}
        backprop, backprop_seconds = timed_backprop(twin, x_batch, t_batch, backprop_repeats)
        for key in PARAM_KEYS:
            net.params[key] -= learning_rate * numerical[key]
            twin.params[key] -= learning_rate * backprop[key]
        apart = max(float(np.abs(net.params[key] - twin.params[key]).max()) for key in PARAM_KEYS)
        difference = gradient_difference(numerical, backprop)
        for name, value in (("loss_list", loss), ("backprop_loss_list", loss_backprop), ("numerical_seconds", busy),
                            ("backprop_seconds", backprop_seconds), ("max_diff_list", difference["max_diff"]),
                            ("relative_list", difference["relative"]), ("weights_apart_list", apart)):
            lists[name].append(value)
        yield {"kind": "step", "iteration": i + 1, "total": iters_num, "loss": loss, "loss_backprop": loss_backprop,
               "seconds_numerical": busy, "seconds_backprop": backprop_seconds, **difference, "weights_apart": apart}
    yield {"kind": "done", "net": net, "backprop_net": twin, "iterations": iters_num,
           **{name: np.asarray(values, dtype=np.float64) for name, values in lists.items()},
           "seconds": time.perf_counter() - start}


def estimate_seconds(hidden_size, batch_size, activation="relu", budget=0.04, input_size=784, output_size=10):
    """About how long one numerical gradient of an input-hidden-10 net takes on this computer, in seconds: the
    first weights' central differences (on a random batch) timed for about `budget` seconds (at least 5 weights),
    scaled up to all its weights. A rough figure (a busy machine makes it vary) for saying the time before a run."""
    net = TwoLayerNet(input_size, hidden_size, output_size, activation=activation, seed=0)
    rng = np.random.default_rng(0)
    x, t = rng.random((batch_size, input_size)), rng.integers(0, output_size, batch_size)
    net.loss(x, t)  # the first call allocates: not part of the estimate
    steps = numerical_gradient_steps(net, x, t, report_every=1)
    done, start = 0, time.perf_counter()
    for event in steps:
        done = event["done"]
        if done >= 5 and time.perf_counter() - start >= budget:
            break
    steps.close()  # the weights are back in place between yields
    return (time.perf_counter() - start) / done * sum(net.params[key].size for key in PARAM_KEYS)

BOOK_ITERATIONS = 10_000  # train_neuralnet.py's run: what the figures are scaled to


def summarize(loss, loss_backprop, seconds_numerical, seconds_backprop, relative, weights_apart):
    """What a (finished or stopped) side-by-side run showed, from its per-iteration lists (NaN: not done yet):
    {"iterations", "numerical_seconds" (mean per gradient), "backprop_seconds" (median per gradient), "ratio"
    (numerical / backprop), "relative" (the largest relative gradient difference), "loss_gap" (the largest
    |L_num − L_bp| / L_bp), "weights_apart" (after the last step), "book_numerical", "book_backprop" (seconds
    BOOK_ITERATIONS gradients of this size would take each way)}; None before the first iteration is done."""
    done = np.isfinite(np.asarray(seconds_numerical, dtype=np.float64))
    n = int(np.count_nonzero(done))
    if n == 0:
        return None
    pick = lambda values: np.asarray(values, dtype=np.float64)[done]  # noqa: E731
    numerical, backprop = float(pick(seconds_numerical).mean()), float(np.median(pick(seconds_backprop)))
    losses, twins = pick(loss), pick(loss_backprop)
    return {"iterations": n, "numerical_seconds": numerical, "backprop_seconds": backprop,
            "ratio": numerical / max(backprop, 1e-12), "relative": float(pick(relative).max()),
            "loss_gap": float(np.max(np.abs(losses - twins) / np.maximum(np.abs(twins), 1e-300))),
            "weights_apart": float(pick(weights_apart)[-1]),
            "book_numerical": BOOK_ITERATIONS * numerical, "book_backprop": BOOK_ITERATIONS * backprop}
