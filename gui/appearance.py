"""View → Appearance: light, dark or the system's colours, and larger text — applied at once and remembered.

The palette is set on the application, so every widget and plot follows (plots restyle on PaletteChange). "System"
gives back the palette the app started with and lets Qt follow the desktop's colour scheme again.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from gui.settings import app_settings, read

THEMES = ("system", "light", "dark")
LARGE_TEXT = 1.25  # the larger text's scale
_started: dict = {}  # the palette and font the app started with (taken once)


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window, QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.Highlight: QColor("#3574f0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"), QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.PlaceholderText: QColor("#8c8f94"),
    }.items():
        p.setColor(role, color)
    dimmed = QColor("#6f737a")  # disabled controls must look disabled, as in the desktops' dark themes
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    return p


def _remember_start(app) -> None:
    if not _started:
        _started["palette"], _started["font"] = QPalette(app.palette()), app.font()


def apply_theme(app, theme: str) -> None:
    """"light", "dark" or "system" (the desktop's scheme and the palette the app started with)."""
    _remember_start(app)
    hints = app.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.setColorScheme(Qt.ColorScheme.Unknown)
        app.setPalette(_started["palette"])


def apply_text_size(app, large: bool) -> None:
    """The app's font at its start size, or LARGE_TEXT times it."""
    _remember_start(app)
    font = _started["font"]
    if large:
        font = type(font)(font)
        font.setPointSizeF(font.pointSizeF() * LARGE_TEXT)
    app.setFont(font)


def restore(app) -> tuple[str, bool]:
    """The remembered theme and text size, applied (before the window is built); returns them."""
    settings = app_settings()
    theme = read(settings, "appearance/theme", "system", choices=THEMES)
    large = read(settings, "appearance/large_text", False)
    if theme != "system":
        apply_theme(app, theme)
    if large:
        apply_text_size(app, True)
    return theme, large


class AppearanceMenu(QMenu):
    """The View menu's Appearance: three exclusive colour choices and a Larger text switch."""

    def __init__(self, parent):
        super().__init__(parent)
        settings = app_settings()
        theme = read(settings, "appearance/theme", "system", choices=THEMES)
        large = read(settings, "appearance/large_text", False)
        self.group = QActionGroup(self)
        self.theme_actions = {}
        for key in THEMES:
            action = QAction(self, checkable=True)
            action.setChecked(key == theme)
            action.triggered.connect(lambda _=False, k=key: self.choose_theme(k))
            self.group.addAction(action)
            self.addAction(action)
            self.theme_actions[key] = action
        self.addSeparator()
        self.large_action = QAction(self, checkable=True)
        self.large_action.setChecked(large)
        self.large_action.toggled.connect(self.choose_large_text)
        self.addAction(self.large_action)
        self.retranslate()

    def choose_theme(self, key: str) -> None:
        self.theme_actions[key].setChecked(True)
        apply_theme(QApplication.instance(), key)
        app_settings().setValue("appearance/theme", key)

    def choose_large_text(self, large: bool) -> None:
        apply_text_size(QApplication.instance(), large)
        app_settings().setValue("appearance/large_text", bool(large))

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Appearance"))
        names = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for key, action in self.theme_actions.items():
            action.setText(names[key])
        self.large_action.setText(self.tr("Larger text"))
        self.large_action.setToolTip(self.tr("Every text a quarter larger (remembered)"))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
