"""What a user's hands do in the GUI tests: click an enabled button, type into a box (imported by the tests).

After each action, when the test runs with the language round trip on (tests/gui/conftest.py's autouse
`no_english_left`, opted out with @pytest.mark.keeps_language), the app switches live to Chinese, the widget's
window is scanned for English left (tests/gui/english.py), and it switches back: the action fails listing
each leftover.
"""
from PySide6.QtCore import QCoreApplication, Qt


def click(qtbot, button):
    """A left click on `button`, which must be enabled (a disabled button would swallow the click)."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    after_action(button, f"click on {button.text()!r}")


def type_into(qtbot, widget, text):
    """Select what the box holds (Ctrl+A), type `text` and leave the box with Tab, as a user does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    after_action(widget, f"typing {text!r}", typed=text)


def after_action(widget, action, typed=""):
    """What follows each action of the hands (a test with hands of its own calls it too): the hook the fixture
    put on the application (held there, not here: the tests import this module under two names, `actions` and
    `tests.gui.actions`)."""
    hook = getattr(QCoreApplication.instance(), "after_user_action", None)
    if hook is not None:
        hook(widget, action, typed)
