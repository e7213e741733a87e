"""The cat / non-cat panel's one state: what the user chose (saved) and what the runs produced (not saved). No Qt.

Widgets write the choices here; restore_settings and *Lessons' settings* write them here too and the widgets are
then refreshed from it. The pages and the tests read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.lab import logistic as logistic_lab
from gui.tabs.training.outcome import Outcome

PAGES = ("data", "cost", "rates", "results", "own", "vector")
LESSON_SETTINGS = {"learning_rate": 0.005, "num_iterations": 2000, "record_every": 100, "init": "zeros",
                   "lambd": 0.0}
# what restore_settings accepts for each saved choice (gui.settings.read's checks)
LIMITS = {
    "learning_rate": {"lo": 0.00001, "hi": 10.0},
    "num_iterations": {"lo": 1, "hi": 100_000},
    "record_every": {"lo": 1, "hi": 10_000},
    "init": {"choices": ("zeros", "random")},
    "seed": {"lo": 0, "hi": 2**31 - 1},
    "lambd": {"lo": 0.0, "hi": 1000.0},
    "compare_iterations": {"lo": 1, "hi": 100_000},
    "vector_n": {"lo": 1_000, "hi": 10_000_000},
    "page": {"lo": 0, "hi": len(PAGES) - 1},
}


@dataclass
class Curve:
    """A live cost curve: the cost of every iteration as it arrives (NaN where not yet done)."""

    cost: np.ndarray = field(default_factory=lambda: np.zeros(0))
    filled: int = 0  # iterations done

    @classmethod
    def for_run(cls, iterations: int) -> Curve:
        return cls(np.full(iterations, np.nan))

    def add(self, iteration: int, cost: float) -> None:
        """The cost after `iteration` steps (1-based, as train_logistic counts them)."""
        self.cost[iteration - 1] = cost
        self.filled = iteration

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        return np.arange(self.filled), self.cost[:self.filled]


@dataclass
class CatState:
    """The settings the user chose (saved) and what loading and the runs produced (not saved)."""

    folder: str = ""
    learning_rate: float = 0.005
    num_iterations: int = 2000
    record_every: int = 100
    init: str = "zeros"  # or "random"
    seed: int = 0
    lambd: float = 0.0  # L2 λ: cost + λ/2m·‖w‖², dw + λw/m
    compare_rates: str = "0.01, 0.001, 0.0001"
    compare_iterations: int = logistic_lab.COMPARE_ITERATIONS
    vector_n: int = 100_000
    page: int = 0  # the page shown (an index into PAGES)
    # the data
    data: tuple | None = None  # (train_x, train_y, test_x, test_y, classes) from load_catvnoncat
    arrays: tuple | None = None  # (X, y, X_test, y_test): the flattened data, made once per folder
    data_error: str = ""
    loading: bool = False  # a folder is being read (on a worker)
    counts: dict = field(default_factory=dict)
    # the training run
    curve: Curve = field(default_factory=Curve)
    costs: list = field(default_factory=list)  # [(iteration, cost)] recorded every record_every
    model: object = None
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    outcome: Outcome | None = None  # how the last run ended (None: none ended, or one is on)
    message: str = ""  # why it failed
    seconds: float = 0.0  # how long the last finished run took
    gaps: list = field(default_factory=list)  # (λ, train − test accuracy) of the last finished runs, newest last
    # the learning-rate comparison
    compare_run: list = field(default_factory=list)  # the learning rates of the last comparison
    compare_curves: list = field(default_factory=list)  # one Curve per rate
    compare_results: list = field(default_factory=list)  # the "run_done" / "run_diverged" events, in order
    compare_note: tuple = ()  # ("running" | "done" | "stopped" | "failed", detail) or () (nothing to say)
    # your own picture and the vectorisation demo
    own_image: np.ndarray | None = None  # (64, 64, 3) uint8
    own_path: str = ""
    vector_result: dict | None = None  # the "done" event of the n chosen
    vector_points: list = field(default_factory=list)  # (n, loop ms, np.dot ms) of each n timed, as they come

    SAVED = ("folder", "learning_rate", "num_iterations", "record_every", "init", "seed", "lambd", "compare_rates",
             "compare_iterations", "vector_n", "page")

    def forget_results(self) -> None:
        """No model, no curves, no run that ended: before a new run or after new data."""
        self.model, self.train_accuracy, self.test_accuracy = None, None, None
        self.outcome, self.message = None, ""
        self.costs, self.curve = [], Curve()

    def forget_comparison(self) -> None:
        self.compare_run, self.compare_curves, self.compare_results, self.compare_note = [], [], [], ()

    def use_lesson_settings(self) -> None:
        """The lessons' gradient descent: η = 0.005, 2,000 iterations, cost every 100, w = 0."""
        for name, value in LESSON_SETTINGS.items():
            setattr(self, name, value)
