"""The Training panels' controls column made compact, so all of it fits a 1280×720 window (MNIST's Save model…,
the cat's accuracies) without scrolling, in English and in Chinese.

    compact_column(boxes)   # the group boxes experiment_layout put in the column
"""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout

BOX_MARGINS = (8, 2, 8, 6)  # left, top, right, bottom inside each box (Qt's default: 11 all round)
COLUMN_MARGIN = 4
COLUMN_SPACING = 4  # between the boxes
FORM_SPACING = 3  # between the rows of a box's form (Qt's default: 6)


def compact_column(boxes) -> None:
    """Tighter margins inside the column's group `boxes` (and their forms) and between them (they share one
    parent column, as experiment_layout builds it)."""
    for box in boxes:
        box.layout().setContentsMargins(*BOX_MARGINS)
        for form in (box.layout(), *box.findChildren(QFormLayout)):
            if isinstance(form, QFormLayout):
                form.setVerticalSpacing(FORM_SPACING)
    column = boxes[0].parentWidget().layout()
    column.setContentsMargins(COLUMN_MARGIN, COLUMN_MARGIN, COLUMN_MARGIN, COLUMN_MARGIN)
    column.setSpacing(COLUMN_SPACING)
