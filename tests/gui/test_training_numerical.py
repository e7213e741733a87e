"""Training → MNIST with Gradient = numerical (slow): the numerical gradient beside backprop on the same mini-batches,
driven like a user — choose it, read the expected time, Start, pause, stop, read what the run showed."""
import re

import numpy as np
import pytest
from actions import click, type_into

from gui.settings import app_settings
from gui.tabs.training.mnist.comparison_view import seconds_text, times_text
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.outcome import Outcome

LONG = 180_000  # ms: generous, for a 2-core machine shared with other jobs


@pytest.fixture
def panel(qtbot, mnist_dir):
    app_settings().setValue("data/mnist", str(mnist_dir))
    p = MnistPanel()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    yield p
    p.shutdown()


def choose_numerical(qtbot, p, hidden, iterations):
    p.net_box.method_combo.setCurrentIndex(1)
    assert p.state.method == "numerical"
    type_into(qtbot, p.net_box.hidden_spin, str(hidden))
    type_into(qtbot, p.net_box.iter_spin, str(iterations))
    type_into(qtbot, p.net_box.batch_spin, "10")


@pytest.mark.keeps_language  # it measures how long each gradient takes
def test_a_numerical_run_shows_the_two_gradients_side_by_side(qtbot, panel):
    p = panel
    p.net_box.method_combo.setCurrentIndex(1)
    note = p.net_box.method_note.text()
    assert p.net_box.method_note.isVisible() and "79,520" in note  # the book's 784-50-10 net: 2 × 39,760
    assert re.search(r"same 4 mini-batches of 10 images .*Expected time: about [\d.]+ s", note), note
    choose_numerical(qtbot, p, hidden=10, iterations=2)
    assert "same 2 mini-batches" in p.net_box.method_note.text() and "15,920" in p.net_box.method_note.text()
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.progress.done >= 2000, timeout=LONG)
    assert "/ 15,920 weights" in p.progress.label.text()  # 2 iterations × 7,960 weights
    assert re.match(r"Numerical gradient of iteration [12] of 2…", p.run_box.status_label.text())
    assert p.learning.currentIndex() == 2 and not p.learning.acc_plot.isVisible()
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)
    s = p.state
    assert s.outcome is Outcome.FINISHED and s.net_origin == "trained" and s.net is not None
    # the two loss curves against the iteration, on top of each other
    x, numerical = p.learning.comparison.loss_numerical.getData()
    bx, backprop = p.learning.comparison.loss_backprop.getData()
    assert list(x) == list(bx) == [1, 2]
    assert numerical[0] == backprop[0] and numerical[1] == pytest.approx(backprop[1], rel=1e-7)
    assert numerical[0] == pytest.approx(np.log(10), abs=0.01)
    # the time per gradient of each: the numerical one thousands of times longer
    slow, fast = p.learning.comparison.time_numerical.yData, p.learning.comparison.time_backprop.yData  # (log axis)
    assert np.all(slow > 1000 * fast) and np.all(fast > 0)
    # how far apart: the gradients to about a millionth, the weights less
    relative, apart = p.learning.comparison.diff_relative.yData, p.learning.comparison.diff_weights.yData
    assert np.all(relative < 1e-5) and np.all(relative > 0) and np.all(apart < 1e-6)
    summary = s.curves.compare.summary(s.curves.loss)
    words = p.learning.comparison.words.text()
    assert "lie on top of each other" in words and f"{times_text(summary['ratio'])}× slower" in words
    assert f"numerical {seconds_text(summary['numerical_seconds'])} per gradient" in words
    assert "0.946" not in words and "epoch" not in words
    status, bold = p.run_box.status_label.text(), p.run_box.summary_label.text()
    assert status.startswith("The two ways gave the same gradient and the same learning") and "chapter 5" in status
    assert f"{times_text(summary['ratio'])}× slower" in status and p.run_box.status_label.styleSheet() == ""
    assert bold.startswith(f"Numerical {seconds_text(summary['numerical_seconds'])} per gradient · backprop ")
    assert "accuracy" not in bold
    assert "Numerical gradient beside backprop" in p.explanation.toPlainText()
    # the expected time of the next run is what this one measured
    assert f"({seconds_text(summary['numerical_seconds'])} per numerical gradient here)" in \
        p.net_box.method_note.text()
    # a backprop run afterwards has its own plots again
    p.net_box.method_combo.setCurrentIndex(0)
    type_into(qtbot, p.net_box.iter_spin, "300")
    type_into(qtbot, p.net_box.batch_spin, "100")
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)
    assert p.learning.currentIndex() == 1 and p.learning.acc_plot.isVisible()
    assert p.run_box.summary_label.text().startswith("Train accuracy")
    assert "Mini-batch learning" in p.explanation.toPlainText()


@pytest.mark.keeps_language  # it measures that nothing moves while paused
def test_a_numerical_run_pauses_resumes_and_stops_leaving_its_net(qtbot, panel):
    p = panel
    choose_numerical(qtbot, p, hidden=50, iterations=4)
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.progress.done >= 2000, timeout=LONG)
    click(qtbot, p.pause_button)
    qtbot.waitUntil(lambda: p.pause_button.text() == "Resume", timeout=5000)
    qtbot.wait(200)
    frozen = p.progress.done
    qtbot.wait(500)
    assert p.progress.done == frozen and p.run_box.status_label.text() == "Paused at iteration 0."
    click(qtbot, p.pause_button)
    qtbot.waitUntil(lambda: p.progress.done > frozen, timeout=LONG)
    click(qtbot, p.stop_button)
    qtbot.waitUntil(lambda: p.run_box.status_label.text().startswith("Stopped at iteration"), timeout=5000)
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)
    assert p.state.net_origin == "stopped" and p.state.net is p.state.live_net
    assert p.state.net.params["W1"].dtype == np.float64 and p.state.curves.filled < 4


def test_a_numerical_run_in_chinese_leaves_no_english(qtbot, panel, in_chinese):
    p = panel
    choose_numerical(qtbot, p, hidden=2, iterations=1)
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)
    view = p.learning.comparison
    plot_title = lambda plot: plot.getPlotItem().titleLabel.text  # noqa: E731
    english, chinese = in_chinese({
        "words": view.words.text, "status": p.run_box.status_label.text, "summary": p.run_box.summary_label.text,
        "note": p.net_box.method_note.text, "explanation": p.explanation.toPlainText,
        "loss title": lambda: plot_title(view.loss_plot), "time title": lambda: plot_title(view.time_plot),
        "difference title": lambda: plot_title(view.diff_plot),
        "time label": lambda: view.time_labels[0].textItem.toPlainText(),
        "legend": lambda: view.loss_legend.items[0][1].text,
    })
    assert "误差反向传播法" in chinese["status"] and "数值微分" in chinese["words"]


def test_choosing_numerical_before_any_run_shows_its_own_view_not_the_book_accuracy(qtbot, panel):
    """Before Start, Gradient = numerical already shows the side-by-side view (empty) and its explanation, not the
    accuracy plot with the book's 0.970 line; choosing backprop again brings the accuracy plot back."""
    p = panel
    assert p.learning.currentIndex() == 1 and p.learning.acc_plot.isVisible()
    p.net_box.method_combo.setCurrentIndex(1)
    assert p.learning.currentIndex() == 2 and not p.learning.acc_plot.isVisible()
    assert "Numerical gradient beside backprop" in p.explanation.toPlainText()
    p.net_box.method_combo.setCurrentIndex(0)
    assert p.learning.currentIndex() == 1 and p.learning.acc_plot.isVisible()
    assert "Mini-batch learning" in p.explanation.toPlainText()
