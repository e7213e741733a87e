"""What the Losses tab computes: the book's worked examples, editing an output y, softmax step by step, batches.

The book's two losses (4.2) of an output y against a one-hot t:
    mean squared error   E = ½ Σ_k (y_k − t_k)²
    cross-entropy error  E = −Σ_k t_k log(y_k + 1e-7)   (= −log(y_t + 1e-7): only the correct class counts)
and softmax y_k = exp(a_k − C) / Σ_i exp(a_i − C) with C = max(a), the same y as C = 0 without overflow.
"""
from __future__ import annotations

import numpy as np

from engine.functions import (
    DELTA,
    cross_entropy_error,
    cross_entropy_per_sample,
    mean_squared_error,
    one_hot,
    softmax,
    softmax_naive,
)

NUM_CLASSES = 10

# The book's two outputs for a "2" (4.2.1 and 4.2.2): the net right, then the net wrong ("7").
WORKED_EXAMPLES = {
    "two": np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]),
    "seven": np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]),
}
WORKED_TARGET = 2


def losses(y, target):
    """(MSE, cross-entropy) of output y against the one-hot target class."""
    t = one_hot([target], len(y))[0]
    return float(mean_squared_error(y, t)), float(cross_entropy_error(np.asarray(y, dtype=np.float64), t))


def set_probability(y, k, value):
    """y with y_k = value (clipped to [0, 1]) and the other outputs rescaled so that Σ y = 1 again.

    The others keep their proportions; if they were all 0 they share 1 − value equally.
    """
    y = np.asarray(y, dtype=np.float64).copy()
    value = float(np.clip(value, 0.0, 1.0))
    others = np.arange(len(y)) != k
    rest = y[others].sum()
    y[others] = y[others] * ((1.0 - value) / rest) if rest > 0 else (1.0 - value) / others.sum()
    y[k] = value
    return y


def scores_for(y, floor=1e-4):
    """Scores a with softmax(a) ≈ y: a_k = log max(y_k, floor), shifted to mean 0 (softmax ignores the shift).

    The floor keeps a zero output at a finite score (log 0 = −∞), so y comes back with tiny outputs instead.
    """
    a = np.log(np.clip(np.asarray(y, dtype=np.float64), floor, None))
    return a - a.mean()


def loss_vs_correct_probability(y, target, p):
    """MSE and cross-entropy as the correct class's probability runs over p, the others keeping proportions.

    Returns (mse, ce) arrays shaped like p: CE = −log(p + 1e-7) rises steeply as p → 0 (a confident
    wrong answer), while MSE stays bounded below 1.
    """
    p = np.asarray(p, dtype=np.float64)
    ce = -np.log(p + DELTA)
    mse = np.array([losses(set_probability(y, target, pi), target)[0] for pi in p])
    return mse, ce


def softmax_steps(a):
    """Softmax both ways, for display: naive exp(a_k)/Σexp(a_i) (may give inf / nan) and the shifted one.

    Returns a dict of arrays: a, exp_naive, y_naive, shift (the C = max a), shifted, exp_shifted, y.
    """
    a = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        exp_naive = np.exp(a)
    C = a.max()
    return {
        "a": a,
        "exp_naive": exp_naive,
        "y_naive": softmax_naive(a),
        "shift": C,
        "shifted": a - C,
        "exp_shifted": np.exp(a - C),
        "y": softmax(a),
    }


MAX_SCORES = 100  # softmax scores a learner types; a table of more than this is no longer readable
MAX_SCORES_TEXT = 30 * MAX_SCORES  # characters: 100 scores in full float64 precision (-1.2345678901234567e-300, )


class NumberListError(ValueError):
    """Text that is not a list of numbers.

    `item` is the offending piece (None when the text is empty); `count` is set when there are more than
    `limit` numbers, `length` when the text is longer than MAX_SCORES_TEXT characters (checked before splitting).
    """

    def __init__(self, item=None, count=None, limit=MAX_SCORES, length=None):
        self.item, self.count, self.limit, self.length = item, count, limit, length
        if length is not None:
            message = f"the text is too long ({length} characters; at most {MAX_SCORES_TEXT})"
        elif count is not None:
            message = f"too many numbers ({count}; at most {limit})"
        elif item is None:
            message = "enter numbers separated by commas, e.g. 1010, 1000, 990"
        else:
            message = f"'{item}' is not a number"
        super().__init__(message)


def parse_numbers(text, limit=MAX_SCORES):
    """'1010, 1000, 990' → array; NumberListError naming the bad item, or saying there are too many.

    Text longer than MAX_SCORES_TEXT characters is refused before it is split, so a pasted megabyte costs
    nothing; more than `limit` numbers are refused before any is converted.
    """
    if len(text) > MAX_SCORES_TEXT:
        raise NumberListError(length=len(text))
    items = [s for s in text.replace(";", ",").replace(" ", ",").split(",") if s]
    if not items:
        raise NumberListError()
    if len(items) > limit:
        raise NumberListError(count=len(items), limit=limit)
    values = []
    for item in items:
        try:
            values.append(float(item))
        except ValueError:
            raise NumberListError(item) from None
    return np.array(values)


def random_batch(n, seed=None, num_classes=NUM_CLASSES, spread=2.0):
    """n random outputs y (softmax of random scores) and their integer labels t."""
    rng = np.random.default_rng(seed)
    y = softmax(spread * rng.standard_normal((n, num_classes)))
    t = rng.integers(0, num_classes, size=n)
    return y, t


def batch_losses(y, t):
    """Per-sample −log y[n, t_n], and the batch average computed with label t and with one-hot t."""
    y = np.asarray(y, dtype=np.float64)
    return {
        "per_sample": cross_entropy_per_sample(y, t),
        "mean_label": float(cross_entropy_error(y, t)),
        "mean_one_hot": float(cross_entropy_error(y, one_hot(t, y.shape[1]))),
    }
