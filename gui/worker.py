"""Runs an engine generator on a QThread: coalesced progress signals, pause / resume / stop, errors as signals.

The engine's long jobs (training, numerical gradients, reports, downloads, loading files) are generators that
yield events, at least every ~50 ms of work. A Worker iterates one on its own thread and hands the events to the
GUI thread in batches, at most about `max_rate` batches a second, so the GUI thread never waits on the work and
is never flooded. A job may yield None: no event, only a point where pause and stop are honoured.

stop() never waits: it sets a flag read between two steps and calls the job's `on_stop` hook (a download closes
its socket there, so a stalled read ends at once). Every started Worker is kept in a registry until its thread
has ended: a QThread destroyed while it runs aborts the process ("QThread: Destroyed while thread is still
running", exit 134), so at quit the app calls `Worker.stop_all()` and `Worker.wait_all(ms)` after the event loop.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QThread, Signal

_log = logging.getLogger(__name__)
_LIVE: set = set()  # every Worker whose thread was started and has not been seen ending (keeps it referenced)
_LIVE_LOCK = threading.Lock()


class Worker(QThread):
    """Iterate `make_job()` on a thread.

    Signals (delivered on the GUI thread):
      events(object)  a list: the events yielded since the last batch, in order (None yields are left out)
      done(bool)      True when the job ran to its end, False when it was stopped (also when it raised after
                      stop was asked: a cancelled download's closed socket, for example)
      failed(str)     the job raised: a one-line message (the traceback goes to stderr and the log)
      paused_changed(bool)
    """

    events = Signal(object)  # a list of events; object: passed as is, not converted to Qt types and back
    done = Signal(bool)
    failed = Signal(str)
    paused_changed = Signal(bool)

    def __init__(self, make_job: Callable[[], Iterator], parent=None, max_rate: float = 30.0,
                 on_stop: Callable[[], None] | None = None):
        super().__init__(parent)
        self._make_job = make_job
        self._interval = 1.0 / max_rate
        self._stop = threading.Event()
        self._running = threading.Event()  # cleared = paused
        self._running.set()
        self._on_stop = on_stop
        self.finished.connect(self._release)

    # --- the registry of live threads ---
    def start(self, *args) -> None:
        # Hold a reference while the thread runs: a QThread collected (or destroyed at exit) mid-run aborts the app.
        with _LIVE_LOCK:
            _LIVE.add(self)
        super().start(*args)

    def _release(self) -> None:
        with _LIVE_LOCK:
            _LIVE.discard(self)

    @staticmethod
    def live() -> list[Worker]:
        """The workers whose threads may still run."""
        with _LIVE_LOCK:
            return list(_LIVE)

    @staticmethod
    def stop_all() -> None:
        """Ask every live worker to stop (never waits)."""
        for worker in Worker.live():
            worker.stop()

    @staticmethod
    def wait_all(ms: int = 2000) -> bool:
        """Wait up to `ms` in all for every live worker's thread to end (after the event loop, at quit); True when
        none runs any more. The ended ones leave the registry."""
        deadline = time.monotonic() + ms / 1000
        for worker in Worker.live():
            left = max(0, int((deadline - time.monotonic()) * 1000))
            if worker.isRunning() and not worker.wait(left):
                continue
            worker._release()
        return not any(worker.isRunning() for worker in Worker.live())

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

    def is_stopping(self) -> bool:
        return self._stop.is_set()

    def stop(self, wait_ms: int = 0) -> None:
        """Ask the job to stop between two steps (and call its on_stop hook); waits for the thread to end only
        when `wait_ms` > 0 (tests; the GUI never does)."""
        first = not self._stop.is_set()
        self._stop.set()
        self._running.set()
        if first and self._on_stop is not None:
            try:
                self._on_stop()
            except Exception:  # a hook that fails must not stop the stopping
                _log.exception("the job's stop hook failed")
        if wait_ms > 0 and self.isRunning() and QThread.currentThread() is not self:
            self.wait(wait_ms)

    # --- the thread ---
    def run(self) -> None:
        batch: list = []
        last_emit = time.perf_counter()
        job = None
        try:
            job = self._make_job()
            for event in job:
                if event is not None:
                    batch.append(event)
                now = time.perf_counter()
                if batch and now - last_emit >= self._interval:
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
            if batch:
                self.events.emit(batch)
            if self._stop.is_set():  # the job broke because it was stopped (its socket closed, ...)
                self.done.emit(False)
                return
            _log.exception("a job failed on its worker")
            self.failed.emit(f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc))
        finally:
            if job is not None and hasattr(job, "close"):
                try:
                    job.close()  # runs the generator's finally blocks (temp files, ...)
                except Exception:
                    _log.exception("closing a job failed")
