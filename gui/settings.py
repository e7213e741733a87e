"""One place for the app's identity, its QSettings and its data folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = "GradientLab"
APPLICATION = "Gradient Lab"


def set_identity(app: QCoreApplication) -> None:
    """Name the app so QSettings and QStandardPaths choose its own folders."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)


def app_settings() -> QSettings:
    """The user's settings (an INI file in the user's config folder: readable, easy to reset)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def data_dir() -> Path:
    """The user's data folder (QStandardPaths.AppDataLocation), created on first use."""
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def read(settings: QSettings, key: str, default, *, lo=None, hi=None, choices=None):
    """The stored value of `key`, of the type of `default` (bool, int, float or str) — or `default` when it is
    missing, of another type, not finite, outside [lo, hi] or not one of `choices`. Never raises: a hand-edited or
    damaged settings file cannot stop the app from starting."""
    raw = settings.value(key, default)
    try:
        if isinstance(default, bool):
            value = raw if isinstance(raw, bool) else {"true": True, "false": False}[str(raw).strip().lower()]
        elif isinstance(default, int):
            value = int(str(raw).strip())
        elif isinstance(default, float):
            value = float(str(raw).strip())
            if value != value or value in (float("inf"), float("-inf")):
                return default
        else:
            if not isinstance(raw, str):
                return default
            value = raw
    except (KeyError, TypeError, ValueError, OverflowError):
        return default
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return default
    if choices is not None and value not in choices:
        return default
    return value
