"""Training loops as generators of events, so the GUI's worker, the tools and the tests drive the same code.

Every event is a dict with a "kind": "step", "cost", "epoch", "done" (and the fields listed per loop).
A consumer stops a loop by no longer iterating it.
"""
from __future__ import annotations

import collections
import contextlib
import ctypes
import glob
import math
import os
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from engine.networks import LogisticRegression, PixelSteps, TwoLayerNet


class Diverged(ArithmeticError):
    """The loss became NaN or infinite (or blew up past a limit): the learning rate is too large.

    train_two_layer sets .iteration, .loss and .reason ("nan": not finite; "limit": the recent mean loss
    passed loss_limit).
    """


CHANCE_LOSS = math.log(10)  # −log(1/10): the loss of a net that spreads its belief evenly over 10 classes
BLOWUP_WINDOW = 20  # iterations averaged before a finite blow-up counts as divergence


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


def _openblas_libraries():
    """The OpenBLAS libraries bundled with NumPy's wheels, loaded with ctypes (none elsewhere)."""
    folder = os.path.dirname(np.__file__)
    paths = [*glob.glob(os.path.join(folder + ".libs", "*openblas*")),
             *glob.glob(os.path.join(folder, ".dylibs", "*openblas*"))]
    for path in paths:
        try:
            yield ctypes.CDLL(path)
        except OSError:
            continue


def _find_openblas():
    """(set_threads, get_threads) of the OpenBLAS bundled with NumPy's wheels, via ctypes; None elsewhere.

    set_threads prefers openblas_set_num_threads_local (this thread only, OpenBLAS ≥ 0.3.27).
    """
    for lib in _openblas_libraries():
        names = ("openblas_set_num_threads_local", "scipy_openblas_set_num_threads64_",
                 "openblas_set_num_threads64_", "openblas_set_num_threads")
        getters = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads")
        setter = next((getattr(lib, n) for n in names if hasattr(lib, n)), None)
        getter = next((getattr(lib, n) for n in getters if hasattr(lib, n)), None)
        if setter is not None and getter is not None:
            setter.argtypes, getter.restype = [ctypes.c_int], ctypes.c_int
            return setter, getter
    return None


_OPENBLAS = _find_openblas()


def _find_sgemm():
    """cblas_sgemm of the OpenBLAS bundled with NumPy, via ctypes, once it has given NumPy's answer on a small
    product; None elsewhere."""
    names = (("scipy_cblas_sgemm64_", ctypes.c_int64), ("cblas_sgemm64_", ctypes.c_int64),
             ("scipy_cblas_sgemm", ctypes.c_int), ("cblas_sgemm", ctypes.c_int))
    for lib in _openblas_libraries():
        for name, integer in names:
            if hasattr(lib, name):
                sgemm, i, f, p = getattr(lib, name), integer, ctypes.c_float, ctypes.c_void_p
                sgemm.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, i, i, i, f, p, i, p, i, f, p, i]
                sgemm.restype = None
                x = np.arange(12, dtype=np.float32).reshape(3, 4) / 8  # C ← C + ½·x[:, :2]ᵀ·d
                d, C = np.arange(6, dtype=np.float32).reshape(3, 2), np.ones((2, 2), dtype=np.float32)
                expected = C + 0.5 * (x[:, :2].T @ d)
                sgemm(_ROW_MAJOR, _TRANS, _NO_TRANS, 2, 2, 3, 0.5, x.ctypes.data, 4, d.ctypes.data, 2, 1.0,
                      C.ctypes.data, 2)
                return sgemm if np.array_equal(C, expected) else None
    return None


_ROW_MAJOR, _NO_TRANS, _TRANS = 101, 111, 112  # CBLAS's enums
_SGEMM = _find_sgemm()


def blas_add_product(x, d, W):
    """f(k, α): W[:k] ← W[:k] + α·x[:, :k]ᵀ·d in one BLAS call — sgemm with β = 1, which NumPy's matmul lacks:
    no gradient array, no separate subtraction — for these float32 arrays with contiguous rows (their
    addresses are kept: keep the arrays); None without OpenBLAS or for other arrays."""
    n, h = d.shape
    if _SGEMM is None or not all(a.dtype == np.float32 and a.flags.c_contiguous for a in (x, d, W)) \
            or x.shape[0] != n or W.shape[1] != h or W.shape[0] > x.shape[1]:
        return None
    sgemm, lda, (px, pd, pW), rows = _SGEMM, x.shape[1], (a.ctypes.data for a in (x, d, W)), W.shape[0]

    def add_product(k, alpha, arrays=(x, d, W)):  # (the default keeps the arrays alive with the function)
        if not 0 <= k <= rows:
            raise ValueError(f"k = {k} is outside 0…{rows}")
        sgemm(_ROW_MAJOR, _TRANS, _NO_TRANS, k, h, n, alpha, px, lda, pd, h, 1.0, pW, h)

    return add_product


@contextlib.contextmanager
def blas_threads(n):
    """Run the enclosed NumPy matrix products on `n` BLAS threads (then restore the previous count).

    Training uses 1: the step's products are small, and OpenBLAS's spinning helper threads make them many
    times slower as soon as another thread or program wants a core (the GUI, a second process). The second
    core evaluates accuracy meanwhile (see train_two_layer). No-op where NumPy does not use OpenBLAS.
    OpenBLAS keeps one count for the whole process (even its "_local" setter), so when several threads ask at
    once (training and its evaluations) the latest request still open wins, and the count from before the first
    request comes back when the last one ends — whatever order they end in.
    """
    if _OPENBLAS is None:
        yield
        return
    setter, getter = _OPENBLAS
    key = object()
    with _BLAS_LOCK:
        if not _BLAS_REQUESTS:
            _BLAS_REQUESTS[None] = getter()  # the count before any request
        _BLAS_REQUESTS[key] = n
        setter(n)
    try:
        yield
    finally:
        with _BLAS_LOCK:
            del _BLAS_REQUESTS[key]
            setter(list(_BLAS_REQUESTS.values())[-1])
            if len(_BLAS_REQUESTS) == 1:
                del _BLAS_REQUESTS[None]


_BLAS_LOCK = threading.Lock()
_BLAS_REQUESTS = {}  # the open requests of blas_threads, oldest first (None: the count before them)


def evaluate_accuracy(net, x, labels, chunk=5000):
    """net.accuracy(x, labels) = mean [argmax predict(x) = t], counted in chunks of `chunk` rows."""
    return sum(net.count_correct(x[i:i + chunk], labels[i:i + chunk]) for i in range(0, len(labels), chunk)) \
        / len(labels)


def _as_labels(t):
    """Integer labels (intp) from labels or one-hot rows."""
    t = np.asarray(t)
    return (t.argmax(axis=1) if t.ndim == 2 else t).astype(np.intp)


def pixel_levels(x, columns=None, chunk=4096):
    """The uint8 levels k with x == float32(k) / 255 in every entry (load_mnist(normalize=True)'s images), or None
    when x is anything else (another dtype or shape, values that are not exactly k/255 for an integer 0–255).
    With `columns`, the levels of those columns of x, in that order (built chunk by chunk: no second copy)."""
    x = np.asarray(x)
    if x.dtype != np.float32 or x.ndim != 2:
        return None
    levels = np.empty(x.shape if columns is None else (len(x), len(columns)), dtype=np.uint8)
    for i in range(0, len(x), chunk):
        part = x[i:i + chunk] if columns is None else x[i:i + chunk][:, columns]
        k = np.rint(np.multiply(part, np.float32(255)))
        if not (k.size == 0 or (k.min() >= 0 and k.max() <= 255)) or \
                not np.array_equal(np.divide(k, np.float32(255), dtype=np.float32), part):
            return None  # NaN fails the comparisons too
        levels[i:i + chunk] = k
    return levels


_PIXELS = {}  # id(x) → (weak reference to x, a checksum, (levels in `order`, order, non-zero counts)): one entry


def _pixel_data(x):
    """(levels, order, counts) for the training images x, or None when x is not pixel levels / 255.

    order sorts the pixels by how many images have them non-zero (counts, most first) and leaves out those that
    are 0 in every image (67 of MNIST's 784: their column of x is 0 in every batch, so their weights never
    change); levels[:, j] is pixel order[j]. Kept for the last x seen (the app trains again and again on the
    same set), as its one extra copy: uint8, under a quarter of x's size.
    """
    if x.dtype != np.float32 or x.ndim != 2:
        return None
    checksum = float(np.add.reduce(x.reshape(-1)[::4099], dtype=np.float64)) if x.size else 0.0
    entry = _PIXELS.get(id(x))
    if entry is not None and entry[0]() is x and entry[1] == checksum:
        return entry[2]
    _PIXELS.clear()
    counts = np.count_nonzero(x, axis=0)  # level 0 is exactly 0.0, any other level is > 0
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] > 0]
    levels = pixel_levels(x, columns=order)
    if levels is None:
        return None
    data = (levels, order, counts[order])
    _PIXELS[id(x)] = (weakref.ref(x, lambda _: _PIXELS.clear()), checksum, data)
    return data


def pixel_steps(net: TwoLayerNet, x_train, t_train, batch_size):
    """A PixelSteps training `net` on the images x_train (rows of pixel levels / 255, float32 like the net), or
    None when that does not apply and TwoLayerNet.train_step must do it (other data, a float64 net).

    The pixels non-zero somewhere in at least half of all batches of `batch_size` images ((1 − p)^N ≤ ½, p the
    fraction of images that have the pixel non-zero: 510 of MNIST's 784 for N = 100) are always used, as one
    block; the others are looked for batch by batch (measured: the fastest split, finding a pixel costs about as
    much as multiplying it through both products half of the time).
    """
    if net.params["W1"].dtype != np.float32 or x_train.shape[1:] != net.params["W1"].shape[:1]:
        return None
    data = _pixel_data(x_train)
    if data is None:
        return None
    levels, order, counts = data
    if len(order) == 0:
        return None  # blank images: nothing to multiply
    p = counts / max(1, len(levels))
    dense = int(np.count_nonzero((1 - p) ** batch_size <= 0.5))
    steps = PixelSteps(levels, t_train, order, dense, batch_size, *net.sizes[1:], net.activation,
                       add_product=blas_add_product)
    steps.load(net.params)
    return steps


def train_two_layer(net: TwoLayerNet, x_train, t_train, x_test, t_test, iters_num=10000, batch_size=100,
                    learning_rate=0.1, seed=None, eval_every=None, loss_limit=None, threads=1):
    """The book's mini-batch SGD loop (train_neuralnet.py) on a TwoLayerNet, as a generator of events.

        for i in range(iters_num):
            batch_mask = random rows of x_train (with replacement, like np.random.choice)
            W ← W − η ∂L/∂W  for W1, b1, W2, b2   (backpropagation: net.train_step, in place)
            every epoch: train and test accuracy on the full sets

    One epoch = max(1, train_size // batch_size) iterations (600 for MNIST); `eval_every` overrides it.
    Accuracy is measured before training, every `eval_every` iterations and at the end, each time on a
    copy of the weights taken at that iteration, counted on a second thread while training goes on
    (so an "epoch" event may arrive a few steps after its iteration; its numbers are those of its iteration).

    Yields
      {"kind": "step", "iteration", "total", "loss"}     after every iteration: the mini-batch loss (before
                                                          that iteration's update)
      {"kind": "epoch", "iteration", "epoch", "train_acc", "test_acc", "net"}  each evaluation (fractions 0–1),
                                                          in order; "net" is the copy of the weights evaluated
      {"kind": "done", "net", "iterations", "loss_list", "train_acc_list", "test_acc_list", "eval_iterations",
       "train_acc", "test_acc", "seconds"}
    Raises Diverged (with .iteration and .loss) when the loss stops being finite. With `loss_limit`, also when
    the mean loss of the last BLOWUP_WINDOW iterations exceeds it: a too-large learning rate often does not
    reach NaN, because the log(y + 1e-7) guard caps the loss near 16.1 — the net is then stuck being confidently
    wrong (3·CHANCE_LOSS ≈ 6.9 is a sensible limit: training starts at ≈ 2.30). Inputs are converted once to
    the net's dtype; t may be integer labels or one-hot rows. `threads`: BLAS threads of the training steps (1,
    the app's choice, keeps a core free for the GUI and the evaluations; 2 is faster on an idle machine).

    Images as load_mnist(normalize=True) gives them (float32 k/255) and a float32 net take the pixel path
    (pixel_steps: the same steps, a third fewer multiplications; first call on a training set ≈ 0.4 s to check
    and copy it as uint8). Its weights then live in its own layout during the run: net.params is brought up to
    date at every evaluation (so each "epoch" net is exact) and when the run ends, stops or diverges.
    """
    dtype = net.params["W1"].dtype
    x_train = np.ascontiguousarray(x_train, dtype=dtype)
    x_test = np.ascontiguousarray(x_test, dtype=dtype)
    t_train, t_test = _as_labels(t_train), _as_labels(t_test)
    if iters_num < 0 or batch_size < 1 or not learning_rate > 0:
        raise ValueError("iterations must be ≥ 0, the batch size ≥ 1 and the learning rate > 0")
    train_size = len(x_train)
    iter_per_epoch = max(1, train_size // batch_size)
    eval_every = iter_per_epoch if eval_every is None else max(1, int(eval_every))
    rng = np.random.default_rng(seed)
    fast = pixel_steps(net, x_train, t_train, batch_size)
    x_batch = np.empty((batch_size, x_train.shape[1]), dtype=dtype)
    t_batch = np.empty(batch_size, dtype=np.intp)
    loss_list = np.empty(iters_num)
    recent = 0.0  # Σ of the last BLOWUP_WINDOW losses (for loss_limit)
    history = []  # (iteration, train_acc, test_acc)
    pending = collections.deque()  # evaluations running on the second thread, oldest first
    start = time.perf_counter()

    def evaluate(snapshot, iteration):
        with blas_threads(1):
            train_acc = evaluate_accuracy(snapshot, x_train, t_train)
            test_acc = evaluate_accuracy(snapshot, x_test, t_test)
        return {"kind": "epoch", "iteration": iteration, "epoch": iteration / iter_per_epoch,
                "train_acc": train_acc, "test_acc": test_acc, "net": snapshot}

    def finished(wait=False):
        while pending and (wait or pending[0].done()):
            event = pending.popleft().result()
            history.append((event["iteration"], event["train_acc"], event["test_acc"]))
            yield event

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evaluate")
    try:
        with blas_threads(max(1, int(threads))):
            pending.append(pool.submit(evaluate, net.copy(), 0))
            chunk = max(1, min(1000, iters_num))
            for i in range(iters_num):
                if i % chunk == 0:  # the batch indices of the next `chunk` iterations in one call
                    masks = rng.integers(0, train_size, size=(chunk, batch_size))
                    picks = fast.picks(masks) if fast is not None else None
                batch_mask = masks[i % chunk]
                if fast is not None:
                    with np.errstate(over="ignore", invalid="ignore"):
                        loss = fast.step(batch_mask, picks[i % chunk], learning_rate)
                else:
                    np.take(x_train, batch_mask, axis=0, out=x_batch, mode="clip")
                    np.take(t_train, batch_mask, out=t_batch, mode="clip")
                    loss = net.train_step(x_batch, t_batch, learning_rate)
                if not math.isfinite(loss):
                    raise _diverged(f"the loss became {loss}", i + 1, loss, learning_rate, "nan")
                loss_list[i] = loss
                if loss_limit is not None:
                    recent += loss - (loss_list[i - BLOWUP_WINDOW] if i >= BLOWUP_WINDOW else 0.0)
                    if i + 1 >= BLOWUP_WINDOW and recent / BLOWUP_WINDOW > loss_limit:
                        raise _diverged(f"the mean loss of the last {BLOWUP_WINDOW} iterations rose to "
                                        f"{recent / BLOWUP_WINDOW:.3g} (limit {loss_limit:.3g})", i + 1,
                                        recent / BLOWUP_WINDOW, learning_rate, "limit")
                yield {"kind": "step", "iteration": i + 1, "total": iters_num, "loss": loss}
                if (i + 1) % eval_every == 0 or i + 1 == iters_num:
                    if fast is not None:
                        fast.store(net.params)
                    pending.append(pool.submit(evaluate, net.copy(), i + 1))
                if pending and pending[0].done():
                    yield from finished()
        yield from finished(wait=True)
    finally:
        if fast is not None:
            fast.store(net.params)  # also when the run is stopped or diverges
        pool.shutdown(wait=True, cancel_futures=True)
    iterations, train_accs, test_accs = (list(column) for column in zip(*history, strict=True))
    yield {
        "kind": "done",
        "net": net,
        "iterations": iters_num,
        "loss_list": loss_list,
        "eval_iterations": iterations,
        "train_acc_list": train_accs,
        "test_acc_list": test_accs,
        "train_acc": train_accs[-1],
        "test_acc": test_accs[-1],
        "seconds": time.perf_counter() - start,
    }


def _diverged(what, iteration, loss, learning_rate, reason):
    exc = Diverged(f"{what} at iteration {iteration}: the learning rate {learning_rate:g} is too large for "
                   f"this net; try {learning_rate / 10:g}")
    exc.iteration, exc.loss, exc.reason = iteration, loss, reason
    return exc


def run_to_end(events):
    """Drive a training generator to its end and return the "done" event (for tools and tests)."""
    last = None
    for event in events:
        last = event
    return last


# ------------------------------------------------------------------------------------------------------------
# The slow way (the book's chapter 4): numerical gradients, and the gradient check of chapter 5.
# ------------------------------------------------------------------------------------------------------------
PARAM_KEYS = ("W1", "b1", "W2", "b2")


def numerical_gradient_steps(net: TwoLayerNet, x, t, h=1e-4, report_every=1000):
    """The book's numerical gradient of net.loss(x, t), one weight at a time, as a generator.

        ∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h   for each of the net's weights w (put back afterwards)

    2 loss evaluations per weight: 79,520 for the book's 784-50-10 net. Yields
    {"kind": "progress", "done", "total"} every `report_every` weights, so it can show progress and be stopped;
    its return value (``grads = yield from ...``) is the dict of gradients, shaped like net.params.
    """
    total = sum(net.params[key].size for key in PARAM_KEYS)
    grads, done = {}, 0
    for key in PARAM_KEYS:
        w = net.params[key]
        grad = np.zeros_like(w)
        for idx in np.ndindex(w.shape):
            tmp = w[idx]
            w[idx] = tmp + h
            fxh1 = net.loss(x, t)
            w[idx] = tmp - h
            fxh2 = net.loss(x, t)
            w[idx] = tmp
            grad[idx] = (fxh1 - fxh2) / (2 * h)
            done += 1
            if done % report_every == 0:
                yield {"kind": "progress", "done": done, "total": total}
        grads[key] = grad
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
    work = net.copy()
    work.params = {key: value.astype(np.float64) for key, value in work.params.items()}
    work._build_layers()
    x = np.asarray(x, dtype=np.float64)
    start = time.perf_counter()
    backprop = work.gradient(x, t)
    backprop = {key: backprop[key].copy() for key in PARAM_KEYS}
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


def _tagged(events, **fields):
    """Re-yield a generator's events with `fields` added; return what it returns."""
    while True:
        try:
            event = next(events)
        except StopIteration as stop:
            return stop.value
        yield {**event, **fields}


def train_two_layer_numerical(net: TwoLayerNet, x_train, t_train, x_test, t_test, iters_num=10, batch_size=10,
                              learning_rate=0.1, seed=None, report_every=1000):
    """The book's chapter 4 loop with network.numerical_gradient instead of backprop: the slow way.

    Same events as train_two_layer (step, epoch before training and at the end, done), plus the "progress"
    events of numerical_gradient_steps inside each step (with "iteration" and "total_iterations"). Meant for
    a handful of small mini-batches: one gradient of the 784-50-10 net takes 79,520 loss evaluations.
    """
    x_train = np.asarray(x_train, dtype=np.float64)
    t_train, t_test = _as_labels(t_train), _as_labels(t_test)
    if iters_num < 0 or batch_size < 1 or not learning_rate > 0:
        raise ValueError("iterations must be ≥ 0, the batch size ≥ 1 and the learning rate > 0")
    rng = np.random.default_rng(seed)
    loss_list, history = [], []
    start = time.perf_counter()

    def evaluate(iteration):
        event = {"kind": "epoch", "iteration": iteration, "epoch": iteration * batch_size / len(x_train),
                 "train_acc": evaluate_accuracy(net, x_train, t_train),
                 "test_acc": evaluate_accuracy(net, x_test, t_test), "net": net.copy()}
        history.append((iteration, event["train_acc"], event["test_acc"]))
        return event

    yield evaluate(0)
    for i in range(iters_num):
        batch_mask = rng.integers(0, len(x_train), size=batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        loss = net.loss(x_batch, t_batch)
        grads = yield from _tagged(numerical_gradient_steps(net, x_batch, t_batch, report_every=report_every),
                                   iteration=i + 1, total_iterations=iters_num)
        for key in PARAM_KEYS:
            net.params[key] -= learning_rate * grads[key]
        if not math.isfinite(loss):
            raise _diverged(f"the loss became {loss}", i + 1, loss, learning_rate, "nan")
        loss_list.append(loss)
        yield {"kind": "step", "iteration": i + 1, "total": iters_num, "loss": float(loss)}
    yield evaluate(iters_num)
    iterations, train_accs, test_accs = (list(column) for column in zip(*history, strict=True))
    yield {"kind": "done", "net": net, "iterations": iters_num, "loss_list": np.array(loss_list),
           "eval_iterations": iterations, "train_acc_list": train_accs, "test_acc_list": test_accs,
           "train_acc": train_accs[-1], "test_acc": test_accs[-1], "seconds": time.perf_counter() - start}


# ------------------------------------------------------------------------------------------------------------
# What the panel shows after (and during) a run.
# ------------------------------------------------------------------------------------------------------------
def smooth(values, window=100):
    """Trailing moving average: s_i = mean(values[max(0, i − window + 1) … i]) (the loss plot's smooth line)."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return values
    c = np.concatenate(([0.0], np.cumsum(values)))
    i = np.arange(1, values.size + 1)
    lo = np.maximum(0, i - window)
    return (c[i] - c[lo]) / (i - lo)


def confusion_matrix(net: TwoLayerNet, x, t, classes=10):
    """C[i, j] = how many images of class i the net classifies as j (rows: truth, columns: prediction)."""
    labels = _as_labels(t)
    predicted = net.predicted_labels(x)
    return np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def misclassified(net: TwoLayerNet, x, t, limit=None):
    """The images the net gets wrong, most confident mistakes first.

    Returns (indices, predicted, confidence): row numbers into x, the class chosen, and softmax(a2) of that
    class (how sure the net was).
    """
    from engine.functions import softmax

    labels = _as_labels(t)
    scores = np.concatenate([net.scores(x[i:i + 10000]) for i in range(0, len(x), 10000)])
    predicted = scores.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = softmax(scores[wrong]).max(axis=1) if wrong.size else np.zeros(0)
    order = np.argsort(-confidence, kind="stable")[:limit]
    return wrong[order], predicted[wrong][order], confidence[order]


def weight_images(W1, side=28):
    """First-layer weights as pictures: column j of W1 (one hidden unit's 784 weights) as a side×side image.

    Each picture is scaled by its own largest |w|: 0.5 + w / (2 max|w|), so 0 is mid-grey, positive
    weights are light and negative ones dark. Returns (hidden_size, side, side) floats in [0, 1].
    """
    W1 = np.asarray(W1, dtype=np.float64)
    images = W1.T.reshape(W1.shape[1], side, side)
    scale = np.abs(images).max(axis=(1, 2), keepdims=True)
    return 0.5 + images / (2 * np.where(scale > 0, scale, 1.0))


def model_report(net: TwoLayerNet, x_train, t_train, x_test, t_test, limit=200):
    """What the panel shows about a finished (or loaded) net, on the full sets.

    Returns {"train_acc", "test_acc" (fractions 0–1), "confusion" (confusion_matrix on the test set),
    "wrong" ((indices, predicted, confidence) of misclassified test images, at most `limit`), "test_size"}.
    """
    return {
        "train_acc": evaluate_accuracy(net, x_train, _as_labels(t_train)),
        "test_acc": evaluate_accuracy(net, x_test, _as_labels(t_test)),
        "confusion": confusion_matrix(net, x_test, t_test),
        "wrong": misclassified(net, x_test, t_test, limit=limit),
        "test_size": len(x_test),
    }


def parameter_count(input_size, hidden_size, output_size):
    """Weights and biases of the two-layer net: I·H + H + H·O + O (39,760 for 784-50-10)."""
    return input_size * hidden_size + hidden_size + hidden_size * output_size + output_size


def near_chance(accuracy, classes=10):
    """True when an accuracy is no better than about twice guessing (1/classes): the net learned nothing.

    With ReLU, a learning rate that is too large but not large enough to blow the loss up can switch every
    hidden neuron off for good (a1 < 0 for all inputs, so no gradient flows): the loss settles at log(10) ≈ 2.30.
    """
    return accuracy < 2.0 / classes
