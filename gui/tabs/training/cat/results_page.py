"""Results page: the trained model's answers on the 50 test pictures (the wrong ones framed) and its learned
weights w as a picture."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from engine.lab import logistic as logistic_lab
from gui.tabs.training.cat.page import Page
from gui.widgets.image_grid import ImageGrid, pixmap_from_array
from gui.widgets.panel_helpers import muted, wrapped


class ResultsPage(Page):
    """The test pictures with the model's answer and ŷ, and w reshaped to 64×64×3 (shown 3× larger)."""

    def __init__(self, state, class_name: Callable[[int], str]):
        super().__init__(state)
        self.class_name = class_name
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.results_summary = wrapped()
        self.results_grid = ImageGrid(scale=1.0, caption_lines=2)
        left_column.addWidget(self.results_summary)
        left_column.addWidget(self.results_grid, 1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        self.weights_title = QLabel()
        font = self.weights_title.font()
        font.setBold(True)
        self.weights_title.setFont(font)
        self.weights_image = QLabel()
        self.weights_image.setFixedSize(QSize(192, 192))
        self.weights_image.setFrameShape(QFrame.Shape.StyledPanel)
        self.weights_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.weights_note = muted(wrapped())
        right_column.addWidget(self.weights_title)
        right_column.addWidget(self.weights_image)
        right_column.addWidget(self.weights_note)
        right_column.addStretch(1)
        right.setMinimumWidth(210)
        right.setMaximumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self):
        self.weights_title.setText(self.tr("The learned weights w"))
        self.weights_note.setText(self.tr(
            "The 12,288 weights reshaped to 64×64×3 and stretched from the smallest (dark) to the largest "
            "(bright). Bright pixels push the answer toward “cat”."))
        self.weights_image.setToolTip(self.tr("w as a picture (shown 3× larger)"))
        self.results_grid.setToolTip(self.tr("Test pictures with the prediction and ŷ = P(cat); wrong ones are "
                                             "framed"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Overfitting</h3><p>With the lessons' settings the model gets 99 % of the training "
            "pictures right but only 70 % of the test pictures.</p><p>It has 12,289 parameters and only "
            "209 examples: it learns the training pictures almost by heart instead of what makes a cat. "
            "More data, regularisation or stopping earlier help; a single neuron is also simply a weak "
            "model for pictures.</p><p>A prediction is “cat” when ŷ > 0.5.</p>")

    def refresh(self):
        s = self.state
        if s.model is None or s.data is None:
            self.results_grid.set_images(np.zeros((0, 64, 64, 3), np.uint8), [])
            self.results_summary.setText(self.tr("Train the model (Start) to see its answers on the test "
                                                 "pictures."))
            self.weights_image.setPixmap(pixmap_from_array(np.full((64, 64, 3), 0.5), 3))
            return
        _, _, test_x, test_y, _ = s.data
        p = logistic_lab.predictions(s.model, test_x, test_y)
        captions, tips = [], []
        for k in range(len(test_y)):
            mark = "✗ " if not p["correct"][k] else ""
            captions.append(f"{mark}{self.class_name(p['predicted'][k])}\nŷ = {p['proba'][k]:.2f}")
            tips.append(self.tr("Test picture %1: it is a %2; the model says %3 (ŷ = P(cat) = %4)")
                        .replace("%1", str(k)).replace("%2", self.class_name(test_y[k]))
                        .replace("%3", self.class_name(p["predicted"][k])).replace("%4", f"{p['proba'][k]:.4f}"))
        self.results_grid.set_images(test_x, captions, marked=~p["correct"], tooltips=tips)
        wrong = int(np.sum(~p["correct"]))
        self.results_summary.setText(
            self.tr("Test pictures: %1 of %2 right, %3 wrong (framed, ✗).").replace("%1", str(len(test_y) - wrong))
            .replace("%2", str(len(test_y))).replace("%3", str(wrong)))
        self.weights_image.setPixmap(pixmap_from_array(logistic_lab.weights_image(s.model.params["w"]), 3))
