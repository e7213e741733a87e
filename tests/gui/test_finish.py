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


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_column_of_controls_is_cut_on_the_right_at_1280(qtbot, qapp, window, language):
    """A scroll area with no horizontal bar cuts what is wider than it: every page's column must be wide enough
    for its widest row in this language (combo arrows, spin boxes and buttons whole)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea, QTabWidget

    i18n.install_language(qapp, language)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    cut = []
    for key, page in window.tab_pages.items():
        window.show_tab(key)
        pages = [(tabs, i) for tabs in page.findChildren(QTabWidget) for i in range(tabs.count())] or [(None, 0)]
        for tabs, i in pages:
            if tabs is not None:
                tabs.setCurrentIndex(i)
            qtbot.wait(5)
            for area in page.findChildren(QScrollArea):
                off = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                if off and area.isVisible() and area.widget() is not None:
                    need, have = area.widget().minimumSizeHint().width(), area.viewport().width()
                    if need > have:
                        cut.append(f"{key} {tabs.tabText(i) if tabs else ''}: needs {need}, has {have}")
    assert cut == []
