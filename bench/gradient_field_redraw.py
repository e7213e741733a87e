"""Time the Gradient field tab's redraw (contours + arrows + paint) per surface, at its default grid step and a
quarter of it.

    python3 bench/gradient_field_redraw.py

Runs offscreen; prints the median of 10 redraws per case (a redraw happens on every pan, zoom or setting change).
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402


def main():
    app = QApplication.instance() or QApplication([])
    from gui.tabs.gradient_field.state import SURFACE_KEYS
    from gui.tabs.gradient_field.tab import GradientFieldTab

    tab = GradientFieldTab()
    tab.resize(1280, 720)
    tab.show()
    for _ in range(5):
        app.processEvents()
    for key in SURFACE_KEYS[:5]:
        tab.on_surface_chosen(key)
        for step in (tab.state.step, tab.state.step / 4):
            tab.controls.step_spin.setValue(step)
            times = []
            for _ in range(10):
                start = time.perf_counter()
                tab.redraw()
                app.processEvents()
                tab.repaint()
                times.append(time.perf_counter() - start)
            times.sort()
            arrows = tab.view.arrows.getData()[0].size // 6
            print(f"{key:11s} step {step:7.4g}: {arrows:5d} arrows, redraw + paint median {1000 * times[5]:.1f} ms")


if __name__ == "__main__":
    main()
