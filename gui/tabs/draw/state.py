"""The Draw tab's one state object: pen width, model and guides chosen, and what the net made of the drawing."""
from __future__ import annotations

from dataclasses import dataclass, field

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
    # inside the net (engine.explain): which class is explained, against which, and the units switched off
    chosen: int | None = None  # the class the learner clicked (None: the answer)
    versus: int | None = None  # k′ for "why k and not k′" (None: the runner-up)
    off: set[int] = field(default_factory=set)  # hidden units switched off (a[1]_j = 0), by number
    hovered: int = -1  # the hidden unit under the mouse (−1: none)
    explained: dict | None = None  # engine.explain.explain(...) of the last drawing (None: no answer)

    @property
    def answer(self) -> int | None:
        return None if self.y is None else int(np.argmax(self.y))

    def explained_class(self) -> int | None:
        """k: the class clicked, else the answer."""
        return self.chosen if self.chosen is not None else self.answer
