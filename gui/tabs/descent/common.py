"""What the Descent tab's pages share: the runs' colours and labels, number formats, legends, slider keys."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gui.widgets.plots import COLORS

RUN_COLORS = {"SGD": COLORS[0], "Momentum": COLORS[1], "AdaGrad": COLORS[2], "RMSprop": COLORS[4], "Adam": COLORS[3]}


def fmt(v: float, digits: int = 4) -> str:
    return f"{v:.{digits}g}" if np.isfinite(v) else str(v)


def fmt_pair(v, digits: int = 4) -> str:
    return f"({fmt(v[0], digits)}, {fmt(v[1], digits)})"


def run_label(state, name: str) -> str:
    """A run's name in the legends: the optimizer and its learning rate."""
    return f"{name}  η = {state.optimizer(name).params['lr']:g}"


def cache(*items):
    """Paint these items from a cached pixmap until they change: axes with their grid lines and legends are
    most of a frame's painting otherwise, though they rarely change while the animation plays."""
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def legend_brush():
    """A see-through background in the palette's base colour: legends stay readable over paths and curves."""
    color = QColor(QApplication.palette().color(QPalette.ColorRole.Base))
    color.setAlpha(200)
    return pg.mkBrush(color)


class ArrowKeysToSlider(QObject):
    """Lets a focused slider keep its arrow keys (the tab's → shortcut would take them otherwise)."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
                Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.accept()
            return True
        return False
