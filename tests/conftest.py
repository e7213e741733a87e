"""Shared test set-up: offscreen Qt, and the real data in ../shared/data (skipped, saying why, when absent)."""
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
MNIST_DIR = SHARED_DATA / "mnist"
CAT_DIR = SHARED_DATA / "catvnoncat"


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The real MNIST IDX files; skips the test when ../shared/data/mnist is not beside the checkout."""
    if not (MNIST_DIR / "t10k-labels-idx1-ubyte.gz").exists():
        pytest.skip(f"real MNIST not found at {MNIST_DIR} (../shared/data is absent)")
    return MNIST_DIR


@pytest.fixture(scope="session")
def cat_dir() -> Path:
    """The real cat / non-cat .h5 files; skips the test when ../shared/data/catvnoncat is absent."""
    if not (CAT_DIR / "train_catvnoncat.h5").exists():
        pytest.skip(f"cat / non-cat files not found at {CAT_DIR} (../shared/data is absent)")
    return CAT_DIR
