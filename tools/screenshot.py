"""Write a PNG of every tab, in English and Chinese, light and (optionally) dark palette.

    python tools/screenshot.py [--out docs/screenshots] [--tab KEY] [--lang en|zh_CN] [--dark] [--size 1280x760]
                               [--plain]

Runs offscreen (no display needed). Files are named <tab>_<lang>[_dark].png.
Unless --plain, the tabs are first used as a learner would (staged): the chapter 6 optimizer comparison run to
its end, a 3 drawn on the canvas, and — when ../shared/data/mnist is beside the checkout — a short MNIST run.
The shots show only the app's own drawings and curves, never pictures from the data sets.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, QStandardPaths, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.appearance import dark_palette  # noqa: E402

MNIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"
THREE = [(0.32, 0.25), (0.5, 0.2), (0.65, 0.3), (0.5, 0.48), (0.67, 0.62), (0.5, 0.78), (0.3, 0.72)]


def wait(app, done, seconds=120.0) -> bool:
    """Process events until done() or the time is up."""
    import time

    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return done()


def stage_descent(app, tab):
    tab.run_preset("chapter6")
    tab.run_to_end()


def stage_draw(app, tab):
    canvas = tab.canvas
    r = canvas.square()
    points = [QPoint(round(r.x() + x * r.width()), round(r.y() + y * r.height())) for x, y in THREE]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for a, b in zip(points, points[1:], strict=False):
        for i in range(1, 9):
            QTest.mouseMove(canvas, a + (b - a) * (i / 8))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    tab.refresh_now()


def stage_training(app, tab):
    """A 3,000-iteration run of the book's ReLU net (5 epochs), when real MNIST is beside the checkout."""
    if not MNIST.exists():
        return
    from gui.settings import app_settings

    panel = next(p for p in tab.panels if p.objectName() == "training_mnist")
    tab.experiments.setCurrentWidget(panel)
    app_settings().setValue("data/mnist", str(MNIST))
    panel.find_data()
    if not wait(app, lambda: panel.state.data is not None, 60):
        return
    panel.net_box.iter_spin.setValue(3000)
    panel.start_button.click()
    wait(app, lambda: panel.state.report is not None and panel.start_button.isEnabled(), 180)


STAGES = {"descent": stage_descent, "draw": stage_draw, "training": stage_training}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--tab", action="append", help="only this tab (repeatable)")
    parser.add_argument("--lang", action="append", choices=["en", "zh_CN"], help="only this language")
    parser.add_argument("--dark", action="store_true", help="also write dark-palette shots")
    parser.add_argument("--size", default="1280x760")
    parser.add_argument("--plain", action="store_true", help="the tabs as they open, not used first")
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
    for _ in range(5):
        app.processEvents()
    if not args.plain:
        for key, stage in STAGES.items():
            if key in window.tab_pages and (not args.tab or key in args.tab):
                window.show_tab(key)
                app.processEvents()
                stage(app, window.tab_pages[key])
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
