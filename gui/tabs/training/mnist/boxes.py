"""The MNIST panel's small boxes on the left: Data (where MNIST is, Get MNIST…) and Model (save / load: a part of
the Training box)."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.widgets.panel_helpers import ERROR_STYLE, Retranslated, muted, wrapped


class DataBox(Retranslated, QGroupBox):
    """MNIST's state in one line, where it was read from, and Get MNIST… while it is missing."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.loading = False
        v = QVBoxLayout(self)
        self.status = wrapped()
        self.source_label = muted(wrapped())
        self.get_button = QPushButton()
        v.addWidget(self.status)
        v.addWidget(self.source_label)
        v.addWidget(self.get_button)
        self.retranslate()

    def retranslate(self):
        self.setTitle(self.tr("Data"))
        self.get_button.setText(self.tr("Get MNIST…"))
        self.get_button.setToolTip(self.tr("Download MNIST or import a copy you already have"))
        self.refresh()

    def status_text(self):
        s = self.state
        if s.data is not None:
            (x_train, _), (x_test, _) = s.data
            return self.tr("MNIST: %1 training images, %2 test images.").replace(
                "%1", f"{len(x_train):,}").replace("%2", f"{len(x_test):,}")
        if self.loading:
            return self.tr("Loading MNIST…")
        if s.data_error:
            return self.tr("Cannot read MNIST: %1").replace("%1", s.data_error)
        return self.tr("MNIST is not here yet.")

    def refresh(self):
        s = self.state
        self.source_label.setText(s.source)
        self.source_label.setVisible(bool(s.source))
        self.status.setStyleSheet(ERROR_STYLE if s.data_error else "")
        self.status.setText(self.status_text())
        self.get_button.setVisible(s.data is None)

    def say_no_dialog(self):
        self.status.setText(self.tr("The data dialog is not available in this build."))


class ModelBox(Retranslated, QWidget):
    """Save model… / Load model… and the last file operation's message: a part of the Training box (under the
    accuracies it saves), not a box of its own, so the column fits a 1280×720 window."""

    def __init__(self):
        super().__init__()
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.save_button, self.load_button = QPushButton(), QPushButton()
        row.addWidget(self.save_button)
        row.addWidget(self.load_button)
        self.status = wrapped()
        self.status.hide()
        self._message = None  # (() → text, error): made again in the new language after a switch
        v.addLayout(row)
        v.addWidget(self.status)
        self.retranslate()

    def retranslate(self):
        self.save_button.setText(self.tr("Save model…"))
        self.save_button.setToolTip(self.tr("Write the weights to a .npz file (NumPy's format)"))
        self.load_button.setText(self.tr("Load model…"))
        self.load_button.setToolTip(self.tr("Read a model saved before; the Draw tab can use it too"))
        if self._message is not None:
            self.say(*self._message)

    def say(self, make_text, error=False):
        """Show make_text() (a function, so a language switch can make the text again), red when an error."""
        self._message = (make_text, error)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(make_text())
        self.status.setVisible(True)
