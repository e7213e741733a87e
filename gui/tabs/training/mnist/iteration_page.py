"""One iteration page: one SGD iteration of the real net, taken apart (CURRICULUM §4b, the book's
train_neuralnet.py seen whole).

Each Step (or → on this page) shows the mini-batch drawn (the images with their true and predicted digits,
the wrong ones marked, and each image's loss), the batch loss against the loss on the whole training set,
∂L/∂W1 as one 28×28 picture per hidden neuron (as on the Weights page) and ∂L/∂W2 as a heat-map, ‖∂L/∂W‖ and the
update per layer, then the loss on the same batch and on the whole set after the update. The panel's Stepping
mixin runs the steps (engine.iteration.Stepper on a worker); this page only shows state.step and its history.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from engine import evaluation
from engine.networks import PARAM_KEYS
from gui.tabs.training.mnist.iteration_views import GradientMap, StepLossPlot
from gui.tabs.training.mnist.weights_page import WEIGHTS_SHOWN
from gui.widgets.image_grid import ImageGrid
from gui.widgets.panel_helpers import Retranslated, muted, wrapped

BATCH_SHOWN = 200  # mini-batch images shown at most (a batch may hold up to 10,000)


def titled(title, widget, note=None):
    """A bold title above `widget` (and a muted note under the title), as one widget for a splitter."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 2, 0, 0)
    column.setSpacing(2)
    column.addWidget(title)
    if note is not None:
        column.addWidget(note)
    column.addWidget(widget, 1)
    return box


def bold(label):
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def signed(value):
    """−0.0123 with a real minus sign, +0.0040 with a plus."""
    return f"{value:+.4f}".replace("-", "−")


class IterationPage(Retranslated, QWidget):
    chapter4_clicked = Signal()  # *Chapter 4's net*: the book's settings with the sigmoid net

    def __init__(self, state):
        super().__init__()
        self.state = state
        self.busy = False  # a step is being computed
        self.message = ""  # why the last step failed
        self._shown = None  # the step whose pictures are on screen (drawn again only when it changes)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.status = wrapped()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.chapter4_button = QPushButton()
        self.chapter4_button.clicked.connect(self.chapter4_clicked)
        top.addWidget(self.status, 1)
        top.addWidget(self.chapter4_button, 0, Qt.AlignmentFlag.AlignTop)
        numbers = QHBoxLayout()
        self.losses_label, self.layers_label = QLabel(), QLabel()
        for label in (self.losses_label, self.layers_label):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            numbers.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        numbers.addStretch(1)
        self.batch_title, self.batch_note = bold(wrapped()), muted(wrapped())
        self.batch_grid = ImageGrid(scale=1.0, caption_lines=2)
        self.loss_title = bold(wrapped())
        self.loss_plot = StepLossPlot()
        self.w1_title, self.w1_note = bold(wrapped()), muted(wrapped())
        self.w1_grid = ImageGrid(scale=1.5, caption_lines=1)
        self.w2_title = bold(wrapped())
        self.w2_map = GradientMap()
        rows = QSplitter(Qt.Orientation.Vertical)
        for parts, sizes in (((titled(self.batch_title, self.batch_grid, self.batch_note),
                               titled(self.loss_title, self.loss_plot)), (3, 2)),
                             ((titled(self.w1_title, self.w1_grid, self.w1_note),
                               titled(self.w2_title, self.w2_map)), (3, 2))):
            row = QSplitter(Qt.Orientation.Horizontal)
            for part, stretch in zip(parts, sizes, strict=True):
                row.addWidget(part)
                row.setStretchFactor(row.indexOf(part), stretch)
            rows.addWidget(row)
        v.addLayout(top)
        v.addLayout(numbers)
        v.addWidget(rows, 1)
        self.retranslate()

    def retranslate(self):
        self.chapter4_button.setText(self.tr("Chapter 4's net"))
        self.chapter4_button.setToolTip(self.tr("The book's settings with the sigmoid net of chapter 4: 50 hidden "
                                                "neurons, η = 0.1, batch 100, 10,000 iterations, std 0.01"))
        self.batch_note.setText(self.tr("Under each image: its true digit → the net's answer, and its loss "
                                        "−log y<sub>t</sub>. Wrong answers are framed."))
        self.batch_note.setTextFormat(Qt.TextFormat.RichText)
        self.loss_title.setText(self.tr("Loss: the mini-batch against all training images"))
        self.loss_plot.set_texts(self.tr("iteration"), self.tr("loss L (cross-entropy)"), None,
                                 (self.tr("mini-batch (before)"), self.tr("same batch (after)"),
                                  self.tr("all images")))
        self.w1_title.setText(self.tr("∂L/∂W1: one 28×28 picture per hidden neuron"))
        self.w1_note.setText(self.tr("Light: ∂L/∂w > 0, the update lowers that weight; dark: < 0, it raises it; "
                                     "grey: 0 (pixels that are blank in every image of the batch). Each picture "
                                     "is scaled on its own."))
        self.w1_grid.setToolTip(self.tr("∂L/∂W1 of one hidden neuron's 784 weights, laid out as the image"))
        self.w2_title.setText(self.tr("∂L/∂W2: hidden neuron × digit"))
        self.w2_map.set_labels(self.tr("digit k"), self.tr("hidden neuron j"))
        self.w2_map.setToolTip(self.tr("Red: ∂L/∂w > 0, the update lowers the weight from neuron j to digit k; "
                                       "blue: < 0, it raises it"))
        for widget, name in ((self.batch_grid, self.tr("The mini-batch")), (self.loss_plot, self.loss_title.text()),
                             (self.w1_grid, self.w1_title.text()), (self.w2_map, self.w2_title.text())):
            widget.setAccessibleName(name)
        self._shown = None  # the captions' tooltips in the new language
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>One iteration, taken apart</h3><p>The book's train_neuralnet.py does this 10,000 times:</p>"
            "<p>1. draw a mini-batch: 100 training images at random<br>2. forward: y = softmax(h(x·W1 + b1)·W2 "
            "+ b2); each image's loss −log y<sub>t</sub>, their mean L<br>3. backward: ∂L/∂W for W1, b1, W2, b2 "
            "(backpropagation)<br>4. update: W ← W − η·∂L/∂W</p><p>After the step the same mini-batch has a "
            "lower loss. The loss on all 60,000 images usually falls too, but less: a mini-batch is a sample, "
            "which is why the mini-batch loss zig-zags while its mean falls.</p><p>It is the Descent tab's "
            "x ← x − η∇f(x), now with 39,760 weights instead of 2 coordinates.</p>"
            "<p>Start (Space) trains on from the stepped iteration: the same mini-batches and weights a run "
            "from scratch with this seed would have.</p>")

    # ---------------------------------------------------------------- views
    def refresh(self):
        self.status.setText(self.status_text())
        self.show_numbers()
        self.show_step()

    def status_text(self):
        s, parts = self.state, self.state.step
        if self.message:
            return self.tr("The step failed: %1").replace("%1", self.message)
        if s.data is None:
            return self.tr("Get MNIST first: the iterations draw their mini-batches from its training images.")
        if s.method != "backprop":
            return self.tr("Stepping uses backpropagation: choose it as the gradient on the left.")
        if self.busy:
            return (self.tr("Sorting the training images for the whole-set loss (once), then the first "
                            "iteration…") if s.full_set is None or s.full_set.blocks is None
                    else self.tr("Taking the next iteration…"))
        if parts is None:
            return self.tr("<b>Step</b> (or → on this page) takes the first iteration of a new run with the "
                           "settings on the left and shows it whole. <b>Start</b> (Space) then trains on from "
                           "there.")
        if s.stepper is None:
            return self.tr("Iteration %1 was the last one stepped; the live run went on from it.").replace(
                "%1", f"{parts['iteration']:,}")
        if s.step_settings != s.step_key():
            return self.tr("The settings have changed: the next step starts a new run at iteration 1.")
        text = self.tr("<b>Iteration %1</b> of %2 (seed %3, η = %4, batch %5, %6). <b>→</b> or Step: the next "
                       "iteration · <b>Start</b> (Space): train on from here.")
        return (text.replace("%1", f"{parts['iteration']:,}").replace("%2", f"{s.stepper.iters_num:,}")
                .replace("%3", str(s.seed)).replace("%4", f"{s.stepper.learning_rate:g}")
                .replace("%5", str(s.stepper.batch_size)).replace("%6", s.stepper.net.activation))

    def show_numbers(self):
        parts = self.state.step
        if parts is None:
            self.losses_label.setText("")
            self.layers_label.setText("")
            return
        n, m = len(parts["rows"]), len(self.state.data[0][0]) if self.state.data is not None else 0
        head = "<tr>" + "".join(f"<th align='right'>&nbsp;{h}&nbsp;</th>" for h in (
            "", self.tr("before the update"), self.tr("after"), self.tr("change"))) + "</tr>"

        def row(name, before, after):
            cells = (f"{before:.4f}", f"{after:.4f}", signed(after - before))
            return f"<tr><td>{name}</td>" + "".join(f"<td align='right'>{c}</td>" for c in cells) + "</tr>"

        rows = row(self.tr("L of this mini-batch (%1 images)").replace("%1", f"{n:,}"), parts["loss"],
                   parts["loss_after"])
        if parts["full_before"] is not None:
            rows += row(self.tr("L of all training images (%1)").replace("%1", f"{m:,}"), parts["full_before"],
                        parts["full_after"])
        self.losses_label.setText(f"<table cellspacing='0' cellpadding='2'>{head}{rows}</table>")
        head = "<tr>" + "".join(f"<th align='right'>&nbsp;{h}&nbsp;</th>" for h in (
            "", "‖∂L/∂W‖", self.tr("‖update‖ = η‖∂L/∂W‖"), self.tr("largest |Δw|"))) + "</tr>"
        rows = ""
        for key in PARAM_KEYS:
            shape = "×".join(str(d) for d in parts["grads"][key].shape)
            cells = (f"{parts['grad_norm'][key]:.4g}", f"{parts['update_norm'][key]:.4g}",
                     f"{abs(parts['update'][key]).max():.3g}")
            rows += (f"<tr><td>{key} ({shape})</td>" + "".join(f"<td align='right'>{c}</td>" for c in cells)
                     + "</tr>")
        self.layers_label.setText(f"<table cellspacing='0' cellpadding='2'>{head}{rows}</table>")

    def show_step(self):
        s, parts = self.state, self.state.step
        if parts is self._shown and parts is not None:
            return
        self._shown = parts
        self.loss_plot.show_history(s.step_history, s.full_start)
        if parts is None:
            self.batch_title.setText(self.tr("The mini-batch"))
            self.w1_grid.set_images(np.zeros((0, 28, 28)), [])
            self.batch_grid.set_images(np.zeros((0, 28, 28)), [])
            self.w2_map.clear_gradient()
            return
        rows, labels, predicted = parts["rows"], parts["labels"], parts["predicted"]
        wrong = predicted != labels
        title = self.tr("The mini-batch: %1 training images drawn at random, %2 answered wrong").replace(
            "%1", f"{len(rows):,}").replace("%2", f"{int(wrong.sum()):,}")
        if len(rows) > BATCH_SHOWN:
            title += " " + self.tr("(the first %1 shown)").replace("%1", str(BATCH_SHOWN))
        self.batch_title.setText(title)
        (x_train, _), _ = s.data
        shown = slice(0, BATCH_SHOWN)
        captions = [f"{t} → {p}\n{loss:.2f}" for t, p, loss in zip(labels[shown], predicted[shown],
                                                                     parts["sample_loss"][shown], strict=True)]
        tips = [self.tr("Training image %1: a %2; the net says %3 (y = %4 for %2); its loss −log y = %5")
                .replace("%1", f"{int(r):,}").replace("%2", str(int(t))).replace("%3", str(int(p)))
                .replace("%4", f"{y:.3f}").replace("%5", f"{loss:.3f}")
                for r, t, p, y, loss in zip(rows[shown], labels[shown], predicted[shown],
                                            parts["probability"][shown], parts["sample_loss"][shown], strict=True)]
        self.batch_grid.set_images(x_train[rows[shown]].reshape(-1, 28, 28), captions, marked=wrong[shown],
                                   tooltips=tips)
        dW1 = parts["grads"]["W1"]
        pictures = evaluation.weight_images(dW1[:, :WEIGHTS_SHOWN])
        self.w1_grid.set_images(pictures, [str(j + 1) for j in range(len(pictures))])
        self.w2_map.show_gradient(parts["grads"]["W2"])
