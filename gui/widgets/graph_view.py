"""A drawing of a small computation graph: nodes as boxes with their value and derivative, edges as arrows.

The tab decides what is known (values after the forward pass, derivatives after the backward pass) and passes
the texts in; the view only draws them, in palette colours, scaled to fit its size.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
)

from gui.widgets.plots import COLORS, is_dark

NODE_W, NODE_H = 140.0, 92.0
# Inputs on the left, the output on the right (J = 3(a + bc)).
LAYOUT = {"a": (0, 0), "b": (0, 130), "c": (0, 260), "u": (330, 195), "v": (630, 97), "J": (900, 97)}
BACKWARD_COLOR = COLORS[3]
CURRENT_COLOR = COLORS[1]


def forward_color():
    """Blue for values: the deep one on a light palette, the sky one on a dark palette (readable on both)."""
    return COLORS[5] if is_dark() else COLORS[0]


class GraphView(QGraphicsView):
    """Draws nodes (name, operation, value, dJ/dnode) and edges (with their local derivative)."""

    def __init__(self, nodes, parent=None):
        super().__init__(parent)
        self.nodes = nodes
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.values, self.grads, self.edge_labels, self.current = {}, {}, {}, None
        self.boxes, self.texts, self.edge_texts = {}, {}, {}
        self.redraw()

    def show_state(self, values, grads, edge_labels, current=None):
        """values / grads: node → text (missing = not known yet); edge_labels: (src, dst) → text."""
        self.values, self.grads, self.edge_labels, self.current = dict(values), dict(grads), dict(edge_labels), current
        self.redraw()

    def node_center(self, name):
        """The centre of a node's box in scene coordinates (for tests and tools)."""
        x, y = LAYOUT[name]
        return QPointF(x + NODE_W / 2, y + NODE_H / 2)

    def redraw(self):
        scene = self.scene()
        scene.clear()
        self.boxes, self.texts, self.edge_texts = {}, {}, {}
        palette = QApplication.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        scene.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        font = QFont(self.font())
        font.setPointSizeF(11)
        for node in self.nodes:
            for src in node.inputs:
                self._edge(src, node.name, text_color, font)
        for node in self.nodes:
            self._node(node, palette, text_color, font)
        scene.setSceneRect(QRectF(-15, -15, 900 + NODE_W + 30, 260 + NODE_H + 30))
        self._fit()

    def _node(self, node, palette, text_color, font):
        x, y = LAYOUT[node.name]
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, y, NODE_W, NODE_H), 10, 10)
        box = QGraphicsPathItem(path)
        current = node.name == self.current
        box.setPen(QPen(QColor(CURRENT_COLOR if current else forward_color()), 4 if current else 2))
        box.setBrush(QBrush(palette.color(QPalette.ColorRole.AlternateBase)))
        self.scene().addItem(box)
        self.boxes[node.name] = box
        op = "" if node.op == "input" else node.op
        lines = [f"<b style='font-size:14pt'>{node.name}</b>" + (f"&nbsp;&nbsp;<span>{op}</span>" if op else "")]
        value = self.values.get(node.name)
        lines.append(f"<span style='color:{forward_color()}'>= {value}</span>" if value is not None else "&nbsp;")
        grad = self.grads.get(node.name)
        lines.append(f"<span style='color:{BACKWARD_COLOR}'>dJ/d{node.name} = {grad}</span>" if grad is not None
                     else "&nbsp;")
        text = QGraphicsTextItem()
        text.setFont(font)
        text.setDefaultTextColor(text_color)
        text.setHtml("<br>".join(lines))
        text.setTextWidth(NODE_W - 8)
        text.setPos(x + 6, y + 4)
        self.scene().addItem(text)
        self.texts[node.name] = text

    def _edge(self, src, dst, text_color, font):
        (sx, sy), (dx, dy) = LAYOUT[src], LAYOUT[dst]
        start = QPointF(sx + NODE_W, sy + NODE_H / 2)
        end = QPointF(dx, dy + NODE_H / 2)
        color = QColor(text_color)
        color.setAlpha(170)
        self.scene().addLine(QLineF(start, end), QPen(color, 2))
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        size = 12
        head = QPolygonF([end, end - QPointF(size * math.cos(angle - 0.4), size * math.sin(angle - 0.4)),
                          end - QPointF(size * math.cos(angle + 0.4), size * math.sin(angle + 0.4))])
        arrow = QGraphicsPolygonItem(head)
        arrow.setBrush(QBrush(color))
        arrow.setPen(QPen(color))
        self.scene().addItem(arrow)
        label = self.edge_labels.get((src, dst))
        if label:
            text = QGraphicsTextItem()
            text.setFont(font)
            text.setDefaultTextColor(QColor(BACKWARD_COLOR))
            text.setPlainText(label)
            mid = (start + end) / 2
            rect = text.boundingRect()
            # Centred on the line, lifted above a falling edge and dropped below a rising one just enough to
            # clear it: edges running into one node come from above and below and so keep apart.
            slope = (end.y() - start.y()) / (end.x() - start.x())
            clear = abs(slope) * rect.width() / 2 + 3
            x = mid.x() - rect.width() / 2
            if slope >= 0:
                text.setPos(x, mid.y() - clear - rect.height())
            else:
                text.setPos(x, mid.y() + clear)
            self.scene().addItem(text)
            self.edge_texts[(src, dst)] = text

    def _fit(self):
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.PaletteChange:
            self.redraw()
        super().changeEvent(event)
