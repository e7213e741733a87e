"""GUI test set-up: the app's identity, and settings / data folders isolated from the user's own."""
import os
import re
import time

import pytest
from PySide6.QtCore import QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path, monkeypatch):
    """Each test starts with empty settings and its own data folder (never the real user's)."""
    from gui.settings import set_identity

    set_identity(qapp)
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr("gui.settings.data_dir", lambda: _mk(tmp_path / "data"))
    yield


def _mk(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def in_chinese(qtbot, qapp):
    """check(reads) switches the language live to Chinese and back, and returns (english, chinese): the texts
    `reads` ({name: callable}) give before and during the switch. Every one must change in Chinese and be the
    same English text again afterwards — nothing stays in the old language, nothing is lost on the way back."""
    from gui import i18n

    def read(reads):
        return {name: get() for name, get in reads.items()}

    def settled(predicate):
        try:
            qtbot.waitUntil(predicate, timeout=3000)
        except qtbot.TimeoutError:
            pass  # the assertions below say what is wrong

    def check(reads):
        english = read(reads)
        try:
            assert i18n.install_language(qapp, "zh_CN")
            settled(lambda: all(text != english[name] for name, text in read(reads).items()))
            chinese = read(reads)
            assert [name for name in reads if chinese[name] == english[name]] == [], "still in English"
        finally:
            i18n.install_language(qapp, "en")
        settled(lambda: read(reads) == english)
        assert read(reads) == english
        return english, chinese

    return check


@pytest.fixture
def threads(monkeypatch):
    """Every Worker (thread) the panels' RunControllers make, in order."""
    import gui.run
    from gui.worker import Worker

    made = []

    class Recorded(Worker):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(gui.run, "Worker", Recorded)
    return made


ROUND_TRIPS = {"count": 0, "seconds": 0.0, "skipped": 0, "notes": {}}  # their cost and notes, for the summary


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "keeps_language: no live switch to Chinese after each click / type_into (the test switches "
        "languages itself or measures time)")


@pytest.fixture(autouse=True)
def no_english_left(request, qapp):
    """After each click / type_into of tests/gui/actions.py: switch live to Chinese, scan the window for English
    left, switch back and check the English texts came back (tests/gui/english.py); the action fails listing
    each problem. Words the test typed (an expression, a name) may stay as typed. An action after which the
    window shows exactly the texts it showed after its last round trip needs none (the cost: a scan)."""
    if request.node.get_closest_marker("keeps_language"):
        yield
        return
    import shiboken6
    from english import language_round_trip, plain, visible_texts

    from gui import i18n

    typed: set[str] = set()
    checked: dict[int, tuple] = {}  # window → the texts it showed after its last round trip in this test

    def after(widget, action, text):
        typed.update(re.findall(r"[A-Za-z]+", text))
        if i18n.current() != "en" or not shiboken6.isValid(widget):
            return
        window, start = widget.window(), time.perf_counter()
        if checked.get(id(window)) == shown(window):
            ROUND_TRIPS["skipped"] += 1
            ROUND_TRIPS["seconds"] += time.perf_counter() - start
            return  # nothing a user sees changed since the last round trip: the same texts, the same result
        notes = []
        problems = language_round_trip(qapp, window, frozenset(typed), notes)
        checked[id(window)] = shown(window)
        for note in notes:
            ROUND_TRIPS["notes"].setdefault(note, request.node.nodeid)
        ROUND_TRIPS["count"] += 1
        ROUND_TRIPS["seconds"] += time.perf_counter() - start
        if problems:
            where = plain(widget.window().windowTitle()) or type(widget.window()).__name__
            message = f"after the {action} in {where}:\n  " + "\n  ".join(problems)
            if os.environ.get("ENGLISH_LEFT_LOG"):  # survey mode: note every problem, fail nothing
                with open(os.environ["ENGLISH_LEFT_LOG"], "a", encoding="utf-8") as log:
                    log.write(f"{request.node.nodeid}: {message}\n")
                return
            raise AssertionError(message)

    def shown(window):
        return tuple((where, text) for _obj, where, text in visible_texts(window))

    qapp.after_user_action = after
    try:
        yield
    finally:
        qapp.after_user_action = None


def pytest_terminal_summary(terminalreporter):
    if ROUND_TRIPS["count"]:
        terminalreporter.write_line(
            f"no English left: {ROUND_TRIPS['count']} language round trips after clicks and typing took "
            f"{ROUND_TRIPS['seconds']:.1f} s ({ROUND_TRIPS['skipped']} actions changed no text and needed none)")
    notes = ROUND_TRIPS["notes"]
    if notes:  # a page lagging its state by an event, or a result a language switch loses: worth a look
        terminalreporter.write_line(f"{len(notes)} texts changed when retranslated in English (first 10):")
        for note, test in list(notes.items())[:10]:
            terminalreporter.write_line(f"  {test}: {note[:300]}")
