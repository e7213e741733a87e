"""A scrolling grid of small pictures, each with a caption underneath, and NumPy ↔ QImage conversions.

Reusable by any tab: the cat / non-cat panel shows its data set and its test predictions with it; a digit
gallery can show MNIST images the same way (grey (N, H, W) arrays work as well as RGB (N, H, W, 3)).

    grid = ImageGrid(scale=1.5)
    grid.set_images(images, captions, marked=wrong, tooltips=None)
    grid = ImageGrid(scale=2, fill=True)   # the pictures as large as the pane allows (at least 2×), re-laid out
                                           # on every resize: columns chosen from the width and the count

Marked pictures get a coloured frame and coloured caption (e.g. wrong predictions). Pixels are shown as they
are (uint8, or floats in [0, 1]), enlarged by repeating them (nearest pixel: sharp, never blurred); the widget
does no other processing.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QStyle

from gui.widgets.plots import COLORS

MARK_COLOR = COLORS[3]  # vermillion: readable on light and dark palettes
PAD_W, PAD_H = 14, 8  # a grid cell's room around its picture (and under it, before the caption)
SMOOTH_SCALE = 4  # below this a filled grid enlarges by whole pixels (2×, 3×: every pixel the same size)


def fill_layout(n, image_size, area, caption=(0, 0), lowest=1.0, highest=12.0):
    """(columns, scale) that show `n` pictures of `image_size` (w, h) as large as possible in `area` (w, h),
    each in a cell with PAD_W / PAD_H room and a caption (widest, height) under it. The scale is a whole number
    below SMOOTH_SCALE, at least `lowest` (then the rows scroll), at most `highest`."""
    (w, h), (width, height), (widest, caption_h) = image_size, area, caption
    best, columns = 0.0, 1
    for c in range(1, n + 1):
        rows = math.ceil(n / c)
        cell_w, cell_h = width / c, height / rows
        if cell_w < widest + PAD_W and c > 1:
            break  # the captions would overlap: more columns only make it worse
        scale = min((cell_w - PAD_W) / w, (cell_h - PAD_H - caption_h) / h)
        if scale > best:
            best, columns = scale, c
    scale = min(best, highest)
    scale = math.floor(scale) if scale < SMOOTH_SCALE else scale
    if scale >= lowest:
        return columns, scale
    cell_w = max(round(w * lowest), widest) + PAD_W  # too many to fit: the smallest pictures, rows that scroll
    return max(1, min(n, int(width // cell_w))), lowest


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

    def __init__(self, scale: float = 1.0, caption_lines: int = 2, parent=None, fill: bool = False):
        super().__init__(parent)
        self._scale = scale  # with fill: the smallest scale (below it the rows scroll)
        self._caption_lines = caption_lines
        self._fill = fill
        self._marked: list[bool] = []
        self._shown = None  # (images, marked) of the pictures shown, to draw them again at a new scale
        self._drawn_scale = scale
        self._columns = 0
        self._relayout = QTimer(self)  # a resize lays the pictures out again once the size has settled
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._lay_out)
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
        self._shown = None
        if n == 0:
            return
        self._shown = (images, marked)
        metrics = self.fontMetrics()
        self._widest = max((metrics.horizontalAdvance(part) for c in captions for part in c.split("\n")), default=0)
        self._drawn_scale = self._fill_scale()[1] if self._fill else self._scale
        self._set_sizes(self._drawn_scale)
        for k in range(n):
            item = QListWidgetItem(captions[k])
            item.setIcon(pixmap_from_array(images[k], self._drawn_scale, MARK_COLOR if marked[k] else None))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if marked[k]:
                item.setForeground(QColor(MARK_COLOR))
            if tooltips is not None:
                item.setToolTip(tooltips[k])
            self.addItem(item)

    def _caption_height(self) -> int:
        return self.fontMetrics().height() * self._caption_lines

    def _fill_scale(self):
        """(columns, scale) for the pictures shown in the widget's present size (fill_layout)."""
        images = self._shown[0]
        frame = 2 * self.frameWidth()
        area = (self.width() - frame - 2, self.height() - frame - 2)
        columns, scale = fill_layout(len(images), (images.shape[2], images.shape[1]), area,
                                     (self._widest, self._caption_height()), lowest=self._scale)
        scrolls = math.ceil(len(images) / columns) * self._cell_height(scale) > area[1]
        if scrolls:  # the rows scroll: room for the bar
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
            columns, scale = fill_layout(len(images), (images.shape[2], images.shape[1]), (area[0] - bar, area[1]),
                                         (self._widest, self._caption_height()), lowest=self._scale)
            area = (area[0] - bar, area[1])
        # no bar when all fit (a bar left over from a smaller size would take the last column's room)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolls
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._columns, self._area_width = columns, area[0]
        return columns, scale

    def _cell_height(self, scale) -> int:
        return round(self._shown[0].shape[1] * scale) + PAD_H + self._caption_height()

    def _set_sizes(self, scale) -> None:
        """Icon and grid cell for `scale`: with fill the cells share the width evenly among the columns."""
        images = self._shown[0]
        h, w = images.shape[1:3]
        icon = QSize(round(w * scale), round(h * scale))
        self.setIconSize(icon)
        cell_w = max(icon.width(), self._widest) + PAD_W
        if self._fill and self._columns:
            cell_w = max(cell_w, int(self._area_width // self._columns))
        self.setGridSize(QSize(cell_w, self._cell_height(scale)))

    def _lay_out(self) -> None:
        """Fill mode after a resize: the new columns and scale; the pictures are drawn again if it changed."""
        if not self._fill or self._shown is None:
            return
        _, scale = self._fill_scale()
        self._set_sizes(scale)
        if scale != self._drawn_scale:
            self._drawn_scale = scale
            images, marked = self._shown
            for k in range(self.count()):
                self.item(k).setIcon(pixmap_from_array(images[k], scale, MARK_COLOR if marked[k] else None))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._fill:
            self._relayout.start()

    def shown_scale(self) -> float:
        """How many screen pixels each image pixel takes now (with fill, it follows the widget's size)."""
        return self._drawn_scale

    def captions(self) -> list[str]:
        return [self.item(k).text() for k in range(self.count())]

    def marked(self) -> list[bool]:
        return list(self._marked)
