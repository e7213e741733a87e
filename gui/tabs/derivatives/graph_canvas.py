"""A drawing of one of the tab's computation graphs (engine.lab.derivatives.GRAPHS): nodes as boxes with their
value and derivative, edges as arrows carrying their local derivative.

The page decides what is known (values after the forward pass, derivatives after the backward pass) and passes
the texts in; the canvas only draws them, in palette colours, scaled to fit its size. Where each node sits is
the drawing's business (LAYOUTS): inputs on the left, the output on the right.
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
# node → (x, y) or (x, y, width) of its box, per graph
LAYOUTS = {
    "J": {"a": (0, 0), "b": (0, 130), "c": (0, 260), "u": (330, 195), "v": (630, 97), "J": (900, 97)},
    "logistic": {"x1": (0, 0), "w1": (0, 100), "x2": (0, 200), "w2": (0, 300), "b": (0, 400),
                 "z": (320, 200, 230), "a": (770, 200), "y": (770, 400), "L": (1120, 200, 215)},
}
BACKWARD_COLOR = COLORS[3]
CURRENT_COLOR = COLORS[1]
MARGIN = 15.0


def forward_color():
    """Blue for values: the deep one on a light palette, the sky one on a dark palette (readable on both)."""
    return COLORS[5] if is_dark() else COLORS[0]


class GraphCanvas(QGraphicsView):
    """Draws the nodes (name, operation, value, derivative) and edges (with their local derivative) of a graph."""

    def __init__(self, graph, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.boxes, self.texts, self.edge_texts = {}, {}, {}
        self.set_graph(graph)

    def set_graph(self, graph):
        """Draw `graph` (an engine.lab.derivatives.Graph), with nothing known yet."""
        self.graph = graph
        self.values, self.grads, self.edge_labels, self.current = {}, {}, {}, None
        self.redraw()

    def show_state(self, values, grads, edge_labels, current=None):
        """values / grads: node → text (missing = not known yet); edge_labels: (src, dst) → text."""
        self.values, self.grads, self.edge_labels, self.current = dict(values), dict(grads), dict(edge_labels), current
        self.redraw()

    def box(self, name):
        """The rectangle of a node's box in scene coordinates."""
        x, y, *width = LAYOUTS[self.graph.key][name]
        return QRectF(x, y, width[0] if width else NODE_W, NODE_H)

    def node_center(self, name):
        """The centre of a node's box in scene coordinates (for tests and tools)."""
        return self.box(name).center()

    def redraw(self):
        scene = self.scene()
        scene.clear()
        self.boxes, self.texts, self.edge_texts = {}, {}, {}
        palette = QApplication.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        scene.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        font = QFont(self.font())
        font.setPointSizeF(11)
        for node in self.graph.nodes:
            for src in node.inputs:
                self._edge(src, node.name, text_color, font)
        for node in self.graph.nodes:
            self._node(node, palette, text_color, font)
        bounds = QRectF()
        for node in self.graph.nodes:
            bounds = bounds.united(self.box(node.name))
        scene.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self._fit()

    def _node(self, node, palette, text_color, font):
        rect = self.box(node.name)
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
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
        lines.append(f"<span style='color:{BACKWARD_COLOR}'>{self.graph.derivative_name(node.name)} = {grad}</span>"
                     if grad is not None else "&nbsp;")
        text = QGraphicsTextItem()
        text.setFont(font)
        text.setDefaultTextColor(text_color)
        text.setHtml("<br>".join(lines))
        text.setTextWidth(rect.width() - 8)
        text.setPos(rect.x() + 6, rect.y() + 4)
        self.scene().addItem(text)
        self.texts[node.name] = text

    def _edge(self, src, dst, text_color, font):
        source, target = self.box(src), self.box(dst)
        start = QPointF(source.right(), source.center().y())
        end = QPointF(target.left(), target.center().y())
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
