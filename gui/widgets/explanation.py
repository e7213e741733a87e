"""The short explanation with its formula that sits beside each tab's plots."""
from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QTextBrowser


class Explanation(QTextBrowser):
    """Read-only rich text (HTML); the tab sets it in its retranslate()."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(240)
        self.document().setDocumentMargin(8)
