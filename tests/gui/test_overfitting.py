"""Overfitting, bias and variance in the Training tab, driven like a user: fewer training images and a validation
set in the MNIST panel (three accuracy curves and the lessons' reading of them), L2 λ in both panels with the gap
narrowing, the identity activation's note. Synthetic data keeps most of it fast; real MNIST and cat data skip."""
import numpy as np
import pytest
from actions import click, type_into
from PySide6.QtCore import QSettings
from test_landscape_page import synthetic_mnist

from gui.settings import app_settings
from gui.tabs.training.cat.panel import CatPanel
from gui.tabs.training.mnist.net_box import ACTIVATIONS
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import Curves, RunPlan

LONG = 180_000


def make_panel(qtbot, cls=MnistPanel):
    p = cls()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def panel(qtbot):
    p = make_panel(qtbot)
    p.state.data = synthetic_mnist()
    p.refresh_all()
    yield p
    p.shutdown()


def train(qtbot, p, iterations, batch):
    type_into(qtbot, p.net_box.iter_spin, str(iterations))
    type_into(qtbot, p.net_box.batch_spin, str(batch))
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)


def curve(item):
    x, y = item.getData()
    return [] if x is None else list(zip(x, y, strict=True))


def test_fewer_images_a_validation_set_and_l2_reach_the_run_and_the_curves(qtbot, panel):
    box = panel.fitting_box
    type_into(qtbot, box.size_spin, "300")
    type_into(qtbot, box.validation_spin, "500")
    type_into(qtbot, box.lambda_spin, "2")
    s = panel.state
    assert (s.train_size, s.validation, s.weight_decay) == (300, 500, 2.0)
    assert "Trains on 300 images; validates on 500." in box.note.text()
    train(qtbot, panel, 300, 30)  # one epoch = 10 iterations: at most 50 measurements, so every 10
    assert (s.run.train_size, s.run.validation, s.run.weight_decay) == (300, 500, 2.0)
    assert s.net.weight_decay_lambda == 2.0
    assert len(s.curves.acc_points) == 31 and len(s.curves.val_points) == 31
    assert [p[0] for p in s.curves.val_points] == [p[0] for p in s.curves.acc_points]
    page = panel.learning
    np.testing.assert_allclose(np.array(curve(page.val_acc_curve)), np.array(s.curves.val_points))
    assert [p[1] for p in curve(page.train_acc_curve)] == pytest.approx([p[1] for p in s.curves.acc_points])
    legend = [label.text for _, label in page.acc_plot.getPlotItem().legend.items]
    assert "train (300 images)" in legend and "validation (500 images)" in legend
    # the advice reads the final figures
    train_error = 100 * (1 - s.curves.acc_points[-1][1])
    assert f"Train error {train_error:.1f} %, validation error" in page.advice.text()
    # the validation images are the last 500 of the training set: measured by the engine on that copy
    from engine.evaluation import evaluate_accuracy

    (x_train, t_train), _ = s.data
    assert s.curves.val_points[-1][1] == pytest.approx(evaluate_accuracy(s.net, x_train[-500:], t_train[-500:]))


def show_case(p, train_acc, dev_acc, validation=True):
    """A finished run's last two measurements, as the training job would have left them."""
    s = p.state
    s.run = RunPlan(100, 10, 0.1, False, 10, 39_760, "relu", 50, 1000, 10_000 if validation else 0)
    s.curves = Curves.for_run(100)
    s.curves.acc_points = [(0, 0.1, 0.1), (10, train_acc, 0.95 if validation else dev_acc)]
    s.curves.val_points = [(0, 0.1), (10, dev_acc)] if validation else []
    p.learning.begin_run()
    p.learning.redraw()
    return p.learning.advice.text()


def test_the_lessons_reading_for_each_case(qtbot, panel):
    text = show_case(panel, 1.0, 0.87)
    assert "Train error 0.0 %, validation error 13.0 % (gap 13.0 points)" in text
    assert "High variance (overfitting)" in text and "more training data" in text and "raise λ" in text
    text = show_case(panel, 0.88, 0.87)
    assert "High bias (underfitting)" in text and "a bigger net" in text
    text = show_case(panel, 0.80, 0.60)
    assert "High bias and high variance" in text
    text = show_case(panel, 0.985, 0.975, validation=False)
    assert "test error 2.5 %" in text and "Low bias, low variance" in text


def test_identity_activation_says_two_linear_layers_are_one(qtbot, panel, in_chinese):
    note = panel.net_box.identity_note
    assert not note.isVisible()
    panel.net_box.activation_combo.setCurrentIndex(ACTIVATIONS.index("identity"))
    assert panel.state.activation == "identity" and note.isVisible()
    assert "collapse into one" in note.text() and "0.92" in note.text()
    assert panel.learning.book_line.value() == pytest.approx(0.92)
    train(qtbot, panel, 100, 50)
    assert panel.state.net.activation == "identity"
    box = panel.fitting_box
    in_chinese({"note": note.text, "box": box.title, "overfit": box.overfit_button.text,
                "size": box.labels["train_size"].text, "lambda": box.labels["weight_decay"].text,
                "fitting note": box.note.text, "advice": panel.learning.advice.text,
                "identity item": lambda: panel.net_box.activation_combo.itemText(2)})


def test_the_overfitting_choices_are_remembered(qtbot, panel):
    click(qtbot, panel.fitting_box.overfit_button)
    type_into(qtbot, panel.fitting_box.lambda_spin, "1.5")
    panel.landscape.directions_combo.setCurrentIndex(1)
    settings = QSettings(str(app_settings().fileName()) + ".t", QSettings.Format.IniFormat)
    panel.save_settings(settings)
    q = make_panel(qtbot)
    q.restore_settings(settings)
    assert (q.state.train_size, q.state.validation, q.state.weight_decay) == (1000, 10_000, 1.5)
    assert q.fitting_box.size_spin.value() == 1000 and q.fitting_box.lambda_spin.value() == 1.5
    assert q.state.land_directions == "random" and q.landscape.directions_combo.currentIndex() == 1
    settings.setValue("weight_decay", "-3")
    settings.setValue("land_resolution", "40")
    q.restore_settings(settings)
    assert q.state.weight_decay == 0.0 and q.state.land_resolution == 41
    q.shutdown()


def test_real_mnist_overfits_on_1000_images_and_l2_narrows_the_gap(qtbot, mnist_dir):
    app_settings().setValue("data/mnist", str(mnist_dir))
    p = make_panel(qtbot)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    try:
        click(qtbot, p.fitting_box.overfit_button)
        gaps = []
        for lam in ("0", "1"):
            type_into(qtbot, p.fitting_box.lambda_spin, lam)
            train(qtbot, p, 10_000, 100)
            (_, train_acc, _), (_, val_acc) = p.state.curves.acc_points[-1], p.state.curves.val_points[-1]
            gaps.append(train_acc - val_acc)
            if lam == "0":
                assert train_acc > 0.99 and gaps[0] > 0.08
                assert "High variance (overfitting)" in p.learning.advice.text()
        assert gaps[1] < gaps[0] - 0.015  # λ = 1: about 13 → 10 points
    finally:
        p.shutdown()


def test_cat_l2_narrows_the_gap_on_screen(qtbot, cat_dir):
    p = make_panel(qtbot, CatPanel)
    try:
        assert p.set_folder(cat_dir)
        qtbot.waitUntil(lambda: not p.is_loading() and p.state.data is not None, timeout=LONG)
        for lam in ("0", "50"):
            type_into(qtbot, p.settings_box.lambda_spin, lam)
            click(qtbot, p.start_button)
            qtbot.waitUntil(lambda: not p.is_training() and p.progress.label.text().startswith("Finished")
                            and p.start_button.isEnabled(), timeout=LONG)
        (_, before), (lam, after) = p.state.gaps
        assert lam == 50 and before == pytest.approx(99.04306220095694 - 70.0) and after < before - 5
        text = p.accuracy_box.overfit_label.text()
        assert f"Previous run: Gap (train − test): {before:.1f} points with λ = 0." in text
        assert f"Gap (train − test): {after:.1f} points with λ = 50." in text
    finally:
        p.shutdown()


def test_a_small_training_set_is_measured_at_most_50_times_and_the_plot_says_how_often(qtbot, panel):
    type_into(qtbot, panel.fitting_box.size_spin, "200")
    train(qtbot, panel, 1000, 20)  # an epoch is 10 iterations: measured every 20 (= 2 epochs), 51 times
    s = panel.state
    assert s.run.eval_every == 20 and len(s.curves.acc_points) == 51
    assert [p[0] for p in s.curves.acc_points[:3]] == [0, 2, 4]
    title = panel.learning.acc_plot.getPlotItem().titleLabel.text
    assert "Accuracy every 20 iterations (2 epochs)" in title
