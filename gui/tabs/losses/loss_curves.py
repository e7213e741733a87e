"""The Losses tab's curves: MSE and cross-entropy as the correct class's probability y_t runs from 0 to 1."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from engine.lab import losses as loss_lab
from gui.widgets.plots import COLORS, Plot, add_legend, pen

P_GRID = np.linspace(0.001, 1.0, 400)
Y_TOP = 7.0  # the fixed loss axis: −log y_t is 16.1 at y_t = 0 (the 1e-7 guard); the point then sits at the top


class LossCurves(Plot):
    """Both losses against y_t (the other outputs keeping their proportions), with the current y_t marked."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        add_legend(self)
        self.ce_curve = self.plot(pen=pen(3), name="")
        self.mse_curve = self.plot(pen=pen(0), name="")
        self.ce_point = self.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[3], pen=None)
        self.ce_off_scale = pg.TextItem(anchor=(0.0, 0.0), color=COLORS[3])  # "↑ 16.1" when the point is above
        self.addItem(self.ce_off_scale)
        self.mse_point = self.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[0], pen=None)
        self.p_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.addItem(self.p_line)
        self.setXRange(0, 1, padding=0.02)
        self.setYRange(0, Y_TOP, padding=0.02)
        self.retranslate()

    def retranslate(self):
        self.set_labels(self.tr("probability of the correct class, y_t"), self.tr("loss"),
                        self.tr("Loss against the correct class's probability"))
        legend = self.getPlotItem().legend
        legend.clear()
        legend.addItem(self.ce_curve, self.tr("cross-entropy −log(y_t + 1e-7)"))
        legend.addItem(self.mse_curve, self.tr("mean squared error"))

    def refresh(self):
        s = self.state
        mse, ce = s.losses()
        mse_curve, ce_curve = loss_lab.loss_vs_correct_probability(s.y, s.target, P_GRID)
        self.ce_curve.setData(P_GRID, ce_curve)
        self.mse_curve.setData(P_GRID, mse_curve)
        p = float(s.y[s.target])
        above = ce > Y_TOP
        self.ce_point.setData([p], [min(ce, Y_TOP)], symbol="t1" if above else "o")  # t1: a triangle pointing up
        self.ce_off_scale.setText(f"↑ {ce:.3g}" if above else "")
        self.ce_off_scale.setPos(p + 0.015, Y_TOP)
        self.mse_point.setData([p], [mse])
        self.p_line.setValue(p)
