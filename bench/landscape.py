"""The loss landscape's cost: engine.landscape.loss_surface against brute force, in one run.

    python bench/landscape.py [--data ../shared/data/mnist] [--grid 41] [--sample 24] [--set test|train]

Trains the book's 784-50-10 net (ReLU and sigmoid, 2,000 iterations, snapshots every 100), takes the plane of its
path (the first two principal components) and computes the grid × grid surface on the chosen set. Brute force is
1,681 separate loss evaluations (TwoLayerNet.loss in float64 at θ + α·d1 + β·d2): it is timed on `--sample`
random grid points and scaled to the whole grid. Printed: the surface's time, the brute force's estimate, their
ratio (bar: ≤ 0.15×), the largest difference at the sampled points (bar: float32 tolerance), and the time of a
41×41 surface on the 10,000 test images (bar: ≤ 5 s).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine import landscape  # noqa: E402
from engine.blas import blas_threads  # noqa: E402
from engine.data.datasets import load_mnist  # noqa: E402
from engine.networks import TwoLayerNet  # noqa: E402


def trained_path(x_train, t_train, activation: str, iters=2000, every=100, seed=0):
    """The book's net trained with plain SGD (batch 100, η 0.1), and its params every `every` iterations."""
    net = TwoLayerNet(784, 50, 10, activation=activation, seed=seed)
    rng = np.random.default_rng(seed)
    snapshots = []
    for i in range(iters):
        if i % every == 0:
            snapshots.append({k: v.copy() for k, v in net.params.items()})
        batch = rng.choice(len(x_train), 100)
        grads = net.gradient(x_train[batch], t_train[batch])
        for key in grads:
            net.params[key] -= 0.1 * grads[key]
    return net, snapshots


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "mnist")
    parser.add_argument("--grid", type=int, default=41)
    parser.add_argument("--sample", type=int, default=24, help="grid points timed by brute force")
    parser.add_argument("--set", choices=("test", "train"), default="test")
    args = parser.parse_args(argv)
    if not (args.data / "t10k-images-idx3-ubyte.gz").exists():
        sys.exit(f"MNIST not found in {args.data}")
    (x_train, t_train), (x_test, t_test) = load_mnist(args.data, normalize=True, flatten=True)
    x, t = (x_test, t_test) if args.set == "test" else (x_train, t_train)
    unit = np.linspace(-1, 1, args.grid)
    rng = np.random.default_rng(1)
    print(f"{args.grid}×{args.grid} surface on the {len(x):,} {args.set} images; brute force timed on "
          f"{args.sample} grid points and scaled to {args.grid ** 2:,}")
    with blas_threads(1):  # as the app computes it: on the worker, one BLAS thread
        for activation in ("relu", "sigmoid"):
            net, snapshots = trained_path(x_train, t_train, activation)
            d1, d2, coords, explained = landscape.trajectory_pca(snapshots, net.params)
            span = np.abs(coords).max() * 1.2
            grid = unit * span
            start = time.perf_counter()
            surface = landscape.loss_surface(net, x, t, d1, d2, grid, grid)
            fast = time.perf_counter() - start
            points = rng.choice(args.grid ** 2, args.sample, replace=False)
            start = time.perf_counter()
            brute = [landscape.loss_at(net, x, t, d1, d2, grid[p % args.grid], grid[p // args.grid]) for p in points]
            slow = (time.perf_counter() - start) / args.sample * args.grid ** 2
            diffs = np.abs(np.array(brute) - surface.flat[points]) / np.maximum(np.abs(brute), 1e-12)
            print(f"{activation:8s} surface {fast:6.2f} s · brute force ≈ {slow:6.1f} s · ratio "
                  f"{fast / slow:.3f}× (bar ≤ 0.15×) · largest relative difference {diffs.max():.1e} "
                  f"(float32) · loss {surface.min():.3f}…{surface.max():.3f} · path variance explained "
                  f"{explained.sum():.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
