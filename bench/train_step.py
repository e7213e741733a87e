"""One SGD iteration of the book's net (784-50-10, ReLU, batch 100): ours vs the textbook vs PyTorch.

    python bench/train_step.py [--data FOLDER] [--rounds 5] [--iters 1000]

An iteration is what each training loop does per step: draw a random mini-batch, gradient by backprop,
W ← W − η·∂L/∂W, record the loss.
  ours      engine.training.train_two_layer (float32; on load_mnist's images its PixelSteps path: the pixels that
            are 0 in the whole batch left out of both big products), timed between its step events (after its
            first accuracy measurement, which runs on a second thread, has finished)
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

from engine.networks import TwoLayerNet  # noqa: E402
from engine.training import blas_threads, train_two_layer  # noqa: E402

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
        variants[f"ours (float32, pixel steps), {threads} thread(s)"] = \
            lambda n, k=threads: time_ours(x_train, t_train, x_test, t_test, n, seed=0, threads=k)
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
    ours, ours_app = best("ours"), median["ours (float32, pixel steps), 1 thread(s)"]
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
        mine = median[f"ours (float32, pixel steps), {threads} thread(s)"]
        others = [("textbook", median[f"textbook, {threads} thread(s)"], 5.0)]
        if torch_run:
            others.append(("PyTorch", median[f"PyTorch, {threads} thread(s)"], 2.0))
        print(f"  {threads} thread(s): " + ", ".join(
            f"{value / mine:.2f}× faster than {name} ({'PASS' if value / mine >= bar else 'FAIL'})"
            for name, value, bar in others))
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
