"""Files the app writes have the mode the user's umask gives (not tempfile's 0600)."""
import os
import stat

import numpy as np
import pytest

from engine import files
from engine.networks import TwoLayerNet


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    files.umask.cache_clear()
    yield
    os.umask(old)
    files.umask.cache_clear()


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX modes")
def test_the_umask_is_read_without_changing_it(umask_027):
    assert files.umask() == 0o027
    assert os.umask(0o027) == 0o027  # still what it was


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX modes")
def test_a_saved_model_gets_the_mode_of_a_plain_file(tmp_path, umask_027):
    path = tmp_path / "net.npz"
    TwoLayerNet(4, 3, 2, seed=0).save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # 0666 less the umask, as open() makes it
    with open(tmp_path / "plain", "w"):
        pass
    assert stat.S_IMODE((tmp_path / "plain").stat().st_mode) == 0o640
    assert np.array_equal(TwoLayerNet.load(path).params["W1"], TwoLayerNet(4, 3, 2, seed=0).params["W1"])


@pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX modes")
def test_an_imported_mnist_copy_gets_the_usual_mode(tmp_path, umask_027, mnist_dir):
    from engine.data.datasets import import_mnist

    import_mnist(mnist_dir, tmp_path / "copy")
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "copy").iterdir()}
    assert modes == {0o640}
