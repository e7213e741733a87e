"""RunController: the one owner of a panel's long work (training, reports, checks, loading, downloads).

Like pymeasure's Manager: a panel asks the controller to run a job (an engine generator) under a name
("train", "report", …); the controller makes the Worker (gui/worker.py), follows its status, and hands the panel
the job's events, its end and its failure through the callbacks given at start. The panel never touches a thread.

- A job has a status (Status) and a run id; events, done and failed of an earlier run of the same name (stopped,
  replaced) are dropped, so a late signal never lands in a new run.
- `done(status)` and `failed(message)` arrive after the thread has ended: in them `is_running(name)` is False and
  the panel can enable its controls and start the next job at once.
- stop() only asks (the job ends between two steps; done(Status.STOPPED) follows): the GUI thread never waits.
  A job given `on_stop` has it called by stop() (a download closes its socket there).
- shutdown() stops everything, waits at most ~100 ms in all for the threads, then refuses new jobs and drops all
  callbacks (a closed panel receives nothing). A thread still running is kept alive by gui.worker's registry;
  the app waits for those after its event loop (Worker.wait_all), so quitting never destroys a running thread.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal

from gui.worker import Worker


class Status(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"  # asked to stop, the thread has not ended yet
    FINISHED = "finished"  # the job ran to its end
    STOPPED = "stopped"  # stopped before its end
    FAILED = "failed"  # the job raised


ACTIVE = (Status.RUNNING, Status.PAUSED, Status.STOPPING)


@dataclass
class _Job:
    worker: Worker
    run_id: int
    status: Status
    events: Callable | None
    done: Callable | None
    failed: Callable | None
    paused: Callable | None
    message: str = ""
    ending: Status = Status.STOPPED  # how the job ended, final once its thread has ended


class RunController(QObject):
    """Runs a panel's jobs by name; one job of each name at a time."""

    status_changed = Signal(str, object)  # job name, Status

    def __init__(self, parent=None):
        super().__init__(parent)
        self._jobs: dict[str, _Job] = {}
        self._next_id = 0
        self._closed = False

    # --- asking ---
    def status(self, name: str) -> Status:
        job = self._jobs.get(name)
        return job.status if job else Status.IDLE

    def is_running(self, name: str) -> bool:
        """The job's thread is alive (running, paused or stopping)."""
        return self.status(name) in ACTIVE

    def is_paused(self, name: str) -> bool:
        return self.status(name) is Status.PAUSED

    def run_id(self, name: str) -> int:
        """The id of the latest run of `name` (0 before the first)."""
        job = self._jobs.get(name)
        return job.run_id if job else 0

    def any_running(self) -> bool:
        return any(job.status in ACTIVE for job in self._jobs.values())

    @property
    def closed(self) -> bool:
        return self._closed

    # --- control ---
    def start(self, name: str, make_job: Callable[[], Iterator], events: Callable | None = None,
              done: Callable | None = None, failed: Callable | None = None, paused: Callable | None = None,
              max_rate: float = 30.0, on_stop: Callable[[], None] | None = None) -> int | None:
        """Run `make_job()` on a new thread under `name`; returns the run id, or None when refused (after shutdown,
        or while a job of that name still runs: stop it and start again from its done callback). `on_stop` is called
        on the GUI thread when the job is asked to stop (it must not block)."""
        if self._closed or self.is_running(name):
            return None
        self._next_id += 1
        run_id = self._next_id
        worker = Worker(make_job, max_rate=max_rate, on_stop=on_stop)
        job = _Job(worker, run_id, Status.RUNNING, events, done, failed, paused)
        self._jobs[name] = job
        worker.events.connect(lambda batch: self._on_events(name, run_id, batch))
        worker.done.connect(lambda finished: self._on_end(name, run_id, Status.FINISHED if finished else None))
        worker.failed.connect(lambda message: self._on_failed(name, run_id, message))
        worker.paused_changed.connect(lambda is_paused: self._on_paused(name, run_id, is_paused))
        worker.finished.connect(lambda: self._on_thread_end(name, run_id))
        self.status_changed.emit(name, Status.RUNNING)
        worker.start()
        return run_id

    def pause(self, name: str) -> None:
        job = self._jobs.get(name)
        if job and job.status is Status.RUNNING:
            job.worker.pause()

    def resume(self, name: str) -> None:
        job = self._jobs.get(name)
        if job and job.status is Status.PAUSED:
            job.worker.resume()

    def toggle_pause(self, name: str) -> None:
        if self.is_paused(name):
            self.resume(name)
        else:
            self.pause(name)

    def stop(self, name: str) -> None:
        """Ask the job to stop between two steps; done(Status.STOPPED) follows once its thread has ended."""
        job = self._jobs.get(name)
        if job and job.status in (Status.RUNNING, Status.PAUSED):
            self._set(name, job, Status.STOPPING)
            job.worker.stop(wait_ms=0)

    def stop_all(self) -> None:
        for name in list(self._jobs):
            self.stop(name)

    def shutdown(self, wait_ms: int = 100) -> None:
        """Stop every job, wait up to `wait_ms` in all for their threads, refuse new jobs and drop all callbacks.
        A thread that has not ended by then ends on its own (gui.worker keeps it referenced meanwhile)."""
        self._closed = True
        for job in self._jobs.values():
            job.events = job.done = job.failed = job.paused = None
            if job.status in (Status.RUNNING, Status.PAUSED):
                job.status = Status.STOPPING
            job.worker.stop()
        deadline = time.monotonic() + max(0, wait_ms) / 1000
        for job in self._jobs.values():
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                break
            job.worker.wait(left)

    # --- from the worker (on the GUI thread) ---
    def _current(self, name: str, run_id: int) -> _Job | None:
        job = self._jobs.get(name)
        return job if job is not None and job.run_id == run_id else None

    def _set(self, name: str, job: _Job, status: Status) -> None:
        if job.status is not status:
            job.status = status
            if not self._closed:
                self.status_changed.emit(name, status)

    def _on_events(self, name, run_id, batch):
        job = self._current(name, run_id)
        if job and job.events:
            job.events(batch)

    def _on_paused(self, name, run_id, is_paused):
        job = self._current(name, run_id)
        if job and job.status in (Status.RUNNING, Status.PAUSED):
            self._set(name, job, Status.PAUSED if is_paused else Status.RUNNING)
            if job.paused:
                job.paused(is_paused)

    def _on_end(self, name, run_id, status):
        job = self._current(name, run_id)
        if job:
            job.message = ""
            job.ending = status or Status.STOPPED

    def _on_failed(self, name, run_id, message):
        job = self._current(name, run_id)
        if job:
            job.message = message
            job.ending = Status.FAILED

    def _on_thread_end(self, name, run_id):
        """The thread has ended: now the job's status is final and the panel hears how it ended."""
        job = self._current(name, run_id)
        if job is None:
            return
        ending = job.ending
        self._set(name, job, ending)
        if ending is Status.FAILED:
            if job.failed:
                job.failed(job.message)
        elif job.done:
            job.done(ending)
