"""A square drawing canvas (white ink on black, mouse / pen / touch) and an enlarged pixel view of a small image.

    canvas = DrawCanvas()
    canvas.changed.connect(...)          # ink changed: while drawing, after Undo and Clear
    canvas.stroke_finished.connect(...)  # the mouse (pen, finger) was lifted
    canvas.gray_array()                  # (side, side) uint8, what is drawn
    canvas.set_pen_width(20)             # in pixels of a 280-pixel canvas (scaled with the canvas)

Strokes are kept as lists of points in [0, 1] coordinates, so Undo removes the last one and a resized canvas
draws the same picture at its new size. Pen and touch reach the canvas as the mouse events Qt makes from them.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.widgets.image_grid import qimage_from_array

REFERENCE_SIDE = 280  # the pen width is given in pixels of a canvas this size


class DrawCanvas(QWidget):
    """Draw with the left button; the picture is the largest square that fits the widget."""

    changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.strokes: list[tuple[float, list[QPointF]]] = []  # (width as a fraction of the side, points)
        self.pen_width = 20.0
        self._drawing = False
        self._image = QImage()  # what is shown and read: _base plus the stroke being drawn
        self._base = QImage()  # the finished strokes
        self.overlay_box: QRectF | None = None  # optional bounding box, in canvas pixels
        self.overlay_point: QPointF | None = None  # optional centre of mass, in canvas pixels
        self._overlay_side = 0  # the picture's side (pixels) when the overlay was set
        self.setMinimumSize(280, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # ------------------------------------------------------------------ geometry
    def sizeHint(self):
        return QSize(420, 420)

    def side(self) -> int:
        return max(1, min(self.width(), self.height()))

    def square(self) -> QRect:
        """Where the picture is in the widget (centred across, at the top)."""
        s = self.side()
        return QRect((self.width() - s) // 2, 0, s, s)

    def _to_unit(self, pos) -> QPointF:
        r = self.square()
        return QPointF((pos.x() - r.x()) / r.width(), (pos.y() - r.y()) / r.height())

    # ------------------------------------------------------------------ the picture
    def pixels(self) -> int:
        """The picture's side in device pixels (the widget's side on a high-DPI screen times its ratio)."""
        return max(1, round(self.side() * self.devicePixelRatioF()))

    def _ensure_image(self):
        s = self.pixels()
        if self._image.width() != s:
            self._image = QImage(s, s, QImage.Format.Format_Grayscale8)
            self._render()

    def _pen(self, width_fraction) -> QPen:
        pen = QPen(QColor(255, 255, 255), max(1.0, width_fraction * self._image.width()))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _painter(self) -> QPainter:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return painter

    def _render(self):
        """Draw every stroke again (after a resize, Undo or Clear)."""
        self._base = QImage(self._image.size(), QImage.Format.Format_Grayscale8)
        self._base.fill(0)
        painter = QPainter(self._base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        finished = self.strokes[:-1] if self._drawing else self.strokes
        for width, points in finished:
            self._paint_stroke(painter, width, points)
        painter.end()
        self._render_current()

    def _render_current(self):
        """The finished strokes plus the one being drawn."""
        self._image = self._base.copy()
        if self._drawing and self.strokes:
            painter = self._painter()
            self._paint_stroke(painter, *self.strokes[-1])
            painter.end()

    def _paint_stroke(self, painter, width, points):
        s = self._image.width()
        painter.setPen(self._pen(width))
        if len(points) == 1:
            painter.drawPoint(QPointF(points[0].x() * s, points[0].y() * s))
        else:
            painter.drawPolyline([QPointF(p.x() * s, p.y() * s) for p in points])

    def gray_array(self) -> np.ndarray:
        """What is drawn as a (side, side) uint8 array (0 black … 255 white)."""
        self._ensure_image()
        image = self._image
        h, w, stride = image.height(), image.width(), image.bytesPerLine()
        return np.frombuffer(image.constBits(), np.uint8, count=h * stride).reshape(h, stride)[:, :w].copy()

    def is_empty(self) -> bool:
        return not self.strokes

    # ------------------------------------------------------------------ editing
    def set_pen_width(self, width: float) -> None:
        """Width of the next strokes, in pixels of a 280-pixel canvas."""
        self.pen_width = float(width)

    def undo(self) -> None:
        """Remove the last stroke."""
        if self.strokes:
            self.strokes.pop()
            self._drawing = False
            self._ensure_image()
            self._render()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        """Remove every stroke."""
        self.strokes.clear()
        self._drawing = False
        self._ensure_image()
        self._render()
        self.update()
        self.changed.emit()

    def set_overlay(self, box: QRectF | None, point: QPointF | None) -> None:
        """Outline `box` and mark `point` (in the picture's pixels, as gray_array) over the drawing; None hides
        them. They stay on the drawing when the canvas is resized (the picture is redrawn at another size)."""
        self.overlay_box, self.overlay_point = box, point
        self._overlay_side = self._image.width()  # the picture's side the coordinates are in
        self.update()

    def _add_point(self, pos):
        """Extend the stroke being drawn by one segment (drawn alone: cheap however long the stroke is; the
        whole stroke is drawn again when the button is released, so its joins match what Undo redraws)."""
        width, points = self.strokes[-1]
        points.append(self._to_unit(pos))
        painter = self._painter()
        self._paint_stroke(painter, width, points[-2:])
        painter.end()
        s = self._image.width()
        a, b = points[-2 if len(points) > 1 else -1], points[-1]
        margin = width * s / 2 + 2
        k = self.side() / s  # device pixels → widget pixels
        dirty = QRectF(QPointF(a.x() * s * k, a.y() * s * k), QPointF(b.x() * s * k, b.y() * s * k)).normalized()
        dirty = dirty.adjusted(-margin * k, -margin * k, margin * k, margin * k).toAlignedRect()
        self.update(dirty.translated(self.square().topLeft()))
        self.changed.emit()

    # ------------------------------------------------------------------ events
    def mousePressEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._ensure_image()
        self._drawing = True
        self.strokes.append((self.pen_width / REFERENCE_SIDE, []))
        self._render()  # the strokes so far become the base
        self._add_point(event.position())
        event.accept()

    def mouseMoveEvent(self, event):
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._add_point(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._drawing = False
            self._render()
            self.stroke_finished.emit()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def resizeEvent(self, event):
        self._ensure_image()
        super().resizeEvent(event)

    def overlay_in_widget(self) -> tuple[QRectF | None, QPointF | None]:
        """The overlay's box and point where they are drawn, in widget pixels (None for what is hidden)."""
        r = self.square()
        k = r.width() / (self._overlay_side or self._image.width())  # the overlay's pixels → widget pixels
        b, c = self.overlay_box, self.overlay_point
        box = None if b is None else QRectF(r.x() + b.x() * k, r.y() + b.y() * k, b.width() * k, b.height() * k)
        point = None if c is None else QPointF(r.x() + c.x() * k, r.y() + c.y() * k)
        return box, point

    def paintEvent(self, event):
        self._ensure_image()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        r = self.square()
        painter.drawImage(r, self._image)  # one image pixel per device pixel
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box, c = self.overlay_in_widget()
        if box is not None:
            pen = QPen(QColor("#E69F00"), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(box)
        if c is not None:
            painter.setPen(QPen(QColor("#56B4E9"), 2))
            painter.drawLine(c + QPointF(-8, 0), c + QPointF(8, 0))
            painter.drawLine(c + QPointF(0, -8), c + QPointF(0, 8))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(r.adjusted(0, 0, -1, -1))
        painter.end()


class PixelView(QWidget):
    """A small grey image (e.g. 28×28 in [0, 1]) enlarged with sharp pixels and a faint pixel grid.

    `box` (row, col, height, width) outlines a region in image pixels; `mark` (row, col) draws a cross on
    the centre of that pixel. The view keeps square pixels and centres the image.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.array = np.zeros((28, 28), np.float32)
        self.box = None
        self.mark = None
        self._qimage = qimage_from_array(self.array)
        self._grid = (None, None)  # (cell size and shape it was drawn for, the pixmap of the pixel grid)
        self.setMinimumSize(140, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self):
        return QSize(196, 196)

    def set_image(self, array, box=None, mark=None) -> None:
        self.array = np.asarray(array)
        self.box, self.mark = box, mark
        self._qimage = qimage_from_array(self.array)
        self.update()

    def cell(self) -> int:
        h, w = self.array.shape[:2]
        return max(1, min(self.width() // w, self.height() // h))

    def _grid_pixmap(self, k, w, h) -> QPixmap:
        """The faint pixel grid, drawn once per cell size: a paint then blits it instead of drawing 54 translucent
        lines (about 1 ms of every update while the learner draws)."""
        key, pixmap = self._grid
        if key != (k, w, h):
            pixmap = QPixmap(k * w, k * h)
            pixmap.fill(Qt.GlobalColor.transparent)
            grid = QPainter(pixmap)
            grid.setPen(QPen(QColor(80, 80, 80, 120), 1))
            for i in range(1, w):
                grid.drawLine(i * k, 0, i * k, h * k)
            for i in range(1, h):
                grid.drawLine(0, i * k, w * k, i * k)
            grid.end()
            self._grid = ((k, w, h), pixmap)
        return pixmap

    def paintEvent(self, event):
        h, w = self.array.shape[:2]
        k = self.cell()
        x0, y0 = (self.width() - k * w) // 2, (self.height() - k * h) // 2
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.drawImage(QRect(x0, y0, k * w, k * h), self._qimage)  # nearest pixel: no smoothing hint
        if k >= 4:
            painter.drawPixmap(x0, y0, self._grid_pixmap(k, w, h))
        if self.box is not None:
            r, c, bh, bw = self.box
            painter.setPen(QPen(QColor("#E69F00"), 1.5, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(x0 + c * k, y0 + r * k, bw * k, bh * k))
        if self.mark is not None:
            r, c = self.mark
            cx, cy = x0 + (c + 0.5) * k, y0 + (r + 0.5) * k
            painter.setPen(QPen(QColor("#56B4E9"), 2))
            painter.drawLine(QPointF(cx - k, cy), QPointF(cx + k, cy))
            painter.drawLine(QPointF(cx, cy - k), QPointF(cx, cy + k))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(x0, y0, k * w, k * h)
        painter.end()
