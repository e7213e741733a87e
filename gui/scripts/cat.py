"""Copy as Python for Training → Cat / non-cat: the lessons' logistic regression with the panel's settings.

    ŷ = σ(X·w + b),   J = −1/m Σ (y log ŷ + (1 − y) log(1 − ŷ)) + λ/(2m)·Σw²,
    dw = Xᵀ(ŷ − y)/m + λw/m,   db = Σ(ŷ − y)/m,   w ← w − α dw,   b ← b − α db

The lessons' names (sigmoid, initialize_with_zeros, propagate, optimize, predict), the same arithmetic as
engine.networks.LogisticRegression in float64, so the script prints the panel's costs and accuracies to the last
digit. The pictures are rows of X here, as the app keeps them (the lessons' X is its transpose)."""
from __future__ import annotations

from gui.scripts.book import NUMPY_QUIET
from gui.scripts.render import SIGMOID, join, number

HEADER = '''# The lessons' logistic regression (cat / non-cat): sigmoid, propagate, optimize, predict.
# Reproduces what Gradient Lab shows on its Training tab, panel Cat / non-cat; needs Python, NumPy and h5py
# (h5py reads the lessons' two .h5 files; everything else is NumPy).
# Run it with: python this_file.py
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one BLAS thread, as the app trains: the same sums, digit for digit
import h5py  # noqa: E402
import numpy as np  # noqa: E402
'''

LOAD = '''def load_dataset(folder):
    """The lessons' load_dataset: the two .h5 files of `folder` (uint8 pictures 64×64×3, labels 1 = cat)."""
    with h5py.File(os.path.join(folder, "train_catvnoncat.h5"), "r") as f:
        train_set_x_orig, train_set_y = np.array(f["train_set_x"]), np.array(f["train_set_y"])
    with h5py.File(os.path.join(folder, "test_catvnoncat.h5"), "r") as f:
        test_set_x_orig, test_set_y = np.array(f["test_set_x"]), np.array(f["test_set_y"])
    return train_set_x_orig, train_set_y.reshape(-1), test_set_x_orig, test_set_y.reshape(-1)
'''

MODEL = '''def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0  # w, b


def propagate(w, b, X, Y, lambd):
    """Forward: A = σ(X·w + b), the cost J; backward: dw, db (with L2: + λ/(2m)·Σw² and + λw/m)."""
    m = X.shape[0]
    A = sigmoid(X @ w + b)
    cost = float(np.mean(-(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
    dZ = A - Y
    dw = X.T @ dZ / m
    db = float(np.sum(dZ) / m)
    if lambd:
        cost += lambd / (2 * m) * float(np.sum(w**2))
        dw = dw + lambd / m * w
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations, learning_rate, record_every, lambd, print_cost=True):
    """Gradient descent: w ← w − α dw, b ← b − α db; the cost kept (and printed) every record_every iterations."""
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y, lambd)
        if not np.isfinite(cost):
            print("The cost stopped being a finite number at iteration", i, "(it diverged): lower the learning rate")
            break
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % record_every == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return w, b, costs


def predict(w, b, X):
    return (sigmoid(X @ w + b) > 0.5).astype(np.int64)  # 1 (cat) where ŷ > 0.5
'''


def script(panel) -> str:
    """The script of the cat / non-cat panel `panel` (its CatState: folder and settings)."""
    s = panel.state
    init = ("w, b = initialize_with_zeros(X.shape[1])\n" if s.init == "zeros" else
            f"w, b = 0.01 * np.random.default_rng({int(s.seed)}).standard_normal(X.shape[1]), 0.0"
            "  # small random weights\n")
    folder = s.folder or panel.find_default_folder() or "datasets"
    run = (f"folder = {str(folder)!r}  # the folder the panel reads (Open folder…)\n"
           "train_set_x_orig, train_set_y, test_set_x_orig, test_set_y = load_dataset(folder)\n"
           "X = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1) / 255  # one picture a row, in [0, 1]\n"
           "X_test = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1) / 255\n"
           f"learning_rate = {number(s.learning_rate)}\nnum_iterations = {int(s.num_iterations)}\n"
           f"record_every = {int(s.record_every)}\nlambd = {number(s.lambd)}  # L2 λ\n"
           + init +
           "w, b, costs = optimize(w, b, X, train_set_y, num_iterations, learning_rate, record_every, lambd)\n"
           'print("train accuracy: {} %".format(100 - np.mean(np.abs(predict(w, b, X) - train_set_y)) * 100))\n'
           'print("test accuracy: {} %".format(100 - np.mean(np.abs(predict(w, b, X_test) - test_set_y)) * 100))\n')
    return join([HEADER, "np.set_printoptions(floatmode=\"unique\", linewidth=200)\n" + NUMPY_QUIET,
                 SIGMOID, LOAD, MODEL, run])
