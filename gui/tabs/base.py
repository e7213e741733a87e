"""What every tab shares: a stable key, a translated title, retranslation, shutdown and remembered settings."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class Tab(QWidget):
    """Base class of the main window's tabs.

    Subclasses set `key` (used by --tab and QSettings), build their widgets in __init__, set every
    user-visible text in `retranslate()` (called once at the end of __init__ and again whenever the
    language changes), and stop their workers in `shutdown()`.
    """

    key = ""

    def title(self) -> str:  # pragma: no cover - every tab overrides
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every user-visible text with self.tr(); runs again on a language change."""

    def shutdown(self) -> None:
        """Stop running work (called before the window closes)."""

    def save_settings(self, settings) -> None:
        """Remember what the user chose (QSettings, group = the tab's key)."""

    def restore_settings(self, settings) -> None:
        """Bring back what save_settings wrote, each value read through gui.settings (read, read_floats,
        read_json…): a value of the wrong type or range keeps its default and is logged. Should this still raise,
        the main window logs it and rebuilds the tab with its defaults."""

    def palette_changed(self) -> None:
        """Re-colour what the tab draws itself (plots follow the palette on their own)."""

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.palette_changed()
        super().changeEvent(event)
