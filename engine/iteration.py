"""One SGD iteration of the two-layer net, taken apart (CURRICULUM §4b): the mini-batch drawn, its loss, the
gradient, the update, and the loss after it — on the batch and on the whole training set.

    stepper = Stepper(net, x_train, t_train, batch_size=100, learning_rate=0.1, seed=0, iters_num=10_000,
                      full=FullSetLoss(x_train, t_train))
    parts = stepper.step()          # iteration 1 of the run train_two_layer(net, …, seed=0) would make
    train_two_layer(net, …, resume=stepper)   # goes on from there: iteration k as in a run from scratch

The run's own pieces (MiniBatches: which images each iteration draws; book_step: the book's step) live here and
train_two_layer uses them, so a stepped iteration IS that iteration of the run.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from engine.fast_step import FastStep
from engine.functions import DELTA, as_labels
from engine.networks import ACTIVATIONS, PARAM_KEYS

BLOCK_ROWS = 64  # images per block of FullSetLoss's pass
CHUNK = 1000  # iterations whose mini-batches are drawn in one call


def book_step(net, x_batch, t_batch, learning_rate):
    """The book's step (train_neuralnet.py): grad = net.gradient(x_batch, t_batch); W ← W − η·grad[W] for W1,
    b1, W2, b2. Returns (L, grad): the mini-batch loss before the step (with its L2 term when the net has a λ)
    and the gradients (shaped like params)."""
    grads = net.gradient(x_batch, t_batch)
    loss = float(net.last_layer.loss) + net.weight_decay(len(x_batch))
    for key in PARAM_KEYS:
        net.params[key] -= learning_rate * grads[key]
    return loss, grads


class MiniBatches:
    """Which training images each iteration of a run draws: rows(i), the book's
    np.random.choice(train_size, batch_size) (with replacement), taken from one np.random.default_rng(seed)
    CHUNK iterations at a time (fewer when the run is shorter) — so rows(i) depends on the seed, the sizes and
    the run's length, and any consumer asking in order gets exactly what train_two_layer trains on."""

    def __init__(self, seed, train_size, batch_size, iters_num):
        self.rng = np.random.default_rng(seed)
        self.train_size, self.batch_size = int(train_size), int(batch_size)
        self.chunk = max(1, min(CHUNK, int(iters_num)))
        self.first, self.masks = 0, None  # masks: the rows of iterations first … first + chunk − 1

    def rows(self, i):
        """The rows of iteration i (0-based); i never goes back below the current chunk."""
        if i < self.first:
            raise ValueError("a run's mini-batches are drawn in order")
        while self.masks is None or i >= self.first + self.chunk:
            if self.masks is not None:
                self.first += self.chunk
            self.masks = self.rng.integers(0, self.train_size, size=(self.chunk, self.batch_size))
        return self.masks[i - self.first]


def _ink_map(x):
    """A coarse picture of where each image has ink (a pixel > 0): 4×4 cells of a square image (7×7 for MNIST),
    else the pixels themselves — what the blocks of FullSetLoss are sorted by (only their speed depends on it)."""
    n, side = len(x), int(round(x.shape[1] ** 0.5))
    if side * side != x.shape[1] or side % 4:
        return x > 0
    cells = side // 4
    rows = x.reshape(n * cells, 4, side).max(axis=1)  # each band of 4 pixel rows, then each 4 columns of it
    return rows.reshape(n * cells * cells, 4).max(axis=1).reshape(n, cells * cells) > 0


def _split(rows, features, size, out):
    """A k-d tree's leaves: halve `rows` along the feature that varies most among them until ≤ size remain."""
    if len(rows) <= size:
        out.append(rows)
        return
    sub = features[rows]
    order = rows[np.argsort(sub[:, int(np.argmax(sub.var(axis=0)))], kind="stable")]
    half = len(order) // 2
    _split(order[:half], features, size, out)
    _split(order[half:], features, size, out)


class FullSetLoss:
    """L = −1/M Σ_m log(y[m, t_m] + 1e-7), the book's cross_entropy_error of a net over a whole set (all M = 60,000
    training images of MNIST), in the images' dtype (float32 for load_mnist's: agrees with net.loss to float32
    rounding), fast enough to show after every step:

      * a1 = x·W1 is nearly all the cost (60,000·784·50 multiply-adds: 76 ms on one core here), and a pixel that
        is 0 adds nothing to it. So the images are sorted once into blocks of BLOCK_ROWS alike ones (the same
        digit, then halved again and again along the cell of their 7×7 ink map that varies most: a k-d tree) and
        each block keeps only the pixels that are non-zero in one of its images: 40 % of MNIST's products
        remain (the order of the images changes only the order of the sum);
      * the value is kept with the activation and a copy of the weights it belongs to: the loss after one step
        is the next's before.
    A net with an L2 λ adds its λ/2M·ΣW² (net.weight_decay(M)), as net.loss does.
    """

    def __init__(self, x, t, threads=2):
        self.x, self.labels, self.threads = np.asarray(x), as_labels(t), int(threads)
        self._a1 = None  # the hidden layer of every image, reused
        self.blocks = None  # [(first row, end row, pixels kept, the block's images on those pixels)]
        self.sorted_labels = None
        self._params, self._kind, self._value = None, None, None  # the weights and (activation, λ) of _value

    def prepare_steps(self):
        """Sort the images into blocks (about 0.5 s for MNIST), yielding None every few ms of it; once."""
        if self.blocks is not None:
            return
        x, features, groups = self.x, [], []
        for i in range(0, len(x), 10_000):
            features.append(_ink_map(x[i:i + 10_000]).astype(np.float32))
            yield
        features = np.concatenate(features) if features else np.zeros((0, 1), np.float32)
        for label in np.unique(self.labels):
            _split(np.flatnonzero(self.labels == label), features, BLOCK_ROWS, groups)
            yield
        blocks, start = [], 0
        for n, rows in enumerate(groups):
            images = x[rows]
            pixels = np.flatnonzero((images != 0).any(axis=0))
            blocks.append((start, start + len(rows), pixels, np.ascontiguousarray(images[:, pixels])))
            start += len(rows)
            if n % 200 == 199:
                yield
        self.sorted_labels = self.labels[np.concatenate(groups)] if groups else self.labels[:0]
        self.blocks = blocks

    def loss(self, net):
        """The net's loss on the whole set (its value for these weights if it was computed last)."""
        params, kind = [net.params[key] for key in PARAM_KEYS], (net.activation, net.weight_decay_lambda)
        if self._params is not None and self._kind == kind and all(
                a.shape == b.shape and np.array_equal(a, b) for a, b in zip(params, self._params, strict=True)):
            return self._value
        for _ in self.prepare_steps():
            pass
        weights = [np.asarray(p, dtype=self.x.dtype) for p in params]
        m, parts = len(self.sorted_labels), max(1, min(self.threads, len(self.blocks)))
        if self._a1 is None or self._a1.shape != (m, weights[0].shape[1]):
            self._a1 = np.empty((m, weights[0].shape[1]), self.x.dtype)
        cut = [len(self.blocks) * i // parts for i in range(parts + 1)]
        work = [self.blocks[cut[i]:cut[i + 1]] for i in range(parts)]
        if parts == 1:
            total = self._part(work[0], weights, net.activation)
        else:  # the other parts on threads (NumPy lets go of the GIL in the products), this one here
            with ThreadPoolExecutor(parts - 1) as pool:
                others = [pool.submit(self._part, blocks, weights, net.activation) for blocks in work[1:]]
                total = self._part(work[0], weights, net.activation) + sum(f.result() for f in others)
        self._value = total / max(m, 1) + net.weight_decay(max(m, 1))
        self._params, self._kind = [p.copy() for p in params], kind
        return self._value

    def _part(self, blocks, weights, activation):
        """Σ −log(y[m, t_m] + 1e-7) over the images of consecutive `blocks` (into their rows of the buffer a1)."""
        if not blocks:
            return 0.0
        W1, b1, W2, b2 = weights
        first, end = blocks[0][0], blocks[-1][1]
        a1, w = self._a1[first:end], np.empty_like(W1)
        for start, stop, pixels, images in blocks:
            k = len(pixels)
            np.take(W1, pixels, axis=0, out=w[:k], mode="clip")  # valid indices: no bounds check
            np.matmul(images, w[:k], out=a1[start - first:stop - first])
        a1 += b1
        if activation == "relu":
            np.maximum(a1, 0, out=a1)
        elif activation == "sigmoid":  # σ(a) = ½ tanh(a/2) + ½, in place (never overflows)
            a1 *= 0.5
            np.tanh(a1, out=a1)
            a1 *= 0.5
            a1 += 0.5
        elif activation != "identity":
            a1 = ACTIVATIONS[activation][1](a1)
        a2 = a1 @ W2
        a2 += b2
        a2 -= a2.max(axis=1, keepdims=True)
        np.exp(a2, out=a2)
        y_t = a2[np.arange(end - first), self.sorted_labels[first:end]] / a2.sum(axis=1)
        return float(-np.log(y_t + DELTA).sum(dtype=np.float64))


def sgd_iteration(net, x, t, rows, learning_rate, fast=None, full=None):
    """One iteration of train_neuralnet.py on the training images `rows`, with every part kept for display:

        x_batch, t_batch = x[rows], t[rows]
        y = softmax(a2) of each image, L = −1/N Σ_n log(y[n, t_n] + 1e-7)     (forward)
        grad = ∂L/∂W for W1, b1, W2, b2                                      (backprop: net.gradient)
        W ← W − η·grad[W]                                                    (SGD: book_step)
        then L again on the same batch, and on the whole set `full` before and after

    Returns {"rows", "labels" (t_batch), "predicted" (argmax y, before the update), "probability" (y[n, t_n]),
    "sample_loss" (−log(y[n, t_n] + 1e-7)), "loss" (L as the run logs it), "grads", "grad_norm" (‖∂L/∂W‖ per
    layer), "update" (W after − W before), "update_norm", "loss_after" (the same batch), "full_before",
    "full_after" (None without `full`, a FullSetLoss)}.
    With `fast` (the run's FastStep) the update is FastStep's — the same step, fused — so the weights are exactly
    a run's (net.params are brought up to date); "grads" are then the book's backprop of the same batch, equal
    to what FastStep applies to float32 rounding, and "loss" is FastStep's.
    """
    t = as_labels(t)
    x_batch, t_batch = x[rows], t[rows]
    before = {key: net.params[key].copy() for key in PARAM_KEYS}
    full_before = None if full is None else full.loss(net)
    if fast is None:
        loss, grads = book_step(net, x_batch, t_batch, learning_rate)
        y = net.last_layer.y
    else:
        grads = net.gradient(x_batch, t_batch)
        y = net.last_layer.y
        loss = fast.step(rows, learning_rate)
        fast.store()
    probability = y[np.arange(len(rows)), t_batch]
    update = {key: net.params[key] - before[key] for key in PARAM_KEYS}
    return {
        "rows": np.array(rows), "labels": t_batch, "predicted": y.argmax(axis=1), "probability": probability,
        "sample_loss": -np.log(probability + DELTA), "loss": loss, "grads": grads,
        "grad_norm": {key: float(np.linalg.norm(grads[key])) for key in PARAM_KEYS}, "update": update,
        "update_norm": {key: float(np.linalg.norm(update[key])) for key in PARAM_KEYS},
        "loss_after": float(net.loss(x_batch, t_batch)),
        "full_before": full_before, "full_after": None if full is None else full.loss(net),
    }


class Stepper:
    """train_two_layer's run taken one iteration at a time: step() draws the run's next mini-batch (MiniBatches),
    trains on it as the run would (its FastStep for a float32 net on pixel levels, else book_step) and returns
    sgd_iteration's parts with "iteration" (1-based). train_two_layer(net, …, resume=stepper) goes on from there.
    `full`: a FullSetLoss for "full_before" / "full_after" (None: left out).
    """

    def __init__(self, net, x_train, t_train, batch_size=100, learning_rate=0.1, seed=None, iters_num=10000,
                 full=None):
        if batch_size < 1 or not learning_rate > 0 or iters_num < 1:
            raise ValueError("the batch size and the iterations must be ≥ 1 and the learning rate > 0")
        self.net, self.full = net, full
        self.x = np.ascontiguousarray(x_train, dtype=net.params["W1"].dtype)  # as train_two_layer takes it
        self.labels = as_labels(t_train)
        self.batch_size, self.learning_rate, self.iters_num = int(batch_size), learning_rate, int(iters_num)
        self.batches = MiniBatches(seed, len(self.x), batch_size, iters_num)
        self.fast, self._prepared = None, False
        self.iteration, self.losses = 0, []  # iterations taken, and their mini-batch losses

    @property
    def done(self) -> bool:
        return self.iteration >= self.iters_num

    def prepare(self):
        """The run's FastStep (about 0.1 s for MNIST; None where the book's path trains), made once."""
        if not self._prepared:
            self.fast = FastStep.for_run(self.net, self.x, self.labels, self.batch_size)
            self._prepared = True

    def step(self) -> dict:
        if self.done:
            raise ValueError(f"the run's {self.iters_num} iterations are done")
        self.prepare()
        rows = self.batches.rows(self.iteration)
        parts = sgd_iteration(self.net, self.x, self.labels, rows, self.learning_rate, self.fast, self.full)
        self.iteration += 1
        self.losses.append(parts["loss"])
        parts["iteration"] = self.iteration
        return parts

    def hand_over(self, net, loss_list, batch_size, learning_rate):
        """For train_two_layer(resume=self): the losses so far written into loss_list (the run's, iters_num long),
        and (mini-batches, fast step, iterations done). Raises ValueError for another net or other settings."""
        if (net is not self.net or batch_size != self.batch_size or learning_rate != self.learning_rate
                or len(loss_list) != self.iters_num):
            raise ValueError("a stepped run goes on only with its own net, batch size, η and iterations")
        self.prepare()
        loss_list[:self.iteration] = self.losses
        return self.batches, self.fast, self.iteration
