"""What the Loss landscape page waits for after the book's run: the job from Compute to the last row, in one run.

    python bench/landscape_page.py [--data ../shared/data/mnist] [--iterations 10000]

Trains the book's run twice through engine.training.train_two_layer (ReLU, η = 0.1 and η = 0.5; the page's path is
the weights at each evaluation, once per epoch: 18 of them), then times engine.lab.net_landscape.landscape_steps
as the page runs it (one BLAS thread) on the 10,000 test images at 41 × 41, with the η = 0.5 run compared on the
same plane: PCA directions and filter-normalised random ones. Printed: seconds to the plane (paths projected, the
loss along both paths) and to the last row, and the variance share the page shows. Bar (issue 15): a few seconds.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.data.datasets import load_mnist  # noqa: E402
from engine.lab import net_landscape  # noqa: E402
from engine.networks import TwoLayerNet  # noqa: E402
from engine.training import train_two_layer  # noqa: E402


def path_of(data, lr, iterations):
    (x_train, t_train), (x_test, t_test) = data
    net = TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32)
    events = train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=iterations, learning_rate=lr, seed=0)
    return [e["net"].params for e in events if e["kind"] == "epoch"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "mnist"))
    parser.add_argument("--iterations", type=int, default=10_000)
    args = parser.parse_args(argv)
    data = load_mnist(args.data)
    data = tuple((x.astype(np.float32), t) for x, t in data)
    this, other = path_of(data, 0.1, args.iterations), path_of(data, 0.5, args.iterations)
    x, t = net_landscape.pick_data(data, "test")
    print(f"book's run: {len(this)} weights on the path; 41 × 41 on the 10,000 test images, η = 0.5 compared")
    for directions in net_landscape.DIRECTIONS:
        start = time.perf_counter()
        plane_at = None
        for event in net_landscape.landscape_steps(this, "relu", x, t, directions, 41, 1.2, other=other):
            if event and event["kind"] == "plane":
                plane_at, explained = time.perf_counter() - start, event["explained"]
        total = time.perf_counter() - start
        share = " + ".join(f"{100 * e:.1f} %" for e in explained)
        print(f"{directions:>6}: plane and paths {plane_at:.2f} s, whole surface {total:.2f} s "
              f"(variance share shown: {share})")
    (x_train, t_train), _ = data
    gaps, last, rows_from = [], time.perf_counter(), None
    steps = net_landscape.landscape_steps(this, "relu", x_train, t_train, "pca", 61, 1.2)
    for event in steps:
        now = time.perf_counter()
        if rows_from is not None:
            gaps.append(now - last)
        last = now
        if event and event["kind"] == "plane":
            rows_from = now
        elif event and event["kind"] == "row" and event["i"] == 2:
            break
    steps.close()
    print(f"61 × 61 on the 60,000 training images: a row every {(last - rows_from) / 3:.2f} s, "
          f"worst gap between stop points {max(gaps) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
