"""What the Training tab shows about a two-layer net during and after a run: accuracy, the confusion matrix,
the misclassified images, the first layer's weights as pictures, the smoothed loss curve."""
from __future__ import annotations

import math

import numpy as np

from engine.functions import as_labels, softmax


def evaluate_accuracy(net, x, labels, chunk=5000, stop=None):
    """mean [argmax predict(x) = t] over the rows of x, counted `chunk` rows at a time from the weights alone
    (so it may run on another thread while the net trains).

    `stop` (a threading.Event): checked between chunks of about REPORT_WORK multiply-adds; once it is set the
    count is abandoned and nan returned — a run that is stopped need not wait for its evaluation to finish.
    """
    if stop is None:
        return net.accuracy(x, labels, batch_size=chunk)
    labels = as_labels(labels)
    rows, correct = min(chunk, chunk_rows(net)), 0
    for i in range(0, len(x), rows):
        if stop.is_set():
            return math.nan
        correct += int(np.count_nonzero(net.predicted_labels(x[i:i + rows], rows) == labels[i:i + rows]))
    return correct / max(1, len(labels))


def parameter_count(input_size, hidden_size, output_size):
    """Weights and biases of the two-layer net: I·H + H + H·O + O (39,760 for 784-50-10)."""
    return input_size * hidden_size + hidden_size + hidden_size * output_size + output_size


def near_chance(accuracy, classes=10):
    """True when an accuracy is no better than about twice guessing (1/classes): the net learned nothing.

    With ReLU, a learning rate that is too large but not large enough to blow the loss up can switch every
    hidden neuron off for good (a1 < 0 for all inputs, so no gradient flows): the loss settles at log(10) ≈ 2.30.
    """
    return accuracy < 2.0 / classes


def smooth(values, window=100):
    """Trailing moving average: s_i = mean(values[max(0, i − window + 1) … i]) (the loss plot's smooth line)."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return values
    c = np.concatenate(([0.0], np.cumsum(values)))
    i = np.arange(1, values.size + 1)
    lo = np.maximum(0, i - window)
    return (c[i] - c[lo]) / (i - lo)


def confusion_matrix(net, x, t, classes=10):
    """C[i, j] = how many images of class i the net classifies as j (rows: truth, columns: prediction)."""
    labels = as_labels(t)
    predicted = net.predicted_labels(x)
    return np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def misclassified(net, x, t, limit=None):
    """The images the net gets wrong, most confident mistakes first.

    Returns (indices, predicted, confidence): row numbers into x, the class chosen, and softmax(a2) of that
    class (how sure the net was).
    """
    labels = as_labels(t)
    scores = np.concatenate([net.scores(x[i:i + 10000]) for i in range(0, len(x), 10000)])
    predicted = scores.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = softmax(scores[wrong]).max(axis=1) if wrong.size else np.zeros(0)
    order = np.argsort(-confidence, kind="stable")[:limit]
    return wrong[order], predicted[wrong][order], confidence[order]


def weight_images(W1, side=28):
    """First-layer weights as pictures: column j of W1 (one hidden unit's 784 weights) as a side×side image.

    Each picture is scaled by its own largest |w|: 0.5 + w / (2 max|w|), so 0 is mid-grey, positive
    weights are light and negative ones dark. Returns (hidden_size, side, side) floats in [0, 1].
    """
    W1 = np.asarray(W1, dtype=np.float64)
    images = W1.T.reshape(W1.shape[1], side, side)
    scale = np.abs(images).max(axis=(1, 2), keepdims=True)
    return 0.5 + images / (2 * np.where(scale > 0, scale, 1.0))


REPORT_WORK = 50_000_000  # multiply-adds per chunk of a report: a few tens of ms, then the job yields


def chunk_rows(net, work=REPORT_WORK):
    """Rows per chunk so a forward pass of one chunk costs about `work` multiply-adds (≥ 1 row): each row costs
    one multiply-add per weight, I·H + H·O (2,500 rows for 784-50-10, 63 for 784-1000-10)."""
    inputs, hidden, outputs = net.sizes
    return max(1, int(work // max(1, inputs * hidden + hidden * outputs)))


def report_steps(net, x_train, t_train, x_test, t_test, limit=200, work=REPORT_WORK):
    """model_report as a generator: yields None after each chunk of about `work` multiply-adds (so a report on a
    784-1000-10 net can be stopped at once) and returns the report (``report = yield from ...``)."""
    rows = chunk_rows(net, work)
    labels = as_labels(t_train)
    correct = 0
    for i in range(0, len(x_train), rows):
        correct += int(np.count_nonzero(net.scores(x_train[i:i + rows]).argmax(axis=1) == labels[i:i + rows]))
        yield
    labels = as_labels(t_test)
    parts = []
    for i in range(0, len(x_test), rows):
        parts.append(net.scores(x_test[i:i + rows]))
        yield
    scores = np.concatenate(parts) if parts else np.zeros((0, net.sizes[2]))
    predicted = scores.argmax(axis=1)
    classes = net.sizes[2]
    confusion = np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)
    wrong = np.flatnonzero(predicted != labels)
    confidence = softmax(scores[wrong]).max(axis=1) if wrong.size else np.zeros(0)
    order = np.argsort(-confidence, kind="stable")[:limit]
    return {
        "train_acc": correct / max(1, len(x_train)),
        "test_acc": int(np.count_nonzero(predicted == labels)) / max(1, len(x_test)),
        "confusion": confusion,
        "wrong": (wrong[order], predicted[wrong][order], confidence[order]),
        "test_size": len(x_test),
    }


def model_report(net, x_train, t_train, x_test, t_test, limit=200):
    """What the panel shows about a finished (or loaded) net, on the full sets.

    Returns {"train_acc", "test_acc" (fractions 0–1), "confusion" (confusion_matrix on the test set),
    "wrong" ((indices, predicted, confidence) of misclassified test images, at most `limit`), "test_size"}.
    """
    steps = report_steps(net, x_train, t_train, x_test, t_test, limit)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
