"""Runs an engine generator on a QThread: coalesced progress signals, pause / resume / stop, errors as signals.

The engine's long jobs (training, numerical gradients, downloads) are generators that yield events.
A Worker iterates one on its own thread and hands the events to the GUI thread in batches, at most
about `max_rate` batches a second, so the GUI thread never waits on the work and is never flooded.
"""
from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Iterator

from PySide6.QtCore import QThread, Signal


class Worker(QThread):
    """Iterate `make_job()` on a thread.

    Signals (delivered on the GUI thread):
      events(object)  a list: the events yielded since the last batch, in order
      done(bool)      True when the job ran to its end, False when it was stopped
      failed(str)     the job raised: a one-line message (the traceback goes to stderr)
      paused_changed(bool)
    """

    events = Signal(object)  # a list of events; object: passed as is, not converted to Qt types and back
    done = Signal(bool)
    failed = Signal(str)
    paused_changed = Signal(bool)

    def __init__(self, make_job: Callable[[], Iterator], parent=None, max_rate: float = 30.0):
        super().__init__(parent)
        self._make_job = make_job
        self._interval = 1.0 / max_rate
        self._stop = threading.Event()
        self._running = threading.Event()  # cleared = paused
        self._running.set()
        self._keepalive = None
        self.finished.connect(self._release)

    def start(self, *args) -> None:
        # Hold a reference to ourselves while the thread runs: a QThread collected mid-run aborts the app.
        self._keepalive = self
        super().start(*args)

    def _release(self) -> None:
        self._keepalive = None

    # --- control, from the GUI thread ---
    def pause(self) -> None:
        if self.isRunning() and self._running.is_set():
            self._running.clear()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if not self._running.is_set():
            self._running.set()
            self.paused_changed.emit(False)

    def is_paused(self) -> bool:
        return not self._running.is_set()

    def stop(self, wait_ms: int = 10_000) -> None:
        """Ask the job to stop between two steps and wait for the thread to end."""
        self._stop.set()
        self._running.set()
        if self.isRunning() and QThread.currentThread() is not self:
            self.wait(wait_ms)

    # --- the thread ---
    def run(self) -> None:
        batch: list = []
        last_emit = time.perf_counter()
        job = None
        try:
            job = self._make_job()
            for event in job:
                batch.append(event)
                now = time.perf_counter()
                if now - last_emit >= self._interval:
                    self.events.emit(batch)
                    batch, last_emit = [], now
                if not self._running.is_set():
                    if batch:
                        self.events.emit(batch)
                        batch = []
                    self._running.wait()
                if self._stop.is_set():
                    break
            else:
                if batch:
                    self.events.emit(batch)
                self.done.emit(True)
                return
            if batch:
                self.events.emit(batch)
            self.done.emit(False)
        except Exception as exc:  # reported, never a dead thread
            traceback.print_exc()
            if batch:
                self.events.emit(batch)
            self.failed.emit(f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc))
        finally:
            if job is not None and hasattr(job, "close"):
                job.close()  # runs the generator's finally blocks (temp files, ...)
