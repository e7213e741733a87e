"""Training → MNIST → One iteration, driven like a user on small MNIST-like data: step, see the mini-batch, the
losses and the gradients, → again, then Space trains on exactly as a run from scratch; and in Chinese."""
import re

import numpy as np
import pytest
from actions import click, type_into
from PySide6.QtCore import Qt

from engine.functions import softmax
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import run_to_end, train_two_layer
from gui.tabs.training.mnist import jobs
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import PAGES

LONG = 120_000  # ms: a 2-core machine shared with other jobs
SOURCE = "/synthetic/mnist"  # never read: the data waits in the panel's cache under this name
HIDDEN, BATCH, ITERS, SEED = 16, 20, 30, 3


def small_mnist(n_train=1000, n_test=200, seed=0):
    """28×28 images of pixel levels k/255 (float32, as load_mnist gives them), mostly blank, with a block of ink
    whose place depends on the digit."""
    rng = np.random.default_rng(seed)

    def make(n):
        t = rng.integers(0, 10, n)
        k = np.zeros((n, 28, 28), np.uint8)
        for i, digit in enumerate(t):
            top, left = 3 + 2 * (digit % 5), 3 + 6 * (digit // 5)
            k[i, top:top + 10, left:left + 9] = rng.integers(0, 256, (10, 9))
        return k.reshape(n, 784).astype(np.float32) / np.float32(255), t

    return make(n_train), make(n_test)


@pytest.fixture
def data(monkeypatch):
    data = small_mnist()
    monkeypatch.setitem(jobs._DATA_CACHE, SOURCE, data)
    monkeypatch.setattr(jobs, "find_mnist_source", lambda: SOURCE)
    return data


@pytest.fixture
def panel(qtbot, data):
    p = MnistPanel()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    yield p
    p.shutdown()


def settle(qtbot, p, iteration):
    """Wait until the step job has shown `iteration` and its thread has ended (Start is enabled again)."""
    qtbot.waitUntil(lambda: p.state.step is not None and p.state.step["iteration"] == iteration
                    and not p.runs.is_running("step") and p.start_button.isEnabled(), timeout=LONG)


def numbers(label):
    """The numbers of a rich-text table label, in order (− read as minus)."""
    return [float(v) for v in re.findall(r"[+−-]?\d+\.\d+(?:e[+-]?\d+)?", label.text().replace("−", "-"))]


def small_settings(qtbot, p):
    type_into(qtbot, p.net_box.hidden_spin, str(HIDDEN))
    type_into(qtbot, p.net_box.batch_spin, str(BATCH))
    type_into(qtbot, p.net_box.iter_spin, str(ITERS))
    type_into(qtbot, p.net_box.seed_spin, str(SEED))


def test_step_shows_the_iteration_and_space_trains_on_as_from_scratch(qtbot, panel, data):
    p = panel
    (x, t), (x_test, t_test) = data
    click(qtbot, p.iteration.chapter4_button)  # the chapter 4 net: sigmoid, the book's settings
    assert p.net_box.activation_combo.currentText() == "sigmoid (chapter 4)"
    assert (p.state.batch_size, p.state.iterations, p.state.learning_rate) == (100, 10_000, 0.1)
    small_settings(qtbot, p)
    click(qtbot, p.step_button)
    settle(qtbot, p, 1)
    assert p.pages.currentIndex() == PAGES.index("iteration")

    # what the engine says iteration 1 of this run is: the loop's first mini-batch, the new net's answers
    net = TwoLayerNet(784, HIDDEN, 10, activation="sigmoid", seed=SEED, dtype=np.float32)
    rows = np.random.default_rng(SEED).integers(0, len(x), size=(ITERS, BATCH))[0]
    y = softmax(net.scores(x[rows]))
    predicted = y.argmax(axis=1)
    loss = -np.log(y[np.arange(BATCH), t[rows]] + 1e-7)
    grid = p.iteration.batch_grid
    assert grid.count() == BATCH
    assert grid.captions() == [f"{a} → {b}\n{c:.2f}" for a, b, c in zip(t[rows], predicted, loss, strict=True)]
    assert grid.marked() == list(predicted != t[rows])
    assert f"{BATCH} training images drawn at random, {int((predicted != t[rows]).sum())} answered wrong" in \
        p.iteration.batch_title.text()
    batch_before, batch_after, _, full_before, full_after, _ = numbers(p.iteration.losses_label)
    assert batch_before == pytest.approx(float(net.loss(x[rows], t[rows])), abs=6e-5)
    assert full_before == pytest.approx(float(net.loss(x, t)), abs=6e-5)
    assert batch_after < batch_before  # the step lowered the loss on its own batch
    grads = net.gradient(x[rows], t[rows])
    assert np.array_equal(p.iteration.w2_map.values, grads["W2"])
    assert p.iteration.w1_grid.count() == HIDDEN
    layer_numbers = numbers(p.iteration.layers_label)
    assert layer_numbers[0] == pytest.approx(np.linalg.norm(grads["W1"]), rel=1e-3)  # ‖∂L/∂W1‖
    assert "Iteration 1</b> of 30" in p.iteration.status.text()
    assert p.run_box.status_label.text() == "Stepped 1 of 30 iterations: Start (Space) trains on from here."

    # → on the page: the next iteration; its whole-set "before" is the last "after"
    p.iteration.setFocus()
    qtbot.keyClick(p.iteration, Qt.Key.Key_Right)
    settle(qtbot, p, 2)
    assert numbers(p.iteration.losses_label)[3] == pytest.approx(full_after, abs=1e-4)
    assert [row[0] for row in p.state.step_history] == [1, 2]
    assert len(p.iteration.loss_plot.batch_curve.getData()[0]) == 2
    assert len(p.iteration.loss_plot.full_curve.getData()[0]) == 3  # before the first step, then after each
    stepped = list(p.state.stepper.losses)

    # Space: a live run goes on from iteration 2 — exactly the run a Start from scratch would have made
    p.iteration.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: p.state.report is not None and p.state.net_origin == "trained"
                    and p.start_button.isEnabled(), timeout=LONG)
    scratch = run_to_end(train_two_layer(TwoLayerNet(784, HIDDEN, 10, activation="sigmoid", seed=SEED,
                                                     dtype=np.float32),
                                         x, t, x_test, t_test, iters_num=ITERS, batch_size=BATCH, seed=SEED))
    logged = p.state.curves.loss
    assert list(logged[:2]) == stepped
    assert np.array_equal(logged, scratch["loss_list"])
    x_shown, y_shown = p.learning.loss_curve.getData()
    assert len(x_shown) == ITERS and np.array_equal(y_shown, scratch["loss_list"])
    for key in PARAM_KEYS:
        assert np.array_equal(p.state.net.params[key], scratch["net"].params[key]), key
    assert p.state.test_acc == scratch["test_acc"]
    assert "the live run went on from it" in p.iteration.status.text()


def test_relu_steps_too_and_new_settings_start_a_new_run(qtbot, panel):
    p = panel
    small_settings(qtbot, p)
    assert p.net_box.activation_combo.currentText() == "ReLU (chapter 5)"
    click(qtbot, p.step_button)
    settle(qtbot, p, 1)
    click(qtbot, p.step_button)
    settle(qtbot, p, 2)
    assert "relu" in p.iteration.status.text()
    assert p.start_button.toolTip() == "Train on from iteration 2 as a live run (Space)"
    type_into(qtbot, p.net_box.lr_spin, "0.5")
    assert p.iteration.status.text() == "The settings have changed: the next step starts a new run at iteration 1."
    assert p.start_button.toolTip() == "Train a new net from the start with these settings (Space)"
    assert p.run_box.status_label.text() == "Ready: press Start (Space)."  # no longer "Stepped 2 of …"
    click(qtbot, p.step_button)
    settle(qtbot, p, 1)
    assert [row[0] for row in p.state.step_history] == [1]


def test_stepping_needs_backpropagation(qtbot, panel):
    p = panel
    p.net_box.method_combo.setCurrentIndex(1)  # numerical
    assert not p.step_button.isEnabled()
    p.pages.setCurrentIndex(PAGES.index("iteration"))
    assert "backpropagation" in p.iteration.status.text()


def test_a_live_language_switch_leaves_no_english_on_the_page(qtbot, panel, in_chinese):
    p = panel
    small_settings(qtbot, p)
    click(qtbot, p.step_button)
    settle(qtbot, p, 1)
    page = p.iteration
    shown = {
        "page tab": lambda: p.pages.tabText(PAGES.index("iteration")), "step button": p.step_button.text,
        "status": page.status.text, "chapter 4": page.chapter4_button.text, "batch title": page.batch_title.text,
        "batch note": page.batch_note.text, "loss title": page.loss_title.text,
        "loss table": lambda: re.sub(r"[\d.−+ ]", "", page.losses_label.text()),
        "layer table": lambda: page.layers_label.text(), "w1 title": page.w1_title.text,
        "w1 note": page.w1_note.text, "w2 title": page.w2_title.text,
        "legend": lambda: " ".join(label.text for _, label in page.loss_plot.getPlotItem().legend.items),
        "map axis": lambda: page.w2_map.getAxis("left").labelText,
        "image tooltip": lambda: page.batch_grid.item(0).toolTip(), "run box": p.run_box.status_label.text,
        "explanation": p.explanation.toPlainText,
    }
    in_chinese(shown)


def test_without_mnist_stepping_waits_for_it(qtbot, monkeypatch):
    monkeypatch.setattr(jobs, "find_mnist_source", lambda: None)
    p = MnistPanel()
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert not p.step_button.isEnabled() and not p.start_button.isEnabled()
    p.pages.setCurrentIndex(PAGES.index("iteration"))
    assert p.iteration.status.text().startswith("Get MNIST first")
    qtbot.keyClick(p.iteration, Qt.Key.Key_Right)  # → does nothing without data
    assert p.state.stepper is None and not p.runs.is_running("step")
    p.shutdown()


def test_a_step_that_fails_says_why(qtbot, panel, monkeypatch):
    def broken(stepper):
        yield None
        raise MemoryError("no room for the whole-set loss")

    monkeypatch.setattr(jobs, "step_job", broken)
    click(qtbot, panel.step_button)
    qtbot.waitUntil(lambda: "The step failed" in panel.iteration.status.text() and panel.step_button.isEnabled(),
                    timeout=LONG)
    assert "no room for the whole-set loss" in panel.iteration.status.text()
    assert panel.start_button.isEnabled()


def test_the_page_sorts_the_images_when_shown_and_a_step_asked_meanwhile_follows(qtbot, panel):
    p = panel
    small_settings(qtbot, p)
    bar = p.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(PAGES.index("iteration")).center())
    assert p.state.full_set is not None and p.runs.is_running("step")  # sorting, on a worker
    click(qtbot, p.step_button)  # asked during the sorting: taken when it ends
    settle(qtbot, p, 1)
    assert p.state.full_set.blocks is not None
    click(qtbot, p.step_button)
    click(qtbot, p.step_button)  # asked while iteration 2 is computed: iteration 3 follows
    settle(qtbot, p, 3)
    assert [row[0] for row in p.state.step_history] == [1, 2, 3]


def test_a_large_mini_batch_shows_its_first_images(qtbot, panel):
    p = panel
    small_settings(qtbot, p)
    type_into(qtbot, p.net_box.batch_spin, "250")
    click(qtbot, p.step_button)
    settle(qtbot, p, 1)
    assert p.iteration.batch_grid.count() == 200
    assert p.iteration.batch_title.text().endswith("answered wrong (the first 200 shown)")
    assert "L of this mini-batch (250 images)" in p.iteration.losses_label.text()


def test_a_stepped_run_uses_the_overfitting_boxs_images_and_lambda_and_start_goes_on_with_it(qtbot, panel):
    """Stepping then Start is one run: with 100 training images, 50 held out and λ = 0.5, the stepper trains on
    exactly those images with that λ, as a run started from scratch does."""
    from engine import fitting

    s = panel.state
    small_settings(qtbot, panel)
    type_into(qtbot, panel.fitting_box.size_spin, "100")
    type_into(qtbot, panel.fitting_box.validation_spin, "50")
    type_into(qtbot, panel.fitting_box.lambda_spin, "0.5")
    assert (s.train_size, s.validation, s.weight_decay) == (100, 50, 0.5)
    click(qtbot, panel.step_button)
    settle(qtbot, panel, 1)
    stepper = s.stepper
    (x_all, t_all), _ = s.data
    (x_sub, t_sub), _ = fitting.split_training(x_all, t_all, 100, 50)
    assert len(stepper.x) == 100 and np.array_equal(stepper.x, np.asarray(x_sub, dtype=stepper.x.dtype))
    assert stepper.net.weight_decay_lambda == 0.5
    assert np.array_equal(s.full_set.labels, t_sub)  # "the whole training set" is the 100 trained on
    s.weight_decay = 0.0  # another setting: the next step starts a new run
    assert s.step_settings != s.step_key()
