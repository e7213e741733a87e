"""The Data dialog's four parts: where MNIST lives, Download, Import a copy, Copies found on this computer.

Each part is a view of the dialog's DataState: `refresh()` draws it from the state (texts, enabled buttons),
`retranslate()` sets its fixed texts and redraws. The buttons are connected by the dialog, which owns the actions.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from gui.data_dialog.source import mnist_folder, same_place
from gui.data_dialog.state import DataState
from gui.settings import data_dir_problem
from gui.widgets.plots import COLORS
from gui.widgets.progress import RateProgress, format_bytes

PROBLEM_STYLE = f"color: {COLORS[3]};"


def wrapped_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """The buttons side by side on the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class _Box(QGroupBox):
    """A part of the dialog: builds its widgets, then sets its texts; redraws itself on a language change."""

    def __init__(self, state: DataState, parent=None):
        super().__init__(parent)
        self.state = state
        self._build()
        self.retranslate()

    def _build(self):
        raise NotImplementedError

    def retranslate(self):
        raise NotImplementedError

    def refresh(self):
        raise NotImplementedError

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class WhereBox(_Box):
    """The MNIST folder (Open folder) and which MNIST is in use, with its check."""

    def _build(self):
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.open_button = QPushButton()
        row.addWidget(self.folder_label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.problem_label = wrapped_label()  # the data folder fell back to a temporary one: why, and what to do
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)  # paths and an OS message, never markup
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        row = QHBoxLayout()
        self.status_label = wrapped_label()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def retranslate(self):
        self.setTitle(self.tr("Where MNIST lives"))
        self.folder_label.setText(self.tr("MNIST folder:"))
        self.folder_edit.setToolTip(self.tr("Downloads and imports go to this folder, inside the app's data "
                                            "folder (select the text to copy it)"))
        self.open_button.setText(self.tr("Open folder"))
        self.open_button.setToolTip(self.tr("Show this folder in the file manager"))
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Read every file of the MNIST in use and count the images and "
                                             "labels (takes about a second)"))
        self.status_label.setToolTip(self.tr("Which MNIST the Training tab uses"))
        self.refresh()

    def refresh(self):
        self.folder_edit.setText(str(mnist_folder()))
        problem = data_dir_problem()  # in the current language; '' when the usual data folder works
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.status_label.setText(self.status_text())
        self.check_button.setEnabled(not self.state.job and self.state.source is not None)

    def status_text(self) -> str:
        s = self.state
        if s.job == "check":
            return self.tr("Checking %1 …").replace("%1", html.escape(str(s.source)))
        if s.source is None:
            return self.tr("<b>Missing:</b> MNIST is not on this computer yet, or not where the app looks. "
                           "Download it, import a copy, or use a copy found below.")
        where = html.escape(str(s.source))
        if s.summary is None:
            return self.tr("<b>Found</b> at %1 (not checked yet: Check reads it all).").replace("%1", where)
        return (self.tr("<b>Found</b> at %1 — checked: %2 training and %3 test images, every label 0–9.")
                .replace("%1", where).replace("%2", f"{s.summary['train']:,}")
                .replace("%3", f"{s.summary['test']:,}"))


class DownloadBox(_Box):
    """Download / Cancel, the progress (bytes, rate, time left) and the log of files and mirrors."""

    def _build(self):
        layout = QVBoxLayout(self)
        self.hint = wrapped_label()
        layout.addWidget(self.hint)
        self.download_button = QPushButton()
        self.cancel_button = QPushButton()
        layout.addLayout(button_row(self.download_button, self.cancel_button))
        self.progress = RateProgress(unit="bytes")
        layout.addWidget(self.progress)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        layout.addWidget(self.log)

    def retranslate(self):
        self.setTitle(self.tr("Download"))
        self.hint.setText(self.tr(
            "Fetches the four standard files from the usual public mirrors, one after the other until one "
            "works, and checks each against its published MD5. A file only takes its real name once it is "
            "complete and correct."))
        self.download_button.setText(self.tr("Download"))
        self.download_button.setToolTip(self.tr("Download the four MNIST files into the MNIST folder (files "
                                                "already there and correct are kept)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the download; the unfinished file is deleted"))
        self.progress.setToolTip(self.tr("Bytes received of all four files, download rate and time left"))
        self.log.setToolTip(self.tr("What the download is doing, and mirrors that failed"))
        self.log.setPlaceholderText(self.tr("Each file, the mirror it comes from and its MD5 check will be "
                                            "listed here."))
        self.refresh()

    def refresh(self):
        s = self.state
        log = "\n".join(self.log_text(entry) for entry in s.log)
        if log != self.log.toPlainText():
            self.log.setPlainText(log)
            bar = self.log.verticalScrollBar()
            bar.setValue(bar.maximum())  # the newest line in view
        if s.downloaded and not s.job:
            self.progress.finish(self.tr("%1 downloaded and verified").replace("%1", format_bytes(s.downloaded)))
        self.download_button.setEnabled(not s.job)
        self.cancel_button.setEnabled(s.job == "download")

    def log_text(self, entry) -> str:
        key, *args = entry
        if key == "file":
            return self.tr("%1 from %2").replace("%1", args[0]).replace("%2", args[1])
        if key == "kept":
            return self.tr("%1 is already here and correct: kept").replace("%1", args[0])
        if key == "verified":
            return self.tr("%1: MD5 verified").replace("%1", args[0])
        return self.tr("%1 failed: %2 — trying the next mirror").replace("%1", args[0]).replace("%2", args[1])


class ImportBox(_Box):
    """Import folder… / Import file…: a copy the user points at, checked and copied into the MNIST folder."""

    def _build(self):
        layout = QVBoxLayout(self)
        self.hint = wrapped_label()
        layout.addWidget(self.hint)
        self.import_folder_button = QPushButton()
        self.import_file_button = QPushButton()
        layout.addLayout(button_row(self.import_folder_button, self.import_file_button))

    def retranslate(self):
        self.setTitle(self.tr("Import a copy you have"))
        self.hint.setText(self.tr(
            "A folder with the four IDX files (train-images-idx3-ubyte.gz … , gzipped or not), the book's "
            "dataset/mnist.pkl, or Keras's mnist.npz. It is checked completely, then copied into the MNIST "
            "folder."))
        self.import_folder_button.setText(self.tr("Import folder…"))
        self.import_folder_button.setToolTip(self.tr("Choose a folder holding the four IDX files"))
        self.import_file_button.setText(self.tr("Import file…"))
        self.import_file_button.setToolTip(self.tr("Choose the book's mnist.pkl or Keras's mnist.npz"))
        self.refresh()

    def refresh(self):
        self.import_folder_button.setEnabled(not self.state.job)
        self.import_file_button.setEnabled(not self.state.job)


class FoundBox(_Box):
    """The copies found in the usual places (the one in use marked), Use this copy and Search again."""

    def _build(self):
        layout = QVBoxLayout(self)
        self.found_list = QListWidget()
        self.found_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        self.found_list.currentRowChanged.connect(lambda _row: self.refresh_buttons())
        self.found_empty = wrapped_label()
        layout.addWidget(self.found_list)
        layout.addWidget(self.found_empty)
        self.use_button = QPushButton()
        self.search_button = QPushButton()
        layout.addLayout(button_row(self.use_button, self.search_button))
        self._listed: list = []  # the places the list shows, to rebuild it only when state.found changes

    def retranslate(self):
        self.setTitle(self.tr("Copies found on this computer"))
        self.found_list.setToolTip(self.tr("MNIST copies in the usual places (~/.keras/datasets, a checkout of "
                                           "the book's code with its dataset/ folder, …)"))
        self.found_empty.setText(self.tr(
            "No copy found in the usual places (~/.keras/datasets/mnist.npz, the book's "
            "deep-learning-from-scratch/dataset/, data/MNIST/raw)."))
        self.use_button.setText(self.tr("Use this copy"))
        self.use_button.setToolTip(self.tr("Check the selected copy and use it where it is (nothing is copied)"))
        self.search_button.setText(self.tr("Search again"))
        self.search_button.setToolTip(self.tr("Look in the usual places again"))
        self.refresh()

    def selected(self) -> Path | None:
        row = self.found_list.currentRow()
        return self.state.found[row] if 0 <= row < len(self.state.found) else None

    def refresh(self):
        s = self.state
        if self._listed != s.found:  # a new search: list it anew, the first copy selected
            self._listed = list(s.found)
            self.found_list.clear()
            for place in s.found:
                self.found_list.addItem(QListWidgetItem(str(place)))
            if s.found:
                self.found_list.setCurrentRow(0)
        self.found_list.setVisible(bool(s.found))
        self.found_empty.setVisible(not s.found)
        for i, place in enumerate(s.found):
            text = str(place)
            if s.source is not None and same_place(place, s.source):
                text = self.tr("%1 (in use)").replace("%1", text)
            self.found_list.item(i).setText(text)
            self.found_list.item(i).setToolTip(self.kind_text(place))
        self.refresh_buttons()

    def refresh_buttons(self):
        self.use_button.setEnabled(not self.state.job and self.found_list.currentRow() >= 0)
        self.search_button.setEnabled(not self.state.job)

    def kind_text(self, place: Path) -> str:
        if place.suffix == ".npz":
            return self.tr("Keras's mnist.npz")
        if place.suffix == ".pkl":
            return self.tr("The book's mnist.pkl")
        return self.tr("A folder with the four IDX files")
