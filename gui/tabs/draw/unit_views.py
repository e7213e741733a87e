"""Small painted views of the Draw tab's "inside the net" page: signed pictures, the strip of hidden units, and
one unit's pull on the 10 classes. They show numbers the engine computed (engine.explain); they compute none.

    SignedImage    a 28 × 28 array of signed values: red for positive (for), blue for negative (against)
    HiddenStrip    a[1] as cells in unit order, brightness = activation; hover / click / keys report the unit
    PullBars       10 small signed bars, one per class (a unit's a[1]_j·W2[j, k])
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.widgets.plots import COLORS, is_dark

POSITIVE, NEGATIVE = np.array([213, 94, 0]), np.array([0, 114, 178])  # vermillion (for), blue (against)
POSITIVE_DARK, NEGATIVE_DARK = np.array([255, 140, 60]), np.array([86, 180, 233])  # the same, brighter on dark
TOP_COLOR, HOVER_COLOR = QColor(COLORS[1]), QColor(COLORS[5])


def signed_qimage(array, scale: float | None = None) -> QImage:
    """(H, W) signed values → RGB image: 0 is the palette's base colour, ±scale full red / blue (clipped)."""
    array = np.asarray(array, dtype=np.float64)
    scale = float(np.abs(array).max()) if scale is None else float(scale)
    t = np.clip(array / scale, -1, 1) if scale > 0 else np.zeros_like(array)
    dark = is_dark()
    base = np.array([30, 30, 30]) if dark else np.array([255, 255, 255])
    strength = np.abs(t)[..., None]
    positive, negative = (POSITIVE_DARK, NEGATIVE_DARK) if dark else (POSITIVE, NEGATIVE)
    target = np.where((t >= 0)[..., None], positive, negative)
    rgb = np.ascontiguousarray((base + (target - base) * strength).round().astype(np.uint8))
    h, w = array.shape
    return QImage(rgb.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class SignedImage(QWidget):
    """A signed 28 × 28 picture with square, sharp pixels, centred; `scale` is the value shown at full colour."""

    def __init__(self, minimum=56, bottom=False, parent=None):
        super().__init__(parent)
        self.bottom = bottom  # sit on the bottom edge (right above a caption) rather than in the middle
        self.array = np.zeros((28, 28))
        self.scale = 0.0
        self.group: list[SignedImage] = [self]  # pictures shown side by side share the smallest one's size
        self._qimage = signed_qimage(self.array, 1.0)
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self):
        return QSize(112, 112)

    def set_image(self, array, scale: float | None = None) -> None:
        """Show `array` (784 or 28 × 28 values); nothing is redrawn when it is what the view shows already."""
        array = np.asarray(array).reshape(28, 28)
        scale = float(np.abs(array).max()) if scale is None else float(scale)
        if scale == self.scale and np.array_equal(array, self.array):
            return
        self.array, self.scale = array, scale
        self._qimage = signed_qimage(self.array, self.scale)
        self.update()

    def changeEvent(self, event):
        """A light or dark palette: zero is drawn in the palette's base colour, so the picture is made again."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._qimage = signed_qimage(self.array, self.scale if self.scale > 0 else 1.0)
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event):
        fit = min(min(p.width(), p.height()) for p in self.group)
        side = fit // 28 * 28 if fit >= 84 else max(14, fit)  # whole screen pixels per pixel once there is room
        top = self.height() - side if self.bottom else (self.height() - side) // 2
        rect = QRect((self.width() - side) // 2, top, side, side)
        painter = QPainter(self)
        painter.drawImage(rect, self._qimage)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


class HiddenStrip(QWidget):
    """The hidden layer a[1]: one cell per unit j, left to right and row by row in unit order (j = 0, 1, …).

    Bright cells are active units (a[1]_j / max a[1]; negative values of the identity activation in blue); units
    switched off are crossed out; the top units of the class explained are framed orange, the hovered one blue.
    The mouse reports the unit under it (`hovered`, −1 when it leaves) and a click toggles it (`toggled`);
    the keyboard does the same: ← → ↑ ↓ move, Space or Enter switch the unit off or on again.
    """

    hovered = Signal(int)
    toggled = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.a1 = np.zeros(0)
        self.off: set[int] = set()
        self.top: list[int] = []
        self.current = -1  # the hovered (or keyboard-chosen) unit
        self._grid = None  # ((units, width, height), grid()) of the last layout
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self):
        return QSize(500, 80)

    def set_units(self, a1, off=(), top=()) -> None:
        a1 = np.asarray(a1, dtype=np.float64)
        if np.array_equal(a1, self.a1) and set(off) == self.off and list(top) == self.top:
            return
        self.a1 = a1
        self.off, self.top = set(off), [int(j) for j in top]
        if self.current >= len(self.a1):
            self.current = -1
        self.update()

    def grid(self) -> tuple[int, int, int]:
        """(columns, rows, cell side): the largest square cells that fit every unit in the widget (kept until
        the size or the number of units changes)."""
        n = max(1, len(self.a1))
        w, h = self.width() - 2, self.height() - 2
        if self._grid is not None and self._grid[0] == (n, w, h):
            return self._grid[1]
        found = None
        for side in range(max(4, min(w, h)), 3, -1):
            cols = max(1, w // side)
            if -(-n // cols) * side <= h:
                found = cols, -(-n // cols), side
                break
        if found is None:
            cols = max(1, w // 4)
            found = cols, -(-n // cols), 4
        self._grid = ((n, w, h), found)
        return found

    def cell_rect(self, j) -> QRectF:
        cols, rows, side = self.grid()
        x0 = (self.width() - cols * side) / 2
        return QRectF(x0 + (j % cols) * side, 1 + (j // cols) * side, side, side)

    def unit_at(self, pos) -> int:
        cols, rows, side = self.grid()
        x0 = (self.width() - cols * side) / 2
        c, r = int((pos.x() - x0) // side), int((pos.y() - 1) // side)
        j = r * cols + c
        return j if 0 <= c < cols and 0 <= r and j < len(self.a1) else -1

    def cell_center(self, j):
        """The centre of unit j's cell in widget coordinates (for tests and tools)."""
        return self.cell_rect(j).center().toPoint()

    def _set_current(self, j):
        if j != self.current:
            self.current = j
            self.update()
            self.hovered.emit(j)

    def mouseMoveEvent(self, event):
        self._set_current(self.unit_at(event.position()))

    def leaveEvent(self, event):
        self._set_current(-1)
        super().leaveEvent(event)

    def mousePressEvent(self, event):
        j = self.unit_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and j >= 0:
            self._set_current(j)
            self.toggled.emit(j)

    def keyPressEvent(self, event):
        n = len(self.a1)
        cols = self.grid()[0]
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -cols, Qt.Key.Key_Down: cols}
        if n and event.key() in step:  # the first key press chooses unit 0
            j = 0 if self.current < 0 else self.current + step[event.key()]
            self._set_current(int(np.clip(j, 0, n - 1)))
        elif n and self.current >= 0 and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggled.emit(self.current)
        else:
            super().keyPressEvent(event)

    def cells_image(self, cols, rows) -> QImage:
        """The cells as one small picture, a pixel per unit (grey a / max a, blue for negative values, dark for
        units switched off, the window colour after the last unit): drawn enlarged in one call."""
        n = len(self.a1)
        peak = float(np.abs(self.a1).max()) if n else 0.0
        t = np.clip(np.abs(self.a1) / peak, 0, 1) if peak > 0 else np.zeros(n)
        rgb = np.where((self.a1 >= 0)[:, None], t[:, None] * [1.0, 1.0, 1.0], t[:, None] * [0.0, 0.45, 0.7])
        if self.off:
            rgb[[j for j in self.off if j < n]] = 40 / 255
        grid = np.empty((rows * cols, 3))
        grid[:] = np.array(self.palette().color(QPalette.ColorRole.Window).getRgbF()[:3])
        grid[:n] = rgb
        pixels = np.ascontiguousarray((grid.reshape(rows, cols, 3) * 255).round().astype(np.uint8))
        return QImage(pixels.tobytes(), cols, rows, 3 * cols, QImage.Format.Format_RGB888).copy()

    def paintEvent(self, event):
        painter = QPainter(self)
        window = self.palette().color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), window)
        cols, rows, side = self.grid()
        if len(self.a1):
            x0 = (self.width() - cols * side) / 2
            painter.drawImage(QRectF(x0, 1, cols * side, rows * side), self.cells_image(cols, rows))
            painter.setPen(QPen(window, 1))  # a thin gap between the cells
            painter.drawLines([QLineF(x0 + c * side, 1, x0 + c * side, 1 + rows * side) for c in range(cols + 1)]
                              + [QLineF(x0, 1 + r * side, x0 + cols * side, 1 + r * side) for r in range(rows + 1)])
            painter.setPen(QPen(QColor(COLORS[3]), max(1.0, side / 8)))
            for j in self.off:
                if j < len(self.a1):
                    rect = self.cell_rect(j).adjusted(1, 1, -1, -1)
                    painter.drawLine(rect.topLeft(), rect.bottomRight())
                    painter.drawLine(rect.topRight(), rect.bottomLeft())
        for units, color in ((self.top, TOP_COLOR), ([self.current] if self.current >= 0 else [], HOVER_COLOR)):
            for j in units:
                if j < len(self.a1):
                    painter.setPen(QPen(color, 2))
                    painter.drawRect(self.cell_rect(j).adjusted(1, 1, -1, -1))
        if self.hasFocus() and len(self.a1):
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PullBars(QWidget):
    """Ten signed bars, one per class k (0 … 9) under its digit: red up for positive, blue down for negative."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros(10)
        self.highlight = -1
        self.setMinimumSize(110, 48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self):
        return QSize(200, 64)

    def set_values(self, values, highlight=-1) -> None:
        values = np.asarray(values, dtype=np.float64)
        if np.array_equal(values, self.values) and int(highlight) == self.highlight:
            return
        self.values, self.highlight = values, int(highlight)
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        fm = painter.fontMetrics()
        n = len(self.values)
        w, h = self.width() / max(1, n), self.height() - fm.height() - 2
        mid = h / 2
        peak = float(np.abs(self.values).max()) if n else 0.0
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(0, mid), QPointF(self.width(), mid))
        for k, v in enumerate(self.values):
            length = (mid - 2) * v / peak if peak > 0 else 0.0
            color = QColor(*POSITIVE) if v >= 0 else QColor(*NEGATIVE)
            painter.fillRect(QRectF(k * w + w * 0.2, mid - max(length, 0), w * 0.6, abs(length)), color)
            painter.setPen(self.palette().color(
                QPalette.ColorRole.Highlight if k == self.highlight else QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(k * w, h + 1, w, fm.height()), Qt.AlignmentFlag.AlignCenter, str(k))
        painter.end()
