"""The Draw tab's one state object: pen width, model and guides chosen, and what the net made of the drawing."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine import preprocess


@dataclass
class DrawState:
    """The user's choices (written by the controls and settings) and the last prepared input and its answer."""

    pen_width: int = 20
    model_key: str = "bundled"
    show_guides: bool = True
    x: np.ndarray | None = None  # the 28×28 input the net sees
    y: np.ndarray | None = None  # its 10 softmax outputs (None: nothing drawn or no model)
    preparation: preprocess.Preparation | None = None

    @property
    def answer(self) -> int | None:
        return None if self.y is None else int(np.argmax(self.y))
