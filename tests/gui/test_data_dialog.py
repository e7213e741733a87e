"""The MNIST data dialog driven like a user: download from a loopback server, cancel, import, use a found copy."""
import functools
import gzip
import hashlib
import http.server
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from actions import click
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from engine.data.datasets import MNIST_FILES
from gui import data_dialog, settings
from gui.data_dialog import SETTINGS_KEY, DataDialog, ask_for_mnist, mnist_folder, mnist_source
from gui.run import Status

LONG = 60_000  # ms: generous, for a 2-core machine shared with other jobs
IMAGES = "train-images-idx3-ubyte.gz"


class FilesHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SlowHandler(FilesHandler):
    """Serves the files in 16 kB pieces with a pause between them (about 3 MB/s): time to watch and cancel."""

    def do_GET(self):
        path = Path(self.directory) / self.path.lstrip("/")
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for i in range(0, len(data), 16 * 1024):
                if self.server.stopping.is_set():
                    return
                self.wfile.write(data[i:i + 16 * 1024])
                time.sleep(0.005)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client cancelled


@contextmanager
def serve(directory, handler=FilesHandler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    server.stopping = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def make_dialog(qtbot, mirrors=(), candidates=()):
    dialog = DataDialog(mirrors=list(mirrors), candidates=list(candidates))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def md5(path):
    return hashlib.md5(Path(path).read_bytes()).hexdigest()


def temp_files(folder):
    folder = Path(folder)
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")] if folder.is_dir() else []


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=LONG)


# ---------------------------------------------------------------- download
def test_nothing_yet_says_missing_and_offers_download(qtbot):
    dialog = make_dialog(qtbot)
    assert mnist_source() is None
    assert "Missing" in dialog.where.status_label.text()
    assert dialog.where.folder_edit.text() == str(settings.data_dir() / "mnist")
    assert dialog.download.download_button.isEnabled() and not dialog.download.cancel_button.isEnabled()
    assert not dialog.where.check_button.isEnabled()


def test_download_shows_progress_then_mnist_is_ready(qtbot, mnist_dir):
    with serve(mnist_dir) as url:
        dialog = make_dialog(qtbot, mirrors=[url])
        seen = []
        dialog.download.progress.bar.valueChanged.connect(seen.append)
        with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG) as ready:
            click(qtbot, dialog.download.download_button)
            assert dialog.download.cancel_button.isEnabled() and not dialog.download.download_button.isEnabled()
        wait_idle(qtbot, dialog)
    folder = settings.data_dir() / "mnist"
    assert ready.args == [str(folder)]
    assert mnist_source() == folder
    assert settings.app_settings().value(SETTINGS_KEY) == str(folder)
    for name, digest in MNIST_FILES.items():
        assert md5(folder / name) == digest
    assert temp_files(folder) == []
    assert seen[-1] == 1000 and any(0 < v < 1000 for v in seen)  # the bar moved on the way
    assert "11.6 MB" in dialog.download.progress.label.text()
    assert "Downloaded and verified" in dialog.message_label.text()
    log = dialog.download.log.toPlainText()
    assert log.count("MD5 verified") == 4 and url + IMAGES in log
    assert "Found" in dialog.where.status_label.text() and str(folder) in dialog.where.status_label.text()
    assert dialog.where.check_button.isEnabled() and dialog.download.download_button.isEnabled()


def test_progress_shows_bytes_rate_and_time_left_and_cancel_keeps_no_partial_file(qtbot, mnist_dir):
    with serve(mnist_dir, SlowHandler) as url:
        dialog = make_dialog(qtbot, mirrors=[url])
        ready = []
        dialog.mnist_ready.connect(ready.append)
        click(qtbot, dialog.download.download_button)
        qtbot.waitUntil(lambda: 100 < dialog.download.progress.bar.value() < 700, timeout=LONG)
        text = dialog.download.progress.label.text()
        assert " of 11.6 MB" in text and "B/s" in text and "left" in text
        folder = mnist_folder()
        assert len(temp_files(folder)) == 1  # the file being fetched is a temporary file ...
        click(qtbot, dialog.download.cancel_button)
        qtbot.waitUntil(lambda: "cancelled" in dialog.message_label.text(), timeout=LONG)
        assert dialog.run.status("download") is Status.STOPPED  # "cancelled" shows once the thread has ended
    assert temp_files(folder) == []  # ... removed on cancel
    assert not (folder / IMAGES).exists()
    for path in folder.iterdir():  # whatever finished before the cancel is complete and correct
        assert md5(path) == MNIST_FILES[path.name]
    assert ready == [] and mnist_source() is None
    assert dialog.download.download_button.isEnabled() and not dialog.download.cancel_button.isEnabled()
    assert dialog.download.progress.bar.value() == 0


def test_closing_the_dialog_mid_download_stops_the_worker(qtbot, mnist_dir):
    with serve(mnist_dir, SlowHandler) as url:
        dialog = make_dialog(qtbot, mirrors=[url])
        click(qtbot, dialog.download.download_button)
        qtbot.waitUntil(lambda: dialog.download.progress.bar.value() > 50, timeout=LONG)
        dialog.close()
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: not dialog.run.any_running(), timeout=LONG)
    assert dialog.run.closed and not dialog.is_busy()  # the dialog let go of its job: no callback reaches it
    assert temp_files(mnist_folder()) == []
    assert not (mnist_folder() / IMAGES).exists()


class StallHandler(FilesHandler):
    """Announces the file's real size, sends 1,000 bytes, then nothing (a stalled server)."""

    def do_GET(self):
        from engine.data.idx import MNIST_SIZES

        self.send_response(200)
        self.send_header("Content-Length", str(MNIST_SIZES[self.path.lstrip("/")]))
        self.end_headers()
        self.wfile.write(b"x" * 1000)
        self.wfile.flush()
        self.server.stopping.wait(60)


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_a_stalled_download_ends_at_once_on_cancel_or_close(qtbot, tmp_path, how):
    """A server that stops sending mid-file (the read would wait 20 s for its timeout): Cancel — or closing the
    dialog — shuts the socket, the job ends within a second, the GUI heartbeat never stalls and no .part stays."""
    from heartbeat import Heartbeat

    with serve(tmp_path, StallHandler) as url:
        dialog = make_dialog(qtbot, mirrors=[url])
        click(qtbot, dialog.download.download_button)
        folder = mnist_folder()
        qtbot.waitUntil(lambda: len(temp_files(folder)) == 1, timeout=LONG)
        qtbot.wait(300)  # the read is blocked now
        with Heartbeat() as beat:
            started = time.perf_counter()
            if how == "cancel":
                click(qtbot, dialog.download.cancel_button)
                qtbot.waitUntil(lambda: "cancelled" in dialog.message_label.text(), timeout=5000)
            else:
                dialog.close()
                qtbot.waitUntil(lambda: not dialog.run.any_running(), timeout=5000)
            took = time.perf_counter() - started
    assert took < 1.0, took
    assert beat.worst < 1.0, beat.worst
    assert temp_files(folder) == []
    assert not any((folder / name).exists() for name in MNIST_FILES)


def test_a_failing_mirror_is_logged_and_the_next_one_used(qtbot, mnist_dir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with serve(empty) as missing, serve(mnist_dir) as good:
        dialog = make_dialog(qtbot, mirrors=[missing, good])
        with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG):
            click(qtbot, dialog.download.download_button)
        wait_idle(qtbot, dialog)
    log = dialog.download.log.toPlainText()
    assert f"{missing}{IMAGES} failed: HTTP 404" in log and "trying the next mirror" in log
    assert mnist_source() == mnist_folder()


def test_when_every_mirror_fails_the_message_names_the_file(qtbot, mnist_dir, tmp_path, in_chinese):
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    for name in MNIST_FILES:
        (wrong / name).write_bytes((mnist_dir / name).read_bytes()[::-1])  # right sizes, wrong bytes
    with serve(wrong) as url:
        dialog = make_dialog(qtbot, mirrors=[url])
        ready = []
        dialog.mnist_ready.connect(ready.append)
        click(qtbot, dialog.download.download_button)
        qtbot.waitUntil(lambda: "Download failed" in dialog.message_label.text(), timeout=LONG)
        assert dialog.run.status("download") is Status.FAILED  # the message shows once the thread has ended
    text = dialog.message_label.text()
    assert "train-images-idx3-ubyte.gz" in text and "MD5 mismatch" in text
    assert "color" in dialog.message_label.styleSheet()
    # the way out, once, in the user's language (the engine's English hint is replaced, not repeated)
    assert text.count("Import folder…") == 1 and "Import file…" in text and "\nYou can also get" in text
    english, chinese = in_chinese({"message": dialog.message_label.text})
    assert english["message"] == text
    assert "下载失败" in chinese["message"] and "导入文件夹…" in chinese["message"]
    assert "Import folder" not in chinese["message"] and "MD5 mismatch" in chinese["message"]
    assert ready == [] and mnist_source() is None
    assert list(mnist_folder().iterdir()) == []
    assert dialog.download.download_button.isEnabled()


# ---------------------------------------------------------------- import
def test_import_a_folder(qtbot, mnist_dir, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(mnist_dir)))
    dialog = make_dialog(qtbot)
    with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG) as ready:
        click(qtbot, dialog.importing.import_folder_button)
    wait_idle(qtbot, dialog)
    folder = mnist_folder()
    assert ready.args == [str(folder)] and mnist_source() == folder
    for name in MNIST_FILES:
        assert (folder / name).read_bytes() == (mnist_dir / name).read_bytes()
    assert "Imported" in dialog.message_label.text() and str(mnist_dir) in dialog.message_label.text()
    assert "60,000 training and 10,000 test images" in dialog.where.status_label.text()


def test_import_a_corrupt_file_names_it(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "mnist.npz"
    bad.write_bytes(b"this was a web page, not an archive" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(bad), "")))
    dialog = make_dialog(qtbot)
    ready = []
    dialog.mnist_ready.connect(ready.append)
    click(qtbot, dialog.importing.import_file_button)
    qtbot.waitUntil(lambda: "Cannot import" in dialog.message_label.text(), timeout=LONG)
    text = dialog.message_label.text()
    assert str(bad) in text and "not a readable .npz" in text
    assert "color" in dialog.message_label.styleSheet()
    assert ready == [] and mnist_source() is None
    assert not mnist_folder().exists() or list(mnist_folder().iterdir()) == []
    assert dialog.importing.import_file_button.isEnabled()


def test_import_a_folder_with_a_truncated_file_keeps_nothing(qtbot, mnist_dir, tmp_path, monkeypatch):
    source = tmp_path / "source"
    shutil.copytree(mnist_dir, source)
    broken = source / "t10k-images-idx3-ubyte.gz"
    broken.chmod(0o644)
    broken.write_bytes(broken.read_bytes()[:100_000])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(source)))
    dialog = make_dialog(qtbot)
    click(qtbot, dialog.importing.import_folder_button)
    qtbot.waitUntil(lambda: "Cannot import" in dialog.message_label.text(), timeout=LONG)
    assert str(broken) in dialog.message_label.text() and "truncated gzip" in dialog.message_label.text()
    assert not mnist_folder().exists() or list(mnist_folder().iterdir()) == []


def test_cancelled_file_dialogs_do_nothing(qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    dialog = make_dialog(qtbot)
    click(qtbot, dialog.importing.import_folder_button)
    click(qtbot, dialog.importing.import_file_button)
    assert not dialog.is_busy() and dialog.message_label.text() == ""


# ---------------------------------------------------------------- found copies, check, folder
def test_found_copies_are_listed_and_one_can_be_used(qtbot, mnist_dir, tmp_path):
    checkout = tmp_path / "deep-learning-from-scratch" / "dataset"
    checkout.mkdir(parents=True)
    for name in MNIST_FILES:
        (checkout / name).symlink_to(mnist_dir / name)
    dialog = make_dialog(qtbot, candidates=[tmp_path / "nothing_here", checkout])
    assert dialog.found.found_list.count() == 1 and dialog.found.found_list.item(0).text() == str(checkout)
    assert dialog.found.found_list.isVisibleTo(dialog) and not dialog.found.found_empty.isVisibleTo(dialog)
    assert "four IDX files" in dialog.found.found_list.item(0).toolTip()
    with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG) as ready:
        click(qtbot, dialog.found.use_button)
    wait_idle(qtbot, dialog)
    assert ready.args == [str(checkout)]
    assert mnist_source() == checkout and settings.app_settings().value(SETTINGS_KEY) == str(checkout)
    assert "(in use)" in dialog.found.found_list.item(0).text()
    assert "Using the copy" in dialog.message_label.text() and "60,000" in dialog.message_label.text()
    assert str(checkout) in dialog.where.status_label.text() and "checked" in dialog.where.status_label.text()
    assert not (settings.data_dir() / "mnist").exists()  # used where it is, not copied


def test_the_usual_places_are_searched_in_the_home_folder(qtbot, mnist_dir, tmp_path, monkeypatch):
    import numpy as np

    home = tmp_path / "home"
    keras = home / ".keras" / "datasets"
    keras.mkdir(parents=True)
    tiny = np.zeros((5, 28, 28), np.uint8)
    np.savez(keras / "mnist.npz", x_train=tiny, y_train=np.zeros(5, np.uint8), x_test=tiny,
             y_test=np.zeros(5, np.uint8))  # Keras's names, but not the real thing
    book = home / "deep-learning-from-scratch" / "dataset"
    book.mkdir(parents=True)
    for name in MNIST_FILES:
        (book / name).symlink_to(mnist_dir / name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    dialog = DataDialog()  # the real search, in the fake home
    qtbot.addWidget(dialog)
    items = [dialog.found.found_list.item(i).text() for i in range(dialog.found.found_list.count())]
    assert items == [str(keras / "mnist.npz"), str(book)]
    assert dialog.found.found_list.item(0).toolTip() == "Keras's mnist.npz"
    click(qtbot, dialog.found.use_button)  # the first one is selected
    qtbot.waitUntil(lambda: "Cannot use this copy" in dialog.message_label.text(), timeout=LONG)
    assert str(keras / "mnist.npz") in dialog.message_label.text()
    assert "expected 60000 train images, found 5" in dialog.message_label.text()
    assert mnist_source() is None
    dialog.found.found_list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG) as ready:
        click(qtbot, dialog.found.use_button)
    assert ready.args == [str(book)]


def test_a_found_copy_that_is_broken_is_not_used(qtbot, mnist_dir, tmp_path):
    copy = tmp_path / "dataset"
    shutil.copytree(mnist_dir, copy)
    labels = copy / "train-labels-idx1-ubyte.gz"
    labels.chmod(0o644)
    labels.write_bytes(gzip.compress(b"\0\0\x08\x01" + (60000).to_bytes(4, "big") + bytes([11]) * 60000))
    dialog = make_dialog(qtbot, candidates=[copy])
    click(qtbot, dialog.found.use_button)
    qtbot.waitUntil(lambda: "Cannot use this copy" in dialog.message_label.text(), timeout=LONG)
    assert str(labels) in dialog.message_label.text() and "label 11 at index 0" in dialog.message_label.text()
    assert mnist_source() is None


def test_no_copy_found_says_where_it_looked(qtbot, tmp_path):
    dialog = make_dialog(qtbot, candidates=[tmp_path / "a", tmp_path / "b"])
    assert dialog.found.found_list.count() == 0
    assert not dialog.found.found_list.isVisibleTo(dialog) and dialog.found.found_empty.isVisibleTo(dialog)
    assert ".keras/datasets/mnist.npz" in dialog.found.found_empty.text()
    assert not dialog.found.use_button.isEnabled()


def test_check_counts_the_data_in_the_folder(qtbot, mnist_dir):
    shutil.copytree(mnist_dir, mnist_folder())
    dialog = make_dialog(qtbot)
    assert mnist_source() == mnist_folder()
    assert "Found" in dialog.where.status_label.text() and "not checked yet" in dialog.where.status_label.text()
    click(qtbot, dialog.where.check_button)
    qtbot.waitUntil(lambda: "checked: 60,000 training and 10,000 test images" in dialog.where.status_label.text(),
                    timeout=LONG)


def test_open_folder_opens_the_data_folder(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or False))
    dialog = make_dialog(qtbot)
    click(qtbot, dialog.where.open_button)
    assert opened[0].toLocalFile() == str(settings.data_dir())  # mnist/ does not exist yet: its parent
    assert "Cannot open" in dialog.message_label.text()


def test_mnist_source_forgets_a_copy_that_moved(tmp_path, mnist_dir):
    gone = tmp_path / "moved_away"
    settings.app_settings().setValue(SETTINGS_KEY, str(gone))
    assert mnist_source() is None
    shutil.copytree(mnist_dir, mnist_folder())
    assert mnist_source() == mnist_folder()
    settings.app_settings().setValue(SETTINGS_KEY, str(mnist_dir))
    assert mnist_source() == mnist_dir


def test_a_live_language_switch_changes_every_part(qtbot, mnist_dir, in_chinese):

    dialog = make_dialog(qtbot, candidates=[mnist_dir])
    with qtbot.waitSignal(dialog.mnist_ready, timeout=LONG):
        click(qtbot, dialog.found.use_button)
    wait_idle(qtbot, dialog)
    dialog.state.log, dialog.state.downloaded = [("verified", IMAGES)], 11_594_722  # as after a download
    dialog.refresh()
    parts = {
        "title": dialog.windowTitle,
        "intro": dialog.intro.text,
        "where": dialog.where.title,
        "status": dialog.where.status_label.text,
        "download hint": dialog.download.hint.text,
        "download log": dialog.download.log.toPlainText,
        "download done": dialog.download.progress.label.text,
        "import": dialog.importing.import_file_button.text,
        "found": lambda: dialog.found.found_list.item(0).text(),
        "found tooltip": lambda: dialog.found.found_list.item(0).toolTip(),
        "message": dialog.message_label.text,
        "close": lambda: dialog.buttons.buttons()[0].text(),
    }
    english, chinese = in_chinese(parts)
    assert "11.6 MB downloaded and verified" == english["download done"] and "(in use)" in english["found"]
    assert "60,000" in chinese["status"] and str(mnist_dir) in chinese["message"]


# ---------------------------------------------------------------- reaching the dialog
def close_modal_dialog_soon(seen):
    def close():
        widget = QApplication.activeModalWidget()
        seen.append(widget)
        if widget is not None:
            widget.reject()
        else:
            QTimer.singleShot(50, close)

    QTimer.singleShot(50, close)


def test_ask_for_mnist_returns_the_source(qtbot, mnist_dir):
    seen = []
    close_modal_dialog_soon(seen)
    assert ask_for_mnist() is None
    assert isinstance(seen[-1], DataDialog)
    settings.app_settings().setValue(SETTINGS_KEY, str(mnist_dir))
    close_modal_dialog_soon(seen)
    assert ask_for_mnist() == mnist_dir


def test_file_menu_opens_the_dialog(qtbot, monkeypatch):
    from gui import main_window

    monkeypatch.setattr(main_window, "TABS", ())  # the menu alone, whatever the tabs do
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&MNIST data…" in texts
    seen = []
    close_modal_dialog_soon(seen)
    window.data_action.trigger()
    assert isinstance(seen[-1], DataDialog) and seen[-1].windowTitle() == "MNIST data"


@pytest.mark.parametrize("job", ["download", "import", "use", "check"])
def test_a_failing_job_leaves_a_working_dialog(qtbot, job):
    dialog = make_dialog(qtbot)
    dialog.state.job = job
    dialog.on_failed("boom: something went wrong")
    assert not dialog.is_busy() and "boom" in dialog.message_label.text()
    assert dialog.download.download_button.isEnabled()


def test_module_names_for_the_mnist_panel():
    assert data_dialog.SETTINGS_KEY == "data/mnist"
    assert DataDialog.mnist_ready is not None


# ---------------------------------------------------------------- stop mid-job, and the data folder's problem
STOP_BAR = 0.3  # s from Stop to the thread's end: ~200 ms asked; a little slack for a machine shared with others


@pytest.fixture(scope="module")
def real_npz(tmp_path_factory, mnist_dir):
    """Keras's layout of the real arrays (an .npz import is the longest: every file is gzipped anew)."""
    import numpy as np

    from engine.data.datasets import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir, normalize=False, flatten=False)
    path = tmp_path_factory.mktemp("keras") / "mnist.npz"
    np.savez(path, x_train=x_train.reshape(-1, 28, 28), y_train=t_train, x_test=x_test.reshape(-1, 28, 28),
             y_test=t_test)
    return path


def stop_mid_job(qtbot, dialog, job, started):
    """Once `started()` is true (the job well under way), Stop it; (seconds to its thread's end, worst GUI gap)."""
    from heartbeat import Heartbeat

    with Heartbeat() as beat:
        qtbot.waitUntil(started, timeout=LONG)
        assert dialog.run.is_running(job), "the job ended before it could be stopped"
        asked = time.perf_counter()
        dialog.run.stop(job)
        qtbot.waitUntil(lambda: not dialog.run.is_running(job), timeout=5000)
        ended = time.perf_counter() - asked
    print(f"\nstop during {job}: thread ended {ended * 1000:.0f} ms after Stop, "
          f"worst GUI gap {beat.worst * 1000:.0f} ms")
    return ended, beat.worst


def test_stop_mid_import_ends_at_once_and_keeps_nothing(qtbot, real_npz, monkeypatch):
    """Stopped while it writes its temporary files (the second one under way), the import ends within ~200 ms and
    its clean-up removes them: the MNIST folder holds nothing, no MNIST is remembered."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(real_npz), "")))
    dialog = make_dialog(qtbot)
    folder = mnist_folder()
    click(qtbot, dialog.importing.import_file_button)
    ended, worst = stop_mid_job(qtbot, dialog, "import", lambda: len(temp_files(folder)) >= 2)
    assert ended < STOP_BAR, ended
    assert worst < 1.0, worst
    assert temp_files(folder) == []
    assert not any((folder / name).exists() for name in MNIST_FILES)
    assert mnist_source() is None and not dialog.is_busy()
    assert dialog.importing.import_file_button.isEnabled()


def test_stop_mid_check_ends_at_once(qtbot, mnist_dir):
    shutil.copytree(mnist_dir, mnist_folder())
    dialog = make_dialog(qtbot)
    click(qtbot, dialog.where.check_button)
    since = time.perf_counter()
    ended, worst = stop_mid_job(qtbot, dialog, "check", lambda: time.perf_counter() - since > 0.15)
    assert ended < STOP_BAR, ended
    assert worst < 1.0, worst
    assert "not checked yet" in dialog.where.status_label.text()  # no summary from a check cut short
    assert dialog.where.check_button.isEnabled()
    click(qtbot, dialog.where.check_button)  # and a new check runs to its end
    qtbot.waitUntil(lambda: "checked: 60,000 training and 10,000 test images" in dialog.where.status_label.text(),
                    timeout=LONG)


def test_the_dialog_says_when_the_data_folder_fell_back(qtbot, tmp_path, monkeypatch):
    """gui.settings.data_dir_problem(): shown next to the MNIST folder when the usual data folder could not be
    made (its message, in the current language); nothing when it could."""
    dialog = make_dialog(qtbot)
    assert not dialog.where.problem_label.isVisibleTo(dialog)
    wanted, fallback = tmp_path / "read-only" / "Gradient Lab", tmp_path / "tmp-fallback"
    monkeypatch.setattr(settings, "_problem", (str(wanted), "Read-only file system", str(fallback)))
    dialog = make_dialog(qtbot)
    label = dialog.where.problem_label
    assert label.isVisibleTo(dialog)
    assert str(wanted) in label.text() and "Read-only file system" in label.text() and str(fallback) in label.text()
    assert label.text() == settings.data_dir_problem()
    assert "color" in label.styleSheet()
