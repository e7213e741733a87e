"""Error against h: |numerical − exact| of the forward and the central difference for h = 1e-1 … 1e-16, on log
axes; truncation error (∝ h, ∝ h²) on the left, rounding error (∝ ε/h) on the right, and the book's h = 1e-4
between them. The button "Try h = 1e-50" shows the book's warning: x0 + h == x0, so the slope is 0.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from engine.lab import derivatives as lab
from gui.tabs.derivatives import plotting
from gui.tabs.derivatives.common import Page, full, left_panel, quiet, selectable, short_error, three_panes
from gui.tabs.derivatives.slope import TYPED
from gui.widgets.explanation import Explanation
from gui.widgets.plots import COLORS, Plot, add_legend, pen

BEST = ("best_forward", "best_central", "book_forward", "book_central")
H_EXPONENTS, ERROR_EXPONENTS = (-16, -1), (-18, 1)  # the log axes' ranges: h = 1e-16 … 1e-1, errors 1e-18 … 10


class ErrorPage(Page):
    """The second page; it shows the same function and x0 as the first."""

    changed = Signal(bool)  # the state's x0 changed, and (True) its function too
    own_function_wanted = Signal()  # "your own" was chosen: the user types it on the first page

    def __init__(self, state, functions):
        """functions: the first page's function list (a QComboBox model), shared so both show the same."""
        super().__init__(state)
        self._build_controls(functions)
        self._build_plot()
        three_panes(self, left_panel(self.box, self.best_box, self.tiny_box, width=310), self.plot,
                    self.explanation)
        self.retranslate()

    def _build_controls(self, functions):
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.function_label = QLabel()
        self.combo = QComboBox()
        self.combo.setModel(functions)
        self.combo.activated.connect(self.combo_chosen)
        form.addRow(self.function_label, self.combo)
        self.where = selectable(QLabel())
        self.where.setWordWrap(True)
        form.addRow(self.where)
        self.show_forward = QCheckBox()
        self.show_central = QCheckBox()
        for box, name in ((self.show_forward, "show_forward"), (self.show_central, "show_central")):
            box.toggled.connect(lambda on, name=name: self.show_difference(name, on))
            form.addRow(box)
        self.x0_label = QLabel()
        self.x0_spin = QDoubleSpinBox()
        self.x0_spin.setDecimals(4)
        self.x0_spin.setSingleStep(0.1)
        self.x0_spin.setKeyboardTracking(False)
        self.x0_spin.valueChanged.connect(self.move_x0)
        form.addRow(self.x0_label, self.x0_spin)
        self.best_box = QGroupBox()
        bf = QFormLayout(self.best_box)
        self.best_names = {k: QLabel() for k in BEST}
        self.best = {k: selectable(QLabel()) for k in BEST}
        for k in BEST:
            bf.addRow(self.best_names[k], self.best[k])
        self.tiny_box = QGroupBox()
        tl = QVBoxLayout(self.tiny_box)
        self.tiny_button = QPushButton()
        self.tiny_button.clicked.connect(self.show_tiny_h)
        self.tiny_result = selectable(QLabel())
        self.tiny_result.setWordWrap(True)
        tl.addWidget(self.tiny_button)
        tl.addWidget(self.tiny_result)

    def _build_plot(self):
        self.plot = Plot()
        self.plot.setLogMode(x=True, y=True)
        for side in ("bottom", "left"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.plot.getViewBox().invertX(True)  # h shrinks to the right, as in the book's story
        add_legend(self.plot)
        self.forward_item = self.plot.plot(pen=pen(1), symbol="s", symbolSize=7, symbolBrush=COLORS[1],
                                                 name="")
        self.central_item = self.plot.plot(pen=pen(0), symbol="o", symbolSize=7, symbolBrush=COLORS[0],
                                                 name="")
        self.book_h_line = pg.InfiniteLine(pos=np.log10(lab.H_BOOK), angle=90,  # a log axis draws exponents
                                           pen=pg.mkPen(COLORS[2], width=2, style=Qt.PenStyle.DashLine),
                                           label="", labelOpts={"position": 0.93, "color": COLORS[2]})
        self.plot.addItem(self.book_h_line)
        self.message = pg.TextItem(anchor=(0.5, 0.5), color=COLORS[3])
        self.plot.addItem(self.message, ignoreBounds=True)
        self.explanation = Explanation()

    # ------------------------------------------------------------------ the user's actions → the state
    def combo_chosen(self, index):
        key = self.combo.itemData(index)
        if key == TYPED:
            self.own_function_wanted.emit()
            return
        self.state.set_function(lab.FUNCTIONS[key])
        self.refresh()
        self.changed.emit(True)

    def move_x0(self, x):
        self.state.move_x0(x)
        self.refresh()
        self.changed.emit(False)

    def show_difference(self, name, on):
        setattr(self.state, name, bool(on))
        self.refresh()

    def show_tiny_h(self):
        t = lab.tiny_h(self.state.fn, self.state.x0)
        text = self.tr("x0 + h == x0 is %1 (x0 + h = %2), so f(x0 + h) − f(x0) = 0.\n"
                       "Forward difference: %3\nCentral difference: %4")
        self.tiny_result.setText(text.replace("%1", str(t["same"])).replace("%2", full(t["x_plus_h"]))
                                 .replace("%3", full(t["forward"])).replace("%4", full(t["central"])))

    # ------------------------------------------------------------------ the state → the view
    def refresh(self):
        s, fn = self.state, self.state.fn
        with quiet(self.combo, self.x0_spin, self.show_forward, self.show_central):
            self.combo.setCurrentIndex(self.combo.findData(fn.key))
            self.x0_spin.setRange(*fn.view)
            self.x0_spin.setValue(s.x0)
            self.show_forward.setChecked(s.show_forward)
            self.show_central.setChecked(s.show_central)
        where = self.tr("f(x) = %1 at x0 = %2")
        self.where.setText(where.replace("%1", fn.formula).replace("%2", f"{s.x0:g}"))
        self.tiny_result.setText("")
        if fn.has_exact:
            self._show_errors(lab.error_vs_h(fn, s.x0))
        else:
            self._show_no_errors()
        padding = 0.03 if fn.has_exact else 0.05
        self.plot.setXRange(*H_EXPONENTS, padding=padding)
        self.plot.setYRange(*ERROR_EXPONENTS, padding=padding)

    def _show_errors(self, e):
        self.message.hide()
        self.forward_item.setData(e["h"], plotting.plottable(e["forward"]))
        self.central_item.setData(e["h"], plotting.plottable(e["central"]))
        self.forward_item.setVisible(self.state.show_forward)
        self.central_item.setVisible(self.state.show_central)
        book = int(np.flatnonzero(e["h"] == lab.H_BOOK)[0])
        self.best["best_forward"].setText(f"{e['best_forward']:g}")
        self.best["best_central"].setText(f"{e['best_central']:g}")
        self.best["book_forward"].setText(short_error(e["forward"][book]))
        self.best["book_central"].setText(short_error(e["central"][book]))

    def _show_no_errors(self):
        """A typed function has no exact derivative, so no error to measure: an empty plot with a message."""
        self.forward_item.setData([], [])
        self.central_item.setData([], [])
        for label in self.best.values():
            label.setText("—")
        self.message.setText(self.tr(
            "The exact derivative of a typed function is not known,\nso its error cannot be measured. "
            "Choose a function from the list."))
        self.message.setPos(-10.0, -10.0)
        self.message.show()

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.box.setTitle(self.tr("Error of the numerical derivative"))
        self.function_label.setText(self.tr("f(x)"))
        self.combo.setToolTip(self.tr("The function whose numerical derivative is measured (the same as on "
                                            "the first page)"))
        self.show_forward.setText(self.tr("Forward difference"))
        self.show_central.setText(self.tr("Central difference"))
        self.show_forward.setToolTip(self.tr("Show |forward difference − exact| for each h"))
        self.show_central.setToolTip(self.tr("Show |central difference − exact| for each h"))
        self.x0_label.setText(self.tr("Point x0"))
        self.x0_spin.setToolTip(self.tr("The same point as on the first page"))
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
        self.plot.set_labels(self.tr("step h (log scale, smaller to the right)"),
                                   self.tr("|numerical − exact| (log scale)"),
                                   self.tr("Error against h"))
        self.book_h_line.label.setFormat(self.tr("book: h = 1e-4"))
        legend = self.plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.forward_item, self.tr("forward difference"))
        legend.addItem(self.central_item, self.tr("central difference"))
        self.explanation.setHtml(self.tr(
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
        self.refresh()
