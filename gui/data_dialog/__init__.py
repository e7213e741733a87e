"""The "MNIST data" dialog: where MNIST lives, and the three ways to get it there (download, import, a found copy).

    dialog.py   DataDialog (the actions, their jobs on a RunController, the result message) and ask_for_mnist
    boxes.py    its four parts — where MNIST lives, download, import, copies found — each drawn from the state
    state.py    DataState, the dialog's one state object
    source.py   mnist_source / mnist_folder / remember_source: where MNIST is (QSettings key SETTINGS_KEY)

The MNIST training panel uses mnist_source() and ask_for_mnist().
"""
from gui.data_dialog.dialog import DataDialog, ask_for_mnist
from gui.data_dialog.source import SETTINGS_KEY, mnist_folder, mnist_source

__all__ = ["SETTINGS_KEY", "DataDialog", "ask_for_mnist", "mnist_folder", "mnist_source"]
