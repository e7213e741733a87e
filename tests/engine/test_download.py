"""engine.data.download against loopback HTTP servers: the real files, a wrong file, a dropped connection, no answer."""
import functools
import hashlib
import http.server
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from engine.data import download
from engine.data.datasets import MNIST_FILES, MNIST_SIZES, DatasetError, load_mnist
from engine.data.download import DownloadError, RateMeter, download_mnist, md5_of

LABELS = "train-labels-idx1-ubyte.gz"
IMAGES = "train-images-idx3-ubyte.gz"


class FilesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory`; records every path asked for in server.requests."""

    def do_GET(self):
        self.server.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


class DropHandler(FilesHandler):
    """Announces the whole file, sends half of it, then closes the connection."""

    def do_GET(self):
        self.server.requests.append(self.path)
        data = (Path(self.directory) / self.path.lstrip("/")).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)


class SilentHandler(FilesHandler):
    """Accepts the request and never answers (until the test ends)."""

    def do_GET(self):
        self.server.requests.append(self.path)
        self.server.release.wait(10)


@contextmanager
def serve(directory, handler=FilesHandler):
    """A ThreadingHTTPServer on 127.0.0.1 (a free port) serving `directory`; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    server.requests = []
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def closed_port_url():
    """A loopback URL where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def leftovers(folder):
    """Temporary files left behind (there must never be any)."""
    return sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".part") or p.name.startswith("."))


def run(gen):
    """Consume a download; returns the list of events."""
    return list(gen)


@pytest.fixture
def wrong_dir(tmp_path, mnist_dir):
    """A mirror whose train labels file has the right size but one byte changed (so only the MD5 tells)."""
    folder = tmp_path / "wrong_mirror"
    folder.mkdir()
    for name in MNIST_FILES:
        shutil.copy(mnist_dir / name, folder / name)
    data = bytearray((folder / LABELS).read_bytes())
    data[-20] ^= 0xFF
    (folder / LABELS).write_bytes(bytes(data))
    return folder


# ---------------------------------------------------------------- the whole download
def test_download_from_a_mirror_gives_the_verified_files(tmp_path, mnist_dir):
    dest = tmp_path / "data" / "mnist"
    with serve(mnist_dir) as (url, server):
        events = run(download_mnist(dest, mirrors=[url]))
    assert events[0]["kind"] == "start" and events[0]["total"] == sum(MNIST_SIZES.values())
    assert sorted(events[0]["files"]) == sorted(MNIST_FILES)
    assert events[-1] == {"kind": "done", "folder": str(dest)}
    for name, md5 in MNIST_FILES.items():
        assert md5_of(dest / name) == md5
    assert sorted(server.requests) == sorted("/" + n for n in MNIST_FILES)
    assert leftovers(dest) == []
    progress = [e for e in events if e["kind"] == "progress"]
    all_bytes = [e["all_bytes"] for e in progress]
    assert all_bytes == sorted(all_bytes)  # never goes back
    assert all_bytes[-1] == sum(MNIST_SIZES.values()) == progress[-1]["all_total"]
    images = [e for e in progress if e["file"] == IMAGES]
    assert images[-1]["bytes"] == images[-1]["total"] == MNIST_SIZES[IMAGES]
    assert len(images) >= MNIST_SIZES[IMAGES] // (64 * 1024)  # one event per chunk: the bar moves
    assert all(set(e) >= {"rate", "eta", "url"} for e in progress)
    assert [e["file"] for e in events if e["kind"] == "file_done"] == list(MNIST_FILES)
    (x_train, t_train), _ = load_mnist(dest)
    assert x_train.shape == (60000, 784) and t_train[0] == 5


def test_a_file_already_there_with_the_right_md5_is_not_downloaded_again(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    dest.mkdir()
    shutil.copy(mnist_dir / IMAGES, dest / IMAGES)
    (dest / LABELS).write_bytes(b"half a file from another tool")  # wrong MD5: fetched again and replaced
    with serve(mnist_dir) as (url, server):
        events = run(download_mnist(dest, mirrors=[url]))
    assert "/" + IMAGES not in server.requests
    assert "/" + LABELS in server.requests
    assert IMAGES not in events[0]["files"]
    done = {e["file"]: e["url"] for e in events if e["kind"] == "file_done"}
    assert done[IMAGES] is None and done[LABELS] == url + LABELS
    assert md5_of(dest / LABELS) == MNIST_FILES[LABELS]
    first = next(e for e in events if e["kind"] == "progress")
    assert first["all_bytes"] == MNIST_SIZES[IMAGES]  # the file already there counts as done


def test_everything_already_there_asks_no_server(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    shutil.copytree(mnist_dir, dest)
    events = run(download_mnist(dest, mirrors=[closed_port_url()]))
    assert [e["kind"] for e in events] == ["start"] + ["file_done"] * 4 + ["done"]
    assert events[0]["files"] == []


# ---------------------------------------------------------------- failing mirrors
def test_a_wrong_file_fails_its_md5_and_the_next_mirror_is_used(tmp_path, mnist_dir, wrong_dir):
    dest = tmp_path / "mnist"
    with serve(wrong_dir) as (bad, _), serve(mnist_dir) as (good, good_server):
        events = run(download_mnist(dest, mirrors=[bad, good], files={LABELS: MNIST_FILES[LABELS]}))
    failed = [e for e in events if e["kind"] == "mirror_failed"]
    assert len(failed) == 1 and failed[0]["url"] == bad + LABELS and failed[0]["file"] == LABELS
    assert "MD5 mismatch" in failed[0]["reason"] and MNIST_FILES[LABELS] in failed[0]["reason"]
    assert good_server.requests == ["/" + LABELS]
    assert md5_of(dest / LABELS) == MNIST_FILES[LABELS]
    assert events[-1]["kind"] == "done" and leftovers(dest) == []


def test_only_a_wrong_file_raises_naming_the_file_and_leaves_nothing(tmp_path, wrong_dir):
    dest = tmp_path / "mnist"
    with serve(wrong_dir) as (bad, _):
        gen = download_mnist(dest, mirrors=[bad], files={LABELS: MNIST_FILES[LABELS]})
        with pytest.raises(DownloadError) as err:
            run(gen)
    message = str(err.value)
    assert LABELS in message and "MD5 mismatch" in message and bad + LABELS in message
    assert isinstance(err.value, DatasetError) and isinstance(err.value, ValueError)
    assert list(dest.iterdir()) == []  # no half file, no temporary file


def test_a_file_of_the_wrong_size_is_refused_before_downloading_it(tmp_path, mnist_dir):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / LABELS).write_bytes(b"<html>not found, have an ad</html>")
    dest = tmp_path / "mnist"
    with serve(mirror) as (bad, _), serve(mnist_dir) as (good, _):
        events = run(download_mnist(dest, mirrors=[bad, good], files={LABELS: MNIST_FILES[LABELS]}))
    reason = next(e["reason"] for e in events if e["kind"] == "mirror_failed")
    assert "announces 34 bytes" in reason and "28,881" in reason
    assert md5_of(dest / LABELS) == MNIST_FILES[LABELS]


def test_a_connection_dropped_half_way_leaves_no_partial_file(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    with serve(mnist_dir, DropHandler) as (dropping, _):
        with pytest.raises(DownloadError) as err:
            run(download_mnist(dest, mirrors=[dropping], files={IMAGES: MNIST_FILES[IMAGES]}))
    assert IMAGES in str(err.value)
    assert f"after {MNIST_SIZES[IMAGES] // 2:,} of {MNIST_SIZES[IMAGES]:,} bytes" in str(err.value)
    assert list(dest.iterdir()) == []


def test_after_a_dropped_connection_the_next_mirror_completes(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    with serve(mnist_dir, DropHandler) as (dropping, _), serve(mnist_dir) as (good, _):
        events = run(download_mnist(dest, mirrors=[dropping, good]))
    failed = [e for e in events if e["kind"] == "mirror_failed"]
    first = next(iter(MNIST_FILES))
    assert [e["url"] for e in failed] == [dropping + first]  # then the mirror that worked is asked first
    done = [e["url"] for e in events if e["kind"] == "file_done"]
    assert done == [good + name for name in MNIST_FILES]
    for name, md5 in MNIST_FILES.items():
        assert md5_of(dest / name) == md5
    assert leftovers(dest) == []


def test_closed_port_and_missing_file_are_reported_per_mirror(tmp_path, mnist_dir):
    empty = tmp_path / "empty_mirror"
    empty.mkdir()
    dead = closed_port_url()
    dest = tmp_path / "mnist"
    with serve(empty) as (missing, _), serve(mnist_dir) as (good, _):
        events = run(download_mnist(dest, mirrors=[dead, missing, good], files={LABELS: MNIST_FILES[LABELS]}))
    reasons = [e["reason"] for e in events if e["kind"] == "mirror_failed"]
    assert len(reasons) == 2
    assert reasons[0].startswith("cannot connect") and reasons[1].startswith("HTTP 404")
    assert (dest / LABELS).is_file()


def test_a_server_that_never_answers_times_out(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    with serve(mnist_dir, SilentHandler) as (silent, _):
        with pytest.raises(DownloadError, match="no answer for 0.3 s"):
            run(download_mnist(dest, mirrors=[silent], timeout=0.3, files={LABELS: MNIST_FILES[LABELS]}))
    assert list(dest.iterdir()) == []


def test_no_mirrors_at_all(tmp_path):
    with pytest.raises(DownloadError, match="no mirror to download from"):
        run(download_mnist(tmp_path / "mnist", mirrors=[]))


def test_a_destination_that_cannot_be_created_names_it(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(DatasetError, match="cannot create the folder") as err:
        run(download_mnist(blocker / "mnist", mirrors=[closed_port_url()]))
    assert str(blocker / "mnist") in str(err.value)


# ---------------------------------------------------------------- stopping
def test_stopping_mid_file_removes_the_temporary_file(tmp_path, mnist_dir):
    dest = tmp_path / "mnist"
    with serve(mnist_dir) as (url, _):
        gen = download_mnist(dest, mirrors=[url], files={IMAGES: MNIST_FILES[IMAGES]}, chunk=16 * 1024)
        for event in gen:
            if event["kind"] == "progress" and event["bytes"] > 100_000:
                assert len(leftovers(dest)) == 1  # the download goes to a temporary file ...
                assert not (dest / IMAGES).exists()
                break
        gen.close()  # what the Worker does on stop
    assert list(dest.iterdir()) == []  # ... which is gone when the consumer stops


class StallHandler(FilesHandler):
    """Announces 1,000,000 bytes, sends 1,000, then sends nothing more (until the test ends)."""

    def do_GET(self):
        self.server.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        self.wfile.write(b"x" * 1000)
        self.wfile.flush()
        self.server.release.wait(30)


def download_in_a_thread(gen):
    """Consume `gen` on another thread (as the Worker does); returns (thread, what it saw: events, the error)."""
    seen = {"events": [], "error": None}

    def consume():
        try:
            for event in gen:
                seen["events"].append(event)
        except Exception as exc:  # noqa: BLE001 — the test looks at it
            seen["error"] = exc

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    return thread, seen


@pytest.mark.parametrize("handler", [StallHandler, SilentHandler], ids=["stalled mid-file", "no answer"])
def test_cancel_closes_the_socket_at_once_instead_of_waiting_out_the_timeout(tmp_path, handler):
    """A read blocked on a stalled server (or a request never answered): cancel() from another thread ends the
    download within a second — not after the 30 s timeout — with DownloadCancelled, no other mirror tried and
    no temporary file left."""
    dest = tmp_path / "mnist"
    dest.mkdir()
    (tmp_path / "served").mkdir()
    cancel = download.Cancel()
    with serve(tmp_path / "served", handler) as (url, server), serve(tmp_path / "served") as (other, second):
        gen = download_mnist(dest, mirrors=[url, other], timeout=30, files={"x.bin": "0" * 32}, cancel=cancel)
        thread, seen = download_in_a_thread(gen)
        deadline = time.monotonic() + 10
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # the read (or the wait for the answer) is blocked now
        if handler is StallHandler:
            assert any(e["kind"] == "progress" and e["total"] == 1_000_000 for e in seen["events"])
            assert len(leftovers(dest)) == 1  # the temporary file, while the read waits for the next bytes
        started = time.monotonic()
        cancel.cancel()
        thread.join(5)
        took = time.monotonic() - started
    assert not thread.is_alive() and took < 1.0, took
    assert isinstance(seen["error"], download.DownloadCancelled), seen["error"]
    assert second.requests == []  # a cancel is not a mirror's fault: no next mirror
    assert list(dest.iterdir()) == []


def test_a_cancel_thrown_before_the_download_starts_ends_it_at_its_first_read(tmp_path):
    (tmp_path / "served").mkdir()
    cancel = download.Cancel()
    cancel.cancel()
    with serve(tmp_path / "served", StallHandler) as (url, _):
        thread, seen = download_in_a_thread(
            download_mnist(tmp_path / "mnist", mirrors=[url], timeout=30, files={"x.bin": "0" * 32}, cancel=cancel))
        thread.join(5)
    assert not thread.is_alive() and isinstance(seen["error"], download.DownloadCancelled)
    assert list((tmp_path / "mnist").iterdir()) == []


# ---------------------------------------------------------------- pieces
def test_rate_meter_rate_and_time_left():
    now = [0.0]
    meter = RateMeter(clock=lambda: now[0])
    meter.add(0)
    assert meter.rate() is None and meter.eta(1000) is None
    now[0] = 1.0
    meter.add(500)
    assert meter.rate() == pytest.approx(500.0)
    assert meter.eta(1500) == pytest.approx(3.0)
    now[0] = 5.0  # old samples leave the 2 s window: the rate follows the new speed
    meter.add(4500)
    now[0] = 6.0
    meter.add(4600)
    assert meter.rate() == pytest.approx(100.0)


def test_md5_of_matches_hashlib(tmp_path):
    f = tmp_path / "f.bin"
    f.write_bytes(b"abc" * 1000)
    assert md5_of(f, chunk=7) == hashlib.md5(b"abc" * 1000).hexdigest()
    assert not download.has_right_md5(tmp_path / "missing", "x")


def test_mirrors_are_the_usual_ones():
    assert download.MIRRORS[0] == "https://ossci-datasets.s3.amazonaws.com/mnist/"
    assert len(download.MIRRORS) == 2 and all(m.endswith("/") for m in download.MIRRORS)
    assert time.monotonic() > 0  # the rate meter's default clock exists on this platform
