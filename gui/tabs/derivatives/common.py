"""What the Derivatives tab's pages share: the page base class, a point to drag, number texts and the frame of a
page (controls on the left, plots in the middle, the explanation on the right)."""
from __future__ import annotations

from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QSplitter, QVBoxLayout, QWidget

from gui.widgets.panel_helpers import Retranslated, scrolled


class Page(Retranslated, QWidget):
    """One page of the tab. It draws from the tab's state in refresh() and sets its texts in retranslate()
    (at the end of __init__ and again on every language change)."""

    def __init__(self, state):
        super().__init__()
        self.state = state

    def retranslate(self):
        """Set every user-visible text with self.tr(), then redraw what carries text."""

    def refresh(self):
        """Show what the state holds."""


class DragPoint(pg.TargetItem):
    """A point the user drags; emits dragged(x, y) in data coordinates and lets the page decide where it goes."""

    dragged = Signal(float, float)

    def mouseDragEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        point = self.getViewBox().mapSceneToView(ev.scenePos())
        self.dragged.emit(float(point.x()), float(point.y()))


@contextmanager
def quiet(*widgets):
    """Set widgets from the state without their signals writing it back."""
    blocked = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, was in zip(widgets, blocked, strict=True):
            w.blockSignals(was)


def full(x):
    """A float in full float64 repr, as Python prints it (what the book shows)."""
    return "—" if x is None else repr(float(x))


def short_error(x):
    return "—" if x is None else f"{x:.3e}"


def bold():
    font = QFont()
    font.setBold(True)
    return font


def selectable(label):
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def left_panel(*widgets, width=300):
    """Controls stacked at the top of a framed scroll area, so a small window never clips them."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    scroll = scrolled(inner, width - 30)
    scroll.setFrameShape(QFrame.Shape.StyledPanel)
    scroll.setMaximumWidth(width + 60)
    return scroll


def fill(page, widget):
    """`widget` covers the whole page."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


def three_panes(page, left, middle, explanation, sizes=(330, 620, 330)):
    """The page's frame: controls, plots (stretching) and explanation side by side in a splitter."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for widget in (left, middle, explanation):
        splitter.addWidget(widget)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    fill(page, splitter)


def view_to_widget(plot, x, y):
    """Where the data point (x, y) is on a plot, in the plot widget's own pixels (for tests and tools)."""
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)
