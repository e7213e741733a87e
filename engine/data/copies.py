"""Copies of MNIST the user already has: finding one in the usual places, importing one. Pure Python, never Qt.

Finding is cheap (names and sizes only); importing validates the whole copy first and then writes the four
standard .gz files atomically, so a bad copy, a full disk or an import stopped mid-way (import_mnist_steps,
closed by its worker) never leaves a half-written MNIST or a temporary file behind.
"""
from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

from engine.data.checks import DatasetError
from engine.data.idx import GZIP_MAGIC, KEY_FILE, MNIST_COUNTS, has_mnist_files, idx_bytes
from engine.data.mnist import read_mnist_steps
from engine.data.npz import run_steps
from engine.data.pkl_npz import has_keras_arrays
from engine.files import usual_mode


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
    try:
        if place.is_dir():
            return has_mnist_files(place)
        if not place.is_file():
            return False
        if place.suffix == ".npz":
            return has_keras_arrays(place)
        return place.suffix == ".pkl" and place.stat().st_size > 10_000_000
    except OSError:
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


_WRITE_STEP = 1 << 20  # bytes written (and gzipped) between two yields: level-6 gzip of 1 MiB takes ~20–40 ms


def _write_chunks(f, data: bytes):
    """Write `data` to `f` a chunk at a time, yielding None after each."""
    view = memoryview(data)
    for start in range(0, len(view), _WRITE_STEP):
        f.write(view[start:start + _WRITE_STEP])
        yield None


def import_mnist(source, dest_folder) -> Path:
    """Copy MNIST from `source` (a folder of IDX files, the book's mnist.pkl or Keras's mnist.npz) into
    `dest_folder` as the four standard .gz IDX files; returns dest_folder.

    The source is validated completely first (a bad one raises DatasetError and dest is left untouched);
    gzipped IDX files are copied byte for byte, the rest are written as gzipped IDX. Each file goes to a
    temporary file in dest_folder and is moved into place with os.replace.
    """
    return run_steps(import_mnist_steps(source, dest_folder))


def import_mnist_steps(source, dest_folder):
    """import_mnist as a generator: yields None between chunks of ≤ ~50 ms of work (reading, checking, gzipping,
    writing), returns dest_folder. Its temporary files are removed in `finally`: a failure, or the generator
    closed mid-way (a worker stopped, the app quitting), leaves nothing behind, and the four files are only
    moved into place together at the end."""
    dest = Path(dest_folder)
    arrays, raw = yield from read_mnist_steps(source, counts=MNIST_COUNTS)
    temps: dict[Path, str] = {}
    try:
        dest.mkdir(parents=True, exist_ok=True)
        for key, name in KEY_FILE.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=dest)
            temps[dest / name] = tmp
            with os.fdopen(fd, "wb") as f:
                if raw is not None and raw[key][1][:2] == GZIP_MAGIC:
                    yield from _write_chunks(f, raw[key][1])
                else:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=6, mtime=0) as gz:
                        yield from _write_chunks(gz, idx_bytes(arrays[key]))
                f.flush()
                os.fsync(f.fileno())
            yield None
        for target, tmp in temps.items():
            usual_mode(tmp)
            os.replace(tmp, target)
    except OSError as exc:
        raise DatasetError(dest, f"cannot write MNIST here ({exc.strerror or exc})") from None
    finally:
        for tmp in temps.values():
            try:
                if os.path.exists(tmp):
                    os.remove(tmp)
            except OSError:  # nothing more can be done; the next import writes a new temporary file
                pass
    return dest
