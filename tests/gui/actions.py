"""What a user's hands do in the GUI tests: click an enabled button, type into a box (imported by the tests)."""
from PySide6.QtCore import Qt


def click(qtbot, button):
    """A left click on `button`, which must be enabled (a disabled button would swallow the click)."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text):
    """Select what the box holds (Ctrl+A), type `text` and leave the box with Tab, as a user does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
