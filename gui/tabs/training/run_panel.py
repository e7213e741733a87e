"""RunPanel: the run lifecycle both Training panels share (MNIST, cat / non-cat).

One owner of the panel's long work (a gui.run.RunController, `self.runs`), the Start / Pause-Resume / Stop buttons
with their enabled states and texts, Space = start or pause, one RateProgress bar (one way of computing the rate),
the redraw timer (plots redraw 10 times a second, not per event), the run's Outcome, and shutdown.

A panel subclasses RunPanel and supplies only what differs:

    class MyPanel(RunPanel):
        def __init__(self):
            super().__init__()               # makes self.runs, the buttons, self.progress, self.redraw_timer
            self.state = MyState()           # a dataclass with `outcome: Outcome | None` and `message: str`
            ... build: put self.run_buttons() and self.progress in the panel's "Training" box ...
            self.retranslate()

        def start_training(self):            # Start and Space: check, prepare the plots, then
            self.start_run(lambda: engine_generator(...), total=iterations)
        def on_run_events(self, batch): ...  # the job's events (GUI thread); store them, don't draw
        def redraw(self): ...                # on the timer while running: draw what arrived, self.show_progress(i)
        def on_run_end(self, outcome): ...   # after the thread has ended: the final view, self.progress.finish(...)
        def can_start(self): ...             # data there, no other job in the way (Start's enabled state)
        def keeps_redrawing(self): ...       # another job (a comparison) still draws on self.redraw_timer
        def refresh_run_controls(self):      # super() does the three buttons; enable the settings here
        def retranslate(self):               # super() sets the buttons' texts; then the panel's own texts

Other jobs of the panel (a report, a check, loading data) go through `self.run_job(name, …)` (or
`self.runs.start`) too: after shutdown() nothing starts (a closed panel owns no live thread). A job that must not
run beside others (training after a report, reading a folder after a run) starts through
`self.when_ended(names, then)`: the others are asked to stop and `then()` runs once their threads have ended.
How a run ended (state.outcome, an Outcome) is told by the panel while the events arrive —
`end_run_as(Outcome.DIVERGED)` — or by who stops it — `stop_training(Outcome.SWITCHED)`; else it is FINISHED,
STOPPED or FAILED as the RunController reports it (FAILED: state.message says why). None while a run is on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from gui.run import ACTIVE, RunController, Status
from gui.tabs.base import Tab
from gui.tabs.training.outcome import Outcome
from gui.widgets.progress import RateProgress

TRAIN = "train"  # the RunController's name of the panel's training job
REDRAW_MS = 100  # live curves redraw 10 times a second


class RunPanel(Tab):
    """A Training panel with one training run at a time: buttons, Space, progress, redraw timer, outcome."""

    def __init__(self, unit: str = "iterations"):
        super().__init__()
        self.runs = RunController(self)
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.start_button.clicked.connect(self.start_training)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(lambda: self.stop_training())
        self.progress = RateProgress(unit)
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self.redraw)
        self._verdict: Outcome | None = None  # told by the panel while the job runs (diverged)
        self._stop_reason: Outcome | None = None  # told by who stopped the job (switched)
        self._queued: dict[str, tuple] = {}  # name → (make_job, hooks): to start when the older run has ended
        self._waiting: tuple[tuple[str, ...], Callable] | None = None  # (jobs, then): then() once they have ended
        self.runs.status_changed.connect(self._on_status)

    # ---------------------------------------------------------------- what the panel supplies
    def start_training(self) -> None:
        """Start (button and Space): check the settings, prepare the views, then call start_run."""
        raise NotImplementedError

    def on_run_events(self, batch: list) -> None:
        """The training job's events, in order; keep them (the timer draws them)."""

    def on_run_end(self, outcome: Outcome) -> None:
        """The run has ended (its thread too): show the final view and close the progress line."""

    def redraw(self) -> None:
        """Draw what arrived since the last frame (called by the timer while a run is on)."""

    def on_run_paused(self, paused: bool) -> None:
        """The run paused or resumed (the buttons and the progress bar are already updated)."""

    def can_start(self) -> bool:
        """Whether Start may be pressed now (the data is there, no other job is in the way)."""
        return True

    def keeps_redrawing(self) -> bool:
        """Whether the redraw timer must go on after the run (another job of the panel draws on it)."""
        return False

    # ---------------------------------------------------------------- the layout's parts
    def run_buttons(self) -> QHBoxLayout:
        """Start, Pause / Resume and Stop in a row (the panel puts it in its box, above self.progress)."""
        row = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            row.addWidget(button)
        return row

    def retranslate(self) -> None:
        """The buttons' texts; a subclass calls this first and then sets its own (and the buttons' tooltips)."""
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.refresh_run_controls()

    # ---------------------------------------------------------------- asking
    def is_training(self) -> bool:
        """The training thread is alive (running, paused or stopping)."""
        return self.runs.is_running(TRAIN)

    def is_paused(self) -> bool:
        return self.runs.is_paused(TRAIN)

    def run_status(self) -> Status:
        return self.runs.status(TRAIN)

    # ---------------------------------------------------------------- control
    def start_run(self, make_job: Callable[[], Iterator], total: int, unit: str | None = None) -> bool:
        """Run `make_job()` as the training job; the progress bar counts to `total` (in `unit`). False when
        refused (a run is on, or the panel has shut down)."""
        if self.is_training() or self.runs.closed:
            return False
        self.state.outcome, self.state.message = None, ""
        self._verdict = self._stop_reason = None
        if unit is not None:
            self.progress.unit = unit
        self.progress.start(total)
        self.runs.start(TRAIN, make_job, events=self.on_run_events, done=self._run_done, failed=self._run_failed,
                        paused=self._run_paused)
        self.redraw_timer.start()
        self.refresh_run_controls()
        return True

    def start_or_pause(self) -> None:
        """Space: pause or resume a run, else start one (when Start is enabled)."""
        if self.is_training():
            self.toggle_pause()
        elif self.start_button.isEnabled():
            self.start_training()

    def toggle_pause(self) -> None:
        self.runs.toggle_pause(TRAIN)

    def stop_training(self, reason: Outcome = Outcome.STOPPED) -> None:
        """Ask the run to stop (never waits); on_run_end(reason) follows once its thread has ended."""
        if self.is_training():
            self._stop_reason = reason
            self.runs.stop(TRAIN)

    def run_job(self, name: str, make_job: Callable[[], Iterator], events: Callable | None = None,
                done: Callable | None = None, failed: Callable | None = None) -> None:
        """Run another job of the panel under `name` (a report, loading data): now, or — while an older run of
        `name` is still ending — once it has ended (it is asked to stop; its own callbacks still hear it)."""
        self._queued[name] = (make_job, events, done, failed)
        if self.runs.is_running(name):
            self.runs.stop(name)
        else:
            self._start_queued(name)

    def cancel_job(self, name: str) -> None:
        """Stop the job `name` and drop a run of it waiting to start."""
        self._queued.pop(name, None)
        self.runs.stop(name)

    def _start_queued(self, name: str) -> None:
        make_job, events, done, failed = self._queued.pop(name)

        def then(callback):
            def ended(arg):
                if callback is not None:
                    callback(arg)
                if name in self._queued:
                    self._start_queued(name)
            return ended

        self.runs.start(name, make_job, events=events, done=then(done), failed=then(failed))

    def when_ended(self, names: tuple[str, ...], then: Callable[[], None]) -> None:
        """Call `then()` once none of the jobs `names` runs — now, or after their threads have ended (they are asked
        to stop, never waited for): a job started this way never runs beside them. A newer wish replaces an older
        one; Start is disabled meanwhile."""
        for name in names:
            self.cancel_job(name)
        if not any(self.runs.is_running(name) for name in names):
            self._waiting = None
            then()
            return
        self._waiting = (tuple(names), then)
        self.refresh_run_controls()

    def is_waiting(self) -> bool:
        """A job waits for others to end (when_ended)."""
        return self._waiting is not None

    def _on_status(self, name: str, status: Status) -> None:
        if status in ACTIVE or self._waiting is None or name not in self._waiting[0]:
            return
        names, then = self._waiting
        if not any(self.runs.is_running(n) for n in names):
            self._waiting = None
            if not self.runs.closed:
                then()
            self.refresh_run_controls()

    def end_run_as(self, outcome: Outcome) -> None:
        """The job says how it ends (e.g. DIVERGED: it returned early); told from on_run_events."""
        self._verdict = outcome

    def show_progress(self, done: float) -> None:
        """Move the progress bar to `done` (rate and time left from the bar's own clock), if it changed."""
        if done and done != self.progress.done:
            self.progress.set_done(done)

    def shutdown(self) -> None:
        """Stop every job of the panel and refuse new ones (the window closes or the panel goes away)."""
        self.redraw_timer.stop()
        self._waiting = None
        self.runs.shutdown()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    # ---------------------------------------------------------------- views
    def refresh_run_controls(self) -> None:
        """The buttons' enabled states and the Pause / Resume text; a subclass adds its settings widgets."""
        running, paused = self.is_training(), self.is_paused()
        self.start_button.setEnabled(not running and not self.is_waiting() and self.can_start())
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Continue training (Space)") if paused
                                     else self.tr("Pause training (Space)"))

    # ---------------------------------------------------------------- from the RunController
    def _run_paused(self, paused: bool) -> None:
        self.progress.pause(paused)
        self.refresh_run_controls()
        self.on_run_paused(paused)

    def _run_done(self, status: Status) -> None:
        if status is Status.FINISHED:
            outcome = self._verdict or Outcome.FINISHED
        else:
            outcome = self._stop_reason or Outcome.STOPPED
        self._end(outcome)

    def _run_failed(self, message: str) -> None:
        self.state.message = message
        self._end(Outcome.FAILED)

    def _end(self, outcome: Outcome) -> None:
        self.state.outcome = outcome
        if not self.keeps_redrawing():
            self.redraw_timer.stop()
        self.on_run_end(outcome)
        self.refresh_run_controls()
