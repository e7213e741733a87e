"""The Losses tab's bar editor: the output y (or the scores a) as bars set with the mouse or the keyboard
(←/→ choose a bar, ↑/↓ change it, Shift for a tenth of the step), and y = softmax(a)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QSplitter

from engine.lab import losses as loss_lab
from gui.tabs.losses.state import LOGIT_LIMIT
from gui.widgets.access import KeyMover, name_plot
from gui.widgets.plots import COLORS, Plot, foreground

CLASSES = np.arange(loss_lab.NUM_CLASSES)
KEY_STEP = {"probabilities": 0.05, "logits": 0.5}  # ↑/↓ change the chosen bar by this (Shift: a tenth)


class BarEditor(pg.ViewBox):
    """A ViewBox whose bars are set by clicking or dragging: emits edited(index, value)."""

    edited = Signal(int, float)

    def __init__(self, count: int):
        super().__init__(enableMouse=False, enableMenu=False)
        self.count = count
        self.dragging = -1

    def _emit_at(self, scene_pos, lock=False):
        point = self.mapSceneToView(scene_pos)
        k = int(round(point.x()))
        if lock and self.dragging >= 0:
            k = self.dragging  # keep editing the bar the drag started on
        if 0 <= k < self.count:
            self.dragging = k
            self.edited.emit(k, float(point.y()))

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.dragging = -1
            self._emit_at(ev.scenePos())

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.dragging = -1
            self._emit_at(ev.buttonDownScenePos())
        self._emit_at(ev.scenePos(), lock=True)
        if ev.isFinish():
            self.dragging = -1


def class_bar_plot(view_box=None) -> tuple[Plot, pg.BarGraphItem]:
    """A plot with one bar per class k = 0 … 9, ticked 0 … 9."""
    plot = Plot(viewBox=view_box)
    bars = pg.BarGraphItem(x=CLASSES, height=np.zeros(len(CLASSES)), width=0.7)
    plot.addItem(bars)
    plot.getAxis("bottom").setTicks([[(k, str(k)) for k in CLASSES]])
    plot.setXRange(-0.6, len(CLASSES) - 0.4, padding=0)
    return plot, bars


class OutputBars(QSplitter):
    """The editable bars (probabilities or scores) and, when editing scores, the output y = softmax(a)."""

    def __init__(self, state):
        super().__init__(Qt.Orientation.Horizontal)
        self.state = state
        self.editor = BarEditor(loss_lab.NUM_CLASSES)
        self.bar_plot, self.bars = class_bar_plot(self.editor)
        self.bar_text = [pg.TextItem(anchor=(0.5, 1.0)) for _ in CLASSES]
        for t in self.bar_text:
            t.textItem.document().setDocumentMargin(1)  # the label as wide as its text, not 8 pixels more
            self.bar_plot.addItem(t)
        self.bar_plot.getViewBox().sigResized.connect(lambda *_: self.refresh())  # labels sized to the bars
        self.y_plot, self.y_bars = class_bar_plot()  # shown only when editing scores
        self.y_plot.setYRange(0, 1.05, padding=0)
        self.y_plot.setMouseEnabled(False, False)
        self.y_plot.hide()
        self.addWidget(self.bar_plot)
        self.addWidget(self.y_plot)
        self.current = int(state.target)  # the bar the arrow keys change (the last one dragged)
        self.editor.edited.connect(self._chosen)
        self.mover = KeyMover(self.bar_plot, self.key_move, focus_changed=lambda _focus: self.refresh())
        self.retranslate()

    def _chosen(self, k, _value):
        self.current = k

    def key_move(self, dx, dy):
        """←/→ choose the bar, ↑/↓ set it as a drag does (BarEditor.edited), by KEY_STEP or a tenth of it."""
        if dx:
            self.current = int(np.clip(self.current + (1 if dx > 0 else -1), 0, len(CLASSES) - 1))
            self.refresh()
            return
        s = self.state
        shown = s.logits if s.mode == "logits" else s.y
        value = round(float(shown[self.current]) + dy * KEY_STEP[s.mode], 6)
        self.editor.edited.emit(self.current, value)

    def retranslate(self):
        self.y_plot.set_labels(self.tr("class k"), self.tr("y_k"), self.tr("Output y = softmax(a)"))
        self.refresh()

    def refresh(self):
        """Draw the state: the edited values with the correct class in green, their numbers above the bars."""
        s = self.state
        logits_mode = s.mode == "logits"
        shown = s.logits if logits_mode else s.y
        brushes = [pg.mkBrush(COLORS[2] if k == s.target else COLORS[0]) for k in CLASSES]
        focused = self.bar_plot.hasFocus()  # the keyboard's bar outlined
        outline = pg.mkPen(pg.getConfigOption("foreground"))  # BarGraphItem's own default outline
        pens = [pg.mkPen(foreground(), width=3) if focused and k == self.current else outline for k in CLASSES]
        self.bars.setOpts(height=shown, brushes=brushes, pens=pens)
        font = self.font()
        if logits_mode:  # half the width: short labels in a smaller font, a negative one under its bar
            font.setPointSizeF(font.pointSizeF() * 0.8)
        slot = self.bar_plot.getViewBox().width() / len(CLASSES) - 4  # a label never reaches its neighbour's
        widest = max(QFontMetricsF(font).horizontalAdvance(f"{v:.1f}" if logits_mode else f"{v:.3g}") for v in shown)
        if 0 < slot < widest + 2:
            font.setPointSizeF(max(5.0, font.pointSizeF() * slot / (widest + 2)))
        for k, t in enumerate(self.bar_text):
            t.setText(f"{shown[k]:.1f}" if logits_mode else f"{shown[k]:.3g}")
            t.setColor(foreground())
            t.setFont(font)
            below = logits_mode and shown[k] < 0
            t.setAnchor((0.5, 0.0) if below else (0.5, 1.0))
            t.setPos(k, shown[k] - 0.3 if below else max(shown[k], 0) + (0.3 if logits_mode else 0.07))
        if logits_mode:
            self.bar_plot.setYRange(-LOGIT_LIMIT, LOGIT_LIMIT, padding=0)
            self.bar_plot.set_labels(self.tr("class k"), self.tr("score a_k"), self.tr("Scores a: drag a bar"))
            self.y_bars.setOpts(height=s.y, brushes=brushes)
        else:
            self.bar_plot.setYRange(0, 1.08, padding=0)
            self.bar_plot.set_labels(self.tr("class k"), self.tr("probability y_k"),
                                     self.tr("Output y: drag a bar up or down"))
        self._describe()
        if logits_mode and self.y_plot.isHidden():  # appearing: half of the width, not what is left over
            self.y_plot.setVisible(True)
            width = max(self.width(), 2)
            self.setSizes([width // 2, width - width // 2])
        self.y_plot.setVisible(logits_mode)

    def _describe(self):
        """The plot's accessible name and description (the chosen bar's value) and its tooltip (the keys)."""
        s = self.state
        logits_mode = s.mode == "logits"
        k = self.current
        if logits_mode:
            text = self.tr("bar %1: score a_%1 = %2, y_%1 = %3; correct class %4").replace(
                "%2", f"{s.logits[k]:.2f}").replace("%3", f"{s.y[k]:.3f}").replace("%4", str(s.target))
        else:
            text = self.tr("bar %1: y_%1 = %2; correct class %3").replace("%2", f"{s.y[k]:.3f}").replace(
                "%3", str(s.target))
        name_plot(self.bar_plot, text.replace("%1", str(k)))
        self.bar_plot.setToolTip(self.tr("Drag a bar up or down, or click the plot and use the keys: ←/→ choose "
                                         "a bar, ↑/↓ change it, Shift+↑/↓ by a tenth"))
        name_plot(self.y_plot, " ".join(f"{v:.3f}" for v in s.y))

    def scene_point(self, k: int, value: float) -> QPointF:
        """Where bar k at height `value` is on the bar plot, in the plot widget's own pixels (for tests and tools)."""
        return self.bar_plot.mapFromScene(self.editor.mapViewToScene(QPointF(k, value)))
