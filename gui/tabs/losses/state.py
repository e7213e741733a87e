"""The Losses tab's one state object: the output y being edited, the correct class, the mini-batch, the scores."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.functions import softmax
from engine.lab import losses as loss_lab

LOGIT_LIMIT = 10.0  # the score plot's fixed range; huge scores are the softmax page's subject


@dataclass
class LossesState:
    """What the user chose; widgets write it, settings restore it, the pages draw from it."""

    mode: str = "probabilities"  # or "logits": the user edits scores a and y = softmax(a)
    y: np.ndarray = field(default_factory=lambda: loss_lab.WORKED_EXAMPLES["two"].copy())
    logits: np.ndarray = field(default_factory=lambda: np.zeros(loss_lab.NUM_CLASSES))
    target: int = loss_lab.WORKED_TARGET
    batch_size: int = 5
    batch_seed: int = 0
    scores_text: str = "1010, 1000, 990"  # the softmax page's scores, as typed

    def set_bar(self, k: int, value: float) -> None:
        """The user dragged bar k to `value` (a probability or a logit, by mode)."""
        if self.mode == "logits":
            self.logits[k] = float(np.clip(value, -LOGIT_LIMIT, LOGIT_LIMIT))
            self.y = softmax(self.logits)
        else:
            self.y = loss_lab.set_probability(self.y, k, value)

    def set_mode(self, mode: str) -> None:
        """Switch between editing y and editing the scores a (y = softmax(a) once a score is moved). The scores
        shown for y are scores_for(y); y itself stays exactly as it was until a score is dragged, so switching
        there and back keeps the book's numbers (0.5975 / 2.3026), which a round trip through log and exp would not."""
        if mode == "logits" and self.mode != "logits":
            self.logits = loss_lab.scores_for(self.y)
        self.mode = mode

    def load_example(self, name: str) -> None:
        """One of the book's two outputs for a "2" (4.2.1), edited as probabilities."""
        self.mode = "probabilities"
        self.y = loss_lab.WORKED_EXAMPLES[name].copy()
        self.target = loss_lab.WORKED_TARGET

    def load_uniform(self) -> None:
        """A net that has learned nothing: y_k = 1/10 (scores all 0)."""
        self.y = np.full(loss_lab.NUM_CLASSES, 1.0 / loss_lab.NUM_CLASSES)
        self.logits = np.zeros(loss_lab.NUM_CLASSES)

    def batch(self):
        """The mini-batch (y, t) shown: random outputs drawn from the batch size and seed."""
        return loss_lab.random_batch(self.batch_size, seed=self.batch_seed)

    def losses(self):
        """(MSE, cross-entropy) of y against the correct class."""
        return loss_lab.losses(self.y, self.target)
