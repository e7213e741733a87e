"""GUI test set-up: the app's identity, and settings / data folders isolated from the user's own."""
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
