"""The MNIST panel's long jobs, as generators the RunController runs on a thread: load, train, report.

The mathematics is engine.training and engine.networks; these only put its events in the panel's shape.
"""
from __future__ import annotations

import math
from pathlib import Path

from engine import evaluation, training
from engine.blas import blas_threads
from gui import settings as app_settings_module

GALLERY_LIMIT = 100  # misclassified test digits shown, most confident first

_DATA_CACHE: dict = {}  # {source: ((x_train, t_train), (x_test, t_test))}: one MNIST in memory


def find_mnist_source():
    """The usable MNIST location (gui.data_dialog.mnist_source), or the remembered one if that module is absent."""
    try:
        from gui.data_dialog import mnist_source
    except ImportError:
        value = app_settings_module.app_settings().value("data/mnist", "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.exists() else None
    return mnist_source()


def load_job(source):
    """One "data" event: MNIST read from `source` (kept in memory: a second panel or run reads it once)."""
    from engine.data.datasets import load_mnist

    data = _DATA_CACHE.get(source)
    if data is None:
        data = load_mnist(source)
        _DATA_CACHE.clear()
        _DATA_CACHE[source] = data
    yield {"kind": "data", "source": source, "data": data}


def training_job(events, net, data):
    """A training generator's events; a divergence becomes a "diverged" event; the finished net's report last."""
    try:
        yield from events
    except training.Diverged as exc:
        yield {"kind": "diverged", "iteration": getattr(exc, "iteration", 0), "loss": getattr(exc, "loss", math.nan),
               "reason": getattr(exc, "reason", "nan"), "message": str(exc)}
        return
    yield {"kind": "report", **report(net, data)}


def report_job(net, data):
    """One "report" event: the net's accuracies, confusion matrix and misclassified test digits."""
    yield {"kind": "report", **report(net, data)}


def report(net, data):
    """engine.evaluation.model_report on the full sets, on one BLAS thread (the GUI stays responsive)."""
    (x_train, t_train), (x_test, t_test) = data
    with blas_threads(1):
        return evaluation.model_report(net, x_train, t_train, x_test, t_test, limit=GALLERY_LIMIT)
