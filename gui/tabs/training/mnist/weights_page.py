"""Weights page: the first layer's weights W1 of each hidden neuron as a 28×28 picture.

The pictures (engine.evaluation.weight_images) are drawn only when the page is seen: 50 new pictures cost ~6 ms,
so during a run the newest W1 waits in `pending` until the page is shown.
"""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from engine import evaluation
from gui.widgets.image_grid import ImageGrid
from gui.widgets.panel_helpers import Retranslated, wrapped

WEIGHTS_SHOWN = 100  # first-layer pictures shown at most


class WeightsPage(Retranslated, QWidget):
    def __init__(self, state):
        super().__init__()
        self.state = state
        self.pending = None  # the newest W1 not drawn yet
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.note = wrapped()
        self.grid = ImageGrid(scale=2.0, caption_lines=1)
        v.addWidget(self.note)
        v.addWidget(self.grid, 1)
        self.retranslate()

    def retranslate(self):
        self.grid.setToolTip(self.tr("Each picture: one hidden neuron's 784 weights as 28×28 pixels"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>What the first layer learns</h3><p>Hidden neuron j computes a<sub>j</sub> = Σ<sub>i</sub> "
            "x<sub>i</sub> W1<sub>ij</sub> + b1<sub>j</sub>: a weighted sum of the 784 pixels. Its weights, "
            "laid out as 28×28, show which pixels push it up (light) or down (dark); grey is 0.</p>"
            "<p>They start as noise (std 0.01) and turn into blurry strokes and blobs during training.</p>")

    def refresh(self):
        net = self.state.net
        if net is not None:
            self.note.setText(self.tr(
                "The first layer's weights W1 of each hidden neuron as a 28×28 picture (light: positive, dark: "
                "negative, grey: 0; each picture scaled on its own). %1 neurons.").replace("%1", str(net.sizes[1])))
        else:
            self.note.setText(self.tr("Start training: the first layer's weights appear here after every "
                                      "epoch, one 28×28 picture per hidden neuron."))

    def offer(self, W1, seen: bool):
        """Draw W1 now if the page is `seen`, else when it is shown next (draw_pending)."""
        self.pending = W1
        if seen:
            self.draw_pending()

    def draw_pending(self):
        if self.pending is not None:
            self.show_weights(self.pending)
            self.pending = None

    def show_weights(self, W1):
        images = evaluation.weight_images(W1[:, :WEIGHTS_SHOWN])
        self.grid.set_images(images, [str(j + 1) for j in range(len(images))])
