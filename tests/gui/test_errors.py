"""gui/errors.py: faults are written to a rotating log file in the data folder and shown with *Copy details*."""
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from gui import errors, settings


@pytest.fixture
def hooks(monkeypatch):
    """install() replaces sys.excepthook and threading.excepthook: put pytest's own back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    if errors._dialog is not None:
        errors._dialog.close()


def fault():
    try:
        {}["missing key 41"]
    except KeyError:
        return sys.exc_info()


def test_the_log_file_is_in_the_data_folder():
    path = errors.setup_logging()
    assert path == settings.data_dir() / "logs" / errors.LOG_FILE
    logging.getLogger("gradient_lab.test").warning("a line for the log 7f3a")
    assert "a line for the log 7f3a" in path.read_text(encoding="utf-8")


def test_the_excepthook_logs_the_traceback_and_builds_the_dialog(qtbot, qapp, hooks):
    errors.install(qapp)
    assert sys.excepthook is errors.handle_exception
    dialog = errors.handle_exception(*fault())
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()  # shown without a modal loop: the app keeps running
    assert "missing key 41" in dialog.summary.text() and str(errors.log_path()) in dialog.summary.text()
    details = dialog.details.toPlainText()
    assert "Traceback" in details and "in fault" in details and "KeyError" in details
    assert dialog.copy_button.text() == "Copy details"
    dialog.copy_button.click()
    assert "missing key 41" in QGuiApplication.clipboard().text()
    assert "Traceback" in QGuiApplication.clipboard().text()
    log = errors.log_path().read_text(encoding="utf-8")
    assert "Unexpected error" in log and "missing key 41" in log and "in fault" in log
    again = errors.handle_exception(*fault())  # a second fault joins the open dialog: one dialog, not many
    assert again is dialog and dialog.details.toPlainText().count("Traceback") == 2
    dialog.close()
    assert errors._dialog is None


def test_an_exception_in_a_slot_reaches_the_log_and_the_dialog(qtbot, qapp, hooks):
    errors.install(qapp)

    def slot():
        raise ValueError("a slot failed 93b1")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: errors._dialog is not None and errors._dialog.isVisible(), timeout=3000)
    assert "a slot failed 93b1" in errors._dialog.summary.text()
    assert "a slot failed 93b1" in errors.log_path().read_text(encoding="utf-8")


def test_a_thread_exception_is_logged_and_shown_on_the_gui_thread(qtbot, qapp, hooks):
    errors.install(qapp)

    def work():
        raise RuntimeError("a thread failed 5c2e")

    thread = threading.Thread(target=work, name="hostile")
    thread.start()
    thread.join(5)
    qtbot.waitUntil(lambda: errors._dialog is not None and errors._dialog.isVisible(), timeout=3000)
    assert "a thread failed 5c2e" in errors._dialog.summary.text()
    log = errors.log_path().read_text(encoding="utf-8")
    assert "thread hostile" in log and "a thread failed 5c2e" in log


def test_a_job_failure_is_logged():
    errors.setup_logging()
    errors.log_job_failure("gradient check", "MemoryError: 784-1000-10", "Traceback (most recent call last):\n x")
    log = errors.log_path().read_text(encoding="utf-8")
    assert "Job gradient check failed: MemoryError: 784-1000-10" in log and "Traceback" in log


def test_the_log_rotates(monkeypatch):
    monkeypatch.setattr(errors, "MAX_BYTES", 2000)
    path = errors.setup_logging()
    for i in range(100):
        logging.getLogger("gradient_lab.test").warning("line %d of a long session %s", i, "x" * 50)
    assert path.stat().st_size <= 2000
    assert path.with_name(errors.LOG_FILE + ".1").is_file()
    assert not path.with_name(errors.LOG_FILE + f".{errors.BACKUPS + 1}").exists()  # old files are dropped


def test_an_unusable_data_folder_logs_to_a_temporary_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "logs").write_text("a file where the log folder should be")
    monkeypatch.setattr("gui.settings.data_dir", lambda: blocked)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    path = errors.setup_logging()
    assert path == tmp_path / "tmp" / "GradientLab-logs" / errors.LOG_FILE
    logging.getLogger("gradient_lab.test").warning("still written a81c")
    assert "still written a81c" in path.read_text(encoding="utf-8")


def test_the_help_menu_and_about_box_say_where_the_log_is(qtbot, qapp, monkeypatch):
    from gui.main_window import create_window, parse_args

    window = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(window)
    assert window.log_action in window.help_menu.actions()
    assert window.log_action.text() == "Open &log folder"
    assert str(errors.log_path()) in window.about_text()
    opened = []
    monkeypatch.setattr("gui.errors.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    window.log_action.trigger()
    assert opened and opened[0].toLocalFile() == str(errors.log_path().parent)


def test_the_dialog_and_the_menu_follow_a_language_switch(qtbot, qapp, in_chinese, hooks):
    from gui.main_window import create_window, parse_args

    window = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(window)
    dialog = errors.build_error_dialog("KeyError: 'x'", "Traceback …")
    qtbot.addWidget(dialog)
    in_chinese({"title": dialog.windowTitle, "summary": dialog.summary.text, "copy": dialog.copy_button.text,
                "log action": window.log_action.text, "log tip": window.log_action.toolTip,
                "about": window.about_text})


def test_a_failed_worker_job_reaches_the_log_file(qtbot):
    from gui.worker import Worker

    errors.setup_logging()

    def job():
        yield {"kind": "step"}
        raise FloatingPointError("the job broke d41c")

    worker = Worker(job)
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert "the job broke d41c" in failed.args[0]
    qtbot.waitUntil(worker.isFinished, timeout=5000)
    log = errors.log_path().read_text(encoding="utf-8")
    assert "the job broke d41c" in log and "Traceback" in log  # gui.worker's logger writes to the same file
