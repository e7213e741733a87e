"""A scrolling grid of small pictures, each with a caption underneath, and NumPy ↔ QImage conversions.

Reusable by any tab: the cat / non-cat panel shows its data set and its test predictions with it; a digit
gallery can show MNIST images the same way (grey (N, H, W) arrays work as well as RGB (N, H, W, 3)).

    grid = ImageGrid(scale=1.5)
    grid.set_images(images, captions, marked=wrong, tooltips=None)

Marked pictures get a coloured frame and coloured caption (e.g. wrong predictions). Pixels are shown as they
are (uint8, or floats in [0, 1]); the widget does no other processing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from gui.widgets.plots import COLORS

MARK_COLOR = COLORS[3]  # vermillion: readable on light and dark palettes


def to_uint8(image) -> np.ndarray:
    """uint8 pixels as they are; floats in [0, 1] scaled to 0–255 (clipped)."""
    image = np.asarray(image)
    if image.dtype == np.uint8:
        return image
    return (np.clip(image, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


def qimage_from_array(image) -> QImage:
    """(H, W) grey or (H, W, 3) RGB pixels (uint8 or [0, 1] floats) → a QImage that owns its pixels."""
    data = np.ascontiguousarray(to_uint8(image))
    if data.ndim == 2:
        h, w = data.shape
        return QImage(data.tobytes(), w, h, w, QImage.Format.Format_Grayscale8).copy()
    if data.ndim == 3 and data.shape[2] == 3:
        h, w, _ = data.shape
        return QImage(data.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    raise ValueError(f"an image must be (H, W) or (H, W, 3), not {data.shape}")


def array_from_qimage(image: QImage, background=Qt.GlobalColor.white) -> np.ndarray:
    """A QImage → (H, W, 3) uint8 RGB; transparent parts are laid on `background` first."""
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB888)
        flat.fill(background)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride)
    return buffer.reshape(h, stride)[:, : 3 * w].reshape(h, w, 3).copy()


def pixmap_from_array(image, scale: float = 1.0, frame: str | None = None, frame_width: int = 3) -> QPixmap:
    """A picture as a pixmap enlarged `scale` times (nearest pixel, so pixels stay sharp), optionally framed."""
    qimage = qimage_from_array(image)
    size = QSize(round(qimage.width() * scale), round(qimage.height() * scale))
    pixmap = QPixmap.fromImage(qimage.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                             Qt.TransformationMode.FastTransformation))
    if frame:
        painter = QPainter(pixmap)
        pen = QPen(QColor(frame))
        pen.setWidth(frame_width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        half = frame_width / 2
        painter.drawRect(round(half), round(half), pixmap.width() - frame_width, pixmap.height() - frame_width)
        painter.end()
    return pixmap


class ImageGrid(QListWidget):
    """Pictures in rows that wrap with the widget's width, a caption under each, marked ones framed.

    Read-only (no selection, no dragging). `captions()` and `marked()` report what is shown (for tests).
    """

    def __init__(self, scale: float = 1.0, caption_lines: int = 2, parent=None):
        super().__init__(parent)
        self._scale = scale
        self._caption_lines = caption_lines
        self._marked: list[bool] = []
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSpacing(2)

    def set_images(self, images, captions, marked=None, tooltips=None) -> None:
        """Show `images` (N pictures) with `captions` (N strings); `marked` (N bools) frames some of them."""
        images = np.asarray(images)
        n = len(images)
        if len(captions) != n or (marked is not None and len(marked) != n):
            raise ValueError("one caption (and one mark) per image")
        marked = [bool(m) for m in marked] if marked is not None else [False] * n
        self.clear()
        self._marked = marked
        if n == 0:
            return
        h, w = images.shape[1:3]
        icon = QSize(round(w * self._scale), round(h * self._scale))
        self.setIconSize(icon)
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(part) for c in captions for part in c.split("\n")), default=0)
        self.setGridSize(QSize(max(icon.width(), widest) + 14,
                               icon.height() + 8 + metrics.height() * self._caption_lines))
        for k in range(n):
            item = QListWidgetItem(captions[k])
            item.setIcon(pixmap_from_array(images[k], self._scale, MARK_COLOR if marked[k] else None))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if marked[k]:
                item.setForeground(QColor(MARK_COLOR))
            if tooltips is not None:
                item.setToolTip(tooltips[k])
            self.addItem(item)

    def captions(self) -> list[str]:
        return [self.item(k).text() for k in range(self.count())]

    def marked(self) -> list[bool]:
        return list(self._marked)
