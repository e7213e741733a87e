"""Data page: what the experiment needs while the files are missing, then the training or test pictures."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QStackedWidget, QVBoxLayout, QWidget

from gui.tabs.training.cat.page import Page
from gui.widgets.image_grid import ImageGrid
from gui.widgets.panel_helpers import need_data_page, wrapped


class DataPage(Page):
    """A stack of two: "this experiment needs …" (with Open folder…) and the pictures with their labels."""

    def __init__(self, state, status_text: Callable[[], str], class_name: Callable[[int], str]):
        super().__init__(state)
        self.status_text, self.class_name = status_text, class_name
        self.stack = QStackedWidget()
        need, self.need_title, self.need_text, self.need_error, self.need_open_button = need_data_page()
        self.stack.addWidget(need)
        shown = QWidget()
        column = QVBoxLayout(shown)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.counts = wrapped()
        self.show_train, self.show_test = QRadioButton(), QRadioButton()
        self.show_train.setChecked(True)
        self.set_group = QButtonGroup(self)
        self.set_group.addButton(self.show_train, 0)
        self.set_group.addButton(self.show_test, 1)
        self.set_group.idClicked.connect(lambda _: self.refresh_grid())
        row.addWidget(self.counts, 1)
        row.addWidget(self.show_train)
        row.addWidget(self.show_test)
        self.grid = ImageGrid(scale=1.0, caption_lines=1)
        column.addLayout(row)
        column.addWidget(self.grid, 1)
        self.stack.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()

    def retranslate(self):
        self.need_title.setText(self.tr("This experiment needs the cat / non-cat data set"))
        self.need_text.setText(self.tr(
            "<p>Open the folder that holds the lessons' two files:</p>"
            "<ul><li><b>train_catvnoncat.h5</b> — 209 training pictures (72 cats)</li>"
            "<li><b>test_catvnoncat.h5</b> — 50 test pictures (33 cats)</li></ul>"
            "<p>Learners usually have them in the <b>datasets/</b> folder beside the lessons' notebooks "
            "(the folder that <code>load_dataset()</code> reads: datasets/train_catvnoncat.h5). "
            "Click <i>Open folder…</i> and choose that folder; the app remembers it.</p>"))
        self.need_open_button.setText(self.tr("Open folder…"))
        self.need_open_button.setToolTip(self.tr("Choose the folder that holds train_catvnoncat.h5 and "
                                                 "test_catvnoncat.h5 (remembered for next time)"))
        self.show_train.setText(self.tr("Training set"))
        self.show_test.setText(self.tr("Test set"))
        self.show_train.setToolTip(self.tr("Show the 209 training pictures with their labels"))
        self.show_test.setToolTip(self.tr("Show the 50 test pictures with their labels"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>The data</h3><p>Each picture is 64×64 pixels with 3 colour values: 12,288 numbers. "
            "Logistic regression sees them as one long vector x, flattened and divided by 255:</p>"
            "<p><code>X = images.reshape(m, −1) / 255</code></p>"
            "<p>The label y is 1 for a cat and 0 for anything else.</p>")

    def refresh(self):
        """The pictures once the data is there, else what is needed (and what is wrong with the folder)."""
        s = self.state
        if s.data is None:
            self.stack.setCurrentIndex(0)
            self.need_error.setText(self.status_text() if s.data_error else "")
        else:
            self.counts.setText(self.status_text())
            self.stack.setCurrentIndex(1)
        self.refresh_grid()

    def refresh_grid(self):
        """The chosen set's pictures with their labels (a tooltip names each one)."""
        s = self.state
        if s.data is None:
            self.grid.set_images(np.zeros((0, 64, 64, 3), np.uint8), [])
            return
        train_x, train_y, test_x, test_y, _ = s.data
        test = self.show_test.isChecked()
        images, labels = (test_x, test_y) if test else (train_x, train_y)
        captions = [self.class_name(t) for t in labels]
        which = self.tr("Test picture %1: %2") if test else self.tr("Training picture %1: %2")
        tips = [which.replace("%1", str(k)).replace("%2", c) for k, c in enumerate(captions)]
        self.grid.set_images(images, captions, tooltips=tips)
