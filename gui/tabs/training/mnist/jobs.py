"""The MNIST panel's long jobs, as generators the RunController runs on a thread: load, model, train, report.

The mathematics is engine.training and engine.networks; these only put its events in the panel's shape.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from engine import evaluation, fitting, training
from engine.blas import blas_threads
from engine.networks import TwoLayerNet
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
    """One "data" event: MNIST read from `source` (kept in memory: a second panel or run reads it once). Reading
    yields None between chunks of a few ms (engine.data.datasets.load_mnist_steps): Stop and quit reach it at once."""
    from engine.data.datasets import load_mnist_steps

    data = _DATA_CACHE.get(source)
    if data is None:
        data = yield from load_mnist_steps(source)
        _DATA_CACHE.clear()
        _DATA_CACHE[source] = data
    yield {"kind": "data", "source": source, "data": data}


def model_job(path):
    """A job: a saved net read and checked, as one event — "model" (with "net"), "model_missing", or "model_bad"
    (with "reason"): whatever is wrong with the file ends here, never as a half-loaded model."""
    try:
        net = TwoLayerNet.load(path)
    except FileNotFoundError:
        yield {"kind": "model_missing"}
        return
    except Exception as exc:  # noqa: BLE001 — any fault of the file is a message, never a crash
        yield {"kind": "model_bad", "reason": str(exc) or type(exc).__name__}
        return
    yield None  # a point where Stop and quit are honoured
    for key, value in net.params.items():
        if value.dtype not in (np.float32, np.float64):
            yield {"kind": "model_bad", "reason": f"{key} holds {value.dtype} numbers, not float32 or float64"}
            return
        if not np.isfinite(value).all():
            yield {"kind": "model_bad", "reason": f"{key} holds NaN or infinite numbers"}
            return
    yield {"kind": "model", "net": net}


def training_job(events, net, data, validation=None):
    """A training generator's events; a divergence becomes a "diverged" event; the finished net's report last.
    With a `validation` set (x_val, t_val), each "epoch" event also carries "val_acc": the accuracy of its
    weights on it (engine.fitting), measured here on the training thread."""
    if validation is not None:
        events = _with_validation(events, validation)
    try:
        yield from events
    except training.Diverged as exc:
        yield {"kind": "diverged", "iteration": getattr(exc, "iteration", 0), "loss": getattr(exc, "loss", math.nan),
               "reason": getattr(exc, "reason", "nan"), "message": str(exc)}
        return
    yield {"kind": "report", **(yield from report(net, data))}


def _with_validation(events, validation):
    """`events` with "val_acc" added to each "epoch" event; closing this closes `events` (its finally stores the
    weights of a stopped run)."""
    try:
        for event in events:
            if event is not None and event.get("kind") == "epoch":
                with blas_threads(1):
                    event = {**event, "val_acc": fitting.validation_accuracy(event, *validation)}
            yield event
    finally:
        events.close()


def report_job(net, data):
    """One "report" event: the net's accuracies, confusion matrix and misclassified test digits (yielding None
    between chunks, so Stop and quit reach it at once)."""
    yield {"kind": "report", **(yield from report(net, data))}


def report(net, data):
    """engine.evaluation.report_steps on the full sets, on one BLAS thread (the GUI stays responsive): a generator
    of None between chunks, returning the report."""
    (x_train, t_train), (x_test, t_test) = data
    with blas_threads(1):
        return (yield from evaluation.report_steps(net, x_train, t_train, x_test, t_test, limit=GALLERY_LIMIT))


def step_job(stepper):
    """One "iteration" event: the next iteration of the stepped run taken apart (engine.iteration), on one BLAS
    thread as the training loop steps. The first one also sorts the images for the whole-set loss and prepares
    the run's fast step (about half a second for MNIST, yielding between its parts)."""
    with blas_threads(1):
        if stepper.full is not None:
            yield from stepper.full.prepare_steps()
        stepper.prepare()
        yield None
        yield {"kind": "iteration", "parts": stepper.step()}


def prepare_job(full):
    """The whole-set loss's blocks sorted ahead of the first step (when the One iteration page is first shown)."""
    with blas_threads(1):
        yield from full.prepare_steps()
