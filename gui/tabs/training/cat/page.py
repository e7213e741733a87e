"""What the cat panel's parts share: they set their texts in retranslate() (at the end of __init__ and again on
every language change) and show the panel's state in refresh()."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGroupBox, QWidget


class Retranslated:
    """Mixin of a widget that sets its own texts: retranslate() runs again on QEvent.LanguageChange."""

    def retranslate(self) -> None:
        """Set every user-visible text with self.tr(), then refresh what carries text."""

    def refresh(self) -> None:
        """Show what the state holds."""

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Page(Retranslated, QWidget):
    """One page of the panel (a tab of its QTabWidget) and the explanation shown beside it."""

    def __init__(self, state):
        super().__init__()
        self.state = state

    def explanation(self) -> str:
        """The rich text shown on the right while this page is open."""
        return ""


class Box(Retranslated, QGroupBox):
    """One box of the panel's controls column."""

    def __init__(self, state):
        super().__init__()
        self.state = state
