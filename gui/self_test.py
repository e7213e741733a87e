"""`gradient-lab --self-test [--lang zh_CN]`: is this installation complete? Prints each check; exit 1 on a fault.

It builds the real window offscreen and checks what a broken install loses first: the resources (a wheel without
them gives an English-only app with no digit model), every tab (a bundle that missed a module opens with menus and
no tabs), the Chinese translation (ours and Qt's own), the bundled model, and a writable data folder. It reads the
user's settings but writes none: the window is never closed through closeEvent, which would save them.
"""
from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QDialogButtonBox

from gui import __version__, i18n
from gui.resources import candidates, resources_dir

REQUIRED = ("i18n/gradient_lab_zh_CN.qm", "i18n/pyqtgraph_zh_CN.qm", "models/digit_default.npz",
            "icons/gradient-lab.svg", "icons/gradient-lab-256.png")


def seconds_since_launch() -> float | None:
    """How long ago this process started, interpreter and bundle start-up included (Linux's /proc; else None)."""
    try:
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])  # field 22, in ticks
        return float(Path("/proc/uptime").read_text().split()[0]) - started / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class Fault(Exception):
    """A check that found the installation incomplete (its message says what is wrong)."""


def check_resources(_window) -> str:
    where = resources_dir()
    missing = [name for name in REQUIRED if not (where / name).is_file()]
    if missing:
        looked = ", ".join(str(p) for p in candidates())
        raise Fault(f"missing {', '.join(missing)} in {where} (looked in: {looked})")
    return str(where)


def check_tabs(window) -> str:
    from gui.main_window import TAB_ORDER, UnavailableTab

    broken = [f"{key} ({page.fault})" for key, page in window.tab_pages.items() if isinstance(page, UnavailableTab)]
    if broken:
        raise Fault("tabs that could not open: " + "; ".join(broken))
    if tuple(window.tab_pages) != TAB_ORDER or window.tabs.count() != len(TAB_ORDER):
        raise Fault(f"{window.tabs.count()} tabs shown, expected {len(TAB_ORDER)}")
    if window.windowIcon().isNull():
        raise Fault("the window has no icon")
    return f"{len(TAB_ORDER)} tabs: " + ", ".join(TAB_ORDER)


def check_chinese(window) -> str:
    """Switch English → 简体中文 live: the window title, every tab title and Qt's own buttons must change."""
    app = QCoreApplication.instance()

    def texts():
        QCoreApplication.processEvents()  # LanguageChange reaches every widget
        return [window.windowTitle()] + [window.tabs.tabText(i) for i in range(window.tabs.count())]

    try:
        i18n.install_language(app, "en")
        english = texts()
        if not i18n.install_language(app, "zh_CN"):
            raise Fault(f"gradient_lab_zh_CN.qm did not load from {i18n.I18N_DIR}")
        chinese = texts()
        same = [text for text, before in zip(chinese, english, strict=True) if text == before]
        if same:
            raise Fault(f"left in English after the switch: {same}")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # its text comes from qtbase_<lang>.qm
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
        box.deleteLater()
        if cancel == "Cancel":
            raise Fault("Qt's own translation (qtbase_zh_CN.qm) did not load: standard buttons stay in English")
        return f"{' · '.join(chinese)}; Qt's buttons: {cancel}"
    finally:
        i18n.install_language(app, window.language)
        QCoreApplication.processEvents()


def check_model(_window) -> str:
    from gui.model_hub import hub

    fault = hub().ensure_bundled()
    if fault:
        raise Fault(fault)
    net = hub().get("bundled")
    y = net.predict(np.zeros((1, 784)))
    if y.shape != (1, 10) or not np.all(np.isfinite(y)):
        raise Fault(f"its prediction has shape {y.shape} or is not finite")
    sizes = "-".join(str(n) for n in net.sizes)
    return f"{sizes} {net.activation} net"


def check_data_folder(_window) -> str:
    from gui.settings import data_dir, data_dir_problem

    folder = data_dir()
    problem = data_dir_problem()
    if problem:
        raise Fault(problem)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".self-test-") as probe:
        probe.write(b"ok")
        probe.flush()
    return f"{folder} (writable)"


def check_lessons(window) -> str:
    panel = window.lessons_dock.widget()
    if panel.problems:
        raise Fault("lesson files skipped: " + "; ".join(panel.problems))
    if not panel.lessons:
        raise Fault(f"no lessons found in {resources_dir() / 'lessons'}")
    exercises = sum(step.exercise is not None for step in panel.steps)
    return f"{len(panel.lessons)} lessons, {len(panel.steps)} steps, {exercises} exercises"


CHECKS = (("resources", check_resources), ("window and tabs", check_tabs), ("Chinese translation", check_chinese),
          ("bundled model", check_model), ("data folder", check_data_folder), ("lessons", check_lessons))


def run_self_test(app, args, out=None) -> int:
    """Build the window as `main` would (language from --lang), run CHECKS, print one line each; 0 when all pass."""
    from gui.main_window import create_window

    out = out or sys.stdout
    say = (lambda line: print(line, file=out, flush=True)) if out is not None else (lambda line: None)
    say(f"Gradient Lab {__version__} self-test · Python {platform.python_version()} · PySide6 {PySide6.__version__}"
        f" (Qt {qVersion()}) · NumPy {np.__version__} · {platform.system()} {platform.machine()}")
    start = time.perf_counter()
    try:
        window = create_window(args, app)
        window.show()
        app.processEvents()
    except Exception as exc:  # noqa: BLE001 - the report must say what broke, not end in a traceback
        say(f"FAIL  window: {type(exc).__name__}: {exc}")
        return 1
    age = seconds_since_launch()
    since = f" ({age:.2f} s after launch)" if age is not None else ""
    say(f"ok    window built and shown in {time.perf_counter() - start:.2f} s{since}, language {window.language}")
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check(window)
        except Exception as exc:  # noqa: BLE001 - every check runs and reports
            failed += 1
            reason = str(exc) if isinstance(exc, Fault) else f"{type(exc).__name__}: {exc}"
            say(f"FAIL  {name}: {reason}")
        else:
            say(f"ok    {name}: {detail}")
    for page in window.tab_pages.values():
        page.shutdown()
    window.hide()
    window.deleteLater()
    app.processEvents()
    say(f"self-test {'passed' if not failed else 'FAILED'}: {len(CHECKS) - failed} of {len(CHECKS)} checks ok")
    return 1 if failed else 0
