"""gui.run.RunController: jobs by name, status, run ids, pause / resume / stop / shutdown, done after thread end."""
import time

from gui.run import RunController, Status


def counting(n, delay=0.0):
    def job():
        for i in range(n):
            if delay:
                time.sleep(delay)
            yield i
    return job


def failing():
    yield 1
    raise ValueError("the file ends after 12 bytes")


class Seen:
    """What a panel hears from the controller, and whether the thread was still alive when it heard it."""

    def __init__(self, runs, name="train"):
        self.runs, self.name = runs, name
        self.events, self.done, self.failed, self.paused = [], [], [], []

    def hooks(self):
        return dict(events=self.events.extend, done=self.on_done, failed=self.on_failed, paused=self.paused.append)

    def on_done(self, status):
        self.done.append((status, self.runs.is_running(self.name)))

    def on_failed(self, message):
        self.failed.append((message, self.runs.is_running(self.name)))


def test_a_job_runs_to_its_end_and_done_comes_after_the_thread(qtbot):
    runs = RunController()
    seen = Seen(runs)
    statuses = []
    runs.status_changed.connect(lambda name, status: statuses.append((name, status)))
    run_id = runs.start("train", counting(5000), **seen.hooks())
    assert run_id == 1 and runs.run_id("train") == 1
    assert runs.status("train") is Status.RUNNING and runs.is_running("train")
    qtbot.waitUntil(lambda: bool(seen.done), timeout=10000)
    assert seen.events == list(range(5000))
    assert seen.done == [(Status.FINISHED, False)]  # the thread had ended when the panel heard "done"
    assert runs.status("train") is Status.FINISHED and not runs.any_running()
    assert statuses == [("train", Status.RUNNING), ("train", Status.FINISHED)]


def test_stop_only_asks_and_done_says_stopped(qtbot):
    runs = RunController()
    seen = Seen(runs)
    runs.start("train", counting(100000, delay=0.001), **seen.hooks())
    qtbot.waitUntil(lambda: len(seen.events) > 5, timeout=5000)
    t0 = time.perf_counter()
    runs.stop("train")
    assert time.perf_counter() - t0 < 0.1  # the GUI thread does not wait for the job
    assert runs.status("train") is Status.STOPPING and runs.is_running("train")
    qtbot.waitUntil(lambda: bool(seen.done), timeout=5000)
    assert seen.done == [(Status.STOPPED, False)]
    assert len(seen.events) < 100000


def test_pause_and_resume(qtbot):
    runs = RunController()
    seen = Seen(runs)
    runs.start("train", counting(3000, delay=0.0005), **seen.hooks())
    qtbot.waitUntil(lambda: len(seen.events) > 10, timeout=5000)
    runs.toggle_pause("train")
    qtbot.waitUntil(lambda: runs.is_paused("train"), timeout=2000)
    assert seen.paused == [True] and runs.status("train") is Status.PAUSED
    qtbot.wait(100)
    frozen = len(seen.events)
    qtbot.wait(200)
    assert len(seen.events) == frozen  # nothing runs while paused
    runs.toggle_pause("train")
    qtbot.waitUntil(lambda: bool(seen.done), timeout=10000)
    assert seen.paused == [True, False] and seen.done == [(Status.FINISHED, False)]
    assert seen.events == list(range(3000))


def test_a_failing_job_reports_its_message_after_the_thread_ends(qtbot):
    runs = RunController()
    seen = Seen(runs)
    runs.start("load", failing, **seen.hooks())
    seen.name = "load"
    qtbot.waitUntil(lambda: bool(seen.failed), timeout=5000)
    assert seen.failed == [("the file ends after 12 bytes", False)]
    assert seen.events == [1] and seen.done == []
    assert runs.status("load") is Status.FAILED


def test_one_job_of_a_name_at_a_time_and_names_are_independent(qtbot):
    runs = RunController()
    train, report = Seen(runs, "train"), Seen(runs, "report")
    assert runs.start("train", counting(100000, delay=0.001), **train.hooks()) == 1
    assert runs.start("train", counting(3), **train.hooks()) is None  # refused: "train" still runs
    assert runs.start("report", counting(3), **report.hooks()) == 2
    qtbot.waitUntil(lambda: bool(report.done), timeout=5000)
    assert report.events == [0, 1, 2] and runs.is_running("train")
    runs.stop("train")
    qtbot.waitUntil(lambda: bool(train.done), timeout=5000)
    assert runs.start("train", counting(3), **train.hooks()) == 3  # a new run once the old one has ended


def test_shutdown_stops_everything_refuses_new_jobs_and_drops_callbacks(qtbot):
    runs = RunController()
    seen = Seen(runs)
    runs.start("train", counting(10**7, delay=0.001), **seen.hooks())
    qtbot.waitUntil(lambda: bool(seen.events), timeout=5000)
    runs.shutdown(wait_ms=2000)
    assert runs.closed
    qtbot.waitUntil(lambda: not runs.any_running(), timeout=5000)
    heard = len(seen.events)
    qtbot.wait(100)
    assert len(seen.events) == heard and seen.done == []  # a closed panel hears nothing more
    assert runs.start("train", counting(3), **seen.hooks()) is None


def test_shutdown_waits_at_most_about_100_ms_and_the_thread_stays_referenced_until_it_ends(qtbot):
    """A job in a 600 ms step: shutdown returns within ~100 ms (never the old seconds-long wait); the Worker stays
    in the registry (a QThread destroyed while running aborts the app) until its thread has ended."""
    from gui.worker import Worker

    def slow():
        while True:
            time.sleep(0.6)
            yield 0

    runs = RunController()
    runs.start("report", slow)
    qtbot.wait(50)
    worker = runs._jobs["report"].worker
    started = time.perf_counter()
    runs.shutdown()
    assert time.perf_counter() - started < 0.3
    assert worker.isRunning() and worker in Worker.live()
    assert Worker.wait_all(3000)
    assert not worker.isRunning()


def test_stop_calls_the_jobs_stop_hook_once(qtbot):
    runs = RunController()
    calls = []
    seen = Seen(runs, "download")
    runs.start("download", counting(10**6, delay=0.001), on_stop=lambda: calls.append(1), **seen.hooks())
    qtbot.waitUntil(lambda: bool(seen.events), timeout=5000)
    runs.stop("download")
    runs.stop("download")
    qtbot.waitUntil(lambda: bool(seen.done), timeout=5000)
    assert calls == [1] and seen.done == [(Status.STOPPED, False)]
