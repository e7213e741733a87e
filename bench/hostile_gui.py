"""Worst GUI stall and peak memory over issue 12's cases, each driven through the real widgets (offscreen).

    python bench/hostile_gui.py               every case
    python bench/hostile_gui.py stop paste    the cases whose name contains one of the words

Each case runs in a fresh process (its own settings and data folders in a temporary HOME, so peaks never mix):
the hostile file is built there by streaming (never written expanded), the widgets are built, then the peak RSS
is reset (Linux: /proc/self/clear_refs; else ru_maxrss, which cannot be reset) and a GUI heartbeat (a QTimer
every 20 ms, tests/gui/heartbeat.py) runs while the case is played as a user would: a hand-edited settings file
at start, Stop during each long job, quit mid-job (the real app in its own process: exit code and time to exit),
hostile files opened through the dialogs, a pasted flood of text. Printed per case: what the user sees (the
message shown, cut), the largest gap of the heartbeat, the peak memory above the process's own just before the
case, and PASS/FAIL against the issue's bars: stall < 1 s, memory ≤ ~1 GB, exit code 0, plus the case's own check
(the message names the file, the job ended within 1 s of Stop, no .part file left, …).

The MNIST cases need ../shared/data/mnist (skipped, saying so, when it is absent). The quit cases' memory is the
app process's whole peak RSS (its baseline is not separable from outside); their stall is the app's own heartbeat.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hostile_files import proc_status  # bench/hostile_files.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
TESTS_GUI = ROOT / "tests" / "gui"
TESTS_ENGINE = ROOT / "tests" / "engine"
MNIST = ROOT.parent / "shared" / "data" / "mnist"
MB = 1 << 20
STALL_BAR = 1.0  # s: the bar for the GUI heartbeat
MEMORY_BAR = 1024 * MB  # the "≤ ~1 GB above the app's own"
LONG = 180.0  # s: generous waits, for a 2-core machine shared with other jobs


def have_mnist() -> bool:
    return (MNIST / "t10k-labels-idx1-ubyte.gz").exists()


# ---------------------------------------------------------------- measuring (in the child)

class Meter:
    """Peak memory above the RSS at entry, and the GUI heartbeat's largest gap, over the `with` block."""

    def __init__(self, beat=True):
        from heartbeat import Heartbeat

        self.beat = Heartbeat(20) if beat else None
        self.stall = 0.0
        self.peak = 0

    def __enter__(self):
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")  # resets VmHWM to the current RSS
            self.base, self.kind = proc_status("VmRSS"), "hwm"
        except OSError:
            self.base, self.kind = None, "maxrss"
        if self.base is None:
            self.base, self.kind = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "maxrss"
        if self.beat:
            self.beat.__enter__()
        return self

    def __exit__(self, *exc):
        if self.beat:
            self.beat.__exit__(*exc)
            self.stall = self.beat.worst
        top = proc_status("VmHWM") if self.kind == "hwm" else None
        if top is None:
            top = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        self.peak = max(0, top - self.base)


def wait(seconds):
    from PySide6.QtTest import QTest

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QTest.qWait(10)


def wait_until(predicate, timeout=LONG):
    from PySide6.QtTest import QTest

    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            return False
        QTest.qWait(10)
    return True


class Bot:
    """The little of pytest-qt's qtbot that tests/gui/hostile_typing.py uses."""

    @staticmethod
    def keyClick(widget, key, modifier=None):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def click(button):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if not button.isEnabled():
        raise RuntimeError(f"the button {button.text()!r} is disabled")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def show(widget):
    widget.resize(1280, 720)
    widget.show()
    wait(0.2)
    return widget


def result(meter, message, ok=True, note="", code=None, whole=False):
    return {"stall": meter.stall if meter else None, "peak": meter.peak if meter else None, "message": message,
            "ok": bool(ok), "note": note, "code": code, "whole": whole}


def fake_dialog(monkey, name, value):
    from PySide6.QtWidgets import QFileDialog

    monkey.append((name, getattr(QFileDialog, name)))
    setattr(QFileDialog, name, staticmethod(lambda *a, **k: value))


# ---------------------------------------------------------------- cases: bad settings at start
BIG, HUGE = str(2**31), str(2**70)
BAD_INI = f"""[General]
language=zh_CN, en
[window]
geometry=garbage
[training]
experiment=abc
training_mnist\\iterations={BIG}
training_mnist\\hidden_size={HUGE}
training_mnist\\seed={HUGE}
training_mnist\\page={BIG}
[descent]
session="{{\\"surface\\": [\\"sphere\\"]}}"
speed={BIG}
[draw]
pen_width={BIG}
"""


def _start(app, tmp, ini, tab="training"):
    """Write the INI by hand, open the window as main() does; (window, seconds to open, meter over 2 s)."""
    from gui.main_window import create_window, parse_args
    from gui.settings import app_settings

    path = Path(app_settings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ini, encoding="utf-8")
    with Meter(beat=False) as opening:
        started = time.perf_counter()
        window = create_window(parse_args(["--tab", tab, "--lang", "en"]), app)
        window.show()
        opened = time.perf_counter() - started
    with Meter() as meter:  # after the window is up: the event loop must keep running (workers do the reading)
        wait(3.0)
    meter.peak = max(meter.peak, opening.peak)
    return window, opened, meter, path


def _tabs_ok(window):
    from gui.main_window import TAB_ORDER

    return all(type(window.tab_pages[k]).__name__ != "UnavailableTab" for k in TAB_ORDER)


def case_start_bad_ini_values(app, tmp):
    """Language a list, geometry garbage, experiment 'abc', integers above 2**31, a Descent surface a list."""
    window, opened, meter, ini = _start(app, tmp, BAD_INI)
    from gui import errors

    log = errors.log_path()
    logged = log.read_text(encoding="utf-8").count("gradient_lab.settings") if log and log.is_file() else 0
    ok = _tabs_ok(window)
    window.close()
    clean = BIG not in ini.read_text(encoding="utf-8") and HUGE not in ini.read_text(encoding="utf-8")
    message = f"window opened in {opened:.1f} s with every tab on defaults; {logged} settings lines logged"
    return result(meter, message, ok and clean and logged > 0, "" if clean else "INI not rewritten clean")


def _write_h5(path, prefix, n):
    import h5py
    import numpy as np

    with h5py.File(path, "w") as f:
        f[f"{prefix}_set_x"] = np.zeros((n, 64, 64, 3), np.uint8)
        f[f"{prefix}_set_y"] = np.zeros(n, np.int64)
        f["list_classes"] = np.array([b"non-cat", b"cat"])


def case_start_cat_folder_claims_1e9_images(app, tmp):
    """The remembered cat folder (the app saves it) now holds a train file claiming 10⁹ pictures."""
    import h5py
    import numpy as np

    folder = tmp / "cats"
    folder.mkdir()
    _write_h5(folder / "test_catvnoncat.h5", "test", 50)
    with h5py.File(folder / "train_catvnoncat.h5", "w") as f:  # chunked, nothing written: a few kB
        f.create_dataset("train_set_x", shape=(10**9, 64, 64, 3), dtype=np.uint8, chunks=(1, 64, 64, 3))
        f["train_set_y"] = np.zeros(10, np.int64)
        f["list_classes"] = np.array([b"non-cat", b"cat"])
    window, opened, meter, _ = _start(app, tmp, f"[training]\nexperiment=1\ntraining_cat\\folder={folder}\n")
    cat = window.tab_pages["training"].panels[1]
    wait_until(lambda: not cat.is_loading() and not cat.state.loading, 30)
    message = cat.data_box.data_status.text()
    ok = _tabs_ok(window) and "train_catvnoncat.h5" in message and cat.state.data is None
    window.close()
    return result(meter, message, ok, f"opened in {opened:.1f} s")


def case_start_data_folder_blocked(app, tmp):
    """A file where the data folder should be (it cannot be created)."""
    data_home = Path(os.environ["XDG_DATA_HOME"])
    data_home.mkdir(parents=True, exist_ok=True)
    (data_home / "GradientLab").write_text("a file in the way")
    window, opened, meter, _ = _start(app, tmp, "")
    message = window.statusBar().currentMessage()
    ok = _tabs_ok(window) and bool(message)
    window.close()
    return result(meter, message, ok, f"opened in {opened:.1f} s")


# ---------------------------------------------------------------- cases: Stop during each job (MNIST panel)
def _mnist_panel():
    from gui.settings import app_settings
    from gui.tabs.training.mnist.panel import MnistPanel

    app_settings().setValue("data/mnist", str(MNIST))
    p = show(MnistPanel())
    if not wait_until(lambda: p.state.data is not None):
        raise RuntimeError("MNIST did not load")
    p.state.hidden_size = 1000  # the 784-1000-10 net
    p.net_box.refresh()
    return p


def _stop(job):
    def case(app, tmp):
        import test_stop_and_quit as sq

        p = _mnist_panel()
        with Meter() as meter:
            name, stop = sq.JOBS[job](p)
            wait_until(lambda: p.runs.is_running(name), 5)
            wait(1.5)
            running = p.runs.is_running(name)
            asked = time.perf_counter()
            stop()
            returned = time.perf_counter() - asked
            wait_until(lambda: not p.runs.is_running(name), 10)
            ended = time.perf_counter() - asked
            wait(0.3)
        shown = {"gradient check": [p.check.result, getattr(p.check.progress, "label", None)],
                 "model report": [p.model_box.status, p.results.summary]}.get(job, [p.progress.label])
        message = next((w.text() for w in shown if w is not None and w.text()), "")
        note = f"stop() {returned * 1000:.0f} ms, thread ended {ended * 1000:.0f} ms after"
        p.shutdown()
        return result(meter, message or "(no message)", running and ended < 1.0, note)

    case.__doc__ = f"Stop during {job} on a 784-1000-10 net."
    case.mnist = True
    return case


case_stop_training = _stop("training")
case_stop_numerical_training = _stop("numerical training")
case_stop_gradient_check = _stop("gradient check")
case_stop_model_report = _stop("model report")


def _stalled_server():
    import functools
    import http.server
    import threading

    import test_stop_and_quit as sq

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(sq.StallHandler))
    server.daemon_threads = True
    server.release = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def case_stop_stalled_download(app, tmp):
    """Cancel a download whose server sends 1,000 bytes then nothing (the read would wait out its timeout)."""
    from gui import settings
    from gui.data_dialog import DataDialog

    server, url = _stalled_server()
    dialog = show(DataDialog(mirrors=[url]))
    with Meter() as meter:
        dialog.start_download()
        wait(1.5)
        busy = dialog.is_busy()
        asked = time.perf_counter()
        click(dialog.download.cancel_button)
        wait_until(lambda: not dialog.is_busy(), 10)
        ended = time.perf_counter() - asked
        wait(0.3)
    server.release.set()
    parts = [p.name for p in settings.data_dir().rglob("*.part")]
    message = dialog.message_label.text()
    note = f"ended {ended * 1000:.0f} ms after Cancel" + (f"; left {parts}" if parts else "; no .part left")
    dialog.shutdown()
    return result(meter, message or "(no message)", busy and ended < 1.0 and not parts, note)


# ---------------------------------------------------------------- cases: quit mid-job (the real app, own process)
def _quit(job):
    def case(app, tmp):
        import test_stop_and_quit as sq

        server = None
        mirror = ""
        if job == "download":
            server, mirror = _stalled_server()
        try:
            code, out, err, seconds = sq.run_app(tmp, job, mnist=str(MNIST) if job != "download" else "",
                                                 mirror=mirror)
        finally:
            if server:
                server.release.set()
                server.shutdown()
        gaps = [float(line.split()[1]) for line in out.splitlines() if line.startswith("WORST_GAP")]
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        parts = [p.name for p in (tmp / "home").rglob("*.part")]
        aborted = "QThread: Destroyed" in err
        message = (f"exit {code}, {seconds:.2f} s after close" if seconds is not None else f"exit {code}, never closed")
        message += "; QThread: Destroyed" if aborted else ""
        message += f"; left {parts}" if parts else ("; no .part file left" if job == "download" else "")
        ok = ("RUNNING True" in out and code == 0 and not aborted and not parts and seconds is not None
              and seconds < 5.0)
        meter = Meter(beat=False)
        meter.stall, meter.peak = (gaps[0] if gaps else None), peak
        return result(meter, message, ok, "" if "RUNNING True" in out else "the job was not running at close",
                      code=code, whole=True)

    case.__doc__ = f"Close the window during {job}."
    case.mnist = job != "download"
    return case


case_quit_gradient_check = _quit("check")
case_quit_model_report = _quit("report")
case_quit_training = _quit("train")
case_quit_stalled_download = _quit("download")


# ---------------------------------------------------------------- cases: hostile files through the dialogs
def _import(app, tmp, button, dialog_name, value, expect):
    from gui.data_dialog import DataDialog, mnist_source

    monkey = []
    fake_dialog(monkey, dialog_name, value)
    dialog = show(DataDialog())
    with Meter() as meter:
        click(getattr(dialog.importing, button))
        wait(0.05)
        wait_until(lambda: not dialog.is_busy())
        wait(0.2)
    message = dialog.message_label.text()
    ok = "Cannot import" in message and expect in message and mnist_source() is None
    dialog.shutdown()
    return result(meter, message, ok)


def case_file_gzip_bomb_import(app, tmp):
    """Import a folder whose train-images .gz (12 MB) expands to 12 GB behind a valid header."""
    import struct

    import test_hostile_files as hostile

    from engine.data.idx import IMAGE_MAGIC, MNIST_FILES

    source = tmp / "source"
    source.mkdir()
    for name in MNIST_FILES:
        if name != "train-images-idx3-ubyte.gz":
            shutil.copyfile(MNIST / name, source / name)
    hostile.gzip_bomb(source / "train-images-idx3-ubyte.gz", struct.pack(">iiii", IMAGE_MAGIC, 60_000, 28, 28),
                      12 * hostile.GB)
    return _import(app, tmp, "import_folder_button", "getExistingDirectory", str(source),
                   "train-images-idx3-ubyte.gz")


case_file_gzip_bomb_import.mnist = True


def case_file_pickle_bomb_import(app, tmp):
    """Import a 1.2 kB mnist.pkl of shared nested lists (10⁹ leaves)."""
    import pickle

    import test_hostile_files as hostile

    path = tmp / "mnist.pkl"
    path.write_bytes(pickle.dumps(hostile.shared_lists_pickle(), protocol=4))
    return _import(app, tmp, "import_file_button", "getOpenFileName", (str(path), ""), "mnist.pkl")


def _cat(app, tmp, target):
    import test_hostile_files as hostile

    from gui.tabs.training.cat.panel import CatPanel

    folder = hostile.h5_external(tmp, target)
    _write_h5(folder / "test_catvnoncat.h5", "test", 50)
    monkey = []
    fake_dialog(monkey, "getExistingDirectory", str(folder))
    panel = show(CatPanel())
    with Meter() as meter:
        click(panel.data_box.open_button)
        wait(0.05)
        wait_until(lambda: not panel.is_loading() and not panel.state.loading, 30)
        wait(0.2)
    message = panel.data_box.data_status.text()
    ok = "train_catvnoncat.h5" in message and panel.state.data is None
    panel.shutdown()
    return result(meter, message, ok)


def case_file_h5_external_fifo_cat(app, tmp):
    """Open folder… on a cat folder whose images are external storage pointing at a FIFO (hung forever)."""
    import test_hostile_files as hostile

    return _cat(app, tmp, hostile.fifo(tmp / "pipe"))


def case_file_h5_external_passwd_cat(app, tmp):
    """Open folder… on a cat folder whose images are external storage pointing at a passwd-like file."""
    secret = tmp / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 30_000)
    return _cat(app, tmp, secret)


def _model(app, tmp, path):
    from gui.tabs.training.mnist.panel import MnistPanel

    monkey = []
    fake_dialog(monkey, "getOpenFileName", (str(path), ""))
    panel = show(MnistPanel())
    before = panel.state.net
    with Meter() as meter:
        click(panel.model_box.load_button)
        wait(0.05)
        wait_until(lambda: not panel.model_box.status.text().startswith("Reading"))
        wait_until(lambda: panel.model_box.load_button.isEnabled(), 30)
        wait(0.2)
    message = panel.model_box.status.text()
    ok = "Cannot load" in message and path.name in message and panel.state.net is before
    panel.shutdown()
    return result(meter, message, ok)


def case_file_model_1_1_gb_stored(app, tmp):
    """Training → Load model… on a 1.1 GB model.npz (sparse: no disk space)."""
    import test_hostile_files as hostile

    return _model(app, tmp, hostile.sparse(tmp / "model.npz", 1_100_000_000))


def case_file_model_declares_80_gb(app, tmp):
    """Training → Load model… on an .npz whose W1 declares 100,000 × 100,000 float64 (64 MiB deflated follow)."""
    import test_hostile_files as hostile

    return _model(app, tmp, hostile.model_bomb(tmp / "model.npz", (100_000, 100_000)))


# ---------------------------------------------------------------- cases: pasted floods
def case_paste_16384_scores(app, tmp):
    """Paste 16,384 scores into the Losses tab's softmax box, press Enter."""
    from hostile_typing import paste, press

    from gui.tabs.losses.tab import LossesTab

    tab = show(LossesTab())
    tab.side.setCurrentIndex(1)
    edit = tab.softmax_page.logits_edit
    with Meter() as meter:
        paste(Bot, edit, ", ".join(["1.5"] * 16_384))
        wait(0.1)
        cut = tab.softmax_page.logits_error.text()
        press(Bot, edit)
        wait(0.2)
    message = tab.softmax_page.logits_error.text()
    return result(meter, message, "Too many scores" in message, f"on paste: {cut[:60]}")


def case_paste_5_mb_function(app, tmp):
    """Paste a 5 MB typed function (x+x+…+x) into the Derivatives tab, press Enter."""
    from hostile_typing import megabytes_of_function, paste, press

    from gui.tabs.derivatives.tab import DerivativesTab

    tab = show(DerivativesTab())
    edit = tab.slope.expr_edit
    with Meter() as meter:
        paste(Bot, edit, megabytes_of_function("x"))
        wait(0.1)
        cut = tab.slope.expr_error.text()
        press(Bot, edit)
        wait(0.2)
    lines = tab.slope.expr_error.text().splitlines()
    message = " ".join(lines[:1] + ["…"] + [line.strip(" ^") for line in lines[-1:]])  # around the fault, cut
    return result(meter, message, message.startswith("Cannot read this function"), f"on paste: {cut[:60]}")


CASES = {name[len("case_"):]: f for name, f in globals().items() if name.startswith("case_") and callable(f)}


# ---------------------------------------------------------------- child and parent
def child(name: str, tmp: str) -> None:
    sys.path[:0] = [str(ROOT), str(TESTS_GUI), str(TESTS_ENGINE)]
    from PySide6.QtWidgets import QApplication

    from gui import errors
    from gui.settings import set_identity

    app = QApplication(sys.argv[:1])
    set_identity(app)
    if not name.startswith("start_"):  # a start case opens the window as main() does, logging included
        errors.setup_logging()
    try:
        r = CASES[name](app, Path(tmp))
    except Exception as exc:  # noqa: BLE001 — the bench reports whatever happened
        import traceback

        traceback.print_exc()
        r = {"stall": None, "peak": None, "message": f"BENCH ERROR {type(exc).__name__}: {exc}", "ok": False,
             "note": "", "code": None, "whole": False}
    r["message"] = r["message"].replace(tmp + "/", "").replace(tmp, "<tmp>")  # the file names, not the folder
    print(json.dumps({"case": name, **r}), flush=True)
    sys.stderr.flush()
    os._exit(0)  # a worker left hanging (the bug this bench looks for) must not keep the process alive


def main(words: list[str]) -> int:
    names = [n for n in CASES if not words or any(w in n for w in words)]
    print(f"{'case':36} {'stall':>8} {'memory':>9} {'':5} what the user sees")
    worst_stall, worst_peak, failed = ("", 0.0), ("", 0), 0
    for name in names:
        if getattr(CASES[name], "mnist", False) and not have_mnist():
            print(f"{name:36} {'':8} {'':9} SKIP  needs real MNIST at {MNIST} (../shared/data is absent)")
            continue
        with tempfile.TemporaryDirectory(prefix="hostile_gui_") as tmp:
            home = Path(tmp) / "user"
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
                   "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
                   "XDG_CACHE_HOME": str(home / "cache")}
            try:
                out = subprocess.run([sys.executable, __file__, "--child", name, tmp], capture_output=True,
                                     text=True, cwd=ROOT, env=env, timeout=420)
                lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
                r = json.loads(lines[-1]) if lines else None
                crash = None if r else f"process ended with code {out.returncode}: " + " | ".join(
                    out.stderr.strip().splitlines()[-2:])
            except subprocess.TimeoutExpired:
                r, crash = None, "still running after 420 s (hung)"
        if r is None:
            failed += 1
            print(f"{name:36} {'':8} {'':9} FAIL  {crash[:160]}")
            continue
        stall, peak = r["stall"], r["peak"]
        verdict = (r["ok"] and stall is not None and stall < STALL_BAR and peak is not None and peak <= MEMORY_BAR
                   and r["code"] in (None, 0))
        failed += not verdict
        stall_text = "   —    " if stall is None else f"{stall * 1000:5.0f} ms"
        peak_text = "    —    " if peak is None else f"{peak / MB:6.0f} MB" + ("*" if r["whole"] else " ")
        message = r["message"].replace("\n", " ")[:80]
        print(f"{name:36} {stall_text:>8} {peak_text:>9} {'PASS' if verdict else 'FAIL':5} {message}"
              + (f"  [{r['note']}]" if r["note"] else ""), flush=True)
        if stall is not None:
            worst_stall = max(worst_stall, (name, stall), key=lambda p: p[1])
        if peak is not None and not r["whole"]:
            worst_peak = max(worst_peak, (name, peak), key=lambda p: p[1])
    print("\n* the app process's whole peak RSS (quit cases run the real app in its own process)")
    print(f"worst GUI stall: {worst_stall[0]} {worst_stall[1] * 1000:.0f} ms (bar {STALL_BAR * 1000:.0f} ms); "
          f"largest peak above baseline: {worst_peak[0]} {worst_peak[1] / MB:.0f} MB (bar {MEMORY_BAR // MB} MB); "
          f"{failed} case(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main(sys.argv[1:]))
