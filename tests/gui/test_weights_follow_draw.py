"""Draw → Training → Weights (issue 16's last part), driven like a learner in the main window: draw a 3 with the
net trained in the Training tab, point at a hidden unit, and Weights frames the pictures that respond most to the
drawing and the one pointed at; with another model in the Draw tab it says so and frames nothing."""
import numpy as np
import pytest
from test_draw import DIGITS, stroke

from engine.networks import TwoLayerNet
from gui.main_window import MainWindow
from gui.model_hub import hub
from gui.tabs.training.mnist.panel import MnistPanel
from gui.tabs.training.mnist.state import PAGES
from gui.tabs.training.mnist.weights_page import RESPONDING


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_weights_frame_the_units_the_drawing_fires_and_the_hovered_one(qtbot, window):
    training = window.tab_pages["training"]
    panel = next(p for p in training.panels if isinstance(p, MnistPanel))
    net = TwoLayerNet(784, 30, 10, weight_init_std=0.1, seed=7)
    panel.state.net, panel.state.net_origin = net, "trained"  # as a finished run leaves it
    panel.weights.offer(net.params["W1"], False)
    hub().publish("trained", "784-30-10", net)
    assert window.show_tab("training")
    panel.pages.setCurrentIndex(PAGES.index("weights"))  # the pictures are drawn, without frames
    assert panel.weights.grid.count() == 30 and not any(panel.weights.grid.marked())
    assert window.show_tab("draw")
    draw = window.tab_pages["draw"]
    for points in DIGITS[3]:
        stroke(qtbot, draw.canvas, points)
    strip = draw.inside.strip
    # first with the bundled model: another net, nothing to frame
    qtbot.mouseMove(strip, strip.cell_center(strip.top[0]))
    qtbot.mouseMove(strip, strip.cell_center(strip.top[1]))
    assert panel.weights.draw_a1 is None and "another model" in panel.weights.note.text()
    assert draw.choose_model("trained")
    a1 = np.array(strip.a1)
    j = int(np.argsort(a1)[0])  # a unit that does not fire: framed only because it is pointed at
    qtbot.mouseMove(strip, strip.cell_center(j))
    qtbot.waitUntil(lambda: panel.weights.draw_unit == j)
    assert window.show_tab("training")  # Weights is still the page on top: drawn again with the frames
    top = [int(k) for k in np.argsort(-a1)[:RESPONDING] if a1[k] > 0]
    grid = panel.weights.grid
    assert [k for k, m in enumerate(grid.marked()) if m] == sorted({*top, j})
    assert grid.captions()[top[0]] == f"{top[0] + 1}: {a1[top[0]]:.2f}"
    assert "respond most to the digit in the Draw tab" in panel.weights.note.text()
