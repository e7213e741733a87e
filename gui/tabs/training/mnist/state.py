"""The MNIST panel's one state: what the user chose (saved) and what the runs produced (not saved). No Qt.

Widgets write the choices here; restore_settings and *Book's settings* write them here too and the widgets are
then refreshed from it. The pages read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.iteration import FullSetLoss, Stepper
from engine.networks import TwoLayerNet
from engine.numerical_run import summarize
from gui.tabs.training.outcome import Outcome

BOOK_SETTINGS = {"hidden_size": 50, "learning_rate": 0.1, "batch_size": 100, "iterations": 10_000,
                 "weight_init_std": 0.01, "method": "backprop", "train_size": 60_000, "validation": 0,
                 "weight_decay": 0.0}  # train_neuralnet.py (the activation is kept)
# CURRICULUM §5: where the book's 10,000 iterations end; identity: two linear layers are one linear classifier
BOOK_TEST_ACCURACY = {"sigmoid": 0.946, "relu": 0.970, "identity": 0.92}
PAGES = ("learning", "weights", "results", "check", "iteration", "landscape")
MAX_EVALUATIONS = 50  # a run on a small training set measures accuracy at most this often (each is a snapshot)
# a numerical run (engine.numerical_run: numerical gradient beside backprop) is cut down to these: with the book's
# 784-50-10 net one numerical gradient of 10 images takes ~7 s here, so a run takes about half a minute
NUMERICAL_MAX_ITERS, NUMERICAL_MAX_BATCH = 4, 10


@dataclass
class RunPlan:
    """What the current (or last) run was started with: the settings may change while its results are shown."""

    iterations: int
    batch: int
    lr: float
    numerical: bool  # the numerical gradient beside backprop on a few small mini-batches (the book's slow way)
    per_epoch: int  # iterations in one epoch
    weights: int  # parameters of the net
    activation: str
    hidden: int
    train_size: int = 60_000  # images trained on
    validation: int = 0  # images held out of the training set
    weight_decay: float = 0.0  # L2 λ
    eval_every: int = 0  # iterations between measurements (0: once per epoch)


@dataclass
class Comparison:
    """A numerical run's side-by-side figures per iteration (engine.numerical_run's "step" events), NaN where not
    yet done: the backprop twin's loss, each gradient's seconds, how far the gradients and the weights are apart."""

    loss_backprop: np.ndarray
    seconds_numerical: np.ndarray
    seconds_backprop: np.ndarray
    max_diff: np.ndarray
    relative: np.ndarray
    weights_apart: np.ndarray

    FIELDS = ("loss_backprop", "seconds_numerical", "seconds_backprop", "max_diff", "relative", "weights_apart")

    @classmethod
    def for_run(cls, iterations: int) -> Comparison:
        return cls(*(np.full(iterations, np.nan) for _ in cls.FIELDS))

    def summary(self, loss) -> dict | None:
        """engine.numerical_run.summarize of the iterations done (`loss`: the numerical net's, Curves.loss)."""
        return summarize(loss, self.loss_backprop, self.seconds_numerical, self.seconds_backprop, self.relative,
                         self.weights_apart)


@dataclass
class Curves:
    """The live run's figures as they arrive: the loss of every iteration, the accuracies once per epoch (a
    numerical run: the loss of its numerical net, and `compare`, the backprop twin's figures beside it)."""

    loss: np.ndarray = field(default_factory=lambda: np.zeros(0))  # NaN where not yet done
    filled: int = 0  # iterations done
    acc_points: list = field(default_factory=list)  # (epoch, train_acc, test_acc)
    val_points: list = field(default_factory=list)  # (epoch, validation accuracy) when a validation set is held out
    weights_done: int = 0  # numerical gradient: weights done over the whole run
    compare: Comparison | None = None  # a numerical run's side-by-side figures

    @classmethod
    def for_run(cls, iterations: int, numerical: bool = False) -> Curves:
        return cls(loss=np.full(iterations, np.nan), compare=Comparison.for_run(iterations) if numerical else None)


@dataclass
class Path:
    """A run's path through weight space for the landscape: the weights at each evaluation (params dicts), their
    epochs, and what the run was (label: its learning rate; shape: what a landscape through it must share)."""

    snapshots: list = field(default_factory=list)
    epochs: list = field(default_factory=list)
    lr: float = 0.1
    shape: tuple = ()  # (hidden size, activation)


@dataclass
class Landscape:
    """The computed (or arriving) surface: the "plane" event of engine.lab.net_landscape and the rows so far."""

    plane: dict
    Z: np.ndarray  # NaN where a row has not arrived
    rows: int = 0
    directions: str = "pca"
    paths: tuple = ()  # (this run's Path, the compared Path or None)


@dataclass
class MnistState:
    """The settings the user chose (saved) and what the runs produced (not saved)."""

    hidden_size: int = 50
    activation: str = "relu"  # "sigmoid": the chapter 4 net; "relu": the chapter 5 net
    learning_rate: float = 0.1
    batch_size: int = 100
    iterations: int = 10_000
    weight_init_std: float = 0.01
    seed: int = 0
    method: str = "backprop"  # or "numerical"
    page: int = 0  # index in PAGES
    train_size: int = 60_000  # training images used (the first ones): 1,000 shows overfitting
    validation: int = 0  # training images held out (the last ones) as the validation (dev) set
    weight_decay: float = 0.0  # L2 λ: cost + λ/2m·ΣW²
    land_directions: str = "pca"  # engine.lab.net_landscape.DIRECTIONS
    land_resolution: int = 41
    land_extent: float = 1.2
    land_data: str = "test"  # engine.lab.net_landscape.DATA_CHOICES
    land_compare: bool = True  # draw the previous run's path too
    check_images: int = 3  # the book's gradient_check.py uses the first 3 training images
    # produced
    source: str = ""
    data: tuple | None = None  # ((x_train, t_train), (x_test, t_test))
    data_error: str = ""
    net: TwoLayerNet | None = None  # the trained or loaded model
    net_origin: str = ""  # "trained", "stopped", "loaded"
    train_acc: float | None = None
    test_acc: float | None = None
    report: dict | None = None  # engine.training.model_report of net
    check: dict | None = None  # the gradient check's "done" event
    # the training run
    run: RunPlan | None = None
    curves: Curves = field(default_factory=Curves)
    live_net: TwoLayerNet | None = None  # the net being trained (kept when the run is stopped)
    outcome: Outcome | None = None  # how the last run ended; None while one is on (or before the first)
    message: str = ""  # why it failed
    diverged: dict | None = None  # the "diverged" event: iteration, loss, reason
    seconds: float = 0.0  # the finished run's training time
    path: Path | None = None  # the current (or last) run's path
    previous_path: Path | None = None  # the run before it, to compare on one landscape
    landscape: Landscape | None = None
    # stepping one iteration at a time (the One iteration page)
    stepper: Stepper | None = None  # the run being stepped; a live run (Start) goes on with it
    step_settings: tuple = ()  # the settings it was made with (step_key()): other settings make a new one
    full_set: FullSetLoss | None = None  # the loss on all training images, prepared once per data set
    step: dict | None = None  # the parts of the last iteration stepped (engine.iteration.sgd_iteration)
    step_history: list = field(default_factory=list)  # (iteration, batch loss, same batch after, full after)
    full_start: float | None = None  # the whole set's loss before the first stepped iteration

    SAVED = ("hidden_size", "activation", "learning_rate", "batch_size", "iterations", "weight_init_std", "seed",
             "method", "page", "train_size", "validation", "weight_decay", "land_directions", "land_resolution",
             "land_extent", "land_data", "land_compare")

    def step_key(self) -> tuple:
        """The settings a stepped run depends on: a stepper made with others is not continued."""
        return (self.hidden_size, self.activation, self.learning_rate, self.batch_size, self.iterations,
                self.weight_init_std, self.seed, self.source, self.train_size, self.validation, self.weight_decay)

    def book_activation(self, running: bool) -> str:
        """The activation whose book accuracy the plot shows: the run's while it runs, else the chosen one."""
        return self.run.activation if running and self.run else self.activation
