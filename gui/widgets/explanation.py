"""The short explanation with its formula that sits beside each tab's plots."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QSizePolicy, QTextBrowser

from gui.widgets.access import name, plain

HEADING = re.compile(r"<h\d>(.*?)</h\d>", re.S)


class Explanation(QTextBrowser):
    """Read-only rich text (HTML); the tab sets it in its retranslate(). Its accessible name is "Explanation"
    and its description the text's first heading."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(240)
        self.document().setDocumentMargin(8)
        self._heading = ""
        self._name()

    def setHtml(self, html):
        heading = HEADING.search(html or "")
        self._heading = plain(heading.group(1)) if heading else ""
        super().setHtml(html)
        self._name()

    def _name(self):
        name(self, self.tr("Explanation"), self._heading)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self._name()
        super().changeEvent(event)
