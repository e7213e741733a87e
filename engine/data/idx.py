"""MNIST as LeCun distributes it: four IDX files (usually gzipped), read and written. Pure NumPy, never Qt.

An IDX file is

    magic (big-endian int32)  0x00000803 for images, 0x00000801 for labels
    counts (big-endian int32) N, then 28, 28 for images
    data                      N·28·28 (images) or N (labels) unsigned bytes, row-major

so its size is known from its header: a file with fewer or more bytes, another magic number or another image
size is refused (DatasetError naming the file and the fault) before any array is made. MNIST's sizes are known
too, so no file is read past them: a stored file larger than the largest MNIST file could be is refused from
its size, and gzip is decompressed through a capped read (at most the expected size + 1 bytes) — a 12 MB .gz
that expands to 12 GB is refused after 47 MB.
"""
from __future__ import annotations

import gzip
import io
import struct
import zlib
from pathlib import Path

import numpy as np

from engine.data.checks import DatasetError, check_labels
from engine.data.npz import check_regular_file, run_steps

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
MNIST_COUNTS = {"train": 60_000, "test": 10_000}
IMAGE_MAGIC = 0x00000803
LABEL_MAGIC = 0x00000801
IMG_SIZE = 28 * 28
GZIP_MAGIC = b"\x1f\x8b"


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


def has_mnist_files(folder) -> bool:
    """True when `folder` holds the four IDX files (by name only: nothing is read)."""
    try:
        find_mnist_files(folder)
        return True
    except DatasetError:
        return False


_SLACK = 1 << 20  # bytes read past the limit, so that a few extra bytes are reported as such


def idx_limit(magic: int | None, count: int | None) -> int:
    """The largest uncompressed IDX file allowed: header + `count` items (MNIST's largest count when None)."""
    n = count if count is not None else max(MNIST_COUNTS.values())
    if magic == LABEL_MAGIC:
        return 8 + n
    return 16 + n * IMG_SIZE


def stored_limit(limit: int) -> int:
    """The largest file that can hold `limit` IDX bytes: gzip at level 0 adds 5 bytes per 64 KiB block plus
    its header (a name, a comment); anything larger is not an MNIST file."""
    return limit + limit // 100 + (1 << 17)


STEP_BYTES = 1 << 21  # bytes read or decompressed between two yields (~5–10 ms): Stop reaches a load at once


def _decompress_steps(path: Path, raw: bytes, limit: int):
    """The IDX bytes of a file's contents: gunzipped when it is gzip (reading stops 1 MiB past `limit` and
    refuses; a little extra is left for _parse_idx to count), as-is when it already starts like IDX.
    A generator: yields None between chunks of STEP_BYTES, returns the bytes."""
    if raw[:2] != GZIP_MAGIC:
        if len(raw) >= 4 and raw[:3] == b"\0\0\x08":  # an uncompressed IDX file (uint8 data)
            return raw
        if path.suffix == ".gz":
            raise DatasetError(path, "not a gzip file (and not an uncompressed IDX file either)")
        return raw  # _parse_idx reports the wrong magic number
    chunks, got, wanted = [], 0, limit + _SLACK + 1
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw), mode="rb") as stream:
            while got < wanted:
                chunk = stream.read(min(STEP_BYTES, wanted - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                yield None
    except EOFError:
        raise DatasetError(path, "truncated gzip stream (the file ends early: download or copy it again)") from None
    except (OSError, zlib.error) as exc:
        raise DatasetError(path, f"corrupt gzip data ({exc})") from None
    if got > limit + _SLACK:
        raise DatasetError(path, f"expands to more than {limit:,} bytes, the most this MNIST file can hold: "
                                 "refused after reading that much (not an MNIST file)")
    return b"".join(chunks)


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


def read_idx(path, magic: int | None = None, count: int | None = None) -> tuple[bytes, np.ndarray]:
    """One IDX file (gzipped or not, told apart by its contents) → (its raw bytes, a read-only uint8 array:
    (N, 28, 28) images or (N,) labels).

    Checks the magic number (0x803 images / 0x801 labels, or exactly `magic`), the count (`count`, when given),
    the 28×28 size and that the data has exactly the bytes the header announces.
    """
    return run_steps(read_idx_steps(path, magic, count))


def read_idx_steps(path, magic: int | None = None, count: int | None = None):
    """read_idx as a generator: yields None between chunks of STEP_BYTES read or decompressed (so a worker's
    Stop reaches it at once), returns (raw bytes, array)."""
    path = Path(path)
    limit = idx_limit(magic, count)
    try:
        size = check_regular_file(path, stored_limit(limit), "this MNIST file")
        chunks, got = [], 0
        with open(path, "rb") as f:
            while got <= size:
                chunk = f.read(min(STEP_BYTES, size + 1 - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                yield None
        raw = b"".join(chunks)
    except FileNotFoundError:
        raise DatasetError(path, "file not found") from None
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > size:
        raise DatasetError(path, "the file grew while it was read")
    data = yield from _decompress_steps(path, raw, limit)
    return raw, _parse_idx(path, data, magic, count)


def read_idx_folder(folder) -> tuple[dict[str, np.ndarray], dict[str, tuple[Path, bytes]]]:
    """The four validated arrays of an IDX folder (labels first: they are small and fail fast) and the raw bytes."""
    return run_steps(read_idx_folder_steps(folder))


def read_idx_folder_steps(folder):
    """read_idx_folder as a generator of None between chunks (read_idx_steps), returning (arrays, raw)."""
    files = find_mnist_files(folder)
    arrays, raw = {}, {}
    for key in ("train_label", "test_label", "train_img", "test_img"):
        name = KEY_FILE[key]
        count = MNIST_COUNTS[key.split("_")[0]]
        magic = IMAGE_MAGIC if key.endswith("img") else LABEL_MAGIC
        data, array = yield from read_idx_steps(files[name], magic, count)
        if key.endswith("label"):
            check_labels(files[name], array)
        arrays[key], raw[key] = array, (files[name], data)
    return arrays, raw


def idx_bytes(array: np.ndarray) -> bytes:
    """uint8 images (N, 28, 28) or labels (N,) → an uncompressed IDX file (the header, then the bytes)."""
    if array.ndim == 3:
        header = struct.pack(">iiii", IMAGE_MAGIC, len(array), 28, 28)
    else:
        header = struct.pack(">ii", LABEL_MAGIC, len(array))
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()
