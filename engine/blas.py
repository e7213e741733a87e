"""How many threads NumPy's BLAS (OpenBLAS, MKL, …) may use, through threadpoolctl.

Measured with bench/compare_peers.py on a 2-core machine: the book's whole MNIST run took 2.6–2.7 s with the
training steps on one BLAS thread and 2.7–3.1 s on two while the machine was quiet, and 2.8–8.9 s on one against
3.4–34 s on two while other programs kept it busy, because the step's products are small and OpenBLAS's spinning
helper threads wait for a core whenever another thread (the accuracy measured meanwhile, the GUI) or another
program wants one. So the app trains on one thread.
"""
from __future__ import annotations

import contextlib
import functools
import threading

from threadpoolctl import ThreadpoolController


@functools.cache
def _blas():
    """(the BLAS libraries' controllers, a lock, the open requests), found once: threadpoolctl scans the loaded
    libraries, which takes about a millisecond."""
    return ThreadpoolController().select(user_api="blas").lib_controllers, threading.Lock(), {}


def blas_thread_count():
    """The BLAS threads in use now (the first library's count; None without a BLAS threadpoolctl knows)."""
    libraries = _blas()[0]
    return libraries[0].get_num_threads() if libraries else None


def _set(libraries, n):
    """Set the count from this thread. threadpoolctl ≥ 3.7 lets one thread at a time set OpenBLAS's count (the
    others' calls do nothing): blas_threads serialises the requests itself, so the asking thread takes over."""
    for library in libraries:
        take_over = getattr(library, "clear_controlling_thread", None)
        if take_over is not None:
            take_over(force=True)
        library.set_num_threads(n)


@contextlib.contextmanager
def blas_threads(n):
    """Run the enclosed NumPy matrix products on `n` BLAS threads, then restore the previous count.

    BLAS keeps one count for the whole process, so when several threads ask at once (training and its
    evaluations) the latest request still open wins, and the count from before the first request comes back
    when the last one ends — whatever order they end in.
    """
    libraries, lock, requests = _blas()
    if not libraries:
        yield
        return
    key = object()
    with lock:
        if not requests:
            requests[None] = blas_thread_count()  # the count before any request
        requests[key] = n
        _set(libraries, n)
    try:
        yield
    finally:
        with lock:
            del requests[key]
            _set(libraries, list(requests.values())[-1])
            if len(requests) == 1:
                del requests[None]
