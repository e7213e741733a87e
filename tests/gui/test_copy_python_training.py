"""Edit → Copy as Python on the Training tab (MNIST, Cat / non-cat) and the Draw tab, driven like a user: train or
draw, copy the script from the Edit menu, run it in a fresh Python outside the repository, and read its printed
numbers against the app's state: the cat's costs and accuracies to the last digit (float64, the same sums), the
Draw tab's inside numbers to the last digit (float32, the same products), MNIST's first losses to float32 rounding
and its accuracies to within a few images (the app steps with a fused float32 step, the script the book's way)."""
import gzip
import struct

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from engine.data import mnist as mnist_data
from engine.networks import TwoLayerNet
from gui import settings as gui_settings
from gui.settings import app_settings
from gui.tabs.training.mnist import jobs
from gui.tabs.training.mnist.state import PAGES
from gui.tabs.training.outcome import Outcome
from tests.gui.actions import click, type_into
from tests.gui.test_copy_python import copy_script, run, same

LONG = 180_000  # ms: generous, for a 2-core machine shared with other jobs
LOSS_RTOL = 1e-6  # the first losses: float32 rounding of two ways to compute the same step
ACC_ATOL = 0.003  # accuracies: a few images of the sets may fall the other way after hundreds of float32 steps


@pytest.fixture
def window(qtbot):
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.tab_pages["training"].shutdown()


def panel_of(window, name):
    window.show_tab("training")
    tab = window.tab_pages["training"]
    assert tab.show_panel(name)
    return tab.experiments.currentWidget()


# ---------------------------------------------------------------------------------------------------- Cat
def train_cat(qtbot, panel, iterations=None):
    if iterations is not None:
        type_into(qtbot, panel.settings_box.iter_spin, str(iterations))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: not panel.is_training() and panel.progress.label.text().startswith("Finished")
                    and panel.start_button.isEnabled(), timeout=LONG)


def load_cat(qtbot, panel, folder):
    assert panel.set_folder(folder)
    qtbot.waitUntil(lambda: not panel.is_loading() and not panel.state.loading, timeout=LONG)
    assert panel.state.data is not None


def cat_expected(s):
    out = {f"Cost after iteration {i}": float(f"{c:f}") for i, c in s.costs}
    out.update({"train accuracy": s.train_accuracy, "test accuracy": s.test_accuracy})
    return out


def check_cat(got, s):
    expected = cat_expected(s)
    assert sorted(got) == sorted(expected)
    for label, value in expected.items():
        assert got[label][0] == value, (label, got[label], value)  # to the last digit


def test_cat_the_lessons_run_to_the_last_digit(qtbot, window, cat_dir, tmp_path):
    panel = panel_of(window, "cat")
    load_cat(qtbot, panel, cat_dir)
    train_cat(qtbot, panel)  # the lessons' settings: α = 0.005, 2,000 iterations, zeros
    text = copy_script(window, "training")
    assert "import h5py" in text and "def propagate(w, b, X, Y, lambd)" in text and "def optimize(" in text
    got = run(text, tmp_path)
    check_cat(got, panel.state)
    assert got["Cost after iteration 0"][0] == 0.693147 and got["Cost after iteration 1900"][0] == 0.140872
    assert got["train accuracy"][0] == 99.04306220095694 and got["test accuracy"][0] == 70.0


def test_cat_random_start_with_lambda_and_another_record_interval(qtbot, window, cat_dir, tmp_path):
    panel = panel_of(window, "cat")
    load_cat(qtbot, panel, cat_dir)
    s = panel.state
    s.init, s.seed, s.lambd, s.record_every, s.learning_rate = "random", 3, 0.7, 37, 0.004
    panel.refresh_all()
    train_cat(qtbot, panel, 300)
    assert s.num_iterations == 300 and len(s.costs) == 9
    check_cat(run(copy_script(window, "training"), tmp_path), s)


# ---------------------------------------------------------------------------------------------------- MNIST
def mnist_expected_check(got, s):
    """The script's losses and accuracies against the app's run (state.curves)."""
    first = min(10, s.curves.filled)
    for i in range(first):
        same(got[f"loss of iteration {i + 1}"], s.curves.loss[i], rtol=LOSS_RTOL)
    same(got[f"loss of iteration {s.curves.filled}"], s.curves.loss[s.curves.filled - 1], rtol=0.01)
    per_epoch = s.run.per_epoch
    evaluations = [label for label in got if label.startswith("iteration ")]
    assert len(evaluations) == len(s.curves.acc_points)
    vals = dict(s.curves.val_points)
    for epoch, train_acc, test_acc in s.curves.acc_points:
        iteration = round(epoch * per_epoch)
        label = next(lab for lab in evaluations if lab.startswith(f"iteration {iteration} ("))
        numbers = got[label]
        if vals:
            expected = [train_acc, vals[epoch], test_acc]
            numbers = numbers[-3:]
        else:
            expected = [train_acc, test_acc]
            numbers = numbers[-2:]
        same(numbers, expected, rtol=0, atol=ACC_ATOL)


def wait_for_data(qtbot, panel):
    qtbot.waitUntil(lambda: panel.state.data is not None, timeout=LONG)


def train_mnist(qtbot, panel, iterations, batch):
    type_into(qtbot, panel.net_box.iter_spin, str(iterations))
    type_into(qtbot, panel.net_box.batch_spin, str(batch))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.state.report is not None and panel.state.net_origin == "trained"
                    and panel.start_button.isEnabled(), timeout=LONG)


def test_mnist_300_iterations_on_the_real_data(qtbot, mnist_dir, tmp_path):
    from gui.main_window import MainWindow

    app_settings().setValue("data/mnist", str(mnist_dir))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = panel_of(window, "mnist")
    wait_for_data(qtbot, panel)
    train_mnist(qtbot, panel, 300, 100)
    s = panel.state
    assert s.source == str(mnist_dir) and len(s.curves.acc_points) == 2  # before and at the end
    text = copy_script(window, "training")
    assert "class SoftmaxWithLoss" in text and "def load_mnist(source)" in text and str(mnist_dir) in text
    got = run(text, tmp_path)
    mnist_expected_check(got, s)
    assert got["iteration 300 (epoch 0.5)"][-1] > 0.85  # it learned
    window.tab_pages["training"].shutdown()


def write_idx(path, array):
    """An IDX file of uint8 `array`, gzipped: magic 0x0000 08 dims, big-endian sizes, the bytes."""
    header = struct.pack(">HBB", 0, 8, array.ndim) + b"".join(struct.pack(">I", n) for n in array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + np.ascontiguousarray(array, np.uint8).tobytes())


@pytest.fixture
def tiny_mnist(tmp_path):
    """A tiny MNIST-shaped set written as the four IDX files (300 training, 60 test images): each class a blob of
    ink at its own place, plus noise — learnable in a few dozen iterations. The panel reads it from the memory
    cache the load job uses (the app itself accepts only MNIST's full counts from IDX files)."""
    rng = np.random.default_rng(5)
    folder = tmp_path / "tiny_mnist"
    folder.mkdir()

    def images(n):
        labels = rng.integers(0, 10, n).astype(np.uint8)
        x = rng.integers(0, 60, (n, 28, 28))
        for i, t in enumerate(labels):
            r, c = 4 + 2 * t, 4 + (t % 5) * 4
            x[i, r:r + 6, c:c + 6] += 190
        return np.clip(x, 0, 255).astype(np.uint8), labels

    parts = {}
    for part, n, prefix in (("train", 300, "train"), ("test", 60, "t10k")):
        x, t = images(n)
        write_idx(folder / f"{prefix}-images-idx3-ubyte.gz", x)
        write_idx(folder / f"{prefix}-labels-idx1-ubyte.gz", t)
        parts[part] = (x.reshape(n, 784).astype(np.float32) / np.float32(255.0), t)
    jobs._DATA_CACHE.clear()
    jobs._DATA_CACHE[str(folder)] = (parts["train"], parts["test"])
    yield folder
    jobs._DATA_CACHE.clear()


def test_mnist_tiny_set_identity_lambda_small_training_set_and_validation(qtbot, window, tiny_mnist, tmp_path):
    panel = panel_of(window, "mnist")
    panel.set_source(tiny_mnist)
    wait_for_data(qtbot, panel)
    s = panel.state
    s.activation, s.hidden_size, s.weight_init_std, s.seed = "identity", 12, 0.05, 4
    s.train_size, s.validation, s.weight_decay, s.learning_rate = 200, 50, 0.3, 0.2
    panel.net_box.refresh()
    panel.fitting_box.refresh()
    train_mnist(qtbot, panel, 120, 20)
    assert s.run.train_size == 200 and s.run.validation == 50 and s.run.eval_every == 10
    got = run(copy_script(window, "training"), tmp_path)
    mnist_expected_check(got, s)
    assert len(s.curves.val_points) == len(s.curves.acc_points) == 13


def test_mnist_tiny_set_sigmoid_more_iterations_than_a_chunk(qtbot, window, tiny_mnist, tmp_path):
    panel = panel_of(window, "mnist")
    panel.set_source(tiny_mnist)
    wait_for_data(qtbot, panel)
    s = panel.state
    s.activation, s.hidden_size, s.seed = "sigmoid", 10, 9
    panel.net_box.refresh()
    train_mnist(qtbot, panel, 1005, 7)  # the mini-batches of iteration 1,001 onwards: the second chunk
    got = run(copy_script(window, "training"), tmp_path)
    mnist_expected_check(got, s)


def test_mnist_tiny_set_a_learning_rate_that_diverges(qtbot, window, tiny_mnist, tmp_path):
    panel = panel_of(window, "mnist")
    panel.set_source(tiny_mnist)
    wait_for_data(qtbot, panel)
    s = panel.state
    s.learning_rate, s.weight_init_std = 40.0, 0.1
    panel.net_box.refresh()
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: s.diverged is not None and panel.start_button.isEnabled(), timeout=LONG)
    assert s.outcome is Outcome.DIVERGED
    got = run(copy_script(window, "training"), tmp_path)
    assert got["diverged at iteration"][0] == s.diverged["iteration"]
    for i in range(min(10, s.diverged["iteration"] - 1)):
        same(got[f"loss of iteration {i + 1}"], s.curves.loss[i], rtol=1e-4)


def test_mnist_tiny_set_stepped_on_the_one_iteration_page(qtbot, window, tiny_mnist, tmp_path):
    panel = panel_of(window, "mnist")
    panel.set_source(tiny_mnist)
    wait_for_data(qtbot, panel)
    s = panel.state
    s.hidden_size, s.seed, s.weight_decay = 9, 2, 0.5  # a stepped run has the panel's λ, as Start's does
    type_into(qtbot, panel.net_box.batch_spin, "15")
    panel.net_box.refresh()
    for k in (1, 2, 3):
        click(qtbot, panel.step_button)
        qtbot.waitUntil(lambda k=k: s.step is not None and s.step["iteration"] == k and not panel.runs.is_running(
            "step") and panel.start_button.isEnabled(), timeout=LONG)
    assert panel.pages.currentIndex() == PAGES.index("iteration") and len(s.step_history) == 3
    text = copy_script(window, "training")
    assert "k = 3  # the iterations stepped" in text
    got = run(text, tmp_path)
    same(got["L on all training images before iteration 1"], s.full_start, rtol=1e-5)
    for iteration, before, after, full_after in s.step_history:
        same(got[f"iteration {iteration}"], [before, after, full_after], rtol=1e-5)
    assert np.array_equal(got["rows drawn in iteration 3"], s.step["rows"])
    assert np.array_equal(got["their labels t"], s.step["labels"])
    assert np.array_equal(got["the net's answers before the step"], s.step["predicted"])


def test_mnist_tiny_set_the_numerical_gradient_beside_backprop(qtbot, window, tiny_mnist, tmp_path):
    panel = panel_of(window, "mnist")
    panel.set_source(tiny_mnist)
    wait_for_data(qtbot, panel)
    s = panel.state
    s.method, s.hidden_size, s.activation = "numerical", 2, "relu"
    panel.net_box.refresh()
    train_mnist(qtbot, panel, 2, 3)
    text = copy_script(window, "training")
    assert "network.numerical_gradient(x_batch, t_batch)" in text and "backprop_net.gradient(x_batch, t_batch)" in text
    got = run(text, tmp_path)
    compare = s.curves.compare
    for i in range(2):  # the same mini-batches and weights: the app's losses and differences, to float64 rounding
        same(got[f"iteration {i + 1}"], [s.curves.loss[i], compare.loss_backprop[i]], rtol=1e-12)
        same(got[f"iteration {i + 1} gradients"], [compare.max_diff[i], compare.relative[i]], rtol=1e-6)
        numerical, backprop = got[f"iteration {i + 1} seconds"]
        assert numerical > 10 * backprop > 0


# ---------------------------------------------------------------------------------------------------- Draw
SEVEN = [(0.3, 0.25), (0.7, 0.25), (0.45, 0.8)]
THREE = [(0.32, 0.25), (0.62, 0.25), (0.45, 0.48), (0.64, 0.6), (0.55, 0.78), (0.3, 0.75)]


def stroke(qtbot, canvas, points, steps=6):
    r = canvas.square()
    pts = [QPoint(round(r.x() + x * r.width()), round(r.y() + y * r.height())) for x, y in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
    for a, b in zip(pts, pts[1:], strict=False):
        for i in range(1, steps + 1):
            qtbot.mouseMove(canvas, a + (b - a) * (i / steps))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


def draw_expected(s):
    r = s.explained
    k, v = r["k"], r["versus"]
    out = {"z1 = x·W1 + b1": r["z1"], "a1 = h(z1)": r["a1"], "z2 = a1·W2 + b2": r["z2"], "y = softmax(z2)": r["y"],
           "answer argmax y": int(np.argmax(r["y"])), "explained k": k, "compared with k′": v,
           f"Σ of the {len(r['top'])} units shown": r["top_sum"],
           f"+ the other {len(r['a1']) - len(r['top'])} units": r["rest_sum"], f"+ the bias b2_{k}": r["b2"],
           f"= the score z2_{k}": r["z2"][k]}
    for j in r["top"]:
        out[f"unit {j} → {k}"] = r["contributions"][j]
        out[f"unit {j} → {v}"] = r["contributions_versus"][j]
    return out


def check_draw(got, s):
    expected = draw_expected(s)
    assert sorted(got) == sorted(expected), (sorted(got), sorted(expected))
    for label, value in expected.items():
        if np.asarray(value).dtype == np.float32:  # printed as float32's shortest digits
            assert np.array_equal(got[label].astype(np.float32), np.atleast_1d(value).ravel()), label
        else:  # floats and ints: exactly
            same(got[label], value, rtol=0, atol=0)


def test_draw_a_seven_with_the_bundled_model(qtbot, window, tmp_path):
    window.show_tab("draw")
    tab = window.tab_pages["draw"]
    stroke(qtbot, tab.canvas, SEVEN)
    qtbot.waitUntil(lambda: tab.state.explained is not None, timeout=5000)
    assert tab.state.answer == 7
    text = copy_script(window, "draw")
    assert "digit_default.npz" in text and "unpack(" not in text
    got = run(text, tmp_path)
    check_draw(got, tab.state)
    assert got["answer argmax y"][0] == 7


def test_draw_units_off_a_class_clicked_and_an_unsaved_model(qtbot, window, tmp_path):
    window.show_tab("draw")
    tab = window.tab_pages["draw"]
    net = TwoLayerNet(784, 30, 10, weight_init_std=0.1, activation="sigmoid", seed=7, dtype=np.float32)
    tab.hub.publish("trained", "784-30-10 sigmoid", net)
    assert tab.choose_model("trained")
    stroke(qtbot, tab.canvas, THREE)
    qtbot.waitUntil(lambda: tab.state.explained is not None, timeout=5000)
    inside = tab.inside
    j = int(inside.strip.top[0])
    qtbot.mouseClick(inside.strip, Qt.MouseButton.LeftButton, pos=inside.strip.cell_center(j))
    click(qtbot, inside.class_buttons[4])
    assert tab.state.off == {j} and tab.state.chosen == 4
    text = copy_script(window, "draw")
    assert "unpack(" in text and "digit_default.npz" not in text
    got = run(text, tmp_path)
    check_draw(got, tab.state)
    assert got["a1 = h(z1)"][j] == 0 and got["explained k"][0] == 4


# ---------------------------------------------------------------------------------------------------- the menu
def test_the_actions_are_on_for_training_and_draw(qtbot, window, tmp_path):
    for key in ("training", "draw"):
        window.show_tab(key)
        assert window.script_actions.copy_action.isEnabled() and window.script_actions.save_action.isEnabled()
    panel = panel_of(window, "mnist")
    assert panel.state.data is None
    window.activateWindow()
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QGuiApplication.clipboard().text()
    assert "def train" not in text and "iters_num = 10000" in text  # the panel's settings, data or not
    where = str(mnist_data.default_mnist_dir(gui_settings.data_dir()))
    assert repr(where) in text  # no MNIST yet: where the app keeps it
