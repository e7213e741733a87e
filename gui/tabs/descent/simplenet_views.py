"""What the simpleNet page draws: a 2×3 grid of numbers (W, ∂L/∂W) whose cells can be chosen, the bars of
y = softmax(p), and the number formats of CURRICULUM §4b (8 decimals like NumPy's print, L in full)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from engine.lab import simplenet as sl
from gui.widgets.plots import COLORS, Plot

# the sign of ∂L/∂w as a colour (see-through: readable on light and dark palettes) and the way the step moves w
RAISE_COLOR, LOWER_COLOR = "rgba(0, 114, 178, 70)", "rgba(213, 94, 0, 70)"
CHOSEN_BORDER = f"2px solid {COLORS[1]}"
CHOSEN_BACKGROUND = "rgba(230, 159, 0, 80)"  # COLORS[1], see-through


def name(cell) -> str:
    """w23 for cell (1, 2): the book's names count from 1."""
    return f"w{cell[0] + 1}{cell[1] + 1}"


def num(v: float) -> str:
    """8 decimals with the trailing zeros dropped, as NumPy prints the book's arrays (1.1328074, -0.36281)."""
    return np.format_float_positional(float(v), precision=8, unique=False, trim="-") if np.isfinite(v) else str(v)


def vector(values) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def full(v: float) -> str:
    """Every digit of a float (the shortest text that reads back as the same number)."""
    return repr(float(v))


def small(v: float) -> str:
    return f"{v:.2e}"


def table(rows) -> str:
    """(name, value) rows as a rich-text table whose values do not wrap."""
    return "<table cellspacing='2'>" + "".join(
        f"<tr><td>{a}&nbsp;&nbsp;</td><td>{b}</td></tr>" for a, b in rows) + "</table>"


class GradientGrid(QWidget):
    """A 2×3 grid of buttons, one per weight, showing a matrix; with `signs`, each cell is coloured and carries an
    arrow for the way W ← W − η∂L/∂W moves that weight (↑ where ∂L/∂w < 0). A click chooses the weight."""

    chosen = Signal(int, int)

    def __init__(self, signs: bool = True):
        super().__init__()
        self.signs = signs
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(3)
        self.cells = [[QPushButton() for _ in range(3)] for _ in range(2)]
        self.values = np.zeros((2, 3))
        self.cell = (1, 2)
        for i, row in enumerate(self.cells):
            for j, button in enumerate(row):
                button.setCheckable(True)
                button.setMinimumWidth(10)
                button.clicked.connect(lambda _=False, a=i, b=j: self.chosen.emit(a, b))
                grid.addWidget(button, i, j)

    def show_values(self, values, cell, fmt=num):
        self.values, self.cell = np.asarray(values, dtype=float), tuple(cell)
        for i, row in enumerate(self.cells):
            for j, button in enumerate(row):
                v = self.values[i, j]
                arrow = ("  ↑" if v < 0 else "  ↓" if v > 0 else "") if self.signs else ""
                button.setText(fmt(v) + arrow)
                button.setChecked((i, j) == self.cell)
                background = (RAISE_COLOR if v < 0 else LOWER_COLOR) if self.signs and v != 0 else "transparent"
                border = CHOSEN_BORDER if (i, j) == self.cell else "1px solid palette(mid)"
                button.setStyleSheet(f"QPushButton {{ background-color: {background}; border: {border}; "
                                     f"border-radius: 3px; padding: 4px 2px; }}")

    def set_tips(self, tip_for):
        """tip_for(cell) → the tooltip of that cell (set by the page in its language)."""
        for i, row in enumerate(self.cells):
            for j, button in enumerate(row):
                button.setToolTip(tip_for((i, j)))
                button.setAccessibleName(name((i, j)))


class GradientBox(QGroupBox):
    """The analytic, numerical and difference grids with their titles, and the words: stacked in one column, or
    analytic beside numerical once the box is WIDE enough for both (the numbers keep a readable width)."""

    WIDE = 760

    def __init__(self, parts):
        super().__init__()
        self.parts = parts  # analytic title, grid, numerical title, grid, difference title, grid, words
        for part in parts[0:6:2]:
            part.setWordWrap(True)
        self.grid = QGridLayout(self)
        self.columns = 0
        self._arrange(1)

    def _arrange(self, columns):
        if columns == self.columns:
            return
        self.columns = columns
        for part in self.parts:
            self.grid.removeWidget(part)
        a_title, a, n_title, n, d_title, d, words = self.parts
        places = ([(a_title, 0, 0), (a, 1, 0), (n_title, 0, 1), (n, 1, 1), (d_title, 2, 0), (d, 3, 0), (words, 3, 1)]
                  if columns == 2 else
                  [(a_title, 0, 0), (a, 1, 0), (n_title, 2, 0), (n, 3, 0), (d_title, 4, 0), (d, 5, 0), (words, 6, 0)])
        for part, row, column in places:
            self.grid.addWidget(part, row, column)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event):
        self._arrange(2 if event.size().width() >= self.WIDE else 1)
        super().resizeEvent(event)


class _FocusChooses(QObject):
    """Focusing a weight's number box chooses that weight."""

    def __init__(self, grid, cell):
        super().__init__(grid)
        self.grid, self.cell = grid, cell

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.FocusIn:
            self.grid.chosen.emit(*self.cell)
        return False


class WeightEditor(QWidget):
    """W as 2×3 number boxes (8 decimals, ±VALUE_LIMIT): an edit emits `edited(i, j, value)`, focusing a box
    chooses that weight (`chosen`)."""

    edited = Signal(int, int, float)
    chosen = Signal(int, int)

    def __init__(self):
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(3)
        self.spins = [[QDoubleSpinBox() for _ in range(3)] for _ in range(2)]
        for i, row in enumerate(self.spins):
            for j, spin in enumerate(row):
                spin.setDecimals(8)
                spin.setRange(-sl.VALUE_LIMIT, sl.VALUE_LIMIT)
                spin.setSingleStep(0.01)
                spin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
                spin.setKeyboardTracking(False)
                spin.setMinimumWidth(10)
                spin.setAccessibleName(name((i, j)))
                spin.valueChanged.connect(lambda v, a=i, b=j: self.edited.emit(a, b, v))
                spin.installEventFilter(_FocusChooses(self, (i, j)))
                grid.addWidget(spin, i, j)

    def show_values(self, W, cell):
        for i, row in enumerate(self.spins):
            for j, spin in enumerate(row):
                spin.blockSignals(True)
                spin.setValue(float(W[i][j]))
                spin.blockSignals(False)
                font = spin.font()
                font.setBold((i, j) == tuple(cell))
                spin.setFont(font)
                spin.setStyleSheet(f"QDoubleSpinBox {{ background-color: {CHOSEN_BACKGROUND}; }}"
                                   if (i, j) == tuple(cell) else "")  # (a border would hide the text)


class OutputBars(Plot):
    """y = softmax(p) as three bars: the correct class t in green, the others in blue; the answer's bar outlined."""

    def __init__(self):
        super().__init__()
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setXRange(-0.6, 2.6, padding=0)
        self.setYRange(0, 1, padding=0.05)
        self.getAxis("bottom").setTicks([[(k, str(k)) for k in range(sl.CLASSES)]])
        self.bars = pg.BarGraphItem(x=np.arange(3), height=np.zeros(3), width=0.6)
        self.addItem(self.bars)

    def show_output(self, y, t, answer):
        brushes = [pg.mkBrush(COLORS[2] if k == t else COLORS[0]) for k in range(sl.CLASSES)]
        pens = [pg.mkPen(COLORS[1], width=3) if k == answer else pg.mkPen(None) for k in range(sl.CLASSES)]
        self.bars.setOpts(height=np.asarray(y), brushes=brushes, pens=pens)


def header(text="") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
