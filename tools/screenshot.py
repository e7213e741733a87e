"""Write a PNG of every tab, in English and Chinese, light and (optionally) dark palette.

    python tools/screenshot.py [--out docs/screenshots] [--tab KEY] [--lang en|zh_CN] [--dark] [--size 1280x760]

Runs offscreen (no display needed). Files are named <tab>_<lang>[_dark].png.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes, for checking that every tab stays readable."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window, QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.Highlight: QColor("#3574f0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"), QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.PlaceholderText: QColor("#8c8f94"),
    }.items():
        p.setColor(role, color)
    dimmed = QColor("#6f737a")  # disabled controls must look disabled, as in the desktops' dark themes
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    return p


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--tab", action="append", help="only this tab (repeatable)")
    parser.add_argument("--lang", action="append", choices=["en", "zh_CN"], help="only this language")
    parser.add_argument("--dark", action="store_true", help="also write dark-palette shots")
    parser.add_argument("--size", default="1280x760")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication([])
    from gui import i18n
    from gui.settings import set_identity

    set_identity(app)
    QStandardPaths.setTestModeEnabled(True)  # never touch the user's own settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from gui.main_window import MainWindow

    app.setStyle("Fusion")
    light = app.palette()
    window = MainWindow()
    window.resize(width, height)
    window.show()
    palettes = [("", light)] + ([("_dark", dark_palette())] if args.dark else [])
    written = []
    for suffix, palette in palettes:
        app.setPalette(palette)
        for lang in args.lang or ["en", "zh_CN"]:
            i18n.install_language(app, lang)
            app.processEvents()
            for key in window.tab_pages:
                if args.tab and key not in args.tab:
                    continue
                window.show_tab(key)
                for _ in range(5):
                    app.processEvents()
                path = out / f"{key}_{lang}{suffix}.png"
                window.grab().save(str(path))
                written.append(path)
    window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
