"""Training → MNIST → Loss landscape, driven like a user: train, compute the surface (drawn row by row), compare
two learning rates on one plane, cancel mid-surface, switch the language. Synthetic MNIST-shaped data keeps it
fast; the real-MNIST test skips without ../shared."""
import numpy as np
import pytest
from actions import click, type_into

from engine import landscape
from engine.lab import net_landscape
from gui.settings import app_settings
from gui.tabs.training.mnist.landscape_page import LANDSCAPE
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import PAGES

LONG = 120_000


def synthetic_mnist(n_train=2000, n_test=500, seed=0):
    """Images of 784 pixels in k/255 steps around 10 random prototypes, with their labels."""
    rng = np.random.default_rng(seed)
    prototypes = rng.random((10, 784))

    def make(n):
        t = rng.integers(0, 10, n)
        x = np.clip(prototypes[t] + 0.5 * rng.standard_normal((n, 784)), 0, 1)
        return (np.round(x * 255) / 255).astype(np.float32), t.astype(np.uint8)

    return make(n_train), make(n_test)


@pytest.fixture
def panel(qtbot):
    p = MnistPanel()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    p.state.data = synthetic_mnist()
    p.refresh_all()
    yield p
    p.shutdown()


def train(qtbot, p, lr="0.1", iterations="200", batch="50"):
    type_into(qtbot, p.net_box.iter_spin, iterations)
    type_into(qtbot, p.net_box.batch_spin, batch)
    type_into(qtbot, p.net_box.lr_spin, lr)
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.report is not None and p.start_button.isEnabled(), timeout=LONG)


def open_page(qtbot, p):
    p.pages.setCurrentIndex(PAGES.index("landscape"))
    return p.landscape


def compute(qtbot, page):
    click(qtbot, page.compute_button)
    qtbot.waitUntil(lambda: not page.is_computing(), timeout=LONG)


def test_the_run_keeps_its_path_and_the_surface_shows_it_with_the_variance_share(qtbot, panel):
    page = open_page(qtbot, panel)
    assert not page.compute_button.isEnabled()
    assert "Train the net first" in page.status.text()
    train(qtbot, panel)
    path = panel.state.path
    assert len(path.snapshots) == 6 and path.epochs[-1] == pytest.approx(5.0)  # 200 iterations, epoch = 40
    np.testing.assert_array_equal(path.snapshots[-1]["W1"], panel.state.net.params["W1"])
    assert page.compute_button.isEnabled()
    page.resolution_combo.setCurrentIndex(0)  # 21 × 21
    compute(qtbot, page)
    land = panel.state.landscape
    assert land.rows == 21 and np.isfinite(land.Z).all()
    # the drawn path is engine.landscape's projection of the snapshots on the principal plane
    snaps = [net_landscape.params_of(_net(s)) for s in path.snapshots]
    d1, d2, coords, explained = landscape.trajectory_pca(snaps[:-1], snaps[-1])
    x, y = page.view.path_points(0)
    np.testing.assert_allclose(np.column_stack([x, y])[:-1], coords, atol=1e-6)
    assert (x[-1], y[-1]) == pytest.approx((0, 0), abs=1e-9)
    share = f"{100 * explained.sum():.1f} %"
    assert share in page.share.text() and "variance" in page.share.text()
    assert "2-D slice of a 39,760-dimensional surface" in page.intro.text()
    # the image and the lines are there, and the loss along the path falls
    assert page.view.image.image is not None and page.view.image.image.shape == (161, 161)
    assert len(page.view.contours.getData()[0]) > 0
    ex, ey = page.view.along_curves[0].getData()
    assert list(ex) == path.epochs and ey[-1] < ey[0]
    assert "Loss from" in page.status.text()


def _net(params):
    class Holder:
        pass

    h = Holder()
    h.params = params
    return h


def test_two_learning_rates_on_one_plane(qtbot, panel):
    train(qtbot, panel, lr="0.1")
    first = panel.state.path
    train(qtbot, panel, lr="0.01")
    page = open_page(qtbot, panel)
    assert panel.state.previous_path is first and page.compare_check.isChecked()
    page.resolution_combo.setCurrentIndex(0)
    compute(qtbot, page)
    this = [net_landscape.params_of(_net(s)) for s in panel.state.path.snapshots]
    other = [net_landscape.params_of(_net(s)) for s in first.snapshots]
    d1, d2, _ = landscape.trajectory_directions(this[:-1], this[-1])
    x, y = page.view.path_points(1)
    np.testing.assert_allclose(np.column_stack([x, y]), landscape.project(other, this[-1], d1, d2), atol=1e-6)
    legend = [label.text for _, label in page.view.legend.items]
    assert legend == ["this run (η = 0.01)", "previous run (η = 0.1)"]
    # unticked: only this run
    page.compare_check.setChecked(False)
    compute(qtbot, page)
    assert len(page.view.path_points(1)[0]) == 0
    assert [label.text for _, label in page.view.legend.items] == ["this run (η = 0.01)"]


def test_random_directions_and_cancel_mid_surface(qtbot, panel):
    train(qtbot, panel)
    (train_set, (x_test, t_test)) = panel.state.data
    panel.state.data = (train_set, (np.tile(x_test, (40, 1)), np.tile(t_test, 40)))  # 20,000: seconds to compute
    page = open_page(qtbot, panel)
    page.directions_combo.setCurrentIndex(1)
    page.data_combo.setCurrentIndex(net_landscape.DATA_CHOICES.index("test"))
    page.resolution_combo.setCurrentIndex(2)  # 61 × 61
    assert panel.state.land_directions == "random" and panel.state.land_resolution == 61
    click(qtbot, page.compute_button)
    qtbot.waitUntil(lambda: panel.state.landscape is not None and panel.state.landscape.rows >= 2, timeout=LONG)
    assert page.cancel_button.isEnabled() and not page.compute_button.isEnabled()
    click(qtbot, page.cancel_button)
    qtbot.waitUntil(lambda: not panel.runs.is_running(LANDSCAPE), timeout=LONG)
    land = panel.state.landscape
    assert 2 <= land.rows < 61 and np.isnan(land.Z[-1]).all()
    assert "Cancelled after" in page.status.text()
    assert "random plane holds" in page.share.text()
    assert page.compute_button.isEnabled()


def test_the_page_in_chinese(qtbot, panel, in_chinese):
    train(qtbot, panel)
    page = open_page(qtbot, panel)
    page.resolution_combo.setCurrentIndex(0)
    compute(qtbot, page)
    reads = {"intro": page.intro.text, "share": page.share.text, "status": page.status.text,
             "compute": page.compute_button.text, "compare": page.compare_check.text,
             "directions": page.directions_combo.currentText, "data": page.data_combo.currentText,
             "tab": lambda: panel.pages.tabText(PAGES.index("landscape")),
             "explanation": panel.explanation.toPlainText,
             "legend": lambda: page.view.legend.items[0][1].text,
             "map title": lambda: page.view.map.getPlotItem().titleLabel.text}
    for k, label in enumerate(page.labels):
        reads[f"label {k}"] = label.text
    in_chinese(reads)


def test_the_real_net_landscape_after_a_short_run(qtbot, mnist_dir):
    app_settings().setValue("data/mnist", str(mnist_dir))
    p = MnistPanel()
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.state.data is not None, timeout=LONG)
    try:
        train(qtbot, p, iterations="1200", batch="100")  # 3 evaluations: 0, 600, 1200
        page = open_page(qtbot, p)
        compute(qtbot, page)
        land = p.state.landscape
        assert land.rows == 41 and np.isfinite(land.Z).all()
        assert land.plane["losses"][-1] < land.plane["losses"][0]
        assert land.Z[20, 20] == pytest.approx(land.plane["losses"][-1], rel=1e-4)  # the centre is θ_final
    finally:
        p.shutdown()


def test_during_a_run_the_landscape_uses_the_path_so_far(qtbot, panel):
    type_into(qtbot, panel.net_box.iter_spin, "200000")
    type_into(qtbot, panel.net_box.batch_spin, "50")
    click(qtbot, panel.start_button)
    page = open_page(qtbot, panel)
    qtbot.waitUntil(lambda: page.compute_button.isEnabled(), timeout=LONG)  # 3 evaluations so far
    assert panel.is_training()
    page.resolution_combo.setCurrentIndex(0)
    compute(qtbot, page)
    land = panel.state.landscape
    assert land.rows == 21 and len(land.plane["coords"]) >= 3
    assert land.paths[0] is panel.state.path
    click(qtbot, panel.stop_button)
    qtbot.waitUntil(lambda: not panel.is_training(), timeout=LONG)
    assert len(panel.state.path.snapshots) >= len(land.plane["coords"])
