"""MNIST saved as arrays: the book's dataset/mnist.pkl and Keras's mnist.npz. Pure NumPy, never Qt.

Neither can run code or hold anything but the four arrays: the .pkl goes through an unpickler that only builds
NumPy arrays, the .npz is opened with allow_pickle=False. `check_arrays` then holds them to MNIST's shapes,
dtype and label range; every fault is a DatasetError naming the file.
"""
from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import numpy as np

from engine.data.checks import DatasetError, check_labels
from engine.data.idx import IMG_SIZE, KEY_FILE

KERAS_KEYS = {"train_img": "x_train", "train_label": "y_train", "test_img": "x_test", "test_label": "y_test"}


class _RefusedClass(pickle.UnpicklingError):
    """The pickle asks for something that is not an array (a truncated pickle is another UnpicklingError)."""


class _ArraysOnlyUnpickler(pickle.Unpickler):
    """Unpickles NumPy arrays and plain containers only: a .pkl from the internet cannot run code."""

    ALLOWED = {
        ("numpy", "ndarray"), ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"),
        ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"),
        ("_codecs", "encode"), ("collections", "OrderedDict"),
    }

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise _RefusedClass(f"it contains a {module}.{name} object, not only NumPy arrays")
        if module.startswith("numpy.core.") and hasattr(np, "_core"):  # NumPy 1 pickles under NumPy 2
            module = "numpy._core." + module[len("numpy.core."):]
        return super().find_class(module, name)


def load_pkl(path: Path) -> dict:
    """The book's mnist.pkl → {train_img, train_label, test_img, test_label} as stored (not yet checked)."""
    try:
        with open(path, "rb") as f:
            dataset = _ArraysOnlyUnpickler(f).load()
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc})") from None
    except _RefusedClass as exc:
        raise DatasetError(path, f"refusing to load this pickle: {exc}") from None
    except Exception as exc:  # truncated or garbage pickles raise EOFError, ValueError, KeyError, …
        raise DatasetError(path, f"not a readable pickle file ({type(exc).__name__}: {exc})") from None
    if not isinstance(dataset, dict):
        raise DatasetError(path, f"expected a dict of arrays (the book's mnist.pkl), found {type(dataset).__name__}")
    missing = [key for key in KEY_FILE if key not in dataset]
    if missing:
        raise DatasetError(path, "missing " + ", ".join(f"'{k}'" for k in missing)
                                 + " (the book's mnist.pkl has train_img, train_label, test_img, test_label)")
    return {key: dataset[key] for key in KEY_FILE}


def load_npz(path: Path) -> dict:
    """Keras's mnist.npz (x_train, y_train, x_test, y_test) → the book's four keys, as stored (not yet checked)."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [k for k in KERAS_KEYS.values() if k not in npz.files]
            if missing:
                raise DatasetError(path, "missing " + ", ".join(f"'{k}'" for k in missing)
                                         + " (Keras's mnist.npz has x_train, y_train, x_test, y_test)")
            return {key: npz[name] for key, name in KERAS_KEYS.items()}
    except DatasetError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise DatasetError(path, f"not a readable .npz file ({exc})") from None


def has_keras_arrays(path: Path) -> bool:
    """True when the .npz archive at `path` holds Keras's four arrays (by name only: nothing is decompressed)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return all(f"{key}.npy" in names for key in KERAS_KEYS.values())


def check_arrays(path: Path, dataset: dict, counts: dict | None = None) -> dict[str, np.ndarray]:
    """Arrays from a .pkl or .npz → validated {key: uint8 array}: images (N, 28, 28), labels (N,)."""
    out = {}
    for part in ("train", "test"):
        images, labels = np.asarray(dataset[f"{part}_img"]), np.asarray(dataset[f"{part}_label"])
        if images.dtype != np.uint8:
            raise DatasetError(path, f"{part} images have dtype {images.dtype}, expected uint8 (pixels 0–255)")
        if images.ndim < 2 or images[0].size != IMG_SIZE:
            raise DatasetError(path, f"{part} images have shape {images.shape}, expected (N, 784) or (N, 28, 28)")
        labels = labels.reshape(-1) if labels.ndim == 2 and 1 in labels.shape else labels
        if labels.ndim != 1:
            raise DatasetError(path, f"{part} labels have shape {labels.shape}, expected (N,)")
        if len(images) != len(labels):
            raise DatasetError(path, f"{part}: {len(images)} images but {len(labels)} labels")
        if counts is not None and len(images) != counts[part]:
            raise DatasetError(path, f"expected {counts[part]} {part} images, found {len(images)}")
        labels = check_labels(path, labels, what=f"{part} label")
        out[f"{part}_img"] = images.reshape(-1, 28, 28)
        out[f"{part}_label"] = labels.astype(np.uint8)
    return out
