"""Draw tab: write a digit with the mouse and watch the net's 10 softmax outputs answer while you draw."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine import preprocess
from gui.model_hub import ModelHub, hub
from gui.tabs.base import Tab
from gui.widgets.draw_canvas import DrawCanvas, PixelView
from gui.widgets.explanation import Explanation
from gui.widgets.plots import COLORS, Plot, foreground

UPDATE_MS = 16  # at most one prediction per frame while the mouse moves
ERROR_STYLE = "color: #D55E00;"
ACTIVATION_NAMES = {"relu": "ReLU", "sigmoid": "sigmoid"}


@dataclass
class DrawState:
    """What the tab shows: pen width, chosen model, and the last prepared input and its probabilities."""

    pen_width: int = 20
    model_key: str = "bundled"
    show_guides: bool = True
    x: np.ndarray | None = None  # the 28×28 input the net sees
    y: np.ndarray | None = None  # its 10 softmax outputs (None: nothing drawn or no model)
    preparation: preprocess.Preparation | None = None

    @property
    def answer(self) -> int | None:
        return None if self.y is None else int(np.argmax(self.y))


class DrawTab(Tab):
    key = "draw"

    def __init__(self, model_hub: ModelHub | None = None):
        super().__init__()
        self.state = DrawState()
        self.hub = model_hub or hub()
        self.model_error = ""  # why there is no model to predict with ("" when there is one)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.hub.ensure_bundled()
        self.hub.changed.connect(self.models_changed)
        self.retranslate()
        self.models_changed()

    # ------------------------------------------------------------------ building
    def _build(self):
        # Left: controls
        self.pen_box = QGroupBox()
        form = QFormLayout(self.pen_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.width_label = QLabel()
        self.width_slider = QSlider(Qt.Orientation.Horizontal)
        self.width_slider.setRange(4, 48)
        self.width_slider.setValue(self.state.pen_width)
        self.width_slider.valueChanged.connect(self.set_pen_width)
        self.width_value = QLabel(str(self.state.pen_width))
        self.width_value.setMinimumWidth(24)
        row = QHBoxLayout()
        row.addWidget(self.width_slider, 1)
        row.addWidget(self.width_value)
        form.addRow(self.width_label, row)
        self.undo_button = QPushButton()
        self.clear_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        form.addRow(buttons)
        self.guides_check = QCheckBox()
        self.guides_check.setChecked(self.state.show_guides)
        self.guides_check.toggled.connect(self.set_guides)
        form.addRow(self.guides_check)

        self.model_box = QGroupBox()
        model_layout = QVBoxLayout(self.model_box)
        self.model_combo = QComboBox()
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(12)
        self.model_combo.currentIndexChanged.connect(self.on_model_chosen)
        self.model_info = QLabel()
        self.model_info.setWordWrap(True)
        self.model_message = QLabel()
        self.model_message.setWordWrap(True)
        self.model_message.setStyleSheet(ERROR_STYLE)
        self.model_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        model_layout.addWidget(self.model_combo)
        model_layout.addWidget(self.model_info)
        model_layout.addWidget(self.model_message)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.pen_box)
        left_layout.addWidget(self.model_box)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(250)
        left_scroll.setMaximumWidth(320)

        # Middle: the canvas
        self.canvas = DrawCanvas()
        self.canvas.set_pen_width(self.state.pen_width)
        self.canvas.changed.connect(self.schedule_refresh)
        self.canvas.stroke_finished.connect(self.refresh_now)
        self.canvas_title = QLabel()
        self.canvas_title.setWordWrap(True)
        canvas_panel = QWidget()
        canvas_layout = QVBoxLayout(canvas_panel)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        canvas_layout.addWidget(self.canvas_title)
        canvas_layout.addWidget(self.canvas, 1)

        # Right of the canvas: the answer, what the net sees, the probabilities
        self.answer_label = QLabel("–")
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 5)
        big.setBold(True)
        self.answer_label.setFont(big)
        self.answer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_label.setMinimumWidth(90)
        self.answer_caption = QLabel()
        self.answer_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_caption.setWordWrap(True)
        self.probability_label = QLabel()
        self.probability_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.probability_label.setWordWrap(True)
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.answer_caption)
        answer_box.addWidget(self.answer_label, 1)
        answer_box.addWidget(self.probability_label)

        self.preview = PixelView()
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        preview_box = QVBoxLayout()
        preview_box.addWidget(self.preview_title)
        preview_box.addWidget(self.preview, 1)

        top = QHBoxLayout()
        top.addLayout(answer_box, 2)
        top.addLayout(preview_box, 3)
        top_widget = QWidget()
        top_widget.setLayout(top)

        self.bar_plot = Plot()
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brushes=[COLORS[0]] * 10)
        self.bar_plot.addItem(self.bars)
        self.bar_text = pg.TextItem(anchor=(0.5, 1.0))
        self.bar_plot.addItem(self.bar_text)
        self.bar_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.bar_plot.setXRange(-0.6, 9.6, padding=0)
        self.bar_plot.setYRange(0, 1.1, padding=0)
        self.bar_plot.setMouseEnabled(False, False)
        self.bar_plot.setMinimumHeight(200)

        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(top_widget)
        results.addWidget(self.bar_plot)
        results.setSizes([260, 320])
        results.setMinimumWidth(300)

        self.explanation = Explanation()
        self.explanation.setMinimumWidth(250)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(canvas_panel)
        splitter.addWidget(results)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 430, 330, 270])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        canvas_panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this tab is shown
        self.undo_shortcut.activated.connect(self.undo)

    # ------------------------------------------------------------------ texts
    def title(self):
        return self.tr("Draw")

    def retranslate(self):
        self.pen_box.setTitle(self.tr("Pen"))
        self.width_label.setText(self.tr("Stroke width"))
        self.width_slider.setToolTip(self.tr("Width of the next strokes, in pixels of a 280 × 280 canvas"))
        self.width_value.setToolTip(self.width_slider.toolTip())
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every stroke and start again"))
        self.guides_check.setText(self.tr("Show box and centre of mass"))
        self.guides_check.setToolTip(self.tr(
            "Outline the ink's bounding box (orange) and mark its centre of mass (blue) on the canvas and "
            "in the 28 × 28 input"))
        self.model_box.setTitle(self.tr("Model"))
        self.model_combo.setToolTip(self.tr(
            "The network that answers: the bundled one, or one trained or loaded in the Training tab"))
        self.canvas_title.setText(self.tr("Draw a digit 0–9 here with the mouse, a pen or a finger"))
        self.canvas.setToolTip(self.tr("Hold the left button and draw; the answer updates while you draw"))
        self.preview_title.setText(self.tr("What the net sees: 28 × 28 pixels"))
        self.preview.setToolTip(self.tr(
            "The drawing after MNIST's preparation: fitted into the 20 × 20 box (orange), its centre of mass "
            "on pixel (14, 14) (blue). These 784 numbers are the net's input."))
        self.answer_caption.setText(self.tr("Answer"))
        self.bar_plot.set_labels(self.tr("digit k"), self.tr("probability y_k (softmax output)"),
                                 self.tr("The net's 10 outputs"))
        self.explanation.setHtml(self.tr(
            "<h3>Drawing a digit for the net</h3>"
            "<p>The net learnt from MNIST, and every MNIST digit was prepared the same way. Your drawing gets "
            "exactly that preparation before the net sees it:</p>"
            "<ol><li>take the <b>bounding box</b> of the ink;</li>"
            "<li>scale it to fit a <b>20 × 20</b> box, keeping its aspect ratio; averaging the covered area "
            "makes the edges grey (anti-aliasing);</li>"
            "<li>put it in a <b>28 × 28</b> frame so that its <b>centre of mass</b> "
            "Σ p·(r, c) / Σ p lands on the frame's centre, pixel (14, 14).</li></ol>"
            "<p>So it does not matter where or how big you draw: only the shape counts. The 784 grey values "
            "(0 black … 1 white) are the input x.</p>"
            "<p><b>Softmax</b> turns the net's 10 scores a<sub>k</sub> into probabilities:<br>"
            "y<sub>k</sub> = exp(a<sub>k</sub>) / Σ<sub>i</sub> exp(a<sub>i</sub>)<br>"
            "They are positive and add up to 1; the largest one is the answer (argmax).</p>"
            "<p>Try a very thin or very thick stroke, a digit squeezed flat, or a 1 with a serif, and watch "
            "the bars: the net is only as good as the resemblance to what it learnt.</p>"))
        self.models_changed()
        self.show_result()

    # ------------------------------------------------------------------ models
    def model_label(self, key: str) -> str:
        if key == "bundled":
            return self.tr("Bundled model")
        return self.hub.label(key) or key

    def models_changed(self):
        """The hub's list changed (or the language): rebuild the combo, keeping the chosen model."""
        if not hasattr(self, "model_combo"):
            return
        combo = self.model_combo
        combo.blockSignals(True)
        combo.clear()
        for key, _, _ in self.hub.items():
            combo.addItem(self.model_label(key), key)
            combo.setItemData(combo.count() - 1, self.model_label(key), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(self.state.model_key)
        if index < 0 and combo.count():
            index = 0
        combo.setCurrentIndex(index)
        combo.setEnabled(combo.count() > 0)
        combo.blockSignals(False)
        if index >= 0:
            self.state.model_key = combo.itemData(index)
        self.show_model_info()
        self.refresh()

    def on_model_chosen(self, index):
        if index >= 0:
            self.state.model_key = self.model_combo.itemData(index)
            self.show_model_info()
            self.refresh()

    def choose_model(self, key: str) -> bool:
        """Select a model by its hub key (as the combo does); False when the hub has no such model."""
        index = self.model_combo.findData(key)
        if index < 0:
            return False
        self.model_combo.setCurrentIndex(index)
        return True

    def net(self):
        return self.hub.get(self.state.model_key) if self.model_combo.count() else None

    def show_model_info(self):
        net = self.net()
        messages = []
        if self.hub.get("bundled") is None:
            messages.append(self.tr(
                "The bundled model could not be loaded (%1). Drawing still works, but there is nothing to "
                "predict with: train or load a model in the Training tab.").replace(
                    "%1", self.hub.bundled_error or self.tr("not found")))
        if net is None:
            self.model_info.setText("")
        else:
            inputs, hidden, outputs = net.sizes
            info = self.tr("%1-%2-%3 net, %4").replace("%1", str(inputs)).replace("%2", str(hidden)).replace(
                "%3", str(outputs)).replace("%4", ACTIVATION_NAMES.get(net.activation, net.activation))
            meta = getattr(net, "metadata", None) or {}
            accuracy = meta.get("test_accuracy")
            if isinstance(accuracy, (int, float)):
                info += "<br>" + self.tr("test accuracy %1 %").replace("%1", f"{100 * accuracy:.2f}")
            if meta.get("trained_by"):
                info += "<br>" + self.tr("trained by %1 (seed %2)").replace("%1", str(meta["trained_by"])).replace(
                    "%2", str(meta.get("seed", "?")))
            self.model_info.setText(info)
        self.model_message.setText(" ".join(messages))
        self.model_message.setVisible(bool(messages))

    # ------------------------------------------------------------------ drawing
    def set_pen_width(self, width: int):
        self.state.pen_width = int(width)
        self.width_value.setText(str(width))
        self.canvas.set_pen_width(width)

    def set_guides(self, on: bool):
        self.state.show_guides = bool(on)
        self.show_result()

    def undo(self):
        self.canvas.undo()
        self.refresh_now()

    def clear(self):
        self.canvas.clear()
        self.refresh_now()

    def schedule_refresh(self):
        """Coalesce mouse moves: at most one preparation + prediction every UPDATE_MS."""
        if not self._timer.isActive():
            self._timer.start()

    def refresh_now(self):
        self._timer.stop()
        self.refresh()

    def refresh(self):
        """Canvas → array → engine (to_mnist, forward pass, softmax) → preview, answer and bars."""
        if not hasattr(self, "canvas"):
            return
        s = self.state
        self.model_error = ""
        if self.canvas.is_empty():
            s.x, s.y, s.preparation = np.zeros((28, 28), np.float32), None, None
        else:
            s.preparation = preprocess.prepare(self.canvas.gray_array())
            s.x, s.y = s.preparation.image, None
            net = self.net()
            if net is not None:
                try:
                    s.y = preprocess.probabilities(net, s.x)
                except ValueError as exc:  # a published net that does not take 784 inputs
                    self.model_error = self.tr("This model cannot read a 28 × 28 digit: %1").replace(
                        "%1", str(exc))
        self.show_result()

    def show_result(self):
        if not hasattr(self, "bars"):
            return
        s = self.state
        p = s.preparation
        guides = s.show_guides and p is not None and p.bbox is not None
        if guides:
            top, left, bottom, right = p.bbox
            center = p.ink_center
            self.canvas.set_overlay(QRectF(left, top, right - left, bottom - top),
                                    QPointF(center[1] + 0.5, center[0] + 0.5))
            self.preview.set_image(s.x, box=(*p.offset, *p.box.shape), mark=(preprocess.CENTER, preprocess.CENTER))
        else:
            self.canvas.set_overlay(None, None)
            self.preview.set_image(s.x if s.x is not None else np.zeros((28, 28), np.float32))
        heights = np.zeros(10) if s.y is None else s.y
        brushes = [COLORS[0]] * 10
        if s.y is not None:
            brushes[s.answer] = COLORS[3]
        self.bars.setOpts(height=heights, brushes=brushes)
        if s.y is None:
            unanswered = not self.canvas.is_empty() and (self.net() is None or self.model_error)
            self.answer_label.setText("?" if unanswered else "–")
            self.bar_text.setText("")
            if self.model_error:
                self.probability_label.setText(self.model_error)
            elif self.net() is None:
                self.probability_label.setText(self.tr("no model"))
            else:
                self.probability_label.setText(self.tr("Draw a digit"))
        else:
            k = s.answer
            self.answer_label.setText(str(k))
            self.probability_label.setText(self.tr("probability %1 %").replace("%1", f"{100 * s.y[k]:.1f}"))
            self.bar_text.setText(f"{100 * s.y[k]:.1f} %", color=foreground())
            self.bar_text.setPos(k, float(s.y[k]))
        self.probability_label.setStyleSheet(ERROR_STYLE if self.model_error else "")

    def palette_changed(self):
        self.show_result()

    # ------------------------------------------------------------------ settings
    def save_settings(self, settings):
        settings.setValue("pen_width", self.state.pen_width)
        settings.setValue("model", self.state.model_key)
        settings.setValue("guides", self.state.show_guides)

    def restore_settings(self, settings):
        try:
            width = int(settings.value("pen_width", self.state.pen_width))
        except (TypeError, ValueError):
            width = self.state.pen_width
        self.width_slider.setValue(min(max(width, self.width_slider.minimum()), self.width_slider.maximum()))
        self.guides_check.setChecked(str(settings.value("guides", True)).lower() not in ("false", "0"))
        key = settings.value("model", "bundled")
        if isinstance(key, str):
            self.choose_model(key)
