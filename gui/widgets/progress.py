"""A progress bar with a line under it: how much is done, the rate, and the time left.

    bar = RateProgress(unit="iterations")      # or "bytes", "weights"
    bar.start(total)                            # the clock starts
    bar.set_done(done)                          # rate from the last few seconds, time left from that rate
    bar.set_done(done, rate=r, eta=s)           # or figures the job computed itself (a download)
    bar.pause(True) / bar.pause(False)          # the clock stops while paused
    bar.finish(text)                            # a closing line ("Finished in 4.1 s"): the owner sets it
                                                # again in its retranslate(); the running line follows by itself

The rate is a moving window (about 2 s), so a change of speed shows quickly.
"""
from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

WINDOW_S = 2.0


def format_bytes(n: float) -> str:
    """1234567 → '1.2 MB' (decimal units, as download sizes are usually quoted)."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:.0f} B"


def format_duration(seconds: float) -> str:
    """3.2 → '3 s', 95 → '1 min 35 s', 4000 → '1 h 07 min' (in the interface's language: 1 分 35 秒)."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return QCoreApplication.translate("RateProgress", "%1 s").replace("%1", str(seconds))
    minutes, s = divmod(seconds, 60)
    if minutes < 60:
        return QCoreApplication.translate("RateProgress", "%1 min %2 s").replace("%1", str(minutes)).replace(
            "%2", f"{s:02d}")
    hours, m = divmod(minutes, 60)
    return QCoreApplication.translate("RateProgress", "%1 h %2 min").replace("%1", str(hours)).replace(
        "%2", f"{m:02d}")


class RateProgress(QWidget):
    """QProgressBar + a label: "1,200 / 10,000 iterations · 2,950 it/s · 3 s left"."""

    def __init__(self, unit: str = "iterations", parent=None):
        super().__init__(parent)
        self.unit = unit
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.total = 0
        self.done = 0
        self.rate = None
        self.eta = None
        self._samples = deque()
        self._paused_at = None
        self._clock_offset = 0.0
        self._running = False  # the label shows the running line (amount · rate · time left), built from figures
        self.reset()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange and self._running:
            self._show()  # "1,200 / 10,000 iterations · …" again in the new language
        super().changeEvent(event)

    # --- the clock, which stops while paused ---
    def _now(self) -> float:
        return time.perf_counter() - self._clock_offset

    def reset(self):
        self.total, self.done, self.rate, self.eta = 0, 0, None, None
        self._samples.clear()
        self._paused_at = None
        self._running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.label.setText("")

    def start(self, total: int):
        self.reset()
        self.total = max(int(total), 0)
        self.bar.setRange(0, max(self.total, 1) if self.unit != "bytes" else 1000)
        self._samples.append((self._now(), 0))
        self._show()

    def pause(self, paused: bool):
        if paused and self._paused_at is None:
            self._paused_at = time.perf_counter()
        elif not paused and self._paused_at is not None:
            self._clock_offset += time.perf_counter() - self._paused_at
            self._paused_at = None
            self._samples.clear()
            self._samples.append((self._now(), self.done))
        self._show()

    def set_done(self, done: float, total: float | None = None, rate: float | None = None,
                 eta: float | None = None):
        if total is not None and total != self.total:
            self.total = total
        self.done = done
        now = self._now()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > WINDOW_S:
            self._samples.popleft()
        if rate is None:
            (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
            rate = (d1 - d0) / (t1 - t0) if t1 - t0 > 0.05 else self.rate
            eta = (self.total - done) / rate if rate and self.total else None
        self.rate, self.eta = rate, eta
        self._show()

    def finish(self, text: str):
        if self.total:
            self.done = self.total if self.done >= self.total else self.done
        self._running = False
        self._set_bar()
        self.label.setText(text)

    def _set_bar(self):
        if self.unit == "bytes":
            self.bar.setValue(int(1000 * self.done / self.total) if self.total else 0)
        else:
            self.bar.setValue(int(min(self.done, max(self.total, 1))))

    def _show(self):
        self._running = True
        self._set_bar()
        parts = [self._amount_text()]
        if self._paused_at is not None:
            parts.append(self.tr("paused"))
        elif self.rate:
            parts.append(self._rate_text())
            if self.eta is not None and self.done < self.total:
                parts.append(self.tr("%1 left").replace("%1", format_duration(self.eta)))
        self.label.setText(" · ".join(parts))

    def _amount_text(self) -> str:
        if self.unit == "bytes":
            return self.tr("%1 of %2").replace("%1", format_bytes(self.done)).replace(
                "%2", format_bytes(self.total) if self.total else "?")
        if self.unit == "weights":
            return self.tr("%1 / %2 weights").replace("%1", f"{int(self.done):,}").replace(
                "%2", f"{int(self.total):,}")
        return self.tr("%1 / %2 iterations").replace("%1", f"{int(self.done):,}").replace(
            "%2", f"{int(self.total):,}")

    def _rate_text(self) -> str:
        if self.unit == "bytes":
            return self.tr("%1/s").replace("%1", format_bytes(self.rate))
        if self.unit == "weights":
            return self.tr("%1 weights/s").replace("%1", f"{self.rate:,.0f}")
        if self.rate >= 10:
            return self.tr("%1 it/s").replace("%1", f"{self.rate:,.0f}")
        if self.rate >= 1:
            return self.tr("%1 it/s").replace("%1", f"{self.rate:.1f}")
        return self.tr("%1 s/it").replace("%1", f"{1 / self.rate:.1f}")
