"""A finish worthy of a release: every control explains itself, and the window fits 1280×720 in both languages."""
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
)

from gui import i18n
from gui.data_dialog import DataDialog
from gui.main_window import MainWindow

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QLineEdit)


def controls_without_tooltip(widget):
    """Buttons, boxes, sliders and text fields the user handles that have no tooltip (Qt's own parts aside)."""
    missing = []
    for cls in CONTROLS:
        for control in widget.findChildren(cls):
            parent = control.parent()
            if isinstance(control, QScrollBar) or isinstance(parent, (QTabBar, QAbstractSpinBox, QComboBox)):
                continue  # parts of Qt's own composite widgets
            if control.objectName().startswith("qt_"):
                continue  # e.g. a table's corner button
            if not control.toolTip().strip():
                text = control.text() if hasattr(control, "text") else ""
                missing.append(f"{type(control).__name__} {control.objectName()!r} {text!r}")
    return missing


@pytest.fixture
def window(qtbot, qapp):
    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    w.close()
    i18n.install_language(qapp, "en")


def test_every_control_has_a_tooltip(window):
    for key, page in window.tab_pages.items():
        assert controls_without_tooltip(page) == [], key
    dialog = DataDialog(window)
    assert controls_without_tooltip(dialog) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_fits_1280_by_720(qtbot, qapp, window, language):
    i18n.install_language(qapp, language)
    qtbot.wait(50)  # LanguageChange is posted
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, f"{language}: needs {hint.width()}×{hint.height()}"
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    for key, page in window.tab_pages.items():
        window.show_tab(key)
        qtbot.wait(10)
        assert page.width() >= page.minimumSizeHint().width(), key
        assert page.height() >= page.minimumSizeHint().height(), key


def test_shortcuts_listed_in_help_name_every_tab_that_has_keys(window):
    lines = dict(window.shortcut_lines())
    text = " ".join(lines.values())
    for name in ("Descent", "Training", "Derivatives", "Draw"):
        assert name in text
    assert "Space" in lines and "→" in lines and "R" in lines
