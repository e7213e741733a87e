"""What goes wrong is written down and shown: a rotating log file and a dialog for unexpected exceptions.

- `setup_logging()`: the root logger (so "gradient_lab.settings", "gui.worker", every module) writes to
  <data folder>/logs/gradient_lab.log (rotating: 1 MB × 3 old files); when that folder cannot be used, to a
  folder in the system's temporary folder. A desktop bundle has no stderr: this file is where faults are found.
- `install(app)`: sys.excepthook and threading.excepthook log the traceback and show an ErrorDialog (the message,
  the details, *Copy details*). The dialog is shown without a modal loop (show(), not exec()), one at a time:
  a fault that repeats adds to the open dialog instead of opening many.
- `log_job_failure(name, message, traceback_text)`: a worker's failed job, written to the log.
"""
from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import tempfile
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

LOGGER_NAME = "gradient_lab"
LOG_FILE = "gradient_lab.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
MAX_DETAILS = 200_000  # characters kept in the dialog's details (a fault repeating in a loop cannot grow it forever)

logger = logging.getLogger(LOGGER_NAME)
_handler: logging.handlers.RotatingFileHandler | None = None
_dialog: ErrorDialog | None = None
_reporter: _Reporter | None = None


# ---------------------------------------------------------------------------------------------- the log file
def _log_folders():
    from gui import settings  # looked up at call time: tests give each test its own data folder

    yield settings.data_dir() / "logs"
    yield Path(tempfile.gettempdir()) / "GradientLab-logs"


def setup_logging() -> Path | None:
    """Send the app's log records to the rotating file in the data folder (or a temporary one); returns its path
    (None when no folder at all can be written: the records then only reach stderr). Calling it again moves the
    file when the data folder changed."""
    global _handler
    from gui import settings

    logger.setLevel(logging.INFO)
    for folder in _log_folders():
        path = folder / LOG_FILE
        if _handler is not None and Path(_handler.baseFilename) == path:
            return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                           encoding="utf-8")
        except OSError as exc:
            logger.warning("Log folder %s cannot be used (%s)", folder, exc)
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        root = logging.getLogger()  # every module's records (gui.worker's too), not only "gradient_lab"'s
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _handler = handler
        root.addHandler(handler)
        settings.log_data_dir_problem()
        return path
    return None


def log_path() -> Path | None:
    """The log file in use (None before setup_logging, or when no folder could be written)."""
    return None if _handler is None else Path(_handler.baseFilename)


def open_log_folder() -> bool:
    """Help → Open log folder: the folder of the log file in the system's file manager."""
    path = log_path() or setup_logging()
    return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def log_job_failure(name: str, message: str, traceback_text: str = "") -> None:
    """A long job (run by gui/worker.py) ended with an exception: write what and where to the log."""
    logger.error("Job %s failed: %s%s", name, message, f"\n{traceback_text.rstrip()}" if traceback_text else "")


# ---------------------------------------------------------------------------------------------- the dialog
def details_text(exc_type, exc, tb) -> str:
    """The traceback and the versions a bug report needs."""
    import numpy
    import PySide6

    versions = (f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, NumPy {numpy.__version__}, "
                f"{platform.platform()}")
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{lines.rstrip()}\n\n{versions}\nLog: {log_path()}"


class ErrorDialog(QDialog):
    """An unexpected error: what happened, where the log is, the details and a *Copy details* button."""

    def __init__(self, message: str, details: str, parent=None):
        super().__init__(parent)
        self.message = message
        self.setModal(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(self.summary.textInteractionFlags()
                                             | self.summary.textInteractionFlags().TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 200)
        self.details.setAccessibleName(self.tr("Details of the error"))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self):
        self.setWindowTitle(self.tr("Unexpected error"))
        where = log_path()
        self.summary.setText(
            self.tr("Gradient Lab met an unexpected error: %1\n\nThe app keeps running, but what you were doing "
                    "may not have finished. The details are written to the log file %2. To report the problem, "
                    "press Copy details and paste them into the report.")
            .replace("%1", self.message).replace("%2", str(where) if where else self.tr("(no log file)")))
        self.copy_button.setText(self.tr("Copy details"))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_error(self, message: str, details: str):
        """Another fault while this dialog is open: its details follow the first one's."""
        text = self.details.toPlainText()
        if len(text) < MAX_DETAILS:
            self.details.setPlainText(f"{text}\n\n{'—' * 20}\n{message}\n{details}"[:MAX_DETAILS])

    def copy_details(self):
        QGuiApplication.clipboard().setText(f"{self.message}\n\n{self.details.toPlainText()}")

    def closeEvent(self, event):
        global _dialog
        if _dialog is self:
            _dialog = None
        super().closeEvent(event)


def build_error_dialog(message: str, details: str, parent=None) -> ErrorDialog:
    """The dialog for one unexpected error, not shown (tests check it without a modal loop)."""
    return ErrorDialog(message, details, parent)


def show_error(message: str, details: str) -> ErrorDialog | None:
    """Show the error dialog (or add to the one open). From another thread the dialog is asked for through a
    queued signal; without a QApplication nothing is shown (the log has it)."""
    global _dialog
    app = QApplication.instance()
    if app is None:
        return None
    if QThread.currentThread() is not app.thread():
        if _reporter is not None:
            _reporter.report.emit(message, details)
        return None
    if _dialog is not None and _dialog.isVisible():
        _dialog.add_error(message, details)
        return _dialog
    _dialog = build_error_dialog(message, details, _main_window(app))
    _dialog.show()
    _dialog.raise_()
    return _dialog


def _main_window(app):
    """The dialog's parent: the active window, else the main window (so quitting closes the dialog too)."""
    active = app.activeWindow()
    if active is not None:
        return active
    return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)


class _Reporter(QObject):
    """Lives on the GUI thread: a fault on another thread reaches the dialog through its queued signal."""

    report = Signal(str, str)


# ---------------------------------------------------------------------------------------------- the hooks
def handle_exception(exc_type, exc, tb) -> ErrorDialog | None:
    """sys.excepthook: log the traceback, then show the dialog. Never raises (a fault in here is only logged)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return None
    logger.error("Unexpected error", exc_info=(exc_type, exc, tb))
    try:
        message = f"{exc_type.__name__}: {exc}"[:2000]
        return show_error(message, details_text(exc_type, exc, tb))
    except Exception:  # noqa: BLE001 - the hook of last resort must not raise
        logger.exception("The error dialog could not be shown")
        return None


def _thread_exception(args) -> None:
    """threading.excepthook: the same, for a Python thread (the dialog is queued to the GUI thread)."""
    if args.exc_type is SystemExit:
        return
    name = getattr(args.thread, "name", "?")
    logger.error("Unexpected error in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    try:
        show_error(f"{args.exc_type.__name__}: {args.exc_value}"[:2000],
                   details_text(args.exc_type, args.exc_value, args.exc_traceback))
    except Exception:  # noqa: BLE001
        logger.exception("The error dialog could not be shown")


def install(app: QApplication) -> Path | None:
    """Called by main(): the log file, then the hooks. Returns the log file's path."""
    global _reporter
    path = setup_logging()
    if _reporter is None:
        _reporter = _Reporter(app)
        _reporter.report.connect(show_error)
    sys.excepthook = handle_exception
    threading.excepthook = _thread_exception
    logger.info("Gradient Lab starts (Python %s, %s)", platform.python_version(), platform.platform())
    return path
