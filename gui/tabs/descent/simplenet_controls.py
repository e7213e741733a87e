"""The simpleNet page's left column: W (2×3), x, the correct class t, the book's values, η and h, and the nudge of
the chosen weight w_ij ← w_ij + h with ΔL/h beside ∂L/∂w_ij. It builds the controls and sets their texts; the page
(simplenet_page.py) connects them to its state and fills the values."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from engine.lab import simplenet as sl
from gui.tabs.descent.common import ArrowKeysToSlider
from gui.tabs.descent.simplenet_views import WeightEditor, full, name, num, table
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.panel_helpers import Retranslated, scrolled, wrapped

DRAG_RANGE, DRAG_TICKS = 1.0, 100  # the drag slider: Δw from −1 to 1 in steps of 0.01
T_CHOSEN = "QPushButton { background-color: rgba(0, 158, 115, 110); font-weight: bold; }"  # COLORS[2], as the bars


class SimpleNetControls(Retranslated, QWidget):
    """The left column, in a scroll area."""

    def __init__(self):
        super().__init__()
        column = QWidget()
        v = QVBoxLayout(column)
        v.setContentsMargins(4, 4, 4, 4)
        for box in (self._build_net(), self._build_settings(), self._build_nudge()):
            v.addWidget(box)
        v.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(column))
        self.setMinimumWidth(280)
        self.setMaximumWidth(400)
        self.retranslate()

    def _build_net(self):
        self.net_box = QGroupBox()
        v = QVBoxLayout(self.net_box)
        self.w_label = QLabel()
        self.weights = WeightEditor()
        form = QFormLayout()
        x_row = QHBoxLayout()
        self.x_spins = []
        for _ in range(2):
            spin = QDoubleSpinBox()
            spin.setDecimals(4)
            spin.setRange(-sl.VALUE_LIMIT, sl.VALUE_LIMIT)
            spin.setSingleStep(0.1)
            spin.setKeyboardTracking(False)
            spin.setMinimumWidth(70)
            x_row.addWidget(spin)
            self.x_spins.append(spin)
        t_row = QHBoxLayout()
        self.t_group = QButtonGroup(self)
        self.t_buttons = []
        for k in range(sl.CLASSES):
            button = QPushButton(str(k))
            button.setCheckable(True)
            button.setMinimumWidth(30)
            self.t_group.addButton(button, k)
            t_row.addWidget(button)
            self.t_buttons.append(button)
        self.x_label, self.t_label = QLabel(), QLabel()
        form.addRow(self.x_label, x_row)
        form.addRow(self.t_label, t_row)
        self.book_button = QPushButton()
        v.addWidget(self.w_label)
        v.addWidget(self.weights)
        v.addLayout(form)
        v.addWidget(self.book_button)
        return self.net_box

    def _build_settings(self):
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.lr_spin = DecadeSpinBox(*sl.LR_RANGE, sl.DEFAULT_LR)
        self.h_spin = DecadeSpinBox(*sl.H_RANGE, sl.DEFAULT_H)
        self.lr_label, self.h_label = QLabel(), QLabel()
        form.addRow(self.lr_label, self.lr_spin)
        form.addRow(self.h_label, self.h_spin)
        return self.settings_box

    def _build_nudge(self):
        self.nudge_box = QGroupBox()
        v = QVBoxLayout(self.nudge_box)
        self.nudge_button = QPushButton()
        self.nudge_button.setCheckable(True)
        self.nudge_text = wrapped()
        self.nudge_text.setTextFormat(Qt.TextFormat.RichText)
        drag_row = QHBoxLayout()
        self.drag_label = QLabel()
        self.drag_slider = QSlider(Qt.Orientation.Horizontal)
        self.drag_slider.setRange(-DRAG_TICKS, DRAG_TICKS)
        self.drag_slider.setPageStep(DRAG_TICKS // 10)
        self.drag_slider.installEventFilter(ArrowKeysToSlider(self.drag_slider))
        self.drag_value = QLabel()
        self.drag_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("Δw = −0.00 ") + 4)
        drag_row.addWidget(self.drag_label)
        drag_row.addWidget(self.drag_slider, 1)
        drag_row.addWidget(self.drag_value)
        v.addWidget(self.nudge_button)
        v.addLayout(drag_row)
        v.addWidget(self.nudge_text)
        return self.nudge_box

    # ------------------------------------------------------------------ state → controls
    def show_choices(self, state):
        """x, t, η, h and the nudge switch as `state` has them; no handler runs."""
        blockers = [QSignalBlocker(w) for w in (self.lr_spin, self.h_spin, self.nudge_button, *self.x_spins,
                                                self.drag_slider)]
        self.lr_spin.setValue(state.lr)
        self.h_spin.setValue(state.h)
        self.nudge_button.setChecked(state.nudged)
        self.drag_slider.setValue(round(state.drag / DRAG_RANGE * DRAG_TICKS))
        for spin, v in zip(self.x_spins, state.x, strict=True):
            spin.setValue(v)
        del blockers
        self.show_t(state.t)

    def show_t(self, t: int):
        """The correct class t checked and green, as on the bars (the others in the palette's colours)."""
        for k, button in enumerate(self.t_buttons):
            button.setChecked(k == t)
            button.setStyleSheet(T_CHOSEN if k == t else "")

    def set_nudged(self, on: bool, drag: float = 0.0):
        """The nudge switch and the drag slider (Δw) as given; no handler runs."""
        with QSignalBlocker(self.nudge_button), QSignalBlocker(self.drag_slider):
            self.nudge_button.setChecked(on)
            self.drag_slider.setValue(round(drag / DRAG_RANGE * DRAG_TICKS))

    @staticmethod
    def drag_from_slider(value: int) -> float:
        return value * DRAG_RANGE / DRAG_TICKS

    def show_nudge(self, cell, W, nudge=None, dragged=False):
        """The nudge button for the chosen weight and, when it is nudged by h or dragged by Δw (`nudge`, an
        engine.lab.simplenet.Nudge), w, L before and after, ΔL, ΔL/Δw and ∂L/∂w."""
        w = name(cell)
        self.nudge_button.setText(self.tr("Nudge %1 by h").replace("%1", w))
        self.drag_label.setText(self.tr("Drag %1").replace("%1", w))
        self.drag_value.setText(f"Δw = {self.drag_from_slider(self.drag_slider.value()):.2f}")
        if nudge is None:
            self.nudge_text.setText(self.tr("Choose a weight (a cell of W or of ∂L/∂W), then nudge it: L changes by "
                                            "about ∂L/∂w · h."))
            return
        step = "Δw" if dragged else "h"
        rows = [
            (w, f"{num(W[cell])} → {num(W[cell] + nudge.h)}"),
            (f"L({w})", full(nudge.before)),
            (f"L({w} + {step})", full(nudge.after)),
            ("ΔL", f"{nudge.change:.6e}"),
            (f"ΔL / {step}", f"<b>{nudge.slope:.8f}</b>"),
            (f"∂L/∂{w}", f"<b>{num(nudge.derivative)}</b>"),
            (f"∂L/∂{w} · {step}", f"{nudge.derivative * nudge.h:.6e}"),
        ]
        note = self.tr("ΔL/%2 is ∂L/∂%1 up to an error of order %2: the straight line ∂L/∂%1 · %2 predicts ΔL "
                       "well only for a small step.")
        self.nudge_text.setText(table(rows) + note.replace("%1", w).replace("%2", step))

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.net_box.setTitle(self.tr("simpleNet (the book's §4.4.2)"))
        self.w_label.setText(self.tr("Weights W (2×3; at the shown step)"))
        tip = self.tr("%1: type a weight and the net starts again from these weights (step 0)")
        for i, row in enumerate(self.weights.spins):
            for j, spin in enumerate(row):
                spin.setToolTip(tip.replace("%1", name((i, j))))
        self.x_label.setText(self.tr("Input x"))
        self.t_label.setText(self.tr("Correct class t"))
        for k, button in enumerate(self.t_buttons):
            button.setToolTip(self.tr("t = %1: the one-hot label with a 1 at class %1").replace("%1", str(k)))
        for spin in self.x_spins:
            spin.setToolTip(self.tr("The input x = (x1, x2); the book's is (0.6, 0.9)"))
        self.book_button.setText(self.tr("The book's values"))
        self.book_button.setToolTip(self.tr("W, x = (0.6, 0.9) and t = 2 as printed in the book, h = 1e-4, "
                                             "η = 0.1, step 0"))
        self.settings_box.setTitle(self.tr("Gradient and step"))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.lr_spin.setToolTip(self.tr("How far each step W ← W − η∂L/∂W goes"))
        self.h_label.setText(self.tr("h (numerical)"))
        self.h_spin.setToolTip(self.tr("The h of the numerical gradient (L(w + h) − L(w − h)) / 2h and of the "
                                       "nudge"))
        self.nudge_box.setTitle(self.tr("Nudge one weight"))
        self.nudge_button.setToolTip(self.tr("Add h to the chosen weight alone and see how much L changes"))
        self.drag_slider.setToolTip(self.tr("Drag the chosen weight alone by Δw between −1 and 1 (W itself stays): "
                                            "the farther, the more ΔL/Δw departs from ∂L/∂w"))
