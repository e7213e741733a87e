"""Derivatives tab: the slope at a point (drag it), the error of numerical differences against h, partial
derivatives as slices, and the chain rule on the computation graph J = 3(a + bc).

Pages: Slope at a point · Error against h · Partial derivatives · Computation graph. Controls on the left,
plots in the middle, the explanation on the right (below, on the graph page). The mathematics is
engine.derivative_lab, engine.graph and engine.expr; this module only shows it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.lab import contours
from engine.lab import derivatives as lab
from engine import expr, graph
from gui import expr_messages
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.graph_view import GraphView
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.plots import COLORS, Plot, pen

ERROR_STYLE = f"color: {COLORS[3]};"
PAGES = ("point", "error", "partial", "graph")
TYPED = "typed"
PARTIAL_SPAN = 3.0
NUDGE = 0.001
CONTOURS = 8


@dataclass
class DerivativesState:
    """What the tab shows: f (as text), the point x0 and h; the 2-D point; the graph's inputs and progress."""

    text: str = lab.FUNCTIONS["book"].text
    x0: float = 5.0
    h: float = lab.H_BOOK
    p0: float = 3.0
    p1: float = 4.0
    a: float = 5.0
    b: float = 3.0
    c: float = 2.0
    forward_done: int = 0  # how many forward steps are shown (0 … 3)
    backward_done: int = 0  # how many backward steps are shown (0 … 6)


class DragPoint(pg.TargetItem):
    """A point the user drags; emits dragged(x, y) in data coordinates and lets the tab decide where it goes."""

    dragged = Signal(float, float)

    def mouseDragEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        point = self.getViewBox().mapSceneToView(ev.scenePos())
        self.dragged.emit(float(point.x()), float(point.y()))


def full(x):
    """A float in full float64 repr, as Python prints it (what the book shows)."""
    return "—" if x is None else repr(float(x))


def short_error(x):
    return "—" if x is None else f"{x:.3e}"


def left_panel(*widgets, width=300):
    """Controls stacked at the top of a scroll area, so a small window never clips them."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(width - 30)
    scroll.setMaximumWidth(width + 60)
    return scroll


def selectable(label):
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DerivativesTab(Tab):
    key = "derivatives"

    def __init__(self):
        super().__init__()
        self.state = DerivativesState()
        self.fn = lab.from_text(self.state.text)
        self.input_error = ""
        self._syncing = False
        self._build()
        self.retranslate()
        self.set_function(self.fn, x0=self.state.x0)
        self.refresh_partial()
        self.refresh_graph()

    # ================================================================== building
    def _build(self):
        self.pages = QTabWidget()
        self.pages.addTab(self._build_point_page(), "")
        self.pages.addTab(self._build_error_page(), "")
        self.pages.addTab(self._build_partial_page(), "")
        self.pages.addTab(self._build_graph_page(), "")
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def _with_explanation(self, left, middle, explanation, sizes=(330, 620, 330)):
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(explanation)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(sizes))
        return splitter

    def _build_point_page(self):
        self.function_box = QGroupBox()
        form = QFormLayout(self.function_box)
        self.function_combo = QComboBox()
        for fn in lab.FUNCTIONS.values():
            self.function_combo.addItem(fn.formula, fn.key)
        self.function_combo.addItem("", TYPED)
        self.function_combo.activated.connect(self._combo_chosen)
        self.function_label = QLabel()
        form.addRow(self.function_label, self.function_combo)
        self.expr_label = QLabel()
        self.expr_edit = QLineEdit(self.state.text)
        self.expr_edit.returnPressed.connect(self.apply_text)
        form.addRow(self.expr_label, self.expr_edit)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply_text)
        form.addRow("", self.apply_button)
        self.expr_error = QLabel()
        self.expr_error.setStyleSheet(ERROR_STYLE)
        self.expr_error.setWordWrap(True)
        self.expr_error.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.expr_error.hide()
        form.addRow(self.expr_error)

        self.x0_label = QLabel()
        self.x0_spin = QDoubleSpinBox()
        self.x0_spin.setDecimals(4)
        self.x0_spin.setSingleStep(0.1)
        self.x0_spin.setKeyboardTracking(False)
        self.x0_spin.valueChanged.connect(self.set_x0)
        form.addRow(self.x0_label, self.x0_spin)
        self.h_label = QLabel()
        self.h_spin = DecadeSpinBox(1e-60, 1.0, lab.H_BOOK)
        self.h_spin.setDecimals(80)  # so that 1e-50 is kept, not rounded to 0
        self.h_spin.valueChanged.connect(self.set_h)
        form.addRow(self.h_label, self.h_spin)
        book_row = QHBoxLayout()
        self.book5_button = QPushButton()
        self.book10_button = QPushButton()
        self.book5_button.clicked.connect(lambda: self.book_example(5.0))
        self.book10_button.clicked.connect(lambda: self.book_example(10.0))
        book_row.addWidget(self.book5_button)
        book_row.addWidget(self.book10_button)
        form.addRow(book_row)

        self.readout_box = QGroupBox()
        ro = QFormLayout(self.readout_box)
        self.readout_names = {k: QLabel() for k in ("y0", "forward", "central", "exact", "fe", "ce")}
        self.readout = {k: selectable(QLabel()) for k in self.readout_names}
        bold = QFont()
        bold.setBold(True)
        self.readout["central"].setFont(bold)
        for k in self.readout_names:
            ro.addRow(self.readout_names[k], self.readout[k])

        self.curve_plot = Plot()
        self.curve_plot.addLegend(offset=(10, 10))
        self.curve_item = self.curve_plot.plot(pen=pen(0), name="")
        self.tangent_item = self.curve_plot.plot(pen=pen(2, 2, style=Qt.PenStyle.DashLine), name="")
        self.point = DragPoint(pos=(0, 0), size=16, symbol="o", movable=True,
                               pen=pg.mkPen(COLORS[3], width=2), brush=pg.mkBrush(COLORS[3]))
        self.point.dragged.connect(self.on_point_dragged)
        self.curve_plot.addItem(self.point)
        self.curve_plot.getViewBox().sigXRangeChanged.connect(lambda *_: self.refresh_curve())
        self.curve_plot.scene().sigMouseClicked.connect(self.on_curve_clicked)

        self.point_explanation = Explanation()
        return self._with_explanation(left_panel(self.function_box, self.readout_box, width=340), self.curve_plot,
                                      self.point_explanation)

    def _build_error_page(self):
        self.error_box = QGroupBox()
        form = QFormLayout(self.error_box)
        self.error_function_label = QLabel()
        self.error_combo = QComboBox()
        self.error_combo.setModel(self.function_combo.model())  # the same list as the first page's
        self.error_combo.activated.connect(self._combo_chosen)
        form.addRow(self.error_function_label, self.error_combo)
        self.error_where = selectable(QLabel())
        self.error_where.setWordWrap(True)
        form.addRow(self.error_where)
        self.show_forward = QCheckBox()
        self.show_central = QCheckBox()
        for box in (self.show_forward, self.show_central):
            box.setChecked(True)
            box.toggled.connect(lambda _=False: self.refresh_error())
            form.addRow(box)
        self.error_x0_label = QLabel()
        self.error_x0_spin = QDoubleSpinBox()
        self.error_x0_spin.setDecimals(4)
        self.error_x0_spin.setSingleStep(0.1)
        self.error_x0_spin.setKeyboardTracking(False)
        self.error_x0_spin.valueChanged.connect(self.set_x0)
        form.addRow(self.error_x0_label, self.error_x0_spin)
        self.best_box = QGroupBox()
        bf = QFormLayout(self.best_box)
        self.best_names = {k: QLabel() for k in ("best_forward", "best_central", "book_forward", "book_central")}
        self.best = {k: selectable(QLabel()) for k in self.best_names}
        for k in self.best_names:
            bf.addRow(self.best_names[k], self.best[k])
        self.tiny_box = QGroupBox()
        tl = QVBoxLayout(self.tiny_box)
        self.tiny_button = QPushButton()
        self.tiny_button.clicked.connect(self.show_tiny_h)
        self.tiny_result = selectable(QLabel())
        self.tiny_result.setWordWrap(True)
        tl.addWidget(self.tiny_button)
        tl.addWidget(self.tiny_result)

        self.error_plot = Plot()
        self.error_plot.setLogMode(x=True, y=True)
        for side in ("bottom", "left"):
            self.error_plot.getAxis(side).enableAutoSIPrefix(False)
        self.error_plot.getViewBox().invertX(True)  # h shrinks to the right, as in the book's story
        self.error_plot.addLegend(offset=(-10, 10))
        self.forward_item = self.error_plot.plot(pen=pen(1), symbol="s", symbolSize=7, symbolBrush=COLORS[1],
                                                 name="")
        self.central_item = self.error_plot.plot(pen=pen(0), symbol="o", symbolSize=7, symbolBrush=COLORS[0],
                                                 name="")
        self.book_h_line = pg.InfiniteLine(pos=np.log10(lab.H_BOOK), angle=90,
                                           pen=pg.mkPen(COLORS[2], width=2, style=Qt.PenStyle.DashLine),
                                           label="", labelOpts={"position": 0.93, "color": COLORS[2]})
        self.error_plot.addItem(self.book_h_line)
        self.error_message = pg.TextItem(anchor=(0.5, 0.5), color=COLORS[3])
        self.error_plot.addItem(self.error_message, ignoreBounds=True)

        self.error_explanation = Explanation()
        return self._with_explanation(left_panel(self.error_box, self.best_box, self.tiny_box, width=310),
                                      self.error_plot, self.error_explanation)

    def _build_partial_page(self):
        self.partial_box = QGroupBox()
        form = QFormLayout(self.partial_box)
        self.p_spins = []
        self.p_labels = []
        for i in range(2):
            spin = QDoubleSpinBox()
            spin.setRange(-10.0, 10.0)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.setValue((self.state.p0, self.state.p1)[i])
            spin.valueChanged.connect(lambda v, i=i: self.set_partial_point(i, v))
            label = QLabel()
            form.addRow(label, spin)
            self.p_spins.append(spin)
            self.p_labels.append(label)
        self.book_point_button = QPushButton()
        self.book_point_button.clicked.connect(lambda: self.set_partial_point(None, None))
        form.addRow(self.book_point_button)
        self.partial_readout_box = QGroupBox()
        pr = QFormLayout(self.partial_readout_box)
        self.partial_names = {k: QLabel() for k in ("d0", "e0", "d1", "e1")}
        self.partial_values = {k: selectable(QLabel()) for k in self.partial_names}
        bold = QFont()
        bold.setBold(True)
        for k in self.partial_names:
            if k.startswith("d"):
                self.partial_values[k].setFont(bold)
            pr.addRow(self.partial_names[k], self.partial_values[k])

        self.map_plot = Plot()
        self.map_plot.setAspectLocked(True)
        self.map_image = pg.ImageItem()
        self.map_image.setColorMap(pg.colormap.get("viridis"))
        self.map_plot.addItem(self.map_image)
        self.contours = []
        for _ in range(CONTOURS):
            iso = pg.IsocurveItem(pen=pg.mkPen((255, 255, 255, 110), width=1))
            iso.setParentItem(self.map_image)  # drawn in the image's pixels, so it follows its rectangle
            self.contours.append(iso)
        self.slice_line0 = self.map_plot.plot(pen=pen(1, 2))
        self.slice_line1 = self.map_plot.plot(pen=pen(4, 2))
        self.map_point = DragPoint(pos=(self.state.p0, self.state.p1), size=14, symbol="o", movable=True,
                                   pen=pg.mkPen("w", width=2), brush=pg.mkBrush(COLORS[3]))
        self.map_point.dragged.connect(self.on_map_dragged)
        self.map_plot.addItem(self.map_point)
        self.map_plot.getViewBox().sigRangeChanged.connect(lambda *_: self.refresh_map())

        self.slice_plots = []
        self.slice_items = []
        for i in range(2):
            plot = Plot()
            plot.addLegend(offset=(10, 10))
            curve = plot.plot(pen=pen(1 if i == 0 else 4), name="")
            tangent = plot.plot(pen=pen(2, 2, style=Qt.PenStyle.DashLine), name="")
            dot = plot.plot(symbol="o", symbolSize=10, symbolBrush=COLORS[3], pen=None)
            self.slice_plots.append(plot)
            self.slice_items.append((curve, tangent, dot))
        slices = QSplitter(Qt.Orientation.Vertical)
        for plot in self.slice_plots:
            slices.addWidget(plot)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.map_plot)
        middle.addWidget(slices)
        middle.setSizes([340, 340])
        self.partial_explanation = Explanation()
        return self._with_explanation(left_panel(self.partial_box, self.partial_readout_box, width=290), middle,
                                      self.partial_explanation, sizes=(280, 700, 300))

    def _build_graph_page(self):
        self.inputs_box = QGroupBox()
        form = QFormLayout(self.inputs_box)
        self.abc_spins = {}
        for name in ("a", "b", "c"):
            spin = QDoubleSpinBox()
            spin.setRange(-1000.0, 1000.0)
            spin.setDecimals(3)
            spin.setKeyboardTracking(False)
            spin.setValue(getattr(self.state, name))
            spin.valueChanged.connect(lambda v, n=name: self.set_input(n, v))
            form.addRow(name, spin)
            self.abc_spins[name] = spin
        ex_row = QHBoxLayout()
        self.example1_button = QPushButton()
        self.example2_button = QPushButton()
        self.example1_button.clicked.connect(lambda: self.graph_example(5.0, 3.0, 2.0))
        self.example2_button.clicked.connect(lambda: self.graph_example(7.0, 4.0, 2.0))
        ex_row.addWidget(self.example1_button)
        ex_row.addWidget(self.example2_button)
        form.addRow(ex_row)

        self.pass_box = QGroupBox()
        pl = QVBoxLayout(self.pass_box)
        self.forward_button = QPushButton()
        self.backward_button = QPushButton()
        self.all_button = QPushButton()
        self.reset_button = QPushButton()
        self.forward_button.clicked.connect(self.forward_step)
        self.backward_button.clicked.connect(self.backward_step)
        self.all_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset_graph)
        for b in (self.forward_button, self.backward_button, self.all_button, self.reset_button):
            pl.addWidget(b)
        self.graph_status = QLabel()
        self.graph_status.setWordWrap(True)
        pl.addWidget(self.graph_status)

        self.graph_view = GraphView(graph.NODES)
        self.steps_table = QTableWidget(0, 3)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.steps_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps_table.verticalHeader().hide()
        self.graph_explanation = Explanation()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.steps_table)
        bottom.addWidget(self.graph_explanation)
        bottom.setSizes([520, 440])
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.graph_view)
        middle.addWidget(bottom)
        middle.setSizes([330, 300])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_panel(self.inputs_box, self.pass_box, width=250))
        splitter.addWidget(middle)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1000])
        # → forward, ← backward, R reset: only while this page (or a widget on it) has the focus
        for key, slot in ((Qt.Key.Key_Right, self.forward_step), (Qt.Key.Key_Left, self.backward_step),
                          (Qt.Key.Key_R, self.reset_graph)):
            shortcut = QShortcut(QKeySequence(key), self.graph_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.graph_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return splitter

    # ================================================================== texts
    def title(self):
        return self.tr("Derivatives")

    def retranslate(self):
        self.pages.setTabText(0, self.tr("Slope at a point"))
        self.pages.setTabText(1, self.tr("Error against h"))
        self.pages.setTabText(2, self.tr("Partial derivatives"))
        self.pages.setTabText(3, self.tr("Computation graph"))
        self._retranslate_point()
        self._retranslate_error()
        self._retranslate_partial()
        self._retranslate_graph()
        self.refresh_point()
        self.refresh_error()
        self.refresh_partial()
        self.refresh_graph()

    def _retranslate_point(self):
        self.function_box.setTitle(self.tr("Function"))
        self.function_label.setText(self.tr("f(x)"))
        self.function_combo.setToolTip(self.tr("Pick a function; its exact derivative is known, so the errors "
                                               "of the numerical derivatives can be shown"))
        first = self.function_combo.itemData(0)
        self.function_combo.setItemText(0, lab.FUNCTIONS[first].formula + "  " + self.tr("(the book's)"))
        self.function_combo.setItemText(self.function_combo.count() - 1, self.tr("Your own (type it below)"))
        self.expr_label.setText(self.tr("f(x) ="))
        self.expr_edit.setToolTip(self.tr(
            "Type a function of x and press Enter, e.g. 0.5*x**3 - 2*x. Allowed: numbers, x, + - * / ** "
            "(or ^), parentheses, pi, e and sin, cos, tan, exp, log, sqrt, tanh, abs, sigmoid, relu …"))
        self.expr_edit.setPlaceholderText(self.tr("e.g. 0.5*x**3 - 2*x"))
        self.apply_button.setText(self.tr("Draw this function"))
        self.apply_button.setToolTip(self.tr("Read the text above and draw it (same as pressing Enter)"))
        self.x0_label.setText(self.tr("Point x0"))
        self.x0_spin.setToolTip(self.tr("Where to take the slope; you can also drag the red point on the curve"))
        self.h_label.setText(self.tr("Step h"))
        self.h_spin.setToolTip(self.tr("The small step of the numerical derivative; the book uses 1e-4. "
                                       "Try 1e-50: x0 + h == x0 and the slope becomes 0"))
        self.book5_button.setText(self.tr("Book: x = 5"))
        self.book10_button.setText(self.tr("Book: x = 10"))
        self.book5_button.setToolTip(self.tr("The book's example: 0.01x² + 0.1x at x = 5, h = 1e-4"))
        self.book10_button.setToolTip(self.tr("The book's example: 0.01x² + 0.1x at x = 10, h = 1e-4"))
        self.readout_box.setTitle(self.tr("Slope at x0"))
        names = {
            "y0": self.tr("f(x0)"),
            "forward": self.tr("Forward difference"),
            "central": self.tr("Central difference"),
            "exact": self.tr("Exact f′(x0)"),
            "fe": self.tr("Forward error"),
            "ce": self.tr("Central error"),
        }
        for k, text in names.items():
            self.readout_names[k].setText(text)
        self.readout["forward"].setToolTip(self.tr("(f(x0 + h) − f(x0)) / h"))
        self.readout["central"].setToolTip(self.tr("(f(x0 + h) − f(x0 − h)) / 2h"))
        self.readout["exact"].setToolTip(self.tr("From the formula of f′; unknown for a typed function"))
        self.readout["fe"].setToolTip(self.tr("|forward difference − exact|"))
        self.readout["ce"].setToolTip(self.tr("|central difference − exact|"))
        self.curve_plot.set_labels(self.tr("x"), self.tr("y = f(x)"),
                                   self.tr("Drag the red point along the curve"))
        self.point.setToolTip(self.tr("Drag me: the tangent follows"))
        legend = self.curve_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.curve_item, self.tr("f(x)"))
        legend.addItem(self.tangent_item, self.tr("tangent from the central difference"))
        self.point_explanation.setHtml(self.tr(
            "<h3>Numerical differentiation</h3>"
            "<p>The derivative is the slope of f at a point: how much f changes for a tiny change of x.</p>"
            "<p><b>Forward difference</b><br>(f(x + h) − f(x)) / h</p>"
            "<p><b>Central difference</b><br>(f(x + h) − f(x − h)) / 2h</p>"
            "<p>The book uses the central difference with h = 10<sup>−4</sup>: it looks on both sides of x, "
            "so its error falls like h² instead of h.</p>"
            "<p>For the book's y = 0.01x² + 0.1x the central difference gives 0.1999999999990898 at x = 5 and "
            "0.2999999999986347 at x = 10; the true derivatives are 0.2 and 0.3. The small difference is the "
            "error of the numerical method.</p>"
            "<p>The dashed line is the tangent y = f(x0) + d·(x − x0), with d the numerical derivative. "
            "Drag the point or click the curve to move x0.</p>"
            "<p>For the sigmoid s = 1/(1 + e<sup>−x</sup>) the exact derivative is s(1 − s): largest, 0.25, "
            "at x = 0 and nearly 0 far from it.</p>"))

    def _retranslate_error(self):
        self.error_box.setTitle(self.tr("Error of the numerical derivative"))
        self.error_function_label.setText(self.tr("f(x)"))
        self.error_combo.setToolTip(self.tr("The function whose numerical derivative is measured (the same as on "
                                            "the first page)"))
        self.show_forward.setText(self.tr("Forward difference"))
        self.show_central.setText(self.tr("Central difference"))
        self.show_forward.setToolTip(self.tr("Show |forward difference − exact| for each h"))
        self.show_central.setToolTip(self.tr("Show |central difference − exact| for each h"))
        self.error_x0_label.setText(self.tr("Point x0"))
        self.error_x0_spin.setToolTip(self.tr("The same point as on the first page"))
        self.best_box.setTitle(self.tr("Which h is best?"))
        names = {
            "best_forward": self.tr("Best h, forward"),
            "best_central": self.tr("Best h, central"),
            "book_forward": self.tr("Error at h = 1e-4, forward"),
            "book_central": self.tr("Error at h = 1e-4, central"),
        }
        for k, text in names.items():
            self.best_names[k].setText(text)
        self.tiny_box.setTitle(self.tr("Too small an h"))
        self.tiny_button.setText(self.tr("Try h = 1e-50"))
        self.tiny_button.setToolTip(self.tr("The book's warning: compute the slope with h = 1e-50"))
        self.error_plot.set_labels(self.tr("step h (log scale, smaller to the right)"),
                                   self.tr("|numerical − exact| (log scale)"),
                                   self.tr("Error against h"))
        self.book_h_line.label.setFormat(self.tr("book: h = 1e-4"))
        legend = self.error_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.forward_item, self.tr("forward difference"))
        legend.addItem(self.central_item, self.tr("central difference"))
        self.error_explanation.setHtml(self.tr(
            "<h3>Why h = 10<sup>−4</sup>?</h3>"
            "<p>Two errors pull in opposite directions.</p>"
            "<p><b>Truncation error</b> (left side): the difference quotient is only an approximation of the "
            "slope. It shrinks with h: like h for the forward difference, like h² for the central one "
            "(one decade of h gives one decade of error, or two).</p>"
            "<p><b>Rounding error</b> (right side): f(x + h) and f(x) agree in almost all their 16 digits, so "
            "their difference keeps only a few correct ones, and dividing by a tiny h magnifies what is "
            "left. It grows like ε/h, ε ≈ 2.2·10<sup>−16</sup>.</p>"
            "<p>The best h sits where the two meet: for sin x at x0 = 1 near 10<sup>−8</sup> for the forward "
            "difference and 10<sup>−5</sup> for the central one. The book's 10<sup>−4</sup> is close to that "
            "and safe for most functions.</p>"
            "<p>The book's 0.01x² + 0.1x is special: for a quadratic the central difference has no truncation "
            "error at all, so only rounding error is left. Pick sin x to see both sides.</p>"
            "<p><b>h = 10<sup>−50</sup></b>: 5 + 10<sup>−50</sup> rounds to 5 in float64, so f(x + h) − f(x) "
            "is exactly 0 and so is the “derivative”. np.float32(1e-50) is even 0 itself.</p>"
            "<p>An error of exactly 0 is drawn at 10<sup>−18</sup>, the floor of the plot.</p>"))

    def _retranslate_partial(self):
        self.partial_box.setTitle(self.tr("f(x0, x1) = x0² + x1²"))
        self.p_labels[0].setText(self.tr("x0"))
        self.p_labels[1].setText(self.tr("x1"))
        self.p_spins[0].setToolTip(self.tr("The point's x0; you can also drag the point on the map"))
        self.p_spins[1].setToolTip(self.tr("The point's x1; you can also drag the point on the map"))
        self.book_point_button.setText(self.tr("The book's point (3, 4)"))
        self.book_point_button.setToolTip(self.tr("Back to x0 = 3, x1 = 4"))
        self.partial_readout_box.setTitle(self.tr("Partial derivatives (central difference)"))
        names = {
            "d0": self.tr("∂f/∂x0 (x1 fixed)"),
            "e0": self.tr("exact 2·x0"),
            "d1": self.tr("∂f/∂x1 (x0 fixed)"),
            "e1": self.tr("exact 2·x1"),
        }
        for k, text in names.items():
            self.partial_names[k].setText(text)
        self.map_plot.set_labels(self.tr("x0"), self.tr("x1"), self.tr("f(x0, x1): drag the point"))
        self.map_point.setToolTip(self.tr("Drag me: both slices follow"))
        self.partial_explanation.setHtml(self.tr(
            "<h3>Partial derivatives</h3>"
            "<p>f(x0, x1) = x0² + x1² has two variables. A <b>partial derivative</b> is the ordinary "
            "derivative along one of them while the other is held fixed.</p>"
            "<p>∂f/∂x0 at (3, 4): fix x1 = 4, so f becomes a function of x0 alone, x0² + 16 (the orange slice "
            "across the map). Its slope at x0 = 3 is 6.00000000000378 by the central difference (exactly 6).</p>"
            "<p>∂f/∂x1 at (3, 4): fix x0 = 3, f = 9 + x1² (the purple slice). Its slope at x1 = 4 is "
            "7.999999999999119 (exactly 8).</p>"
            "<p>Both together form the <b>gradient</b> (∂f/∂x0, ∂f/∂x1) = (6, 8): the subject of the "
            "next tab.</p>"))

    def _retranslate_graph(self):
        self.inputs_box.setTitle(self.tr("Inputs of J = 3(a + bc)"))
        for name, spin in self.abc_spins.items():
            spin.setToolTip(self.tr("Change %1: the passes start again").replace("%1", name))
        self.example1_button.setText(self.tr("a=5, b=3, c=2"))
        self.example2_button.setText(self.tr("a=7, b=4, c=2"))
        self.example1_button.setToolTip(self.tr("The lessons' first example: J = 33"))
        self.example2_button.setToolTip(self.tr("The lessons' second example: J = 45"))
        self.pass_box.setTitle(self.tr("Passes"))
        self.forward_button.setText(self.tr("Forward step ▶"))
        self.backward_button.setText(self.tr("◀ Backward step"))
        self.all_button.setText(self.tr("Both passes at once"))
        self.reset_button.setText(self.tr("Reset"))
        self.forward_button.setToolTip(self.tr(
            "Compute the next node's value, from the inputs toward J (→ on the graph)"))
        self.backward_button.setToolTip(self.tr(
            "Compute the next derivative dJ/d(node), from J back to the inputs, by the chain rule (← on the graph)"))
        self.all_button.setToolTip(self.tr("Run the whole forward pass and then the whole backward pass"))
        self.reset_button.setToolTip(self.tr("Hide every value and derivative (R on the graph)"))
        self.graph_view.setToolTip(self.tr("Click the graph, then → steps forward, ← steps backward, R resets"))
        self.steps_table.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Value"), self.tr("J change when it rises by 0.001")])
        self.steps_table.setToolTip(self.tr(
            "Each step of the passes; the last column checks the derivative: raising a node by 0.001 "
            "changes J by about dJ/d(node) × 0.001"))
        self.graph_explanation.setHtml(self.tr(
            "<h3>The chain rule on a computation graph</h3>"
            "<p>J = 3(a + bc) is computed in three small steps: u = bc, v = a + u, J = 3v.</p>"
            "<p><b>Forward</b> (left to right): with a = 5, b = 3, c = 2 we get u = 6, v = 11, J = 33.</p>"
            "<p><b>Backward</b> (right to left): each node's derivative dJ/d(node) is the derivative of the "
            "node after it times the local derivative of the edge between them (the chain rule): "
            "dJ/dv = 3, dJ/du = dJ/dv · 1 = 3, dJ/da = 3, dJ/db = dJ/du · c = 6, dJ/dc = dJ/du · b = 9.</p>"
            "<p>Check: with a = 7, b = 4, c = 2 (v = 15, J = 45), raising v by 0.001 raises J by 0.003, "
            "three times as much, because dJ/dv = 3.</p>"
            "<p>Backpropagation in a network is this, with many more nodes.</p>"))

    # ================================================================== actions: slope at a point
    def _combo_chosen(self, index):
        key = self.function_combo.itemData(index)
        if key == TYPED:
            self.pages.setCurrentIndex(PAGES.index("point"))
            self.expr_edit.setFocus()
            self.expr_edit.selectAll()
            return
        fn = lab.FUNCTIONS[key]
        self.expr_edit.setText(fn.text)
        self.set_function(fn)

    def apply_text(self):
        """Read the typed function; bad text leaves the previous function on screen with a message."""
        text = self.expr_edit.text()
        try:
            fn = lab.from_text(text)
        except expr.ExprError as exc:
            reason = expr_messages.reason(exc)
            caret = "" if exc.position is None else " " * min(exc.position, len(text)) + "^ "
            self.input_error = text + "\n" + caret + reason if text.strip() else reason
            self.expr_error.setText(self.tr("Cannot read this function:") + "\n" + self.input_error)
            self.expr_error.show()
            return
        self.set_function(fn)

    def set_function(self, fn, x0=None):
        self.fn = fn
        self.state.text = fn.text
        self.input_error = ""
        self.expr_error.hide()
        self._syncing = True
        index = self.function_combo.findData(fn.key)
        self.function_combo.setCurrentIndex(index)
        self.error_combo.setCurrentIndex(index)
        lo, hi = fn.view
        for spin in (self.x0_spin, self.error_x0_spin):
            spin.setRange(lo, hi)
        self._syncing = False
        self.state.x0 = lab.clamp(fn, fn.x0 if x0 is None else x0)
        self.curve_plot.setXRange(lo, hi, padding=0.02)
        limits = lab.y_range(lab.curve(fn)[1])
        if limits is not None:
            self.curve_plot.setYRange(*limits, padding=0)
        self.refresh_point()
        self.refresh_error()

    def set_x0(self, x0):
        if self._syncing:
            return
        self.state.x0 = lab.clamp(self.fn, x0)
        self.refresh_point()
        self.refresh_error()

    def set_h(self, h):
        if self._syncing:
            return
        self.state.h = float(h)
        self.refresh_point()

    def book_example(self, x0):
        fn = lab.FUNCTIONS["book"]
        self.expr_edit.setText(fn.text)
        self._syncing = True
        self.h_spin.setValue(lab.H_BOOK)
        self._syncing = False
        self.state.h = lab.H_BOOK
        self.set_function(fn, x0=x0)

    def on_point_dragged(self, x, _y):
        self.state.x0 = lab.clamp(self.fn, x)
        self.refresh_point()
        self.refresh_error()

    def on_curve_clicked(self, event):
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        vb = self.curve_plot.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        self.on_point_dragged(vb.mapSceneToView(event.scenePos()).x(), 0.0)

    # ================================================================== actions: error against h
    def show_tiny_h(self):
        t = lab.tiny_h(self.fn, self.state.x0)
        text = self.tr("x0 + h == x0 is %1 (x0 + h = %2), so f(x0 + h) − f(x0) = 0.\n"
                       "Forward difference: %3\nCentral difference: %4")
        self.tiny_result.setText(text.replace("%1", str(t["same"])).replace("%2", full(t["x_plus_h"]))
                                 .replace("%3", full(t["forward"])).replace("%4", full(t["central"])))

    # ================================================================== actions: partial derivatives
    def set_partial_point(self, i, value):
        if self._syncing:
            return
        if i is None:
            self.state.p0, self.state.p1 = 3.0, 4.0
        elif i == 0:
            self.state.p0 = float(value)
        else:
            self.state.p1 = float(value)
        self.refresh_partial()

    def on_map_dragged(self, x, y):
        self.state.p0 = float(np.clip(round(x, 2), -10, 10))
        self.state.p1 = float(np.clip(round(y, 2), -10, 10))
        self.refresh_partial(keep_view=True)

    # ================================================================== actions: computation graph
    def set_input(self, name, value):
        if self._syncing:
            return
        setattr(self.state, name, float(value))
        self.refresh_graph()

    def graph_example(self, a, b, c):
        self._syncing = True
        for name, value in zip("abc", (a, b, c), strict=True):
            self.abc_spins[name].setValue(value)
            setattr(self.state, name, value)
        self._syncing = False
        self.state.forward_done = self.state.backward_done = 0
        self.refresh_graph()

    def forward_step(self):
        if self.state.forward_done < 3:
            self.state.forward_done += 1
        self.refresh_graph()

    def backward_step(self):
        if self.state.forward_done == 3 and self.state.backward_done < 6:
            self.state.backward_done += 1
        self.refresh_graph()

    def run_all(self):
        self.state.forward_done, self.state.backward_done = 3, 6
        self.refresh_graph()

    def reset_graph(self):
        self.state.forward_done = self.state.backward_done = 0
        self.refresh_graph()

    def _page_changed(self, index):
        if PAGES[index] == "error":
            self.refresh_error()

    # ================================================================== views
    def refresh_curve(self):
        if not hasattr(self, "curve_item"):
            return
        lo, hi = self.curve_plot.getViewBox().viewRange()[0]
        if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
            return
        xs, ys = lab.curve(self.fn, view=(lo, hi))
        self.curve_item.setData(xs, ys, connect="finite")
        xs, ys = lab.tangent_segment(self.fn, self.state.x0, (lo, hi), self.state.h)
        self.tangent_item.setData(xs, ys, connect="finite")

    def refresh_point(self):
        if not hasattr(self, "readout"):
            return
        s = self.state
        r = lab.derivative_at(self.fn, s.x0, s.h)
        self._syncing = True
        for spin in (self.x0_spin, self.error_x0_spin):
            spin.setValue(s.x0)
        self._syncing = False
        y0 = r["y0"]
        self.point.setVisible(bool(np.isfinite(lab.drawable(y0))))
        if self.point.isVisible():
            self.point.setPos(s.x0, y0)
        self.refresh_curve()
        self.readout["y0"].setText(full(y0))
        self.readout["forward"].setText(full(r["forward"]))
        self.readout["central"].setText(full(r["central"]))
        if r["exact"] is None:
            self.readout["exact"].setText(self.tr("unknown (typed function)"))
        else:
            self.readout["exact"].setText(full(r["exact"]) + "  (f′ = " + self.fn.derivative + ")")
        self.readout["fe"].setText(short_error(r["forward_error"]))
        self.readout["ce"].setText(short_error(r["central_error"]))

    def refresh_error(self):
        if not hasattr(self, "error_plot"):
            return
        s = self.state
        where = self.tr("f(x) = %1 at x0 = %2")
        self.error_where.setText(where.replace("%1", self.fn.formula).replace("%2", f"{s.x0:g}"))
        self.tiny_result.setText("")
        try:
            e = lab.error_vs_h(self.fn, s.x0)
        except ValueError:
            self.forward_item.setData([], [])
            self.central_item.setData([], [])
            for label in self.best.values():
                label.setText("—")
            self.error_message.setText(self.tr(
                "The exact derivative of a typed function is not known,\nso its error cannot be measured. "
                "Choose a function from the list."))
            self.error_plot.setXRange(-16, -1, padding=0.05)
            self.error_plot.setYRange(-18, 1, padding=0.05)
            self.error_message.setPos(-10.0, -10.0)
            self.error_message.show()
            return
        self.error_message.hide()
        self.forward_item.setData(e["h"], e["forward_plot"])
        self.central_item.setData(e["h"], e["central_plot"])
        self.forward_item.setVisible(self.show_forward.isChecked())
        self.central_item.setVisible(self.show_central.isChecked())
        self.error_plot.setXRange(-16, -1, padding=0.03)
        self.error_plot.setYRange(-18, 1, padding=0.03)
        book = int(np.flatnonzero(e["h"] == lab.H_BOOK)[0])
        self.best["best_forward"].setText(f"{e['best_forward']:g}")
        self.best["best_central"].setText(f"{e['best_central']:g}")
        self.best["book_forward"].setText(short_error(e["forward"][book]))
        self.best["book_central"].setText(short_error(e["central"][book]))

    def refresh_partial(self, keep_view=False):
        if not hasattr(self, "map_image"):
            return
        s = self.state
        self._syncing = True
        self.p_spins[0].setValue(s.p0)
        self.p_spins[1].setValue(s.p1)
        self._syncing = False
        sl = lab.partial_slices(s.p0, s.p1, span=PARTIAL_SPAN)
        t0, t1 = sl["x0"]["t"], sl["x1"]["t"]
        self.slice_line0.setData(t0, np.full_like(t0, s.p1))
        self.slice_line1.setData(np.full_like(t1, s.p0), t1)
        self.map_point.setPos(s.p0, s.p1)
        if not keep_view:
            span = PARTIAL_SPAN + 1
            self.map_plot.setRange(QRectF(s.p0 - span, s.p1 - span, 2 * span, 2 * span), padding=0)
        self.refresh_map()
        for i, name in enumerate(("x0", "x1")):
            d = sl[name]
            curve, tangent, dot = self.slice_items[i]
            curve.setData(d["t"], d["values"])
            tangent.setData(d["t"], d["tangent"])
            dot.setData([d["at"]], [d["value"]])
            other = ("x1", s.p1) if i == 0 else ("x0", s.p0)
            plot = self.slice_plots[i]
            title = self.tr("%1 = %2 fixed: slope %3").replace("%1", other[0]).replace(
                "%2", f"{other[1]:g}").replace("%3", f"{d['slope']:.6f}")
            plot.set_labels(name, self.tr("f(x0, x1)"), title)
            legend = plot.getPlotItem().legend
            legend.clear()
            legend.addItem(curve, self.tr("f along %1").replace("%1", name))
            legend.addItem(tangent, self.tr("tangent"))
            plot.setXRange(d["t"][0], d["t"][-1], padding=0.02)
            low = min(np.nanmin(d["values"]), np.nanmin(d["tangent"]))
            high = max(np.nanmax(d["values"]), np.nanmax(d["tangent"]))
            plot.setYRange(low, high, padding=0.05)
        self.partial_values["d0"].setText(full(sl["x0"]["slope"]))
        self.partial_values["e0"].setText(full(sl["x0"]["exact"]))
        self.partial_values["d1"].setText(full(sl["x1"]["slope"]))
        self.partial_values["e1"].setText(full(sl["x1"]["exact"]))

    def refresh_map(self):
        """f over exactly what the map shows, so the picture fills it at any zoom or aspect."""
        if not hasattr(self, "map_image"):
            return
        (lo0, hi0), (lo1, hi1) = self.map_plot.getViewBox().viewRange()
        if not all(np.isfinite((lo0, hi0, lo1, hi1))) or hi0 <= lo0 or hi1 <= lo1:
            return
        a, b, Z = lab.surface_grid(self.state.p0, self.state.p1, view=(lo0, hi0, lo1, hi1))
        self.map_image.setImage(Z, autoLevels=True)
        levels = contours.sqrt_levels(Z, CONTOURS)
        for k, iso in enumerate(self.contours):
            iso.setVisible(k < len(levels))
            if k < len(levels):
                iso.setData(Z, levels[k])
        self.map_image.setRect(QRectF(a[0], b[0], a[-1] - a[0], b[-1] - b[0]))

    def graph_texts(self):
        """What the graph shows now: node → value text, node → derivative text, edge → local derivative."""
        s = self.state
        values = graph.forward(s.a, s.b, s.c)
        fwd = graph.forward_steps(s.a, s.b, s.c)
        bwd = graph.backward_steps(values)
        shown_values = {n: graph.number_text(values[n]) for n in ("a", "b", "c")}
        for step in fwd[: s.forward_done]:
            shown_values[step.node] = graph.number_text(step.value)
        shown_grads = {step.node: graph.number_text(step.value) for step in bwd[: s.backward_done]}
        local = graph.local_derivatives(values)
        edges = {}
        for (src, dst), formula in graph.LOCAL_FORMULAS.items():
            if dst in shown_grads:
                number = graph.number_text(local[(src, dst)])
                edges[(src, dst)] = formula if formula.endswith(number) else formula + " = " + number
        return shown_values, shown_grads, edges, fwd, bwd

    def refresh_graph(self):
        if not hasattr(self, "graph_view"):
            return
        s = self.state
        shown_values, shown_grads, edges, fwd, bwd = self.graph_texts()
        if s.backward_done:
            current = bwd[s.backward_done - 1].node
        elif s.forward_done:
            current = fwd[s.forward_done - 1].node
        else:
            current = None
        self.graph_view.show_state(shown_values, shown_grads, edges, current)
        rows = []
        for step in fwd[: s.forward_done]:
            rows.append((f"{step.formula} = {step.numbers}", graph.number_text(step.value), ""))
        for step in bwd[: s.backward_done]:
            change = graph.nudge(s.a, s.b, s.c, step.node, NUDGE)
            rows.append((f"{step.formula} = {step.numbers}", graph.number_text(step.value), repr(change)))
        self.steps_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.steps_table.setItem(r, c, QTableWidgetItem(text))
        self.forward_button.setEnabled(s.forward_done < 3)
        self.backward_button.setEnabled(s.forward_done == 3 and s.backward_done < 6)
        if s.forward_done < 3:
            status = self.tr("Forward pass: %1 of 3 nodes computed.").replace("%1", str(s.forward_done))
            if s.forward_done == 0:
                status += " " + self.tr("The backward pass needs the forward values first.")
        elif s.backward_done < 6:
            status = self.tr("J = %1. Backward pass: %2 of 6 derivatives.").replace(
                "%1", graph.number_text(fwd[-1].value)).replace("%2", str(s.backward_done))
        else:
            status = self.tr("Done: J = %1, and every dJ/d(node) is known.").replace(
                "%1", graph.number_text(fwd[-1].value))
        self.graph_status.setText(status)

    def palette_changed(self):
        self.graph_view.redraw()

    # ================================================================== settings
    def save_settings(self, settings):
        s = self.state
        settings.setValue("page", PAGES[self.pages.currentIndex()])
        settings.setValue("function", s.text)
        for name in ("x0", "h", "p0", "p1", "a", "b", "c"):
            settings.setValue(name, float(getattr(s, name)))

    def restore_settings(self, settings):
        try:
            numbers = {name: float(settings.value(name, getattr(self.state, name)))
                       for name in ("x0", "h", "p0", "p1", "a", "b", "c")}
            text = str(settings.value("function", self.state.text))
            page = str(settings.value("page", PAGES[0]))
        except (TypeError, ValueError):
            return  # unreadable settings: keep the defaults
        if not all(np.isfinite(v) for v in numbers.values()):
            return
        try:
            fn = lab.from_text(text)
        except expr.ExprError:
            fn = self.fn
        self._syncing = True
        if 1e-60 <= numbers["h"] <= 1.0:
            self.state.h = numbers["h"]
            self.h_spin.setValue(self.state.h)
        for name in ("p0", "p1"):
            setattr(self.state, name, float(np.clip(numbers[name], -10, 10)))
        for name in ("a", "b", "c"):
            value = float(np.clip(numbers[name], -1000, 1000))
            setattr(self.state, name, value)
            self.abc_spins[name].setValue(value)
        self._syncing = False
        self.expr_edit.setText(fn.text)
        self.set_function(fn, x0=numbers["x0"])
        self.refresh_partial()
        self.refresh_graph()
        if page in PAGES:
            self.pages.setCurrentIndex(PAGES.index(page))


TAB_CLASS = DerivativesTab


def view_to_widget(plot, x, y):
    """Where the data point (x, y) is on a plot, in the plot widget's own pixels (for tests and tools)."""
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)
