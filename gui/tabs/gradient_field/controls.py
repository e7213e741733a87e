"""The Gradient field tab's settings column: the surface (or a typed f), and how the arrows and bands are drawn."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engine import expr
from engine.lab import field as field_lab
from engine.lab.contours import SPACINGS
from gui import expr_messages
from gui.tabs.gradient_field.state import SURFACE_KEYS

ERROR_STYLE = "color: #D55E00;"


def monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def combo(values) -> QComboBox:
    """A combo box of these data values (their texts are set by retranslate), narrow enough for the column."""
    box = QComboBox()
    for value in values:
        box.addItem("", value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


class FieldControls(QWidget):
    """Writes the grid and arrow choices into the state (then emits `changed`); surface choices go to the tab."""

    changed = Signal()  # step, arrow length, level spacing or ±∇f changed in the state
    surface_chosen = Signal(str)  # a key of SURFACE_KEYS
    function_entered = Signal(str)  # the typed text, to be read
    reset_requested = Signal()

    def __init__(self, state):
        super().__init__()
        self.state = state
        self._error = None  # (text, ExprError) of a typed function that could not be read
        self._note = None  # what show_note was last given
        self._cut = False  # the last text typed or pasted was longer than the box takes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_surface())
        layout.addWidget(self._build_arrows())
        self.retranslate()

    def _build_surface(self):
        self.surface_box = QGroupBox()
        form = QFormLayout(self.surface_box)
        self.surface_combo = combo(SURFACE_KEYS)
        self.surface_combo.activated.connect(lambda i: self.surface_chosen.emit(self.surface_combo.itemData(i)))
        self.function_edit = QLineEdit(self.state.text)
        self.function_edit.setMinimumWidth(80)
        self.function_edit.setMaxLength(expr.MAX_LENGTH)  # a pasted megabyte is cut here, at once
        self.function_edit.inputRejected.connect(self._input_rejected)
        self.function_edit.returnPressed.connect(lambda: self.function_entered.emit(self.function_edit.text()))
        self.function_button = QPushButton()
        self.function_button.clicked.connect(lambda: self.function_entered.emit(self.function_edit.text()))
        row = QHBoxLayout()
        row.addWidget(self.function_edit, 1)
        row.addWidget(self.function_button)
        self.function_error = QLabel()
        self.function_error.setStyleSheet(ERROR_STYLE)
        self.function_error.setWordWrap(True)
        self.function_caret = QLabel()  # the text and a caret under the fault, in a fixed-width font
        self.function_caret.setStyleSheet(ERROR_STYLE)
        self.function_caret.setTextFormat(Qt.TextFormat.PlainText)
        self.function_caret.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.function_caret.setFont(monospace())
        self.function_caret.hide()
        self.surface_label, self.function_label = QLabel(), QLabel()
        form.addRow(self.surface_label, self.surface_combo)
        form.addRow(self.function_label, row)
        form.addRow(self.function_error)
        form.addRow(self.function_caret)
        return self.surface_box

    def _build_arrows(self):
        self.arrows_box = QGroupBox()
        form = QFormLayout(self.arrows_box)
        self.ascent_check = QCheckBox()
        self.ascent_check.toggled.connect(lambda on: self._write(ascent=bool(on)))
        self.step_spin = QDoubleSpinBox()
        self.step_spin.setRange(0.01, 100.0)
        self.step_spin.setDecimals(3)
        self.step_spin.setSingleStep(0.05)
        self.step_spin.setMinimumWidth(70)
        self.step_spin.valueChanged.connect(lambda v: self._write(step=float(v)))
        self.scale_combo = combo(field_lab.SCALE_MODES)
        self.scale_combo.currentIndexChanged.connect(lambda _: self._write(scale=self.scale_combo.currentData()))
        self.spacing_combo = combo(SPACINGS)
        self.spacing_combo.currentIndexChanged.connect(
            lambda _: self._write(spacing=self.spacing_combo.currentData()))
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_requested)
        self.step_label, self.scale_label, self.spacing_label = QLabel(), QLabel(), QLabel()
        self.scale_note = QLabel()
        self.scale_note.setWordWrap(True)
        self.scale_note.setStyleSheet("color: gray;")
        form.addRow(self.ascent_check)
        form.addRow(self.step_label, self.step_spin)
        form.addRow(self.scale_label, self.scale_combo)
        form.addRow(self.spacing_label, self.spacing_combo)
        form.addRow(self.reset_button)
        form.addRow(self.scale_note)
        return self.arrows_box

    def retranslate(self):
        self.surface_box.setTitle(self.tr("Surface"))
        self.arrows_box.setTitle(self.tr("Arrows"))
        names = {
            "sphere": self.tr("x0² + x1² (the book's 4.4)"),
            "ellipse": self.tr("x0²/20 + x1² (chapter 6)"),
            "saddle": self.tr("x0² − x1² (a saddle)"),
            "rosenbrock": self.tr("Rosenbrock (1 − x0)² + 100(x1 − x0²)²"),
            "himmelblau": self.tr("Himmelblau (x0² + x1 − 11)² + (x0 + x1² − 7)²"),
            field_lab.CUSTOM_KEY: self.tr("Your function f(x0, x1)"),
        }
        for i, key in enumerate(SURFACE_KEYS):
            self.surface_combo.setItemText(i, names[key])
        self.surface_label.setText(self.tr("f(x0, x1)"))
        self.surface_combo.setToolTip(self.tr("The surface to draw: its contours and gradient arrows"))
        self.function_label.setText(self.tr("Type f"))
        self.function_edit.setToolTip(self.tr(
            "Type a function of x0 and x1 and press Enter, e.g. x0**2 + 3*x1**2 or sin(x0)*cos(x1). "
            "Allowed: + − * / ** ( ), numbers, pi, e, sin, cos, exp, log, sqrt, tanh, abs, …"))
        self.function_edit.setPlaceholderText(self.tr("e.g. x0**2 + 3*x1**2"))
        self.function_button.setText(self.tr("Draw"))
        self.function_button.setToolTip(self.tr("Draw the function typed on the left"))
        self.ascent_check.setText(self.tr("Show +∇f (uphill) instead of −∇f"))
        self.ascent_check.setToolTip(self.tr(
            "Unticked: arrows show −∇f, where f falls fastest (gradient descent walks this way). "
            "Ticked: arrows show ∇f itself, where f rises fastest."))
        self.step_label.setText(self.tr("Grid step"))
        self.step_spin.setToolTip(self.tr(
            "Distance between neighbouring arrows (the book uses 0.25); smaller means a denser grid"))
        self.scale_label.setText(self.tr("Arrow length"))
        self.scale_combo.setItemText(0, self.tr("proportional to |∇f|"))
        self.scale_combo.setItemText(1, self.tr("all equal (direction only)"))
        self.scale_combo.setToolTip(self.tr(
            "Proportional: the longest arrow fills most of a grid step, the others in proportion. "
            "Equal: every arrow has the same length, so directions are visible where ∇f is tiny."))
        self.spacing_label.setText(self.tr("Contour levels"))
        self.spacing_combo.setItemText(0, self.tr("automatic"))
        self.spacing_combo.setItemText(1, self.tr("evenly spaced"))
        self.spacing_combo.setItemText(2, self.tr("logarithmic (shows valleys)"))
        self.spacing_combo.setToolTip(self.tr(
            "How the colour bands are spaced in f. Logarithmic spacing gives the low valley of "
            "Rosenbrock or Himmelblau most of the bands; automatic picks it when most of the view is low."))
        self.reset_button.setText(self.tr("Reset view"))
        self.reset_button.setToolTip(self.tr(
            "Back to this surface's own view and grid step (drag the plot to pan, use the wheel to zoom)"))
        if self._note:
            self.show_note(*self._note)  # its texts, then the message line's
        else:
            self._show_message()

    def _write(self, **choices):
        for name, value in choices.items():
            setattr(self.state, name, value)
        self.changed.emit()

    def show_state(self):
        """Set every control from the state (without echoing the changes back)."""
        s = self.state
        controls = (self.surface_combo, self.function_edit, self.ascent_check, self.step_spin, self.scale_combo,
                    self.spacing_combo)
        for w in controls:
            w.blockSignals(True)
        self.surface_combo.setCurrentIndex(SURFACE_KEYS.index(s.key))
        self.function_edit.setText(s.text)
        self.ascent_check.setChecked(s.ascent)
        self.step_spin.setValue(s.step)
        self.scale_combo.setCurrentIndex(field_lab.SCALE_MODES.index(s.scale))
        self.spacing_combo.setCurrentIndex(SPACINGS.index(s.spacing))
        for w in controls:
            w.blockSignals(False)

    def _input_rejected(self):
        if len(self.function_edit.text()) >= self.function_edit.maxLength():
            self._cut = True
            self._show_message()

    def show_function_error(self, text="", err=None):
        """The inline message for a typed function that cannot be read (no arguments: clear it)."""
        self._error = (text, err) if err is not None else None
        self._cut = False
        self._show_message()

    def _show_message(self):
        """The message line: a text that cannot be read, else a text cut to the box's length, else an f that
        has no finite value anywhere in the view (1/0, log(-1)); empty when all is well."""
        text, err = self._error or ("", None)
        self.function_caret.setText("" if err is None else expr_messages.caret_lines(text, err))
        self.function_caret.setVisible(err is not None and err.position is not None)
        if err is not None:
            message = self.tr("Cannot read this function: %1").replace("%1", expr_messages.message(err))
        elif self._cut:
            message = expr_messages.cut(self.function_edit.maxLength())
        elif self._note and not self._note[0].finite:
            message = self._not_finite_text()
        else:
            message = ""
        self.function_error.setText(message)

    def _not_finite_text(self):
        if self.state.key == field_lab.CUSTOM_KEY:
            return self.tr("f(x0, x1) = %1 is not a finite number anywhere in this view: it gives only inf or "
                           "nan. Pan or zoom to where it is defined, or type another function.").replace(
                "%1", expr_messages.excerpt(self.state.text, 0)[0])
        return self.tr("f is not a finite number anywhere in this view: it gives only inf or nan. "
                       "Reset view to go back.")

    def show_note(self, drawn, step):
        """What the arrows and bands of this drawing mean: the length scale, a coarsened step, log bands."""
        self._note = (drawn, step)
        notes = []
        if drawn.arrow_scale is None:
            notes.append(self.tr("Every arrow has the same length: only the direction is shown."))
        elif drawn.field.largest > 0:
            notes.append(self.tr("Arrow length ∝ |∇f|: the longest arrow, |∇f| = %1, is 0.9 of a grid step.")
                         .replace("%1", f"{drawn.field.largest:.3g}"))
        if abs(drawn.field.step - step) > 1e-12:
            notes.append(self.tr("The step is %1 in this wide view, to keep the arrows readable.")
                         .replace("%1", f"{drawn.field.step:g}"))
        if drawn.spacing_used == "log":
            notes.append(self.tr("Colour bands: logarithmic in f."))
        self.scale_note.setText(" ".join(notes))
        self._show_message()
