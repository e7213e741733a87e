"""What a careless or hostile user's hands do to a text box: paste a megabyte, press a key, each timed.

(Beside tests/gui/actions.py, which is another helper's file; these two could join it.)
"""
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def paste(qtbot, widget, text):
    """Select what the box holds (Ctrl+A) and paste `text` (Ctrl+V) from the clipboard, as a user does.

    Returns the seconds the GUI thread spent handling the paste (the window is frozen that long)."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    start = time.perf_counter()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    return time.perf_counter() - start


def press(qtbot, widget, key=Qt.Key.Key_Return):
    """Press `key` in the box; returns the seconds the GUI thread spent on it, redraw included."""
    start = time.perf_counter()
    qtbot.keyClick(widget, key)
    QApplication.processEvents()
    return time.perf_counter() - start


def megabytes_of_function(variable="x", size=5_000_000):
    """A valid function of `size` characters: x+x+x+…+x."""
    return f"{variable}+" * (size // (len(variable) + 1)) + variable
