"""A GUI heartbeat for tests: a QTimer every 20 ms on the GUI thread records the largest gap between its ticks.

While a job runs and is stopped (or the window closes), the gap says how long the GUI thread was kept from its
event loop: the issue's bar is < 1 s (the design's: stop and quit take effect within ~100 ms of GUI time).
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class Heartbeat:
    def __init__(self, interval_ms: int = 20):
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.worst = 0.0

    def _tick(self):
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last)
        self.last = now

    def __enter__(self):
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self._tick()  # the time since the last tick counts too
        self.timer.stop()
