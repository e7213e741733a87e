"""The MNIST panel driven like a user: get the data, train, pause / stop, blow up, save / load, gradient check."""
import sys
import types

import numpy as np
import pyqtgraph as pg
import pytest
from actions import click, type_into
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from engine.networks import TwoLayerNet
from gui.run import Status
from gui.settings import app_settings
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import PAGES
from gui.tabs.training.outcome import Outcome

LONG = 180_000  # ms: generous, for a 2-core machine shared with other jobs


def make_panel(qtbot):
    p = MnistPanel()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def panel(qtbot, mnist_dir):
    app_settings().setValue("data/mnist", str(mnist_dir))
    p = make_panel(qtbot)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    yield p
    p.shutdown()


def finished(panel):
    """Trained, evaluated, and the controls back (the worker's done signal has arrived)."""
    return (panel.state.report is not None and panel.state.net_origin == "trained"
            and panel.start_button.isEnabled())


def load_model(qtbot, panel, path=None):
    """Load model… (read on a worker): click through the file dialog (already patched) or call load_model(path),
    then wait until the file is read and judged."""
    if path is None:
        click(qtbot, panel.model_box.load_button)
    else:
        assert panel.load_model(path)
    qtbot.waitUntil(lambda: not panel.runs.is_running("model"), timeout=LONG)
    return panel.model_box.status.text()


def short_run(qtbot, panel, iterations=600, batch=200):
    """600 iterations of batch 200: one epoch = 300 iterations, so accuracy at 0, 300 and 600."""
    type_into(qtbot, panel.net_box.iter_spin, str(iterations))
    type_into(qtbot, panel.net_box.batch_spin, str(batch))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: finished(panel), timeout=LONG)


# ---------------------------------------------------------------- data
def test_without_mnist_it_offers_to_get_it(qtbot, mnist_dir, monkeypatch):
    p = make_panel(qtbot)
    assert p.learning.currentIndex() == 0
    assert p.learning.need_get_button.isVisible() and p.data_box.get_button.isVisible()
    assert "60,000 training and 10,000 test images" in p.learning.need_text.text()
    assert not p.start_button.isEnabled() and not p.check.check_button.isEnabled()
    asked = []

    def ask_for_mnist(parent=None):
        asked.append(parent)
        return mnist_dir

    fake = types.ModuleType("gui.data_dialog")
    fake.ask_for_mnist = ask_for_mnist
    fake.mnist_source = lambda: None
    monkeypatch.setitem(sys.modules, "gui.data_dialog", fake)
    click(qtbot, p.learning.need_get_button)
    assert asked == [p]
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    assert p.learning.currentIndex() == 1
    assert p.data_box.status.text() == "MNIST: 60,000 training images, 10,000 test images."
    assert not p.data_box.get_button.isVisible()
    assert p.start_button.isEnabled() and p.check.check_button.isEnabled()
    p.shutdown()


def test_a_broken_mnist_location_says_what_is_wrong(qtbot, tmp_path):
    broken = tmp_path / "mnist.npz"
    broken.write_bytes(b"not a zip file")
    app_settings().setValue("data/mnist", str(broken))
    p = make_panel(qtbot)
    qtbot.waitUntil(lambda: bool(p.state.data_error), timeout=LONG)
    assert p.data_box.status.text().startswith("Cannot read MNIST")
    assert "mnist.npz" in p.data_box.status.text()
    assert p.learning.need_error.isVisible() and p.learning.need_get_button.isVisible()
    assert not p.start_button.isEnabled()
    p.shutdown()


# ---------------------------------------------------------------- training
def test_a_short_run_draws_the_curves_and_the_results(qtbot, panel):
    from gui.model_hub import hub

    p = panel
    box = p.net_box
    assert (box.hidden_spin.value(), box.lr_spin.value(), box.batch_spin.value(), box.iter_spin.value(),
            box.std_spin.value()) == (50, 0.1, 100, 10_000, 0.01)
    assert p.net_box.activation_combo.currentText() == "ReLU (chapter 5)"
    short_run(qtbot, p)
    x, y = p.learning.loss_curve.getData()
    assert len(x) == 600 and x[0] == 1 and np.all(np.isfinite(y))
    assert y[0] == pytest.approx(np.log(10), abs=0.05)  # chance level before learning
    sx, sy = p.learning.smooth_curve.getData()
    assert len(sx) == 600 and sy[-1] < 0.6 < sy[0]
    ex, train_acc = p.learning.train_acc_curve.getData()
    assert list(ex) == [0.0, 1.0, 2.0] and train_acc[0] < 0.2 < 0.85 < train_acc[-1]
    assert len(p.learning.test_acc_curve.getData()[0]) == 3
    summary = p.run_box.summary_label.text()
    assert summary.startswith(f"Train accuracy {p.state.train_acc:.4f} · test accuracy {p.state.test_acc:.4f}")
    assert "after 600 iterations (2.0 epochs)" in summary
    assert p.state.test_acc > 0.85
    assert p.progress.bar.value() == 600 and p.progress.label.text().startswith("Finished: 600 iterations")
    # weights (drawn when their page is shown), confusion matrix and misclassified gallery
    assert p.weights.grid.count() == 0
    bar = p.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(PAGES.index("weights")).center())
    assert p.pages.currentIndex() == PAGES.index("weights")
    assert p.weights.grid.count() == 50 and p.weights.grid.captions()[:2] == ["1", "2"]
    table = p.results.confusion_table
    counts = np.array([[int(table.item(i, j).text()) for j in range(10)] for i in range(10)])
    assert counts.sum() == 10_000 and np.trace(counts) == round(p.state.test_acc * 10_000)
    assert 0 < p.results.gallery.count() <= 100
    first = p.results.gallery.captions()[0]
    assert "→" in first and first.split("→")[0].strip() != first.split("→")[1].split("\n")[0].strip()
    assert "test images right" in p.results.summary.text()
    assert hub().get("trained") is p.state.net
    assert f"{p.state.test_acc:.4f}" in dict((k, label) for k, label, _ in hub().items())["trained"]
    assert p.model_box.save_button.isEnabled()
    # a language switch redraws every text from the state (here: English again) without losing anything
    summary, results = p.run_box.summary_label.text(), p.results.summary.text()
    p.retranslate()
    assert p.run_box.summary_label.text() == summary and p.results.summary.text() == results
    assert p.pages.tabText(PAGES.index("results")) == "Results"


def test_pause_resume_stop_with_buttons_and_space(qtbot, panel):
    p = panel
    type_into(qtbot, p.net_box.iter_spin, "500000")
    p.start_button.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)  # Space starts when idle
    qtbot.waitUntil(p.is_training, timeout=5000)
    click(qtbot, p.stop_button)
    qtbot.waitUntil(lambda: p.run_box.status_label.text().startswith("Stopped at iteration"), timeout=LONG)
    click(qtbot, p.start_button)
    assert not p.start_button.isEnabled() and not p.net_box.lr_spin.isEnabled()
    assert not p.model_box.load_button.isEnabled()
    qtbot.waitUntil(lambda: p.progress.bar.value() > 20, timeout=LONG)
    assert "/ 500,000 iterations" in p.progress.label.text()
    click(qtbot, p.pause_button)
    qtbot.waitUntil(lambda: p.pause_button.text() == "Resume", timeout=5000)
    qtbot.wait(150)
    frozen = p.progress.bar.value()
    qtbot.wait(300)
    assert p.progress.bar.value() == frozen
    assert "paused" in p.progress.label.text() and p.run_box.status_label.text().startswith("Paused at iteration")
    p.start_button.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)  # Space resumes
    qtbot.waitUntil(lambda: p.progress.bar.value() > frozen, timeout=LONG)
    assert p.pause_button.text() == "Pause"
    p.start_button.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)  # and pauses
    qtbot.waitUntil(lambda: p.pause_button.text() == "Resume", timeout=5000)
    click(qtbot, p.pause_button)
    click(qtbot, p.stop_button)
    qtbot.waitUntil(lambda: p.run_box.status_label.text().startswith("Stopped at iteration"), timeout=LONG)
    assert p.progress.bar.value() < 500_000
    # the net so far is evaluated, but not offered as "trained"
    qtbot.waitUntil(lambda: p.state.report is not None, timeout=LONG)
    assert p.state.net_origin == "stopped" and "(stopped at iteration" in p.run_box.summary_label.text()
    assert p.start_button.isEnabled() and p.net_box.lr_spin.isEnabled()


def test_a_learning_rate_that_blows_up_stops_with_advice(qtbot, panel):
    p = panel
    type_into(qtbot, p.net_box.lr_spin, "1e4")
    assert p.state.learning_rate == 1e4
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.outcome is Outcome.DIVERGED and p.start_button.isEnabled(), timeout=LONG)
    message = p.run_box.status_label.text()
    assert "The learning rate 10000 is too large" in message and "Try 1000" in message, message
    assert "red" in p.run_box.status_label.styleSheet() or "color" in p.run_box.status_label.styleSheet()
    assert p.state.net is None and not p.model_box.save_button.isEnabled()
    assert p.start_button.isEnabled()
    # the app stays usable: the book's rate trains again
    type_into(qtbot, p.net_box.lr_spin, "0.1")
    short_run(qtbot, p, iterations=300, batch=100)
    assert p.run_box.status_label.styleSheet() == "" and p.state.test_acc > 0.8


def test_a_run_that_learns_nothing_says_why(qtbot, panel):
    # η = 3 with ReLU: the loss never blows up, but every hidden neuron dies and the net stays at chance
    p = panel
    type_into(qtbot, p.net_box.lr_spin, "3")
    short_run(qtbot, p, iterations=600, batch=100)
    assert p.state.test_acc < 0.2
    message = p.run_box.status_label.text()
    assert message.startswith("The net learned nothing") and "Try 0.3" in message, message
    assert p.run_box.status_label.styleSheet() != ""


# ---------------------------------------------------------------- model files
def test_save_and_load_a_model(qtbot, panel, tmp_path, monkeypatch):
    p = panel
    assert not p.model_box.save_button.isEnabled()
    short_run(qtbot, p, iterations=300, batch=100)
    target = tmp_path / "models" / "mine"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    click(qtbot, p.model_box.save_button)
    saved = target.with_suffix(".npz")
    assert p.model_box.status.text() == f"Saved to {saved}."
    assert [f.name for f in saved.parent.iterdir()] == ["mine.npz"]  # atomic: no temporary file left
    again = TwoLayerNet.load(saved)
    for key, value in p.state.net.params.items():
        np.testing.assert_array_equal(again.params[key], value)
    assert again.activation == "relu" and again.meta["test_acc"] == p.state.test_acc

    # a corrupt file: a clear message, the model stays
    corrupt = tmp_path / "broken.npz"
    corrupt.write_bytes(saved.read_bytes()[:500])
    current = p.state.net
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(corrupt), "")))
    load_model(qtbot, p)
    assert p.model_box.status.text().startswith("Cannot load this file: broken.npz")
    p.model_box.retranslate()  # a language switch makes the message again (the exception is long gone)
    assert p.model_box.status.text().startswith("Cannot load this file: broken.npz")
    assert p.model_box.status.styleSheet() != ""
    assert p.state.net is current
    # a model of another shape
    other = tmp_path / "toy.npz"
    TwoLayerNet(20, 8, 10, seed=0).save(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(other), "")))
    load_model(qtbot, p)
    assert "toy.npz is a 20-8-10 net, not one for MNIST" in p.model_box.status.text()
    # the saved one loads, is evaluated and offered to the Draw tab
    from gui.model_hub import hub

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(saved), "")))
    load_model(qtbot, p)
    assert p.model_box.status.text().startswith("Loaded mine.npz: a 784-50-10 net")
    qtbot.waitUntil(lambda: p.state.report is not None, timeout=LONG)
    assert p.state.net_origin == "loaded"
    assert p.state.test_acc == pytest.approx(again.meta["test_acc"], abs=1e-3)  # float32 sums in chunks
    assert "(loaded model)" in p.run_box.summary_label.text()
    assert hub().get("trained") is p.state.net
    assert p.weights.grid.count() == 50


# ---------------------------------------------------------------- gradient check
def test_gradient_check_shows_tiny_differences(qtbot, panel):
    p = panel
    p.pages.setCurrentIndex(0)
    click(qtbot, p.check.check_button)
    assert p.pages.currentIndex() == PAGES.index("check")
    qtbot.waitUntil(lambda: p.state.check is not None, timeout=LONG)
    rows = {p.check.table.item(r, 0).text(): [p.check.table.item(r, c).text() for c in range(1, 5)]
            for r in range(4)}
    assert list(rows) == ["W1", "b1", "W2", "b2"]
    assert rows["W1"][0] == "39,200" and rows["b2"][0] == "10"
    for key, (_, mean, largest, relative) in rows.items():
        assert 0 < float(mean) < 1e-6, key  # about 1e-10 … 1e-7: float64 rounding and the 1e-7 guard
        assert float(largest) >= float(mean) and float(relative) < 1e-3
    assert float(rows["W1"][1]) < 1e-8
    assert p.check.result.text().startswith("Backprop agrees with the numerical gradient.")
    qtbot.waitUntil(p.check.check_button.isEnabled, timeout=5000)  # again, once the worker has ended


@pytest.mark.keeps_language  # the Stop must come while the check still runs
def test_a_gradient_check_can_be_stopped(qtbot, panel):
    p = panel
    click(qtbot, p.check.check_button)
    assert not p.start_button.isEnabled() and not p.check.images_spin.isEnabled()  # one job at a time
    click(qtbot, p.check.stop_button)
    qtbot.waitUntil(p.check.check_button.isEnabled, timeout=LONG)
    assert p.state.check is None and p.check.progress.label.text() == "Stopped."
    assert p.start_button.isEnabled() and not p.check.stop_button.isEnabled()


# ---------------------------------------------------------------- closing, switching, settings
def test_closing_mid_run_stops_the_worker(qtbot, panel, threads):
    p = panel
    type_into(qtbot, p.net_box.iter_spin, "500000")
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.progress.bar.value() > 10, timeout=LONG)
    assert any(w.isRunning() for w in threads)
    p.close()
    qtbot.waitUntil(lambda: not any(w.isRunning() for w in threads), timeout=1000)
    assert not p.redraw_timer.isActive()


def test_switching_to_the_cat_panel_stops_the_run(qtbot, mnist_dir):
    from gui.tabs.training.tab import TrainingTab

    app_settings().setValue("data/mnist", str(mnist_dir))
    tab = TrainingTab()
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitExposed(tab)
    p = next(panel for panel in tab.panels if isinstance(panel, MnistPanel))
    tab.experiments.setCurrentWidget(p)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    type_into(qtbot, p.net_box.iter_spin, "500000")
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.progress.bar.value() > 10, timeout=LONG)
    tab.experiments.setCurrentIndex(1 - tab.experiments.currentIndex())
    assert p.run_status() is Status.STOPPING  # asked at once; the GUI thread does not wait for the thread
    qtbot.waitUntil(lambda: not p.is_training(), timeout=5000)
    tab.experiments.setCurrentWidget(p)
    qtbot.waitUntil(lambda: "the data set changed" in p.run_box.status_label.text(), timeout=5000)
    assert p.start_button.isEnabled()
    tab.shutdown()


def test_settings_are_remembered(qtbot, panel, tmp_path):
    p = panel
    type_into(qtbot, p.net_box.hidden_spin, "100")
    assert p.learning.book_line.value() == 0.970  # where the book's ReLU run ends
    p.net_box.activation_combo.setCurrentIndex(0)
    legend = [label.text for _, label in p.learning.acc_plot.getPlotItem().legend.items]
    assert p.learning.book_line.value() == 0.946 and "the book's test accuracy (0.946)" in legend
    type_into(qtbot, p.net_box.lr_spin, "0.5")
    type_into(qtbot, p.net_box.seed_spin, "7")
    p.pages.setCurrentIndex(PAGES.index("results"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    p.save_settings(settings)
    q = MnistPanel()
    qtbot.addWidget(q)
    q.restore_settings(settings)
    assert (q.state.hidden_size, q.state.activation, q.state.learning_rate, q.state.seed) == (100, "sigmoid", 0.5, 7)
    assert q.net_box.activation_combo.currentText() == "sigmoid (chapter 4)"
    assert q.pages.currentIndex() == PAGES.index("results")
    q.net_box.activation_combo.setCurrentIndex(1)  # ReLU: the book's button brings chapter 4's sigmoid back
    assert q.state.activation == "relu"
    click(qtbot, q.net_box.defaults_button)
    assert (q.state.hidden_size, q.state.learning_rate, q.state.activation) == (50, 0.1, "sigmoid")
    assert q.net_box.activation_combo.currentText() == "sigmoid (chapter 4)"


def test_closing_the_main_window_mid_run_stops_every_worker(qtbot, mnist_dir, threads):
    from gui.main_window import MainWindow

    app_settings().setValue("data/mnist", str(mnist_dir))
    window = MainWindow()  # not qtbot.addWidget: the test deletes it itself, and qtbot would close it again
    window.show()
    assert window.show_tab("training")
    tab = window.tab_pages["training"]
    p = next(panel for panel in tab.panels if isinstance(panel, MnistPanel))
    tab.experiments.setCurrentWidget(p)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    type_into(qtbot, p.net_box.iter_spin, "500000")
    click(qtbot, p.start_button)
    assert not p.check.check_button.isEnabled()  # one job at a time
    qtbot.waitUntil(lambda: p.progress.bar.value() > 10, timeout=LONG)
    assert any(w.isRunning() for w in threads)
    window.close()
    qtbot.waitUntil(lambda: not any(w.isRunning() for w in threads), timeout=1000)
    window.deleteLater()
    qtbot.wait(50)  # deleting the panels with their (finished) threads does not abort


def test_bad_stored_settings_fall_back_to_their_defaults(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for key, value in (("hidden_size", "many"), ("activation", "tanh"), ("learning_rate", "-1"),
                       ("batch_size", "0"), ("iterations", "12"), ("weight_init_std", "nan"), ("seed", "3"),
                       ("method", "guess"), ("page", "9")):
        settings.setValue(key, value)
    q = MnistPanel()
    qtbot.addWidget(q)
    q.restore_settings(settings)
    s = q.state
    assert (s.hidden_size, s.activation, s.learning_rate, s.batch_size, s.weight_init_std, s.method, s.page) == (
        50, "relu", 0.1, 100, 0.01, "backprop", 0)
    assert (s.iterations, s.seed) == (12, 3)  # the good ones are kept
    assert (q.net_box.iter_spin.value(), q.net_box.seed_spin.value()) == (12, 3)  # and shown: widgets ← state


def test_a_live_language_switch_leaves_no_english(qtbot, panel, tmp_path, in_chinese):

    p = panel
    model = tmp_path / "small.npz"
    TwoLayerNet(784, 8, 10, seed=0).save(model)
    load_model(qtbot, p, model)
    qtbot.waitUntil(lambda: p.state.report is not None, timeout=LONG)
    shown = {
        "page tab": lambda: p.pages.tabText(PAGES.index("weights")),
        "data box": p.data_box.title, "data status": p.data_box.status.text,
        "net box": lambda: p.net_box.labels["hidden_size"].text(), "book button": p.net_box.defaults_button.text,
        "start": p.start_button.text, "pause": p.pause_button.text, "status": p.run_box.status_label.text,
        "summary": p.run_box.summary_label.text, "model message": p.model_box.status.text,
        "weights note": p.weights.note.text, "results": p.results.summary.text,
        "confusion": p.results.confusion_title.text, "check intro": p.check.intro.text,
        "check button": p.check.check_button.text, "explanation": p.explanation.toPlainText,
    }
    in_chinese(shown)


def test_the_accuracy_axis_zooms_to_the_measured_accuracies_and_the_legends_stay_off_the_points(qtbot, panel):
    """On 0–1, train 0.98 and test 0.97 look like one line: after the chance-level start the axis zooms in."""
    short_run(qtbot, panel, iterations=900, batch=200)
    points = panel.state.curves.acc_points
    later = [a for p in points[1:] for a in p[1:]]
    low, high = panel.learning.acc_plot.getPlotItem().getViewBox().viewRange()[1]
    assert min(later) - 0.03 <= low <= min(later) and low > 0.5 and high >= max(later)
    for plot in (panel.learning.acc_plot, panel.learning.loss_plot):
        legend = plot.getPlotItem().legend
        rect, box = legend.sceneBoundingRect(), plot.getPlotItem().getViewBox()
        x, y = plot.getPlotItem().listDataItems()[0].getData()
        under = [rect.contains(box.mapViewToScene(pg.Point(px, py))) for px, py in zip(x, y, strict=True)]
        assert sum(under) <= len(under) * 0.05  # (the loss's curve of every iteration is dense: a few may be)


def test_loading_a_relu_model_shows_relu_and_its_hidden_size_in_the_settings(qtbot, panel, tmp_path, monkeypatch):
    panel.net_box.book_defaults()  # chapter 4: sigmoid, 50 hidden
    assert panel.net_box.activation_combo.currentText() == "sigmoid (chapter 4)"
    path = tmp_path / "relu.npz"
    TwoLayerNet(784, 30, 10, activation="relu", seed=0).save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(path), "")))
    load_model(qtbot, panel)
    assert (panel.state.activation, panel.state.hidden_size) == ("relu", 30)
    assert panel.net_box.activation_combo.currentText().startswith("ReLU")
    assert panel.net_box.widgets["hidden_size"].value() == 30


def test_while_mnist_is_read_the_status_says_so_not_get_mnist_first(qtbot, mnist_dir):
    app_settings().setValue("data/mnist", str(mnist_dir))
    p = make_panel(qtbot)  # reading starts on its own and takes a good half second (70,000 images, gzip)
    assert p.state.data is None and p.runs.is_running("load")
    assert p.run_box.status_label.text() == "Reading MNIST…"
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    assert p.run_box.status_label.text() == "Ready: press Start (Space)."
    p.state.data = None
    p.refresh_all()
    assert p.run_box.status_label.text() == "Get MNIST first."
