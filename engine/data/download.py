"""Downloading MNIST: the four standard files from the usual public mirrors, MD5-verified. Pure Python, never Qt.

`download_mnist` is a generator, so a panel's RunController (gui/run.py) runs it on a thread with pause and stop
(stopping = the consumer stops iterating; the generator's `finally` then removes the temporary file). It yields:

    {"kind": "start", "folder", "files": [names to fetch], "total": all bytes of the four files}
    {"kind": "progress", "file", "url", "bytes", "total",          this file: received / expected
                         "all_bytes", "all_total", "rate", "eta"}  all files; bytes per second; seconds left
    {"kind": "mirror_failed", "file", "url", "reason"}              the next mirror is tried
    {"kind": "file_done", "file", "url", "bytes"}                   url is None when the file was already here
    {"kind": "done", "folder"}

Each file is written to a temporary file in the destination folder, checked against its published MD5 and only
then moved into place with os.replace: a broken or cancelled download never leaves a half file under the real
name. A file already present with the right MD5 is not downloaded again. When no mirror can deliver a file,
`DownloadError` (a DatasetError, so a ValueError) names the file and every mirror's fault, then suggests the other
way in (IMPORT_HINT): the Data dialog's Import folder… / Import file….

https is opened with `ssl_context()` (engine.data.cancel): the system's certificate store plus certifi's, always
verified — so Python from python.org on macOS downloads without its "Install Certificates" step first. A
certificate that cannot be verified is reported as such (CERTIFICATE_PROBLEM), not as a raw SSL reason.

Cancelling: pass `cancel=Cancel()` and call `cancel.cancel()` from any thread (the GUI's stop): the connection's
socket is shut down at once, so a read blocked on a stalled server ends now instead of after TIMEOUT seconds;
the download then raises `DownloadCancelled` (its temporary file already removed) and tries no other mirror.
"""
from __future__ import annotations

import hashlib
import http.client
import os
import ssl
import tempfile
import time
import urllib.error
from collections import deque
from pathlib import Path

from engine.data.cancel import Cancel, DownloadCancelled, open_url, ssl_context
from engine.data.checks import DatasetError
from engine.data.idx import MNIST_FILES, MNIST_SIZES
from engine.files import usual_mode

# The usual public mirrors, tried in turn (each holds the four .gz files under these names). Not
# http://yann.lecun.com/exdb/mnist/: it answers 403 Forbidden to every download.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
CHUNK = 64 * 1024
TIMEOUT = 20.0  # seconds without an answer before a mirror counts as failed
RATE_WINDOW = 2.0  # seconds of history for the rate: a change of speed shows quickly

# Ends DownloadError's message when no mirror could deliver a file: the other way to get MNIST (the Data dialog's
# Import box; gui/data_dialog shows its own translation of it in place of this English text).
IMPORT_HINT = ("You can also get the four files another way (a web browser, another computer) and add them with "
               "Import folder… in the Data dialog, or use Import file… with the book's mnist.pkl or Keras's mnist.npz.")
# A mirror's reason when its certificate cannot be verified (verification stays on: the mirror is not used).
CERTIFICATE_PROBLEM = ("the server's certificate could not be verified: this computer's certificate store may be "
                       "missing or out of date, or a proxy or antivirus intercepts the connection")


__all__ = ["CERTIFICATE_PROBLEM", "IMPORT_HINT", "MIRRORS", "Cancel", "DownloadCancelled", "DownloadError",
           "RateMeter", "download_mnist", "has_right_md5", "md5_of", "ssl_context"]


class DownloadError(DatasetError):
    """No mirror could deliver a file (str() names the file and each mirror's fault)."""


def md5_of(path, chunk: int = 1 << 20) -> str:
    """The MD5 of a file's bytes, as a hex string."""
    digest = hashlib.md5()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def has_right_md5(path, md5: str) -> bool:
    """True when `path` is a file whose MD5 is `md5`."""
    try:
        return Path(path).is_file() and md5_of(path) == md5
    except OSError:
        return False


class RateMeter:
    """Bytes per second over the last RATE_WINDOW seconds, and the time left at that rate: eta = left / rate."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._samples = deque()

    def add(self, done: int) -> None:
        """Record that `done` bytes are there now."""
        now = self._clock()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > RATE_WINDOW:
            self._samples.popleft()

    def rate(self) -> float | None:
        """(bytes now − bytes then) / (now − then) over the window; None until 50 ms have passed."""
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 - t0 > 0.05 else None

    def eta(self, left: int) -> float | None:
        rate = self.rate()
        return left / rate if rate else None


def _reason(exc: BaseException, timeout: float) -> str:
    """A short, readable reason for a failed mirror."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):  # before any answer: name resolution, refused, TLS, ...
        inner = exc.reason
        if isinstance(inner, TimeoutError):
            return f"no answer for {timeout:g} s"
        if isinstance(inner, ssl.SSLError):
            return _tls_reason(inner)
        return f"cannot connect ({getattr(inner, 'strerror', None) or inner})"
    if isinstance(exc, ssl.SSLError):
        return _tls_reason(exc)
    if isinstance(exc, TimeoutError):
        return f"no answer for {timeout:g} s"
    if isinstance(exc, http.client.IncompleteRead):
        return f"connection closed early ({len(exc.partial):,} bytes in the last read)"
    if isinstance(exc, (ConnectionError, http.client.HTTPException)):
        return f"connection lost ({type(exc).__name__}{': ' + str(exc) if str(exc) else ''})"
    if isinstance(exc, OSError):
        return f"cannot connect ({exc.strerror or exc})"
    return f"{type(exc).__name__}: {exc}"


def _tls_reason(exc: ssl.SSLError) -> str:
    """An unverifiable certificate: CERTIFICATE_PROBLEM with OpenSSL's short word for it (e.g. "self-signed
    certificate", "certificate has expired"); another TLS failure: what failed, in one line."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        detail = exc.verify_message or exc.reason
        return CERTIFICATE_PROBLEM + (f" ({detail})" if detail else "")
    return f"the secure connection failed ({exc.reason or type(exc).__name__})"


class _MirrorFailed(Exception):
    """One mirror did not deliver one file (the download moves on to the next mirror)."""


def _fetch(url: str, target: Path, md5: str, expected: int, chunk: int, timeout: float, progress, cancel=None):
    """Download `url` into a temporary file beside `target`, check size and MD5, then os.replace it into place.

    Yields progress events (made by `progress(bytes, total)`); raises _MirrorFailed with the reason.
    The temporary file is removed in every other case, including the consumer stopping early.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                response = open_url(url, timeout, cancel)
            except Exception as exc:
                if cancel is not None:
                    cancel.check()
                raise _MirrorFailed(_reason(exc, timeout)) from None
            with response:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else (expected or None)
                if expected and total != expected:
                    raise _MirrorFailed(f"the server announces {total:,} bytes, the file has {expected:,}")
                digest, received = hashlib.md5(), 0
                yield progress(0, total)
                while True:
                    try:
                        block = response.read(chunk)
                    except Exception as exc:
                        if cancel is not None:
                            cancel.check()
                        raise _MirrorFailed(_reason(exc, timeout)) from None
                    if cancel is not None:
                        cancel.check()  # a shut socket may also read as the end of the file
                    if not block:
                        break
                    out.write(block)
                    digest.update(block)
                    received += len(block)
                    if total is not None and received > total:
                        raise _MirrorFailed(f"the server sent more than the {total:,} bytes it announced")
                    yield progress(received, total)
            if total is not None and received < total:
                raise _MirrorFailed(f"connection closed after {received:,} of {total:,} bytes")
            if digest.hexdigest() != md5:
                raise _MirrorFailed(f"MD5 mismatch: got {digest.hexdigest()}, expected {md5} "
                                    "(the server sent a different file)")
            out.flush()
            os.fsync(out.fileno())
        usual_mode(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def download_mnist(dest_folder, mirrors=MIRRORS, chunk: int = CHUNK, timeout: float = TIMEOUT, files=None,
                   cancel: Cancel | None = None):
    """Download the four MNIST .gz files into `dest_folder` (created if needed), trying `mirrors` in turn.

    files   {name: md5} to fetch (default: the four standard files, MNIST_FILES)
    cancel  a Cancel: thrown from another thread, the download ends at once with DownloadCancelled
    Once a mirror has delivered a file, the next files are asked from it first.
    Yields the events described in the module docstring; raises DownloadError when every mirror fails a file.
    """
    dest = Path(dest_folder)
    mirrors = list(mirrors)
    files = dict(MNIST_FILES if files is None else files)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(dest, f"cannot create the folder ({exc.strerror or exc})") from None
    sizes = {name: MNIST_SIZES.get(name, 0) for name in files}
    present = {name for name, md5 in files.items() if has_right_md5(dest / name, md5)}
    all_total = sum(sizes.values())
    all_done = sum(sizes[name] for name in present)
    meter = RateMeter()
    meter.add(all_done)
    yield {"kind": "start", "folder": str(dest), "files": [n for n in files if n not in present], "total": all_total}

    for name, md5 in files.items():
        if name in present:
            yield {"kind": "file_done", "file": name, "url": None, "bytes": sizes[name]}
            continue
        failures = []
        for mirror in mirrors:
            url = mirror if mirror.endswith(name) else mirror.rstrip("/") + "/" + name

            def progress(received, total, name=name, url=url, before=all_done):
                done = before + received
                meter.add(done)
                return {"kind": "progress", "file": name, "url": url, "bytes": received, "total": total,
                        "all_bytes": done, "all_total": all_total, "rate": meter.rate(),
                        "eta": meter.eta(max(all_total - done, 0))}

            try:
                yield from _fetch(url, dest / name, md5, sizes[name], chunk, timeout, progress, cancel)
            except _MirrorFailed as exc:
                failures.append(f"{url}: {exc}")
                yield {"kind": "mirror_failed", "file": name, "url": url, "reason": str(exc)}
                continue
            except OSError as exc:  # the destination, not the mirror: no point trying another one
                raise DatasetError(dest / name, f"cannot write the file ({exc.strerror or exc})") from None
            all_done += sizes[name]
            mirrors.remove(mirror)
            mirrors.insert(0, mirror)  # the next files try the mirror that worked first
            yield {"kind": "file_done", "file": name, "url": url, "bytes": sizes[name]}
            break
        else:
            raise DownloadError(dest / name, ("no mirror could deliver it — " + "; ".join(failures) + "."
                                              if failures else "no mirror to download from.") + " " + IMPORT_HINT)
    yield {"kind": "done", "folder": str(dest)}
