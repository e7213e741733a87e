"""The Gradient field tab's point readout: x typed or clicked, f(x), ∇f numerically and from the formula."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel

from engine.lab import field as field_lab
from gui.tabs.gradient_field.controls import monospace


class PointReadout(QGroupBox):
    """Shows ∇f at the state's point for a surface; emits point_typed when the user types x0 or x1."""

    point_typed = Signal(float, float)

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.surface = None
        form = QFormLayout(self)
        self.x0_spin, self.x1_spin = QDoubleSpinBox(), QDoubleSpinBox()
        row = QHBoxLayout()
        for spin in (self.x0_spin, self.x1_spin):
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(4)
            spin.setSingleStep(0.25)
            spin.setMinimumWidth(70)
            spin.valueChanged.connect(lambda _: self.point_typed.emit(self.x0_spin.value(), self.x1_spin.value()))
            row.addWidget(spin)
        self.point_label = QLabel()
        form.addRow(self.point_label, row)
        self.value_label, self.numerical_label, self.analytic_label = QLabel(), QLabel(), QLabel()
        self.value_text, self.numerical_text, self.analytic_text = QLabel(), QLabel(), QLabel()
        for w in (self.value_text, self.numerical_text, self.analytic_text):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setWordWrap(True)
            w.setFont(monospace())
        self.angle_text = QLabel()
        self.angle_text.setWordWrap(True)
        form.addRow(self.value_label, self.value_text)
        form.addRow(self.numerical_label, self.numerical_text)
        form.addRow(self.analytic_label, self.analytic_text)
        form.addRow(self.angle_text)
        self.retranslate()

    def retranslate(self):
        self.setTitle(self.tr("Gradient at a point"))
        self.point_label.setText(self.tr("x = (x0, x1)"))
        self.x0_spin.setToolTip(self.tr("x0 of the point (or click the plot)"))
        self.x1_spin.setToolTip(self.tr("x1 of the point (or click the plot)"))
        self.value_label.setText(self.tr("f(x)"))
        self.numerical_label.setText(self.tr("∇f numerical"))
        self.analytic_label.setText(self.tr("∇f analytic"))
        self.numerical_label.setToolTip(self.tr(
            "numerical_gradient(f, x) with h = 1e-4: central differences (f(x + h) − f(x − h)) / 2h"))
        self.analytic_label.setToolTip(self.tr("The gradient from the formula's derivatives"))
        self.refresh(self.surface)

    def show_point(self):
        """Put the state's point into the two boxes (without echoing it back)."""
        if self.state.point is None:
            return
        for spin, v in zip((self.x0_spin, self.x1_spin), self.state.point, strict=True):
            spin.blockSignals(True)
            spin.setValue(v)
            spin.blockSignals(False)

    def refresh(self, surface, reference=1.0):
        """f and ∇f of `surface` at the state's point, and how far −∇f turns from the way to the minimum.
        `reference`: the largest |∇f| in view, against which a tiny ∇f counts as 0 (engine.lab.field.is_flat)."""
        self.surface = surface
        p = self.state.point
        if surface is None:
            return
        if p is None:
            for w in (self.value_text, self.numerical_text, self.analytic_text):
                w.setText("—")
            self.angle_text.setText(self.tr("Click the plot to pick a point."))
            return
        numerical, analytic = field_lab.gradient_at(surface, p)
        self.value_label.setText(self.tr("f(%1, %2)").replace("%1", f"{p[0]:g}").replace("%2", f"{p[1]:g}"))
        self.value_text.setText(f"{field_lab.value_at(surface, p):.12g}")
        self.numerical_text.setText("[" + ", ".join(repr(float(v)) for v in numerical) + "]")
        if analytic is None:
            self.analytic_text.setText(self.tr("none for a typed function: the numerical gradient only"))
            self.analytic_text.setFont(QFont())
        else:
            self.analytic_text.setText("[" + ", ".join(f"{float(v):.12g}" for v in analytic) + "]")
            self.analytic_text.setFont(self.numerical_text.font())
        angle = field_lab.angle_to_minimum(p, -numerical, surface.minimum)
        if not np.all(np.isfinite(numerical)):
            self.angle_text.setText(self.tr("f overflows near this point: the gradient is not a finite number."))
        elif field_lab.is_flat(np.hypot(*numerical), reference):
            self.angle_text.setText(self.tr("∇f = 0 here (|∇f| = %1 is the numerical gradient's own error): no "
                                            "direction is downhill — a flat spot: minimum, maximum or saddle.")
                                    .replace("%1", f"{np.hypot(*numerical):.1g}"))
        elif angle is None:
            self.angle_text.setText("")
        else:
            self.angle_text.setText(self.tr("−∇f here points %1° away from the straight line to the minimum.")
                                    .replace("%1", f"{angle:.1f}"))
