"""A number box for quantities that span decades (learning rates, weight scales): 0.001 … 1e8.

Shows values in short form (0.1, 0.005, 1e+08), accepts what Python's float() reads (0.01, 1e-3, 2.5E2) and
steps along 1 · 2 · 5 · 10 (0.1 → 0.2 → 0.5 → 1 with the arrow keys or the mouse wheel).
"""
from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

_MANTISSAS = (1.0, 2.0, 5.0)


def next_on_125(value: float, steps: int) -> float:
    """`steps` places up (or down) the 1 · 2 · 5 · 10 ladder from `value` (snapping to it first)."""
    exponent = math.floor(math.log10(value))
    ladder = [m * 10.0 ** e for e in range(exponent - 1, exponent + 2) for m in _MANTISSAS]
    position = min(range(len(ladder)), key=lambda k: abs(math.log(ladder[k] / value)))
    snapped = ladder[position]
    if abs(math.log(snapped / value)) > 1e-9:  # off the ladder: the first step only snaps (in its direction)
        if steps > 0 and snapped < value:
            position += 1
        elif steps < 0 and snapped > value:
            position -= 1
        steps -= 1 if steps > 0 else -1
    index = position + steps
    e, k = divmod(index, 3)
    return float(f"{_MANTISSAS[k] * 10.0 ** (exponent - 1 + e):.12g}")


class DecadeSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox for positive values over many decades (see the module docstring)."""

    def __init__(self, minimum=1e-6, maximum=1e9, value=0.1, parent=None):
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(minimum, maximum)
        self.setValue(value)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            allowed = set("0123456789.eE+-")
            ok = all(c in allowed for c in stripped)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        if not math.isfinite(value):
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        try:
            value = float(text.strip())
        except ValueError:
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(value, self.minimum()), self.maximum()))

    def stepBy(self, steps: int) -> None:
        self.setValue(min(max(next_on_125(self.value(), steps), self.minimum()), self.maximum()))
