"""engine.data (through engine.data.datasets) against the real MNIST files and against corrupted copies made here
(never committed)."""
import gzip
import pickle
import shutil
import struct
import time

import numpy as np
import pytest

from engine.data import copies, mnist
from engine.data.datasets import (
    KEY_FILE,
    MNIST_FILES,
    DatasetError,
    default_mnist_dir,
    find_existing_mnist,
    import_mnist,
    import_mnist_steps,
    load_mnist,
    load_mnist_steps,
    mnist_summary,
    mnist_summary_steps,
    run_steps,
)

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
TRAIN_IMG, TRAIN_LABEL = "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"
TEST_IMG, TEST_LABEL = "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"


@pytest.fixture(scope="module")
def real(mnist_dir):
    """The real arrays as uint8: {train_img (60000, 28, 28), train_label, test_img, test_label}."""
    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir, normalize=False, flatten=False)
    return {"train_img": x_train.reshape(-1, 28, 28), "train_label": t_train,
            "test_img": x_test.reshape(-1, 28, 28), "test_label": t_test}


@pytest.fixture
def copy_dir(tmp_path, mnist_dir):
    """A fresh copy of the four real files, to damage."""
    folder = tmp_path / "copy"
    shutil.copytree(mnist_dir, folder)
    for f in folder.iterdir():
        f.chmod(0o644)
    return folder


@pytest.fixture(scope="module")
def book_pkl(tmp_path_factory, real):
    """mnist.pkl in the book's layout (dataset/mnist.py: flat uint8 rows, uint8 labels), built from the real arrays."""
    path = tmp_path_factory.mktemp("book") / "mnist.pkl"
    dataset = {"train_img": real["train_img"].reshape(-1, 784), "train_label": real["train_label"],
               "test_img": real["test_img"].reshape(-1, 784), "test_label": real["test_label"]}
    with open(path, "wb") as f:
        pickle.dump(dataset, f, -1)
    return path


@pytest.fixture(scope="module")
def keras_npz(tmp_path_factory, real):
    """mnist.npz in Keras's layout (x_train (60000, 28, 28) uint8, y_train uint8, ...), from the real arrays."""
    path = tmp_path_factory.mktemp("keras") / "mnist.npz"
    np.savez_compressed(path, x_train=real["train_img"], y_train=real["train_label"],
                        x_test=real["test_img"], y_test=real["test_label"])
    return path


def idx_gz(array, magic=None, count=None):
    """uint8 labels (N,) or images (N, 28, 28) → gzipped IDX, with the header's magic / count overridable."""
    if array.ndim == 3:
        header = struct.pack(">iiii", magic or 0x803, len(array) if count is None else count, 28, 28)
    else:
        header = struct.pack(">ii", magic or 0x801, len(array) if count is None else count)
    return gzip.compress(header + array.astype(np.uint8).tobytes(), mtime=0)


def fault(path):
    """The DatasetError message load_mnist gives for `path`."""
    with pytest.raises(DatasetError) as err:
        load_mnist(path)
    return str(err.value)


# ---------------------------------------------------------------- the public names
def test_the_public_names_and_the_old_module_name():
    import importlib

    public = importlib.import_module("engine.data.datasets")
    assert importlib.import_module("engine.datasets") is public  # the alias tools outside the code still use
    for name in ("load_mnist", "load_catvnoncat", "DatasetError", "MNIST_FILES", "MNIST_SIZES", "mnist_summary",
                 "import_mnist", "find_existing_mnist", "default_mnist_dir", "has_mnist_files"):
        assert name in public.__all__, name
        assert callable(getattr(public, name)) or isinstance(getattr(public, name), dict), name
    assert issubclass(DatasetError, ValueError) and str(DatasetError("f.gz", "truncated")) == "f.gz: truncated"


# ---------------------------------------------------------------- the real files
def test_load_mnist_like_the_book(mnist_dir):
    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir)
    assert x_train.shape == (60000, 784) and x_test.shape == (10000, 784)
    assert x_train.dtype == np.float32 and x_test.dtype == np.float32
    assert t_train.shape == (60000,) and t_test.shape == (10000,)
    assert t_train.dtype == np.uint8
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert t_train[0] == 5 and t_test[0] == 7
    assert np.bincount(t_train).tolist() == TRAIN_COUNTS
    assert np.bincount(t_test).tolist() == TEST_COUNTS
    assert x_train.flags.writeable and t_train.flags.writeable


def test_options_normalize_flatten_one_hot(mnist_dir, real):
    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir, normalize=False, flatten=False, one_hot_label=True)
    assert x_train.shape == (60000, 1, 28, 28) and x_train.dtype == np.uint8 and x_train.max() == 255
    assert np.array_equal(x_train[:, 0], real["train_img"])
    assert t_train.shape == (60000, 10) and t_test.shape == (10000, 10)
    assert t_train.dtype == np.float32
    assert np.all(t_train.sum(axis=1) == 1.0)
    assert np.array_equal(t_train.argmax(axis=1), real["train_label"])
    assert t_test[0].tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    (x_norm, _), _ = load_mnist(mnist_dir)
    assert np.allclose(x_norm[0], real["train_img"][0].reshape(-1) / 255.0)


def test_uncompressed_files_load_the_same(tmp_path, mnist_dir, real):
    for name in MNIST_FILES:
        (tmp_path / name[:-3]).write_bytes(gzip.decompress((mnist_dir / name).read_bytes()))
    (_, t_train), (x_test, _) = load_mnist(tmp_path, normalize=False)
    assert np.array_equal(t_train, real["train_label"])
    assert np.array_equal(x_test.reshape(-1, 28, 28), real["test_img"])


def test_one_of_the_four_files_means_its_folder(mnist_dir):
    (_, t_train), _ = load_mnist(mnist_dir / TEST_LABEL)
    assert t_train[0] == 5


def test_book_pkl_and_keras_npz_give_the_same_arrays(book_pkl, keras_npz, real):
    for source in (book_pkl, keras_npz):
        (x_train, t_train), (x_test, t_test) = load_mnist(source, normalize=False)
        assert x_train.shape == (60000, 784) and x_train.dtype == np.uint8
        assert np.array_equal(x_test.reshape(-1, 28, 28), real["test_img"])
        assert np.array_equal(t_train, real["train_label"]) and t_test[0] == 7


def test_summary_counts_every_label(mnist_dir):
    summary = mnist_summary(mnist_dir)
    assert summary == {"train": 60000, "test": 10000, "train_label_counts": TRAIN_COUNTS,
                       "test_label_counts": TEST_COUNTS}


def test_summary_wants_the_whole_set(tmp_path, real):
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=real["test_img"], y_train=real["test_label"], x_test=real["test_img"],
             y_test=real["test_label"])
    assert load_mnist(path)[0][0].shape == (10000, 784)  # load_mnist takes a smaller set as it is ...
    with pytest.raises(DatasetError, match="expected 60000 train images, found 10000"):
        mnist_summary(path)  # ... the Data dialog's check does not


# ---------------------------------------------------------------- bad IDX files: message names file and fault
def test_truncated_gzip(copy_dir):
    path = copy_dir / TRAIN_IMG
    path.write_bytes(path.read_bytes()[: 5_000_000])
    message = fault(copy_dir)
    assert str(path) in message and "truncated gzip" in message


def test_wrong_magic_number(copy_dir, real):
    path = copy_dir / TEST_LABEL
    path.write_bytes(idx_gz(real["test_label"], magic=0x803))
    message = fault(copy_dir)
    assert str(path) in message and "wrong magic number 0x00000803" in message and "0x00000801" in message


def test_images_and_labels_swapped(copy_dir, mnist_dir):
    shutil.copy(mnist_dir / TEST_LABEL, copy_dir / TEST_IMG)
    message = fault(copy_dir)
    assert str(copy_dir / TEST_IMG) in message and "wrong magic number 0x00000801" in message


def test_wrong_count_in_the_header(copy_dir, real):
    path = copy_dir / TEST_LABEL
    path.write_bytes(idx_gz(real["test_label"][:9999]))
    message = fault(copy_dir)
    assert str(path) in message and "expected 10000 labels, header says 9999" in message


def test_header_promises_more_than_the_data(copy_dir, real):
    path = copy_dir / TEST_IMG
    path.write_bytes(idx_gz(real["test_img"][:9000], count=10000))
    message = fault(copy_dir)
    assert str(path) in message and "truncated: header says 10000 images" in message


def test_extra_bytes_after_the_data(copy_dir, real):
    path = copy_dir / TEST_LABEL
    path.write_bytes(gzip.compress(gzip.decompress(idx_gz(real["test_label"])) + b"\0" * 5))
    assert "5 bytes of extra data" in fault(copy_dir)


def test_label_out_of_range(copy_dir, real):
    labels = real["test_label"].copy()
    labels[123] = 10
    path = copy_dir / TEST_LABEL
    path.write_bytes(idx_gz(labels))
    message = fault(copy_dir)
    assert str(path) in message and "label 10 at index 123 out of range 0–9" in message


def test_random_bytes_renamed_gz(copy_dir):
    path = copy_dir / TRAIN_LABEL
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 30_000, dtype=np.uint8).tobytes())
    message = fault(copy_dir)
    assert str(path) in message and "not a gzip file" in message


def test_a_missing_file_is_named(copy_dir):
    (copy_dir / TEST_IMG).unlink()
    message = fault(copy_dir)
    assert str(copy_dir) in message and TEST_IMG in message and "missing" in message


def test_not_a_source_at_all(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    assert "not an MNIST source" in fault(tmp_path / "notes.txt")
    assert "no such file or folder" in fault(tmp_path / "nowhere.pkl")


def test_default_folder_missing_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(mnist, "default_mnist_dir", lambda base=None: tmp_path / "none" / "mnist")
    assert "download it or import a copy" in fault(None)
    assert default_mnist_dir(tmp_path) == tmp_path / "mnist"


# ---------------------------------------------------------------- bad .pkl / .npz
def test_pkl_with_a_label_out_of_range(tmp_path, real):
    labels = real["test_label"].copy()
    labels[7] = 12
    path = tmp_path / "mnist.pkl"
    with open(path, "wb") as f:
        pickle.dump({"train_img": real["train_img"], "train_label": real["train_label"],
                     "test_img": real["test_img"], "test_label": labels}, f)
    message = fault(path)
    assert str(path) in message and "test label 12 at index 7" in message


def test_pkl_missing_a_key_and_truncated(tmp_path, book_pkl):
    path = tmp_path / "mnist.pkl"
    with open(path, "wb") as f:
        pickle.dump({"train_img": np.zeros((1, 784), np.uint8)}, f)
    assert "missing 'train_label', 'test_img', 'test_label'" in fault(path)
    path.write_bytes(book_pkl.read_bytes()[:1000])
    message = fault(path)
    assert str(path) in message and "not a readable pickle" in message


def test_pkl_that_would_run_code_is_refused(tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("owned",))

    path = tmp_path / "mnist.pkl"
    path.write_bytes(pickle.dumps({"train_img": Evil()}))
    message = fault(path)
    assert "refusing to load this pickle" in message and "builtins.print" in message


def test_npz_wrong_keys_and_random_bytes(tmp_path, real):
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=real["test_img"])
    assert "missing 'y_train', 'x_test', 'y_test'" in fault(path)
    path.write_bytes(b"PK\x03\x04" + bytes(500))
    message = fault(path)
    assert str(path) in message and "not a readable .npz" in message


def test_npz_with_float_images(tmp_path, real):
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=real["test_img"].astype(np.float64), y_train=real["test_label"],
             x_test=real["test_img"], y_test=real["test_label"])
    assert "'x_train' has dtype float64, expected uint8" in fault(path)


# ---------------------------------------------------------------- import
def test_import_a_folder_copies_the_gz_files_byte_for_byte(tmp_path, mnist_dir):
    dest = tmp_path / "data" / "mnist"
    assert import_mnist(mnist_dir, dest) == dest
    for name in MNIST_FILES:
        assert (dest / name).read_bytes() == (mnist_dir / name).read_bytes()
    assert sorted(p.name for p in dest.iterdir()) == sorted(MNIST_FILES)


@pytest.mark.parametrize("which", ["book_pkl", "keras_npz"])
def test_import_a_pkl_or_npz_writes_idx_files(request, tmp_path, which, real):
    dest = tmp_path / "mnist"
    import_mnist(request.getfixturevalue(which), dest)
    assert sorted(p.name for p in dest.iterdir()) == sorted(MNIST_FILES)
    (x_train, t_train), (x_test, t_test) = load_mnist(dest, normalize=False, flatten=False)
    assert np.array_equal(x_train[:, 0], real["train_img"]) and np.array_equal(t_test, real["test_label"])
    for name in KEY_FILE.values():
        assert (dest / name).read_bytes()[:2] == b"\x1f\x8b"  # gzipped, as the standard files


def test_import_of_a_bad_source_leaves_the_destination_untouched(tmp_path, copy_dir, real):
    dest = tmp_path / "mnist"
    import_mnist(copy_dir, dest)
    before = {p.name: p.read_bytes() for p in dest.iterdir()}
    labels = real["train_label"].copy()
    labels[0] = 200
    (copy_dir / TRAIN_LABEL).write_bytes(idx_gz(labels))
    with pytest.raises(DatasetError, match="label 200 at index 0"):
        import_mnist(copy_dir, dest)
    assert {p.name: p.read_bytes() for p in dest.iterdir()} == before  # no half file, nothing replaced


def test_import_into_a_place_that_cannot_be_written(tmp_path, mnist_dir):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatasetError, match="cannot write MNIST here") as err:
        import_mnist(mnist_dir, blocker / "mnist")
    assert str(blocker / "mnist") in str(err.value)


def test_an_interrupted_atomic_write_keeps_nothing(tmp_path, monkeypatch, mnist_dir):
    dest = tmp_path / "dest"

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(copies.os, "replace", failing_replace)
    with pytest.raises(DatasetError, match="No space left on device"):
        import_mnist(mnist_dir, dest)
    assert list(dest.iterdir()) == []


# ---------------------------------------------------------------- finding a copy already on disk
def test_find_existing_copies_in_a_fake_home(tmp_path, mnist_dir, keras_npz, book_pkl):
    home, cwd = tmp_path / "home", tmp_path / "work" / "project"
    (home / ".keras" / "datasets").mkdir(parents=True)
    shutil.copy(keras_npz, home / ".keras" / "datasets" / "mnist.npz")
    checkout = home / "deep-learning-from-scratch" / "dataset"
    checkout.mkdir(parents=True)
    for name in MNIST_FILES:
        (checkout / name).symlink_to(mnist_dir / name)
    (cwd / "dataset").mkdir(parents=True)
    (cwd / "dataset" / "mnist.pkl").symlink_to(book_pkl)
    decoys = home / "Downloads" / "deep-learning-from-scratch" / "dataset"
    decoys.mkdir(parents=True)
    (decoys / "mnist.pkl").write_bytes(b"tiny")  # too small to be MNIST
    (decoys / TRAIN_IMG).write_bytes(b"")  # one file of four: not a copy
    found = find_existing_mnist(home=home, cwd=cwd)
    assert found == [home / ".keras" / "datasets" / "mnist.npz", cwd / "dataset" / "mnist.pkl", checkout]
    assert find_existing_mnist(home=tmp_path / "empty_home", cwd=tmp_path / "empty_cwd") == []


def test_find_existing_lists_each_place_once_and_takes_torchvision_raw(tmp_path, mnist_dir):
    raw = tmp_path / "data" / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for name in MNIST_FILES:
        (raw / name[:-3]).write_bytes(gzip.decompress((mnist_dir / name).read_bytes()))
    assert find_existing_mnist(home=tmp_path / "h", cwd=tmp_path) == [raw]
    assert find_existing_mnist([raw, raw / ".", mnist_dir]) == [raw, mnist_dir]


def test_an_npz_without_kerass_arrays_is_not_offered(tmp_path):
    keras = tmp_path / ".keras" / "datasets"
    keras.mkdir(parents=True)
    np.savez(keras / "mnist.npz", images=np.zeros(3))
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    assert find_existing_mnist(home=tmp_path, cwd=tmp_path / "x") == []
    assert find_existing_mnist([tmp_path / "bad.npz"]) == []


# ---------------------------------------------------------------- the step versions (a worker's Stop reaches them)
STEP_BAR = 0.5  # s: a Stop reaches the reader within this (~50 ms a step on a quiet machine; 323 ms seen under load 5)


def timed_steps(steps):
    """Run a step generator to its end; (its result, the number of steps, the longest time between two yields)."""
    count, worst, last = 0, 0.0, time.perf_counter()
    while True:
        try:
            next(steps)
        except StopIteration as end:
            now = time.perf_counter()
            return end.value, count, max(worst, now - last)
        now = time.perf_counter()
        count, worst, last = count + 1, max(worst, now - last), now


@pytest.mark.parametrize("which", ["mnist_dir", "book_pkl", "keras_npz"])
def test_load_mnist_steps_give_the_plain_result_in_short_steps(request, which):
    source = request.getfixturevalue(which)
    for options in ({}, {"normalize": False, "flatten": False, "one_hot_label": True}):
        plain = load_mnist(source, **options)
        stepped, count, worst = timed_steps(load_mnist_steps(source, **options))
        for (a, b), (c, d) in zip(plain, stepped, strict=True):
            assert a.dtype == c.dtype and b.dtype == d.dtype
            np.testing.assert_array_equal(a, c)
            np.testing.assert_array_equal(b, d)
        print(f"{which} {options}: {count} steps, slowest {worst * 1000:.0f} ms")
        assert count >= 3
        assert worst < STEP_BAR


@pytest.mark.parametrize("which", ["mnist_dir", "book_pkl", "keras_npz"])
def test_mnist_summary_steps_give_the_plain_summary(request, which):
    source = request.getfixturevalue(which)
    summary, count, worst = timed_steps(mnist_summary_steps(source))
    assert summary == mnist_summary(source)
    assert summary["train_label_counts"] == TRAIN_COUNTS
    print(f"{which}: {count} steps, slowest {worst * 1000:.0f} ms")
    assert worst < STEP_BAR


@pytest.mark.parametrize("which", ["mnist_dir", "keras_npz"])
def test_import_mnist_steps_write_what_import_mnist_writes(request, tmp_path, which):
    source = request.getfixturevalue(which)
    dest, count, worst = timed_steps(import_mnist_steps(source, tmp_path / "stepped"))
    plain = import_mnist(source, tmp_path / "plain")
    for name in MNIST_FILES:
        assert (dest / name).read_bytes() == (plain / name).read_bytes()
    assert sorted(p.name for p in dest.iterdir()) == sorted(MNIST_FILES)
    print(f"{which}: {count} steps, slowest {worst * 1000:.0f} ms")
    assert worst < STEP_BAR


def test_the_step_versions_raise_the_plain_errors(copy_dir):
    (copy_dir / TRAIN_LABEL).write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    with pytest.raises(DatasetError) as plain:
        load_mnist(copy_dir)
    with pytest.raises(DatasetError) as stepped:
        run_steps(load_mnist_steps(copy_dir))
    assert str(stepped.value) == str(plain.value) and TRAIN_LABEL in str(plain.value)


@pytest.mark.parametrize("which", ["mnist_dir", "keras_npz"])
def test_an_import_closed_mid_way_leaves_no_file(request, tmp_path, which):
    """A worker stopped (or the app quitting) closes the generator: its finally removes every temporary file."""
    source, dest = request.getfixturevalue(which), tmp_path / "dest"
    steps = import_mnist_steps(source, dest)
    seen_part = False
    for _ in steps:
        parts = list(dest.glob("*.part")) if dest.exists() else []
        if len(parts) >= 2:  # mid-write: one file done, the next one under way
            seen_part = True
            break
    assert seen_part, "the import never had two temporary files at once"
    steps.close()
    assert list(dest.iterdir()) == []
