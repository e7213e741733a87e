"""The Descent tab's controls column: the book's experiments, the function and start, η, the optimizers.

Every control writes the tab's DescentState and says so (`changed`, `surface_changed`, `preset_chosen`);
`show_state` puts a state's values back into the controls, without their handlers running.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.lab import descent as dl
from engine.surfaces import SURFACES
from gui.tabs.descent.common import RUN_COLORS, ArrowKeysToSlider
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.panel_helpers import ERROR_STYLE, ControlColumn, Retranslated, muted

LR_SLIDER_PER_DECADE = 100  # slider ticks per factor of ten
PARAM_SYMBOLS = {"momentum": "α", "decay_rate": "ρ", "beta1": "β1", "beta2": "β2"}
PRESET_KEYS = ("lr_0.1", "lr_0.1_20", "lr_10", "lr_1e-10", "chapter6")


def slider_from_lr(lr: float) -> int:
    return int(round(np.log10(lr) * LR_SLIDER_PER_DECADE))


class ControlsPanel(Retranslated, QWidget):
    """The left column, in a scroll area. It writes `state` (set by show_state) and emits what changed."""

    changed = Signal()  # a setting of the runs changed: they are rebuilt, the step shown is kept
    surface_changed = Signal()  # another function: its contours and view too
    preset_chosen = Signal(str)  # one of the book's experiments (a key of engine.lab.descent.PRESETS)

    def __init__(self, state):
        super().__init__()
        self.state = state
        self._syncing = False
        column = QWidget()
        v = QVBoxLayout(column)
        v.setContentsMargins(4, 4, 4, 4)
        for box in (self._build_experiments(), self._build_problem(), self._build_lr(), self._build_optimizers()):
            v.addWidget(box)
        v.addStretch(1)
        self.scroll = ControlColumn(column, 300, 380)  # as wide as its widest row in this language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.retranslate()
        self.show_state(state)

    # ------------------------------------------------------------------ building
    def _build_experiments(self):
        self.experiments_box = QGroupBox()
        v = QVBoxLayout(self.experiments_box)
        self.preset_buttons = {}
        for key in PRESET_KEYS:
            b = QPushButton()
            b.clicked.connect(lambda _=False, k=key: self.preset_chosen.emit(k))
            v.addWidget(b)
            self.preset_buttons[key] = b
        return self.experiments_box

    def _build_problem(self):
        self.problem_box = QGroupBox()
        form = QFormLayout(self.problem_box)
        self.surface_combo = self._combo(SURFACES, self.on_surface)
        self.x0_spin, self.x1_spin = QDoubleSpinBox(), QDoubleSpinBox()
        start_row = QHBoxLayout()
        for spin in (self.x0_spin, self.x1_spin):
            spin.setRange(-100.0, 100.0)
            spin.setMinimumWidth(70)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self.on_start)
            start_row.addWidget(spin)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, dl.MAX_STEPS)
        self.steps_spin.setKeyboardTracking(False)
        self.steps_spin.valueChanged.connect(self.on_steps)
        self.gradient_combo = self._combo(dl.GRADIENTS, self.on_gradient)
        self.surface_label, self.start_label = QLabel(), QLabel()
        self.steps_label, self.gradient_label = QLabel(), QLabel()
        form.addRow(self.start_label, start_row)
        form.addRow(self.steps_label, self.steps_spin)
        self.formula_label = muted(QLabel())  # the chosen function's formula, under its name
        self.formula_label.setWordWrap(True)
        for label, combo in ((self.surface_label, self.surface_combo), (self.gradient_label, self.gradient_combo)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the whole name shows
            form.insertRow(0 if combo is self.surface_combo else form.rowCount(), label)
            form.insertRow(1 if combo is self.surface_combo else form.rowCount(), combo)  # under its label
        form.insertRow(2, self.formula_label)
        chain = (self.surface_combo, self.x0_spin, self.x1_spin, self.steps_spin, self.gradient_combo)
        for first, second in zip(chain[:-1], chain[1:], strict=True):  # Tab in reading order (combos came last)
            QWidget.setTabOrder(first, second)
        return self.problem_box

    @staticmethod
    def _combo(keys, handler):
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        for key in keys:
            combo.addItem("", key)
        combo.currentIndexChanged.connect(handler)
        return combo

    def _build_lr(self):
        self.lr_box = QGroupBox()
        v = QVBoxLayout(self.lr_box)
        row = QHBoxLayout()
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setRange(slider_from_lr(dl.LR_MIN), slider_from_lr(dl.LR_MAX))
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
        self.opt_headers = [muted(QLabel()) for _ in range(2)]  # over the η column and the optimizers' own
        self.opt_headers[1].setWordWrap(True)  # a long header wraps rather than widening the column (Chinese)
        for column, header in enumerate(self.opt_headers, 1):
            grid.addWidget(header, 0, column)
        for row, name in enumerate(dl.OPTIMIZER_ORDER, 1):  # Adam is last: its β2 takes the row below
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
                lr.setMinimumWidth(max(62, lr.sizeHint().width()))
                lr.valueChanged.connect(lambda v, n=name: self.on_param(n, "lr", v))
                grid.addWidget(lr, row, 1)
                self.opt_lr[name] = lr
            for extra, (param, (default, low, high)) in enumerate(dl.EXTRA_PARAMETERS[name].items()):
                spin = QDoubleSpinBox()
                spin.setDecimals(5 if param == "beta2" else 4)
                spin.setRange(low, high)
                spin.setSingleStep(0.01 if param != "beta2" else 0.001)
                spin.setValue(default)
                spin.setPrefix(PARAM_SYMBOLS[param] + " ")
                spin.setMinimumWidth(spin.sizeHint().width())  # "β2 0.99900" whole
                spin.setKeyboardTracking(False)
                spin.valueChanged.connect(lambda v, n=name, p=param: self.on_param(n, p, v))
                grid.addWidget(spin, row + extra, 2)
                self.opt_extra[(name, param)] = spin
        self.opt_error = QLabel()
        self.opt_error.setStyleSheet(ERROR_STYLE)
        self.opt_error.setWordWrap(True)
        grid.addWidget(self.opt_error, row + 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return self.opt_box

    # ------------------------------------------------------------------ state → controls
    def show_state(self, state):
        """Show `state` (from now on the one the controls write) in every control; no handler runs."""
        self.state = state
        self._syncing = True
        try:
            self.surface_combo.setCurrentIndex(max(self.surface_combo.findData(state.surface), 0))
            self.show_formula()
            self.x0_spin.setValue(state.start[0])
            self.x1_spin.setValue(state.start[1])
            self.steps_spin.setValue(state.step_num)
            self.gradient_combo.setCurrentIndex(max(self.gradient_combo.findData(state.gradient), 0))
            self.lr_spin.setValue(state.lr)
            self.lr_slider.setValue(slider_from_lr(state.lr))
            for o in state.optimizers:
                self.opt_checks[o.name].setChecked(o.enabled)
                if o.name in self.opt_lr:
                    self.opt_lr[o.name].setValue(o.params["lr"])
                for param in dl.EXTRA_PARAMETERS[o.name]:
                    self.opt_extra[(o.name, param)].setValue(o.params[param])
        finally:
            self._syncing = False
        self.opt_error.setText("" if any(o.enabled for o in state.optimizers) else self.no_optimizer_text())

    # ------------------------------------------------------------------ controls → state
    def _changed(self):
        self.opt_error.setText("")
        self.changed.emit()

    def on_surface(self, _index):
        if self._syncing:
            return
        key = self.surface_combo.currentData()
        self.state.surface, self.state.start, self.state.index = key, dl.start_for(key), 0
        self.show_state(self.state)
        self.surface_changed.emit()
        self._changed()

    def on_start(self, _value):
        if not self._syncing:
            self.state.start, self.state.index = (self.x0_spin.value(), self.x1_spin.value()), 0
            self._changed()

    def on_steps(self, value):
        if not self._syncing:
            self.state.set_steps(value)
            self._changed()

    def on_gradient(self, _index):
        if not self._syncing:
            self.state.gradient = self.gradient_combo.currentData()
            self._changed()

    def on_lr_slider(self, value):
        if self._syncing:
            return
        lr = float(f"{10.0 ** (value / LR_SLIDER_PER_DECADE):.3g}")
        self.state.lr = min(max(lr, dl.LR_MIN), dl.LR_MAX)
        self._syncing = True
        self.lr_spin.setValue(self.state.lr)  # the slider itself stays where the user put it
        self._syncing = False
        self._changed()

    def on_lr_spin(self, value):
        if not self._syncing:
            self.state.lr = value
            self._syncing = True
            self.lr_slider.setValue(slider_from_lr(self.state.lr))
            self._syncing = False
            self._changed()

    def on_optimizer_enabled(self, name, on):
        if self._syncing:
            return
        self.state.optimizer(name).enabled = on
        if not any(o.enabled for o in self.state.optimizers):
            self.opt_error.setText(self.no_optimizer_text())
            self.changed.emit()
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

    # ------------------------------------------------------------------ texts
    def no_optimizer_text(self):
        return self.tr("Choose at least one optimizer to see a path.")

    def surface_name(self, key):
        names = {
            "sphere": self.tr("Bowl (the book's function_2)"),
            "ellipse": self.tr("Long valley (chapter 6)"),
            "saddle": self.tr("Saddle"),
            "rosenbrock": self.tr("Rosenbrock's banana"),
            "himmelblau": self.tr("Himmelblau (four minima)"),
        }
        return names.get(key, key)

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
        self.show_formula()
        self.opt_headers[0].setText(self.tr("η"))
        self.opt_headers[1].setText(self.tr("its own (Adam: β1, β2)"))
        if self.opt_error.text():
            self.show_state(self.state)  # the inline message in the new language

    def show_formula(self):
        self.formula_label.setText(self.tr("f(x0, x1) = %1").replace("%1", SURFACES[self.state.surface].formula))
