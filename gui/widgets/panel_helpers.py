"""Small layout helpers shared by the panels: scroll areas, wrapped and muted labels, live curves that grow.

    label = wrapped("text")          # word-wrapped, selectable QLabel
    muted(label)                     # drawn in the palette's placeholder colour (secondary text)
    area = scrolled(widget, 270)     # vertical scroll area around a column of controls
    grow(curve, x, y)                # setData only when the number of points changed (no needless redraw)
    ERROR_STYLE                      # style sheet of an inline error message
    experiment_layout(panel, boxes, pages, explanation, widths)   # the Training panels' three panes
    page, title, text, error, button = need_data_page()          # "this experiment needs …" (texts set by the panel)
    class Page(Retranslated, QWidget)  # its retranslate() runs again on a live language switch
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from gui.widgets.plots import COLORS

ERROR_STYLE = f"color: {COLORS[3]};"


class Retranslated:
    """Mixin (before the Qt class) for a page or box that sets its own texts in retranslate(): it runs again
    when the language changes, so nothing stays in the old language."""

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def grow(curve, x, y) -> bool:
    """Show (x, y) on `curve` unless it already shows as many points; True when it was redrawn."""
    shown = curve.getData()[0]
    if shown is None or len(shown) != len(x):
        curve.setData(x, y)
        return True
    return False


class ControlColumn(QScrollArea):
    """A column of controls in a frameless vertical scroll area (no horizontal bar), `min_width`–`max_width` wide
    but never narrower than its widest row needs in the current language: with no horizontal scroll bar, a row
    wider than the area would be cut on the right (combo arrows, spin boxes) with no way to reach it. It fits on
    show, resize and a change of language, font or style — not while values change (a drag must not make the column
    and the plot beside it jump)."""

    def __init__(self, widget=None, min_width=0, max_width=None):
        super().__init__()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.widths = (min_width, max_width)
        if widget is not None:
            self.set_column(widget, min_width, max_width)

    def set_column(self, widget, min_width=0, max_width=None):
        self.widths = (min_width, max_width)
        self.setWidget(widget)
        self.fit()

    def fit(self):
        """Minimum (and, if it must yield, maximum) width = the widest row (+ the vertical scroll bar if the column
        is taller than the area)."""
        inner = self.widget()
        least, most = self.widths
        if inner is None:
            return
        hint = inner.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width() if hint.height() > self.viewport().height() else 0
        need = hint.width() + bar + 2 * self.frameWidth()
        self.setMinimumWidth(max(least, need))
        if most is not None:
            self.setMaximumWidth(max(most, need))

    def showEvent(self, event):
        super().showEvent(event)
        self.fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()  # taller or shorter: the vertical scroll bar may come or go

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit)  # once the rows have their new texts (not after a close)


def scrolled(widget, min_width=0, max_width=None) -> QScrollArea:
    """`widget` in a ControlColumn: a frameless vertical scroll area at least `min_width` wide (and as wide as its
    widest row), at most `max_width` unless a row needs more."""
    return ControlColumn(widget, min_width, max_width)


def muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour (readable on light and dark palettes)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def wrapped(text: str = "") -> QLabel:
    """A word-wrapped label whose text the user can select and copy."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def experiment_layout(panel, boxes, pages, explanation, widths, left_width=(270, 340)):
    """A Training panel's frame: the `boxes` of controls in a scrolled column on the left, the `pages` in the
    middle, the `explanation` on the right (a splitter of `widths`), and Space calling panel.start_or_pause.
    Returns the splitter."""
    left = QWidget()
    column = QVBoxLayout(left)
    for box in boxes:
        column.addWidget(box)
    column.addStretch(1)
    left_scroll = scrolled(left, *left_width)
    explanation.setMinimumWidth(220)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for widget in (left_scroll, pages, explanation):
        splitter.addWidget(widget)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(1, False)
    splitter.setSizes(list(widths))
    layout = QHBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(splitter)
    panel.space = QShortcut(QKeySequence(Qt.Key.Key_Space), panel,
                            context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    panel.space.activated.connect(panel.start_or_pause)
    return splitter


def need_data_page():
    """The page a Training panel shows while its data is missing: a large title, a rich-text explanation, an
    inline error and one button, in a scroll area. Returns (page, title, text, error, button); the panel sets
    their texts and connects the button."""
    need = QWidget()
    column = QVBoxLayout(need)
    title = QLabel()
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    text = wrapped()
    text.setTextFormat(Qt.TextFormat.RichText)
    error = wrapped()
    error.setStyleSheet(ERROR_STYLE)
    button = QPushButton()
    column.addWidget(title)
    column.addWidget(text)
    column.addWidget(error)
    column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    column.addStretch(1)
    return scrolled(need), title, text, error, button
