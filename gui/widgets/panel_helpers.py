"""Small layout helpers shared by the panels: scroll areas, wrapped and muted labels, live curves that grow.

    label = wrapped("text")          # word-wrapped, selectable QLabel
    muted(label)                     # drawn in the palette's placeholder colour (secondary text)
    area = scrolled(widget, 270)     # vertical scroll area around a column of controls
    grow(curve, x, y)                # setData only when the number of points changed (no needless redraw)
    ERROR_STYLE                      # style sheet of an inline error message
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea

from gui.widgets.plots import COLORS

ERROR_STYLE = f"color: {COLORS[3]};"


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
