"""Losses tab: an editable 10-class output y, its MSE and cross-entropy, softmax overflow and mini-batches."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.lab import losses as loss_lab
from engine.functions import softmax
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.plots import COLORS, Plot, foreground, pen

P_GRID = np.linspace(0.001, 1.0, 400)
TARGET_PALETTE = QPalette()  # only these two roles are set: the rest follows the app's palette
TARGET_PALETTE.setColor(QPalette.ColorRole.Button, QColor(COLORS[2]))
TARGET_PALETTE.setColor(QPalette.ColorRole.ButtonText, QColor("white"))
LOGIT_LIMIT = 10.0  # the score plot's fixed range; huge scores are the softmax panel's subject


@dataclass
class LossesState:
    """What the tab shows: the output being edited, the correct class, and the mini-batch."""

    mode: str = "probabilities"  # or "logits": the user edits scores a and y = softmax(a)
    y: np.ndarray = field(default_factory=lambda: loss_lab.WORKED_EXAMPLES["two"].copy())
    logits: np.ndarray = field(default_factory=lambda: np.zeros(loss_lab.NUM_CLASSES))
    target: int = loss_lab.WORKED_TARGET
    batch_size: int = 5
    batch_seed: int = 0

    def set_bar(self, k: int, value: float) -> None:
        """The user dragged bar k to `value` (a probability or a logit, by mode)."""
        if self.mode == "logits":
            self.logits[k] = float(np.clip(value, -LOGIT_LIMIT, LOGIT_LIMIT))
            self.y = softmax(self.logits)
        else:
            self.y = loss_lab.set_probability(self.y, k, value)

    def set_mode(self, mode: str) -> None:
        if mode == "logits" and self.mode != "logits":
            # Logits that reproduce the current y (up to the constant softmax ignores).
            self.logits = np.log(np.clip(self.y, 1e-4, None))
            self.logits -= self.logits.mean()
            self.y = softmax(self.logits)
        self.mode = mode


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


class LossesTab(Tab):
    key = "losses"

    def __init__(self):
        super().__init__()
        self.state = LossesState()
        self._build()
        self.retranslate()
        self.new_batch()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build(self):
        # Left: controls
        self.output_box = QGroupBox()
        out_form = QFormLayout(self.output_box)
        self.mode_prob = QRadioButton()
        self.mode_logits = QRadioButton()
        self.mode_prob.setChecked(True)
        self.mode_prob.toggled.connect(lambda on: on and self.set_mode("probabilities"))
        self.mode_logits.toggled.connect(lambda on: on and self.set_mode("logits"))
        out_form.addRow(self.mode_prob)
        out_form.addRow(self.mode_logits)

        self.target_box = QGroupBox()
        grid = QGridLayout(self.target_box)
        self.target_group = QButtonGroup(self)
        self.target_buttons = []
        for k in range(loss_lab.NUM_CLASSES):
            b = QPushButton(str(k))
            b.setCheckable(True)
            b.setMinimumWidth(30)
            self.target_group.addButton(b, k)
            grid.addWidget(b, k // 5, k % 5)
            self.target_buttons.append(b)
        self.target_group.idClicked.connect(self.set_target)

        self.examples_box = QGroupBox()
        ex = QVBoxLayout(self.examples_box)
        self.example_two = QPushButton()
        self.example_seven = QPushButton()
        self.uniform_button = QPushButton()
        self.example_two.clicked.connect(lambda: self.load_example("two"))
        self.example_seven.clicked.connect(lambda: self.load_example("seven"))
        self.uniform_button.clicked.connect(self.load_uniform)
        for b in (self.example_two, self.example_seven, self.uniform_button):
            ex.addWidget(b)

        self.readout_box = QGroupBox()
        ro = QFormLayout(self.readout_box)
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.mse_label, self.ce_label = QLabel(), QLabel()
        self.mse_value, self.ce_value = QLabel(), QLabel()
        for w in (self.mse_value, self.ce_value):
            w.setFont(big)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mse_exact, self.ce_exact = QLabel(), QLabel()
        for w in (self.mse_exact, self.ce_exact):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setStyleSheet("color: gray;")
        ro.addRow(self.mse_label, self.mse_value)
        ro.addRow("", self.mse_exact)
        ro.addRow(self.ce_label, self.ce_value)
        ro.addRow("", self.ce_exact)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        for w in (self.output_box, self.target_box, self.examples_box, self.readout_box):
            left_layout.addWidget(w)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(290)
        left_scroll.setMaximumWidth(360)

        # Middle: the editable bars (probabilities or logits), y when editing logits, and the loss curves
        self.editor = BarEditor(loss_lab.NUM_CLASSES)
        self.editor.edited.connect(self.on_bar_edited)
        self.bar_plot = Plot(viewBox=self.editor)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7)
        self.bar_plot.addItem(self.bars)
        self.bar_text = [pg.TextItem(anchor=(0.5, 1.0)) for _ in range(10)]
        for t in self.bar_text:
            self.bar_plot.addItem(t)
        self.bar_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.bar_plot.setXRange(-0.6, 9.6, padding=0)

        self.y_plot = Plot()  # y = softmax(a), shown only in logits mode
        self.y_bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7)
        self.y_plot.addItem(self.y_bars)
        self.y_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.y_plot.setXRange(-0.6, 9.6, padding=0)
        self.y_plot.setYRange(0, 1.05, padding=0)
        self.y_plot.setMouseEnabled(False, False)
        self.y_plot.hide()

        self.curve_plot = Plot()
        self.curve_plot.addLegend(offset=(-10, 10))
        self.ce_curve = self.curve_plot.plot(pen=pen(3), name="")
        self.mse_curve = self.curve_plot.plot(pen=pen(0), name="")
        self.ce_point = self.curve_plot.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[3], pen=None)
        self.mse_point = self.curve_plot.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[0], pen=None)
        self.p_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.curve_plot.addItem(self.p_line)
        self.curve_plot.setXRange(0, 1, padding=0.02)
        self.curve_plot.setYRange(0, 7, padding=0.02)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.bar_plot)
        top.addWidget(self.y_plot)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(top)
        middle.addWidget(self.curve_plot)
        middle.setSizes([380, 300])

        # Right: explanation, softmax panel, mini-batch panel
        self.explanation = Explanation()
        self.side = QTabWidget()
        self.side.addTab(self.explanation, "")
        self.side.addTab(self._build_softmax_panel(), "")
        self.side.addTab(self._build_batch_panel(), "")
        self.side.setMinimumWidth(330)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(middle)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 600, 380])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _build_softmax_panel(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.softmax_intro = QLabel()
        self.softmax_intro.setWordWrap(True)
        self.logits_edit = QLineEdit("1010, 1000, 990")
        self.logits_edit.editingFinished.connect(self.refresh_softmax)
        self.logits_error = QLabel()
        self.logits_error.setStyleSheet("color: #D55E00;")
        self.logits_error.setWordWrap(True)
        self.softmax_table = QTableWidget()
        self.softmax_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.softmax_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.softmax_note = QLabel()
        self.softmax_note.setWordWrap(True)
        self.logits_label = QLabel()
        layout.addWidget(self.softmax_intro)
        layout.addWidget(self.logits_label)
        layout.addWidget(self.logits_edit)
        layout.addWidget(self.logits_error)
        layout.addWidget(self.softmax_table, 1)
        layout.addWidget(self.softmax_note)
        return page

    def _build_batch_panel(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.batch_intro = QLabel()
        self.batch_intro.setWordWrap(True)
        row = QHBoxLayout()
        self.batch_n_label = QLabel()
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 100)
        self.batch_spin.setValue(self.state.batch_size)
        self.batch_spin.valueChanged.connect(self.set_batch_size)
        self.batch_button = QPushButton()
        self.batch_button.clicked.connect(self.next_batch)
        row.addWidget(self.batch_n_label)
        row.addWidget(self.batch_spin)
        row.addWidget(self.batch_button)
        row.addStretch(1)
        self.batch_table = QTableWidget()
        self.batch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.batch_mean_label = QLabel()
        self.batch_mean_label.setWordWrap(True)
        self.batch_mean_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.batch_intro)
        layout.addLayout(row)
        layout.addWidget(self.batch_table, 1)
        layout.addWidget(self.batch_mean_label)
        return page

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Losses")

    def retranslate(self):
        self.output_box.setTitle(self.tr("Network output"))
        self.mode_prob.setText(self.tr("Edit probabilities y"))
        self.mode_logits.setText(self.tr("Edit scores a (y = softmax(a))"))
        self.mode_prob.setToolTip(self.tr("Drag a bar: the other outputs rescale so that y still sums to 1"))
        self.mode_logits.setToolTip(self.tr("Drag a score: softmax turns the scores into probabilities"))
        self.target_box.setTitle(self.tr("Correct class t (click)"))
        for b in self.target_buttons:
            b.setToolTip(self.tr("Make %1 the correct answer (one-hot t)").replace("%1", b.text()))
        self.examples_box.setTitle(self.tr("The book's examples"))
        self.example_two.setText(self.tr("Example 1: “2” most likely"))
        self.example_seven.setText(self.tr("Example 2: “7” most likely"))
        self.uniform_button.setText(self.tr("Uniform: every class 0.1"))
        self.example_two.setToolTip(self.tr("y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], t = 2"))
        self.example_seven.setToolTip(self.tr("y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0], t = 2"))
        self.uniform_button.setToolTip(self.tr("A net that has learned nothing: y_k = 0.1 for every k"))
        self.readout_box.setTitle(self.tr("Losses"))
        self.mse_label.setText(self.tr("Mean squared error"))
        self.ce_label.setText(self.tr("Cross-entropy error"))
        self.curve_plot.set_labels(self.tr("probability of the correct class, y_t"), self.tr("loss"),
                                   self.tr("Loss against the correct class's probability"))
        legend = self.curve_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.ce_curve, self.tr("cross-entropy −log(y_t + 1e-7)"))
        legend.addItem(self.mse_curve, self.tr("mean squared error"))
        self.y_plot.set_labels(self.tr("class k"), self.tr("y_k"), self.tr("Output y = softmax(a)"))
        self.side.setTabText(0, self.tr("Explanation"))
        self.side.setTabText(1, self.tr("Softmax overflow"))
        self.side.setTabText(2, self.tr("Mini-batch"))
        self.explanation.setHtml(self.tr(
            "<h3>Loss functions</h3>"
            "<p>A loss function measures how <i>bad</i> the network's output y is against the supervision "
            "t (one-hot: 1 for the correct class, 0 elsewhere). Learning means making it small.</p>"
            "<p><b>Mean squared error</b><br>E = ½ Σ<sub>k</sub> (y<sub>k</sub> − t<sub>k</sub>)²</p>"
            "<p><b>Cross-entropy error</b><br>E = −Σ<sub>k</sub> t<sub>k</sub> log(y<sub>k</sub> + 10<sup>−7</sup>)"
            "<br>Only the correct class counts: E = −log y<sub>t</sub>. The tiny 10<sup>−7</sup> keeps log 0 "
            "from becoming −∞.</p>"
            "<p>The book's examples, with t = “2”: when the net says “2” with 0.6 the losses are 0.0975 and "
            "0.5108; when it says “7” with 0.6 they grow to 0.5975 and 2.3026.</p>"
            "<p>The lower plot shows why cross-entropy suits classification: as the correct class's "
            "probability falls toward 0, −log y<sub>t</sub> grows without limit, so a confident wrong answer is "
            "punished hard, while the squared error stays below 1.</p>"
            "<p><b>Why not use accuracy?</b> Accuracy changes only when an answer flips, so its derivative "
            "is 0 almost everywhere and gives no direction. The loss changes smoothly with every weight.</p>"))
        self.softmax_intro.setText(self.tr(
            "Softmax turns scores a into probabilities: y_k = exp(a_k) / Σ exp(a_i). With large scores "
            "exp overflows. Subtracting C = max(a) first gives the same y and never overflows."))
        self.logits_label.setText(self.tr("Scores a (comma-separated):"))
        self.batch_intro.setText(self.tr(
            "Mini-batch cross-entropy is the average over N samples: E = −1/N Σ_n Σ_k t_nk log y_nk. "
            "With label t it is −1/N Σ_n log y[n, t_n]: the same number."))
        self.batch_n_label.setText(self.tr("Batch size N"))
        self.batch_button.setText(self.tr("New random batch"))
        self.batch_button.setToolTip(self.tr("Draw N new random outputs and targets"))
        self.batch_spin.setToolTip(self.tr("How many samples in the mini-batch"))
        self.logits_edit.setToolTip(self.tr("Type scores and press Enter, e.g. 1010, 1000, 990"))
        self.refresh()
        self.refresh_softmax()
        self.refresh_batch()

    def palette_changed(self):
        self.refresh()

    # ------------------------------------------------------------------ actions
    def set_mode(self, mode):
        self.state.set_mode(mode)
        self.refresh()

    def set_target(self, k):
        self.state.target = int(k)
        self.refresh()

    def on_bar_edited(self, k, value):
        self.state.set_bar(k, value)
        self.refresh()

    def load_example(self, name):
        self.mode_prob.setChecked(True)
        self.state.mode = "probabilities"
        self.state.y = loss_lab.WORKED_EXAMPLES[name].copy()
        self.state.target = loss_lab.WORKED_TARGET
        self.refresh()

    def load_uniform(self):
        self.state.y = np.full(loss_lab.NUM_CLASSES, 1.0 / loss_lab.NUM_CLASSES)
        self.state.logits = np.zeros(loss_lab.NUM_CLASSES)
        self.refresh()

    def set_batch_size(self, n):
        self.state.batch_size = int(n)
        self.new_batch()

    def next_batch(self):
        self.state.batch_seed += 1
        self.new_batch()

    def new_batch(self):
        self.batch_y, self.batch_t = loss_lab.random_batch(self.state.batch_size, seed=self.state.batch_seed)
        self.refresh_batch()

    # ------------------------------------------------------------------ views
    def current_losses(self):
        return loss_lab.losses(self.state.y, self.state.target)

    def refresh(self):
        if not hasattr(self, "bars"):
            return
        s = self.state
        self.target_buttons[s.target].setChecked(True)
        for k, b in enumerate(self.target_buttons):
            b.setPalette(TARGET_PALETTE if k == s.target else QPalette())
            font = b.font()
            font.setBold(k == s.target)
            b.setFont(font)
        logits_mode = s.mode == "logits"
        shown = s.logits if logits_mode else s.y
        brushes = [pg.mkBrush(COLORS[2] if k == s.target else COLORS[0]) for k in range(10)]
        self.bars.setOpts(height=shown, brushes=brushes)
        for k, t in enumerate(self.bar_text):
            t.setText(f"{shown[k]:.2f}" if logits_mode else f"{shown[k]:.3g}")
            t.setColor(foreground())
            t.setPos(k, max(shown[k], 0) + (0.6 if logits_mode else 0.07))
        if logits_mode:
            self.bar_plot.setYRange(-LOGIT_LIMIT, LOGIT_LIMIT, padding=0)
            self.bar_plot.set_labels(self.tr("class k"), self.tr("score a_k"),
                                     self.tr("Scores a: drag a bar up or down"))
            self.y_bars.setOpts(height=s.y, brushes=brushes)
        else:
            self.bar_plot.setYRange(0, 1.08, padding=0)
            self.bar_plot.set_labels(self.tr("class k"), self.tr("probability y_k"),
                                     self.tr("Output y: drag a bar up or down"))
        self.y_plot.setVisible(logits_mode)

        mse, ce = self.current_losses()
        self.mse_value.setText(f"{mse:.4f}")
        self.ce_value.setText(f"{ce:.4f}")
        self.mse_exact.setText(repr(mse))
        self.ce_exact.setText(repr(ce))
        mse_curve, ce_curve = loss_lab.loss_vs_correct_probability(s.y, s.target, P_GRID)
        self.ce_curve.setData(P_GRID, ce_curve)
        self.mse_curve.setData(P_GRID, mse_curve)
        p = float(s.y[s.target])
        self.ce_point.setData([p], [ce])
        self.mse_point.setData([p], [mse])
        self.p_line.setValue(p)

    def refresh_softmax(self):
        try:
            a = loss_lab.parse_numbers(self.logits_edit.text())
        except loss_lab.NumberListError as exc:
            self.logits_error.setText(
                self.tr("Enter numbers separated by commas, e.g. 1010, 1000, 990") if exc.item is None
                else self.tr("Cannot read the scores: “%1” is not a number").replace("%1", exc.item))
            return
        self.logits_error.setText("")
        st = loss_lab.softmax_steps(a)
        rows = [
            (self.tr("a"), st["a"]),
            (self.tr("exp(a)"), st["exp_naive"]),
            (self.tr("naive y"), st["y_naive"]),
            (self.tr("a − C"), st["shifted"]),
            (self.tr("exp(a − C)"), st["exp_shifted"]),
            (self.tr("stable y"), st["y"]),
        ]
        table = self.softmax_table
        table.setRowCount(len(rows))
        table.setColumnCount(len(a))
        table.setHorizontalHeaderLabels([f"k = {k}" for k in range(len(a))])
        table.setVerticalHeaderLabels([name for name, _ in rows])
        for r, (_, values) in enumerate(rows):
            for c, v in enumerate(values):
                item = QTableWidgetItem(f"{v:.6g}")
                if not np.isfinite(v):
                    item.setForeground(pg.mkColor(COLORS[3]))
                table.setItem(r, c, item)
        overflow = not np.all(np.isfinite(st["y_naive"]))
        note = self.tr("C = max(a) = %1.").replace("%1", f"{st['shift']:g}") + " "
        note += (self.tr("The naive formula overflowed (inf / nan); the shifted one is fine.") if overflow
                 else self.tr("No overflow here: both formulas give the same y."))
        self.softmax_note.setText(note)

    def refresh_batch(self):
        if not hasattr(self, "batch_table") or not hasattr(self, "batch_y"):
            return
        r = loss_lab.batch_losses(self.batch_y, self.batch_t)
        table = self.batch_table
        table.setRowCount(len(self.batch_t))
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("label t_n"), self.tr("y[n, t_n]"), self.tr("−log(y + 1e-7)")])
        for n, (t, loss) in enumerate(zip(self.batch_t, r["per_sample"], strict=True)):
            for c, text in enumerate((str(t), f"{self.batch_y[n, t]:.4f}", f"{loss:.4f}")):
                table.setItem(n, c, QTableWidgetItem(text))
        self.batch_mean_label.setText(
            self.tr("Average with label t: %1<br>Average with one-hot t: %2")
            .replace("%1", f"<b>{r['mean_label']:.10f}</b>").replace("%2", f"<b>{r['mean_one_hot']:.10f}</b>"))

    # ------------------------------------------------------------------ settings
    def save_settings(self, settings):
        settings.setValue("mode", self.state.mode)
        settings.setValue("target", self.state.target)
        settings.setValue("y", [float(v) for v in self.state.y])
        settings.setValue("logits", [float(v) for v in self.state.logits])
        settings.setValue("batch_size", self.state.batch_size)

    def restore_settings(self, settings):
        try:
            y = np.array([float(v) for v in settings.value("y", [])])
            logits = np.array([float(v) for v in settings.value("logits", [])])
            target = int(settings.value("target", self.state.target))
            batch = int(settings.value("batch_size", self.state.batch_size))
        except (TypeError, ValueError):
            return  # unreadable settings: keep the defaults
        if y.shape == (10,) and np.all(y >= 0) and abs(y.sum() - 1) < 1e-6:
            self.state.y = y
        if logits.shape == (10,) and np.all(np.isfinite(logits)):
            self.state.logits = logits
        if 0 <= target < 10:
            self.state.target = target
        if settings.value("mode") == "logits":
            self.mode_logits.setChecked(True)
            self.state.mode = "logits"
            self.state.y = softmax(self.state.logits)
        self.batch_spin.setValue(min(max(batch, 1), 100))
        self.refresh()


TAB_CLASS = LossesTab


def bar_scene_point(tab: LossesTab, k: int, value: float) -> QPointF:
    """Where bar k at height `value` is on the bar plot, in the plot widget's own pixels (for tests and tools)."""
    scene = tab.editor.mapViewToScene(QPointF(k, value))
    return tab.bar_plot.mapFromScene(scene)
