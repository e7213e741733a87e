"""Descent tab animation smoothness: all five optimizers playing at 30 steps per second.

    QT_QPA_PLATFORM=offscreen python3 bench/descent_fps.py [--seconds 4] [--speed 30] [--steps 1000]

Runs the tab offscreen at 1280×720 on the chapter 6 comparison (five optimizers, analytic gradient) with more
steps so it keeps playing, and prints the frames per second achieved (timer ticks that redrew, and paints of the
map), the 99th-percentile interval between frames, and the time one frame's redraw takes.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.times = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--speed", type=int, default=30, help="steps per second")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--gradient", default="analytic", choices=["analytic", "numerical"])
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from gui.tabs.descent.tab import DescentTab

    tab = DescentTab()
    tab.resize(1280, 720)
    tab.show()
    app.processEvents()
    tab.run_preset("chapter6")
    tab.pause()
    tab.controls.steps_spin.setValue(args.steps)
    tab.controls.gradient_combo.setCurrentIndex(tab.controls.gradient_combo.findData(args.gradient))
    tab.transport.speed_slider.setValue(args.speed)
    tab.reset()
    painter = PaintCounter()
    tab.map.plot.viewport().installEventFilter(painter)

    ticks, work = [], []
    original = tab.on_tick

    def timed_tick():
        t0 = time.perf_counter()
        original()
        t1 = time.perf_counter()
        ticks.append(t0)
        work.append(t1 - t0)

    tab.play_timer.timeout.disconnect()
    tab.play_timer.timeout.connect(timed_tick)
    tab.play()
    start = time.perf_counter()
    QTimer.singleShot(int(args.seconds * 1000), app.quit)  # the real event loop, as in the app
    app.exec()
    elapsed = time.perf_counter() - start
    tab.pause()

    def interval_stats(times):
        d = np.diff(times) * 1000 if len(times) > 1 else np.array([np.nan])
        return np.percentile(d, 50), np.percentile(d, 99), d.max()

    paints = [t for t in painter.times if t >= start]
    runs = len(tab.descent.runs())
    print(f"Descent tab, {runs} optimizers, {args.gradient} gradient, {args.speed} steps/s for {elapsed:.1f} s "
          f"(reached step {tab.state.index})")
    print(f"frames (ticks): {len(ticks) / elapsed:.1f} per second; interval median {interval_stats(ticks)[0]:.1f} ms, "
          f"p99 {interval_stats(ticks)[1]:.1f} ms, max {interval_stats(ticks)[2]:.1f} ms")
    print(f"map paints:     {len(paints) / elapsed:.1f} per second; interval median {interval_stats(paints)[0]:.1f} ms,"
          f" p99 {interval_stats(paints)[1]:.1f} ms")
    w = np.array(work) * 1000
    print(f"redraw work per frame: median {np.median(w):.1f} ms, p99 {np.percentile(w, 99):.1f} ms")
    tab.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
