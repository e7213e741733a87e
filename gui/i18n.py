"""Languages: Simplified Chinese and English, switched at run time with Qt's translators."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from gui.resources import resource_path

I18N_DIR = resource_path("i18n")
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each shown in its own language
_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The language installed last ("en" or "zh_CN"): for texts that come in both languages from data files."""
    return _current


def system_language() -> str:
    """zh_CN when the system locale is Chinese, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalize(code: str | None) -> str:
    """Map user input like 'zh', 'zh-CN', 'zh_CN', 'en_US' to a shipped language code."""
    if not isinstance(code, str) or not code.strip():  # nothing, or a damaged setting (a list, bytes): the system's
        return system_language()
    code = code.strip().replace("-", "_")
    if code.lower().startswith("zh"):
        return "zh_CN"
    return "en"


def install_language(app: QApplication, code: str) -> bool:
    """Replace the installed translators with those for `code`; Qt then sends LanguageChange to every widget.

    Returns False when the language's .qm file is missing (the interface stays in English).
    """
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = code
    if code == "en":
        return True
    ok = True
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"gradient_lab_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = False
    qt_own = QTranslator(app)  # Qt's standard dialogs and buttons
    if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    plots = QTranslator(app)  # pyqtgraph's right-click menus and export dialog (see tools/update_translations.py)
    if plots.load(str(I18N_DIR / f"pyqtgraph_{code}.qm")):
        app.installTranslator(plots)
        _installed.append(plots)
    return ok
