"""The "MNIST data" dialog: where MNIST lives, and the three ways to get it there (download, import, a found copy).

Every long step (download, import, the full check) runs on gui.worker.Worker; the engine does the work
(engine.data.download.download_mnist, engine.data.datasets.import_mnist / mnist_summary / find_existing_mnist).
The MNIST training panel uses mnist_source() and ask_for_mnist(); the chosen folder or file is remembered in
QSettings under SETTINGS_KEY.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from engine.data import datasets, download
from gui import settings
from gui.widgets.plots import COLORS
from gui.widgets.progress import RateProgress, format_bytes

SETTINGS_KEY = "data/mnist"  # QSettings key (gui.settings.app_settings()) holding the chosen MNIST folder or file
ERROR_STYLE = f"color: {COLORS[3]};"
WIDTH = 800  # the dialog's starting width; its height follows from the wrapped texts
CLOSE_WAIT_MS = 5_000  # how long closing the dialog waits for a download to stop between two chunks


def mnist_folder() -> Path:
    """The data folder's mnist/: where downloads and imports go (looked up now: tests isolate the data folder)."""
    return datasets.default_mnist_dir(settings.data_dir())


def mnist_source() -> Path | None:
    """Where usable MNIST is: the remembered folder/file in SETTINGS_KEY if it still exists, else the data
    folder's mnist/ (engine.data.datasets.default_mnist_dir(gui.settings.data_dir())) when it holds the four files;
    None otherwise."""
    value = settings.app_settings().value(SETTINGS_KEY)
    if value:
        remembered = Path(str(value))
        if remembered.exists():
            return remembered
    folder = mnist_folder()
    return folder if datasets.has_mnist_files(folder) else None


def remember_source(path) -> None:
    """Store `path` as the MNIST to use."""
    store = settings.app_settings()
    store.setValue(SETTINGS_KEY, str(path))
    store.sync()


@dataclass
class DataState:
    """What the dialog shows: the source in use, its check, the running job, the last message and the log."""

    source: Path | None = None
    summary: dict | None = None  # engine.data.datasets.mnist_summary of `source`, after a check
    job: str = ""  # "", "download", "import", "use", "check"
    message: tuple = ()  # (key, *args) rendered by DataDialog.message_text
    log: list = field(default_factory=list)  # download lines: (key, *args)
    found: list = field(default_factory=list)  # copies found in the usual places


class DataDialog(QDialog):
    """Shows the MNIST folder and its status; Download, Import folder… / Import file…, and copies found on disk."""

    mnist_ready = Signal(str)  # the folder/file, when a download, import or "use this copy" completes

    def __init__(self, parent=None, mirrors=None, candidates=None):
        """mirrors: base URLs to download from (default engine.data.download.MIRRORS); candidates: places to look
        for a copy (default: the usual ones, engine.data.datasets.find_existing_mnist)."""
        super().__init__(parent)
        self.setObjectName("DataDialog")
        self.mirrors = list(download.MIRRORS if mirrors is None else mirrors)
        self.candidates = candidates
        self.state = DataState()
        self.worker = None
        self._job_result = None
        self._build()
        self.retranslate()
        self.refresh_source()
        self.search_copies()
        self.resize(WIDTH, self.layout().totalHeightForWidth(WIDTH))

    # ================================================================== layout
    def _build(self):
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.where_box = QGroupBox()
        where = QVBoxLayout(self.where_box)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_folder)
        row.addWidget(self.folder_label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.open_button)
        where.addLayout(row)
        row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        where.addLayout(row)
        layout.addWidget(self.where_box)

        self.download_box = QGroupBox()
        down = QVBoxLayout(self.download_box)
        self.download_hint = QLabel()
        self.download_hint.setWordWrap(True)
        down.addWidget(self.download_hint)
        row = QHBoxLayout()
        self.download_button = QPushButton()
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_download)
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        down.addLayout(row)
        self.progress = RateProgress(unit="bytes")
        down.addWidget(self.progress)
        self.download_log = QPlainTextEdit()
        self.download_log.setReadOnly(True)
        self.download_log.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        down.addWidget(self.download_log)
        layout.addWidget(self.download_box)

        self.import_box = QGroupBox()
        imp = QVBoxLayout(self.import_box)
        self.import_hint = QLabel()
        self.import_hint.setWordWrap(True)
        imp.addWidget(self.import_hint)
        row = QHBoxLayout()
        self.import_folder_button = QPushButton()
        self.import_folder_button.clicked.connect(self.import_folder)
        self.import_file_button = QPushButton()
        self.import_file_button.clicked.connect(self.import_file)
        row.addWidget(self.import_folder_button)
        row.addWidget(self.import_file_button)
        row.addStretch(1)
        imp.addLayout(row)
        sources = QHBoxLayout()  # import and found copies side by side: the dialog fits a 720-pixel screen
        sources.addWidget(self.import_box, 1)
        layout.addLayout(sources)

        self.found_box = QGroupBox()
        found = QVBoxLayout(self.found_box)
        self.found_list = QListWidget()
        self.found_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        self.found_list.currentRowChanged.connect(lambda _row: self.refresh_buttons())
        self.found_list.itemDoubleClicked.connect(lambda _item: self.use_selected_copy())
        self.found_empty = QLabel()
        self.found_empty.setWordWrap(True)
        found.addWidget(self.found_list)
        found.addWidget(self.found_empty)
        row = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self.use_selected_copy)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.search_copies)
        row.addWidget(self.use_button)
        row.addWidget(self.search_button)
        row.addStretch(1)
        found.addLayout(row)
        sources.addWidget(self.found_box, 1)

        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # paths and engine messages, never markup
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)  # room kept: no jumping
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def retranslate(self):
        self.setWindowTitle(self.tr("MNIST data"))
        self.intro.setText(self.tr(
            "The MNIST handwritten digits: 60,000 training images and 10,000 test images of 28×28 pixels with "
            "their labels 0–9, in four files (about 11.6 MB). The Training tab needs them once; they stay in "
            "your data folder."))
        self.where_box.setTitle(self.tr("Where MNIST lives"))
        self.folder_label.setText(self.tr("MNIST folder:"))
        self.folder_edit.setToolTip(self.tr("Downloads and imports go to this folder, inside the app's data "
                                            "folder (select the text to copy it)"))
        self.open_button.setText(self.tr("Open folder"))
        self.open_button.setToolTip(self.tr("Show this folder in the file manager"))
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Read every file of the MNIST in use and count the images and "
                                             "labels (takes about a second)"))
        self.status_label.setToolTip(self.tr("Which MNIST the Training tab uses"))
        self.download_box.setTitle(self.tr("Download"))
        self.download_hint.setText(self.tr(
            "Fetches the four standard files from the usual public mirrors, one after the other until one "
            "works, and checks each against its published MD5. A file only takes its real name once it is "
            "complete and correct."))
        self.download_button.setText(self.tr("Download"))
        self.download_button.setToolTip(self.tr("Download the four MNIST files into the MNIST folder (files "
                                                "already there and correct are kept)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the download; the unfinished file is deleted"))
        self.progress.setToolTip(self.tr("Bytes received of all four files, download rate and time left"))
        self.download_log.setToolTip(self.tr("What the download is doing, and mirrors that failed"))
        self.download_log.setPlaceholderText(self.tr("Each file, the mirror it comes from and its MD5 check "
                                                     "will be listed here."))
        self.import_box.setTitle(self.tr("Import a copy you have"))
        self.import_hint.setText(self.tr(
            "A folder with the four IDX files (train-images-idx3-ubyte.gz … , gzipped or not), the book's "
            "dataset/mnist.pkl, or Keras's mnist.npz. It is checked completely, then copied into the MNIST "
            "folder."))
        self.import_folder_button.setText(self.tr("Import folder…"))
        self.import_folder_button.setToolTip(self.tr("Choose a folder holding the four IDX files"))
        self.import_file_button.setText(self.tr("Import file…"))
        self.import_file_button.setToolTip(self.tr("Choose the book's mnist.pkl or Keras's mnist.npz"))
        self.found_box.setTitle(self.tr("Copies found on this computer"))
        self.found_list.setToolTip(self.tr("MNIST copies in the usual places (~/.keras/datasets, a checkout of "
                                           "the book's code with its dataset/ folder, …)"))
        self.found_empty.setText(self.tr(
            "No copy found in the usual places (~/.keras/datasets/mnist.npz, the book's "
            "deep-learning-from-scratch/dataset/, data/MNIST/raw)."))
        self.use_button.setText(self.tr("Use this copy"))
        self.use_button.setToolTip(self.tr("Check the selected copy and use it where it is (nothing is copied)"))
        self.search_button.setText(self.tr("Search again"))
        self.search_button.setToolTip(self.tr("Look in the usual places again"))
        self.message_label.setToolTip(self.tr("The result of the last action"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            self.tr("Close this window (a running download is cancelled)"))
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ================================================================== showing the state
    def refresh(self):
        s = self.state
        self.folder_edit.setText(str(mnist_folder()))
        self.status_label.setText(self.status_text())
        self.message_label.setText(self.message_text(s.message))
        error = bool(s.message) and s.message[0].endswith("failed")
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")
        log = "\n".join(self.log_text(entry) for entry in s.log)
        if log != self.download_log.toPlainText():
            self.download_log.setPlainText(log)
            bar = self.download_log.verticalScrollBar()
            bar.setValue(bar.maximum())  # the newest line in view
        self.found_list.setVisible(bool(s.found))
        self.found_empty.setVisible(not s.found)
        self.fit_height()
        for i in range(self.found_list.count()):
            item = self.found_list.item(i)
            place = s.found[i]
            text = str(place)
            if s.source is not None and _same(place, s.source):
                text = self.tr("%1 (in use)").replace("%1", text)
            item.setText(text)
            item.setToolTip(self.kind_text(place))
        self.refresh_buttons()

    def fit_height(self):
        """Grow (never shrink) so that a long message or wrapped text is not squeezed, within the screen."""
        needed = self.layout().totalHeightForWidth(self.width())
        screen = self.screen().availableGeometry().height() if self.screen() is not None else needed
        if self.height() < needed and self.height() < screen:
            self.resize(self.width(), min(needed, screen))

    def refresh_buttons(self):
        idle = not self.is_busy()
        self.download_button.setEnabled(idle)
        self.cancel_button.setEnabled(self.state.job == "download")
        self.import_folder_button.setEnabled(idle)
        self.import_file_button.setEnabled(idle)
        self.check_button.setEnabled(idle and self.state.source is not None)
        self.use_button.setEnabled(idle and self.found_list.currentRow() >= 0)
        self.search_button.setEnabled(idle)

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

    def message_text(self, message) -> str:
        if not message:
            return ""
        key, *args = message
        templates = {
            "downloading": self.tr("Downloading into %1 …"),
            "downloaded": self.tr("Downloaded and verified the four files in %1."),
            "download_failed": self.tr("Download failed: %1"),
            "cancelling": self.tr("Cancelling …"),
            "cancelled": self.tr("Download cancelled: no half-written file was kept."),
            "importing": self.tr("Checking and copying %1 …"),
            "imported": self.tr("Imported %1 into %2."),
            "import_failed": self.tr("Cannot import this copy: %1"),
            "using": self.tr("Checking %1 …"),
            "used": self.tr("Using the copy at %1 (%2 training and %3 test images)."),
            "use_failed": self.tr("Cannot use this copy: %1"),
            "check_failed": self.tr("The check found a problem: %1"),
            "open_failed": self.tr("Cannot open %1 in the file manager."),
        }
        text = templates[key]
        for i, arg in enumerate(args, start=1):
            text = text.replace(f"%{i}", f"{arg:,}" if isinstance(arg, int) else str(arg))
        return text

    def log_text(self, entry) -> str:
        key, *args = entry
        if key == "file":
            return self.tr("%1 from %2").replace("%1", args[0]).replace("%2", args[1])
        if key == "kept":
            return self.tr("%1 is already here and correct: kept").replace("%1", args[0])
        if key == "verified":
            return self.tr("%1: MD5 verified").replace("%1", args[0])
        return self.tr("%1 failed: %2 — trying the next mirror").replace("%1", args[0]).replace("%2", args[1])

    def kind_text(self, place: Path) -> str:
        if place.suffix == ".npz":
            return self.tr("Keras's mnist.npz")
        if place.suffix == ".pkl":
            return self.tr("The book's mnist.pkl")
        return self.tr("A folder with the four IDX files")

    def refresh_source(self):
        """Look again at which MNIST is in use (it may have appeared or moved)."""
        source = mnist_source()
        if source is None or self.state.source is None or not _same(source, self.state.source):
            self.state.summary = None
        self.state.source = source

    def search_copies(self):
        """Fill the list with copies in the usual places (cheap: nothing is read)."""
        if self.candidates is not None:
            found = datasets.find_existing_mnist(self.candidates)
        else:
            found = datasets.find_existing_mnist()
        found = [p for p in found if not _same(p, mnist_folder())]  # our own folder is not "a copy"
        self.state.found = found
        self.found_list.clear()
        for place in found:
            self.found_list.addItem(QListWidgetItem(str(place)))
        if found:
            self.found_list.setCurrentRow(0)
        self.refresh()

    # ================================================================== actions
    def open_folder(self):
        folder = mnist_folder()
        target = folder if folder.is_dir() else folder.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.state.message = ("open_failed", str(target))
            self.refresh()

    def is_busy(self) -> bool:
        """A job is running (its thread may still be tidying up for a moment after done: that is not busy)."""
        return bool(self.state.job)

    def start_download(self):
        if self.is_busy():
            return
        dest, mirrors = mnist_folder(), list(self.mirrors)
        self.state.log = []
        self.state.message = ("downloading", str(dest))
        self.progress.start(sum(datasets.MNIST_SIZES.values()))
        self._run("download", lambda: download.download_mnist(dest, mirrors=mirrors))

    def cancel_download(self):
        if self.state.job == "download" and self.worker is not None:
            self.state.message = ("cancelling",)
            self.refresh()
            self.worker.stop(wait_ms=0)  # the worker ends between two chunks; done(False) follows

    def import_folder(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the four MNIST IDX files"),
                                                  str(Path.home()))
        if folder:
            self.import_from(folder)

    def import_file(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The book's mnist.pkl or Keras's mnist.npz"),
                                              str(Path.home()), self.tr("MNIST arrays (*.pkl *.npz)"))
        if path:
            self.import_from(path)

    def import_from(self, source) -> None:
        """Check `source` completely and copy it into the MNIST folder (on the worker)."""
        if self.is_busy():
            return
        source, dest = Path(source), mnist_folder()
        self.state.message = ("importing", str(source))

        def job():
            yield {"kind": "importing"}
            datasets.import_mnist(source, dest)
            yield {"kind": "checked", "summary": datasets.mnist_summary(dest), "source": source, "folder": dest}

        self._run("import", job)

    def use_selected_copy(self):
        row = self.found_list.currentRow()
        if row < 0 or self.is_busy():
            return
        self.use_copy(self.state.found[row])

    def use_copy(self, place) -> None:
        """Check the copy at `place` completely and remember it as the MNIST to use (on the worker)."""
        place = Path(place)
        self.state.message = ("using", str(place))
        self._run("use", lambda: _check_job(place))

    def check(self):
        if self.is_busy() or self.state.source is None:
            return
        self.state.message = ()
        source = self.state.source
        self._run("check", lambda: _check_job(source))

    # ================================================================== the worker
    def _run(self, job: str, make_job):
        from gui.worker import Worker

        self.state.job = job
        self._job_result = None
        # No parent: a dialog closed mid-download must not delete a thread that is still ending.
        worker = Worker(make_job)
        worker.events.connect(self.on_events)
        worker.done.connect(self.on_done)
        worker.failed.connect(self.on_failed)
        self.worker = worker
        self.refresh()
        worker.start()

    def on_events(self, events):
        s = self.state
        for event in events:
            kind = event["kind"]
            if kind == "progress":
                self.progress.set_done(event["all_bytes"], total=event["all_total"], rate=event["rate"],
                                       eta=event["eta"])
                if event["bytes"] == 0:
                    s.log.append(("file", event["file"], event["url"]))
            elif kind == "mirror_failed":
                s.log.append(("mirror_failed", event["url"], event["reason"]))
            elif kind == "file_done":
                s.log.append(("kept", event["file"]) if event["url"] is None else ("verified", event["file"]))
            elif kind == "start":
                self.progress.start(event["total"])
            elif kind in ("done", "checked"):
                self._job_result = event
        self.refresh()

    def on_done(self, finished: bool):
        s, result = self.state, self._job_result
        job, s.job = s.job, ""
        if job == "download":
            if finished and result is not None:
                self.progress.finish(self.tr("%1 downloaded and verified").replace("%1",
                                                                             format_bytes(self.progress.total)))
                s.message = ("downloaded", result["folder"])
                self._ready(Path(result["folder"]))
            else:
                self.progress.reset()
                s.message = ("cancelled",)
        elif job in ("import", "use", "check") and finished and result is not None:
            s.summary = result["summary"]
            if job == "import":
                s.message = ("imported", str(result["source"]), str(result["folder"]))
                self._ready(result["folder"], result["summary"])
            elif job == "use":
                summary = result["summary"]
                s.message = ("used", str(result["source"]), summary["train"], summary["test"])
                self._ready(result["source"], summary)
        self.refresh()

    def on_failed(self, message: str):
        s = self.state
        job, s.job = s.job, ""
        key = {"download": "download_failed", "import": "import_failed", "use": "use_failed"}.get(job,
                                                                                                 "check_failed")
        s.message = (key, message)
        if job == "download":
            self.progress.reset()
        if job == "check":
            s.summary = None
        self.refresh()

    def _ready(self, path, summary=None):
        """A usable MNIST is at `path`: remember it, show it, tell the panel."""
        remember_source(path)
        self.refresh_source()
        if summary is not None:
            self.state.summary = summary
        self.search_copies()
        self.mnist_ready.emit(str(path))

    # ================================================================== closing
    def stop_worker(self, wait_ms: int = CLOSE_WAIT_MS):
        """Stop a running job and drop its signals (the job's own clean-up removes any temporary file)."""
        worker, self.worker = self.worker, None
        if worker is None:
            return
        for signal, slot in ((worker.events, self.on_events), (worker.done, self.on_done),
                             (worker.failed, self.on_failed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if worker.isRunning():
            worker.stop(wait_ms=wait_ms)
        self.state.job = ""

    def done(self, result: int):
        self.stop_worker()
        super().done(result)

    def closeEvent(self, event):
        self.stop_worker()
        super().closeEvent(event)


def _check_job(place: Path):
    """A worker job: validate MNIST at `place` completely and count it."""
    yield {"kind": "checking"}
    yield {"kind": "checked", "summary": datasets.mnist_summary(place), "source": place}


def _same(a, b) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def ask_for_mnist(parent=None) -> Path | None:
    """Open DataDialog modally; return mnist_source() afterwards."""
    dialog = DataDialog(parent)
    dialog.exec()
    dialog.stop_worker()
    dialog.deleteLater()
    return mnist_source()
