"""The data sets, by their public names: MNIST (the book's load_mnist) and the lessons' cat / non-cat files.

Pure NumPy, never Qt. Each format has its own module; this one gathers the names the rest of the app, the tools
and the tests use (DESIGN.md, "Engine API"):

    engine.data.checks      DatasetError (a ValueError: "file: fault"), check_labels
    engine.data.idx         the four IDX files (MNIST_FILES with their MD5s, MNIST_SIZES, KEY_FILE, …)
    engine.data.pkl_npz     the book's mnist.pkl and Keras's mnist.npz, read without running code
    engine.data.npz         .npz members read only after their dtype and size are checked (also for models)
    engine.data.mnist       load_mnist, mnist_summary, default_mnist_dir
    engine.data.copies      find_existing_mnist, import_mnist
    (load_mnist_steps, mnist_summary_steps, import_mnist_steps: the same work as generators yielding None between
    chunks of ≤ ~50 ms, for a worker's Stop; run_steps runs one to its end)
    engine.data.cat_h5      load_catvnoncat

Every bad file raises DatasetError naming the file and what is wrong, after reading no more than its format
allows: sizes are checked before anything is allocated (IDX headers and gzip against MNIST's sizes, .npz members
against their headers, pickles scanned before they are unpickled, HDF5 shapes, dtypes and storage before
reading), so a small hostile file cannot take more than MNIST's own memory.
"""
from engine.data.cat_h5 import CAT_FILES, load_catvnoncat
from engine.data.checks import DatasetError, check_labels
from engine.data.copies import find_existing_mnist, import_mnist, import_mnist_steps
from engine.data.idx import (
    IMAGE_MAGIC,
    IMG_SIZE,
    KEY_FILE,
    LABEL_MAGIC,
    MNIST_COUNTS,
    MNIST_FILES,
    MNIST_SIZES,
    find_mnist_files,
    has_mnist_files,
    read_idx,
)
from engine.data.mnist import default_mnist_dir, load_mnist, load_mnist_steps, mnist_summary, mnist_summary_steps
from engine.data.npz import run_steps
from engine.data.pkl_npz import KERAS_KEYS

__all__ = [
    "CAT_FILES", "DatasetError", "IMAGE_MAGIC", "IMG_SIZE", "KERAS_KEYS", "KEY_FILE", "LABEL_MAGIC", "MNIST_COUNTS",
    "MNIST_FILES", "MNIST_SIZES", "check_labels", "default_mnist_dir", "find_existing_mnist", "find_mnist_files",
    "has_mnist_files", "import_mnist", "import_mnist_steps", "load_catvnoncat", "load_mnist", "load_mnist_steps",
    "mnist_summary", "mnist_summary_steps", "read_idx", "run_steps",
]
