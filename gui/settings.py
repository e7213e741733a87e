"""One place for the app's identity, its QSettings and its data folder.

Every stored value is read through this module: `read` (a number, a flag or a text), `read_floats` (a list of
numbers), `read_bytes` (window geometry), `read_json` (a session). A value that is missing comes back as its
default; a value that is there but of the wrong type, out of range, not finite or too long also comes back as its
default, and the rejection is logged (logger "gradient_lab.settings", written to the log file by gui/errors.py) so
a hand-edited or damaged settings file can never stop the app from starting.
"""
from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = "GradientLab"
APPLICATION = "Gradient Lab"
INT_LIMIT = 2**31 - 1  # Qt's spin boxes and sliders hold a C int: a larger stored integer is refused
MAX_TEXT = 10_000  # characters of a stored text (a typed function, a path): longer is refused
MAX_LIST = 1_000  # numbers in a stored list
MAX_JSON = 100_000  # characters of a stored JSON session

log = logging.getLogger("gradient_lab.settings")
_logged: set[str] = set()  # data folders already logged as unusable (once each)
_problem: tuple[str, str, str] | None = None  # (folder wanted, fault, fallback in use) of the last usable_folder


def set_identity(app: QCoreApplication) -> None:
    """Name the app so QSettings and QStandardPaths choose its own folders."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)


def app_settings() -> QSettings:
    """The user's settings (an INI file in the user's config folder: readable, easy to reset)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


# ---------------------------------------------------------------------------------------------- data folder
def data_dir() -> Path:
    """The user's data folder (QStandardPaths.AppDataLocation), created on first use. When it cannot be created
    or written (a read-only file system, a file in the way), a folder in the system's temporary folder is used
    instead, logged once; `data_dir_problem()` then says so for the places that show the data folder."""
    wanted = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return usable_folder(Path(wanted) if wanted else None)


def usable_folder(wanted: Path | None) -> Path:
    """`wanted`, created, when it is a writable folder; else a fallback in the temporary folder (never raises)."""
    global _problem
    if wanted is not None:
        try:
            wanted.mkdir(parents=True, exist_ok=True)
            if not os.access(wanted, os.W_OK | os.X_OK):
                raise PermissionError(f"{wanted} is not writable")
            _problem = None
            return wanted
        except (OSError, ValueError) as exc:
            fault = str(exc) or type(exc).__name__
    else:
        fault = "the system names no data folder"
    fallback = Path(tempfile.gettempdir()) / "GradientLab-data"
    try:
        fallback.mkdir(parents=True, exist_ok=True)
        if not os.access(fallback, os.W_OK | os.X_OK):
            raise PermissionError(f"{fallback} is not writable")
    except OSError:
        fallback = Path(tempfile.mkdtemp(prefix="GradientLab-data-"))
    if str(wanted) not in _logged:
        _logged.add(str(wanted))
        log.warning("Data folder %s cannot be used (%s); using %s for this session", wanted, fault, fallback)
    _problem = (str(wanted), fault, str(fallback))
    return fallback


def log_data_dir_problem() -> None:
    """Log the data folder's fault again (gui/errors.py calls it once the log file is open: the first line was
    written before there was a file to write it to)."""
    if _problem is not None:
        log.warning("Data folder %s cannot be used (%s); using %s for this session", *_problem)


def data_dir_problem() -> str:
    """Why the data folder in use is a temporary fallback (in the current language), or '' when the usual
    folder works. For the places that show the data folder (status bar, About box, Data dialog)."""
    if _problem is None:
        return ""
    wanted, fault, fallback = _problem
    return QCoreApplication.translate(
        "settings",
        "The data folder %1 could not be created or written (%2). This session keeps its data in %3, which the "
        "system may empty: make the folder writable (or move the file in its way), then restart Gradient Lab."
    ).replace("%1", wanted).replace("%2", fault).replace("%3", fallback)


# ---------------------------------------------------------------------------------------------- reading values
def _where(settings: QSettings, key: str) -> str:
    group = settings.group()
    return f"{group}/{key}" if group else key


def _short(raw) -> str:
    text = repr(raw)
    return text if len(text) <= 80 else text[:77] + "..."


def reject(settings: QSettings, key: str, raw, default, why: str = "") -> None:
    """Log that the stored value of `key` is refused and `default` used instead."""
    log.warning("Setting %s = %s refused%s; using the default %s", _where(settings, key), _short(raw),
                f" ({why})" if why else "", _short(default))


def read(settings: QSettings, key: str, default, *, lo=None, hi=None, choices=None):
    """The stored value of `key`, of the type of `default` (bool, int, float or str) — or `default` when it is
    missing, of another type, not finite, outside [lo, hi] (integers also outside a C int), not one of `choices`
    or a text longer than MAX_TEXT. Never raises; a refused value is logged."""
    if not settings.contains(key):
        return default
    raw = settings.value(key, default)
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                value = raw
            else:
                value = {"true": True, "false": False, "1": True, "0": False}[str(raw).strip().lower()]
        elif isinstance(default, int):
            if not isinstance(raw, (int, str)) or isinstance(raw, bool) or len(str(raw)) > 40:
                raise TypeError("not an integer")
            value = int(str(raw).strip())
            if not -INT_LIMIT - 1 <= value <= INT_LIMIT:
                raise ValueError("beyond 2³¹")
        elif isinstance(default, float):
            if not isinstance(raw, (int, float, str)) or isinstance(raw, bool) or len(str(raw)) > 40:
                raise TypeError("not a number")
            value = float(str(raw).strip())
            if not math.isfinite(value):
                raise ValueError("not finite")
        else:
            if not isinstance(raw, str):
                raise TypeError(f"a {type(raw).__name__}, not a text")
            if len(raw) > MAX_TEXT:
                raise ValueError(f"longer than {MAX_TEXT} characters")
            value = raw
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        reject(settings, key, raw, default, str(exc) or "unreadable")
        return default
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        reject(settings, key, raw, default, f"outside [{lo}, {hi}]")
        return default
    if choices is not None and value not in choices:
        reject(settings, key, raw, default, "not one of the choices")
        return default
    return value


def read_floats(settings: QSettings, key: str, default=None, *, length=None, lo=None, hi=None):
    """The stored list of numbers of `key` (finite, `length` of them when given, each within [lo, hi]) as a list
    of floats — or `default` when missing or refused (logged). QSettings stores a one-number list as one text
    and an empty list as nothing: both come back as lists."""
    if not settings.contains(key):
        return default
    raw = settings.value(key)
    items = [] if raw is None else [raw] if isinstance(raw, (str, int, float)) else raw
    try:
        if not isinstance(items, (list, tuple)) or len(items) > MAX_LIST:
            raise TypeError(f"a {type(raw).__name__}, not a list of numbers")
        values = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (int, float, str)) or len(str(item)) > 40:
                raise TypeError("an item is not a number")
            values.append(float(str(item).strip()))
        if not all(math.isfinite(v) for v in values):
            raise ValueError("not finite")
        if length is not None and len(values) != length:
            raise ValueError(f"{len(values)} numbers, not {length}")
        if (lo is not None and any(v < lo for v in values)) or (hi is not None and any(v > hi for v in values)):
            raise ValueError(f"outside [{lo}, {hi}]")
    except (TypeError, ValueError, OverflowError) as exc:
        reject(settings, key, raw, default, str(exc))
        return default
    return values


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """The stored bytes of `key` (window geometry and state) — or None when missing or not bytes (logged)."""
    if not settings.contains(key):
        return None
    raw = settings.value(key)
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, (bytes, bytearray)):
        return QByteArray(bytes(raw))
    reject(settings, key, raw, None, f"a {type(raw).__name__}, not bytes")
    return None


def read_json(settings: QSettings, key: str) -> dict:
    """The stored JSON object of `key` — or {} when missing, too long or not a JSON object (logged)."""
    raw = read(settings, key, "")
    if not raw:
        return {}
    if len(raw) > MAX_JSON:
        reject(settings, key, raw, {}, f"longer than {MAX_JSON} characters")
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        reject(settings, key, raw, {}, f"not JSON: {exc}")
        return {}
    if not isinstance(data, dict):
        reject(settings, key, raw, {}, "not a JSON object")
        return {}
    return data


# ---------------------------------------------------------------------------------------------- where files go
def save_folder(kind: str) -> Path:
    """Where to offer saving a file of `kind` ("animation", "script", "model"): the folder the user chose last
    time for it (remembered, when it still exists), else their documents folder — never the current directory
    or the app's hidden data folder."""
    stored = read(app_settings(), f"folders/{kind}", "")
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(kind: str, chosen) -> None:
    """Remember the folder of a file (or the folder) the user chose for `kind`."""
    chosen = Path(chosen)
    app_settings().setValue(f"folders/{kind}", str(chosen if chosen.is_dir() else chosen.parent))
