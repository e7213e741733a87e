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
