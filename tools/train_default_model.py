"""Train the Draw tab's bundled digit model with our own engine on real MNIST, and save it.

    python tools/train_default_model.py [--data ../shared/data/mnist] [--out resources/models/digit_default.npz]
                                        [--seed 2026] [--epochs 30] [--hidden 100]

A TwoLayerNet 784-100-10 with ReLU (the book's chapter 5 net, wider), float32, trained by mini-batch SGD
(engine.fast_step.FastStep: backprop, W ← W − η·∂L/∂W), batch 100, learning rate 0.1 halved for the last
epochs.
Each epoch sees every training image once, a third of them moved by one pixel in a random direction
(a light augmentation: drawn digits are never placed quite like MNIST's). Only the training set is learnt
from; the test set is measured once, at the end. Prints the seed, the epochs, the test accuracy and the file
size, and stores them in the model file's metadata.
"""
from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.blas import blas_threads  # noqa: E402
from engine.data.datasets import load_mnist  # noqa: E402
from engine.evaluation import evaluate_accuracy  # noqa: E402
from engine.fast_step import FastStep  # noqa: E402
from engine.networks import TwoLayerNet  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist"
DEFAULT_OUT = ROOT / "resources" / "models" / "digit_default.npz"
SHIFTS = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)]


def shifted(images, rng, fraction):
    """A copy of (N, 28, 28) images where `fraction` of them move one pixel (8 directions), zeros filling in."""
    out = images.copy()
    chosen = np.flatnonzero(rng.random(len(images)) < fraction)
    direction = rng.integers(0, len(SHIFTS), size=chosen.size)
    for k, (dy, dx) in enumerate(SHIFTS):
        rows = chosen[direction == k]
        moved = np.zeros_like(images[rows])
        ys, yd = (slice(0, 28 - dy), slice(dy, 28)) if dy >= 0 else (slice(-dy, 28), slice(0, 28 + dy))
        xs, xd = (slice(0, 28 - dx), slice(dx, 28)) if dx >= 0 else (slice(-dx, 28), slice(0, 28 + dx))
        moved[:, yd, xd] = images[rows][:, ys, xs]
        out[rows] = moved
    return out


def learning_rate(epoch, epochs, base):
    """η = base, then base/2 for the last third of the epochs, base/4 for the last sixth."""
    if epoch >= epochs - epochs // 6:
        return base / 4
    if epoch >= epochs - epochs // 3:
        return base / 2
    return base


def train(data, seed, epochs, hidden, batch_size=100, base_lr=0.1, shift_fraction=1 / 3, log=print):
    (x_train, t_train), (x_test, t_test) = load_mnist(data, normalize=False, flatten=False)
    x_train = x_train[:, 0]
    x_test_flat = x_test.reshape(len(x_test), -1).astype(np.float32) / np.float32(255)
    t_train = t_train.astype(np.intp)
    rng = np.random.default_rng(seed)
    net = TwoLayerNet(784, hidden, 10, weight_init_std=float(np.sqrt(2 / 784)), activation="relu", seed=seed,
                      dtype=np.float32)
    steps = len(x_train) // batch_size
    start = time.perf_counter()
    with blas_threads(1):
        for epoch in range(epochs):
            images = shifted(x_train, rng, shift_fraction).reshape(len(x_train), -1)  # uint8 levels
            order = rng.permutation(len(x_train))
            lr = learning_rate(epoch, epochs, base_lr)
            fast = FastStep(net, images, t_train, batch_size)
            losses = [fast.step(order[i * batch_size:(i + 1) * batch_size], lr) for i in range(steps)]
            fast.store()
            log(f"epoch {epoch + 1:2d}/{epochs}  lr {lr:.3f}  mean loss {np.mean(losses):.4f}  "
                f"({time.perf_counter() - start:.0f} s)")
    seconds = time.perf_counter() - start
    x_train_flat = x_train.reshape(len(x_train), -1).astype(np.float32) / np.float32(255)
    train_acc = evaluate_accuracy(net, x_train_flat, t_train)
    test_acc = evaluate_accuracy(net, x_test_flat, t_test.astype(np.intp))
    return net, {"iterations": epochs * steps, "train_accuracy": round(train_acc, 4),
                 "test_accuracy": round(test_acc, 4), "seconds": round(seconds, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder with the four MNIST IDX files")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--hidden", type=int, default=100)
    args = parser.parse_args(argv)

    print(f"seed {args.seed}, epochs {args.epochs}, 784-{args.hidden}-10 ReLU, batch 100, lr 0.1 (halved late), "
          f"data {args.data}")
    net, result = train(args.data, args.seed, args.epochs, args.hidden)
    metadata = {
        "name": "digit_default",
        "trained_by": "tools/train_default_model.py",
        "seed": args.seed,
        "epochs": args.epochs,
        "iterations": result["iterations"],
        "batch_size": 100,
        "learning_rate": "0.1, halved for the last third of the epochs, quartered for the last sixth",
        "augmentation": "a third of each epoch's images moved by one pixel (8 directions)",
        "hidden_size": args.hidden,
        "activation": "relu",
        "weight_init_std": "sqrt(2/784)",
        "dtype": "float32",
        "train_accuracy": result["train_accuracy"],
        "test_accuracy": result["test_accuracy"],
        "date": datetime.date.today().isoformat(),
        "data": "MNIST (60,000 training images; accuracy on the 10,000 test images)",
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    net.save(out, metadata=metadata)
    print(f"train accuracy {result['train_accuracy']:.4f}, test accuracy {result['test_accuracy']:.4f} "
          f"({result['iterations']} iterations in {result['seconds']} s)")
    print(f"saved {out} ({out.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
