"""MNIST as the book's dataset/mnist.py gives it: load_mnist, from whichever copy the user has. Pure NumPy.

A copy is a folder of the four IDX files (engine.data.idx), the book's mnist.pkl or Keras's mnist.npz
(engine.data.pkl_npz); `read_mnist` tells them apart and returns the same validated uint8 arrays for all three.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

from engine.data.checks import DatasetError
from engine.data.idx import IMG_SIZE, MNIST_COUNTS, MNIST_FILES, read_idx_folder_steps
from engine.data.npz import run_steps
from engine.data.pkl_npz import check_arrays, load_npz_steps, load_pkl_steps


def default_mnist_dir(base=None) -> Path:
    """Where the app keeps MNIST: `base`/mnist, base being the app's data folder.

    The GUI passes its QStandardPaths.AppDataLocation; without it, the same place computed without Qt
    (~/.local/share/GradientLab/Gradient Lab on Linux, Application Support on macOS, %APPDATA% on Windows).
    """
    if base is None:
        if sys.platform.startswith("win"):
            root = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        elif sys.platform == "darwin":
            root = Path.home() / "Library" / "Application Support"
        else:
            root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        base = root / "GradientLab" / "Gradient Lab"
    return Path(base) / "mnist"


def read_mnist(path, counts: dict | None = None):
    """read_mnist_steps run to its end."""
    return run_steps(read_mnist_steps(path, counts))


def read_mnist_steps(path, counts: dict | None = None):
    """A generator of None between chunks of ≤ ~50 ms of work, returning read_mnist's
    (validated uint8 arrays {train_img (N,28,28), train_label, test_img, test_label}, raw IDX bytes or None).

    path    a folder of the four IDX files (or one of them), a .pkl or an .npz
    counts  {"train": N, "test": M} the .pkl / .npz must hold exactly (IDX files are always held to MNIST_COUNTS)
    """
    path = Path(path)
    if path.is_file() and (path.name in MNIST_FILES or path.name in {n[:-3] for n in MNIST_FILES}):
        path = path.parent  # one of the four files: use its folder
    if path.is_dir():
        return (yield from read_idx_folder_steps(path))
    if not path.exists():
        raise DatasetError(path, "no such file or folder")
    suffix = path.suffix.lower()
    if suffix in (".pkl", ".pickle"):
        dataset = yield from load_pkl_steps(path)
        return check_arrays(path, dataset, counts), None
    if suffix == ".npz":
        dataset = yield from load_npz_steps(path)
        return check_arrays(path, dataset, counts), None
    raise DatasetError(path, "not an MNIST source: expected a folder of the four IDX files, "
                             "the book's mnist.pkl or Keras's mnist.npz")


def _change_one_hot_label(labels: np.ndarray) -> np.ndarray:
    """Labels → one-hot rows: T[i, labels[i]] = 1 (the book's _change_one_hot_label, in float32)."""
    one_hot = np.zeros((labels.size, 10), dtype=np.float32)
    one_hot[np.arange(labels.size), labels] = 1.0
    return one_hot


_ROWS_PER_STEP = 10_000  # images normalised between two yields (7.8 M pixels, ~10–20 ms)


def load_mnist(path=None, normalize=True, flatten=True, one_hot_label=False):
    """MNIST as the book's dataset/mnist.py returns it: ((x_train, t_train), (x_test, t_test)).

    path          a folder with the four IDX files (.gz or uncompressed), the book's mnist.pkl or Keras's
                  mnist.npz; None → default_mnist_dir()
    normalize     pixels as float32 x / 255.0 in [0, 1] (else uint8 0–255)
    flatten       images as (N, 784) rows (else (N, 1, 28, 28))
    one_hot_label labels as (N, 10) float32 one-hot rows (else uint8 labels 0–9)
    """
    return run_steps(load_mnist_steps(path, normalize, flatten, one_hot_label))


def load_mnist_steps(path=None, normalize=True, flatten=True, one_hot_label=False):
    """load_mnist as a generator: yields None between chunks of ≤ ~50 ms of work (reading, decompressing,
    normalising), so a worker's Stop reaches it at once; returns load_mnist's result."""
    if path is None:
        path = default_mnist_dir()
        if not path.is_dir():
            raise DatasetError(path, "MNIST is not here yet: download it or import a copy")
    dataset, _ = yield from read_mnist_steps(path)
    result = []
    for part in ("train", "test"):
        x, t = dataset[f"{part}_img"], dataset[f"{part}_label"]
        if normalize:  # the book's x.astype(float32) / 255.0, a chunk of rows at a time
            out = np.empty(x.shape, dtype=np.float32)
            for start in range(0, len(x), _ROWS_PER_STEP):
                np.divide(x[start:start + _ROWS_PER_STEP], np.float32(255.0), out=out[start:start + _ROWS_PER_STEP],
                          dtype=np.float32)
                yield None
            x = out
        elif not x.flags.writeable:
            x = x.copy()
        if not t.flags.writeable:
            t = t.copy()
        x = x.reshape(-1, IMG_SIZE) if flatten else x.reshape(-1, 1, 28, 28)
        if one_hot_label:
            t = _change_one_hot_label(t)
        result.append((x, t))
    return tuple(result)


def mnist_summary(path) -> dict:
    """Validate MNIST at `path` completely (as import_mnist does: all 60,000 + 10,000 images) and count it:
    {"train": 60000, "test": 10000, "train_label_counts": [5923, …], "test_label_counts": [980, …]}."""
    return run_steps(mnist_summary_steps(path))


def mnist_summary_steps(path):
    """mnist_summary as a generator of None between chunks of work, returning the summary."""
    dataset, _ = yield from read_mnist_steps(path, counts=MNIST_COUNTS)
    return summarize(dataset)


def summarize(dataset: dict) -> dict:
    """The counts mnist_summary gives, from validated arrays (read_mnist's)."""
    return {"train": len(dataset["train_img"]), "test": len(dataset["test_img"]),
            "train_label_counts": np.bincount(dataset["train_label"], minlength=10).tolist(),
            "test_label_counts": np.bincount(dataset["test_label"], minlength=10).tolist()}
