"""Opening a download's URL so that it can be cancelled at once from another thread (engine.data.download).

`Cancel.cancel()` shuts down the sockets of the connections opened through `open_url(..., cancel)`: a read blocked
on a stalled server (or a request never answered) returns at once instead of after its timeout, and the download
raises `DownloadCancelled`. Closing a socket alone does not wake a recv blocked on another thread; shutting it does.

Every https URL is opened with `ssl_context()`: the system's certificate store plus certifi's when certifi is
installed, certificates always verified (see its docstring for why certifi).
"""
from __future__ import annotations

import functools
import http.client
import socket
import ssl
import threading
import urllib.parse
import urllib.request

USER_AGENT = "GradientLab/0.1 (MNIST download; Python urllib)"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """The one TLS context of every download: `ssl.create_default_context()` (the system's certificate store,
    certificates and host names verified) that also trusts certifi's CA bundle when certifi is importable.

    Why certifi: Python from python.org on macOS does not use the system's keychain and ships no certificates;
    until the user runs its "Install Certificates.command", every https download fails with
    CERTIFICATE_VERIFY_FAILED. Windows stores and some minimal Linux images can also lack a root a mirror needs.
    certifi's bundle (Mozilla's roots) fills those gaps; it is *added* to the system store, not put in its place,
    so a company's own root installed on the computer is still trusted. Verification is never turned off: an
    unverifiable certificate is an error the user is told about (engine.data.download), not something skipped.
    Built once and cached (loading a bundle reads ~250 kB); an SSLContext may be shared between threads.
    """
    context = ssl.create_default_context()
    try:
        import certifi
    except ImportError:  # the system's store alone
        return context
    try:
        context.load_verify_locations(cafile=certifi.where())
    except (OSError, ssl.SSLError):  # a bundle missing from a frozen app: the system's store alone
        pass
    return context


class DownloadCancelled(Exception):
    """The download was cancelled (Cancel.cancel): not a fault of the mirror, no other mirror is tried."""


class Cancel:
    """A cancel switch for one download, thrown from any thread: shuts the open connections' sockets down, so a
    blocked read (or a connection's answer awaited) ends at once."""

    def __init__(self):
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def watch(self, sock) -> None:
        """A connection's socket, to shut down on cancel (at once if the switch is already thrown)."""
        with self._lock:
            if not self._event.is_set():
                self._sockets.append(sock)
                return
        _shut(sock)

    def check(self) -> None:
        if self._event.is_set():
            raise DownloadCancelled("cancelled")


def _shut(sock) -> None:
    """End both directions of a socket's connection: a recv blocked on another thread returns at once (closing
    alone would not wake it). socket.socket's own shutdown, not SSLSocket's, which also drops the TLS state."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def _watched(base, cancel):
    """An http.client connection class that hands each socket it connects to `cancel`."""

    class Connection(base):
        def connect(self):
            super().connect()
            cancel.watch(self.sock)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, cancel):
        super().__init__()
        self._connection = _watched(http.client.HTTPConnection, cancel)

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, cancel):
        super().__init__(context=ssl_context())
        self._connection = _watched(http.client.HTTPSConnection, cancel)

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._context)


def open_url(url: str, timeout: float, cancel: Cancel | None = None):
    """urlopen with ssl_context() for https, but never through a proxy for the loopback address (the tests' local
    servers); with `cancel`, its sockets are shut down when it is thrown."""
    host = urllib.parse.urlsplit(url).hostname or ""
    handlers = [urllib.request.ProxyHandler({})] if host in _LOOPBACK else []
    if cancel is not None:
        handlers += [_HTTPHandler(cancel), _HTTPSHandler(cancel)]
    else:
        handlers.append(urllib.request.HTTPSHandler(context=ssl_context()))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return opener.open(request, timeout=timeout)
