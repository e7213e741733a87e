"""The Draw tab's "inside the net" page: a[1] as a strip of cells, the 10 scores z[2], why the net answered k
(the hidden units that add most to z[2]_k, with their weight pictures) and which pixels did it (evidence maps).

It shows DrawState.explained — engine.explain.explain(net, x, k, versus, off) of the current drawing — and writes
the learner's choices into the state (the class explained, k′, the units switched off, the unit hovered), then
emits `changed` with the name of what changed; the tab runs the engine again and calls show_state().
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.tabs.draw.controls import ACTIVATION_NAMES
from gui.tabs.draw.unit_views import HiddenStrip, PullBars, SignedImage
from gui.widgets.panel_helpers import Retranslated, muted

TOP_COUNT = 6  # hidden units shown for the class explained


def signed(value: float) -> str:
    """+1.23 / −1.23 (a real minus sign), as every number on this page is written."""
    return f"{value:+.2f}".replace("-", "−")


def wrapped(text: str = "") -> QLabel:
    """A word-wrapped label, not selectable: a selectable one repaints each time its layout asks its height, and
    this page's layout is asked at every update while the learner draws."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def steady(widget, lines: int = 0, width: int = 0):
    """Keep a widget's size from following its changing text: the layout gives it the width it has room for and
    `lines` lines of text down, whatever the numbers read (so an update repaints it alone, not its neighbours)."""
    vertical = QSizePolicy.Policy.Fixed if lines else QSizePolicy.Policy.Preferred
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)
    if lines:
        widget.setFixedHeight(lines * widget.fontMetrics().lineSpacing() + 4)
    return widget


def fixed_width(widget, sample: str):
    """A widget exactly as wide as `sample` (e.g. the widest number it will show), whatever it shows."""
    widget.setFixedWidth(widget.fontMetrics().horizontalAdvance(sample) + 6)
    return widget


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class InsidePanel(Retranslated, QWidget):
    """Strip of hidden units, class buttons with the scores, the hovered unit, the top units and the evidence."""

    changed = Signal(str)  # "chosen", "versus", "off" (the engine runs again) or "hovered" (the views only)

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.net = None
        self.title = bold(wrapped())
        self.strip_label = wrapped()
        self.strip_hint = muted(wrapped())
        self.strip = HiddenStrip()
        self.strip.hovered.connect(self.on_hover)
        self.strip.toggled.connect(self.on_toggle)
        self.scores_label = wrapped()
        self.class_buttons = []
        classes = QHBoxLayout()
        classes.setSpacing(3)
        for k in range(10):
            button = QPushButton(str(k))
            button.setCheckable(True)
            button.setMinimumSize(30, 2 * button.fontMetrics().height() + 10)  # the digit and its score
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, k=k: self.choose_class(k))
            self.class_buttons.append(button)
            classes.addWidget(button)
        self.follow_check = QCheckBox()
        self.follow_check.setChecked(True)
        self.follow_check.toggled.connect(self.on_follow)
        left = QGridLayout()
        left.addWidget(self.strip_label, 0, 0)
        left.addWidget(self.strip_hint, 1, 0)
        left.addWidget(self.strip, 0, 1, 2, 1)
        left.addWidget(self.scores_label, 2, 0)
        left.addWidget(self.follow_check, 3, 0)
        left.addLayout(classes, 2, 1, 2, 1)
        left.setColumnStretch(1, 1)
        left.setRowStretch(1, 1)
        for label in (self.strip_label, self.strip_hint, self.scores_label, self.follow_check):
            label.setMaximumWidth(150)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(self._build_unit(), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._build_why(), 3)
        bottom.addWidget(self._build_evidence(), 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The numbers change at every update while the learner draws: with the default constraint each change of
        # a label's size hint would reach the splitters above, which then repaint the whole column (measured by
        # bench/draw_latency.py). The page's minimum size is set once per language in retranslate() instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.title)
        layout.addLayout(top, 1)
        layout.addLayout(bottom, 2)
        self.retranslate()

    def _build_unit(self):
        self.unit_box = QGroupBox()
        grid = QGridLayout(self.unit_box)
        self.unit_picture = SignedImage(56)
        self.unit_info = steady(QLabel(), lines=3)
        self.unit_info.setMinimumWidth(110)
        self.pull_bars = PullBars()
        grid.addWidget(self.unit_picture, 0, 0, 2, 1)
        grid.addWidget(self.unit_info, 0, 1)
        grid.addWidget(self.pull_bars, 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        self.unit_box.setMinimumWidth(180)
        return self.unit_box

    def _build_why(self):
        self.why_box = QGroupBox()
        layout = QVBoxLayout(self.why_box)
        tiles = QHBoxLayout()
        self.tiles = []
        for _ in range(TOP_COUNT):
            picture, caption = SignedImage(44, bottom=True), steady(QLabel(), lines=3)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(picture, 1)
            column.addWidget(caption)
            tiles.addLayout(column, 1)
            self.tiles.append((picture, caption))
        for picture, _ in self.tiles:
            picture.group = [p for p, _ in self.tiles]
        self.sum_names = [QLabel() for _ in range(4)]
        self.sum_values = [QLabel() for _ in range(4)]
        sums = QGridLayout()
        sums.setVerticalSpacing(0)
        for i, (name, value) in enumerate(zip(self.sum_names, self.sum_values, strict=True)):
            fixed_width(value, "−000.00")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            sums.addWidget(name, i % 2, 3 * (i // 2))
            sums.addWidget(value, i % 2, 3 * (i // 2) + 1)
        sums.setColumnMinimumWidth(2, 12)
        bold(self.sum_names[3])
        bold(self.sum_values[3])
        sums.setColumnStretch(0, 1)
        sums.setColumnStretch(3, 1)
        layout.addLayout(tiles, 1)
        layout.addLayout(sums)
        return self.why_box

    def _build_evidence(self):
        self.evidence_box = QGroupBox()
        layout = QVBoxLayout(self.evidence_box)
        self.versus_label = QLabel()
        self.versus_combo = QComboBox()
        self.versus_combo.addItem("", None)
        for k in range(10):
            self.versus_combo.addItem(str(k), k)
        self.versus_combo.currentIndexChanged.connect(self.on_versus)
        maps = QGridLayout()
        maps.setVerticalSpacing(1)
        self.maps, self.map_captions = [], []
        for i in range(3):
            picture, caption = SignedImage(56, bottom=True), QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
            maps.addWidget(picture, 0, i)
            maps.setColumnStretch(i, 1)
            self.maps.append(picture)
            self.map_captions.append(caption)
        versus = QHBoxLayout()  # under the map of k′: "for [k′ ▾]", the class to compare with
        versus.setContentsMargins(0, 0, 0, 0)
        versus.addStretch(1)
        versus.addWidget(self.versus_label)
        versus.addWidget(self.versus_combo)
        versus.addStretch(1)
        maps.addWidget(self.map_captions[0], 1, 0)
        maps.addLayout(versus, 1, 1)
        maps.addWidget(self.map_captions[2], 1, 2)
        maps.setRowStretch(0, 1)
        for picture in self.maps:
            picture.group = self.maps
        self.exact_label = steady(muted(wrapped()), lines=2)
        layout.addLayout(maps, 1)
        layout.addWidget(self.exact_label)
        return self.evidence_box

    # ------------------------------------------------------------------ the learner's choices → state
    def choose_class(self, k):
        self.state.chosen = None if k == self.state.answer and self.follow_check.isChecked() else int(k)
        self.follow_check.blockSignals(True)
        self.follow_check.setChecked(self.state.chosen is None)
        self.follow_check.blockSignals(False)
        self.changed.emit("chosen")

    def on_follow(self, on):
        self.state.chosen = None if on else self.state.explained_class()
        self.changed.emit("chosen")

    def on_versus(self, index):
        self.state.versus = self.versus_combo.itemData(index)
        self.changed.emit("versus")

    def on_toggle(self, j):
        self.state.off ^= {int(j)}
        self.changed.emit("off")

    def on_hover(self, j):
        self.state.hovered = int(j)
        self.show_unit()
        self.changed.emit("hovered")

    # ------------------------------------------------------------------ texts
    def retranslate(self):
        self.title.setText(self.tr(
            "Inside the net:  a[0] = x  →  z[1] = a[0]·W1 + b1  →  a[1] = h(z[1])  →  z[2] = a[1]·W2 + b2  →  "
            "y = softmax(z[2])"))
        self.strip_hint.setText(self.tr("Hover a unit to see it; click it to switch it off or on"))
        self.strip.setToolTip(self.tr(
            "Each cell is one hidden unit j, in order: the brighter, the larger its activation a[1]_j. Orange "
            "frames: the units that add most to the score explained. A crossed cell is switched off (a[1]_j = 0)."
            " Keys: arrows move, Space switches off or on."))
        self.strip.setAccessibleName(self.tr("Hidden units"))
        self.scores_label.setText(self.tr("z[2], the scores:"))
        for k, button in enumerate(self.class_buttons):
            button.setToolTip(self.tr("Explain the score of %1").replace("%1", str(k)))
        self.follow_check.setText(self.tr("explain the answer"))
        self.follow_check.setToolTip(self.tr("Explain whatever the net answers; click a score to explain another"))
        self.versus_combo.setToolTip(self.tr("k′: the class to compare with (the runner-up: the next best score)"))
        self.pull_bars.setAccessibleName(self.tr("pull on each k:"))
        self.show_state(self.net)
        self.setMinimumSize(self.layout().totalMinimumSize())

    # ------------------------------------------------------------------ state → views
    def show_state(self, net=None):
        """Everything from the state's `explained` (and `net` for the weight pictures)."""
        self.net = net
        s, r = self.state, self.state.explained
        hidden = 0 if net is None else net.params["W1"].shape[1]
        activation = getattr(net, "activation", "–")
        self.strip_label.setText(self.tr("a[1]: %1 hidden units, h = %2").replace("%1", str(hidden)).replace(
            "%2", self.tr("identity") if activation == "identity" else ACTIVATION_NAMES.get(activation, activation)))
        if r is None:
            self.strip.set_units(np.zeros(hidden), s.off)
        else:
            self.strip.set_units(r["a1"], s.off, r["top"])
        for k, button in enumerate(self.class_buttons):
            button.setText(str(k) if r is None else f"{k}\n{float(r['z2'][k]):+.1f}".replace("-", "−"))
            button.setChecked(r is not None and k == r["k"])
            button.setEnabled(r is not None)
        self.follow_check.setEnabled(r is not None)
        self.versus_combo.setEnabled(r is not None)
        self.show_why(r)
        self.show_evidence(r)
        self.show_unit()

    def show_why(self, r):
        k = "k" if r is None else str(r["k"])
        self.why_box.setTitle(self.tr("Why %1: the hidden units that add most to z[2]_%1").replace("%1", k))
        shown = [] if r is None else [int(j) for j in r["top"]]
        for i, (picture, caption) in enumerate(self.tiles):
            if i >= len(shown):
                picture.set_image(np.zeros(784), 1.0)
                caption.setText("")
                picture.setToolTip("")
                continue
            j = shown[i]
            picture.set_image(self.net.params["W1"][:, j])
            lines = [self.tr("unit %1").replace("%1", str(j)), f"→{k} {signed(float(r['contributions'][j]))}"]
            if r["versus"] is not None:
                lines.append(f"→{r['versus']} {signed(float(r['contributions_versus'][j]))}")
            caption.setText("\n".join(lines))
            picture.setToolTip(self.tr(
                "Hidden unit %1, a[1] = %2: its weight picture, column %1 of W1 (red pixels raise z[1]_%1, blue "
                "ones lower it). It adds a[1]_%1·W2[%1, %3] = %4 to the score of %3.").replace(
                    "%1", str(j)).replace("%2", f"{float(r['a1'][j]):.2f}").replace("%3", k).replace(
                    "%4", signed(float(r["contributions"][j]))))
        names = [self.tr("Σ of the %1 units shown").replace("%1", str(len(shown))),
                 self.tr("+ the other %1 units").replace("%1", str(0 if r is None else len(r["a1"]) - len(shown))),
                 self.tr("+ the bias b2_%1").replace("%1", k),
                 self.tr("= the score z[2]_%1").replace("%1", k)]
        if r is None:
            values = ["", "", "", ""]
        else:
            values = [signed(r["top_sum"]), signed(r["rest_sum"]), signed(r["b2"]), signed(float(r["z2"][r["k"]]))]
        for name, value, a, b in zip(self.sum_names, self.sum_values, names, values, strict=True):
            name.setText(a)
            value.setText(b)

    def show_evidence(self, r):
        k = "k" if r is None else str(r["k"])
        v = "k′" if r is None or r["versus"] is None else str(r["versus"])
        self.evidence_box.setTitle(self.tr("Which pixels: evidence for %1 (red for, blue against)").replace("%1", k))
        self.versus_label.setText(self.tr("for"))
        self.map_captions[0].setText(self.tr("for %1").replace("%1", k))
        self.map_captions[2].setText(self.tr("%1 − %2: why not %2").replace("%1", k).replace("%2", v))
        runner_up = self.tr("%1 (runner-up)").replace("%1", v) if self.state.versus is None else self.tr("runner-up")
        self.versus_combo.setItemText(0, runner_up)
        if r is None:
            for picture in self.maps:
                picture.set_image(np.zeros(784), 1.0)
            self.exact_label.setText("")
            return
        arrays = [r["evidence"], r.get("evidence_versus", np.zeros(784)), r.get("difference", np.zeros(784))]
        scale = max(float(np.abs(a).max()) for a in arrays)
        for picture, array in zip(self.maps, arrays, strict=True):
            picture.set_image(array, scale)
        if r["exact"]:
            text = self.tr("Exact: pixels %1 + bias part %2 = z[2]_%3 = %4")
        else:
            text = self.tr("Gradient × input, an approximation (sigmoid): pixels %1 + rest %2 = z[2]_%3 = %4")
        self.exact_label.setText(text.replace("%1", signed(r["evidence_sum"])).replace(
            "%2", signed(r["bias"])).replace("%3", k).replace("%4", signed(float(r["z2"][r["k"]]))))

    def shown_unit(self) -> int:
        """The unit the detail box shows: the hovered one, else the top unit of the class explained (−1: none)."""
        r, j = self.state.explained, self.state.hovered
        if j >= 0 and self.net is not None and j < self.net.params["W1"].shape[1]:
            return j
        return -1 if r is None or not len(r["top"]) else int(r["top"][0])

    def show_unit(self):
        j, r = self.shown_unit(), self.state.explained
        if j < 0:
            self.unit_box.setTitle(self.tr("Hidden unit"))
            self.unit_picture.set_image(np.zeros(784), 1.0)
            self.unit_info.setText(self.tr("Draw a digit, then hover a unit"))
            self.pull_bars.set_values(np.zeros(10))
            return
        self.unit_box.setTitle(self.tr("Hidden unit %1").replace("%1", str(j)))
        self.unit_picture.set_image(self.net.params["W1"][:, j])
        if r is None:
            self.unit_info.setText(self.tr("its weight picture (column %1 of W1)").replace("%1", str(j)))
            self.pull_bars.set_values(np.zeros(10))
            return
        info = [f"z[1]_{j} = {signed(float(r['z1'][j]))}", f"a[1]_{j} = {signed(float(r['a1'][j]))}",
                self.tr("switched off") if j in self.state.off else self.tr("pull on each k:")]
        self.unit_info.setText("\n".join(info))
        self.pull_bars.set_values(r["C"][j], r["k"])
        self.pull_bars.setToolTip(self.tr("The unit's pull a[1]_j·W2[j, k] on the score of each class k") + "\n"
                                  + "  ".join(f"{k}: {signed(float(r['C'][j, k]))}" for k in range(10)))
