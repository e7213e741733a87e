"""gui.tabs.training.run_panel.RunPanel: the run lifecycle both Training panels share."""
import time
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.run import Status
from gui.tabs.training.outcome import Outcome
from gui.tabs.training.run_panel import RunPanel
from gui.widgets.explanation import Explanation
from gui.widgets.panel_helpers import experiment_layout


@dataclass
class ToyState:
    outcome: Outcome | None = None
    message: str = ""


def counting(n, delay=0.0, diverge_at=None, fail_at=None):
    def job():
        for i in range(1, n + 1):
            if delay:
                time.sleep(delay)
            if i == fail_at:
                raise ValueError("the loss is not a number")
            if i == diverge_at:
                yield {"kind": "diverged", "iteration": i}
                return
            yield {"kind": "step", "iteration": i}
    return job


class ToyPanel(RunPanel):
    """The smallest panel: counts steps, notes what it heard and when."""

    def __init__(self, **job):
        super().__init__()
        self.state = ToyState()
        self.job, self.steps, self.ends, self.redraws, self.pauses = job, 0, [], 0, []
        box = QWidget()
        v = QVBoxLayout(box)
        v.addLayout(self.run_buttons())
        v.addWidget(self.progress)
        experiment_layout(self, [box], QTabWidget(), Explanation(), (200, 400, 200))
        self.retranslate()

    def start_training(self):
        self.steps = 0
        self.start_run(counting(**self.job), total=self.job["n"])

    def on_run_events(self, batch):
        for event in batch:
            self.steps = event["iteration"]
            if event["kind"] == "diverged":
                self.end_run_as(Outcome.DIVERGED)

    def redraw(self):
        self.redraws += 1
        self.show_progress(self.steps)

    def on_run_paused(self, paused):
        self.pauses.append(paused)

    def on_run_end(self, outcome):
        self.ends.append((outcome, self.is_training(), self.redraw_timer.isActive()))


def make(qtbot, **job):
    p = ToyPanel(**job)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow, timeout=5000)  # Space is a shortcut of the active window
    return p


def test_a_run_to_its_end(qtbot):
    p = make(qtbot, n=3000, delay=0.0002)
    assert p.start_button.text() == "Start" and p.pause_button.text() == "Pause" and p.stop_button.text() == "Stop"
    assert p.start_button.isEnabled() and not p.pause_button.isEnabled() and not p.stop_button.isEnabled()
    qtbot.mouseClick(p.start_button, Qt.MouseButton.LeftButton)
    assert p.is_training() and p.redraw_timer.isActive() and p.state.outcome is None
    assert not p.start_button.isEnabled() and p.pause_button.isEnabled() and p.stop_button.isEnabled()
    qtbot.waitUntil(lambda: bool(p.ends), timeout=20000)
    assert p.ends == [(Outcome.FINISHED, False, False)]  # heard after the thread and the timer had stopped
    assert p.state.outcome is Outcome.FINISHED and p.steps == 3000 and p.redraws > 0
    assert p.start_button.isEnabled() and not p.stop_button.isEnabled()


def test_space_starts_pauses_and_resumes_and_stop_says_stopped(qtbot):
    p = make(qtbot, n=10**6, delay=0.0005)
    p.start_button.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.waitUntil(p.is_training, timeout=5000)
    qtbot.waitUntil(lambda: p.steps > 5, timeout=5000)
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.waitUntil(p.is_paused, timeout=5000)
    assert p.pauses == [True] and p.pause_button.text() == "Resume"
    assert p.pause_button.toolTip() == "Continue training (Space)" and "paused" in p.progress.label.text()
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: p.run_status() is Status.RUNNING, timeout=5000)
    assert p.pauses == [True, False] and p.pause_button.text() == "Pause"
    qtbot.mouseClick(p.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(p.ends), timeout=5000)
    assert p.ends == [(Outcome.STOPPED, False, False)] and p.steps < 10**6


def test_the_rate_comes_from_the_progress_bar(qtbot):
    p = make(qtbot, n=10**6, delay=0.0005)
    p.start_training()
    qtbot.waitUntil(lambda: p.progress.rate is not None and p.progress.done > 100, timeout=10000)
    assert "it/s" in p.progress.label.text() and "/ 1,000,000 iterations" in p.progress.label.text()
    p.stop_training(Outcome.SWITCHED)  # who stops says why
    qtbot.waitUntil(lambda: bool(p.ends), timeout=5000)
    assert p.state.outcome is Outcome.SWITCHED


@pytest.mark.parametrize("job, outcome, message", [
    (dict(n=100, diverge_at=50), Outcome.DIVERGED, ""),
    (dict(n=100, fail_at=50), Outcome.FAILED, "the loss is not a number"),
])
def test_the_job_tells_how_it_ends(qtbot, job, outcome, message):
    p = make(qtbot, **job)
    p.start_training()
    qtbot.waitUntil(lambda: bool(p.ends), timeout=10000)
    assert p.ends == [(outcome, False, False)] and p.state.message == message
    p.start_training()  # a new run starts from a clean outcome
    assert p.state.outcome is None and p.state.message == ""
    qtbot.waitUntil(lambda: len(p.ends) == 2, timeout=10000)


def test_shutdown_stops_the_run_and_refuses_new_ones(qtbot):
    p = make(qtbot, n=10**7, delay=0.001)
    p.start_training()
    qtbot.waitUntil(lambda: p.steps > 0, timeout=5000)
    p.close()
    assert p.runs.closed and not p.redraw_timer.isActive()
    assert p.start_run(counting(3), total=3) is False
    qtbot.wait(100)
    assert p.ends == []  # a closed panel hears nothing more


def test_run_job_replaces_a_running_job_of_that_name_once_it_has_ended(qtbot):
    p = make(qtbot, n=3)
    heard = []
    slow = counting(10**6, delay=0.001)
    p.run_job("load", slow, events=lambda batch: heard.append("old"), done=lambda status: heard.append(status))
    qtbot.waitUntil(lambda: "old" in heard, timeout=5000)
    first = p.runs.run_id("load")
    p.run_job("load", counting(3), events=lambda batch: heard.append("new"),
              done=lambda status: heard.append(("new", status)))
    assert p.runs.run_id("load") == first  # not refused, not started yet: the old one is asked to stop first
    qtbot.waitUntil(lambda: ("new", Status.FINISHED) in heard, timeout=5000)
    assert Status.STOPPED in heard and heard.index(Status.STOPPED) < heard.index("new")
    p.run_job("report", slow)
    p.cancel_job("report")
    qtbot.waitUntil(lambda: not p.runs.any_running(), timeout=5000)
