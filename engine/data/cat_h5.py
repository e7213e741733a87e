"""The lessons' cat / non-cat images: two HDF5 files, read as their load_dataset() does. Pure NumPy (and h5py).

train_catvnoncat.h5 holds train_set_x (209, 64, 64, 3) uint8 and train_set_y (209,); test_catvnoncat.h5 holds
test_set_x (50, 64, 64, 3), test_set_y (50,) and list_classes [b'non-cat', b'cat']. Anything else (a missing
dataset, another shape or dtype, a label other than 0 / 1) is a DatasetError naming the file.

Nothing is read before it is known to be small and local: each dataset's shape and dtype come from its header
first, storage outside the file (external raw files, virtual datasets, external links) is refused — it could
point at a FIFO and hang, or at /etc/passwd and load it as pixels — and so are chunks larger than the data.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.data.checks import DatasetError, check_labels

CAT_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")
MAX_CAT_IMAGES = 10_000  # the lessons have 209 + 50; 10,000 images of 64×64×3 are 123 MB
IMAGE_SHAPE = (64, 64, 3)


def _check_dataset(path: Path, f, key: str, h5py):
    """f[key] after checking, from its header only, that it is a dataset stored in this file."""
    link = f.get(key, getlink=True)
    if isinstance(link, h5py.ExternalLink):
        raise DatasetError(path, f"'{key}' is a link to another file ({link.filename}): refused")
    ds = f[key]
    if not isinstance(ds, h5py.Dataset):
        raise DatasetError(path, f"'{key}' is a group, not a dataset")
    if ds.is_virtual:
        raise DatasetError(path, f"'{key}' is a virtual dataset (its data lives in other files): refused")
    if ds.external:
        raise DatasetError(path, f"'{key}' keeps its data outside the file ({ds.external[0][0]!r}): refused")
    if ds.chunks is not None and int(np.prod(ds.chunks)) * ds.dtype.itemsize > max(ds.nbytes, 1 << 20):
        raise DatasetError(path, f"'{key}' has chunks {ds.chunks} larger than its data: refused")
    return ds


def _check_shapes(path: Path, x_key, y_key, x, y, classes, h5py) -> None:
    """The lessons' shapes and dtypes, from the datasets' headers, before anything is read."""
    if x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
        raise DatasetError(path, f"'{x_key}' has shape {x.shape}, expected (N, 64, 64, 3)")
    if x.dtype != np.uint8:
        raise DatasetError(path, f"'{x_key}' has dtype {x.dtype}, expected uint8")
    n = x.shape[0]
    if n == 0:
        raise DatasetError(path, f"'{x_key}' holds no images")
    if n > MAX_CAT_IMAGES:
        raise DatasetError(path, f"'{x_key}' claims {n:,} images, more than {MAX_CAT_IMAGES:,}: refused")
    if y.dtype.kind not in "iub" or y.size != n or not (y.ndim == 1 or (y.ndim == 2 and 1 in y.shape)):
        raise DatasetError(path, f"'{y_key}' has shape {y.shape} and dtype {y.dtype}, expected ({n},) integers")
    if classes is not None:
        text = classes.dtype.kind in "SU" or (classes.dtype.kind == "O"
                                               and h5py.check_string_dtype(classes.dtype) is not None)
        if classes.size > 16 or not text or classes.dtype.itemsize > 256:
            raise DatasetError(path, f"'list_classes' has shape {classes.shape} and dtype {classes.dtype}, "
                                     "expected two names")


def _read_h5(path: Path, x_key: str, y_key: str, with_classes: bool):
    """(x, y, classes or None) of one of the two files, after checking every dataset is there and is a dataset."""
    import h5py

    if not path.exists():
        raise DatasetError(path, "file not found (the lessons keep it in their datasets/ folder)")
    if not path.is_file():
        raise DatasetError(path, "not a regular file (a folder, a pipe or a device)")
    try:
        if not h5py.is_hdf5(path):
            raise DatasetError(path, "not an HDF5 file")
        with h5py.File(path, "r") as f:
            keys = [x_key, y_key] + (["list_classes"] if with_classes else [])
            missing = [k for k in keys if k not in f]
            if missing:
                raise DatasetError(path, "missing dataset " + ", ".join(f"'{k}'" for k in missing)
                                         + " (not the lessons' cat / non-cat file)")
            x, y = _check_dataset(path, f, x_key, h5py), _check_dataset(path, f, y_key, h5py)
            classes = _check_dataset(path, f, "list_classes", h5py) if with_classes else None
            _check_shapes(path, x_key, y_key, x, y, classes, h5py)
            x, y = x[()], y[()]
            classes = classes[()] if with_classes else None
    except DatasetError:
        raise
    except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:
        raise DatasetError(path, f"cannot read the HDF5 data ({exc})") from None
    return _check_cat_arrays(path, x_key, y_key, np.asarray(x), np.asarray(y), classes)


def _check_cat_arrays(path: Path, x_key: str, y_key: str, x: np.ndarray, y: np.ndarray, classes):
    """Hold the arrays to the lessons' shapes: x (N, 64, 64, 3) uint8, y (N,) of 0 / 1, two class names."""
    if x.ndim != 4 or x.shape[1:] != (64, 64, 3):
        raise DatasetError(path, f"'{x_key}' has shape {x.shape}, expected (N, 64, 64, 3)")
    if x.dtype != np.uint8:
        raise DatasetError(path, f"'{x_key}' has dtype {x.dtype}, expected uint8")
    if y.ndim == 2 and 1 in y.shape:
        y = y.reshape(-1)
    if y.ndim != 1:
        raise DatasetError(path, f"'{y_key}' has shape {y.shape}, expected (N,)")
    if len(y) != len(x):
        raise DatasetError(path, f"{len(x)} images in '{x_key}' but {len(y)} labels in '{y_key}'")
    y = check_labels(path, y, n_classes=2).astype(np.int64)
    if classes is not None:
        classes = [c.decode("utf-8", "replace") if isinstance(c, bytes) else str(c)
                   for c in np.asarray(classes).reshape(-1)]
        if len(classes) != 2:
            raise DatasetError(path, f"'list_classes' has {len(classes)} entries, expected 2 (non-cat, cat)")
    return x, y, classes


def load_catvnoncat(folder):
    """The lessons' load_dataset(): (train_x, train_y, test_x, test_y, classes) from `folder`.

    train_x (209, 64, 64, 3) and test_x (50, 64, 64, 3) are the uint8 images as stored, train_y / test_y
    int64 labels of shape (N,) (1 = cat), classes ['non-cat', 'cat'] (read from the test file, as the lessons do).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(folder, "no such folder")
    train_x, train_y, _ = _read_h5(folder / CAT_FILES[0], "train_set_x", "train_set_y", with_classes=False)
    test_x, test_y, classes = _read_h5(folder / CAT_FILES[1], "test_set_x", "test_set_y", with_classes=True)
    return train_x, train_y, test_x, test_y, classes
