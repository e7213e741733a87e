"""The cat / non-cat experiment around LogisticRegression: data summary, learning-rate comparison, predictions,
the learned weights as a picture, classifying one image, and the vectorisation demo (loop vs np.dot).

The model is one neuron on a picture flattened to x (12,288 values / 255): ŷ = σ(w·x + b), a cat when ŷ > 0.5,
trained on the cost J(w, b) = −(1/m) Σ (y log ŷ + (1 − y) log(1 − ŷ)) by w ← w − η·dw, b ← b − η·db.
Pure NumPy. The training loop itself is engine.training.train_logistic; this module only builds on it.
Long work is a generator of event dicts (like engine.training), so the GUI's worker and the tests drive it alike.
"""
from __future__ import annotations

import time

import numpy as np

from engine.blas import blas_threads
from engine.training import Diverged, flatten_images, train_logistic

IMAGE_SHAPE = (64, 64, 3)  # the data set's pictures: 64×64 pixels, RGB
DEFAULT_RATES = (0.01, 0.001, 0.0001)  # the lessons' learning-rate comparison
COMPARE_ITERATIONS = 1500  # the lessons run that comparison for 1,500 iterations
MAX_RATES = 8  # one colour of the plot cycle each
OVERFIT_GAP = 10.0  # percentage points between train and test accuracy that we call overfitting


# ---------------------------------------------------------------- data
def summary(train_y, test_y):
    """How many images and how many cats (label 1) in each set: {"train", "train_cats", "test", "test_cats"}."""
    train_y, test_y = np.asarray(train_y), np.asarray(test_y)
    return {
        "train": int(train_y.size),
        "train_cats": int(np.sum(train_y == 1)),
        "test": int(test_y.size),
        "test_cats": int(np.sum(test_y == 1)),
    }


# ---------------------------------------------------------------- training beside a GUI
def train_live(X, y, X_test=None, y_test=None, **settings):
    """train_logistic(X, y, X_test, y_test, **settings) with its matrix products on one BLAS thread.

    The same events and numbers. Beside a window that draws live curves on a two-core machine, one thread
    keeps the window responsive and trains about as fast: OpenBLAS's spinning helper threads otherwise
    fight the drawing for the cores (see engine.blas.blas_threads).
    A cost that stops being finite ends the run with {"kind": "diverged", "iteration", "message"} (no "done"),
    as compare_learning_rates tells a diverged run: it is an outcome of the learning rate, not a failure.
    """
    with blas_threads(1):
        try:
            yield from train_logistic(X, y, X_test, y_test, **settings)
        except Diverged as exc:
            yield {"kind": "diverged", "iteration": exc.iteration, "message": str(exc)}


# ---------------------------------------------------------------- learning-rate comparison
class LearningRateError(ValueError):
    """Text that is not a list of positive learning rates; `item` is the offending piece (None: nothing usable)."""

    def __init__(self, item=None, reason="empty"):
        self.item = item
        self.reason = reason  # "empty", "number", "positive", "count"
        messages = {
            "empty": "enter learning rates separated by commas, e.g. 0.01, 0.001, 0.0001",
            "number": f"'{item}' is not a number",
            "positive": f"'{item}' is not a positive learning rate",
            "count": f"at most {MAX_RATES} learning rates at once",
        }
        super().__init__(messages[reason])


def parse_learning_rates(text):
    """'0.01, 0.001, 0.0001' → [0.01, 0.001, 0.0001]; LearningRateError naming the bad item."""
    items = [s for s in str(text).replace(";", ",").replace(" ", ",").split(",") if s]
    if not items:
        raise LearningRateError()
    if len(items) > MAX_RATES:
        raise LearningRateError(reason="count")
    rates = []
    for item in items:
        try:
            value = float(item)
        except ValueError:
            raise LearningRateError(item, "number") from None
        if not (np.isfinite(value) and value > 0):
            raise LearningRateError(item, "positive")
        rates.append(value)
    return rates


def compare_learning_rates(X, y, X_test=None, y_test=None, learning_rates=DEFAULT_RATES,
                           num_iterations=COMPARE_ITERATIONS, record_every=100):
    """Train one model per learning rate η (w = 0, b = 0, full batch), one after another.

    Forwards train_logistic's events with "index" (which run) and "learning_rate" added; each "step" also
    carries "overall" / "overall_total" (iterations over all runs). A run's end is {"kind": "run_done",
    "index", "learning_rate", "costs", "train_accuracy", "test_accuracy", "model"}; a run whose cost stops
    being finite is {"kind": "run_diverged", "index", "learning_rate", "iteration", "message"} and the others
    still run. Finally {"kind": "done", "results": [one dict per rate, in order]}.
    """
    learning_rates = [float(lr) for lr in learning_rates]
    total = len(learning_rates) * num_iterations
    results = []
    with blas_threads(1):  # as train_live
        for k, lr in enumerate(learning_rates):
            yield {"kind": "run", "index": k, "learning_rate": lr}
            last_iteration = 0
            try:
                for event in train_logistic(X, y, X_test, y_test, learning_rate=lr, num_iterations=num_iterations,
                                            record_every=record_every):
                    event = dict(event, index=k, learning_rate=lr)
                    if event["kind"] == "step":
                        last_iteration = event["iteration"]
                        event["overall"] = k * num_iterations + event["iteration"]
                        event["overall_total"] = total
                    elif event["kind"] == "done":
                        event["kind"] = "run_done"
                        results.append({key: event[key] for key in
                                        ("learning_rate", "costs", "train_accuracy", "test_accuracy", "model")})
                    yield event
            except Diverged as exc:
                results.append({"learning_rate": lr, "diverged": True, "message": str(exc)})
                yield {"kind": "run_diverged", "index": k, "learning_rate": lr, "iteration": last_iteration,
                       "message": str(exc)}
    yield {"kind": "done", "results": results}


# ---------------------------------------------------------------- results
def is_overfitting(train_accuracy, test_accuracy, gap=OVERFIT_GAP):
    """True when the training accuracy beats the test accuracy by more than `gap` percentage points."""
    return train_accuracy is not None and test_accuracy is not None and train_accuracy - test_accuracy > gap


def predictions(model, images, labels):
    """The model on a set of images: {"proba": ŷ = σ(Xw + b), "predicted": 1 where ŷ > 0.5, "correct": bool}."""
    X = flatten_images(images)
    proba = model.predict_proba(X)
    predicted = (proba > 0.5).astype(np.int64)
    return {"proba": proba, "predicted": predicted, "correct": predicted == np.asarray(labels)}


def weights_image(w, shape=IMAGE_SHAPE):
    """The learned w (12,288 numbers) as a picture: reshaped to 64×64×3 and stretched to [0, 1].

    image = (w − min w) / (max w − min w); all-equal weights (e.g. w = 0 before training) give 0.5 grey.
    Bright pixels push ŷ toward "cat", dark ones toward "non-cat".
    """
    w = np.asarray(w, dtype=np.float64).reshape(shape)
    lo, hi = float(w.min()), float(w.max())
    if hi - lo <= 0:
        return np.full(shape, 0.5)
    return (w - lo) / (hi - lo)


def classify(model, image):
    """One (64, 64, 3) uint8 picture → (predicted label 0/1, probability of "cat" ŷ)."""
    image = np.asarray(image)
    if image.shape != IMAGE_SHAPE:
        raise ValueError(f"the picture must be {IMAGE_SHAPE[0]}×{IMAGE_SHAPE[1]} RGB, not shape {image.shape}")
    proba = float(model.predict_proba(flatten_images(image[np.newaxis]))[0])
    return int(proba > 0.5), proba


# ---------------------------------------------------------------- vectorisation
def dot_loop(a, b):
    """c = Σ_i a_i · b_i with a Python for-loop, one element at a time (the lessons' first version)."""
    c = 0.0
    for i in range(len(a)):
        c += a[i] * b[i]
    return c


def _best_ms(func, repeats):
    """(fastest time of `repeats` calls in milliseconds, the value returned)."""
    best, value = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0, value


LOOP_BLOCK = 100_000  # elements of the for-loop between two stop points (a few tens of ms of Python)


def _loop_ms_steps(a, b, repeats, block=LOOP_BLOCK):
    """_best_ms of dot_loop(a, b), the same sum in the same order, but yielding None after every `block`
    elements (only the loop itself is timed), so a 10-million-element run can be stopped at once."""
    best, value = float("inf"), None
    for _ in range(repeats):
        c, elapsed = 0.0, 0.0
        for lo in range(0, len(a), block):
            start = time.perf_counter()
            for i in range(lo, min(lo + block, len(a))):
                c += a[i] * b[i]
            elapsed += time.perf_counter() - start
            if lo + block < len(a):
                yield None
        best, value = min(best, elapsed), c
    return best * 1000.0, value


def vectorisation_demo(n=100_000, repeats=3, seed=None):
    """Time the same dot product of two random vectors (n elements) as a for-loop and as np.dot.

    Yields {"kind": "loop", "ms", "value"}, then {"kind": "dot", "ms", "value"}, then {"kind": "done",
    "n", "repeats", "loop_ms", "dot_ms", "loop_value", "dot_value", "ratio"}: the fastest of `repeats` runs
    each, ratio = loop time / np.dot time. Above LOOP_BLOCK elements the loop also yields None between blocks
    (stop points for the worker, no events).
    """
    rng = np.random.default_rng(seed)
    a, b = rng.random(n), rng.random(n)
    loop_ms, loop_value = yield from _loop_ms_steps(a, b, repeats)
    yield {"kind": "loop", "ms": loop_ms, "value": float(loop_value)}
    dot_ms, dot_value = _best_ms(lambda: np.dot(a, b), repeats)
    yield {"kind": "dot", "ms": dot_ms, "value": float(dot_value)}
    yield {
        "kind": "done", "n": n, "repeats": repeats, "loop_ms": loop_ms, "dot_ms": dot_ms,
        "loop_value": float(loop_value), "dot_value": float(dot_value),
        "ratio": loop_ms / dot_ms if dot_ms > 0 else float("inf"),
    }
