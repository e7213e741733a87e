"""One SGD iteration of the book's net taken apart (engine.iteration.Stepper), as the MNIST panel's Step does it:
784-50-10, batch 100, η = 0.1, with the loss on all 60,000 training images before and after. Prints the median
and 90th percentile of `--iterations` steps (the bar: ≤ 60 ms) and what the parts cost, on one BLAS thread as
the app runs it. Reads MNIST from ../shared/data/mnist (or --mnist); says so and exits when it is absent.

    python bench/sgd_iteration.py [--iterations 30] [--activation sigmoid|relu] [--mnist DIR]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.blas import blas_threads  # noqa: E402
from engine.data.datasets import load_mnist  # noqa: E402
from engine.iteration import FullSetLoss, Stepper  # noqa: E402
from engine.networks import TwoLayerNet  # noqa: E402


def ms(values):
    values = np.asarray(values) * 1e3
    return f"median {np.median(values):6.1f} ms · p90 {np.percentile(values, 90):6.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--activation", choices=("sigmoid", "relu"), default="sigmoid")
    parser.add_argument("--mnist", type=Path, default=ROOT.parent / "shared" / "data" / "mnist")
    args = parser.parse_args()
    if not (args.mnist / "train-images-idx3-ubyte.gz").exists():
        print(f"MNIST not found at {args.mnist}: nothing measured")
        return
    (x_train, t_train), _ = load_mnist(args.mnist)
    net = TwoLayerNet(784, 50, 10, activation=args.activation, seed=0, dtype=np.float32)
    full = FullSetLoss(x_train, t_train)
    with blas_threads(1):
        start = time.perf_counter()
        for _ in full.prepare_steps():
            pass
        sort_s = time.perf_counter() - start
        stepper = Stepper(net, x_train, t_train, 100, 0.1, seed=0, iters_num=10_000, full=full)
        start = time.perf_counter()
        stepper.prepare()
        prepare_s = time.perf_counter() - start
        start = time.perf_counter()
        first = stepper.step()  # computes the loss before the first step too (no cached value yet)
        first_s = time.perf_counter() - start
        steps, passes = [], []
        for _ in range(args.iterations):
            start = time.perf_counter()
            parts = stepper.step()
            steps.append(time.perf_counter() - start)
        for _ in range(10):
            full._params = None  # forget the kept value: time one pass over the 60,000 images
            start = time.perf_counter()
            full.loss(net)
            passes.append(time.perf_counter() - start)
        dense = []
        for _ in range(5):  # for comparison: the plain product x·W1 of the whole set, on the same thread count
            start = time.perf_counter()
            x_train @ net.params["W1"]
            dense.append(time.perf_counter() - start)
        check = net.loss(x_train, t_train)
    kept = sum(images.size for *_, images in full.blocks) / x_train.size
    print(f"784-50-10 {args.activation}, batch 100, η = 0.1, one BLAS thread; MNIST's 60,000 training images")
    print(f"once per data set: blocks of alike images   {sort_s * 1e3:7.0f} ms ({len(full.blocks)} blocks, "
          f"{kept:.0%} of the pixel products kept)")
    print(f"once per run:      FastStep's preparation   {prepare_s * 1e3:7.0f} ms")
    print(f"first step (two full-set passes)            {first_s * 1e3:7.0f} ms")
    print(f"one step inspected, {args.iterations} steps:            {ms(steps)}   (bar: ≤ 60 ms)")
    print(f"  of which one full-set loss pass:          {ms(passes)}")
    print(f"  (the plain x·W1 alone, one thread:        {ms(dense)})")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"full-set loss after {stepper.iteration} steps: {parts['full_after']:.6f} (float32 blocks) vs "
          f"{check:.6f} (net.loss, float32); first step's batch loss {first['loss']:.6f}")


if __name__ == "__main__":
    main()
