"""The Descent tab's history of the runs: f(x) against the step (FPlotPage) and the table of steps (StepsPage)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.lab import descent as dl
from gui.tabs.descent import geometry
from gui.tabs.descent.common import RUN_COLORS, cache, fmt, fmt_pair
from gui.widgets.panel_helpers import Retranslated
from gui.widgets.plots import Plot

NO_PARENT = QModelIndex()


class FPlotPage(Retranslated, QWidget):
    """f(x_k) of every run against k, on a log axis by choice, with the shown step as a dashed line."""

    log_toggled = Signal(bool)

    def __init__(self):
        super().__init__()
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self.log_toggled)
        v.addWidget(self.log_check)
        self.plot = Plot()
        self.plot.setMinimumHeight(180)
        self.plot.setLogMode(False, True)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.curves = {}
        for name in dl.OPTIMIZER_ORDER:
            curve = pg.PlotDataItem(pen=pg.mkPen(RUN_COLORS[name], width=2), connect="finite")
            curve.setVisible(False)
            self.plot.addItem(curve)
            self.curves[name] = curve
        cache(self.plot.getAxis("left"), self.plot.getAxis("bottom"))
        self.line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.line)
        v.addWidget(self.plot, 1)
        self._range = None
        self.retranslate()

    def show_choices(self, state):
        """The log switch as the state has it (no handler runs); the axes are set again at the next frame."""
        with QSignalBlocker(self.log_check):
            self.log_check.setChecked(state.log_scale)
        self._range = None

    def show_runs(self, state, descent, names):
        """The curves up to the shown step; the axes change only when a curve outgrows them."""
        log = state.log_scale
        if log != self.plot.getAxis("left").logMode:
            self.plot.setLogMode(False, log)
            self._range = None
        values = []
        for name, curve in self.curves.items():
            if name in names:
                steps, f = descent.f_curve(name, state.index)
                f = geometry.log_values(f) if log else f
                curve.setData(steps, f)
                values.append(f)
            curve.setVisible(name in names)
        self.line.setValue(state.index)
        # by decades on the log scale: a redrawn axis with its grid costs more than the rest of a frame
        f_range = (max(state.step_num, 1), geometry.axis_range(np.concatenate(values) if values else np.zeros(0), log))
        if f_range != self._range:
            self._range = f_range
            self.plot.setXRange(0, f_range[0], padding=0.02)
            self.plot.setYRange(*f_range[1], padding=0.06)  # room for the end labels
            # on a log axis only whole decades are labelled (pyqtgraph's labelled minor ticks pile up)
            self.plot.getAxis("left").setTicks(geometry.decade_ticks(*f_range[1]) if log else None)

    def retranslate(self):
        self.log_check.setText(self.tr("Logarithmic f axis"))
        self.log_check.setToolTip(self.tr("A log scale shows convergence as a straight line; values f ≤ 0 are "
                                          "left out"))
        self.plot.set_labels(self.tr("step"), self.tr("f(x)"), self.tr("f(x) at each step"))
        # no legend: five curves cross every corner of this small plot; the map's legend names the colours
        self.plot.setToolTip(self.tr("f at each step for every optimizer shown, in the colours of the map's legend; "
                                     "the dashed line is the step on the map"))


class StepsModel(QAbstractTableModel):
    """The table of steps of one run: k, x_k, ∇f(x_k), the step x_k − x_(k+1) (η∇f for SGD), f(x_k)."""

    def __init__(self):
        super().__init__()
        self.run = None
        self.rows = 0
        self.headers = ["k", "x", "∇f(x)", "η∇f", "f(x)"]

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        run = self.run
        if run is None or not index.isValid() or index.row() >= self.rows:
            return None
        k = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return str(k)
            value = run.row(k)[index.column() - 1]
            if role == Qt.ItemDataRole.ToolTipRole:
                return repr(value.tolist() if isinstance(value, np.ndarray) else value)
            if isinstance(value, np.ndarray):
                return "—" if np.isnan(value[0]) and np.isnan(value[1]) else fmt_pair(value, 3)
            return fmt(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def show(self, run, rows: int):
        """Show `rows` rows of `run` (an engine.lab.descent.Run): rows appended cheaply while playing, a reset
        otherwise."""
        if run is not self.run or rows < self.rows:
            self.beginResetModel()
            self.run, self.rows = run, rows
            self.endResetModel()
        elif rows > self.rows:
            old = self.rows
            self.beginInsertRows(QModelIndex(), old, rows - 1)
            self.rows = rows
            self.endInsertRows()
            if old:
                self.dataChanged.emit(self.index(old - 1, 0), self.index(old - 1, 4))  # its step is known now

    def refresh_all(self):
        self.beginResetModel()
        self.endResetModel()


class StepsPage(Retranslated, QWidget):
    """The steps of the run chosen in the combo box (state.table_run), up to the shown step."""

    run_chosen = Signal(str)

    def __init__(self):
        super().__init__()
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(lambda _: self.run_chosen.emit(self.combo.currentData() or ""))
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        v.addLayout(row)
        self.model = StepsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((30, 108, 100, 100, 60)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)  # f(x) takes what is left (at least its 60 px)
        v.addWidget(self.table, 1)
        self.retranslate()

    def relabel(self, names, chosen):
        """The runs to choose from (`chosen` selected), after the set of runs or their settings changed."""
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for name in names:
                self.combo.addItem(name, name)
            self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0))
        self.model.refresh_all()

    def show_run(self, state, descent, playing):
        """The rows of state.table_run up to the shown step; the newest in sight while playing."""
        run = descent.run(state.table_run)
        self._set_step_header(state.table_run == "SGD")
        self.model.show(run, run.last(state.index) + 1 if run else 0)
        if playing:
            self.table.scrollToBottom()

    def _set_step_header(self, sgd: bool):
        """The step column is η∇f for SGD; other optimizers take another step from the same gradient."""
        text = "η∇f" if sgd else self.tr("step")
        if self.model.headers[3] != text:
            self.model.headers[3] = text
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 3, 3)

    def retranslate(self):
        self.label.setText(self.tr("Steps of"))
        self.combo.setToolTip(self.tr("Whose steps the table lists"))
        self.table.setAccessibleName(self.tr("Steps of the run"))
        self.table.setToolTip(self.tr("Row k: the point x_k, the gradient there, the step taken from it "
                                      "(x_k − x_(k+1), which is η∇f for SGD) and f(x_k)"))
        self._set_step_header(self.model.headers[3] == "η∇f")
