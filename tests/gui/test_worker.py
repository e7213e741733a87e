"""gui.worker.Worker: events arrive in order and coalesced, pause / resume / stop work, errors become signals."""
import time

from gui.worker import Worker


def counting(n, delay=0.0):
    def job():
        for i in range(n):
            if delay:
                time.sleep(delay)
            yield i
    return job


def test_all_events_arrive_in_order_and_coalesced(qtbot):
    w = Worker(counting(20000), max_rate=30)
    batches = []
    w.events.connect(batches.append)
    with qtbot.waitSignal(w.done, timeout=10000) as done:
        w.start()
    assert done.args == [True]
    qtbot.wait(20)
    flat = [e for b in batches for e in b]
    assert flat == list(range(20000))
    assert len(batches) < 2000  # far fewer signals than events


def test_pause_resume_stop(qtbot):
    w = Worker(counting(100000, delay=0.0005))
    seen = []
    w.events.connect(lambda b: seen.extend(b))
    w.start()
    qtbot.waitUntil(lambda: len(seen) > 10, timeout=5000)
    w.pause()
    assert w.is_paused()
    qtbot.wait(100)
    frozen = len(seen)
    qtbot.wait(200)
    assert len(seen) == frozen  # nothing runs while paused
    w.resume()
    qtbot.waitUntil(lambda: len(seen) > frozen, timeout=5000)
    with qtbot.waitSignal(w.done, timeout=5000) as done:
        w.stop()
    assert done.args == [False]
    qtbot.waitUntil(lambda: not w.isRunning(), timeout=1000)
    assert len(seen) < 100000


def test_errors_are_reported_not_raised(qtbot):
    def job():
        yield 1
        raise ValueError("train-images-idx3-ubyte.gz: truncated")

    w = Worker(job)
    with qtbot.waitSignal(w.failed, timeout=5000) as failed:
        w.start()
    assert failed.args == ["train-images-idx3-ubyte.gz: truncated"]
    w.wait(2000)
    assert not w.isRunning()


def test_stop_runs_the_generators_cleanup(qtbot):
    cleaned = []

    def job():
        try:
            while True:
                time.sleep(0.001)
                yield 0
        finally:
            cleaned.append(True)

    w = Worker(job)
    w.start()
    qtbot.wait(50)
    w.stop()
    qtbot.waitUntil(lambda: cleaned == [True], timeout=1000)


def test_stop_never_waits_for_a_slow_step(qtbot):
    """A step of 400 ms: stop() returns at once (the GUI thread never waits), done(False) follows the step."""
    def job():
        while True:
            time.sleep(0.4)
            yield 0

    w = Worker(job)
    w.start()
    qtbot.wait(50)
    started = time.perf_counter()
    with qtbot.waitSignal(w.done, timeout=2000) as done:
        w.stop()
        assert time.perf_counter() - started < 0.05
    assert done.args == [False]
    qtbot.waitUntil(lambda: not w.isRunning(), timeout=1000)


def test_the_stop_hook_unblocks_the_job_and_its_error_counts_as_stopped(qtbot):
    """A job blocked in a wait (a socket read) is woken by its on_stop hook; the error it then raises is the
    stop's consequence: done(False), not failed."""
    import threading

    wake = threading.Event()

    def job():
        yield 0
        wake.wait(30)
        raise ConnectionError("socket closed")

    w = Worker(job, on_stop=wake.set)
    failed = []
    w.failed.connect(failed.append)
    w.start()
    qtbot.wait(50)
    started = time.perf_counter()
    with qtbot.waitSignal(w.done, timeout=1000) as done:
        w.stop()
    assert time.perf_counter() - started < 1.0 and done.args == [False] and failed == []


def test_none_yields_are_no_events(qtbot):
    def job():
        for i in range(5):
            yield None
            yield i

    w = Worker(job)
    seen = []
    w.events.connect(seen.extend)
    with qtbot.waitSignal(w.done, timeout=5000):
        w.start()
    qtbot.wait(20)
    assert seen == [0, 1, 2, 3, 4]


def test_live_workers_are_kept_until_their_thread_ends_and_wait_all_waits_for_them(qtbot):
    def job():
        for _ in range(100_000):
            time.sleep(0.005)
            yield 0

    w = Worker(job)
    w.start()
    assert w in Worker.live()
    assert not Worker.wait_all(30)  # still running after 30 ms
    Worker.stop_all()
    assert Worker.wait_all(2000)
    assert not w.isRunning() and w not in Worker.live()
