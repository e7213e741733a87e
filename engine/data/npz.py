""".npz archives read member by member, each size checked before anything is allocated. Pure NumPy, never Qt.

np.load trusts an .npy header: a member declaring a (10⁹, 784) shape is allocated, then filled from a stream
that may expand a thousandfold (a 7.5 MB .npz reached 5.8 GB before being rejected). `read_member` instead
reads the zip directory's uncompressed size and the .npy header first, refuses what is larger than the caller
allows (or empty, or of another dtype), and only then reads exactly the announced bytes — never more.
"""
from __future__ import annotations

import math
import os
import stat
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from engine.data.checks import DatasetError

NPY_HEADER_MAX = 10_000  # bytes of an .npy header (np.load's own limit)
_CHUNK = 1 << 22  # read 4 MiB at a time


def check_regular_file(path: Path, max_bytes: int, what: str) -> int:
    """The size of `path`, after checking it is a regular file (not a FIFO, a device, a folder) of at most
    `max_bytes` bytes. Raises FileNotFoundError when it is missing, DatasetError otherwise."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise DatasetError(path, "not a regular file (a folder, a pipe or a device)")
    if info.st_size > max_bytes:
        raise DatasetError(path, f"{info.st_size:,} bytes: larger than {what} can be ({max_bytes:,} bytes)")
    return info.st_size


def open_archive(path: Path, what: str = ".npz (zip) file") -> zipfile.ZipFile:
    """The zip archive at `path` (its directory read, nothing decompressed); DatasetError "not a readable
    `what` (…)" when it is not one."""
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise DatasetError(path, f"not a readable {what} ({exc})") from None


def run_steps(steps):
    """Run a step generator (one that yields None between chunks of work) to its end; return what it returns."""
    while True:
        try:
            next(steps)
        except StopIteration as end:
            return end.value


def read_member(path: Path, archive: zipfile.ZipFile, name: str, max_bytes: int, kinds: str = "biuf",
                max_ndim: int = 4, expected: str = "") -> np.ndarray:
    """read_member_steps run to its end: the array, or DatasetError."""
    return run_steps(read_member_steps(path, archive, name, max_bytes, kinds, max_ndim, expected))


def read_member_steps(path: Path, archive: zipfile.ZipFile, name: str, max_bytes: int, kinds: str = "biuf",
                      max_ndim: int = 4, expected: str = ""):
    """A generator yielding None after each chunk of _CHUNK bytes read (a worker's Stop reaches it at once),
    returning the array stored as `name`.npy in `archive`, read only when it fits.

    max_bytes  the largest array (its data, in bytes) the caller accepts
    kinds      the dtype kinds accepted (b bool, i / u integers, f floats, U text); object arrays never are
    expected   what the caller wants, for the message ("uint8", "float32 or float64")
    Refused, as DatasetError(path, "'name' …"): a member missing, of another dtype, larger than max_bytes in the
    zip directory or in its header, empty, shorter or longer than its header says, or damaged (CRC, zlib).
    Only the .npy header (≤ 10 kB) is decompressed before these checks.
    """
    try:
        info = archive.getinfo(f"{name}.npy")
    except KeyError:
        raise DatasetError(path, f"no array '{name}' in the archive") from None
    try:
        with archive.open(info) as member:
            version = npy_format.read_magic(member)
            reader = npy_format.read_array_header_1_0 if version == (1, 0) else npy_format.read_array_header_2_0
            shape, fortran_order, dtype = reader(member, max_header_size=NPY_HEADER_MAX)
            _check_header(path, name, shape, dtype, max_bytes, kinds, max_ndim, expected)
            if info.file_size > max_bytes + NPY_HEADER_MAX:
                raise DatasetError(path, f"'{name}' expands to {info.file_size:,} bytes, more than the "
                                         f"{max_bytes:,} it can hold: refused before reading it")
            count = math.prod(shape)
            array = np.empty(count, dtype=dtype)
            view = memoryview(array.view(np.uint8).reshape(-1))
            done = 0
            while done < len(view):
                got = member.readinto(view[done:done + _CHUNK])
                if not got:
                    raise DatasetError(path, f"'{name}' is truncated: {done:,} of its {len(view):,} bytes")
                done += got
                yield None
            if member.read(1):  # also reaches the end of the member, where zipfile checks the CRC
                raise DatasetError(path, f"'{name}' has more data than its header announces")
    except DatasetError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError,
            RuntimeError) as exc:  # RuntimeError: an encrypted member
        raise DatasetError(path, f"'{name}' cannot be read ({exc})") from None
    return array.reshape(shape, order="F" if fortran_order else "C")


def _check_header(path, name, shape, dtype: np.dtype, max_bytes, kinds, max_ndim, expected) -> None:
    if dtype.hasobject or dtype.kind not in kinds or dtype.fields is not None or dtype.subdtype is not None:
        raise DatasetError(path, f"'{name}' has dtype {dtype}" + (f", expected {expected}" if expected
                                                                  else ", which is not accepted here"))
    if len(shape) > max_ndim:
        raise DatasetError(path, f"'{name}' has {len(shape)} dimensions {shape}, at most {max_ndim} expected")
    count = math.prod(shape)
    if count == 0:
        raise DatasetError(path, f"'{name}' is empty (shape {shape})")
    if count * dtype.itemsize > max_bytes:
        raise DatasetError(path, f"'{name}' declares shape {shape} ({count * dtype.itemsize:,} bytes), more "
                                 f"than the {max_bytes:,} it can hold: refused before reading it")
