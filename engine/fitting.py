"""Train / validation (dev) / test sets, and the lessons' bias and variance reading of a run (CURRICULUM §8).

    train error   = 1 − train accuracy
    dev error     = 1 − validation accuracy   (the test set when no validation set is held out)
    high bias     : the train error itself is high               → a bigger net, train longer
    high variance : dev error ≫ train error (a wide gap)         → more data, L2 regularisation (λ), a smaller net

MNIST's human error is near 0 %, so "high" is measured from 0 (the lessons compare with the optimal error).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.evaluation import evaluate_accuracy

HIGH_TRAIN_ERROR = 0.05  # a train error above 5 % counts as high bias (MNIST: people misread ~0.2 %)
WIDE_GAP = 0.02  # a dev error more than 2 points above the train error counts as high variance


def split_training(x_train, t_train, train_size=None, validation=0):
    """((x, t) to train on, (x_val, t_val) held out): the last `validation` training images are the validation
    (dev) set; of the rest, the first `train_size` (all when None) are trained on. The two never overlap."""
    n = len(x_train)
    validation = int(np.clip(validation, 0, n - 1))
    rest = n - validation
    size = rest if train_size is None else int(np.clip(train_size, 1, rest))
    return (x_train[:size], t_train[:size]), (x_train[rest:], t_train[rest:])


def validation_accuracy(event, x_val, t_val):
    """The accuracy of an "epoch" event's weights copy on the validation set (None when there is none)."""
    if x_val is None or len(x_val) == 0:
        return None
    return evaluate_accuracy(event["net"], x_val, t_val)


@dataclass
class Diagnosis:
    """What the final accuracies say: case is "bias", "variance", "both" or "fine"."""

    case: str
    train_error: float
    dev_error: float

    @property
    def gap(self) -> float:
        return self.dev_error - self.train_error


def diagnose(train_acc, dev_acc, high_error=HIGH_TRAIN_ERROR, wide_gap=WIDE_GAP) -> Diagnosis:
    """The lessons' reading: high bias when the train error > `high_error`, high variance when the dev error
    exceeds the train error by more than `wide_gap`; both, or neither ("fine")."""
    train_error, dev_error = 1.0 - float(train_acc), 1.0 - float(dev_acc)
    bias, variance = train_error > high_error, dev_error - train_error > wide_gap
    case = "both" if bias and variance else "bias" if bias else "variance" if variance else "fine"
    return Diagnosis(case, train_error, dev_error)
