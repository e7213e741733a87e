"""MNIST saved as arrays: the book's dataset/mnist.pkl and Keras's mnist.npz. Pure NumPy, never Qt.

Neither can run code or hold anything but the four arrays, and neither may grow past MNIST's own size:

- the .pkl is first scanned opcode by opcode (nothing built): anything but the book's flat arrays — a list, a
  set, an object other than an array — is refused before the unpickler runs (a 1.2 KB pickle of shared nested
  lists would otherwise expand to 10⁹ leaves); then an unpickler that only builds NumPy arrays reads it;
- the .npz is read member by member (engine.data.npz), each size checked against MNIST's before reading.

`check_arrays` then holds them to MNIST's shapes, dtype and label range; every fault is a DatasetError naming
the file.
"""
from __future__ import annotations

import pickle
import pickletools
import zipfile
from pathlib import Path

import numpy as np

from engine.data.checks import DatasetError, check_labels
from engine.data.idx import IMG_SIZE, KEY_FILE, MNIST_COUNTS
from engine.data.npz import check_regular_file, open_archive, read_member_steps, run_steps

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


# The largest arrays an MNIST copy holds: images as uint8, labels as up to 8-byte integers.
MAX_IMAGE_BYTES = {part: n * IMG_SIZE for part, n in MNIST_COUNTS.items()}
MAX_LABEL_BYTES = {part: n * 8 for part, n in MNIST_COUNTS.items()}
MAX_ARRAYS_BYTES = sum(MAX_IMAGE_BYTES.values()) + sum(MAX_LABEL_BYTES.values())
MAX_PKL_BYTES = 2 * MAX_ARRAYS_BYTES + (1 << 20)  # protocol 0 escapes some bytes; the book's file is ~55 MB
MAX_NPZ_BYTES = 8 * MAX_ARRAYS_BYTES  # float64 images still get their message; each member has its own cap

# Opcodes that build something other than the book's dict of arrays (lists, sets, arbitrary objects,
# out-of-band buffers): a pickle using one is refused before anything is unpickled.
_REFUSED_OPCODES = {
    "EMPTY_LIST": "a list", "LIST": "a list", "APPEND": "a list", "APPENDS": "a list",
    "EMPTY_SET": "a set", "ADDITEMS": "a set", "FROZENSET": "a set",
    "INST": "an object", "OBJ": "an object", "NEWOBJ": "an object", "NEWOBJ_EX": "an object",
    "PERSID": "a persistent id", "BINPERSID": "a persistent id",
    "EXT1": "an extension code", "EXT2": "an extension code", "EXT4": "an extension code",
    "NEXT_BUFFER": "an out-of-band buffer", "READONLY_BUFFER": "an out-of-band buffer",
}
_MAX_OPCODES = 100_000  # the book's mnist.pkl has a few dozen


def _scan_pickle(path: Path, f):
    """Walk the pickle's opcodes without building anything; refuse what the book's flat arrays never use.
    A generator: yields None every 1,000 opcodes and after each large argument (an array's bytes)."""
    n = 0
    for n, (opcode, arg, _) in enumerate(pickletools.genops(f), 1):
        if n % 1000 == 0 or (isinstance(arg, (bytes, bytearray)) and len(arg) > 1 << 20):
            yield None
        if opcode.name in _REFUSED_OPCODES:
            raise _RefusedClass(f"it builds {_REFUSED_OPCODES[opcode.name]} ({opcode.name}), "
                                "not only the book's flat NumPy arrays")
        if opcode.name in ("GLOBAL", "INST") and isinstance(arg, str):
            module, _, name = arg.partition(" ")
            if (module, name) not in _ArraysOnlyUnpickler.ALLOWED:
                raise _RefusedClass(f"it contains a {module}.{name} object, not only NumPy arrays")
        if n > _MAX_OPCODES:
            raise _RefusedClass(f"more than {_MAX_OPCODES:,} pickle instructions, not the book's four arrays")


def load_pkl(path: Path) -> dict:
    """load_pkl_steps run to its end."""
    return run_steps(load_pkl_steps(path))


def load_pkl_steps(path: Path):
    """A generator of None between steps (the scan's, then one unpickling of ~50 ms), returning load_pkl's dict:
    the book's mnist.pkl → {train_img, train_label, test_img, test_label} as stored (not yet checked).

    The file is scanned first (_scan_pickle) and unpickled only when it builds nothing but dicts, tuples and
    arrays; the four values must then be arrays (nested tuples are refused, never expanded by np.asarray)."""
    try:
        check_regular_file(path, MAX_PKL_BYTES, "the book's mnist.pkl")
    except FileNotFoundError:
        raise DatasetError(path, "file not found") from None
    try:
        with open(path, "rb") as f:
            yield from _scan_pickle(path, f)
            f.seek(0)
            yield None
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
    for key in KEY_FILE:
        if not isinstance(dataset[key], np.ndarray):
            raise DatasetError(path, f"'{key}' is a {type(dataset[key]).__name__}, not a NumPy array "
                                     "(the book's mnist.pkl holds flat arrays)")
    return {key: dataset[key] for key in KEY_FILE}


def load_npz(path: Path) -> dict:
    """load_npz_steps run to its end."""
    return run_steps(load_npz_steps(path))


def load_npz_steps(path: Path):
    """A generator of None between chunks (read_member_steps), returning load_npz's dict:
    Keras's mnist.npz (x_train, y_train, x_test, y_test) → the book's four keys, as stored (not yet checked).

    Each member is read only after its size (in the zip directory and in its .npy header) and dtype are
    MNIST's: at most 60,000 / 10,000 images of 784 bytes, labels of integers."""
    try:
        check_regular_file(path, MAX_NPZ_BYTES, "Keras's mnist.npz")
    except FileNotFoundError:
        raise DatasetError(path, "file not found") from None
    with open_archive(path) as archive:
        names = set(archive.namelist())
        missing = [k for k in KERAS_KEYS.values() if f"{k}.npy" not in names]
        if missing:
            raise DatasetError(path, "missing " + ", ".join(f"'{k}'" for k in missing)
                                     + " (Keras's mnist.npz has x_train, y_train, x_test, y_test)")
        out = {}
        for key, name in KERAS_KEYS.items():
            part = key.split("_")[0]
            if key.endswith("img"):
                out[key] = yield from read_member_steps(path, archive, name, MAX_IMAGE_BYTES[part], kinds="u",
                                                          expected="uint8 (pixels 0–255)")
            else:
                out[key] = yield from read_member_steps(path, archive, name, MAX_LABEL_BYTES[part], kinds="iu",
                                                          max_ndim=2, expected="integers (labels 0–9)")
        return out


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
        for what, array in (("images", images), ("labels", labels)):
            if array.size == 0:
                raise DatasetError(path, f"{part} {what} are empty (shape {array.shape})")
        if images.dtype != np.uint8:
            raise DatasetError(path, f"{part} images have dtype {images.dtype}, expected uint8 (pixels 0–255)")
        if images.ndim not in (2, 3) or images[0].size != IMG_SIZE:
            raise DatasetError(path, f"{part} images have shape {images.shape}, expected (N, 784) or (N, 28, 28)")
        if len(images) > MNIST_COUNTS[part]:
            raise DatasetError(path, f"{len(images):,} {part} images: MNIST has {MNIST_COUNTS[part]:,}")
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
