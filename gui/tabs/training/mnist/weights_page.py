"""Weights page: the first layer's weights W1 of each hidden neuron as a 28×28 picture.

The pictures (engine.evaluation.weight_images) are drawn only when the page is seen: 50 new pictures cost ~6 ms,
so during a run the newest W1 waits in `pending` until the page is shown. The grid fills the pane: the pictures
grow with it (nearest pixel, never blurred; whole multiples below 4×; at least 2×) and the columns follow its
width and the number of neurons.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from engine import evaluation
from gui.widgets.image_grid import ImageGrid
from gui.widgets.panel_helpers import Retranslated, wrapped

WEIGHTS_SHOWN = 100  # first-layer pictures shown at most
RESPONDING = 5  # the pictures framed for the Draw tab's drawing: the units with the largest a[1]


class WeightsPage(Retranslated, QWidget):
    def __init__(self, state):
        super().__init__()
        self.state = state
        self.pending = None  # the newest W1 not drawn yet
        self.shown = None  # the W1 drawn
        self.draw_unit, self.draw_a1 = -1, None  # the Draw tab's hovered unit and a[1] (None: not this net)
        self.draw_other = False  # the Draw tab explains another model than the one trained here
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.note = wrapped()
        self.grid = ImageGrid(scale=2.0, caption_lines=1, fill=True)
        v.addWidget(self.note)
        v.addWidget(self.grid, 1)
        self.retranslate()

    def retranslate(self):
        self.grid.setToolTip(self.tr("Each picture: one hidden neuron's 784 weights as 28×28 pixels"))
        self.refresh()
        if self.shown is not None and self.draw_a1 is not None:
            self.show_weights(self.shown)  # the captions carry translated text

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
                "negative, grey: 0; each picture scaled on its own). %1 neurons.").replace("%1", str(net.sizes[1]))
                + self.draw_text())
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

    def draw_text(self):
        if self.draw_a1 is not None:
            return " " + self.tr("Framed: the %1 neurons that respond most to the digit in the Draw tab (largest "
                                 "a[1], under each picture) and the one the mouse last pointed at there.").replace(
                "%1", str(RESPONDING))
        if self.draw_other:
            return " " + self.tr("(The Draw tab explains another model: choose the one trained here to see which "
                                 "of these respond to your drawing.)")
        return ""

    def follow_draw(self, unit, a1, same_model: bool):
        """The Draw tab's hovered hidden unit and its drawing's a[1]: frame the pictures that respond most and the
        unit last pointed at (−1, the mouse leaving the strip — as it does to come here — keeps it), when the Draw
        tab explains this net (same model, same hidden size)."""
        net = self.state.net
        fits = same_model and a1 is not None and net is not None and len(a1) == net.sizes[1]
        if not fits:
            self.draw_unit, self.draw_a1 = -1, None
        else:
            self.draw_unit, self.draw_a1 = unit if unit >= 0 else self.draw_unit, np.asarray(a1)
        self.draw_other = not same_model and a1 is not None
        self.refresh()
        if self.shown is not None and self.isVisible():
            self.show_weights(self.shown)
        elif self.shown is not None and self.pending is None:
            self.pending = self.shown  # drawn again with the frames when the page is next shown

    def showEvent(self, event):
        super().showEvent(event)
        self.draw_pending()  # also when the Training tab comes back with this page already on top

    def show_weights(self, W1):
        self.shown = W1
        images = evaluation.weight_images(W1[:, :WEIGHTS_SHOWN])
        n = len(images)
        captions = [str(j + 1) for j in range(n)]
        a1, marked, tips = self.draw_a1, None, None
        if a1 is not None and len(a1) == W1.shape[1]:
            top = {int(j) for j in np.argsort(-a1)[:RESPONDING] if a1[j] > 0}  # the largest activations
            marked = [j in top or j == self.draw_unit for j in range(n)]
            captions = [f"{j + 1}: {a1[j]:.2f}" for j in range(n)]
            tips = [self.tr("Neuron %1: a[1] = %2 for the digit in the Draw tab").replace("%1", str(j + 1)).replace(
                "%2", f"{a1[j]:.3f}") for j in range(n)]
        self.grid.set_images(images, captions, marked, tips)
        if 0 <= self.draw_unit < n:
            self.grid.scrollToItem(self.grid.item(self.draw_unit))
