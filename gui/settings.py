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
