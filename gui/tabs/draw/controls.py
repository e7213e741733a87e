"""The Draw tab's left column: the pen (width, Undo, Clear, guides) and the model that answers."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.panel_helpers import ControlColumn

ERROR_STYLE = "color: #D55E00;"
ACTIVATION_NAMES = {"relu": "ReLU", "sigmoid": "sigmoid"}
TAIL = re.compile(r"^(.*?)(\s*[(（][^()（）]*[)）])$")  # a name's last part in brackets: "(test accuracy 0.9734)"


def keep_tail(text: str, metrics, width: int) -> str:
    """`text` cut to `width` pixels at the end of its name, never in its last part in brackets (a model's test
    accuracy): "Trained in the Tr… (test accuracy 0.9734)"."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    match = TAIL.match(text)
    if match is None:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    name, tail = match.groups()
    room = width - metrics.horizontalAdvance(tail)
    if room < metrics.horizontalAdvance("……"):
        return metrics.elidedText(tail.strip(), Qt.TextElideMode.ElideLeft, width)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + tail


class ModelCombo(QComboBox):
    """The model chooser: a name too long for the box is cut before its accuracy, which stays whole."""

    def shown_text(self) -> str:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return keep_tail(option.currentText, self.fontMetrics(), field.width() - 4)

    def paintEvent(self, event):
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class DrawControls(ControlColumn):
    """Writes the pen width, guides and model into the state, then emits `changed` with what changed."""

    changed = Signal(str)  # "pen_width", "show_guides" or "model_key"
    undo_requested = Signal()
    clear_requested = Signal()

    def __init__(self, state, hub):
        super().__init__()
        self.state = state
        self.hub = hub
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.addWidget(self._build_pen())
        layout.addWidget(self._build_model())
        layout.addStretch(1)
        self.set_column(left, 245, 320)
        self.retranslate()

    def _build_pen(self):
        self.pen_box = QGroupBox()
        form = QFormLayout(self.pen_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.width_label = QLabel()
        self.width_slider = QSlider(Qt.Orientation.Horizontal)
        self.width_slider.setRange(4, 48)
        self.width_slider.setValue(self.state.pen_width)
        self.width_slider.valueChanged.connect(self.on_width_chosen)
        self.width_value = QLabel(str(self.state.pen_width))
        self.width_value.setMinimumWidth(24)
        row = QHBoxLayout()
        row.addWidget(self.width_slider, 1)
        row.addWidget(self.width_value)
        form.addRow(self.width_label, row)
        self.undo_button = QPushButton()
        self.clear_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_requested)
        self.clear_button.clicked.connect(self.clear_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        form.addRow(buttons)
        self.guides_check = QCheckBox()
        self.guides_check.setChecked(self.state.show_guides)
        self.guides_check.toggled.connect(lambda on: self._write("show_guides", bool(on)))
        form.addRow(self.guides_check)
        return self.pen_box

    def _build_model(self):
        self.model_box = QGroupBox()
        layout = QVBoxLayout(self.model_box)
        self.model_combo = ModelCombo()
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(12)
        self.model_combo.currentIndexChanged.connect(
            lambda i: i >= 0 and self._write("model_key", self.model_combo.itemData(i)))
        self.model_info = QLabel()
        self.model_info.setWordWrap(True)
        self.model_message = QLabel()
        self.model_message.setWordWrap(True)
        self.model_message.setStyleSheet(ERROR_STYLE)
        self.model_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.model_combo)
        layout.addWidget(self.model_info)
        layout.addWidget(self.model_message)
        return self.model_box

    def on_width_chosen(self, width):
        self.width_value.setText(str(width))
        self._write("pen_width", int(width))

    def _write(self, name, value):
        setattr(self.state, name, value)
        self.changed.emit(name)

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
        self.show_models()

    def model_label(self, key: str) -> str:
        if key == "bundled":
            return self.tr("Bundled model")
        return self.hub.label(key) or key

    def activation_name(self, name: str) -> str:
        return self.tr("identity") if name == "identity" else ACTIVATION_NAMES.get(name, name)

    def show_state(self):
        """Set the pen controls from the state (without echoing the changes back)."""
        for w in (self.width_slider, self.guides_check):
            w.blockSignals(True)
        self.width_slider.setValue(self.state.pen_width)
        self.width_value.setText(str(self.state.pen_width))
        self.guides_check.setChecked(self.state.show_guides)
        for w in (self.width_slider, self.guides_check):
            w.blockSignals(False)

    def show_models(self):
        """The hub's models in the combo, keeping the state's choice (the first model when it is gone)."""
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
        texts = [combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())]
        combo.view().setMinimumWidth(max(texts, default=0) + 3 * combo.fontMetrics().height())  # names whole
        combo.blockSignals(False)
        if index >= 0:
            self.state.model_key = combo.itemData(index)
        self.show_model_info()

    def show_model_info(self):
        """The chosen net's sizes, activation, accuracy and origin; why the bundled model is missing, if it is."""
        net = self.hub.get(self.state.model_key) if self.model_combo.count() else None
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
                "%3", str(outputs)).replace("%4", self.activation_name(net.activation))
            if self.state.model_key != "bundled":  # its whole name, which the combo may have to cut
                info = html.escape(self.model_label(self.state.model_key)) + "<br>" + info
            meta = net.meta
            accuracy = meta.get("test_accuracy")
            if isinstance(accuracy, (int, float)):
                info += "<br>" + self.tr("test accuracy %1 %").replace("%1", f"{100 * accuracy:.2f}")
            if meta.get("trained_by"):
                info += "<br>" + self.tr("trained by %1 (seed %2)").replace("%1", str(meta["trained_by"])).replace(
                    "%2", str(meta.get("seed", "?")))
            self.model_info.setText(info)
        self.model_message.setText(" ".join(messages))
        self.model_message.setVisible(bool(messages))
