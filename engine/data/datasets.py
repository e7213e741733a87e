"""The data sets: MNIST (the book's load_mnist) and the lessons' cat / non-cat files. Pure NumPy, never Qt.

MNIST comes as four IDX files (LeCun's format, usually gzipped):

    magic (big-endian int32)  0x00000803 for images, 0x00000801 for labels
    counts (big-endian int32) N, then 28, 28 for images
    data                      N·28·28 (images) or N (labels) unsigned bytes, row-major

`load_mnist` returns them exactly as the book's dataset/mnist.py does; it also reads the book's mnist.pkl and
Keras's mnist.npz. Every bad file raises `DatasetError` (a ValueError) naming the file and what is wrong.
"""
from __future__ import annotations

import gzip
import os
import pickle
import shutil
import struct
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

# The four standard files and their published MD5s (the original distribution, byte for byte).
MNIST_FILES = {
    "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
# Their sizes in bytes (gzipped), used as the expected total when a server sends no Content-Length.
MNIST_SIZES = {
    "train-images-idx3-ubyte.gz": 9_912_422,
    "train-labels-idx1-ubyte.gz": 28_881,
    "t10k-images-idx3-ubyte.gz": 1_648_877,
    "t10k-labels-idx1-ubyte.gz": 4_542,
}
# The book's key for each file (dataset/mnist.py: key_file).
KEY_FILE = {
    "train_img": "train-images-idx3-ubyte.gz",
    "train_label": "train-labels-idx1-ubyte.gz",
    "test_img": "t10k-images-idx3-ubyte.gz",
    "test_label": "t10k-labels-idx1-ubyte.gz",
}
KERAS_KEYS = {"train_img": "x_train", "train_label": "y_train", "test_img": "x_test", "test_label": "y_test"}
MNIST_COUNTS = {"train": 60_000, "test": 10_000}
IMAGE_MAGIC = 0x00000803
LABEL_MAGIC = 0x00000801
IMG_SIZE = 28 * 28
CAT_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")
_GZIP_MAGIC = b"\x1f\x8b"


class DatasetError(ValueError):
    """A data file is missing or is not what it should be. str() names the file and the fault.

    DatasetError(path, problem) → "path: problem" (with .path and .problem), or DatasetError(message).
    """

    def __init__(self, path_or_message, problem: str | None = None):
        self.path = None if problem is None else Path(path_or_message)
        self.problem = str(path_or_message) if problem is None else problem
        super().__init__(self.problem if problem is None else f"{path_or_message}: {problem}")


# ====================================================================== MNIST, IDX files
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


def find_mnist_files(folder) -> dict[str, Path]:
    """The four IDX files in `folder`: {standard .gz name: path}, each the .gz file or, failing that, the
    uncompressed one (same name without .gz). Raises DatasetError listing what is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(folder, "no such folder")
    found, missing = {}, []
    for name in MNIST_FILES:
        for candidate in (folder / name, folder / name[:-3]):
            if candidate.is_file():
                found[name] = candidate
                break
        else:
            missing.append(name)
    if missing:
        raise DatasetError(folder, "MNIST files missing: " + ", ".join(missing)
                           + " (each may also be uncompressed, without .gz)")
    return found


def _decompress(path: Path, raw: bytes) -> bytes:
    """The IDX bytes of a file's contents: gunzipped when it is gzip, as-is when it already starts like IDX."""
    if raw[:2] != _GZIP_MAGIC:
        if len(raw) >= 4 and raw[:3] == b"\0\0\x08":  # an uncompressed IDX file (uint8 data)
            return raw
        if path.suffix == ".gz":
            raise DatasetError(path, "not a gzip file (and not an uncompressed IDX file either)")
        return raw  # read_idx reports the wrong magic number
    try:
        return gzip.decompress(raw)
    except EOFError:
        raise DatasetError(path, "truncated gzip stream (the file ends early: download or copy it again)") from None
    except (OSError, zlib.error) as exc:
        raise DatasetError(path, f"corrupt gzip data ({exc})") from None


def _parse_idx(path: Path, data: bytes, magic: int | None, count: int | None) -> np.ndarray:
    """Check an IDX header against the data and return the uint8 array (a read-only view of `data`)."""
    if len(data) < 8:
        raise DatasetError(path, f"too short for an IDX file ({len(data)} bytes)")
    found_magic, n = struct.unpack(">ii", data[:8])
    allowed = (magic,) if magic is not None else (IMAGE_MAGIC, LABEL_MAGIC)
    if found_magic not in allowed:
        expected = " or ".join(f"0x{m:08X}" for m in allowed)
        raise DatasetError(path, f"wrong magic number 0x{found_magic & 0xFFFFFFFF:08X} (expected {expected}): "
                                 "not an MNIST IDX file")
    kind = "images" if found_magic == IMAGE_MAGIC else "labels"
    if n < 0 or (count is not None and n != count):
        raise DatasetError(path, f"expected {count} {kind}, header says {n}")
    if kind == "images":
        if len(data) < 16:
            raise DatasetError(path, f"too short for an IDX image header ({len(data)} bytes)")
        rows, cols = struct.unpack(">ii", data[8:16])
        if (rows, cols) != (28, 28):
            raise DatasetError(path, f"images are {rows}×{cols}, expected 28×28")
        offset, shape = 16, (n, 28, 28)
    else:
        offset, shape = 8, (n,)
    expected_bytes = offset + n * (IMG_SIZE if kind == "images" else 1)
    if len(data) < expected_bytes:
        raise DatasetError(path, f"truncated: header says {n} {kind} ({expected_bytes:,} bytes), "
                                 f"the data has {len(data):,} bytes")
    if len(data) > expected_bytes:
        raise DatasetError(path, f"{len(data) - expected_bytes:,} bytes of extra data after {n} {kind}")
    return np.frombuffer(data, dtype=np.uint8, count=expected_bytes - offset, offset=offset).reshape(shape)


def _read_idx_bytes(path, magic=None, count=None) -> tuple[bytes, np.ndarray]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DatasetError(path, "file not found") from None
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc})") from None
    return raw, _parse_idx(path, _decompress(path, raw), magic, count)


def read_idx(path, magic: int | None = None, count: int | None = None) -> np.ndarray:
    """One IDX file (gzipped or not, told apart by its contents) → uint8 array: (N, 28, 28) images or (N,) labels.

    Checks the magic number (0x803 images / 0x801 labels, or exactly `magic`), the count (`count`, when given),
    the 28×28 size and that the data has exactly the bytes the header announces.
    """
    return _read_idx_bytes(path, magic, count)[1].copy()


def check_labels(path, labels: np.ndarray, n_classes: int = 10, what: str = "label") -> np.ndarray:
    """Labels must be integers 0 … n_classes−1; returns them as uint8 (int64 for the cat files' callers)."""
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise DatasetError(path, f"{what}s have dtype {labels.dtype}, expected integers")
    bad = np.flatnonzero((labels < 0) | (labels >= n_classes))
    if bad.size:
        i = int(bad[0])
        raise DatasetError(path, f"{what} {labels[i]} at index {i} out of range 0–{n_classes - 1}"
                                 + (f" ({bad.size} bad {what}s)" if bad.size > 1 else ""))
    return labels


def _read_idx_folder(folder) -> tuple[dict[str, np.ndarray], dict[str, tuple[Path, bytes]]]:
    """The four validated arrays of an IDX folder (labels first: they are small and fail fast) and the raw bytes."""
    files = find_mnist_files(folder)
    arrays, raw = {}, {}
    for key in ("train_label", "test_label", "train_img", "test_img"):
        name = KEY_FILE[key]
        count = MNIST_COUNTS[key.split("_")[0]]
        magic = IMAGE_MAGIC if key.endswith("img") else LABEL_MAGIC
        data, array = _read_idx_bytes(files[name], magic, count)
        if key.endswith("label"):
            check_labels(files[name], array)
        arrays[key], raw[key] = array, (files[name], data)
    return arrays, raw


# ====================================================================== MNIST, the book's .pkl and Keras's .npz
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


def _load_pkl(path: Path) -> dict:
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


def _load_npz(path: Path) -> dict:
    import zipfile

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


def _check_arrays(path: Path, dataset: dict, counts: dict | None = None) -> dict[str, np.ndarray]:
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


def _read_any(path, counts: dict | None = None):
    """(validated uint8 arrays {train_img (N,28,28), train_label, test_img, test_label}, raw IDX bytes or None)."""
    path = Path(path)
    if path.is_file() and (path.name in MNIST_FILES or path.name in {n[:-3] for n in MNIST_FILES}):
        path = path.parent  # one of the four files: use its folder
    if path.is_dir():
        return _read_idx_folder(path)
    if not path.exists():
        raise DatasetError(path, "no such file or folder")
    suffix = path.suffix.lower()
    if suffix in (".pkl", ".pickle"):
        return _check_arrays(path, _load_pkl(path), counts), None
    if suffix == ".npz":
        return _check_arrays(path, _load_npz(path), counts), None
    raise DatasetError(path, "not an MNIST source: expected a folder of the four IDX files, "
                             "the book's mnist.pkl or Keras's mnist.npz")


def _change_one_hot_label(labels: np.ndarray) -> np.ndarray:
    """Labels → one-hot rows: T[i, labels[i]] = 1 (the book's _change_one_hot_label, in float32)."""
    one_hot = np.zeros((labels.size, 10), dtype=np.float32)
    one_hot[np.arange(labels.size), labels] = 1.0
    return one_hot


def load_mnist(path=None, normalize=True, flatten=True, one_hot_label=False):
    """MNIST as the book's dataset/mnist.py returns it: ((x_train, t_train), (x_test, t_test)).

    path          a folder with the four IDX files (.gz or uncompressed), the book's mnist.pkl or Keras's
                  mnist.npz; None → default_mnist_dir()
    normalize     pixels as float32 x / 255.0 in [0, 1] (else uint8 0–255)
    flatten       images as (N, 784) rows (else (N, 1, 28, 28))
    one_hot_label labels as (N, 10) float32 one-hot rows (else uint8 labels 0–9)
    """
    if path is None:
        path = default_mnist_dir()
        if not path.is_dir():
            raise DatasetError(path, "MNIST is not here yet: download it or import a copy")
    dataset, _ = _read_any(path)
    result = []
    for part in ("train", "test"):
        x, t = dataset[f"{part}_img"], dataset[f"{part}_label"]
        if normalize:
            x = np.divide(x, np.float32(255.0), dtype=np.float32)  # the book's x.astype(float32) / 255.0
        elif not x.flags.writeable:
            x = x.copy()
        if not t.flags.writeable:
            t = t.copy()
        x = x.reshape(-1, IMG_SIZE) if flatten else x.reshape(-1, 1, 28, 28)
        if one_hot_label:
            t = _change_one_hot_label(t)
        result.append((x, t))
    return tuple(result)


# ====================================================================== finding and importing a copy
def _usual_mnist_places(home: Path, cwd: Path) -> list[Path]:
    places = [home / ".keras" / "datasets" / "mnist.npz"]
    roots = [cwd, cwd.parent, home]
    for parent in (home, home / "Downloads", home / "Desktop", home / "Documents", home / "src", home / "code"):
        roots += [parent / "deep-learning-from-scratch", parent / "deep-learning-from-scratch-master"]
    for root in roots:
        places += [root / "dataset" / "mnist.pkl", root / "dataset"]
    places += [cwd / "data" / "MNIST" / "raw", home / "data" / "MNIST" / "raw"]  # torchvision's layout
    return places


def _looks_like_mnist(place: Path) -> bool:
    """A cheap check (no decompression): the four IDX files are there, a .pkl of a plausible size, or an .npz
    holding Keras's four arrays."""
    import zipfile

    try:
        if place.is_dir():
            find_mnist_files(place)
            return True
        if not place.is_file():
            return False
        if place.suffix == ".npz":
            with zipfile.ZipFile(place) as archive:
                names = set(archive.namelist())
            return all(f"{key}.npy" in names for key in KERAS_KEYS.values())
        return place.suffix == ".pkl" and place.stat().st_size > 10_000_000
    except (DatasetError, OSError, zipfile.BadZipFile):
        return False


def has_mnist_files(folder) -> bool:
    """True when `folder` holds the four IDX files (by name only: nothing is read)."""
    try:
        find_mnist_files(folder)
        return True
    except DatasetError:
        return False


def find_existing_mnist(candidates=None, home=None, cwd=None) -> list[Path]:
    """Places where a copy of MNIST already lives: Keras's ~/.keras/datasets/mnist.npz, a book checkout's
    dataset/mnist.pkl or dataset/*.gz (in the current folder, its parent, ~/deep-learning-from-scratch, …),
    torchvision's data/MNIST/raw. `candidates` replaces the usual list (files or folders); `home` and `cwd`
    replace the home and current folders the usual list is built from. Cheap: nothing is decompressed;
    load_mnist or import_mnist validates the one the user picks."""
    if candidates is None:
        candidates = _usual_mnist_places(Path(home) if home is not None else Path.home(),
                                         Path(cwd) if cwd is not None else Path.cwd())
    found, seen = [], set()
    for place in map(Path, candidates):
        try:
            key = place.resolve()
        except OSError:
            continue
        if key not in seen and _looks_like_mnist(place):
            seen.add(key)
            found.append(place)
    return found


def mnist_summary(path) -> dict:
    """Validate MNIST at `path` completely (as import_mnist does: all 60,000 + 10,000 images) and count it:
    {"train": 60000, "test": 10000, "train_label_counts": [5923, …], "test_label_counts": [980, …]}."""
    dataset, _ = _read_any(path, counts=MNIST_COUNTS)
    return {"train": len(dataset["train_img"]), "test": len(dataset["test_img"]),
            "train_label_counts": np.bincount(dataset["train_label"], minlength=10).tolist(),
            "test_label_counts": np.bincount(dataset["test_label"], minlength=10).tolist()}


def _idx_bytes(array: np.ndarray) -> bytes:
    """uint8 images (N, 28, 28) or labels (N,) → an uncompressed IDX file."""
    if array.ndim == 3:
        header = struct.pack(">iiii", IMAGE_MAGIC, len(array), 28, 28)
    else:
        header = struct.pack(">ii", LABEL_MAGIC, len(array))
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def _write_atomically(contents: dict[Path, bytes]) -> None:
    """Write every file to a temporary file beside it, then os.replace them all; on failure nothing is kept."""
    temps = {}
    try:
        for target, data in contents.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            temps[target] = tmp
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        for target, tmp in temps.items():
            os.replace(tmp, target)
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.remove(tmp)


def import_mnist(source, dest_folder) -> Path:
    """Copy MNIST from `source` (a folder of IDX files, the book's mnist.pkl or Keras's mnist.npz) into
    `dest_folder` as the four standard .gz IDX files; returns dest_folder.

    The source is validated completely first (a bad one raises DatasetError and dest is left untouched);
    gzipped IDX files are copied byte for byte, the rest are written as gzipped IDX. Each file goes to a
    temporary file in dest_folder and is moved into place with os.replace.
    """
    dest = Path(dest_folder)
    arrays, raw = _read_any(source, counts=MNIST_COUNTS)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        contents = {}
        for key, name in KEY_FILE.items():
            if raw is not None and raw[key][1][:2] == _GZIP_MAGIC:
                contents[dest / name] = raw[key][1]
            else:
                contents[dest / name] = gzip.compress(_idx_bytes(arrays[key]), compresslevel=6, mtime=0)
        _write_atomically(contents)
    except OSError as exc:
        raise DatasetError(dest, f"cannot write MNIST here ({exc.strerror or exc})") from None
    return dest


def copy_file_atomically(source, target) -> None:
    """Copy one file to `target` through a temporary file in the same folder and os.replace."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


# ====================================================================== cat / non-cat (the lessons' .h5 files)
def _read_h5(path: Path, x_key: str, y_key: str, with_classes: bool):
    import h5py

    if not path.is_file():
        raise DatasetError(path, "file not found (the lessons keep it in their datasets/ folder)")
    try:
        if not h5py.is_hdf5(path):
            raise DatasetError(path, "not an HDF5 file")
        with h5py.File(path, "r") as f:
            keys = [x_key, y_key] + (["list_classes"] if with_classes else [])
            missing = [k for k in keys if k not in f]
            if missing:
                raise DatasetError(path, "missing dataset " + ", ".join(f"'{k}'" for k in missing)
                                         + " (not the lessons' cat / non-cat file)")
            for k in keys:
                if not isinstance(f[k], h5py.Dataset):
                    raise DatasetError(path, f"'{k}' is a group, not a dataset")
            x, y = f[x_key][()], f[y_key][()]
            classes = f["list_classes"][()] if with_classes else None
    except DatasetError:
        raise
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise DatasetError(path, f"cannot read the HDF5 data ({exc})") from None
    x, y = np.asarray(x), np.asarray(y)
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
