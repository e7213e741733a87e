"""The book's whole MNIST run with our engine: wall time and final accuracies.

    python bench/train_book_run.py [--data FOLDER] [--activation relu|sigmoid|both] [--dtype float32|float64]
                                   [--seed 0]

train_neuralnet.py's configuration: 784-50-10, weights N(0, 0.01²), learning rate 0.1, mini-batches of 100 drawn
at random, 10,000 iterations (16.7 epochs), train and test accuracy on the full sets (60,000 / 10,000 images)
once per epoch (before training, every 600 iterations and after the last). Timed from the first iteration to
the last evaluation, as engine.training.train_two_layer runs it in the app (data loading is timed apart).
Bars (DESIGN.md / the issue): ReLU test accuracy ≥ 0.965 (the book: train 0.978, test 0.970); the run ≤ 5 s.
Sigmoid (the chapter 4 net) is expected near train 0.948 / test 0.946.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.networks import TwoLayerNet  # noqa: E402
from engine.training import train_two_layer  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist"
EXPECTED = {"relu": (0.978, 0.970), "sigmoid": (0.948, 0.946)}  # the book's (train, test) at the end
TEST_BAR, SECONDS_BAR = 0.965, 5.0


def book_run(data, activation, dtype, seed):
    """Run the book's loop; print the book's per-epoch line; return the "done" event and the wall time."""
    (x_train, t_train), (x_test, t_test) = data
    net = TwoLayerNet(784, 50, 10, weight_init_std=0.01, activation=activation, seed=seed, dtype=dtype)
    start = time.perf_counter()
    done = None
    for event in train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=10_000, batch_size=100,
                                 learning_rate=0.1, seed=seed):
        if event["kind"] == "epoch":
            print(f"  iteration {event['iteration']:>6,}  epoch {event['epoch']:5.2f}   "
                  f"train acc, test acc | {event['train_acc']:.4f}, {event['test_acc']:.4f}")
        elif event["kind"] == "done":
            done = event
    return done, time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the four MNIST IDX files")
    parser.add_argument("--activation", default="both", choices=["relu", "sigmoid", "both"])
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        sys.exit(f"MNIST not found at {args.data} (give --data FOLDER)")
    from engine.data.datasets import load_mnist

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}, NumPy {np.__version__}")
    t0 = time.perf_counter()
    data = load_mnist(args.data)
    print(f"MNIST loaded in {time.perf_counter() - t0:.2f} s (not part of the run)\n")
    activations = ["relu", "sigmoid"] if args.activation == "both" else [args.activation]
    results = []
    for activation in activations:
        print(f"{activation}, {args.dtype}, seed {args.seed}: 784-50-10, lr 0.1, batch 100, 10,000 iterations")
        done, seconds = book_run(data, activation, np.dtype(args.dtype), args.seed)
        results.append((activation, done, seconds))
        print()
    print("summary")
    for activation, done, seconds in results:
        book_train, book_test = EXPECTED[activation]
        line = (f"  {activation:<8} train {done['train_acc']:.4f} test {done['test_acc']:.4f} "
                f"(book {book_train:.3f} / {book_test:.3f})  wall time {seconds:.2f} s "
                f"({10_000 / seconds:,.0f} it/s incl. 18 evaluations)")
        if activation == "relu":
            line += (f"\n           bar test ≥ {TEST_BAR}: {'PASS' if done['test_acc'] >= TEST_BAR else 'FAIL'};"
                     f" bar ≤ {SECONDS_BAR:g} s: {'PASS' if seconds <= SECONDS_BAR else 'FAIL'}")
        print(line)
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
