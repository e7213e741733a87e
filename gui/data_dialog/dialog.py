"""DataDialog: the "MNIST data" window. Its actions run their long steps as RunController jobs.

Every long step (download, import, using a found copy, the full check) is an engine generator
(engine.data.download.download_mnist, engine.data.datasets.import_mnist_steps / mnist_summary_steps) run by the dialog's
RunController (gui/run.py); the dialog only writes what happened into its DataState and redraws its parts.
The chosen folder or file is remembered in QSettings under SETTINGS_KEY (gui/data_dialog/source.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout

from engine.data import datasets, download
from gui.data_dialog.boxes import DownloadBox, FoundBox, ImportBox, WhereBox, wrapped_label
from gui.data_dialog.source import mnist_folder, mnist_source, remember_source, same_place
from gui.data_dialog.state import DataState
from gui.run import RunController, Status
from gui.widgets.plots import COLORS

ERROR_STYLE = f"color: {COLORS[3]};"
WIDTH = 800  # the dialog's starting width; its height follows from the wrapped texts
CLOSE_WAIT_MS = 100  # closing the dialog waits at most this for a job to end (a download's socket is shut at once)


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
        self.run = RunController(self)
        self._job_result = None  # the job's last "done" / "checked" event
        self._build()
        self.retranslate()
        self.refresh_source()
        self.search_copies()
        self.resize(WIDTH, self.layout().totalHeightForWidth(WIDTH))

    # ================================================================== layout and texts
    def _build(self):
        layout = QVBoxLayout(self)
        self.intro = wrapped_label()
        layout.addWidget(self.intro)
        self.where = WhereBox(self.state)
        self.where.open_button.clicked.connect(self.open_folder)
        self.where.check_button.clicked.connect(self.check)
        layout.addWidget(self.where)
        self.download = DownloadBox(self.state)
        self.download.download_button.clicked.connect(self.start_download)
        self.download.cancel_button.clicked.connect(self.cancel_download)
        layout.addWidget(self.download)
        self.importing = ImportBox(self.state)
        self.importing.import_folder_button.clicked.connect(self.import_folder)
        self.importing.import_file_button.clicked.connect(self.import_file)
        self.found = FoundBox(self.state)
        self.found.found_list.itemDoubleClicked.connect(lambda _item: self.use_selected_copy())
        self.found.use_button.clicked.connect(self.use_selected_copy)
        self.found.search_button.clicked.connect(self.search_copies)
        sources = QHBoxLayout()  # import and found copies side by side: the dialog fits a 720-pixel screen
        sources.addWidget(self.importing, 1)
        sources.addWidget(self.found, 1)
        layout.addLayout(sources)

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
        self.message_label.setToolTip(self.tr("The result of the last action"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Close this window (a running download is cancelled)"))
        self.show_message()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ================================================================== showing the state
    def refresh(self):
        """Redraw every part from the state."""
        for box in (self.where, self.download, self.importing, self.found):
            box.refresh()
        self.show_message()
        self.fit_height()

    def show_message(self):
        message = self.state.message
        self.message_label.setText(self.message_text(message))
        error = bool(message) and message[0].endswith("failed")
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")

    def fit_height(self):
        """Grow (never shrink) so that a long message or wrapped text is not squeezed, within the screen."""
        needed = self.layout().totalHeightForWidth(self.width())
        screen = self.screen().availableGeometry().height() if self.screen() is not None else needed
        if self.height() < needed and self.height() < screen:
            self.resize(self.width(), min(needed, screen))

    def message_text(self, message) -> str:
        if not message:
            return ""
        key, *args = message
        templates = {
            "downloading": self.tr("Downloading into %1 …"),
            "downloaded": self.tr("Downloaded and verified the four files in %1."),
            "download_failed": self.tr("Download failed: %1"),
            "download_all_mirrors_failed": self.tr(
                "Download failed: %1\nYou can also get the four files another way (a web browser, another "
                "computer) and add them with Import folder… below, or use Import file… with the book's mnist.pkl "
                "or Keras's mnist.npz."),
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

    def refresh_source(self):
        """Look again at which MNIST is in use (it may have appeared or moved)."""
        source = mnist_source()
        if source is None or self.state.source is None or not same_place(source, self.state.source):
            self.state.summary = None
        self.state.source = source

    def search_copies(self):
        """List the copies in the usual places (cheap: nothing is read); our own folder is not "a copy"."""
        found = datasets.find_existing_mnist(self.candidates)
        self.state.found = [p for p in found if not same_place(p, mnist_folder())]
        self.refresh()

    # ================================================================== actions
    def open_folder(self):
        folder = mnist_folder()
        target = folder if folder.is_dir() else folder.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.state.message = ("open_failed", str(target))
            self.refresh()

    def is_busy(self) -> bool:
        """A job is running (cleared when its thread has ended: then the next one may start at once)."""
        return bool(self.state.job)

    def start_download(self):
        if self.is_busy():
            return
        dest, mirrors = mnist_folder(), list(self.mirrors)
        self.state.log, self.state.downloaded = [], 0
        self.state.message = ("downloading", str(dest))
        self.download.progress.start(sum(datasets.MNIST_SIZES.values()))
        cancel = download.Cancel()  # stop() shuts the connection: a stalled read ends at once
        self._run("download", lambda: download.download_mnist(dest, mirrors=mirrors, cancel=cancel),
                  on_stop=cancel.cancel)

    def cancel_download(self):
        """Ask the download to stop (never waits): it ends between two chunks, deleting its unfinished file."""
        if self.state.job == "download":
            self.state.message = ("cancelling",)
            self.refresh()
            self.run.stop("download")

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
        """Check `source` completely and copy it into the MNIST folder (a job)."""
        if self.is_busy():
            return
        source, dest = Path(source), mnist_folder()
        self.state.message = ("importing", str(source))
        self._run("import", lambda: _import_job(source, dest))

    def use_selected_copy(self):
        place = self.found.selected()
        if place is not None and not self.is_busy():
            self.use_copy(place)

    def use_copy(self, place) -> None:
        """Check the copy at `place` completely and remember it as the MNIST to use (a job)."""
        place = Path(place)
        self.state.message = ("using", str(place))
        self._run("use", lambda: _check_job(place))

    def check(self):
        if self.is_busy() or self.state.source is None:
            return
        self.state.message = ()
        source = self.state.source
        self._run("check", lambda: _check_job(source))

    # ================================================================== the jobs
    def _run(self, job: str, make_job, on_stop=None):
        self.state.job = job
        self._job_result = None
        if self.run.start(job, make_job, events=self.on_events, done=self.on_done, failed=self.on_failed,
                          on_stop=on_stop) is None:
            self.state.job = ""  # refused: the dialog is closing
        self.refresh()

    def on_events(self, events):
        s, progress = self.state, self.download.progress
        for event in events:
            kind = event["kind"]
            if kind == "progress":
                progress.set_done(event["all_bytes"], total=event["all_total"], rate=event["rate"], eta=event["eta"])
                if event["bytes"] == 0:
                    s.log.append(("file", event["file"], event["url"]))
            elif kind == "mirror_failed":
                s.log.append(("mirror_failed", event["url"], event["reason"]))
            elif kind == "file_done":
                s.log.append(("kept", event["file"]) if event["url"] is None else ("verified", event["file"]))
            elif kind == "start":
                progress.start(event["total"])
            elif kind in ("done", "checked"):
                self._job_result = event
        self.refresh()

    def on_done(self, status: Status):
        """The job's thread has ended: `status` is Status.FINISHED or Status.STOPPED (cancelled)."""
        s, result = self.state, self._job_result
        job, s.job = s.job, ""
        finished = status is Status.FINISHED and result is not None
        if job == "download":
            if finished:
                s.downloaded = self.download.progress.total
                s.message = ("downloaded", result["folder"])
                self._ready(Path(result["folder"]))
            else:
                self.download.progress.reset()
                s.message = ("cancelled",)
        elif finished:
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
        if job == "download" and message.endswith(download.IMPORT_HINT):  # no mirror could deliver a file
            key, message = "download_all_mirrors_failed", message[: -len(download.IMPORT_HINT)].rstrip()
        s.message = (key, message)
        if job == "download":
            self.download.progress.reset()
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
    def shutdown(self):
        """Stop a running job and drop its callbacks (the job's own clean-up removes any temporary file)."""
        self.run.shutdown(wait_ms=CLOSE_WAIT_MS)
        self.state.job = ""

    def done(self, result: int):
        self.shutdown()
        super().done(result)

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)


def _check_job(place: Path):
    """A job: validate MNIST at `place` completely and count it (yielding None between chunks of a few ms, so
    Stop and quit reach it at once)."""
    yield {"kind": "checking"}
    summary = yield from datasets.mnist_summary_steps(place)
    yield {"kind": "checked", "summary": summary, "source": place}


def _import_job(source: Path, dest: Path):
    """A job: check `source` completely, copy it into `dest`, then count what is there (in steps of a few ms;
    stopped or closed mid-way, the import's own clean-up removes its temporary files and leaves dest as it was)."""
    yield {"kind": "importing"}
    yield from datasets.import_mnist_steps(source, dest)
    summary = yield from datasets.mnist_summary_steps(dest)
    yield {"kind": "checked", "summary": summary, "source": source, "folder": dest}


def ask_for_mnist(parent=None) -> Path | None:
    """Open DataDialog modally; return mnist_source() afterwards."""
    dialog = DataDialog(parent)
    dialog.exec()
    dialog.shutdown()
    dialog.deleteLater()
    return mnist_source()
