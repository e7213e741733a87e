"""Activation and loss functions, as in the book (chapter 3.2, 3.5 and 4.2)."""
from __future__ import annotations

import numpy as np

DELTA = 1e-7  # guards log(0) in the cross-entropy error


def _as_float(x):
    """x as a floating array: float32 / float64 inputs keep their precision, anything else becomes float64."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)


def sigmoid(x):
    """h(x) = 1 / (1 + exp(−x)), computed without overflow warnings for large |x|."""
    x = _as_float(x)
    # exp(-|x|) never overflows; both branches are the same formula rearranged.
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def sigmoid_grad(x):
    """h'(x) = h(x) · (1 − h(x))."""
    s = sigmoid(x)
    return s * (1.0 - s)


def relu(x):
    """h(x) = max(0, x)."""
    return np.maximum(0, x)


def softmax(x):
    """y_k = exp(a_k − C) / Σ_i exp(a_i − C) with C = max(a): the shift keeps exp from overflowing.

    Works on a 1-D vector or on each row of a 2-D batch.
    """
    x = _as_float(x)
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_naive(x):
    """exp(a_k) / Σ_i exp(a_i) without the shift: overflows to inf / nan for large a (for teaching)."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x)
        return e / np.sum(e, axis=-1, keepdims=True)


def mean_squared_error(y, t):
    """E = 1/2 · Σ_k (y_k − t_k)²."""
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    return 0.5 * np.sum((y - t) ** 2)


def as_labels(t):
    """t as integer labels (intp): one-hot rows become the index of their 1, labels stay as they are.

    The one helper every part of the engine uses to accept the book's two ways of giving t.
    """
    t = np.asarray(t)
    return (t.argmax(axis=-1) if t.ndim == 2 else t.reshape(-1)).astype(np.intp)


def _labels_for(y, t):
    """as_labels(t) for the rows of y; a flat one-hot t (as many numbers as y) counts as one-hot rows."""
    t = np.asarray(t)
    return as_labels(t.reshape(y.shape) if t.size == y.size else t)


def cross_entropy_error(y, t):
    """E = −1/N Σ_n Σ_k t_nk log(y_nk + 1e-7).

    y is one output (1-D) or a batch (rows); t is one-hot (same shape as y) or integer labels.
    Only the correct class's term is non-zero, so with labels it is −1/N Σ_n log(y[n, t_n] + 1e-7).
    """
    y = np.asarray(y)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = np.asarray(t).reshape(1, -1) if np.asarray(t).size == y.size else np.asarray(t).reshape(1)
    labels = _labels_for(y, t)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), labels] + DELTA)) / batch_size


def cross_entropy_per_sample(y, t):
    """−log(y[n, t_n] + 1e-7) for each sample n (the terms that cross_entropy_error averages)."""
    y = np.atleast_2d(np.asarray(y))
    labels = _labels_for(y, t)
    return -np.log(y[np.arange(y.shape[0]), labels] + DELTA)


def binary_cross_entropy(y_hat, y):
    """L = −(y log ŷ + (1 − y) log(1 − ŷ)) for each sample; the cost J is its mean."""
    y_hat = np.asarray(y_hat, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(y * np.log(y_hat) + (1.0 - y) * np.log(1.0 - y_hat))


def one_hot(labels, num_classes=10):
    """Integer labels → one-hot rows."""
    labels = np.asarray(labels, dtype=np.intp).reshape(-1)
    out = np.zeros((labels.size, num_classes))
    out[np.arange(labels.size), labels] = 1.0
    return out
