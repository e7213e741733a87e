"""Loss landscape page: the MNIST net's loss over a plane of weight space, with the path SGD took (issue 15).

The run keeps its weights at every evaluation (state.path: the "epoch" events' copies). *Compute* runs
engine.lab.net_landscape.landscape_steps on the panel's RunController (job "landscape"): the plane through the
final weights — the path's first two principal components, or two filter-normalised random directions — the
paths projected on it (the previous run's too, to compare), the loss along them, then the surface row by row,
drawn as it arrives. Available after a run and during one (through the weights measured so far).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine import evaluation
from engine.lab import net_landscape
from gui.run import Status
from gui.settings import read
from gui.tabs.training.mnist.landscape_view import LandscapeView
from gui.tabs.training.mnist.state import Landscape
from gui.widgets.panel_helpers import Retranslated, muted, wrapped

LANDSCAPE = "landscape"  # the RunController's name of the job


class LandscapePage(Retranslated, QWidget):
    def __init__(self, state, runs):
        super().__init__()
        self.state, self.runs = state, runs
        self.stopped = False  # the last surface was cancelled before its end
        self.error = ""  # why the last one could not be computed
        self.intro = wrapped()
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.directions_combo = QComboBox()
        self.directions_combo.addItems(["", ""])
        self.data_combo = QComboBox()
        self.data_combo.addItems([""] * len(net_landscape.DATA_CHOICES))
        self.resolution_combo = QComboBox()
        self.resolution_combo.addItems([f"{n} × {n}" for n in net_landscape.RESOLUTIONS])
        self.extent_spin = QDoubleSpinBox()
        self.extent_spin.setRange(0.1, 10.0)
        self.extent_spin.setSingleStep(0.1)
        self.extent_spin.setDecimals(2)
        self.compare_check = QCheckBox()
        self.compute_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.labels = [QLabel() for _ in range(4)]
        grid = QGridLayout()
        for k, (label, widget) in enumerate(zip(self.labels, (self.directions_combo, self.data_combo,
                                                              self.resolution_combo, self.extent_spin), strict=True)):
            grid.addWidget(label, k // 2, 2 * (k % 2))
            label.setBuddy(widget)  # its accessible name
            grid.addWidget(widget, k // 2, 2 * (k % 2) + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.addWidget(self.compare_check, 2, 0, 1, 4)
        buttons = QGridLayout()
        buttons.addWidget(self.compute_button, 0, 0)
        buttons.addWidget(self.cancel_button, 0, 1)
        buttons.addWidget(self.progress, 0, 2)
        buttons.setColumnStretch(2, 1)
        self.view = LandscapeView()
        self.share = wrapped()
        self.status = muted(wrapped())
        v = QVBoxLayout(self)
        v.addWidget(self.intro)
        v.addLayout(grid)
        v.addLayout(buttons)
        v.addWidget(self.view, 1)
        v.addWidget(self.share)
        v.addWidget(self.status)
        self.directions_combo.currentIndexChanged.connect(
            lambda i: setattr(self.state, "land_directions", net_landscape.DIRECTIONS[i]))
        self.data_combo.currentIndexChanged.connect(
            lambda i: setattr(self.state, "land_data", net_landscape.DATA_CHOICES[i]))
        self.resolution_combo.currentIndexChanged.connect(
            lambda i: setattr(self.state, "land_resolution", net_landscape.RESOLUTIONS[i]))
        self.extent_spin.valueChanged.connect(lambda v: setattr(self.state, "land_extent", float(v)))
        self.compare_check.toggled.connect(lambda on: setattr(self.state, "land_compare", bool(on)))
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.refresh_widgets()
        self.retranslate()

    # ---------------------------------------------------------------- settings
    def refresh_widgets(self):
        """The widgets from the state (their signals write the same values back)."""
        s = self.state
        self.directions_combo.setCurrentIndex(net_landscape.DIRECTIONS.index(s.land_directions))
        self.data_combo.setCurrentIndex(net_landscape.DATA_CHOICES.index(s.land_data))
        self.resolution_combo.setCurrentIndex(net_landscape.RESOLUTIONS.index(s.land_resolution))
        self.extent_spin.setValue(s.land_extent)
        self.compare_check.setChecked(s.land_compare)

    def restore(self, settings):
        s, d = self.state, type(self.state)()
        s.land_directions = read(settings, "land_directions", d.land_directions, choices=net_landscape.DIRECTIONS)
        s.land_data = read(settings, "land_data", d.land_data, choices=net_landscape.DATA_CHOICES)
        s.land_resolution = read(settings, "land_resolution", d.land_resolution, choices=net_landscape.RESOLUTIONS)
        s.land_extent = read(settings, "land_extent", d.land_extent, lo=0.1, hi=10.0)
        s.land_compare = read(settings, "land_compare", d.land_compare)
        self.refresh_widgets()

    # ---------------------------------------------------------------- texts
    def retranslate(self):
        s = self.state
        weights = evaluation.parameter_count(784, s.run.hidden if s.run else s.hidden_size, 10)
        self.intro.setText(self.tr(
            "<p>The loss over a plane through the net's final weights θ: L(θ + α·d1 + β·d2). The net has %1 "
            "weights, so this is only a <b>2-D slice of a %1-dimensional surface</b> — the plane chosen so the "
            "path SGD took shows.</p>").replace("%1", f"{weights:,}"))
        for label, text in zip(self.labels, (self.tr("Directions"), self.tr("Images"), self.tr("Resolution"),
                                             self.tr("Extent ×")), strict=True):
            label.setText(text)
        self.directions_combo.setItemText(0, self.tr("the path's 2 principal components"))
        self.directions_combo.setItemText(1, self.tr("2 random directions (filter-normalised)"))
        self.directions_combo.setToolTip(self.tr(
            "Principal components: the plane the path moves in most (Li et al. 2018). Random: Gaussian directions "
            "scaled to each unit's weights (their filter normalisation)"))
        for k, text in enumerate((self.tr("test set (10,000)"), self.tr("first 1,000 test images"),
                                  self.tr("first 10,000 training images"), self.tr("training set (60,000)"))):
            self.data_combo.setItemText(k, text)
        self.data_combo.setToolTip(self.tr("The images the loss is measured on (more images: slower)"))
        self.resolution_combo.setToolTip(self.tr("Grid points per side of the surface"))
        self.extent_spin.setToolTip(self.tr(
            "Principal components: the plane reaches this many times the path's farthest point. Random: α and β "
            "run from −extent to +extent (1 = each unit's own weight norm)"))
        self.compare_check.setText(self.tr("Also draw the previous run (e.g. another learning rate) on this plane"))
        self.compare_check.setToolTip(self.tr("Its weights are projected on the same plane "
                                              "(least squares): train again with another η, then compute"))
        self.compute_button.setText(self.tr("Compute"))
        self.compute_button.setToolTip(self.tr("Compute the surface through the latest weights of the run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing the surface (the rows done stay)"))
        self.progress.setFormat(self.tr("%v / %m rows"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>The loss landscape</h3><p>The Descent tab shows gradient descent on f(x0, x1). Here the "
            "variables are the net's 39,760 weights θ and f is the loss L(θ).</p><p>A plane through the final "
            "weights: θ + α·d1 + β·d2. The first layer is linear in the weights, x·(W1 + αD1 + βD2) = x·W1 + "
            "α·x·D1 + β·x·D2, so three products serve the whole grid.</p><p><b>Principal components</b> of "
            "the path's weights θ<sub>i</sub> − θ<sub>final</sub>: the plane the path moves in most; the share "
            "of variance says how much of the path the picture holds. <b>Random</b> directions, scaled to each "
            "unit's weights: a typical slice, in which the path hardly moves.</p><p>Circle: the start; star: "
            "the end (α = β = 0).</p>")

    # ---------------------------------------------------------------- the job
    def is_computing(self):
        return self.runs.is_running(LANDSCAPE)

    def compared_path(self):
        """The previous run's path when it is to be drawn and fits this net (same hidden size and activation)."""
        s, prev = self.state, self.state.previous_path
        if not s.land_compare or prev is None or s.path is None or prev.shape != s.path.shape:
            return None
        return prev if len(prev.snapshots) >= 2 else None

    def can_compute(self):
        s = self.state
        return (s.data is not None and s.path is not None and len(s.path.snapshots) >= 3 and not self.is_computing()
                and not self.runs.closed)

    def compute(self):
        s = self.state
        if not self.can_compute():
            return
        path, other = s.path, self.compared_path()
        snapshots = list(path.snapshots)  # the run may go on adding to its path
        others = list(other.snapshots) if other else None
        x, t = net_landscape.pick_data(s.data, s.land_data)
        settings = (s.land_directions, s.land_resolution, s.land_extent)
        activation = path.shape[1]
        self.stopped, self.error = False, ""
        s.landscape = None
        self.view.clear()
        self.progress.setRange(0, s.land_resolution)
        self.progress.setValue(0)
        self.runs.start(LANDSCAPE, lambda: net_landscape.landscape_steps(
            snapshots, activation, x, t, *settings, seed=0, other=others),
            events=lambda batch: self.on_events(batch, settings[0], (path, other)), done=self.on_done,
            failed=self.on_failed)
        self.refresh_controls()

    def cancel(self):
        self.runs.stop(LANDSCAPE)

    def on_events(self, batch, directions, paths):
        s = self.state
        for event in batch:
            if event["kind"] == "plane":
                Z = np.full((len(event["betas"]), len(event["alphas"])), np.nan)
                s.landscape = Landscape(event, Z, 0, directions, paths)
            elif event["kind"] == "row" and s.landscape is not None:
                s.landscape.Z[event["i"]] = event["row"]
                s.landscape.rows = event["i"] + 1
        if s.landscape is not None:
            self.progress.setValue(s.landscape.rows)
            self.refresh()

    def on_done(self, status):
        self.stopped = status is not Status.FINISHED
        self.refresh()
        self.refresh_controls()

    def on_failed(self, message):
        self.error = message
        self.refresh()
        self.refresh_controls()

    # ---------------------------------------------------------------- views
    def refresh_controls(self):
        computing = self.is_computing()
        self.compute_button.setEnabled(self.can_compute())
        self.cancel_button.setEnabled(computing)
        for widget in (self.directions_combo, self.data_combo, self.resolution_combo, self.extent_spin,
                       self.compare_check):
            widget.setEnabled(not computing)

    def refresh(self):
        land = self.state.landscape
        self.refresh_controls()
        if land is None:
            self.share.setText("")
            self.status.setText(self.error or self.waiting_text())
            return
        self.view.set_labels(self.path_labels(land))
        self.view.draw(land)
        explained = land.plane["explained"]
        if land.directions == "pca":
            self.share.setText(self.tr(
                "The two directions explain %1 % + %2 % = %3 % of the path's variance: the picture holds that "
                "much of how the weights moved; the rest is in the other dimensions.").replace(
                "%1", f"{100 * explained[0]:.1f}").replace("%2", f"{100 * explained[1]:.1f}").replace(
                "%3", f"{100 * explained.sum():.1f}"))
        else:
            self.share.setText(self.tr(
                "The random plane holds %1 % of the path's squared length: a typical slice, in which the path "
                "hardly moves (so it is drawn as its shadow on the plane).").replace(
                "%1", f"{100 * explained[0]:.2f}"))
        total = len(land.plane["betas"])
        if land.rows < total:
            self.status.setText(self.error or (self.tr("Cancelled after %1 of %2 rows.") if self.stopped else
                                               self.tr("Computing: %1 of %2 rows…")).replace(
                "%1", str(land.rows)).replace("%2", str(total)))
        else:
            low, high = np.nanmin(land.Z), np.nanmax(land.Z)
            self.status.setText(self.tr("Loss from %1 to %2 over the plane; at the end of the path %3.").replace(
                "%1", f"{low:.3g}").replace("%2", f"{high:.3g}").replace("%3", f"{land.plane['losses'][-1]:.3g}"))

    def path_labels(self, land):
        this, other = land.paths
        labels = [self.tr("this run (η = %1)").replace("%1", f"{this.lr:g}"), ""]
        if other is not None:
            labels[1] = self.tr("previous run (η = %1)").replace("%1", f"{other.lr:g}")
        return labels

    def waiting_text(self):
        s = self.state
        if s.data is None:
            return self.tr("Load MNIST and train the net first.")
        if s.path is None or len(s.path.snapshots) < 3:
            return self.tr("Train the net first: the landscape needs the weights of at least 3 evaluations "
                           "(every epoch), which the run keeps as its path.")
        return self.tr("Click Compute: the surface is drawn row by row as it arrives.")
