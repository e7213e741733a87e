"""Descent tab: gradient descent x ← x − η∇f(x) walking downhill step by step, and the chapter 6 optimizers.

The map shows the surface's contours, each optimizer's path, its point, and (when paused) the gradient's direction
and the next step as arrows. Beside it: f(x) against the step and a table of the steps. All the mathematics and the
animation state are engine.descent_lab.DescentState; this module only draws it. A QTimer drives playback and each
frame updates existing plot items with setData.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QElapsedTimer, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.lab import contours
from engine.lab import descent as dl
from engine.surfaces import SURFACES
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.plots import COLORS, Plot, foreground

RUN_COLORS = {"SGD": COLORS[0], "Momentum": COLORS[1], "AdaGrad": COLORS[2], "RMSprop": COLORS[4], "Adam": COLORS[3]}
WARN_STYLE = f"color: {COLORS[3]};"
LR_SLIDER_PER_DECADE = 100  # slider ticks per factor of ten
STEP_DELAY_MS = 350  # Step: the arrows are on screen this long before the point moves
MAX_EXPORT_FRAMES = 300
MARKERS_UP_TO = 400  # vertex markers on a path only while it is short enough to read them
NO_PARENT = QModelIndex()
PARAM_SYMBOLS = {"momentum": "α", "decay_rate": "ρ", "beta1": "β1", "beta2": "β2"}


def fmt(v: float, digits: int = 4) -> str:
    return f"{v:.{digits}g}" if np.isfinite(v) else str(v)


def fmt_pair(v, digits: int = 4) -> str:
    return f"({fmt(v[0], digits)}, {fmt(v[1], digits)})"


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_ticks(lo: float, hi: float):
    """pyqtgraph ticks for a log axis from 10^lo to 10^hi: a labelled tick every few decades, at most eight."""
    lo, hi = int(lo), int(hi)
    every = max(1, -(-(hi - lo) // 7))
    major = [(e, "1" if e == 0 else f"10{str(e).translate(SUPERSCRIPT)}") for e in range(lo, hi + 1)
             if e % every == 0]
    minor = [(e, "") for e in range(lo, hi + 1) if e % every]
    return [major, minor]


def cache(*items):
    """Paint these items from a cached pixmap until they change: axes with their grid lines and legends are
    most of a frame's painting otherwise, though they rarely change while the animation plays."""
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def legend_brush():
    """A see-through background in the palette's base colour: legends stay readable over paths and curves."""
    color = QColor(QApplication.palette().color(QPalette.ColorRole.Base))
    color.setAlpha(200)
    return pg.mkBrush(color)


class ArrowKeysToSlider(QObject):
    """Lets a focused slider keep its arrow keys (the tab's → shortcut would take them otherwise)."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
                Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.accept()
            return True
        return False


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
            x, g, step, f = run.row(k)
            value = (x, g, step, f)[index.column() - 1]
            if role == Qt.ItemDataRole.ToolTipRole:
                return repr(value.tolist() if isinstance(value, np.ndarray) else value)
            if isinstance(value, np.ndarray):
                return "—" if np.isnan(value[0]) and np.isnan(value[1]) else fmt_pair(value, 3)
            return fmt(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def show(self, run, rows: int):
        """Show `rows` rows of `run` (a descent_lab.Run): rows appended cheaply while playing, a reset otherwise."""
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


class DescentTab(Tab):
    key = "descent"

    def __init__(self):
        super().__init__()
        self.state = dl.DescentState()
        self._syncing = False
        self._pending_step = False
        self._shown_signature = None
        self._shown_legend = None
        self._f_range = None
        self._drawn_surface = None
        self._exporting = False
        self.play_timer = QTimer(self)
        self.play_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.play_timer.timeout.connect(self.on_tick)
        self.clock = QElapsedTimer()
        self._play_from = 0
        self.step_timer = QTimer(self)
        self.step_timer.setSingleShot(True)
        self.step_timer.timeout.connect(self._finish_step)
        self._build()
        self.retranslate()
        self.sync_controls()
        self.redraw_surface()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build(self):
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addWidget(self._build_experiments())
        lv.addWidget(self._build_problem())
        lv.addWidget(self._build_lr())
        lv.addWidget(self._build_optimizers())
        lv.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(300)
        left_scroll.setMaximumWidth(380)

        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self._build_map(), 1)
        mv.addLayout(self._build_transport())
        self.step_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        mv.addWidget(self.step_label)
        messages = QScrollArea()
        messages.setWidget(self.message_label)
        messages.setWidgetResizable(True)
        messages.setFrameShape(QScrollArea.Shape.NoFrame)
        messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        messages.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 6)
        mv.addWidget(messages)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._build_f_plot())
        self.side = QTabWidget()
        self.side.addTab(self._build_table(), "")
        self.explanation = Explanation()
        self.side.addTab(self.explanation, "")
        right.addWidget(self.side)
        right.setSizes([280, 420])
        right.setMinimumWidth(360)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([310, 510, 450])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self, context=context)
        self.space_shortcut.activated.connect(self.toggle_play)
        self.right_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Right), self, context=context)
        self.right_shortcut.activated.connect(self.step)
        self.reset_shortcut = QShortcut(QKeySequence(Qt.Key.Key_R), self, context=context)
        self.reset_shortcut.activated.connect(self.reset)

    def _build_experiments(self):
        self.experiments_box = QGroupBox()
        v = QVBoxLayout(self.experiments_box)
        self.preset_buttons = {}
        for key in ("lr_0.1", "lr_0.1_20", "lr_10", "lr_1e-10", "chapter6"):
            b = QPushButton()
            b.clicked.connect(lambda _=False, k=key: self.run_preset(k))
            v.addWidget(b)
            self.preset_buttons[key] = b
        return self.experiments_box

    def _build_problem(self):
        self.problem_box = QGroupBox()
        form = QFormLayout(self.problem_box)
        self.surface_combo = QComboBox()
        self.surface_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.surface_combo.setMinimumContentsLength(14)
        for key in SURFACES:
            self.surface_combo.addItem("", key)
        self.surface_combo.currentIndexChanged.connect(self.on_surface)
        self.x0_spin, self.x1_spin = QDoubleSpinBox(), QDoubleSpinBox()
        start_row = QHBoxLayout()
        for spin in (self.x0_spin, self.x1_spin):
            spin.setRange(-100.0, 100.0)
            spin.setMinimumWidth(70)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self.on_start_spin)
            start_row.addWidget(spin)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, dl.MAX_STEPS)
        self.steps_spin.setKeyboardTracking(False)
        self.steps_spin.valueChanged.connect(self.on_steps)
        self.gradient_combo = QComboBox()
        self.gradient_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.gradient_combo.setMinimumContentsLength(14)
        for key in dl.GRADIENTS:
            self.gradient_combo.addItem("", key)
        self.gradient_combo.currentIndexChanged.connect(self.on_gradient)
        self.surface_label, self.start_label = QLabel(), QLabel()
        self.steps_label, self.gradient_label = QLabel(), QLabel()
        form.addRow(self.surface_label, self.surface_combo)
        form.addRow(self.start_label, start_row)
        form.addRow(self.steps_label, self.steps_spin)
        form.addRow(self.gradient_label, self.gradient_combo)
        return self.problem_box

    def _build_lr(self):
        self.lr_box = QGroupBox()
        v = QVBoxLayout(self.lr_box)
        row = QHBoxLayout()
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        lo, hi = np.log10(dl.LR_MIN), np.log10(dl.LR_MAX)
        self.lr_slider.setRange(int(round(lo * LR_SLIDER_PER_DECADE)), int(round(hi * LR_SLIDER_PER_DECADE)))
        self.lr_slider.setPageStep(LR_SLIDER_PER_DECADE)
        self.lr_slider.valueChanged.connect(self.on_lr_slider)
        self.lr_spin = DecadeSpinBox(dl.LR_MIN, dl.LR_MAX, 0.1)
        self.lr_spin.setMinimumWidth(80)
        self.lr_spin.valueChanged.connect(self.on_lr_spin)
        row.addWidget(self.lr_slider, 1)
        row.addWidget(self.lr_spin)
        v.addLayout(row)
        self.lr_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.lr_slider.setTickInterval(LR_SLIDER_PER_DECADE)
        scale = QHBoxLayout()
        self.lr_scale_labels = [QLabel(t) for t in ("1e-10", "1e-5", "1", "10")]
        for i, label in enumerate(self.lr_scale_labels):
            label.setStyleSheet("color: gray;")
            scale.addWidget(label)
            if i < 2:
                scale.addStretch(1)
        scale.addSpacing(90)  # the number box's width: the labels stay under the slider
        v.addLayout(scale)
        self._slider_filter = ArrowKeysToSlider(self)
        self.lr_slider.installEventFilter(self._slider_filter)
        return self.lr_box

    def _build_optimizers(self):
        self.opt_box = QGroupBox()
        grid = QGridLayout(self.opt_box)
        grid.setHorizontalSpacing(4)
        self.opt_checks, self.opt_lr, self.opt_extra = {}, {}, {}
        for row, name in enumerate(dl.OPTIMIZER_ORDER):  # Adam is last: its β2 takes the row below
            check = QCheckBox(name)
            pix = QPixmap(12, 12)
            pix.fill(QColor(RUN_COLORS[name]))
            check.setIcon(QIcon(pix))
            check.toggled.connect(lambda on, n=name: self.on_optimizer_enabled(n, on))
            grid.addWidget(check, row, 0)
            self.opt_checks[name] = check
            if name == "SGD":
                self.sgd_lr_note = QLabel()
                self.sgd_lr_note.setStyleSheet("color: gray;")
                grid.addWidget(self.sgd_lr_note, row, 1, 1, 2)
            else:
                lr = DecadeSpinBox(dl.LR_MIN, dl.LR_MAX, dl.CHAPTER6_LR[name])
                lr.setMinimumWidth(62)
                lr.valueChanged.connect(lambda v, n=name: self.on_param(n, "lr", v))
                grid.addWidget(lr, row, 1)
                self.opt_lr[name] = lr
            for extra, (param, (default, low, high)) in enumerate(dl.EXTRA_PARAMETERS[name].items()):
                spin = QDoubleSpinBox()
                spin.setDecimals(5 if param == "beta2" else 4)
                spin.setRange(low, high)
                spin.setSingleStep(0.01 if param != "beta2" else 0.001)
                spin.setValue(default)
                spin.setMinimumWidth(72)
                spin.setPrefix(PARAM_SYMBOLS[param] + " ")
                spin.setKeyboardTracking(False)
                spin.valueChanged.connect(lambda v, n=name, p=param: self.on_param(n, p, v))
                grid.addWidget(spin, row + extra, 2)
                self.opt_extra[(name, param)] = spin
        self.opt_error = QLabel()
        self.opt_error.setStyleSheet(WARN_STYLE)
        self.opt_error.setWordWrap(True)
        grid.addWidget(self.opt_error, row + 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return self.opt_box

    def _build_map(self):
        self.map_plot = Plot()
        self.map_plot.setAspectLocked(True)
        self.map_plot.setMinimumSize(320, 260)
        item = self.map_plot.getPlotItem()
        item.hideButtons()
        item.showGrid(False, False)  # the contours are the grid here; a grid costs milliseconds a frame
        self.contours = pg.PlotCurveItem(connect="finite", antialias=False)
        self.contours.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.map_plot.addItem(self.contours)
        self.minimum_marker = pg.ScatterPlotItem(symbol="+", size=14, pen=pg.mkPen("#888", width=2), brush=None)
        self.map_plot.addItem(self.minimum_marker)
        self.start_marker = pg.ScatterPlotItem(symbol="o", size=14, brush=None)
        self.map_plot.addItem(self.start_marker)
        self.legend = self.map_plot.addLegend(offset=(-8, 8), brush=legend_brush())
        self.path_items, self.point_items, self.step_items, self.grad_items = {}, {}, {}, {}
        for name in dl.OPTIMIZER_ORDER:
            color = RUN_COLORS[name]
            self.path_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                                    symbolBrush=color, symbolPen=None, connect="finite")
            self.grad_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                                                    connect="finite")
            self.step_items[name] = pg.PlotDataItem(pen=pg.mkPen(color, width=3), connect="finite")
            self.point_items[name] = pg.ScatterPlotItem(size=13, brush=pg.mkBrush(color))
            for it in (self.path_items[name], self.grad_items[name], self.step_items[name], self.point_items[name]):
                self.map_plot.addItem(it)
                it.setVisible(False)
        self.legend.clear()
        cache(self.legend, self.map_plot.getAxis("left"), self.map_plot.getAxis("bottom"))
        self.grad_sample = pg.PlotDataItem(pen=pg.mkPen("#888", width=1.5, style=Qt.PenStyle.DashLine))
        self.step_sample = pg.PlotDataItem(pen=pg.mkPen("#888", width=3))
        self.map_plot.scene().sigMouseClicked.connect(self.on_map_click)
        return self.map_plot

    def _build_transport(self):
        rows = QVBoxLayout()
        top = QHBoxLayout()
        self.step_button = QPushButton()
        self.play_button = QPushButton()
        self.reset_button = QPushButton()
        self.end_button = QPushButton()
        self.step_button.clicked.connect(self.step)
        self.play_button.clicked.connect(self.toggle_play)
        self.reset_button.clicked.connect(self.reset)
        self.end_button.clicked.connect(self.run_to_end)
        for b in (self.step_button, self.play_button, self.reset_button, self.end_button):
            top.addWidget(b)
        bottom = QHBoxLayout()
        self.speed_label = QLabel()
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(1, 120)
        self.speed_slider.setValue(15)
        self.speed_slider.valueChanged.connect(self.on_speed)
        self.speed_slider.installEventFilter(ArrowKeysToSlider(self.speed_slider))
        self.speed_value = QLabel()
        self.speed_value.setMinimumWidth(70)
        self.arrows_check = QCheckBox()
        self.arrows_check.setChecked(True)
        self.arrows_check.toggled.connect(lambda _: self.refresh())
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_gif_action = self.export_menu.addAction("")
        self.export_png_action = self.export_menu.addAction("")
        self.export_gif_action.triggered.connect(self.export_gif_dialog)
        self.export_png_action.triggered.connect(self.export_png_dialog)
        self.export_button.setMenu(self.export_menu)
        bottom.addWidget(self.speed_label)
        bottom.addWidget(self.speed_slider, 1)
        bottom.addWidget(self.speed_value)
        bottom.addWidget(self.arrows_check)
        bottom.addWidget(self.export_button)
        rows.addLayout(top)
        rows.addLayout(bottom)
        return rows

    def _build_f_plot(self):
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self.on_log)
        v.addWidget(self.log_check)
        self.f_plot = Plot()
        self.f_plot.setMinimumHeight(180)
        self.f_plot.setLogMode(False, True)
        self.f_plot.getAxis("left").enableAutoSIPrefix(False)
        self.f_legend = self.f_plot.addLegend(offset=(-8, 8), brush=legend_brush())
        self.f_curves = {}
        for name in dl.OPTIMIZER_ORDER:
            curve = pg.PlotDataItem(pen=pg.mkPen(RUN_COLORS[name], width=2), connect="finite")
            curve.setVisible(False)
            self.f_plot.addItem(curve)
            self.f_curves[name] = curve
        self.f_legend.clear()
        cache(self.f_legend, self.f_plot.getAxis("left"), self.f_plot.getAxis("bottom"))
        self.f_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.f_plot.addItem(self.f_line)
        v.addWidget(self.f_plot, 1)
        return page

    def _build_table(self):
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.table_label = QLabel()
        self.table_combo = QComboBox()
        self.table_combo.currentIndexChanged.connect(lambda _: self.refresh())
        row.addWidget(self.table_label)
        row.addWidget(self.table_combo, 1)
        v.addLayout(row)
        self.table_model = StepsModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
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
        return page

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Descent")

    def surface_name(self, key):
        names = {
            "sphere": self.tr("Bowl (the book's function_2)"),
            "ellipse": self.tr("Long valley (chapter 6)"),
            "saddle": self.tr("Saddle"),
            "rosenbrock": self.tr("Rosenbrock's banana"),
            "himmelblau": self.tr("Himmelblau (four minima)"),
        }
        return f"{names.get(key, key)}: {SURFACES[key].formula}"

    def retranslate(self):
        self.experiments_box.setTitle(self.tr("The book's experiments (one click)"))
        texts = {
            "lr_0.1": (self.tr("η = 0.1: converges"),
                       self.tr("f = x0² + x1² from (−3, 4), η = 0.1, 100 steps: ends near (−6.1e-10, 8.1e-10)")),
            "lr_0.1_20": (self.tr("η = 0.1, 20 steps (book's figure)"),
                          self.tr("The book's trajectory plot: 20 steps end at (−0.0346, 0.0461)")),
            "lr_10": (self.tr("η = 10: diverges"),
                      self.tr("Too large a learning rate: every step overshoots and x runs off to about −2.6e13")),
            "lr_1e-10": (self.tr("η = 1e-10: does not move"),
                         self.tr("Too small a learning rate: after 100 steps x is still (−2.99999994, 3.99999992)")),
            "chapter6": (self.tr("Chapter 6: five optimizers compared"),
                         self.tr("f = x²/20 + y² from (−7, 2), 30 steps, the book's learning rates: "
                                 "SGD zig-zags, the others do not")),
        }
        for key, (text, tip) in texts.items():
            self.preset_buttons[key].setText(text)
            self.preset_buttons[key].setToolTip(tip + "\n" + self.tr("Sets everything up and plays it"))
        self.problem_box.setTitle(self.tr("Function and start"))
        self.surface_label.setText(self.tr("Function f"))
        self.start_label.setText(self.tr("Start (x0, x1)"))
        self.steps_label.setText(self.tr("Steps"))
        self.gradient_label.setText(self.tr("Gradient"))
        for i in range(self.surface_combo.count()):
            self.surface_combo.setItemText(i, self.surface_name(self.surface_combo.itemData(i)))
        self.surface_combo.setToolTip(self.tr("The function to descend, drawn as contour lines"))
        self.x0_spin.setToolTip(self.tr("Start x0 (or click on the map)"))
        self.x1_spin.setToolTip(self.tr("Start x1 (or click on the map)"))
        self.steps_spin.setToolTip(self.tr("How many updates x ← x − η∇f(x) to take (step_num)"))
        self.gradient_combo.setItemText(0, self.tr("numerical (central difference, h = 1e-4)"))
        self.gradient_combo.setItemText(1, self.tr("analytic (the formula's derivative)"))
        self.gradient_combo.setToolTip(self.tr("The book uses the numerical gradient; the analytic one gives "
                                               "the same path to about 1e-9"))
        self.lr_box.setTitle(self.tr("Learning rate η (gradient descent, SGD)"))
        self.lr_slider.setToolTip(self.tr("η on a logarithmic scale, from 1e-10 to 10"))
        self.lr_spin.setToolTip(self.tr("Type an exact η between 1e-10 and 10 (e.g. 0.1, 1e-3); ↑/↓ step 1-2-5"))
        for label in self.lr_scale_labels:
            label.setToolTip(self.lr_slider.toolTip())
        self.opt_box.setTitle(self.tr("Optimizers (chapter 6)"))
        self.sgd_lr_note.setText(self.tr("η as above"))
        tips = {
            "SGD": self.tr("Plain gradient descent: W ← W − η∂L/∂W"),
            "Momentum": self.tr("v ← αv − η∂L/∂W;  W ← W + v (a ball rolling downhill)"),
            "AdaGrad": self.tr("h ← h + (∂L/∂W)²;  W ← W − η∂L/∂W / √h (each coordinate slows down)"),
            "RMSprop": self.tr("h ← ρh + (1 − ρ)(∂L/∂W)²: AdaGrad that forgets old gradients"),
            "Adam": self.tr("Momentum and AdaGrad together, with bias correction (β1, β2)"),
        }
        for name, check in self.opt_checks.items():
            check.setToolTip(self.tr("Show this optimizer's path") + "\n" + tips[name])
        for name, spin in self.opt_lr.items():
            spin.setToolTip(self.tr("Learning rate η of %1").replace("%1", name))
        param_tips = {
            "momentum": self.tr("α: how much of the last step's velocity is kept"),
            "decay_rate": self.tr("ρ: how quickly old squared gradients are forgotten"),
            "beta1": self.tr("β1: decay of the running mean of the gradient"),
            "beta2": self.tr("β2: decay of the running mean of the squared gradient"),
        }
        for (_, param), spin in self.opt_extra.items():
            spin.setToolTip(param_tips[param])
        self.step_button.setText(self.tr("Step →"))
        self.step_button.setToolTip(self.tr("One update: the gradient and the step are drawn, then the point "
                                            "moves (key →)"))
        self.reset_button.setText(self.tr("Reset (R)"))
        self.reset_button.setToolTip(self.tr("Back to the start point, step 0 (key R)"))
        self.end_button.setText(self.tr("Run to end"))
        self.end_button.setToolTip(self.tr("Take all the remaining steps at once"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed_slider.setToolTip(self.tr("Playback speed in steps per second"))
        self.arrows_check.setText(self.tr("Arrows"))
        self.arrows_check.setToolTip(self.tr("When paused, draw ∇f's direction (dashed) and the next step (solid) "
                                             "at each point"))
        self.export_button.setText(self.tr("Export animation"))
        self.export_button.setToolTip(self.tr("Write the run, frame by frame, as an animated GIF or PNG files"))
        self.export_gif_action.setText(self.tr("Animated GIF…"))
        self.export_png_action.setText(self.tr("PNG sequence in a folder…"))
        self.log_check.setText(self.tr("Logarithmic f axis"))
        self.log_check.setToolTip(self.tr("A log scale shows convergence as a straight line; values f ≤ 0 are "
                                          "left out"))
        self.table_label.setText(self.tr("Steps of"))
        self.table_combo.setToolTip(self.tr("Whose steps the table lists"))
        self.table.setToolTip(self.tr("Row k: the point x_k, the gradient there, the step taken from it "
                                      "(x_k − x_(k+1), which is η∇f for SGD) and f(x_k)"))
        self.side.setTabText(0, self.tr("Steps"))
        self.side.setTabText(1, self.tr("Explanation"))
        self.map_plot.setToolTip(self.tr("Click to start from that point; drag to pan, wheel to zoom"))
        self.map_plot.set_labels(self.tr("x0"), self.tr("x1"), self.tr("Contours of f and the descent"))
        self.f_plot.set_labels(self.tr("step"), self.tr("f(x)"), self.tr("f(x) at each step"))
        self.explanation.setHtml(self.tr(
            "<h3>Gradient descent</h3>"
            "<p>Start somewhere and repeat<br><b>x ← x − η ∇f(x)</b><br>The gradient ∇f points uphill, "
            "where f grows fastest; a step against it goes downhill. The learning rate η says how far.</p>"
            "<p>The book's experiments on f = x0² + x1² from (−3, 4), 100 steps:</p>"
            "<ul><li>η = 0.1 reaches (−6.1e-10, 8.1e-10): the minimum.</li>"
            "<li>η = 10 diverges: each step overshoots and lands farther away.</li>"
            "<li>η = 1e-10 hardly moves: 100 steps of almost nothing.</li></ul>"
            "<p>η is a <b>hyperparameter</b>: set by hand, not learned.</p>"
            "<h3>Beyond SGD (chapter 6)</h3>"
            "<p>On f = x²/20 + y² the gradient points mostly along y, so SGD zig-zags across the valley. "
            "<b>Momentum</b> keeps a velocity (v ← αv − η∇f), <b>AdaGrad</b> shrinks each coordinate's step by "
            "its past gradients (h ← h + ∇f²), <b>RMSprop</b> lets that memory fade (ρ), and <b>Adam</b> "
            "combines the two.</p>"
            "<p><b>Keys</b> (when the tab has focus): Space play / pause, → one step, R reset. "
            "Click on the map to choose the start.</p>"))
        self.f_plot.setToolTip(self.tr("f at each step for every optimizer shown; the dashed line is the step "
                                       "on the map"))
        self.update_play_text()
        self.on_speed(self.speed_slider.value())
        self._shown_legend = self._shown_signature = None  # the legends' words are translated too
        self.refresh()

    def update_play_text(self):
        if self.is_playing():
            self.play_button.setText(self.tr("Pause (Space)"))
            self.play_button.setToolTip(self.tr("Stop the animation here (key Space)"))
        else:
            self.play_button.setText(self.tr("Play (Space)"))
            self.play_button.setToolTip(self.tr("Animate the descent step by step (key Space)"))

    # ------------------------------------------------------------------ state ↔ controls
    def sync_controls(self):
        """Put the state's values into the controls (without their change handlers running)."""
        s = self.state
        self._syncing = True
        try:
            self.surface_combo.setCurrentIndex(max(self.surface_combo.findData(s.surface), 0))
            self.x0_spin.setValue(s.start[0])
            self.x1_spin.setValue(s.start[1])
            self.steps_spin.setValue(s.step_num)
            self.gradient_combo.setCurrentIndex(max(self.gradient_combo.findData(s.gradient), 0))
            self.lr_spin.setValue(s.lr)
            self.lr_slider.setValue(self._slider_from_lr(s.lr))
            for o in s.optimizers:
                self.opt_checks[o.name].setChecked(o.enabled)
                if o.name in self.opt_lr:
                    self.opt_lr[o.name].setValue(o.params["lr"])
                for param in dl.EXTRA_PARAMETERS[o.name]:
                    self.opt_extra[(o.name, param)].setValue(o.params[param])
        finally:
            self._syncing = False

    @staticmethod
    def _slider_from_lr(lr):
        return int(round(np.log10(lr) * LR_SLIDER_PER_DECADE))

    def _changed(self):
        """A setting changed: the runs are rebuilt (same step) and everything redrawn."""
        self.opt_error.setText("")
        self.refresh()

    def on_surface(self, _index):
        if self._syncing:
            return
        key = self.surface_combo.currentData()
        self.state.surface = key
        self.state.start = dl.start_for(key)
        self.state.reset()
        self.sync_controls()
        self.redraw_surface()
        self._changed()

    def on_start_spin(self, _value):
        if self._syncing:
            return
        self.set_start(self.x0_spin.value(), self.x1_spin.value())

    def set_start(self, x0, x1):
        """Start from (x0, x1) at step 0."""
        self.state.start = (float(x0), float(x1))
        self.state.reset()
        self._syncing = True
        self.x0_spin.setValue(x0)
        self.x1_spin.setValue(x1)
        self._syncing = False
        self._changed()

    def on_steps(self, value):
        if not self._syncing:
            self.state.step_num = int(value)
            self._changed()

    def on_gradient(self, _index):
        if not self._syncing:
            self.state.gradient = self.gradient_combo.currentData()
            self._changed()

    def on_lr_slider(self, value):
        if self._syncing:
            return
        lr = float(f"{10.0 ** (value / LR_SLIDER_PER_DECADE):.3g}")
        self.set_lr(min(max(lr, dl.LR_MIN), dl.LR_MAX), from_slider=True)

    def on_lr_spin(self, value):
        if not self._syncing:
            self.set_lr(value)

    def set_lr(self, lr, from_slider=False):
        """η of gradient descent (SGD), kept in step in the slider and the number box."""
        self.state.lr = lr
        self._syncing = True
        self.lr_spin.setValue(lr)
        if not from_slider:
            self.lr_slider.setValue(self._slider_from_lr(lr))
        self._syncing = False
        self._changed()

    def on_optimizer_enabled(self, name, on):
        if self._syncing:
            return
        self.state.optimizer(name).enabled = on
        if not any(o.enabled for o in self.state.optimizers):
            self.opt_error.setText(self.tr("Choose at least one optimizer to see a path."))
            self.refresh()
            return
        self._changed()

    def on_param(self, name, param, value):
        if self._syncing:
            return
        try:
            self.state.optimizer(name).params[param] = dl.check_parameter(name, param, value)
        except ValueError:
            self.opt_error.setText(self.tr("%1 of %2 is out of range.").replace("%1", param).replace("%2", name))
            return
        self._changed()

    def on_speed(self, value):
        self.speed_value.setText(self.tr("%1 steps/s").replace("%1", str(value)))
        if self.is_playing():
            self._restart_clock()
            self.play_timer.setInterval(self._interval())

    def on_log(self, on):
        self.f_plot.setLogMode(False, on)
        self._f_range = None
        self.refresh()

    def on_map_click(self, event):
        if event.button() != Qt.MouseButton.LeftButton or self._exporting:
            return
        vb = self.map_plot.getPlotItem().getViewBox()
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        event.accept()
        self.pause()
        self.set_start(round(p.x(), 3), round(p.y(), 3))

    # ------------------------------------------------------------------ playing
    def is_playing(self):
        return self.play_timer.isActive()

    def _interval(self):
        return max(int(1000 / self.speed_slider.value()), 15)

    def _restart_clock(self):
        self._play_from = self.state.index
        self.clock.restart()

    def play(self):
        if not self.state.runs():
            return
        self._cancel_step()
        if self.state.at_end():
            self.state.reset()
        self._restart_clock()
        self.play_timer.start(self._interval())
        self.update_play_text()
        self.refresh()

    def pause(self):
        if self.play_timer.isActive():
            self.play_timer.stop()
            self.update_play_text()
            self.refresh()

    def toggle_play(self):
        self.pause() if self.is_playing() else self.play()

    def on_tick(self):
        target = dl.target_index(self._play_from, self.clock.elapsed() / 1000.0, self.speed_slider.value())
        if target > self.state.index:
            self.state.advance(target - self.state.index)
        if self.state.at_end():
            self.play_timer.stop()
            self.update_play_text()
        self.refresh()

    def step(self):
        """One update: the arrows are shown, then (STEP_DELAY_MS later) the point moves along the step arrow."""
        self.pause()
        if self._pending_step:
            self.step_timer.stop()
            self._finish_step()
        if self.state.at_end():
            self.refresh()
            return
        self._pending_step = True
        self.refresh()
        self.step_timer.start(STEP_DELAY_MS)

    def _finish_step(self):
        self._pending_step = False
        self.state.advance()
        self.refresh()

    def _cancel_step(self):
        self.step_timer.stop()
        self._pending_step = False

    def reset(self):
        self.pause()
        self._cancel_step()
        self.state.reset()
        self.refresh()

    def run_to_end(self):
        self.pause()
        self._cancel_step()
        self.state.run_to_end()
        self.refresh()

    def run_preset(self, key):
        """One of the book's experiments: set everything up and play it from step 0."""
        self.pause()
        self._cancel_step()
        self.state.apply_preset(key)
        self.sync_controls()
        self.redraw_surface()
        self.opt_error.setText("")
        self.play()

    # ------------------------------------------------------------------ drawing
    def redraw_surface(self):
        """Contours, minimum and view for the current surface (only when the surface changes)."""
        surface = self.state.surface_object()
        if self._drawn_surface is surface:
            return
        self._drawn_surface = surface
        X0, X1, Z = surface.grid(141)
        levels = contours.quantile_levels(Z, 14)
        x0, x1 = X0[0], X1[:, 0]
        xs, ys = [], []
        for level in levels:
            for line in pg.functions.isocurve(Z.T, level, connected=True, extendToEdge=True):
                line = np.asarray(line)
                # isocurve works in grid indices: map them onto the surface's coordinates
                xs.append(np.interp(line[:, 0], np.arange(len(x0)), x0))
                ys.append(np.interp(line[:, 1], np.arange(len(x1)), x1))
                xs.append([np.nan])
                ys.append([np.nan])
        if xs:
            self.contours.setData(np.concatenate(xs), np.concatenate(ys))
        else:
            self.contours.setData([], [])
        self.minimum_marker.setData(*([[surface.minimum[0]], [surface.minimum[1]]] if surface.minimum else [[], []]))
        a, b, c, d = surface.view
        self.map_plot.getPlotItem().getViewBox().setRange(xRange=(a, b), yRange=(c, d), padding=0.02)
        self.palette_changed()

    def palette_changed(self):
        if not hasattr(self, "contours"):
            return
        fg = foreground()
        line = QColor(fg)
        line.setAlpha(90)
        self.contours.setPen(pg.mkPen(line, width=1))
        self.start_marker.setPen(pg.mkPen(fg, width=1.5))
        background = QApplication.palette().color(QPalette.ColorRole.Base)
        for item in self.point_items.values():
            item.setPen(pg.mkPen(background, width=1.5))
        for legend in (self.legend, self.f_legend):
            legend.setBrush(legend_brush())

    def refresh(self):
        """Draw the shown step: paths, points, arrows, f curves, table, labels (setData on existing items)."""
        if not hasattr(self, "table_model"):
            return
        self.render_frame(self.state.index, arrows=not self.is_playing() and self.arrows_check.isChecked())
        s = self.state
        runs = s.runs()
        names = [r.name for r in runs]
        if self._shown_signature != s.signature():
            self._shown_signature = s.signature()
            self._relabel(names)
        log = self.log_check.isChecked()
        values = []
        for name, curve in self.f_curves.items():
            if name in names:
                steps, f = s.f_curve(name, log=log)
                curve.setData(steps, f)
                values.append(f)
            curve.setVisible(name in names)
        self.f_line.setValue(s.index)
        # The axes change only when a curve outgrows them (by decades on the log scale): a redrawn axis with its
        # grid costs more than the rest of a frame.
        f_range = (max(s.step_num, 1), dl.axis_range(np.concatenate(values) if values else np.zeros(0), log))
        if f_range != self._f_range:
            self._f_range = f_range
            self.f_plot.setXRange(0, f_range[0], padding=0.02)
            self.f_plot.setYRange(*f_range[1], padding=0.06)  # room for the end labels
            # on a log axis only whole decades are labelled (pyqtgraph's labelled minor ticks pile up)
            self.f_plot.getAxis("left").setTicks(decade_ticks(*f_range[1]) if log else None)

        name = self.table_combo.currentData() or (names[0] if names else "SGD")
        run = s.run(name)
        self.table_model.headers[3] = "η∇f" if name == "SGD" else self.tr("step")
        self.table_model.show(run, run.last(s.index) + 1 if run else 0)
        if self.is_playing():
            self.table.scrollToBottom()

        self.step_label.setText(self.tr("Step %1 of %2").replace("%1", str(s.index)).replace("%2", str(s.step_num))
                                + self._readout(runs))
        self.message_label.setText(self._messages_html())
        self.end_button.setEnabled(not s.at_end())
        self.step_button.setEnabled(bool(runs))
        self.play_button.setEnabled(bool(runs))

    def _readout(self, runs):
        if len(runs) != 1:
            return ""
        r = runs[0]
        j = r.last(self.state.index)
        return f"   ·   x = {fmt_pair(r.xs[j])},  f(x) = {fmt(r.fs[j])}"

    def _relabel(self, names):
        """Legends and the table's choice of run, after the set of runs or their settings changed."""
        s = self.state
        legend_key = tuple((n, s.optimizer(n).params["lr"]) for n in names)
        if legend_key != self._shown_legend:
            self._shown_legend = legend_key
            self.legend.clear()
            self.f_legend.clear()
            for name in names:
                label = f"{name}  η = {s.optimizer(name).params['lr']:g}"
                self.legend.addItem(self.path_items[name], label)
                self.f_legend.addItem(self.f_curves[name], label)
            self.legend.addItem(self.grad_sample, self.tr("∇f direction"))
            self.legend.addItem(self.step_sample, self.tr("next step"))
            self.map_plot.apply_palette()  # legend text colour
        current = self.table_combo.currentData()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for name in names:
            self.table_combo.addItem(name, name)
        self.table_combo.setCurrentIndex(max(self.table_combo.findData(current), 0))
        self.table_combo.blockSignals(False)
        self.table_model.refresh_all()

    def render_frame(self, k, arrows=False):
        """Set every map item to step k (also used to render exported frames)."""
        s = self.state
        surface = s.surface_object()
        size = dl.view_size(surface)
        box = dl.display_box(surface)
        self.start_marker.setData([s.start[0]], [s.start[1]])
        frames = {f.name: f for f in s.frame(k)}
        for name in dl.OPTIMIZER_ORDER:
            f = frames.get(name)
            shown = f is not None
            for item in (self.path_items[name], self.point_items[name]):
                item.setVisible(shown)
            if not shown:
                self.step_items[name].setVisible(False)
                self.grad_items[name].setVisible(False)
                continue
            path_item = self.path_items[name]
            want_markers = len(f.path) <= MARKERS_UP_TO
            if want_markers != (path_item.opts["symbol"] is not None):
                path_item.setSymbol("o" if want_markers else None)
            path = dl.clip_path(f.path, box)
            path_item.setData(path[:, 0], path[:, 1])
            self.point_items[name].setData([f.point[0]], [f.point[1]])
            draw_arrows = (arrows or self._pending_step) and f.next_point is not None
            if draw_arrows:
                step = dl.arrow(f.point, f.next_point, 0.03 * size)
                head = dl.gradient_arrow(f.point, f.gradient, 0.08 * size)
                grad = dl.arrow(f.point, head, 0.025 * size) if head is not None else np.zeros((0, 2))
                step = dl.clip_segments(step[0::2], step[1::2], box)
                grad = dl.clip_segments(grad[0::2], grad[1::2], box)
                self.step_items[name].setData(step[:, 0], step[:, 1])
                self.grad_items[name].setData(grad[:, 0], grad[:, 1])
                width = 4.5 if self._pending_step else 3
                self.step_items[name].setPen(pg.mkPen(RUN_COLORS[name], width=width))
            self.step_items[name].setVisible(draw_arrows)
            self.grad_items[name].setVisible(draw_arrows)

    def _messages_html(self):
        lines = []
        what = {"gradient": self.tr("the gradient"), "x": self.tr("x"), "f": self.tr("f(x)")}
        for m in self.state.messages():
            v = m.values
            if m.kind == "overflow":
                text = self.tr("%1: step %2 would overflow (%3 becomes inf or nan), so the run stops here. "
                               "The learning rate is far too large.")
                text = text.replace("%3", what[v["what"]])
                color = COLORS[3]
            elif m.kind == "diverging":
                text = self.tr("%1 diverges: f grew from %2 to %3 and the path has left the view. "
                               "The learning rate is too large: each step overshoots the minimum.")
                text = text.replace("%3", fmt(v["f"])).replace("%2", fmt(v["f0"]))
                color = COLORS[3]
            elif m.kind == "escaping":
                text = self.tr("%1 left the view going downhill (f fell from %2 to %3): this function has no "
                               "minimum in that direction.")
                text = text.replace("%3", fmt(v["f"])).replace("%2", fmt(v["f0"]))
                color = COLORS[1]
            elif m.kind == "stalled":
                text = self.tr("%1 barely moves: in %2 steps x moved only %3. The learning rate η = %4 is too small.")
                text = text.replace("%4", f"{v['lr']:g}").replace("%3", f"{v['moved']:.2g}")
                text = text.replace("%2", str(m.step))
                color = COLORS[3]
            else:
                text = self.tr("%1 reached a point where ∇f ≈ 0 (|∇f| = %2) at step %3.")
                text = text.replace("%3", str(m.step)).replace("%2", f"{v['grad_norm']:.2g}")
                color = COLORS[2]
            if m.kind == "overflow":
                text = text.replace("%2", str(m.step))
            text = text.replace("%1", f"<b>{m.name}</b>")
            lines.append(f'<span style="color:{color}">{text}</span>')
        return "<br>".join(lines)

    # ------------------------------------------------------------------ export
    def frame_image(self, k) -> QImage:
        """The map at step k as an image (what one exported frame shows)."""
        self.render_frame(k, arrows=False)
        return self.map_plot.grab().toImage()

    def export_gif_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export animation as GIF"), "descent.gif",
                                              self.tr("Animated GIF (*.gif)"))
        if path:
            if not path.lower().endswith(".gif"):
                path += ".gif"
            self.export_animation(Path(path), "gif")

    def export_png_dialog(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export animation as PNG files into a folder"))
        if folder:
            self.export_animation(Path(folder), "png")

    def export_animation(self, target: Path, kind: str) -> bool:
        """Write the run's frames: an animated GIF at `target`, or descent_0000.png … into the folder `target`.

        Files appear complete or not at all (temp file in the same folder, then os.replace). A progress dialog
        can cancel. Returns True when written; problems are reported in the message line.
        """
        self.pause()
        self._cancel_step()
        indices = self.state.export_indices(MAX_EXPORT_FRAMES)
        progress = QProgressDialog(self.tr("Writing frames…"), self.tr("Cancel"), 0, len(indices), self)
        progress.setWindowTitle(self.tr("Export animation"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self._exporting = True
        cancelled, error = False, None
        shown_index = self.state.index
        try:
            if kind == "gif":
                cancelled = self._write_gif(target, indices, progress)
            else:
                cancelled = self._write_pngs(target, indices, progress)
        except (OSError, ValueError) as exc:
            error = exc
        finally:
            self._exporting = False
            progress.close()
            self.state.index = shown_index
            self.refresh()
        if error is not None:
            self.message_label.setText(f'<span style="color:{COLORS[3]}">'
                                       + self.tr("Could not write %1: %2").replace("%1", str(target))
                                       .replace("%2", str(error)) + "</span>")
            return False
        if cancelled:
            self.message_label.setText(self.tr("Export cancelled: nothing was written."))
            return False
        self.message_label.setText(self.tr("Wrote %1 frames to %2").replace("%1", str(len(indices)))
                                   .replace("%2", str(target)))
        return True

    def _frames(self, indices, progress):
        for n, k in enumerate(indices):
            progress.setValue(n)
            QApplication.processEvents()
            if progress.wasCanceled():
                return
            yield k, self.frame_image(int(k))
        progress.setValue(len(indices))

    def _write_gif(self, target: Path, indices, progress) -> bool:
        from PIL import Image

        images = []
        for _, image in self._frames(indices, progress):
            rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
            pil = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), bytes(rgba.constBits()), "raw",
                                   "RGBA", rgba.bytesPerLine(), 1)
            images.append(pil.convert("RGB").quantize(colors=255, method=Image.Quantize.FASTOCTREE))
        if progress.wasCanceled() or not images:
            return True
        fd, tmp = tempfile.mkstemp(prefix=".descent-", suffix=".gif.part", dir=target.parent)
        os.close(fd)
        try:
            duration = max(int(1000 / self.speed_slider.value()), 20)
            images[0].save(tmp, format="GIF", save_all=True, append_images=images[1:], duration=duration, loop=0)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        return False

    def _write_pngs(self, folder: Path, indices, progress) -> bool:
        folder.mkdir(parents=True, exist_ok=True)
        for n, (_, image) in enumerate(self._frames(indices, progress)):
            final = folder / f"descent_{n:04d}.png"
            fd, tmp = tempfile.mkstemp(prefix=".descent-", suffix=".png.part", dir=folder)
            os.close(fd)
            try:
                if not image.save(tmp, "PNG"):
                    raise OSError(self.tr("the image could not be saved"))
                os.replace(tmp, final)
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)
        return progress.wasCanceled()

    # ------------------------------------------------------------------ lifecycle and settings
    def shutdown(self):
        self.play_timer.stop()
        self.step_timer.stop()

    def hideEvent(self, event):
        self.pause()  # no animation behind another tab
        super().hideEvent(event)

    def save_settings(self, settings):
        settings.setValue("session", json.dumps(self.state.to_dict()))
        settings.setValue("speed", self.speed_slider.value())
        settings.setValue("log_scale", self.log_check.isChecked())
        settings.setValue("arrows", self.arrows_check.isChecked())

    def restore_settings(self, settings):
        try:
            data = json.loads(settings.value("session", "{}") or "{}")
        except (TypeError, ValueError):
            data = {}
        self.state = dl.DescentState.from_dict(data)
        try:
            self.speed_slider.setValue(int(settings.value("speed", self.speed_slider.value())))
        except (TypeError, ValueError):
            pass
        self.log_check.setChecked(str(settings.value("log_scale", "true")).lower() == "true")
        self.arrows_check.setChecked(str(settings.value("arrows", "true")).lower() == "true")
        self.sync_controls()
        self.redraw_surface()
        self._shown_signature = self._shown_legend = self._f_range = None
        self.refresh()


TAB_CLASS = DescentTab


def map_widget_point(tab: DescentTab, x0: float, x1: float):
    """Where (x0, x1) is on the map, in the plot widget's own pixels (for tests and tools)."""
    from PySide6.QtCore import QPointF

    vb = tab.map_plot.getPlotItem().getViewBox()
    return tab.map_plot.mapFromScene(vb.mapViewToScene(QPointF(x0, x1)))
