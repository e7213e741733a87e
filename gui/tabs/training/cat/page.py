"""What the cat panel's parts share: they set their texts in retranslate() (at the end of __init__ and again on
every language change) and show the panel's state in refresh()."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QWidget

from gui.widgets.panel_helpers import Retranslated


class Part(Retranslated):
    """A part of the panel: it sets its texts in retranslate() and shows the state in refresh()."""

    def retranslate(self) -> None:
        """Set every user-visible text with self.tr(), then refresh what carries text."""

    def refresh(self) -> None:
        """Show what the state holds."""


class Page(Part, QWidget):
    """One page of the panel (a tab of its QTabWidget) and the explanation shown beside it."""

    def __init__(self, state):
        super().__init__()
        self.state = state

    def explanation(self) -> str:
        """The rich text shown on the right while this page is open."""
        return ""


class Box(Part, QGroupBox):
    """One box of the panel's controls column."""

    def __init__(self, state):
        super().__init__()
        self.state = state
