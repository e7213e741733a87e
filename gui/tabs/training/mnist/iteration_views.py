"""The One iteration page's two plots: the losses of the stepped iterations (each mini-batch before and after its
update, and the whole training set), and ∂L/∂W2 as a heat-map (hidden neuron × digit). They only draw what the
page gives them; the numbers are engine.iteration's."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from gui.widgets.plots import COLORS, Plot, add_legend, pen

GRADIENT_MAP = "CET-D1"  # diverging: blue negative, white 0, red positive


class StepLossPlot(Plot):
    """Per stepped iteration k: the mini-batch loss before its update and after it (the same images), and the
    loss on all training images after k iterations (at 0: before the first)."""

    def __init__(self):
        super().__init__()
        add_legend(self, colCount=3)  # one row along the top, over the headroom show_history leaves
        self.batch_curve = self.plot(pen=pen(0, 1.5), symbol="o", symbolSize=6, symbolBrush=COLORS[0],
                                     symbolPen=None, name="")
        self.after_curve = self.plot(pen=None, symbol="o", symbolSize=7, symbolBrush=None,
                                     symbolPen=pg.mkPen(COLORS[2], width=1.5), name="")
        self.full_curve = self.plot(pen=pen(1, 2, style=Qt.PenStyle.DashLine), symbol="t", symbolSize=7,
                                    symbolBrush=COLORS[1], symbolPen=None, name="")
        self.setLimits(xMin=-0.5)
        for name in ("left", "bottom"):
            self.getAxis(name).enableAutoSIPrefix(False)

    def set_texts(self, bottom, left, title, names):
        """Axis labels, title and the three curves' legend entries (after a language change too)."""
        self.set_labels(bottom, left, title)
        legend = self.getPlotItem().legend
        legend.clear()
        for curve, name in zip((self.batch_curve, self.after_curve, self.full_curve), names, strict=True):
            legend.addItem(curve, name)

    def show_history(self, history, full_start):
        """history: (iteration, batch loss, the same batch after, whole set after) per step, in order."""
        if not history:
            for curve in (self.batch_curve, self.after_curve, self.full_curve):
                curve.setData([], [])
            return
        k, batch, after, full = (np.asarray(column, dtype=float) for column in zip(*history, strict=True))
        self.batch_curve.setData(k, batch)
        self.after_curve.setData(k, after)
        full_x = np.concatenate(([0.0], k)) if full_start is not None else k
        full_y = np.concatenate(([full_start], full)) if full_start is not None else full
        self.full_curve.setData(full_x, full_y)
        values = np.concatenate((batch, after, full_y))
        low, high = float(values.min()), float(values.max())
        span = max(high - low, 1e-3)
        self.setXRange(-0.3, max(float(k[-1]), 1.0) + 0.3, padding=0)
        self.setYRange(low - 0.08 * span, high + 0.35 * span, padding=0)  # headroom for the legend


class GradientMap(Plot):
    """∂L/∂W2 as colours: row j = hidden neuron j, column k = digit k; blue < 0 < red, symmetric about 0."""

    def __init__(self):
        super().__init__()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get(GRADIENT_MAP))
        self.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get(GRADIENT_MAP), interactive=False,
                                   width=12)
        self.bar.setImageItem(self.image, insert_in=self.getPlotItem())
        self.getPlotItem().showGrid(x=False, y=False)
        self.invertY(True)
        self.setMouseEnabled(x=False, y=False)
        self.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.values = None  # the gradient shown (for tests)

    def show_gradient(self, dW2):
        """Draw dW2 (hidden × 10) with its colours scaled to ±max |∂L/∂w|."""
        self.values = np.asarray(dW2, dtype=np.float64)
        hidden, classes = self.values.shape
        top = float(np.abs(self.values).max()) or 1.0
        self.image.setImage(self.values, levels=(-top, top))
        self.image.setRect(QRectF(-0.5, 0.5, classes, hidden))
        self.bar.setLevels((-top, top))
        self.setRange(xRange=(-0.5, classes - 0.5), yRange=(0.5, hidden + 0.5), padding=0)

    def clear_gradient(self):
        self.values = None
        self.image.clear()
