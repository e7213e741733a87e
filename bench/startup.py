"""Time from `python app.py` starting to the main window on screen (offscreen), over a few fresh processes.

    python bench/startup.py [--runs 5]

Bar (DESIGN.md): the window on screen in about a second.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import time, sys, os
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.settings import set_identity
set_identity(app)
QStandardPaths.setTestModeEnabled(True)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
from gui.main_window import create_window, parse_args
w = create_window(parse_args([]), app)
w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    with tempfile.TemporaryDirectory() as settings:
        code = PROBE.format(root=str(ROOT), settings=settings)
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            times.append(float(out.stdout.strip().splitlines()[-1]))
    print(f"window on screen after {statistics.median(times):.2f} s (median of {args.runs}; "
          f"min {min(times):.2f}, max {max(times):.2f}); interpreter start-up not included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
