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

from PySide6.QtCore import QEvent, Qt
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


def scrolled(widget, min_width=0) -> QScrollArea:
    """`widget` in a frameless vertical scroll area (no horizontal bar), at least `min_width` wide."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if min_width:
        area.setMinimumWidth(min_width)
    return area


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
    left_scroll = scrolled(left, left_width[0])
    left_scroll.setMaximumWidth(left_width[1])
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
