"""MNIST: the book's two-layer net (chapter 4 with sigmoid, chapter 5 with ReLU), trained live.

Pages: Learning (mini-batch loss per iteration with a smoothed line; train / test accuracy per epoch),
Weights (the first layer's 28×28 weight pictures), Results (confusion matrix, the misclassified test digits),
Gradient check (backprop vs numerical gradient per parameter). Controls on the left, explanation right.
The mathematics is engine.training and engine.networks; this module only shows it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine import training
from engine.networks import TwoLayerNet
from gui import settings as app_settings_module
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.image_grid import ImageGrid
from gui.widgets.number_box import DecadeSpinBox
from gui.widgets.panel_helpers import ERROR_STYLE, experiment_layout, grow, muted, need_data_page, wrapped
from gui.widgets.plots import COLORS, Plot, pen
from gui.widgets.progress import RateProgress

PAGES = ("learning", "weights", "results", "check")
REDRAW_MS = 100  # live curves redraw 10 times a second, and only when they grew
LOSS_LIMIT = 3 * training.CHANCE_LOSS  # a mean mini-batch loss above this = blown up (training starts at 2.30)
SMOOTH_WINDOW = 100  # iterations in the loss plot's moving average
NUMERICAL_MAX_ITERS, NUMERICAL_MAX_BATCH, NUMERICAL_SUBSET = 20, 10, 1000
GALLERY_LIMIT = 100  # misclassified test digits shown, most confident first
WEIGHTS_SHOWN = 100  # first-layer pictures shown at most
CHECK_IMAGES = 3  # the book's gradient_check.py uses the first 3 training images
BOOK_TEST_ACCURACY = {"sigmoid": 0.946, "relu": 0.970}  # CURRICULUM §5: where the book's 10,000 iterations end

_DATA_CACHE: dict = {}  # {source: ((x_train, t_train), (x_test, t_test))}: one MNIST in memory


@dataclass
class MnistState:
    """The settings the user chose (saved) and what the runs produced (not saved)."""

    hidden_size: int = 50
    activation: str = "relu"  # "sigmoid": the chapter 4 net; "relu": the chapter 5 net
    learning_rate: float = 0.1
    batch_size: int = 100
    iterations: int = 10_000
    weight_init_std: float = 0.01
    seed: int = 0
    method: str = "backprop"  # or "numerical"
    # produced
    source: str = ""
    data: tuple | None = None
    data_error: str = ""
    net: TwoLayerNet | None = None  # the trained or loaded model
    net_origin: str = ""  # "trained", "stopped", "loaded"
    train_acc: float | None = None
    test_acc: float | None = None
    report: dict | None = None  # engine.training.model_report of net
    check: dict | None = None  # the gradient check's "done" event

    SAVED = ("hidden_size", "activation", "learning_rate", "batch_size", "iterations", "weight_init_std", "seed",
             "method")


def find_mnist_source():
    """The usable MNIST location (gui.data_dialog.mnist_source), or the remembered one if that module is absent."""
    try:
        from gui.data_dialog import mnist_source
    except ImportError:
        value = app_settings_module.app_settings().value("data/mnist", "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.exists() else None
    return mnist_source()


def _load_job(source):
    from engine.data.datasets import load_mnist

    data = _DATA_CACHE.get(source)
    if data is None:
        data = load_mnist(source)
        _DATA_CACHE.clear()
        _DATA_CACHE[source] = data
    yield {"kind": "data", "source": source, "data": data}


def _training_job(events, net, data):
    """A training generator's events; a divergence becomes a "diverged" event; the finished net's report last."""
    try:
        yield from events
    except training.Diverged as exc:
        yield {"kind": "diverged", "iteration": getattr(exc, "iteration", 0), "loss": getattr(exc, "loss", math.nan),
               "reason": getattr(exc, "reason", "nan"), "message": str(exc)}
        return
    yield {"kind": "report", **_report(net, data)}


def _report(net, data):
    (x_train, t_train), (x_test, t_test) = data
    with training.blas_threads(1):
        return training.model_report(net, x_train, t_train, x_test, t_test, limit=GALLERY_LIMIT)


def _report_job(net, data):
    yield {"kind": "report", **_report(net, data)}


def _cache_static_parts(plot):
    """Keep the axes (with their grid lines), title and legend as pixmaps between frames.

    They change only when the range, the texts or the palette change (each such change calls update(), which
    drops the pixmap); replaying their tick labels and grid every frame cost ~5 ms of each live redraw.
    """
    item = plot.getPlotItem()
    parts = [item.getAxis(name) for name in ("left", "bottom", "top", "right")] + [item.titleLabel]
    if item.legend is not None:
        parts.append(item.legend)
    for part in parts:
        part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _epochs(value):
    """16.666… → '16.7', 0.02 → '0.02'."""
    return f"{value:.1f}" if value >= 1 else f"{value:.2g}"


class MnistPanel(Tab):
    """The book's MNIST experiment in the Training tab."""

    key = "training_mnist"

    def __init__(self):
        super().__init__()
        self.state = MnistState()
        self.worker = None  # training
        self.load_worker = None
        self.report_worker = None
        self.check_worker = None
        self._run_id = 0
        self._status = "idle"  # idle, running, paused, finished, stopped, diverged, failed, switched
        self._message = ""
        self._run = {}  # what the current run was started with
        self._host = None  # the Training tab's QTabWidget, once shown
        self.loss_data = np.zeros(0)
        self.iteration_x = np.zeros(0)
        self.loss_filled = 0
        self.acc_points = []  # (epoch, train_acc, test_acc)
        self._shown_smooth = 0
        self._pending_weights = None
        self._shown_report = None
        self._seconds = 0.0
        self._diverged = {}
        self._live_net = None
        self._closed = False  # set by shutdown(): no new work starts
        self._loss_top = 2.5
        self._weights_done = 0
        self._build()
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self.redraw)
        self.retranslate()  # MNIST is looked for (and loaded) when the panel is first shown

    # ================================================================== building
    def _build(self):
        boxes = (self._build_data_box(), self._build_settings_box(), self._build_run_box(),
                 self._build_model_box())
        self.pages = QTabWidget()
        self.pages.addTab(self._build_learning_page(), "")
        self.pages.addTab(self._build_weights_page(), "")
        self.pages.addTab(self._build_results_page(), "")
        self.pages.addTab(self._build_check_page(), "")
        self.pages.currentChanged.connect(self.show_explanation)
        self.explanation = Explanation()
        experiment_layout(self, boxes, self.pages, self.explanation, (300, 700, 250), left_width=(310, 350))

    def _build_data_box(self):
        self.data_box = QGroupBox()
        v = QVBoxLayout(self.data_box)
        self.data_status = wrapped()
        self.source_label = muted(wrapped())
        self.get_button = QPushButton()
        self.get_button.clicked.connect(self.get_mnist)
        v.addWidget(self.data_status)
        v.addWidget(self.source_label)
        v.addWidget(self.get_button)
        return self.data_box

    def _build_settings_box(self):
        s = self.state
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.hidden_spin = QSpinBox()
        self.hidden_spin.setRange(1, 1000)
        self.hidden_spin.setValue(s.hidden_size)
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(["", ""])  # sigmoid, ReLU
        self.activation_combo.setCurrentIndex(1)
        self.lr_spin = DecadeSpinBox(1e-6, 1e8, s.learning_rate)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 10_000)
        self.batch_spin.setValue(s.batch_size)
        self.iter_spin = QSpinBox()
        self.iter_spin.setRange(1, 1_000_000)
        self.iter_spin.setSingleStep(1000)
        self.iter_spin.setGroupSeparatorShown(True)
        self.iter_spin.setValue(s.iterations)
        self.std_spin = DecadeSpinBox(1e-6, 10.0, s.weight_init_std)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(s.seed)
        self.method_combo = QComboBox()
        self.method_combo.addItems(["", ""])  # backprop, numerical
        self.method_note = muted(wrapped())
        self.method_note.setTextFormat(Qt.TextFormat.RichText)
        self.labels = {name: QLabel() for name in ("hidden", "activation", "lr", "batch", "iters", "std", "seed",
                                                   "method")}
        for name, widget in (("hidden", self.hidden_spin), ("activation", self.activation_combo),
                             ("lr", self.lr_spin), ("batch", self.batch_spin), ("iters", self.iter_spin),
                             ("std", self.std_spin), ("seed", self.seed_spin), ("method", self.method_combo)):
            form.addRow(self.labels[name], widget)
        form.addRow(self.method_note)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.book_defaults)
        form.addRow(self.defaults_button)
        self.hidden_spin.valueChanged.connect(lambda v: self._set("hidden_size", int(v)))
        self.activation_combo.currentIndexChanged.connect(self.set_activation)
        self.lr_spin.valueChanged.connect(lambda v: self._set("learning_rate", float(v)))
        self.batch_spin.valueChanged.connect(lambda v: self._set("batch_size", int(v)))
        self.iter_spin.valueChanged.connect(lambda v: self._set("iterations", int(v)))
        self.std_spin.valueChanged.connect(lambda v: self._set("weight_init_std", float(v)))
        self.seed_spin.valueChanged.connect(lambda v: self._set("seed", int(v)))
        self.method_combo.currentIndexChanged.connect(
            lambda i: self._set("method", "numerical" if i == 1 else "backprop"))
        return self.settings_box

    def set_activation(self, index):
        self._set("activation", "sigmoid" if index == 0 else "relu")
        if not self.is_training():
            self._run.pop("activation", None)
            self.label_accuracy_plot()

    def _set(self, name, value):
        setattr(self.state, name, value)
        self.refresh_method_note()

    def _build_run_box(self):
        self.run_box = QGroupBox()
        v = QVBoxLayout(self.run_box)
        row = QHBoxLayout()
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.start_button.clicked.connect(self.start_training)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop_training)
        for b in (self.start_button, self.pause_button, self.stop_button):
            row.addWidget(b)
        self.progress = RateProgress("iterations")
        self.status_label = wrapped()
        self.summary_label = wrapped()
        f = self.summary_label.font()
        f.setBold(True)
        self.summary_label.setFont(f)
        v.addLayout(row)
        v.addWidget(self.progress)
        v.addWidget(self.status_label)
        v.addWidget(self.summary_label)
        return self.run_box

    def _build_model_box(self):
        self.model_box = QGroupBox()
        v = QVBoxLayout(self.model_box)
        row = QHBoxLayout()
        self.save_button, self.load_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self.save_model_dialog)
        self.load_button.clicked.connect(self.load_model_dialog)
        row.addWidget(self.save_button)
        row.addWidget(self.load_button)
        self.model_status = wrapped()
        self.model_status.hide()
        v.addLayout(row)
        v.addWidget(self.model_status)
        return self.model_box

    # ---------------------------------------------------------------- pages
    def _build_learning_page(self):
        self.learning_stack = QStackedWidget()
        need, self.need_title, self.need_text, self.need_error, self.need_get_button = need_data_page()
        self.need_get_button.clicked.connect(self.get_mnist)
        self.learning_stack.addWidget(need)

        self.loss_plot = Plot()
        self.loss_plot.addLegend(offset=(-10, 10))
        # the raw zig-zag without antialiasing: drawn several times faster, and 1 px lines look the same
        self.loss_curve = self.loss_plot.plot(pen=pen(7, 1), name="", antialias=False)
        self.smooth_curve = self.loss_plot.plot(pen=pen(0, 2), name="")
        # about one point per pixel column: the raw curve keeps each column's min and max, the smooth one any point
        self.loss_curve.setDownsampling(auto=True, method="peak")
        self.smooth_curve.setDownsampling(auto=True, method="subsample")
        self.loss_plot.setLimits(xMin=0, yMin=0)
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)
        self.loss_plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.acc_plot = Plot()
        self.acc_plot.addLegend(offset=(-10, -10))
        self.train_acc_curve = self.acc_plot.plot(pen=pen(0, 2), symbol="o", symbolSize=6, symbolBrush=COLORS[0],
                                                  symbolPen=None, name="")
        self.test_acc_curve = self.acc_plot.plot(pen=pen(1, 2, style=Qt.PenStyle.DashLine), symbol="t",
                                                 symbolSize=7, symbolBrush=COLORS[1], symbolPen=None, name="")
        self.acc_plot.setYRange(0, 1, padding=0.02)
        self.acc_plot.setLimits(xMin=0, yMin=0, yMax=1.05)
        book_pen = pen(7, 1.5, style=Qt.PenStyle.DotLine)
        self.book_line = pg.InfiniteLine(angle=0, movable=False, pen=book_pen)
        self.acc_plot.addItem(self.book_line)
        self.book_legend = pg.PlotDataItem(pen=book_pen)  # the line's entry in the legend (no data of its own)
        for plot in (self.loss_plot, self.acc_plot):
            _cache_static_parts(plot)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.loss_plot)
        splitter.addWidget(self.acc_plot)
        self.learning_stack.addWidget(splitter)
        return self.learning_stack

    def _build_weights_page(self):
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.weights_note = wrapped()
        self.weights_grid = ImageGrid(scale=2.0, caption_lines=1)
        v.addWidget(self.weights_note)
        v.addWidget(self.weights_grid, 1)
        return page

    def _build_results_page(self):
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.results_summary = wrapped()
        top = QHBoxLayout()
        box = QVBoxLayout()
        self.confusion_title = QLabel()
        f = self.confusion_title.font()
        f.setBold(True)
        self.confusion_title.setFont(f)
        self.confusion_table = QTableWidget(10, 10)
        self.confusion_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.confusion_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.confusion_table.setHorizontalHeaderLabels([str(d) for d in range(10)])
        self.confusion_table.setVerticalHeaderLabels([str(d) for d in range(10)])
        for header in (self.confusion_table.horizontalHeader(), self.confusion_table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(10)
        width = self.confusion_table.fontMetrics().horizontalAdvance("00000") + 4  # "1135" fits
        self.confusion_table.horizontalHeader().setDefaultSectionSize(width)
        self.confusion_table.verticalHeader().setDefaultSectionSize(self.confusion_table.fontMetrics().height() + 8)
        self.confusion_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.confusion_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.confusion_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.confusion_table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.confusion_axes = muted(wrapped())
        box.addWidget(self.confusion_title)
        box.addWidget(self.confusion_axes)
        box.addWidget(self.confusion_table)
        box.addStretch(1)
        top.addLayout(box)
        gallery = QVBoxLayout()
        self.gallery_title = wrapped()
        self.gallery_title.setFont(f)
        self.gallery = ImageGrid(scale=1.5, caption_lines=2)
        self.gallery.setMinimumWidth(150)
        gallery.addWidget(self.gallery_title)
        gallery.addWidget(self.gallery, 1)
        top.addLayout(gallery, 1)
        v.addWidget(self.results_summary)
        v.addLayout(top, 1)
        return page

    def _build_check_page(self):
        page = QWidget()
        v = QVBoxLayout(page)
        self.check_intro = wrapped()
        self.check_intro.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        self.check_images_label = QLabel()
        self.check_images_spin = QSpinBox()
        self.check_images_spin.setRange(1, 100)
        self.check_images_spin.setValue(CHECK_IMAGES)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.start_check)
        self.check_stop_button = QPushButton()
        self.check_stop_button.clicked.connect(self.stop_check)
        row.addWidget(self.check_images_label)
        row.addWidget(self.check_images_spin)
        row.addWidget(self.check_button)
        row.addWidget(self.check_stop_button)
        row.addStretch(1)
        self.check_progress = RateProgress("weights")
        self.check_table = QTableWidget(len(training.PARAM_KEYS), 5)
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_table.verticalHeader().setVisible(False)
        self.check_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.check_table.setMaximumHeight(170)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.check_table.setFont(mono)
        self.check_result = wrapped()
        v.addWidget(self.check_intro)
        v.addLayout(row)
        v.addWidget(self.check_progress)
        v.addWidget(self.check_table)
        v.addWidget(self.check_result)
        v.addStretch(1)
        return page

    # ================================================================== texts
    def title(self):
        return self.tr("MNIST · two-layer net")

    def retranslate(self):
        for i, text in enumerate((self.tr("Learning"), self.tr("Weights"), self.tr("Results"),
                                  self.tr("Gradient check"))):
            self.pages.setTabText(i, text)
        self.pages.setTabToolTip(0, self.tr("Loss and accuracy while training"))
        self.pages.setTabToolTip(1, self.tr("The first layer's weights as 28×28 pictures"))
        self.pages.setTabToolTip(2, self.tr("Confusion matrix and misclassified test digits"))
        self.pages.setTabToolTip(3, self.tr("Backprop against the numerical gradient"))
        self.data_box.setTitle(self.tr("Data"))
        self.get_button.setText(self.tr("Get MNIST…"))
        self.get_button.setToolTip(self.tr("Download MNIST or import a copy you already have"))
        self.need_get_button.setText(self.tr("Get MNIST…"))
        self.need_get_button.setToolTip(self.get_button.toolTip())
        self.settings_box.setTitle(self.tr("Two-layer net"))
        texts = {
            "hidden": (self.tr("Hidden size"), self.tr("Neurons in the hidden layer (the book uses 50)")),
            "activation": (self.tr("Activation"),
                           self.tr("Sigmoid: the chapter 4 net. ReLU: the chapter 5 net (learns faster here)")),
            "lr": (self.tr("Learning rate η"), self.tr("Step size η in W ← W − η·∂L/∂W (the book uses 0.1)")),
            "batch": (self.tr("Batch size"), self.tr("Training images drawn at random for each step (the book "
                                                     "uses 100)")),
            "iters": (self.tr("Iterations"), self.tr("Mini-batch steps (the book uses 10,000 ≈ 16.7 epochs)")),
            "std": (self.tr("Weight init std"), self.tr("Weights start as N(0, std²), biases as 0 (the book "
                                                        "uses 0.01)")),
            "seed": (self.tr("Seed"), self.tr("Random seed of the starting weights and the mini-batches: the same "
                                              "seed gives the same run")),
            "method": (self.tr("Gradient"), self.tr("Backpropagation (chapter 5), or the numerical gradient of "
                                                   "chapter 4: the book's slow way")),
        }
        widgets = {"hidden": self.hidden_spin, "activation": self.activation_combo, "lr": self.lr_spin,
                   "batch": self.batch_spin, "iters": self.iter_spin, "std": self.std_spin, "seed": self.seed_spin,
                   "method": self.method_combo}
        for name, (label, tip) in texts.items():
            self.labels[name].setText(label)
            self.labels[name].setToolTip(tip)
            widgets[name].setToolTip(tip)
        self.activation_combo.setItemText(0, self.tr("sigmoid (chapter 4)"))
        self.activation_combo.setItemText(1, self.tr("ReLU (chapter 5)"))
        self.method_combo.setItemText(0, self.tr("backpropagation"))
        self.method_combo.setItemText(1, self.tr("numerical (slow)"))
        self.defaults_button.setText(self.tr("Book's settings"))
        self.defaults_button.setToolTip(self.tr("50 hidden neurons, η = 0.1, batch 100, 10,000 iterations, "
                                                "std 0.01, backpropagation (keeps the activation)"))
        self.run_box.setTitle(self.tr("Training"))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train a new net from the start with these settings (Space)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop training; the net so far is evaluated"))
        self.progress.setToolTip(self.tr("Iterations done, speed and time left"))
        self.summary_label.setToolTip(self.tr("Accuracy on the full training set (60,000 images) and test set "
                                              "(10,000 images)"))
        self.model_box.setTitle(self.tr("Model"))
        self.save_button.setText(self.tr("Save model…"))
        self.save_button.setToolTip(self.tr("Write the weights to a .npz file (NumPy's format)"))
        self.load_button.setText(self.tr("Load model…"))
        self.load_button.setToolTip(self.tr("Read a model saved before; the Draw tab can use it too"))
        # learning page
        self.need_title.setText(self.tr("This experiment needs MNIST"))
        self.need_text.setText(self.tr(
            "<p>MNIST is the book's data set: 60,000 training and 10,000 test images of handwritten digits, "
            "28×28 pixels each (about 11 MB).</p><p>Click <i>Get MNIST…</i> to download it or to import a copy "
            "you already have (the four IDX files, the book's mnist.pkl or Keras's mnist.npz).</p>"))
        self.loss_plot.set_labels(self.tr("iteration"), self.tr("loss L (cross-entropy)"),
                                  self.tr("Mini-batch loss"))
        legend = self.loss_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.loss_curve, self.tr("each mini-batch"))
        legend.addItem(self.smooth_curve, self.tr("mean of the last 100"))
        self.label_accuracy_plot()
        # weights page
        self.weights_grid.setToolTip(self.tr("Each picture: one hidden neuron's 784 weights as 28×28 pixels"))
        # results page
        self.confusion_title.setText(self.tr("Confusion matrix (test set)"))
        self.confusion_axes.setText(self.tr("Rows: the true digit · columns: the net's answer"))
        self.gallery_title.setText(self.tr("Misclassified test digits, most confident first"))
        self.gallery.setToolTip(self.tr("Caption: true digit → the net's answer, and how sure it was"))
        # check page
        self.check_intro.setText(self.tr(
            "<p>The book's <b>gradient check</b>: compute ∂L/∂W of a small batch twice — by backpropagation "
            "and by the numerical gradient (central differences, h = 10⁻⁴) — and compare them weight by "
            "weight. If backprop is right they agree to about 10⁻¹⁰.</p><p>It checks the trained (or loaded) "
            "net if there is one, else a new net with the settings on the left. The numerical side is slow: "
            "2 loss evaluations per weight.</p>"))
        self.check_images_label.setText(self.tr("Images"))
        self.check_images_spin.setToolTip(self.tr("How many training images in the batch (the book uses 3)"))
        self.check_button.setText(self.tr("Gradient check"))
        self.check_button.setToolTip(self.tr("Compare backprop with the numerical gradient on a small batch"))
        self.check_stop_button.setText(self.tr("Stop"))
        self.check_stop_button.setToolTip(self.tr("Stop the gradient check"))
        self.check_progress.setToolTip(self.tr("Weights whose numerical derivative is done"))
        self.check_table.setHorizontalHeaderLabels([
            self.tr("parameter"), self.tr("weights"), self.tr("mean |Δ|"), self.tr("max |Δ|"),
            self.tr("relative")])
        self.check_table.setToolTip(self.tr("Δ = backprop − numerical, for every weight of the parameter; "
                                            "relative = mean |Δ| / mean |numerical|"))
        self.explanations = {
            "learning": self.tr(
                "<h3>Mini-batch learning</h3><p>The book's train_neuralnet.py:</p>"
                "<p>repeat:<br>&nbsp;1. draw a mini-batch of 100 training images<br>"
                "&nbsp;2. gradient ∂L/∂W of its loss<br>&nbsp;3. W ← W − η·∂L/∂W<br>"
                "&nbsp;4. once per epoch: accuracy on all the training and test data</p>"
                "<p><b>Loss</b> (cross-entropy error of the batch):<br>L = −(1/N) Σ<sub>n</sub> Σ<sub>k</sub> "
                "t<sub>nk</sub> log y<sub>nk</sub></p><p>Each batch is different, so the loss zig-zags; its "
                "mean falls.</p><p>One <b>epoch</b> = 60,000 / 100 = 600 iterations. Train and test accuracy "
                "stay together: no overfitting.</p><p>Sigmoid (chapter 4) ends near 0.946 test accuracy, "
                "ReLU (chapter 5) near 0.970.</p>"),
            "weights": self.tr(
                "<h3>What the first layer learns</h3><p>Hidden neuron j computes a<sub>j</sub> = Σ<sub>i</sub> "
                "x<sub>i</sub> W1<sub>ij</sub> + b1<sub>j</sub>: a weighted sum of the 784 pixels. Its weights, "
                "laid out as 28×28, show which pixels push it up (light) or down (dark); grey is 0.</p>"
                "<p>They start as noise (std 0.01) and turn into blurry strokes and blobs during training.</p>"),
            "results": self.tr(
                "<h3>Where the net goes wrong</h3><p>C[i, j] counts the test images of digit i that the net "
                "calls j. The diagonal holds the right answers; large numbers off it show which digits look "
                "alike to the net (4 and 9, 3 and 5, 7 and 2).</p><p>Accuracy = trace(C) / 10,000.</p>"
                "<p>Many misclassified digits are hard for people too.</p>"),
            "check": self.tr(
                "<h3>Gradient check</h3><p>Numerical gradient (chapter 4):<br>∂L/∂w ≈ (L(w + h) − L(w − h)) "
                "/ 2h</p><p>simple and almost surely right, but 2 loss evaluations per weight: 79,520 for the "
                "784-50-10 net. Backpropagation (chapter 5) gets all 39,760 at the cost of about one forward "
                "and one backward pass, but is easy to get wrong.</p><p>So we check backprop against it. The "
                "differences are not 0: floating-point rounding and the 1e-7 inside log(y + 1e-7).</p>"),
        }
        self.show_explanation()
        self._shown_report = None  # redraw the results in the new language
        self.refresh_all()
        self.refresh_check()

    def label_accuracy_plot(self):
        per_epoch = self._run.get("per_epoch", 600)
        subset = self._run.get("numerical", False)
        self.acc_plot.set_labels(self.tr("epoch (= %1 iterations)").replace("%1", f"{per_epoch:,}"),
                                 self.tr("accuracy (0–1)"),
                                 self.tr("Accuracy on the first %1 images, at the start and the end").replace(
                                     "%1", f"{NUMERICAL_SUBSET:,}") if subset
                                 else self.tr("Accuracy on the full sets, once per epoch"))
        legend = self.acc_plot.getPlotItem().legend
        legend.clear()
        sizes = (NUMERICAL_SUBSET, NUMERICAL_SUBSET) if subset else (60_000, 10_000)
        legend.addItem(self.train_acc_curve, self.tr("train (%1 images)").replace("%1", f"{sizes[0]:,}"))
        legend.addItem(self.test_acc_curve, self.tr("test (%1 images)").replace("%1", f"{sizes[1]:,}"))
        activation = self._run.get("activation", self.state.activation)
        self.book_line.setPos(BOOK_TEST_ACCURACY[activation])
        legend.addItem(self.book_legend, self.tr("the book's test accuracy (%1)").replace(
            "%1", f"{BOOK_TEST_ACCURACY[activation]:.3f}"))
        self.book_line.setToolTip(self.tr("Where the book's run (10,000 iterations) ends for this activation"))

    def show_explanation(self, *_):
        self.explanation.setHtml(self.explanations[PAGES[self.pages.currentIndex()]])
        if self._pending_weights is not None and self.pages.currentIndex() == PAGES.index("weights"):
            self.show_weights(self._pending_weights)
            self._pending_weights = None

    def refresh_method_note(self):
        s = self.state
        numerical = s.method == "numerical"
        self.method_note.setVisible(numerical)
        if numerical:
            weights = training.parameter_count(784, s.hidden_size, 10)
            self.method_note.setText(self.tr(
                "The book's slow way: every gradient takes 2 loss evaluations per weight — %1 for this net. "
                "So the run is cut down to %2 iterations of at most %3 images, drawn from the first %4 "
                "training images; accuracy is measured on the first %4 training and test images.")
                .replace("%1", f"{2 * weights:,}").replace("%2", str(min(s.iterations, NUMERICAL_MAX_ITERS)))
                .replace("%3", str(NUMERICAL_MAX_BATCH)).replace("%4", f"{NUMERICAL_SUBSET:,}"))

    # ================================================================== data
    def find_data(self):
        """Load MNIST from the known location (on a worker), unless it is already loaded from there."""
        source = find_mnist_source()
        if source is None:
            if self.state.data is None:
                self.state.source = ""
                self.refresh_all()
            return
        self.set_source(source)

    def get_mnist(self):
        try:
            from gui.data_dialog import ask_for_mnist
        except ImportError:
            self.data_status.setText(self.tr("The data dialog is not available in this build."))
            return
        source = ask_for_mnist(self)
        if source is not None:
            self.set_source(source)

    def set_source(self, source):
        """Use the MNIST copy at `source` (folder or file): loaded on a worker, about a second."""
        source = str(source)
        if self._closed or source == self.state.source and (self.state.data is not None or self.is_loading()):
            return
        if self.is_training():
            self.stop_training()
            self._status = "switched"
        if self.is_loading():
            self.load_worker.stop()
        self.state.source = source
        self.state.data = None
        self.state.data_error = ""
        self.load_worker = w = self._make_worker(lambda: _load_job(source))
        w.events.connect(lambda batch: self.on_data(source, batch))
        w.failed.connect(lambda message: self.on_data_failed(source, message))
        w.done.connect(lambda _: self.refresh_all())
        w.start()
        self.refresh_all()

    def is_loading(self):
        return self.load_worker is not None and self.load_worker.isRunning()

    def on_data(self, source, batch):
        if source != self.state.source:
            return
        for event in batch:
            if event["kind"] == "data":
                self.state.data = event["data"]
                self.state.data_error = ""
        self.refresh_all()
        if self.state.net is not None and self.state.report is None:
            self.start_report()

    def on_data_failed(self, source, message):
        if source != self.state.source:
            return
        self.state.data = None
        self.state.data_error = message
        self.refresh_all()

    # ================================================================== training
    def book_defaults(self):
        self.hidden_spin.setValue(50)
        self.lr_spin.setValue(0.1)
        self.batch_spin.setValue(100)
        self.iter_spin.setValue(10_000)
        self.std_spin.setValue(0.01)
        self.method_combo.setCurrentIndex(0)

    def is_training(self):
        return self.worker is not None and self.worker.isRunning()

    def start_or_pause(self):
        if self.is_training():
            self.toggle_pause()
        elif self.start_button.isEnabled():
            self.start_training()

    def _make_worker(self, make_job):
        """A Worker owned by the panel; after shutdown() none is made (a deleted panel must own no live thread)."""
        from gui.worker import Worker

        if self._closed:
            raise RuntimeError("the panel has shut down")
        return Worker(make_job, parent=self)

    def start_training(self):
        s = self.state
        if s.data is None or self.is_training() or self._closed:
            return
        self.stop_check()
        self.stop_report()
        (x_train, t_train), (x_test, t_test) = data = s.data
        numerical = s.method == "numerical"
        iters = min(s.iterations, NUMERICAL_MAX_ITERS) if numerical else s.iterations
        batch = min(s.batch_size, NUMERICAL_MAX_BATCH) if numerical else s.batch_size
        lr = s.learning_rate
        net = TwoLayerNet(784, s.hidden_size, 10, weight_init_std=s.weight_init_std, activation=s.activation,
                          seed=s.seed, dtype=np.float64 if numerical else np.float32)
        if numerical:
            n = NUMERICAL_SUBSET
            events = training.train_two_layer_numerical(net, x_train[:n], t_train[:n], x_test[:n], t_test[:n],
                                                        iters_num=iters, batch_size=batch, learning_rate=lr,
                                                        seed=s.seed, report_every=2000)
            per_epoch = max(1, n // batch)
        else:
            events = training.train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=iters,
                                              batch_size=batch, learning_rate=lr, seed=s.seed, loss_limit=LOSS_LIMIT)
            per_epoch = max(1, len(x_train) // batch)
        self._run_id += 1
        run = self._run_id
        self._run = {"iterations": iters, "batch": batch, "lr": lr, "numerical": numerical, "per_epoch": per_epoch,
                     "weights": training.parameter_count(784, s.hidden_size, 10), "activation": s.activation,
                     "hidden": s.hidden_size}
        s.net, s.net_origin, s.train_acc, s.test_acc, s.report = None, "", None, None, None
        self.loss_data = np.full(iters, np.nan)
        self.iteration_x = np.arange(1, iters + 1)
        self.loss_filled = 0
        self._shown_smooth = -1
        self.acc_points = []
        for curve in (self.loss_curve, self.smooth_curve, self.train_acc_curve, self.test_acc_curve):
            curve.setData([], [])
        self.loss_plot.setXRange(0, iters, padding=0.02)  # fixed: the axis is not redrawn every frame
        self._loss_top = 2.5
        self._weights_done = 0
        self.loss_plot.setYRange(0, self._loss_top, padding=0)
        self.acc_plot.setXRange(0, iters / per_epoch, padding=0.03)
        self.label_accuracy_plot()
        self.progress.unit = "weights" if numerical else "iterations"
        self.progress.start(iters * self._run["weights"] if numerical else iters)
        self._status, self._message = "running", ""
        self.worker = w = self._make_worker(lambda: _training_job(events, net, data))
        w.events.connect(lambda b: self.on_train_events(run, b))
        w.done.connect(lambda finished: self.on_train_done(run, finished))
        w.failed.connect(lambda message: self.on_train_failed(run, message))
        w.paused_changed.connect(lambda paused: self.on_paused(run, paused))
        self._live_net = net
        self.redraw_timer.start()
        w.start()
        self.pages.setCurrentIndex(PAGES.index("learning"))
        self.refresh_all()

    def toggle_pause(self):
        if not self.is_training():
            return
        if self.worker.is_paused():
            self.worker.resume()
        else:
            self.worker.pause()

    def on_paused(self, run, paused):
        if run != self._run_id:
            return
        if self._status in ("running", "paused"):
            self._status = "paused" if paused else "running"
        self.progress.pause(paused)
        self.refresh_run_controls()
        self.refresh_status()

    def stop_training(self):
        if self.is_training():
            self.worker.stop()

    def on_train_events(self, run, batch):
        if run != self._run_id:
            return
        s = self.state
        done = None
        for event in batch:
            kind = event["kind"]
            if kind == "step":
                i = event["iteration"]
                self.loss_data[i - 1] = event["loss"]
                self.loss_filled = i
            elif kind == "progress":  # numerical gradient: weights done in this iteration
                done = (event["iteration"] - 1) * event["total"] + event["done"]
            elif kind == "epoch":
                self.acc_points.append((event["iteration"] / self._run["per_epoch"], event["train_acc"],
                                        event["test_acc"]))
                self._pending_weights = event["net"].params["W1"]
            elif kind == "done":
                s.net, s.net_origin = event["net"], "trained"
                s.train_acc, s.test_acc = event["train_acc"], event["test_acc"]
                self._status = "finished"
                self._seconds = event["seconds"]
                self._pending_weights = event["net"].params["W1"]
            elif kind == "diverged":
                self._status = "diverged"
                self._diverged = event
            elif kind == "report":  # on the full sets (a numerical run measured a subset while training)
                s.report = {k: v for k, v in event.items() if k != "kind"}
                s.train_acc, s.test_acc = s.report["train_acc"], s.report["test_acc"]
                self.publish()
        if done is not None:
            self._weights_done = done
        if self._status not in ("running", "paused"):  # else the timer shows the progress, 10 times a second
            self.redraw()
        if s.report is not None:
            self.refresh_results()
            self.refresh_model_box()

    def on_train_done(self, run, finished):
        if run != self._run_id:
            return
        self.redraw_timer.stop()
        if self._status in ("running", "paused"):
            self._status = "stopped"
        if self._status in ("stopped", "switched"):  # keep what was learned so far and show it
            self.state.net, self.state.net_origin = self._live_net, "stopped"
            self._pending_weights = self._live_net.params["W1"]
            self.start_report()
        self.redraw()
        if self._status == "finished":
            self.progress.finish(self.tr("Finished: %1 iterations in %2 s.").replace(
                "%1", f"{self._run['iterations']:,}").replace("%2", f"{self._seconds:.1f}"))
        else:
            self.progress.finish(self.tr("%1 of %2 iterations done.").replace("%1", f"{self.loss_filled:,}")
                                 .replace("%2", f"{self._run['iterations']:,}"))
        self.refresh_all()

    def on_train_failed(self, run, message):
        if run != self._run_id:
            return
        self.redraw_timer.stop()
        self._status, self._message = "failed", message
        self.progress.finish(self.tr("%1 of %2 iterations done.").replace("%1", f"{self.loss_filled:,}")
                             .replace("%2", f"{self._run['iterations']:,}"))
        self.redraw()
        self.refresh_all()

    def redraw(self):
        """Show what arrived since the last frame: curves (only if they grew), progress, status, weights."""
        n = self.loss_filled
        if grow(self.loss_curve, self.iteration_x[:n], self.loss_data[:n]) or self._shown_smooth != n:
            start = max(self._shown_smooth, 0)
            if n > start:
                top = float(np.nanmax(self.loss_data[start:n]))
                if top > self._loss_top:  # the y range only ever grows: a fixed axis is not redrawn every frame
                    self._loss_top = top * 1.1
                    self.loss_plot.setYRange(0, self._loss_top, padding=0)
            self.smooth_curve.setData(self.iteration_x[:n], training.smooth(self.loss_data[:n], SMOOTH_WINDOW))
            self._shown_smooth = n
        if self._run:
            done = self._weights_done if self._run["numerical"] else n
            if done and done != self.progress.done:  # also the last steps, which arrive with "done"
                self.progress.set_done(done)
        self.refresh_status()
        points = self.acc_points
        grow(self.train_acc_curve, [p[0] for p in points], [p[1] for p in points])
        grow(self.test_acc_curve, [p[0] for p in points], [p[2] for p in points])
        if self._pending_weights is not None and self.pages.currentIndex() == PAGES.index("weights"):
            self.show_weights(self._pending_weights)  # drawn only when seen: 50 new pictures cost ~6 ms
            self._pending_weights = None

    def show_weights(self, W1):
        images = training.weight_images(W1[:, :WEIGHTS_SHOWN])
        self.weights_grid.set_images(images, [str(j + 1) for j in range(len(images))])

    # ================================================================== results and the Draw tab
    def start_report(self):
        s = self.state
        if s.net is None or s.data is None or self._closed:
            return
        self.stop_report()
        net, data = s.net, s.data
        self.report_worker = w = self._make_worker(lambda: _report_job(net, data))
        w.events.connect(lambda batch: self.on_report(net, batch))
        w.failed.connect(lambda message: self.model_status.setText(message))
        w.start()

    def stop_report(self):
        if self.report_worker is not None and self.report_worker.isRunning():
            self.report_worker.stop()

    def on_report(self, net, batch):
        if net is not self.state.net:
            return
        for event in batch:
            self.state.report = {k: v for k, v in event.items() if k != "kind"}
        self.state.train_acc = self.state.report["train_acc"]
        self.state.test_acc = self.state.report["test_acc"]
        if self.state.net_origin == "loaded":
            self.publish()
        self.refresh_all()

    def publish(self):
        """Offer the trained or loaded net to the Draw tab."""
        from gui.model_hub import hub

        s = self.state
        if s.net is None or s.report is None or s.net_origin not in ("trained", "loaded"):
            return
        accuracy = f"{s.report['test_acc']:.4f}"
        if s.net_origin == "trained":
            label = self.tr("Trained in the Training tab (test accuracy %1)").replace("%1", accuracy)
        else:
            label = self.tr("Loaded in the Training tab: %1 (test accuracy %2)").replace(
                "%1", s.net.meta.get("file", "")).replace("%2", accuracy)
        hub().publish("trained", label, s.net)

    # ================================================================== save / load
    def save_model_dialog(self):
        start = str(app_settings_module.data_dir() / "mnist_two_layer_net.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), start,
                                              self.tr("NumPy model (*.npz)"))
        if path:
            self.save_model(path)

    def save_model(self, path) -> bool:
        """Write the current net to `path` (.npz added if missing); atomic: a failed save leaves no half file."""
        s = self.state
        if s.net is None:
            return False
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        s.net.meta.update({"dataset": "mnist", "hidden_size": s.net.sizes[1], "activation": s.net.activation,
                           "train_acc": s.train_acc, "test_acc": s.test_acc})
        try:
            s.net.save(path)
        except OSError as exc:
            self._model_message(self.tr("Cannot save %1: %2").replace("%1", path.name)
                                .replace("%2", exc.strerror or str(exc)), error=True)
            return False
        self._model_message(self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    def load_model_dialog(self):
        start = str(app_settings_module.data_dir())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load model"), start, self.tr("NumPy model (*.npz)"))
        if path:
            self.load_model(path)

    def load_model(self, path) -> bool:
        """Read a saved net; a wrong or corrupt file gives a message and changes nothing."""
        path = Path(path)
        try:
            net = TwoLayerNet.load(path)
        except FileNotFoundError:
            self._model_message(self.tr("Cannot load %1: the file does not exist.").replace("%1", path.name),
                                error=True)
            return False
        except (ValueError, OSError) as exc:
            self._model_message(self.tr("Cannot load this file: %1").replace("%1", str(exc)), error=True)
            return False
        inputs, hidden, outputs = net.sizes
        if (inputs, outputs) != (784, 10):
            self._model_message(self.tr("%1 is a %2-%3-%4 net, not one for MNIST (784 pixels in, 10 digits out).")
                                .replace("%1", path.name).replace("%2", str(inputs)).replace("%3", str(hidden))
                                .replace("%4", str(outputs)), error=True)
            return False
        self.stop_training()
        self.stop_check()
        s = self.state
        net.meta["file"] = path.name
        s.net, s.net_origin, s.report, s.train_acc, s.test_acc = net, "loaded", None, None, None
        self._status = "idle"
        self.show_weights(net.params["W1"])
        self._model_message(self.tr("Loaded %1: a 784-%2-10 net with %3.").replace("%1", path.name)
                            .replace("%2", str(hidden)).replace("%3", net.activation))
        self.start_report()
        self.refresh_all()
        return True

    def _model_message(self, text, error=False):
        self.model_status.setStyleSheet(ERROR_STYLE if error else "")
        self.model_status.setText(text)
        self.model_status.setVisible(bool(text))

    # ================================================================== gradient check
    def is_checking(self):
        return self.check_worker is not None and self.check_worker.isRunning()

    def start_check(self):
        s = self.state
        if s.data is None or self.is_checking() or self.is_training() or self._closed:
            return
        (x_train, t_train), _ = s.data
        n = self.check_images_spin.value()
        net = s.net if s.net is not None else TwoLayerNet(784, s.hidden_size, 10, s.weight_init_std,
                                                          activation=s.activation, seed=s.seed)
        x, t = x_train[:n], t_train[:n]
        s.check = None
        self.check_table.clearContents()
        self.check_result.setText("")
        self.check_progress.start(training.parameter_count(*net.sizes))
        self.check_worker = w = self._make_worker(lambda: training.gradient_check(net, x, t, report_every=2000))
        w.events.connect(self.on_check_events)
        w.done.connect(lambda finished: self.on_check_done(finished))
        w.failed.connect(lambda message: self.check_result.setText(message))
        w.start()
        self.pages.setCurrentIndex(PAGES.index("check"))
        self.refresh_run_controls()

    def stop_check(self):
        if self.is_checking():
            self.check_worker.stop()

    def on_check_events(self, batch):
        for event in batch:
            if event["kind"] == "progress":
                self.check_progress.set_done(event["done"])
            elif event["kind"] == "done":
                self.state.check = event
        if self.state.check is not None:
            self.refresh_check()

    def on_check_done(self, finished):
        if not finished:
            self.check_progress.finish(self.tr("Stopped."))
        self.refresh_run_controls()

    def refresh_check(self):
        c = self.state.check
        if c is None:
            return
        for row, key in enumerate(training.PARAM_KEYS):
            for col, text in enumerate((key, f"{c['sizes'][key]:,}", f"{c['diffs'][key]:.2e}",
                                        f"{c['max_diffs'][key]:.2e}", f"{c['relative'][key]:.2e}")):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.check_table.setItem(row, col, item)
        seconds = c["seconds"]
        worst = max(c["relative"].values())
        verdict = (self.tr("Backprop agrees with the numerical gradient.") if worst < 1e-3
                   else self.tr("Backprop and the numerical gradient disagree: the backward pass has a bug."))
        self.check_result.setText(verdict + " " + self.tr(
            "Backprop took %1 ms, the numerical gradient %2 s (%3 times longer).")
            .replace("%1", f"{seconds['backprop'] * 1000:.1f}").replace("%2", f"{seconds['numerical']:.1f}")
            .replace("%3", f"{seconds['numerical'] / max(seconds['backprop'], 1e-9):,.0f}"))
        self.check_progress.finish(self.tr("Done: %1 weights.").replace("%1", f"{sum(c['sizes'].values()):,}"))

    # ================================================================== views
    def refresh_all(self):
        if not hasattr(self, "explanations"):
            return
        self.refresh_data_view()
        self.refresh_method_note()
        self.refresh_run_controls()
        self.refresh_status()
        self.refresh_results()
        self.refresh_model_box()

    def refresh_data_view(self):
        s = self.state
        has_data = s.data is not None
        self.learning_stack.setCurrentIndex(1 if has_data or self.is_loading() else 0)
        self.source_label.setText(s.source)
        self.source_label.setVisible(bool(s.source))
        self.data_status.setStyleSheet(ERROR_STYLE if s.data_error else "")
        if has_data:
            (x_train, _), (x_test, _) = s.data
            text = self.tr("MNIST: %1 training images, %2 test images.").replace(
                "%1", f"{len(x_train):,}").replace("%2", f"{len(x_test):,}")
        elif self.is_loading():
            text = self.tr("Loading MNIST…")
        elif s.data_error:
            text = self.tr("Cannot read MNIST: %1").replace("%1", s.data_error)
        else:
            text = self.tr("MNIST is not here yet.")
        self.data_status.setText(text)
        self.need_error.setText(text if s.data_error else "")
        self.get_button.setVisible(not has_data)

    def refresh_run_controls(self):
        has_data = self.state.data is not None
        running = self.is_training()
        paused = running and self.worker.is_paused()
        checking = self.is_checking()
        self.start_button.setEnabled(has_data and not running and not checking)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Continue training (Space)") if paused
                                     else self.tr("Pause training (Space)"))
        for w in (self.hidden_spin, self.activation_combo, self.lr_spin, self.batch_spin, self.iter_spin,
                  self.std_spin, self.seed_spin, self.method_combo, self.defaults_button, self.load_button):
            w.setEnabled(not running)
        self.save_button.setEnabled(not running and self.state.net is not None)
        self.check_button.setEnabled(has_data and not running and not checking)
        self.check_stop_button.setEnabled(checking)
        self.check_images_spin.setEnabled(not checking)

    def refresh_status(self):
        status, s = self._status, self.state
        error = status in ("diverged", "failed")
        if status == "running":
            text = self.tr("Training…")
            if self._run.get("numerical"):
                text = self.tr("Numerical gradient of iteration %1 of %2…").replace(
                    "%1", str(min(self.loss_filled + 1, self._run["iterations"]))).replace(
                    "%2", str(self._run["iterations"]))
        elif status == "paused":
            text = self.tr("Paused at iteration %1.").replace("%1", f"{self.loss_filled:,}")
        elif status == "finished":
            text = ""
            run = self._run
            if (s.test_acc is not None and run and not run["numerical"] and run["iterations"] >= run["per_epoch"]
                    and training.near_chance(s.test_acc)):
                lr = run["lr"]
                text = self.tr("The net learned nothing: test accuracy %1, where guessing gives 0.10. The "
                               "learning rate %2 is probably too large (with ReLU, large steps can switch every "
                               "hidden neuron off for good). Try %3; the book uses 0.1.").replace(
                    "%1", f"{s.test_acc:.4f}").replace("%2", f"{lr:g}").replace("%3", f"{lr / 10:g}")
                error = True
        elif status == "stopped":
            text = self.tr("Stopped at iteration %1.").replace("%1", f"{self.loss_filled:,}")
        elif status == "switched":
            text = self.tr("Stopped at iteration %1: the data set changed.").replace("%1", f"{self.loss_filled:,}")
        elif status == "diverged":
            d = self._diverged
            lr = self._run["lr"]
            if d["reason"] == "nan":
                what = self.tr("the loss became %1").replace("%1", str(d["loss"]))
            else:
                what = self.tr("the mean loss rose to %1 (a net that guesses at random has 2.30)").replace(
                    "%1", f"{d['loss']:.1f}")
            text = self.tr("Stopped at iteration %1: %2. The learning rate %3 is too large: each step overshoots, "
                           "the weights grow out of range and the net ends up sure of wrong answers. Try %4 (ten "
                           "times smaller); the book uses 0.1.").replace("%1", f"{d['iteration']:,}").replace(
                "%2", what).replace("%3", f"{lr:g}").replace("%4", f"{lr / 10:g}")
        elif status == "failed":
            text = self.tr("Training failed: %1").replace("%1", self._message)
        elif s.data is None:
            text = self.tr("Get MNIST first.")
        else:
            text = self.tr("Ready: press Start (Space).")
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        summary = self.summary_text()
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))

    def summary_text(self):
        s = self.state
        if s.train_acc is not None and s.test_acc is not None and s.net is not None:
            text = self.tr("Train accuracy %1 · test accuracy %2").replace("%1", f"{s.train_acc:.4f}").replace(
                "%2", f"{s.test_acc:.4f}")
            if s.net_origin == "trained" and self._status == "finished":
                text += " " + self.tr("after %1 iterations (%2 epochs) in %3 s").replace(
                    "%1", f"{self._run['iterations']:,}").replace(
                    "%2", _epochs(self._run["iterations"] / self._run["per_epoch"])).replace(
                    "%3", f"{self._seconds:.1f}")
            elif s.net_origin == "stopped":
                text += " " + self.tr("(stopped at iteration %1)").replace("%1", f"{self.loss_filled:,}")
            elif s.net_origin == "loaded":
                text += " " + self.tr("(loaded model)")
            return text
        if self.acc_points and self._status in ("running", "paused"):
            epoch, train_acc, test_acc = self.acc_points[-1]
            return self.tr("Epoch %1: train %2 · test %3").replace("%1", f"{epoch:.1f}").replace(
                "%2", f"{train_acc:.4f}").replace("%3", f"{test_acc:.4f}")
        return ""

    def refresh_results(self):
        s = self.state
        report = s.report
        if report is not None and report is self._shown_report:
            return
        self._shown_report = report
        table = self.confusion_table
        if report is None:
            table.clearContents()
            self.gallery.set_images(np.zeros((0, 28, 28)), [])
            self.results_summary.setText(self.tr("Train the net (Start) or load a model to see where it goes "
                                                 "wrong."))
            return
        C = report["confusion"]
        off = C - np.diag(np.diag(C))
        most = max(int(off.max()), 1)
        right, wrong = QColor(COLORS[2]), QColor(COLORS[3])
        for i in range(10):
            for j in range(10):
                item = QTableWidgetItem(str(int(C[i, j])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                color = QColor(right if i == j else wrong)
                color.setAlphaF(0.45 if i == j else 0.6 * C[i, j] / most)
                item.setBackground(QBrush(color))
                item.setToolTip(self.tr("%1 test images of a %2 classified as %3").replace("%1", str(int(C[i, j])))
                                .replace("%2", str(i)).replace("%3", str(j)))
                table.setItem(i, j, item)
        (_, _), (x_test, t_test) = s.data
        idx, predicted, confidence = report["wrong"]
        images = x_test[idx].reshape(-1, 28, 28)
        captions = [f"{int(t_test[k])} → {int(p)}\n{c:.0%}" for k, p, c in zip(idx, predicted, confidence,
                                                                                  strict=True)]
        tips = [self.tr("Test image %1: a %2; the net says %3 (%4 sure)").replace("%1", str(int(k)))
                .replace("%2", str(int(t_test[k]))).replace("%3", str(int(p))).replace("%4", f"{c:.1%}")
                for k, p, c in zip(idx, predicted, confidence, strict=True)]
        self.gallery.set_images(images, captions, tooltips=tips)
        total_wrong = report["test_size"] - int(np.trace(C))
        self.results_summary.setText(self.tr("%1 of %2 test images right (accuracy %3), %4 wrong; the %5 the net "
                                             "was surest about are shown.")
                                     .replace("%1", f"{int(np.trace(C)):,}").replace("%2", f"{report['test_size']:,}")
                                     .replace("%3", f"{report['test_acc']:.4f}").replace("%4", f"{total_wrong:,}")
                                     .replace("%5", str(len(idx))))

    def refresh_model_box(self):
        self.save_button.setEnabled(not self.is_training() and self.state.net is not None)
        if self.state.net is not None:
            self.weights_note.setText(self.tr(
                "The first layer's weights W1 of each hidden neuron as a 28×28 picture (light: positive, dark: "
                "negative, grey: 0; each picture scaled on its own). %1 neurons.").replace(
                "%1", str(self.state.net.sizes[1])))
        else:
            self.weights_note.setText(self.tr("Start training: the first layer's weights appear here after every "
                                              "epoch, one 28×28 picture per hidden neuron."))

    # ================================================================== lifecycle
    def showEvent(self, event):
        super().showEvent(event)
        if self._host is None:  # the Training tab's panel switcher: leaving for another data set stops the run
            stack = self.parentWidget()
            host = stack.parentWidget() if stack is not None else None
            if isinstance(host, QTabWidget):
                self._host = host
                host.currentChanged.connect(self.on_host_changed)
        if self.state.data is None and not self.is_loading():
            self.find_data()

    def on_host_changed(self, index):
        if self._host is not None and self._host.widget(index) is not self and self.is_training():
            self._status = "switched"
            self.stop_training()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self):
        self._closed = True
        self.redraw_timer.stop()
        for w in (self.worker, self.load_worker, self.report_worker, self.check_worker):
            if w is not None and w.isRunning():
                w.stop()

    def save_settings(self, settings):
        for name in MnistState.SAVED:
            settings.setValue(name, getattr(self.state, name))
        settings.setValue("page", self.pages.currentIndex())

    def restore_settings(self, settings):
        defaults = MnistState()
        values = {}
        for name in MnistState.SAVED:
            default = getattr(defaults, name)
            try:
                values[name] = type(default)(settings.value(name, default))
            except (TypeError, ValueError):
                values[name] = default
        self.hidden_spin.setValue(values["hidden_size"])
        self.activation_combo.setCurrentIndex(0 if values["activation"] == "sigmoid" else 1)
        if values["learning_rate"] > 0:
            self.lr_spin.setValue(values["learning_rate"])
        self.batch_spin.setValue(values["batch_size"])
        self.iter_spin.setValue(values["iterations"])
        if values["weight_init_std"] > 0:
            self.std_spin.setValue(values["weight_init_std"])
        self.seed_spin.setValue(values["seed"])
        self.method_combo.setCurrentIndex(1 if values["method"] == "numerical" else 0)
        try:
            self.pages.setCurrentIndex(int(settings.value("page", 0)))
        except (TypeError, ValueError):
            pass
