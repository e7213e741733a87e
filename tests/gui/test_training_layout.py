"""Issue 18 in the Training tab, checked in the main window as a learner sees it: the Weights pictures fill their
pane at 1280×720 and 1920×1080 (sharp, whole pixels); the controls column shows Save model… (MNIST) and the
accuracies (cat) without scrolling at 1280×720 in English and Chinese; the Overfitting settings fold away and
open with a click; the model dialogs open in the documents folder, then where the user chose last; the
Vectorisation page fills its pane with the timing plot."""
import numpy as np
import pytest
from actions import click, type_into
from PySide6.QtCore import QPoint, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QScrollArea
from test_landscape_page import synthetic_mnist

from engine import evaluation
from engine.networks import TwoLayerNet
from gui import i18n
from gui.main_window import MainWindow
from gui.tabs.training.cat.panel import CatPanel
from gui.tabs.training.cat.state import PAGES as CAT_PAGES
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import PAGES
from gui.widgets.image_grid import to_uint8

LONG = 120_000


@pytest.fixture
def window(qtbot, qapp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.lessons_dock.hide()  # the tabs' own width, as on a 1280-pixel screen
    yield w
    i18n.install_language(qapp, "en")
    for panel in w.tab_pages["training"].panels:
        panel.shutdown()
    w.close()


def show(qtbot, window, size):
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.show_tab("training")


def mnist_panel(window) -> MnistPanel:
    training = window.tab_pages["training"]
    panel = next(p for p in training.panels if isinstance(p, MnistPanel))
    training.experiments.setCurrentWidget(panel)
    return panel


def cat_panel(window) -> CatPanel:
    training = window.tab_pages["training"]
    panel = next(p for p in training.panels if isinstance(p, CatPanel))
    training.experiments.setCurrentWidget(panel)
    return panel


def column_of(panel, box) -> QScrollArea:
    return next(a for a in panel.findChildren(QScrollArea) if a.widget() is box.parentWidget())


def in_sight(area: QScrollArea, widget) -> bool:
    """`widget` lies whole inside the column's viewport, the column not scrolled."""
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return (area.verticalScrollBar().value() == 0 and widget.isVisible()
            and 0 <= top and top + widget.height() <= area.viewport().height())


# ---------------------------------------------------------------- Weights: the pictures fill the pane
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_weight_pictures_fill_their_pane_sharp(qtbot, window, size):
    show(qtbot, window, size)
    panel = mnist_panel(window)
    net = TwoLayerNet(784, 50, 10, weight_init_std=0.1, seed=3)  # the book's 50 hidden neurons
    panel.state.net, panel.state.net_origin = net, "trained"
    panel.weights.offer(net.params["W1"], False)
    panel.pages.setCurrentIndex(PAGES.index("weights"))
    grid = panel.weights.grid
    qtbot.waitUntil(lambda: grid.count() == 50)
    qtbot.wait(50)  # the grid lays itself out for its size
    rects = [grid.visualItemRect(grid.item(k)) for k in range(grid.count())]
    view = grid.viewport().rect()
    assert all(view.contains(r) for r in rects), "all 50 pictures in sight, none scrolled away"
    used_w = max(r.right() for r in rects) - min(r.left() for r in rects)
    used_h = max(r.bottom() for r in rects) - min(r.top() for r in rects)
    assert used_w >= 0.9 * view.width() and used_h >= 0.6 * view.height(), (used_w, used_h, view)
    scale = grid.shown_scale()
    assert grid.iconSize().width() == round(28 * scale) >= 56
    if size == (1920, 1080):
        assert scale >= 3  # the larger pane, the larger pictures
    # nearest pixel: each weight is a block of ⌊scale⌋ or ⌈scale⌉ equal screen pixels (sharp, never blurred)
    image = grid.item(1).icon().pixmap(grid.iconSize()).toImage()
    shown = np.array([[image.pixelColor(x, y).red() for x in range(image.width())] for y in range(image.height())])
    assert shown.shape == (round(28 * scale),) * 2
    for axis in (0, 1):
        lines = np.moveaxis(shown, axis, 0)
        starts = [0] + [k for k in range(1, len(lines)) if (lines[k] != lines[k - 1]).any()]
        runs = np.diff(starts + [len(lines)])
        assert len(runs) == 28 and set(runs) <= {int(np.floor(scale)), int(np.ceil(scale))}, runs
    weights = to_uint8(evaluation.weight_images(net.params["W1"])[1])
    blocks = shown[np.ix_(*[[int((k + 0.5) * scale) for k in range(28)]] * 2)]  # one screen pixel per weight
    assert (blocks == weights).mean() > 0.99


def test_the_weights_grid_follows_a_resize(qtbot, window):
    show(qtbot, window, (1920, 1080))
    panel = mnist_panel(window)
    net = TwoLayerNet(784, 50, 10, weight_init_std=0.1, seed=3)
    panel.weights.offer(net.params["W1"], False)
    panel.state.net = net
    panel.pages.setCurrentIndex(PAGES.index("weights"))
    grid = panel.weights.grid
    qtbot.waitUntil(lambda: grid.count() == 50)
    qtbot.waitUntil(lambda: grid.shown_scale() >= 3)
    large = grid.shown_scale()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: grid.shown_scale() < large)
    assert grid.iconSize().width() == round(28 * grid.shown_scale())


# ---------------------------------------------------------------- the controls column at 1280×720
def train_mnist(qtbot, panel):
    panel.state.data = synthetic_mnist()
    panel.refresh_all()
    type_into(qtbot, panel.net_box.iter_spin, "40")
    type_into(qtbot, panel.net_box.batch_spin, "50")
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.state.report is not None and panel.start_button.isEnabled(), timeout=LONG)


def test_save_model_is_in_sight_at_1280_by_720_in_both_languages(qtbot, qapp, window):
    show(qtbot, window, (1280, 720))
    panel = mnist_panel(window)
    area = column_of(panel, panel.data_box)
    save = panel.model_box.save_button
    for language in ("en", "zh_CN"):
        i18n.install_language(qapp, language)
        qtbot.waitUntil(lambda: in_sight(area, save), timeout=3000)  # before any run (Save disabled)
    i18n.install_language(qapp, "en")
    train_mnist(qtbot, panel)  # the accuracies and the run's summary under the buttons now
    assert save.isEnabled() and panel.run_box.summary_label.isVisible()
    for language in ("en", "zh_CN"):
        i18n.install_language(qapp, language)
        qtbot.waitUntil(lambda: in_sight(area, save), timeout=3000)
        assert in_sight(area, panel.run_box.summary_label), language


def test_the_overfitting_settings_fold_away_and_open_with_a_click(qtbot, window):
    show(qtbot, window, (1280, 720))
    panel = mnist_panel(window)
    box = panel.fitting_box
    assert not box.size_spin.isVisible() and box.toggle.isVisible()  # closed at first
    assert box.toggle.text() == "60,000 images · 0 held out · λ = 0"  # what they are, closed
    click(qtbot, box.toggle)
    assert box.is_open() and box.size_spin.isVisible() and box.overfit_button.isVisible()
    click(qtbot, box.overfit_button)
    assert box.toggle.text() == "1,000 images · 10,000 held out · λ = 0"
    type_into(qtbot, box.lambda_spin, "1.5")
    assert box.toggle.text().endswith("λ = 1.5") and panel.state.weight_decay == 1.5
    click(qtbot, box.toggle)
    assert not box.is_open() and not box.size_spin.isVisible()


def test_the_cat_accuracies_are_in_sight_at_1280_by_720_after_two_runs(qtbot, qapp, window, cat_dir):
    show(qtbot, window, (1280, 720))
    panel = cat_panel(window)
    assert panel.set_folder(cat_dir)
    qtbot.waitUntil(lambda: panel.state.data is not None, timeout=LONG)
    area = column_of(panel, panel.data_box)
    for lam in ("0", "5"):  # two runs: the accuracies, the overfitting note and both runs' gaps
        type_into(qtbot, panel.settings_box.lambda_spin, lam)
        click(qtbot, panel.start_button)
        qtbot.waitUntil(lambda: panel.state.train_accuracy is not None and panel.start_button.isEnabled(),
                        timeout=LONG)
    assert len(panel.state.gaps) == 2
    for language in ("en", "zh_CN"):
        i18n.install_language(qapp, language)
        qtbot.waitUntil(lambda: in_sight(area, panel.accuracy_box), timeout=3000)
        assert in_sight(area, panel.start_button), language


# ---------------------------------------------------------------- where the model dialogs open
def test_the_model_dialogs_open_in_documents_then_where_the_user_chose(qtbot, window, monkeypatch, tmp_path):
    show(qtbot, window, (1280, 720))
    panel = mnist_panel(window)
    panel.state.net = TwoLayerNet(784, 20, 10, seed=1)
    panel.refresh_run_controls()
    offered = []
    models, other = tmp_path / "my models", tmp_path / "elsewhere"
    models.mkdir()
    other.mkdir()
    answers = iter([str(models / "first.npz"), str(models / "second.npz"), str(other / "third.npz")])

    def save_dialog(parent, caption, start, filters):
        offered.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    click(qtbot, panel.model_box.save_button)
    assert offered[-1].startswith(documents) and offered[-1].endswith("mnist_two_layer_net.npz")
    assert (models / "first.npz").exists()
    click(qtbot, panel.model_box.save_button)  # the folder chosen is remembered
    assert offered[-1].startswith(str(models))
    loads = []

    def open_dialog(parent, caption, start, filters):
        loads.append(start)
        return str(other / "missing.npz"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_dialog))
    click(qtbot, panel.model_box.load_button)
    assert loads == [str(models)]  # Load model… opens where the models were saved
    qtbot.waitUntil(lambda: "does not exist" in panel.model_box.status.text(), timeout=LONG)
    click(qtbot, panel.model_box.save_button)  # … and the folder a model was loaded from is remembered too
    assert offered[-1].startswith(str(other))


# ---------------------------------------------------------------- Vectorisation: the timing plot fills the page
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_vectorisation_page_fills_its_pane_with_the_timing_plot(qtbot, window, size):
    show(qtbot, window, size)
    panel = cat_panel(window)
    panel.pages.setCurrentIndex(CAT_PAGES.index("vector"))
    page = panel.vector_page
    type_into(qtbot, page.vector_n_spin, "20000")
    click(qtbot, page.vector_button)
    qtbot.waitUntil(lambda: page.vector_button.isEnabled() and len(panel.state.vector_points) == 3, timeout=LONG)
    n, loop_ms, dot_ms = zip(*sorted(panel.state.vector_points), strict=True)
    assert n == (1_000, 10_000, 20_000)  # the n chosen, and the powers of ten below it
    assert loop_ms[0] < loop_ms[1] < loop_ms[2]  # the loop's time grows with n
    assert panel.state.vector_result["n"] == 20_000 and page.loop_time.text().endswith(" ms")
    x, y = page.loop_curve.getData()
    assert len(x) == 3 and len(page.dot_curve.getData()[0]) == 3
    assert "ns each at n = 20,000" in page.plot_note.text()
    plot = page.time_plot
    assert plot.height() >= 0.35 * page.height(), (plot.height(), page.height())
    bottom = page.plot_note.mapTo(page, QPoint(0, page.plot_note.height())).y()
    assert bottom >= page.height() - 30  # no empty band under the content
