"""Copies of MNIST the user already has: finding one in the usual places, importing one. Pure Python, never Qt.

Finding is cheap (names and sizes only); importing validates the whole copy first and then writes the four
standard .gz files atomically, so a bad copy or a full disk never leaves a half-written MNIST behind.
"""
from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

from engine.data.checks import DatasetError
from engine.data.idx import GZIP_MAGIC, KEY_FILE, MNIST_COUNTS, has_mnist_files, idx_bytes
from engine.data.mnist import read_mnist
from engine.data.pkl_npz import has_keras_arrays


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
    arrays, raw = read_mnist(source, counts=MNIST_COUNTS)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        contents = {}
        for key, name in KEY_FILE.items():
            if raw is not None and raw[key][1][:2] == GZIP_MAGIC:
                contents[dest / name] = raw[key][1]
            else:
                contents[dest / name] = gzip.compress(idx_bytes(arrays[key]), compresslevel=6, mtime=0)
        _write_atomically(contents)
    except OSError as exc:
        raise DatasetError(dest, f"cannot write MNIST here ({exc.strerror or exc})") from None
    return dest
