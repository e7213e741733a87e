"""Hostile data and model files (issue 12): each is refused with a message naming the file and the fault, in
bounded time and memory, and without reading more than its format allows.

Every file is built here in tmp_path, by streaming: bombs are written in chunks of zeros (or as a small gzip
member repeated), never expanded in memory or on disk; a "huge" stored file is a sparse file (truncate).
bench/hostile_files.py runs the same CASES and prints the time and peak memory of each.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import struct
import sys
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest

from engine.data.datasets import DatasetError, load_catvnoncat, load_mnist, read_idx
from engine.data.idx import IMAGE_MAGIC, LABEL_MAGIC, MNIST_FILES
from engine.networks import TwoLayerNet

GB = 1 << 30
TIME_LIMIT = 5.0  # seconds: every refusal below takes well under one
MEMORY_LIMIT = GB  # the bound: ≤ ~1 GB above the app's own
ZEROS = bytes(1 << 22)  # 4 MiB of zeros, the chunk every bomb is written with
TRAIN_LABELS = "train-labels-idx1-ubyte.gz"


# ---------------------------------------------------------------- measuring
def _rss_peak_reset() -> int | None:
    """Reset the process's peak RSS (Linux: /proc/self/clear_refs) and return the current RSS, or None."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return _status("VmRSS")
    except OSError:
        return None


def _status(field: str) -> int | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def measure(action, timeout: float = 30.0):
    """Run action() in a thread: (the exception it raised or None, seconds, peak bytes above the start).

    Peak memory is the larger of tracemalloc's peak (Python and NumPy allocations) and the RSS peak's rise
    (everything, C libraries included, where /proc allows resetting it). A hang ends after `timeout` with
    TimeoutError as the outcome (the thread is a daemon: it cannot keep the test run alive)."""
    outcome = {}

    def run():
        try:
            action()
            outcome["error"] = None
        except BaseException as exc:  # noqa: BLE001 — reported to the caller, who asserts on it
            outcome["error"] = exc

    base = _rss_peak_reset()
    tracemalloc.start()
    start = time.perf_counter()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    seconds = time.perf_counter() - start
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak = traced
    hwm = _status("VmHWM")
    if base is not None and hwm is not None:
        peak = max(peak, hwm - base)
    if thread.is_alive():
        return TimeoutError(f"still running after {timeout} s"), seconds, peak
    return outcome["error"], seconds, peak


# ---------------------------------------------------------------- building hostile files (streamed)
def gzip_bomb(path: Path, header: bytes, expanded: int) -> None:
    """A gzip file whose first member is `header` + 64 MiB of zeros (written through GzipFile in chunks),
    followed by copies of a 64 MiB-of-zeros member until `expanded` bytes: ~1 kB on disk per 64 MiB."""
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as gz:
            gz.write(header)
            for _ in range((64 << 20) // len(ZEROS)):
                gz.write(ZEROS)
        zeros_member = _zeros_member(64 << 20)
        for _ in range(max(0, expanded // (64 << 20) - 1)):
            f.write(zeros_member)


def _zeros_member(size: int) -> bytes:
    """One gzip member holding `size` zero bytes, compressed chunk by chunk (never `size` bytes in memory)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as gz:
        for _ in range(size // len(ZEROS)):
            gz.write(ZEROS)
    return buffer.getvalue()


def npy_header(shape, dtype="|u1") -> bytes:
    """The .npy version 1.0 header announcing `shape` and `dtype` (whatever the data that follows)."""
    text = f"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {tuple(shape)}, }}"
    text += " " * (63 - (10 + len(text)) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1")


def zip_bomb(path: Path, name: str, header: bytes, expanded: int, others: dict | None = None) -> None:
    """An .npz whose member `name`.npy is `header` then `expanded` zero bytes, deflated as it is written."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for other, array in (others or {}).items():
            with archive.open(f"{other}.npy", "w") as f:
                np.lib.format.write_array(f, array)
        with archive.open(f"{name}.npy", "w", force_zip64=True) as f:
            f.write(header)
            for _ in range(expanded // len(ZEROS)):
                f.write(ZEROS)


def shared_lists_pickle(levels: int = 6, width: int = 32):
    """A dict of lists nested `levels` deep, each level `width` references to the one below: the pickle is
    about a kilobyte, the lists it describes have width**levels leaves (32**6 ≈ 10⁹)."""
    inner = [0] * width
    for _ in range(levels - 1):
        inner = [inner] * width
    return {"train_img": inner, "train_label": inner, "test_img": inner, "test_label": inner}


def shared_tuples_pickle(levels: int = 6, width: int = 32):
    inner = (0,) * width
    for _ in range(levels - 1):
        inner = (inner,) * width
    return {"train_img": inner, "train_label": inner, "test_img": inner, "test_label": inner}


def mnist_folder(tmp: Path, name: str, content_of) -> Path:
    """A folder with the four MNIST file names; `name` written by content_of(path), the others empty."""
    folder = tmp / "mnist"
    folder.mkdir()
    for other in MNIST_FILES:
        (folder / other).write_bytes(b"")
    content_of(folder / name)
    return folder


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (nothing is written)."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def model_npz(path: Path, header=None, **arrays) -> Path:
    """A model file as TwoLayerNet.save writes it, with the header and the arrays replaced at will."""
    good = TwoLayerNet(4, 3, 2, seed=0).params
    header = {"activation": "relu", "meta": {}} if header is None else header
    contents = {"header": np.array(header if isinstance(header, str) else json.dumps(header))}
    contents.update({key: arrays.get(key, good[key]) for key in good})
    contents.update({k: v for k, v in arrays.items() if k not in good})
    np.savez(path, **contents)
    return path


def model_bomb(path: Path, shape) -> Path:
    """A model whose W1 header declares `shape` float64 while only 64 MiB of zeros follow (deflated)."""
    others = TwoLayerNet(4, 3, 2, seed=0).params
    zip_bomb(path, "W1", npy_header(shape, "<f8"), 64 << 20,
             others={"header": np.array('{"activation": "relu", "meta": {}}'), "b1": others["b1"],
                     "W2": others["W2"], "b2": others["b2"]})
    return path


# ---------------------------------------------------------------- HDF5 files
def h5_cat(path: Path, x=None, y=None, **x_kwargs) -> Path:
    """A train_catvnoncat.h5 with train_set_x made by create_dataset(**x_kwargs) (or from `x`) and 209 labels."""
    import h5py

    with h5py.File(path, "w") as f:
        if x is not None:
            f.create_dataset("train_set_x", data=x)
        else:
            f.create_dataset("train_set_x", **x_kwargs)
        f.create_dataset("train_set_y", data=np.zeros(209, np.int64) if y is None else y)
    return path


def cat_folder(tmp: Path) -> Path:
    folder = tmp / "cats"
    folder.mkdir()
    return folder


def h5_external(tmp: Path, target: Path) -> Path:
    folder = cat_folder(tmp)
    h5_cat(folder / "train_catvnoncat.h5", shape=(209, 64, 64, 3), dtype=np.uint8,
           external=[(os.fspath(target), 0, 209 * 64 * 64 * 3)])
    return folder


def h5_virtual(tmp: Path) -> Path:
    import h5py

    folder = cat_folder(tmp)
    source = tmp / "source.h5"
    with h5py.File(source, "w") as f:
        f.create_dataset("pixels", data=np.zeros((209, 64, 64, 3), np.uint8))
    layout = h5py.VirtualLayout(shape=(209, 64, 64, 3), dtype=np.uint8)
    layout[:] = h5py.VirtualSource(os.fspath(source), "pixels", shape=(209, 64, 64, 3))
    with h5py.File(folder / "train_catvnoncat.h5", "w") as f:
        f.create_virtual_dataset("train_set_x", layout)
        f.create_dataset("train_set_y", data=np.zeros(209, np.int64))
    return folder


def h5_external_link(tmp: Path, to_fifo: bool = False) -> Path:
    import h5py

    folder = cat_folder(tmp)
    other = tmp / "other.h5"
    if to_fifo:
        fifo(other)
    else:
        with h5py.File(other, "w") as f:
            f.create_dataset("pixels", data=np.zeros((209, 64, 64, 3), np.uint8))
    with h5py.File(folder / "train_catvnoncat.h5", "w") as f:
        f["train_set_x"] = h5py.ExternalLink(os.fspath(other), "pixels")
        f.create_dataset("train_set_y", data=np.zeros(209, np.int64))
    return folder


def fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no FIFOs (os.mkfifo)")
    os.mkfifo(path)
    return path


# ---------------------------------------------------------------- the cases: build(tmp) → (action, path, fault)
def case_gzip_bomb(tmp):
    """12 MB of gzip expanding to 12 GB behind a valid image header: refused after reading at most the cap
    (60,000 images + 1 MiB)."""
    path = tmp / "train-images-idx3-ubyte.gz"
    gzip_bomb(path, struct.pack(">iiii", IMAGE_MAGIC, 60_000, 28, 28), 12 * GB)
    return (lambda: read_idx(path, IMAGE_MAGIC, 60_000)), path, "expands to more than 47,040,016 bytes"


def case_gzip_bomb_labels(tmp):
    """The same bomb as a label file, through load_mnist: refused from its size (a label .gz is tiny)."""
    folder = mnist_folder(tmp, TRAIN_LABELS, lambda p: gzip_bomb(p, struct.pack(">ii", LABEL_MAGIC, 60_000),
                                                                12 * GB))
    return (lambda: load_mnist(folder)), folder / TRAIN_LABELS, "larger than this MNIST file can be"


def case_idx_huge_stored(tmp):
    """An uncompressed IDX file of 5 GB (sparse): refused from its size, nothing read."""
    path = sparse(tmp / "train-images-idx3-ubyte", 5 * GB)
    return (lambda: read_idx(path, IMAGE_MAGIC)), path, "larger than this MNIST file can be"


def case_idx_header_claims_billions(tmp):
    path = tmp / "train-images-idx3-ubyte"
    path.write_bytes(struct.pack(">iiii", IMAGE_MAGIC, 2**31 - 1, 28, 28) + bytes(784))
    return (lambda: read_idx(path, IMAGE_MAGIC)), path, "2147483647"


def case_idx_fifo(tmp):
    path = fifo(tmp / TRAIN_LABELS)
    return (lambda: read_idx(path, LABEL_MAGIC, 60_000)), path, "not a regular file"


SMALL_REST = {"y_train": np.zeros(3, np.uint8), "x_test": np.zeros((1, 28, 28), np.uint8),
              "y_test": np.zeros(1, np.uint8)}  # the other members of a bomb .npz: small and valid


def case_npz_declares_huge(tmp):
    """x_train.npy announces 10⁷ images (7.8 GB); 256 MiB of zeros follow, deflated to a few hundred kB."""
    path = tmp / "mnist.npz"
    zip_bomb(path, "x_train", npy_header((10_000_000, 28, 28)), 256 << 20,
             others=SMALL_REST)
    return (lambda: load_mnist(path)), path, "refused before reading it"


def case_npz_stream_longer_than_header(tmp):
    """x_train.npy announces MNIST's 60,000 images but its member expands to 512 MiB."""
    path = tmp / "mnist.npz"
    zip_bomb(path, "x_train", npy_header((60_000, 28, 28)), 512 << 20,
             others=SMALL_REST)
    return (lambda: load_mnist(path)), path, "expands to 536,"


def case_npz_zero_size(tmp):
    path = tmp / "mnist.npz"
    np.savez(path, x_train=np.zeros((0, 28, 28), np.uint8), y_train=np.zeros(0, np.uint8),
             x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.zeros(1, np.uint8))
    return (lambda: load_mnist(path)), path, "'x_train' is empty"


def case_npz_object_array(tmp):
    path = tmp / "mnist.npz"
    np.savez(path, x_train=np.array([{"a": 1}], dtype=object), y_train=np.zeros(1, np.uint8),
             x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.zeros(1, np.uint8))
    return (lambda: load_mnist(path)), path, "'x_train' has dtype object"


def case_pickle_shared_lists(tmp):
    path = tmp / "mnist.pkl"
    path.write_bytes(pickle.dumps(shared_lists_pickle(), protocol=4))
    assert path.stat().st_size < 2000
    return (lambda: load_mnist(path)), path, "it builds a list"


def case_pickle_shared_tuples(tmp):
    path = tmp / "mnist.pkl"
    path.write_bytes(pickle.dumps(shared_tuples_pickle(), protocol=4))
    return (lambda: load_mnist(path)), path, "'train_img' is a tuple, not a NumPy array"


def case_pickle_huge_stored(tmp):
    path = sparse(tmp / "mnist.pkl", 3 * GB)
    return (lambda: load_mnist(path)), path, "larger than the book's mnist.pkl can be"


def case_pickle_runs_code(tmp):
    path = tmp / "mnist.pkl"
    path.write_bytes(b"cos\nsystem\n(S'echo owned'\ntR.")
    return (lambda: load_mnist(path)), path, "os.system"


def case_h5_external_fifo(tmp):
    folder = h5_external(tmp, fifo(tmp / "pipe"))
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "keeps its data outside the file"


def case_h5_external_file(tmp):
    secret = tmp / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 30_000)
    folder = h5_external(tmp, secret)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "keeps its data outside the file"


def case_h5_virtual(tmp):
    folder = h5_virtual(tmp)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "virtual dataset"


def case_h5_external_link(tmp):
    folder = h5_external_link(tmp)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "link to another file"


def case_h5_external_link_to_a_fifo(tmp):
    folder = h5_external_link(tmp, to_fifo=True)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "link to another file"


def case_h5_huge_shape(tmp):
    """train_set_x declares 10⁷ images (123 GB, never written: the file stays small)."""
    folder = cat_folder(tmp)
    h5_cat(folder / "train_catvnoncat.h5", shape=(10_000_000, 64, 64, 3), dtype=np.uint8)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "claims 10,000,000 images"


def case_h5_huge_chunks(tmp):
    folder = cat_folder(tmp)
    h5_cat(folder / "train_catvnoncat.h5", shape=(209, 64, 64, 3), maxshape=(None, 64, 64, 3),
           chunks=(2_000, 64, 64, 3), dtype=np.uint8)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "chunks"


def case_h5_float_pixels(tmp):
    folder = cat_folder(tmp)
    h5_cat(folder / "train_catvnoncat.h5", shape=(209, 64, 64, 3), dtype=np.float64)
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "dtype float64, expected uint8"


def case_h5_no_images(tmp):
    folder = cat_folder(tmp)
    h5_cat(folder / "train_catvnoncat.h5", x=np.zeros((0, 64, 64, 3), np.uint8), y=np.zeros(0, np.int64))
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "holds no images"


def case_h5_fifo(tmp):
    folder = cat_folder(tmp)
    fifo(folder / "train_catvnoncat.h5")
    return (lambda: load_catvnoncat(folder)), folder / "train_catvnoncat.h5", "not a regular file"


def case_model_list_header(tmp):
    path = model_npz(tmp / "model.npz", header=["relu"])
    return (lambda: TwoLayerNet.load(path)), path, "the header is a JSON list"


def case_model_string_header(tmp):
    path = model_npz(tmp / "model.npz", header="not json {")
    return (lambda: TwoLayerNet.load(path)), path, "the header is not JSON"


def case_model_meta_not_a_dict(tmp):
    path = model_npz(tmp / "model.npz", header={"activation": "relu", "meta": [1, 2]})
    return (lambda: TwoLayerNet.load(path)), path, "meta is a list"


def case_model_string_weights(tmp):
    path = model_npz(tmp / "model.npz", W1=np.array([["a", "b", "c"]] * 4))
    return (lambda: TwoLayerNet.load(path)), path, "'W1' has dtype <U1, expected float32 or float64"


def case_model_int_weights(tmp):
    path = model_npz(tmp / "model.npz", W1=np.ones((4, 3), np.int64))
    return (lambda: TwoLayerNet.load(path)), path, "'W1' has dtype int64"


def case_model_bool_weights(tmp):
    path = model_npz(tmp / "model.npz", b2=np.ones(2, bool))
    return (lambda: TwoLayerNet.load(path)), path, "'b2' has dtype bool"


def case_model_float16_weights(tmp):
    path = model_npz(tmp / "model.npz", W2=np.ones((3, 2), np.float16))
    return (lambda: TwoLayerNet.load(path)), path, "W2 has dtype float16"


def case_model_object_weights(tmp):
    path = model_npz(tmp / "model.npz", W1=np.array([object()] * 12, dtype=object).reshape(4, 3))
    return (lambda: TwoLayerNet.load(path)), path, "'W1' has dtype object"


def case_model_zero_size(tmp):
    path = model_npz(tmp / "model.npz", W1=np.zeros((0, 3)))
    return (lambda: TwoLayerNet.load(path)), path, "'W1' is empty"


def case_model_nan(tmp):
    W1 = np.zeros((4, 3))
    W1[2, 1] = np.nan
    path = model_npz(tmp / "model.npz", W1=W1)
    return (lambda: TwoLayerNet.load(path)), path, "W1 holds NaN or infinite"


def case_model_shapes(tmp):
    path = model_npz(tmp / "model.npz", b1=np.zeros(5))
    return (lambda: TwoLayerNet.load(path)), path, "shapes do not fit"


def case_model_unknown_activation(tmp):
    path = model_npz(tmp / "model.npz", header={"activation": ["relu"], "meta": {}})
    return (lambda: TwoLayerNet.load(path)), path, "unknown activation"


def case_model_declares_huge(tmp):
    path = model_bomb(tmp / "model.npz", (100_000, 100_000))
    return (lambda: TwoLayerNet.load(path)), path, "refused before reading it"


def case_model_huge_stored(tmp):
    path = sparse(tmp / "model.npz", 1_100_000_000)
    return (lambda: TwoLayerNet.load(path)), path, "larger than a model can be"


def case_model_fifo(tmp):
    path = fifo(tmp / "model.npz")
    return (lambda: TwoLayerNet.load(path)), path, "not a regular file"


CASES = {name[len("case_"):]: function for name, function in sorted(globals().items())
         if name.startswith("case_")}


# ---------------------------------------------------------------- the tests
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_file_is_refused_quickly_and_within_memory(case, tmp_path):
    action, path, fault = CASES[case](tmp_path)
    error, seconds, peak = measure(action)
    assert isinstance(error, ValueError), f"{case}: {error!r}"  # DatasetError is a ValueError
    message = str(error)
    assert path.name in message, message
    assert fault in message, message
    assert seconds < TIME_LIMIT, f"{case} took {seconds:.1f} s"
    assert peak < MEMORY_LIMIT, f"{case} used {peak / GB:.2f} GB"


def test_a_failed_model_load_changes_nothing_and_a_good_one_still_loads(tmp_path):
    net = TwoLayerNet(4, 3, 2, seed=1, activation="sigmoid")
    good = tmp_path / "good.npz"
    net.save(good)
    before = good.read_bytes()
    for case in ("model_int_weights", "model_list_header", "model_nan"):
        action, _, _ = CASES[case](tmp_path)
        with pytest.raises(ValueError):
            action()
    assert good.read_bytes() == before
    loaded = TwoLayerNet.load(good)
    assert loaded.activation == "sigmoid"
    for key in net.params:
        np.testing.assert_array_equal(loaded.params[key], net.params[key])


def test_a_big_endian_float32_model_loads_in_native_order(tmp_path):
    params = TwoLayerNet(4, 3, 2, seed=2, dtype=np.float32).params
    path = model_npz(tmp_path / "big.npz", **{k: v.astype(">f4") for k, v in params.items()})
    net = TwoLayerNet.load(path)
    assert net.params["W1"].dtype == np.float32 and net.params["W1"].dtype.isnative
    np.testing.assert_array_equal(net.params["W1"], params["W1"])


def test_the_pickle_bomb_is_refused_before_the_unpickler_builds_anything(tmp_path, monkeypatch):
    from engine.data import pkl_npz

    path = tmp_path / "mnist.pkl"
    path.write_bytes(pickle.dumps(shared_lists_pickle(), protocol=2))
    built = []
    monkeypatch.setattr(pkl_npz._ArraysOnlyUnpickler, "load", lambda self: built.append(1))
    with pytest.raises(DatasetError, match="builds a list"):
        load_mnist(path)
    assert built == []


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_the_books_flat_arrays_pass_the_pickle_scan_in_every_protocol(tmp_path, protocol):
    from engine.data.pkl_npz import load_pkl

    rng = np.random.default_rng(protocol)
    dataset = {"train_img": rng.integers(0, 256, (3, 784), dtype=np.uint8), "train_label": np.arange(3, dtype=np.uint8),
               "test_img": rng.integers(0, 256, (2, 784), dtype=np.uint8), "test_label": np.arange(2, dtype=np.uint8)}
    path = tmp_path / "mnist.pkl"
    path.write_bytes(pickle.dumps(dataset, protocol=protocol))
    loaded = load_pkl(path)
    for key, array in dataset.items():
        np.testing.assert_array_equal(loaded[key], array)


def test_the_real_cat_files_still_load(cat_dir):
    train_x, train_y, test_x, test_y, classes = load_catvnoncat(cat_dir)
    assert train_x.shape == (209, 64, 64, 3) and test_x.shape == (50, 64, 64, 3) and classes == ["non-cat", "cat"]


def test_the_bundled_model_still_loads():
    path = Path(__file__).resolve().parents[2] / "resources" / "models" / "digit_default.npz"
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    assert TwoLayerNet.load(path).sizes == (784, 100, 10)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
