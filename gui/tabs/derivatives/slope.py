"""Slope at a point: f(x) from the list or typed, the point x0 (drag it along the curve) and the step h; the
slope by the forward and the central difference beside the exact f′(x0), and the tangent.

    forward (f(x0 + h) − f(x0)) / h      central (f(x0 + h) − f(x0 − h)) / 2h
    tangent y = f(x0) + d·(x − x0), d the central difference
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from engine import expr
from engine.lab import derivatives as lab
from gui import expr_messages
from gui.tabs.derivatives import plotting
from gui.tabs.derivatives.common import (
    DragPoint,
    Page,
    bold,
    full,
    left_panel,
    quiet,
    selectable,
    short_error,
    three_panes,
)
from gui.tabs.derivatives.state import H_RANGE, function_of
from gui.widgets.access import KeyMover, name_plot, nice_step
from gui.widgets.explanation import Explanation
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.panel_helpers import ERROR_STYLE
from gui.widgets.plots import COLORS, Plot, add_legend, pen

TYPED = "typed"  # the list's last entry: "your own", typed in the text box
READOUTS = ("y0", "forward", "central", "exact", "fe", "ce")


class SlopePage(Page):
    """The first page; its function list (model) is also the error page's."""

    changed = Signal(bool)  # the state's x0 changed, and (True) its function too

    def __init__(self, state):
        super().__init__(state)
        self._build_controls()
        self._build_plot()
        three_panes(self, left_panel(self.function_box, self.readout_box, width=340), self.curve_plot,
                    self.explanation)
        self.show_function()
        self.retranslate()

    def _build_controls(self):
        self.function_box = QGroupBox()
        form = QFormLayout(self.function_box)
        self.function_combo = QComboBox()
        for fn in lab.FUNCTIONS.values():
            self.function_combo.addItem(fn.formula, fn.key)
        self.function_combo.addItem("", TYPED)
        self.function_combo.activated.connect(self.combo_chosen)
        self.function_label = QLabel()
        form.addRow(self.function_label, self.function_combo)
        self.expr_label = QLabel()
        self.expr_edit = QLineEdit(self.state.text)
        self.expr_edit.setMaxLength(expr.MAX_LENGTH)  # a pasted megabyte is cut here, at once
        self.expr_edit.returnPressed.connect(self.apply_text)
        self.expr_edit.inputRejected.connect(self.on_input_rejected)
        self._message = None  # what the message line says, as a function: asked again on a language change
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
        self.x0_spin.valueChanged.connect(self.move_x0)
        form.addRow(self.x0_label, self.x0_spin)
        self.h_label = QLabel()
        self.h_spin = DecadeSpinBox(*H_RANGE, lab.H_BOOK)
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
        self.readout_names = {k: QLabel() for k in READOUTS}
        self.readout = {k: selectable(QLabel()) for k in READOUTS}
        self.readout["central"].setFont(bold())
        for k in READOUTS:
            ro.addRow(self.readout_names[k], self.readout[k])

    def _build_plot(self):
        self.curve_plot = Plot()
        add_legend(self.curve_plot)
        self.curve_item = self.curve_plot.plot(pen=pen(0), name="")
        self.tangent_item = self.curve_plot.plot(pen=pen(2, 2, style=Qt.PenStyle.DashLine), name="")
        self.point = DragPoint(pos=(0, 0), size=16, symbol="o", movable=True,
                               pen=pg.mkPen(COLORS[3], width=2), brush=pg.mkBrush(COLORS[3]))
        self.point.dragged.connect(lambda x, _y: self.move_x0(x))
        self.curve_plot.addItem(self.point)
        self.mover = KeyMover(self.curve_plot, self.key_move)
        self.curve_plot.getViewBox().sigXRangeChanged.connect(lambda *_: self.refresh_curve())
        self.curve_plot.scene().sigMouseClicked.connect(self.on_curve_clicked)
        self.explanation = Explanation()

    # ------------------------------------------------------------------ the user's actions → the state
    def combo_chosen(self, index):
        key = self.function_combo.itemData(index)
        if key == TYPED:
            self.focus_text()
        else:
            self.choose(lab.FUNCTIONS[key])

    def focus_text(self):
        self.expr_edit.setFocus()
        self.expr_edit.selectAll()

    def apply_text(self):
        """Read the typed function; bad text, or a function with no finite value in view (1/0, log(-1)), leaves
        the previous function on screen with a message."""
        text = self.expr_edit.text()
        try:
            fn = function_of(text)
        except expr.ExprError as exc:
            self.show_message(lambda err=exc: self.error_text(text, err))
            return
        self.choose(fn)

    def on_input_rejected(self):
        """The box is full (typed or pasted past its length): say so at once, as the text was cut."""
        if len(self.expr_edit.text()) >= self.expr_edit.maxLength():
            self.show_message(lambda: expr_messages.cut(self.expr_edit.maxLength()))

    def show_message(self, text_of):
        """Show the message line; `text_of()` gives its text (None: hide it)."""
        self._message = text_of
        if text_of is None:
            self.expr_error.hide()
            return
        self.expr_error.setText(text_of())
        self.expr_error.show()

    def error_text(self, text, exc):
        """Why `text` is not drawn: where it cannot be read (a caret under the fault), or that it has no
        finite value anywhere in view."""
        reason = expr_messages.reason(exc)
        if exc.code == "not_finite":
            return self.tr("Nothing to draw:") + "\n" + reason + "\n" + self.tr("The previous function stays.")
        if not text.strip():
            shown = reason
        elif exc.position is None:
            shown = expr_messages.excerpt(text, 0)[0] + "\n" + reason
        else:
            line, column = expr_messages.excerpt(text, exc.position)
            shown = line + "\n" + " " * column + "^ " + reason
        return self.tr("Cannot read this function:") + "\n" + shown

    def choose(self, fn, x0=None):
        self.state.set_function(fn, x0)
        self.show_function()
        self.changed.emit(True)

    def book_example(self, x0):
        self.state.h = lab.H_BOOK
        self.choose(lab.FUNCTIONS["book"], x0)

    def move_x0(self, x):
        self.state.move_x0(x)
        self.refresh()
        self.changed.emit(False)

    def set_h(self, h):
        self.state.h = float(h)
        self.refresh()

    def key_move(self, dx, _dy):
        """←/→ move the point as a drag does (DragPoint.dragged), by a round step of the view (Shift: a tenth)."""
        if dx:
            lo, hi = self.curve_plot.getViewBox().viewRange()[0]
            self.point.dragged.emit(round(self.state.x0 + dx * nice_step(hi - lo), 9), 0.0)

    def on_curve_clicked(self, event):
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        vb = self.curve_plot.getViewBox()
        if vb.sceneBoundingRect().contains(event.scenePos()):
            self.move_x0(vb.mapSceneToView(event.scenePos()).x())

    # ------------------------------------------------------------------ the state → the view
    def show_function(self):
        """A new function: the list, the text, x0's range and the plot's view follow it; then the readouts."""
        fn = self.state.fn
        with quiet(self.function_combo, self.x0_spin):
            self.function_combo.setCurrentIndex(self.function_combo.findData(fn.key))
            self.x0_spin.setRange(*fn.view)
        self.expr_edit.setText(fn.text)
        self.show_message(None)
        self.curve_plot.setXRange(*fn.view, padding=0.02)
        limits = plotting.y_range(plotting.curve(fn)[1])
        if limits is not None:
            self.curve_plot.setYRange(*limits, padding=0)
        self.refresh()

    def refresh(self):
        s, fn = self.state, self.state.fn
        r = lab.derivative_at(fn, s.x0, s.h)
        with quiet(self.x0_spin, self.h_spin):
            self.x0_spin.setValue(s.x0)
            self.h_spin.setValue(s.h)
        y0 = r["y0"]
        self.point.setVisible(bool(np.isfinite(plotting.drawable(y0))))
        if self.point.isVisible():
            self.point.setPos(s.x0, y0)
        self.refresh_curve()
        for key in ("y0", "forward", "central"):
            self.readout[key].setText(full(r[key]))
        if r["exact"] is None:
            self.readout["exact"].setText(self.tr("unknown (typed function)"))
        else:
            self.readout["exact"].setText(full(r["exact"]) + "  (f′ = " + fn.derivative + ")")
        self.readout["fe"].setText(short_error(r["forward_error"]))
        self.readout["ce"].setText(short_error(r["central_error"]))
        name_plot(self.curve_plot, self.tr("x0 = %1, f(x0) = %2, slope %3").replace("%1", f"{s.x0:.4g}").replace(
            "%2", f"{y0:.4g}").replace("%3", f"{r['central']:.4g}"))

    def refresh_curve(self):
        """f and its tangent over exactly the x range the plot shows."""
        lo, hi = self.curve_plot.getViewBox().viewRange()[0]
        if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
            return
        s = self.state
        self.curve_item.setData(*plotting.curve(s.fn, view=(lo, hi)), connect="finite")
        self.tangent_item.setData(*plotting.tangent_segment(s.fn, s.x0, (lo, hi), s.h), connect="finite")

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self._retranslate_controls()
        self._retranslate_readouts()
        self.curve_plot.set_labels(self.tr("x"), self.tr("y = f(x)"), self.tr("Drag the red point along the curve"))
        self.point.setToolTip(self.tr("Drag me: the tangent follows"))
        self.curve_plot.setToolTip(self.tr("Drag the red point or click the curve; with the plot focused (Tab), "
                                           "←/→ move the point, Shift+←/→ by a tenth"))
        legend = self.curve_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.curve_item, self.tr("f(x)"))
        legend.addItem(self.tangent_item, self.tr("tangent from the central difference"))
        self.explanation.setHtml(self.tr(
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
        self.refresh()

    def _retranslate_controls(self):
        if self._message is not None:
            self.show_message(self._message)
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

    def _retranslate_readouts(self):
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
