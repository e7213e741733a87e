"""Accessibility helpers: names for screen readers, and the keyboard for what the mouse drags.

    name_plot(plot, description)     # accessible name = the plot's title (else "y against x"), and a description
    name_plots(window)               # every plot in `window` named after its title, following it as it changes
    name(widget, text, description)  # accessible name (and description) of any widget
    mover = KeyMover(view, move)     # ←/→/↑/↓ call move(dx, dy) with ±1 (±FINE with Shift) while `view` has focus
    nice_step(span)                  # a round step (1, 2 or 5 × 10ⁿ) of about span / 40

Names are user-visible text for a screen reader: callers pass tr() strings and call these again in their
retranslate(), and whenever what a description reports (the current value) changes.
"""
from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

FINE = 0.1  # Shift + arrow moves a tenth of a step
ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
_TAGS = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """`text` without HTML tags and entities a screen reader would spell out."""
    return " ".join(_TAGS.sub(" ", text or "").replace("&nbsp;", " ").split())


def name(widget: QWidget, text: str, description: str | None = None) -> None:
    """Set `widget`'s accessible name (and description, when given) — only when they change."""
    text = plain(text)
    widget.setProperty("access_named", True)  # named by its owner: follow_title leaves it alone
    if widget.accessibleName() != text:
        widget.setAccessibleName(text)
    if description is not None and widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)


def plot_title(plot) -> str:
    """What a pyqtgraph plot shows, in words: its title, else "<left axis> against <bottom axis>"."""
    item = plot.getPlotItem()
    title = plain(getattr(item.titleLabel, "text", "") or "") if item.titleLabel.isVisible() else ""
    if title:
        return title
    left, bottom = (plain(item.getAxis(side).labelText) for side in ("left", "bottom"))
    if left and bottom:
        return QCoreApplication.translate("access", "%1 against %2").replace("%1", left).replace("%2", bottom)
    return left or bottom


def name_plot(plot, description: str | None = None) -> None:
    """Name `plot` after its title and follow it (follow_title), with an optional description such as its
    current value (call it again when that changes)."""
    follow_title(plot)
    if description is not None and plot.accessibleDescription() != description:
        plot.setAccessibleDescription(description)


def follow_title(plot) -> None:
    """Keep `plot`'s accessible name equal to its title (or axis labels) as they change — a language switch, a
    title that reports a value — unless its owner names it with name(): its scene reports every change."""
    if plot.property("access_follows"):
        return
    plot.setProperty("access_follows", True)

    def update(_region=None):
        if not plot.property("access_named"):
            text = plot_title(plot)
            if text and plot.accessibleName() != text:
                plot.setAccessibleName(text)

    plot.scene().changed.connect(update)
    update()


def name_plots(root: QWidget) -> None:
    """Every pyqtgraph plot under `root` follows its title (follow_title); call it once the pages are built."""
    import pyqtgraph as pg

    for plot in root.findChildren(pg.PlotWidget):
        follow_title(plot)


def nice_step(span: float, parts: int = 40) -> float:
    """A round step, 1, 2 or 5 × 10ⁿ, near span / parts (at least 1e-6)."""
    raw = abs(span) / parts if span and math.isfinite(span) else 1.0
    power = 10.0 ** math.floor(math.log10(max(raw, 1e-6)))
    for m in (1, 2, 5, 10):
        if raw <= m * power * 1.5:
            return m * power
    return 10 * power


class FocusFrame(QWidget):
    """A frame in the palette's highlight colour drawn over its parent while the parent has the keyboard focus
    (a plot draws none of its own). It lets every mouse event through."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(parent.rect())
        self.raise_()

    def paintEvent(self, event):
        if not self.parentWidget().hasFocus():
            return
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(QRect(1, 1, self.width() - 3, self.height() - 3))


class KeyMover(QObject):
    """The keyboard for what the mouse drags on `view`: while `view` has the focus, ←/→ call move(dx, 0) and ↑/↓
    move(0, dy) with d = ±1, or ±FINE with Shift held. The view is reached with Tab (also with a click when
    `click_focus`), shows a focus frame, and keeps its arrows from the window's shortcuts only while it has the
    focus. `move` does what a drag does (the same slot) and returns nothing."""

    def __init__(self, view: QWidget, move, click_focus: bool = True, focus_changed=None):
        super().__init__(view)
        self.view = view
        self.move = move
        self.focus_changed = focus_changed  # called with True / False as the view gains or loses the focus
        policy = Qt.FocusPolicy.StrongFocus if click_focus else Qt.FocusPolicy.TabFocus
        view.setFocusPolicy(policy)
        if hasattr(view, "viewport"):
            view.viewport().setFocusPolicy(policy)  # a click on a plot lands on its viewport
        self.frame = FocusFrame(view)
        view.installEventFilter(self)

    @staticmethod
    def step_of(event) -> tuple[float, float] | None:
        """(dx, dy) for an arrow key with no modifier but Shift (and the keypad flag), else None."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in ARROWS or mods & ~Qt.KeyboardModifier.ShiftModifier:
            return None
        dx, dy = ARROWS[event.key()]
        scale = FINE if mods & Qt.KeyboardModifier.ShiftModifier else 1.0
        return dx * scale, dy * scale

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self.step_of(event) is not None:
            event.accept()  # the arrow is this view's while it has the focus (not Descent's → step)
            return True
        if kind == QEvent.Type.KeyPress:
            step = self.step_of(event)
            if step is not None:
                self.move(*step)
                return True
        elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.frame.update()
            if self.focus_changed is not None:
                self.focus_changed(kind == QEvent.Type.FocusIn)
        elif kind == QEvent.Type.Resize:
            self.frame.setGeometry(self.view.rect())
            self.frame.raise_()
        return False
