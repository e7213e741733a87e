"""What every data reader checks and the error it raises: a bad file ends in a message naming it and the fault."""
from __future__ import annotations

from pathlib import Path

import numpy as np


class DatasetError(ValueError):
    """A data file is missing or is not what it should be. str() names the file and the fault.

    DatasetError(path, problem) → "path: problem" (with .path and .problem), or DatasetError(message).
    """

    def __init__(self, path_or_message, problem: str | None = None):
        self.path = None if problem is None else Path(path_or_message)
        self.problem = str(path_or_message) if problem is None else problem
        super().__init__(self.problem if problem is None else f"{path_or_message}: {problem}")


def check_labels(path, labels: np.ndarray, n_classes: int = 10, what: str = "label") -> np.ndarray:
    """Labels must be integers 0 … n_classes−1 (another value would index past the one-hot row); returns them."""
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise DatasetError(path, f"{what}s have dtype {labels.dtype}, expected integers")
    bad = np.flatnonzero((labels < 0) | (labels >= n_classes))
    if bad.size:
        i = int(bad[0])
        raise DatasetError(path, f"{what} {labels[i]} at index {i} out of range 0–{n_classes - 1}"
                                 + (f" ({bad.size} bad {what}s)" if bad.size > 1 else ""))
    return labels
