"""Where the app's MNIST is: the data folder's mnist/, or the folder / file the user chose (remembered)."""
from __future__ import annotations

from pathlib import Path

from engine.data import datasets
from gui import settings

SETTINGS_KEY = "data/mnist"  # QSettings key (gui.settings.app_settings()) holding the chosen MNIST folder or file


def mnist_folder() -> Path:
    """The data folder's mnist/: where downloads and imports go (looked up now: tests isolate the data folder)."""
    return datasets.default_mnist_dir(settings.data_dir())


def mnist_source() -> Path | None:
    """Where usable MNIST is: the remembered folder/file in SETTINGS_KEY if it still exists, else the data
    folder's mnist/ (engine.data.datasets.default_mnist_dir(gui.settings.data_dir())) when it holds the four files;
    None otherwise."""
    value = settings.app_settings().value(SETTINGS_KEY)
    if value:
        remembered = Path(str(value))
        if remembered.exists():
            return remembered
    folder = mnist_folder()
    return folder if datasets.has_mnist_files(folder) else None


def remember_source(path) -> None:
    """Store `path` as the MNIST to use."""
    store = settings.app_settings()
    store.setValue(SETTINGS_KEY, str(path))
    store.sync()


def same_place(a, b) -> bool:
    """`a` and `b` name the same file or folder (after following links)."""
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
