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
    assert not w.isRunning()
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
    assert cleaned == [True]
