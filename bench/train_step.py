"""One SGD iteration of the book's net (784-50-10, ReLU, batch 100): ours vs the textbook vs PyTorch, and what
each trick of engine.fast_step.FastStep buys.

    python bench/train_step.py [--data FOLDER] [--rounds 5] [--iters 1000]

An iteration is what each training loop does per step: draw a random mini-batch, gradient by backprop,
W ← W − η·∂L/∂W, record the loss.
  ours      engine.training.train_two_layer (float32; on load_mnist's images its FastStep), timed between its
            step events (after its first accuracy measurement, which runs on a second thread, has finished)
  FastStep  its steps alone; and without leaving out the pixels that are 0 in the whole batch (dense = all)
The tricks measured apart (µs per step, same rounds): assembling the batch from the uint8 copy vs from the float32
images (+ the copy's one-time cost per run), b1 folded into the product vs added and summed on its own, softmax /
loss / y − t on y as classes × N vs N × classes, xᵀ·δ1 by np.matmul vs np.dot on FastStep's view, and (once per
run) the preparation's exactness check by division vs by table look-up.
  textbook  the book's ch05 two_layer_net.py / layers.py / train_neuralnet.py as written (float64 weights,
            layer objects, one-hot labels, np.random.choice batches, the loss computed again after the update);
            also shown without that extra loss pass ("gradient + update only")
  PyTorch   nn.Sequential(Linear, ReLU, Linear), CrossEntropyLoss, optim.SGD, torch.randint batches (if installed)
All three run with 1 and with 2 threads and are credited with their faster setting (the app trains ours on one BLAS
thread, to keep a core for the GUI and the accuracy measurements: that figure is printed too).
Rounds are interleaved (each round times every variant once) so a change in the
machine's load hits all of them; the figures are the medians over rounds, and the ratios come from this one run.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections import OrderedDict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.blas import blas_threads  # noqa: E402
from engine.fast_step import FastStep  # noqa: E402
from engine.networks import TwoLayerNet  # noqa: E402
from engine.training import train_two_layer  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist"
BATCH, HIDDEN, LR = 100, 50, 0.1


# --------------------------------------------------------------------------------------------------
# The textbook implementation, as the book writes it (common/functions.py, common/layers.py, ch05).
# --------------------------------------------------------------------------------------------------
def softmax(x):
    if x.ndim == 2:
        x = x.T
        x = x - np.max(x, axis=0)
        y = np.exp(x) / np.sum(np.exp(x), axis=0)
        return y.T
    x = x - np.max(x)
    return np.exp(x) / np.sum(np.exp(x))


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


class BookTwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.lastLayer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W2'], grads['b2'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads


def book_iterations(network, x_train, t_train, n, with_loss=True):
    """n iterations of the book's train_neuralnet.py loop body."""
    train_size = x_train.shape[0]
    train_loss_list = []
    for _ in range(n):
        batch_mask = np.random.choice(train_size, BATCH)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= LR * grad[key]
        if with_loss:
            loss = network.loss(x_batch, t_batch)
            train_loss_list.append(loss)
    return train_loss_list


# --------------------------------------------------------------------------------------------------
# The variants, each timed as seconds per iteration over n iterations.
# --------------------------------------------------------------------------------------------------
def time_ours(x_train, t_train, x_test, t_test, n, seed, threads=1):
    """Seconds per step of train_two_layer, timed between its step events once the accuracy measured before
    training (on the second thread) is done, so that evaluation does not share the timed window."""
    net = TwoLayerNet(784, HIDDEN, 10, activation="relu", seed=seed, dtype=np.float32)
    events = train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=10 ** 6, batch_size=BATCH,
                             learning_rate=LR, seed=seed, eval_every=10 ** 9, threads=threads)
    start = first = None
    evaluated = False
    try:
        for event in events:
            if event["kind"] == "epoch":
                evaluated = True
            elif event["kind"] == "step" and start is None and evaluated:
                start, first = time.perf_counter(), event["iteration"]  # buffers exist since iteration 1
            elif event["kind"] == "step" and start is not None and event["iteration"] == first + n:
                return (time.perf_counter() - start) / n
    finally:
        events.close()
    raise RuntimeError("the run ended early")


def timed(n, threads, function, warm_up=5):
    """Seconds per call of function(i) over i = warm_up … warm_up + n − 1, on `threads` BLAS threads."""
    with blas_threads(threads):
        for i in range(warm_up):
            function(i)
        start = time.perf_counter()
        for i in range(warm_up, warm_up + n):
            function(i)
        return (time.perf_counter() - start) / n


def time_fast(x_train, t_train, n, threads, dense=None):
    """Seconds per FastStep.step (dense=None: leave out the pixels that are 0 in the whole batch)."""
    net = TwoLayerNet(784, HIDDEN, 10, activation="relu", seed=0, dtype=np.float32)
    fast = FastStep(net, x_train, t_train, BATCH, dense=dense if dense is None else dense(x_train))
    masks = np.random.default_rng(0).integers(0, len(x_train), size=(n + 5, BATCH))
    return timed(n, threads, lambda i: fast.step(masks[i], LR))


def time_preparation(x_train, t_train):
    """Seconds of FastStep's one-time work per run: the pixel order, the checked uint8 copy, the weights."""
    net = TwoLayerNet(784, HIDDEN, 10, seed=0, dtype=np.float32)
    start = time.perf_counter()
    FastStep(net, x_train, t_train, BATCH)
    return time.perf_counter() - start


def gather_variants(x_train, t_train, n):
    """(uint8, float32): seconds per batch assembled as FastStep does it — the rows of the uint8 copy — and the
    same x built from the float32 images instead (rows, then the pixel order: what the copy saves)."""
    net = TwoLayerNet(784, HIDDEN, 10, seed=0, dtype=np.float32)
    fast = FastStep(net, x_train, t_train, BATCH)
    masks = np.random.default_rng(1).integers(0, len(x_train), size=(n + 5, BATCH))
    rows = np.empty((BATCH, x_train.shape[1]), np.float32)
    dense_columns, sparse_columns = fast.order[:fast.dense], fast.order[fast.dense:]

    def from_float32(i):
        np.take(x_train, masks[i], axis=0, out=rows)
        np.take(rows, dense_columns, axis=1, out=fast.x[:, 1:1 + fast.dense])
        sparse = rows[:, sparse_columns]
        used = sparse_columns[sparse.max(axis=0) > 0]
        fast.x[:, 1 + fast.dense:1 + fast.dense + len(used)] = rows[:, used] * 255

    return timed(n, 1, lambda i: fast._gather(masks[i])), timed(n, 1, from_float32)


def bias_variants(n):
    """(folded, apart): seconds per step of the first layer's bias work — b1 as one more row of the product
    against a constant column (FastStep), or a1 += b1, db1 = Σ_n δ1, b1 ← b1 − db1 on their own."""
    rng = np.random.default_rng(2)
    x, W = rng.random((BATCH, 516), dtype=np.float32), rng.random((516, HIDDEN), dtype=np.float32)
    d1, a1, gW = rng.random((BATCH, HIDDEN), dtype=np.float32), np.empty((BATCH, HIDDEN), np.float32), \
        np.empty((516, HIDDEN), np.float32)
    b1, db1 = np.zeros(HIDDEN, np.float32), np.empty(HIDDEN, np.float32)

    def folded(i):
        np.matmul(x, W, out=a1)
        np.matmul(x.T, d1, out=gW)

    def apart(i):
        np.matmul(x[:, 1:], W[1:], out=a1)
        np.add(a1, b1, out=a1)
        np.matmul(x[:, 1:].T, d1, out=gW[1:])
        np.add.reduce(d1, axis=0, out=db1)
        np.subtract(b1, db1, out=b1)

    return timed(n, 1, folded), timed(n, 1, apart)


def output_variants(x_train, t_train, n):
    """(classes × N, N × classes): seconds per step of softmax, the loss and y − t — on y transposed, as FastStep
    keeps it (the sums over the 10 classes run along rows of N), or on y as N × classes (rows of 10)."""
    rng = np.random.default_rng(3)
    a2, labels = rng.standard_normal((BATCH, 10), dtype=np.float32), t_train.astype(np.uint8)
    masks = rng.integers(0, len(x_train), size=(n + 5, BATCH))
    yT, y, col, row, t, n_range = a2.T.copy(), a2.copy(), np.empty(BATCH, np.float32), \
        np.empty((BATCH, 1), np.float32), np.empty(BATCH, np.uint8), np.arange(BATCH)

    def softmax_loss(y, axis, out, picks):
        np.maximum.reduce(y, axis=axis, keepdims=axis == 1, out=out)
        np.subtract(y, out, out=y)
        np.exp(y, out=y)
        np.add.reduce(y, axis=axis, keepdims=axis == 1, out=out)
        np.divide(y, out, out=y)
        y_t = y[picks]
        y[picks] = y_t - 1
        return -float(np.add.reduce(np.log(y_t + 1e-7))) / BATCH

    def transposed(i):
        np.copyto(yT, a2.T)
        return softmax_loss(yT, 0, col, (np.take(labels, masks[i], out=t), n_range))

    def plain(i):
        np.copyto(y, a2)
        return softmax_loss(y, 1, row, (n_range, np.take(labels, masks[i], out=t)))

    return timed(n, 1, transposed), timed(n, 1, plain)


def product_variants(x_train, t_train, n):
    """(np.matmul, np.dot): seconds of FastStep's xᵀ·δ1 on its view x[:, :k] (the batch's columns of a wider
    buffer) — np.dot copies that transposed view before calling BLAS, np.matmul passes it as it is."""
    fast = FastStep(TwoLayerNet(784, HIDDEN, 10, seed=0, dtype=np.float32), x_train, t_train, BATCH)
    k = fast._gather(np.random.default_rng(4).integers(0, len(x_train), BATCH))
    x, gW, d1 = fast.x[:, :k], fast.gW[:k], np.random.default_rng(5).random((BATCH, HIDDEN), dtype=np.float32)
    return timed(n, 1, lambda i: np.matmul(x.T, d1, out=gW)), timed(n, 1, lambda i: np.dot(x.T, d1, out=gW))


def check_variants(x_train):
    """(division, table): seconds of pixel_levels' exactness check x == float32(k) / 255 over all training
    images, by dividing (FastStep) or by looking k up in the table of the 256 values (k given)."""
    k8 = np.rint(x_train * np.float32(255)).astype(np.uint8)
    table = np.arange(256, dtype=np.float32) / np.float32(255)
    start = time.perf_counter()
    assert np.array_equal(np.divide(k8, np.float32(255), dtype=np.float32), x_train)
    middle = time.perf_counter()
    assert np.array_equal(np.take(table, k8), x_train)
    return middle - start, time.perf_counter() - middle


def time_book(x_book, t_book_one_hot, n, threads, with_loss):
    network = BookTwoLayerNet(784, HIDDEN, 10)
    with blas_threads(threads):
        book_iterations(network, x_book, t_book_one_hot, 5, with_loss)
        start = time.perf_counter()
        book_iterations(network, x_book, t_book_one_hot, n, with_loss)
        return (time.perf_counter() - start) / n


def make_torch(x_train, t_train):
    try:
        import torch
    except ImportError:
        return None
    X = torch.from_numpy(np.ascontiguousarray(x_train, dtype=np.float32))
    T = torch.from_numpy(t_train.astype(np.int64))

    def run(n, threads):
        torch.set_num_threads(threads)
        model = torch.nn.Sequential(torch.nn.Linear(784, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, 10))
        optimizer = torch.optim.SGD(model.parameters(), lr=LR)
        loss_fn = torch.nn.CrossEntropyLoss()
        losses = []

        def iterations(k):
            for _ in range(k):
                idx = torch.randint(0, X.shape[0], (BATCH,))
                x_batch, t_batch = X[idx], T[idx]
                loss = loss_fn(model(x_batch), t_batch)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                losses.append(loss.item())

        iterations(5)
        start = time.perf_counter()
        iterations(n)
        return (time.perf_counter() - start) / n

    return run, torch.__version__


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the four MNIST IDX files")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iters", type=int, default=1000, help="iterations per variant per round")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        sys.exit(f"MNIST not found at {args.data} (give --data FOLDER)")
    from engine.data.datasets import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(args.data, normalize=True, flatten=True)
    (x_book, t_book), _ = load_mnist(args.data, normalize=True, flatten=True, one_hot_label=True)
    torch_run = make_torch(x_train, t_train)

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}, NumPy {np.__version__}"
          + (f", PyTorch {torch_run[1]}" if torch_run else ", PyTorch not installed"))
    print(f"784-{HIDDEN}-10 ReLU, batch {BATCH}, lr {LR}; {args.rounds} interleaved rounds × {args.iters} "
          "iterations per variant\n")
    variants = {}
    for threads in (1, 2):
        variants[f"ours (float32, FastStep), {threads} thread(s)"] = \
            lambda n, k=threads: time_ours(x_train, t_train, x_test, t_test, n, seed=0, threads=k)
        variants[f"FastStep steps alone, {threads} thread(s)"] = \
            lambda n, k=threads: time_fast(x_train, t_train, n, k)
        variants[f"FastStep with every pixel (none left out), {threads} thread(s)"] = \
            lambda n, k=threads: time_fast(x_train, t_train, n, k, dense=lambda x: np.count_nonzero(x.any(axis=0)))
    variants["trick: batch from the uint8 copy (FastStep)"] = lambda n: gather_variants(x_train, t_train, n)[0]
    variants["trick: the same batch from the float32 images"] = lambda n: gather_variants(x_train, t_train, n)[1]
    variants["trick: b1 folded into the products (FastStep)"] = lambda n: bias_variants(n)[0]
    variants["trick: b1 added and summed apart"] = lambda n: bias_variants(n)[1]
    variants["trick: softmax, loss and y − t on y as classes × N (FastStep)"] = \
        lambda n: output_variants(x_train, t_train, n)[0]
    variants["trick: the same on y as N × classes"] = lambda n: output_variants(x_train, t_train, n)[1]
    variants["trick: xᵀ·δ1 by np.matmul on the view (FastStep)"] = \
        lambda n: product_variants(x_train, t_train, n)[0]
    variants["trick: xᵀ·δ1 by np.dot on the view"] = lambda n: product_variants(x_train, t_train, n)[1]
    variants["FastStep's preparation per run (µs once, not per step)"] = \
        lambda n: time_preparation(x_train, t_train)
    variants["trick: preparation's exactness check by division (FastStep; µs once)"] = \
        lambda n: check_variants(x_train)[0]
    variants["trick: the same check by table look-up (µs once)"] = lambda n: check_variants(x_train)[1]
    for threads in (1, 2):
        variants[f"textbook, {threads} thread(s)"] = lambda n, k=threads: time_book(x_book, t_book, n, k, True)
        variants[f"textbook gradient + update only, {threads} thread(s)"] = \
            lambda n, k=threads: time_book(x_book, t_book, n, k, False)
    if torch_run:
        for threads in (1, 2):
            variants[f"PyTorch, {threads} thread(s)"] = lambda n, k=threads: torch_run[0](n, k)
    times = {name: [] for name in variants}
    np.random.seed(0)
    for _ in range(args.rounds):
        for name, run in variants.items():
            times[name].append(run(args.iters))
    median = {name: statistics.median(values) for name, values in times.items()}
    width = max(map(len, median))
    for name, value in median.items():
        spread = f"(min {min(times[name]) * 1e6:.0f}, max {max(times[name]) * 1e6:.0f})"
        print(f"{name:<{width}}  {value * 1e6:8.1f} µs / iteration  {spread}")

    best = lambda prefix: min(v for k, v in median.items() if k.startswith(prefix))  # noqa: E731
    ours, ours_app = best("ours"), median["ours (float32, FastStep), 1 thread(s)"]
    print()
    rows = [("textbook (book's loop, best threads)", best("textbook,"), 5.0),
            ("textbook gradient + update only (best threads)", best("textbook gradient"), None)]
    if torch_run:
        rows.append(("PyTorch CPU (best threads)", best("PyTorch"), 2.0))
    for name, value, bar in rows:
        verdict = "" if bar is None else (f"  bar ≥ {bar:g}×: " + ("PASS" if value / ours >= bar else "FAIL"))
        print(f"ours is {value / ours:5.2f}× faster than {name}{verdict}   "
              f"(on the app's 1 thread: {value / ours_app:.2f}×)")
    print("\nat equal threads (each variant on the same number of BLAS threads):")
    for threads in (1, 2):
        mine = median[f"ours (float32, FastStep), {threads} thread(s)"]
        others = [("textbook", median[f"textbook, {threads} thread(s)"], 5.0)]
        if torch_run:
            others.append(("PyTorch", median[f"PyTorch, {threads} thread(s)"], 2.0))
        print(f"  {threads} thread(s): " + ", ".join(
            f"{value / mine:.2f}× faster than {name} ({'PASS' if value / mine >= bar else 'FAIL'})"
            for name, value, bar in others))
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
