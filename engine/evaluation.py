"""What the Training tab shows about a two-layer net during and after a run: accuracy, the confusion matrix,
the misclassified images, the first layer's weights as pictures, the smoothed loss curve."""
from __future__ import annotations

import numpy as np

from engine.functions import as_labels, softmax


def evaluate_accuracy(net, x, labels, chunk=5000):
    """mean [argmax predict(x) = t] over the rows of x, counted `chunk` rows at a time from the weights alone
    (so it may run on another thread while the net trains)."""
    return net.accuracy(x, labels, batch_size=chunk)


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


def model_report(net, x_train, t_train, x_test, t_test, limit=200):
    """What the panel shows about a finished (or loaded) net, on the full sets.

    Returns {"train_acc", "test_acc" (fractions 0–1), "confusion" (confusion_matrix on the test set),
    "wrong" ((indices, predicted, confidence) of misclassified test images, at most `limit`), "test_size"}.
    """
    return {
        "train_acc": evaluate_accuracy(net, x_train, t_train),
        "test_acc": evaluate_accuracy(net, x_test, t_test),
        "confusion": confusion_matrix(net, x_test, t_test),
        "wrong": misclassified(net, x_test, t_test, limit=limit),
        "test_size": len(x_test),
    }
