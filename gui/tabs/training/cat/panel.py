"""Cat / non-cat: the lessons' logistic regression (one neuron on 64×64×3 pictures), trained live.

Pages: Data (counts and the pictures), Cost (the live cost curve and the lessons' printout), Learning rates
(the lessons' comparison plot), Results (test predictions and the learned w as a picture), Your image
(classify a picture of your own), Vectorisation (for-loop vs np.dot). Controls on the left, explanation right.
The mathematics is engine.training.train_logistic and engine.logistic_lab; this module only shows it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
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

from engine.lab import logistic as logistic_lab
from engine.training import flatten_images
from gui import settings as app_settings_module
from gui.tabs.base import Tab
from gui.widgets.explanation import Explanation
from gui.widgets.image_grid import ImageGrid, array_from_qimage, pixmap_from_array
from gui.widgets.panel_helpers import ERROR_STYLE, experiment_layout, grow, muted, need_data_page, wrapped
from gui.widgets.plots import COLORS, Plot, pen

TRAIN_FILE, TEST_FILE = "train_catvnoncat.h5", "test_catvnoncat.h5"
IMAGE_SIZE = logistic_lab.IMAGE_SHAPE[:2]
PAGES = ("data", "cost", "rates", "results", "own", "vector")
REDRAW_MS = 100  # live curves redraw 10 times a second: a software-rendered frame costs tens of ms
CURVE_WIDTH = 1  # the per-iteration costs zig-zag early on: a wider antialiased pen draws them ten times slower


@dataclass
class CatState:
    """Everything the panel shows: the settings the user chose (saved) and what the runs produced (not saved)."""

    folder: str = ""
    learning_rate: float = 0.005
    num_iterations: int = 2000
    record_every: int = 100
    init: str = "zeros"  # or "random"
    seed: int = 0
    compare_rates: str = "0.01, 0.001, 0.0001"
    compare_iterations: int = logistic_lab.COMPARE_ITERATIONS
    vector_n: int = 100_000
    # produced by loading and training
    data: tuple | None = None  # (train_x, train_y, test_x, test_y, classes) from load_catvnoncat
    data_error: str = ""
    counts: dict = field(default_factory=dict)
    model: object = None
    costs: list = field(default_factory=list)  # [(iteration, cost)] recorded every record_every
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    compare_results: list = field(default_factory=list)
    own_image: np.ndarray | None = None  # (64, 64, 3) uint8
    own_path: str = ""

    SAVED = ("folder", "learning_rate", "num_iterations", "record_every", "init", "seed", "compare_rates",
             "compare_iterations", "vector_n")


class DropFrame(QFrame):
    """A frame that accepts a dropped picture file: emits dropped(path)."""

    dropped = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    @staticmethod
    def _local_file(event):
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return next((u.toLocalFile() for u in urls if u.isLocalFile()), "")

    def dragEnterEvent(self, event):
        if self._local_file(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        if self._local_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = self._local_file(event)
        if path:
            event.acceptProposedAction()
            self.dropped.emit(path)


class CatPanel(Tab):
    """The cat / non-cat experiment in the Training tab."""

    key = "training_cat"

    def __init__(self):
        super().__init__()
        self.state = CatState()
        self.worker = None
        self.compare_worker = None
        self.vector_worker = None
        self._run_id = 0
        self._compare_id = 0
        self._arrays = None  # (X, y, X_test, y_test): the flattened data, made once per folder
        self._build()
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self.redraw)
        self.retranslate()
        self.refresh_all()

    # ================================================================== building
    def _build(self):
        boxes = (self._build_data_box(), self._build_settings_box(), self._build_run_box(),
                 self._build_result_box())
        self.pages = QTabWidget()
        self.pages.addTab(self._build_data_page(), "")
        self.pages.addTab(self._build_cost_page(), "")
        self.pages.addTab(self._build_rates_page(), "")
        self.pages.addTab(self._build_results_page(), "")
        self.pages.addTab(self._build_own_page(), "")
        self.pages.addTab(self._build_vector_page(), "")
        self.pages.currentChanged.connect(self.show_explanation)
        self.explanation = Explanation()
        self.splitter = experiment_layout(self, boxes, self.pages, self.explanation, (290, 700, 260))

    def _build_data_box(self):
        self.data_box = QGroupBox()
        v = QVBoxLayout(self.data_box)
        self.folder_label = muted(wrapped())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_folder)
        self.data_status = wrapped()
        v.addWidget(self.open_button)
        v.addWidget(self.folder_label)
        v.addWidget(self.data_status)
        return self.data_box

    def _build_settings_box(self):
        s = self.state
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 10.0)
        self.lr_spin.setSingleStep(0.001)
        self.lr_spin.setValue(s.learning_rate)
        self.iter_spin = QSpinBox()
        self.iter_spin.setRange(1, 100_000)
        self.iter_spin.setSingleStep(100)
        self.iter_spin.setGroupSeparatorShown(True)
        self.iter_spin.setValue(s.num_iterations)
        self.record_spin = QSpinBox()
        self.record_spin.setRange(1, 10_000)
        self.record_spin.setValue(s.record_every)
        self.init_combo = QComboBox()
        self.init_combo.addItems(["", ""])
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(s.seed)
        self.lr_label, self.iter_label, self.record_label = QLabel(), QLabel(), QLabel()
        self.init_label, self.seed_label = QLabel(), QLabel()
        form.addRow(self.lr_label, self.lr_spin)
        form.addRow(self.iter_label, self.iter_spin)
        form.addRow(self.record_label, self.record_spin)
        form.addRow(self.init_label, self.init_combo)
        form.addRow(self.seed_label, self.seed_spin)
        self.lr_spin.valueChanged.connect(lambda v: setattr(self.state, "learning_rate", float(v)))
        self.iter_spin.valueChanged.connect(lambda v: setattr(self.state, "num_iterations", int(v)))
        self.record_spin.valueChanged.connect(lambda v: setattr(self.state, "record_every", int(v)))
        self.init_combo.currentIndexChanged.connect(self.set_init)
        self.seed_spin.valueChanged.connect(lambda v: setattr(self.state, "seed", int(v)))
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.lesson_defaults)
        form.addRow(self.defaults_button)
        return self.settings_box

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
        self.progress = QProgressBar()
        self.progress.setRange(0, self.state.num_iterations)
        self.progress.setValue(0)
        self.progress_label = muted(wrapped())
        v.addLayout(row)
        v.addWidget(self.progress)
        v.addWidget(self.progress_label)
        return self.run_box

    def _build_result_box(self):
        self.result_box = QGroupBox()
        form = QFormLayout(self.result_box)
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.train_acc_label, self.test_acc_label = QLabel(), QLabel()
        self.train_acc_value, self.test_acc_value = QLabel("—"), QLabel("—")
        for w in (self.train_acc_value, self.test_acc_value):
            w.setFont(big)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overfit_label = wrapped()
        form.addRow(self.train_acc_label, self.train_acc_value)
        form.addRow(self.test_acc_label, self.test_acc_value)
        form.addRow(self.overfit_label)
        return self.result_box

    # ---------------------------------------------------------------- pages
    def _build_data_page(self):
        self.data_stack = QStackedWidget()
        # page 0: what the experiment needs
        need, self.need_title, self.need_text, self.need_error, self.need_open_button = need_data_page()
        self.need_open_button.clicked.connect(self.open_folder)
        self.data_stack.addWidget(need)
        # page 1: the pictures
        shown = QWidget()
        sv = QVBoxLayout(shown)
        sv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.data_counts = wrapped()
        self.show_train = QRadioButton()
        self.show_test = QRadioButton()
        self.show_train.setChecked(True)
        self.set_group = QButtonGroup(self)
        self.set_group.addButton(self.show_train, 0)
        self.set_group.addButton(self.show_test, 1)
        self.set_group.idClicked.connect(lambda _: self.refresh_data_grid())
        row.addWidget(self.data_counts, 1)
        row.addWidget(self.show_train)
        row.addWidget(self.show_test)
        self.data_grid = ImageGrid(scale=1.0, caption_lines=1)
        sv.addLayout(row)
        sv.addWidget(self.data_grid, 1)
        self.data_stack.addWidget(shown)
        return self.data_stack

    def _build_cost_page(self):
        self.cost_plot = Plot()
        self.cost_plot.addLegend(offset=(-10, 10))
        self.cost_curve = self.cost_plot.plot(pen=pen(0, CURVE_WIDTH), name="")
        self.cost_points = self.cost_plot.plot(pen=None, symbol="o", symbolSize=7, symbolBrush=COLORS[1],
                                               symbolPen=None, name="")
        self.cost_plot.setLimits(xMin=0, yMin=0)
        self.cost_plot.getAxis("left").enableAutoSIPrefix(False)
        self.cost_curve_data = np.zeros(0)
        self.cost_filled = 0
        self.printout = QPlainTextEdit()
        self.printout.setReadOnly(True)
        self.printout.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.printout.setFont(mono)
        self.printout.setMinimumWidth(200)
        self.printout_title = QLabel()
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.printout_title)
        sv.addWidget(self.printout, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cost_plot)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([440, 270])
        return splitter

    def _build_rates_page(self):
        page = QWidget()
        v = QVBoxLayout(page)
        form = QHBoxLayout()
        self.rates_label = QLabel()
        self.rates_edit = QLineEdit(self.state.compare_rates)
        self.rates_edit.textChanged.connect(lambda t: setattr(self.state, "compare_rates", t))
        self.rates_edit.returnPressed.connect(self.start_compare)
        self.compare_iter_label = QLabel()
        self.compare_iter_spin = QSpinBox()
        self.compare_iter_spin.setRange(1, 100_000)
        self.compare_iter_spin.setSingleStep(100)
        self.compare_iter_spin.setGroupSeparatorShown(True)
        self.compare_iter_spin.setValue(self.state.compare_iterations)
        self.compare_iter_spin.valueChanged.connect(lambda n: setattr(self.state, "compare_iterations", int(n)))
        self.compare_button = QPushButton()
        self.compare_button.clicked.connect(self.start_compare)
        self.compare_stop_button = QPushButton()
        self.compare_stop_button.clicked.connect(self.stop_compare)
        form.addWidget(self.rates_label)
        form.addWidget(self.rates_edit, 1)
        form.addWidget(self.compare_iter_label)
        form.addWidget(self.compare_iter_spin)
        form.addWidget(self.compare_button)
        form.addWidget(self.compare_stop_button)
        self.compare_status = wrapped()
        self.compare_progress = QProgressBar()
        self.compare_progress.setValue(0)
        self.compare_plot = Plot()
        self.compare_plot.addLegend(offset=(-10, 10))
        self.compare_plot.setLimits(xMin=0, yMin=0)
        self.compare_plot.getAxis("left").enableAutoSIPrefix(False)
        self.compare_curves = []
        self.compare_data = []
        self.compare_table = QTableWidget(0, 4)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.setMaximumHeight(130)
        v.addLayout(form)
        status_row = QHBoxLayout()
        status_row.addWidget(self.compare_progress, 1)
        status_row.addWidget(self.compare_status, 2)
        v.addLayout(status_row)
        v.addWidget(self.compare_plot, 1)
        v.addWidget(self.compare_table)
        return page

    def _build_results_page(self):
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.results_summary = wrapped()
        self.results_grid = ImageGrid(scale=1.0, caption_lines=2)
        lv.addWidget(self.results_summary)
        lv.addWidget(self.results_grid, 1)
        right = QWidget()
        rv = QVBoxLayout(right)
        self.weights_title = QLabel()
        f = self.weights_title.font()
        f.setBold(True)
        self.weights_title.setFont(f)
        self.weights_image = QLabel()
        self.weights_image.setFixedSize(QSize(192, 192))
        self.weights_image.setFrameShape(QFrame.Shape.StyledPanel)
        self.weights_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.weights_note = muted(wrapped())
        rv.addWidget(self.weights_title)
        rv.addWidget(self.weights_image)
        rv.addWidget(self.weights_note)
        rv.addStretch(1)
        right.setMinimumWidth(210)
        right.setMaximumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        return splitter

    def _build_own_page(self):
        self.drop_frame = DropFrame()
        self.drop_frame.dropped.connect(self.classify_file)
        v = QVBoxLayout(self.drop_frame)
        top = QHBoxLayout()
        self.own_open_button = QPushButton()
        self.own_open_button.clicked.connect(self.open_image)
        self.own_hint = muted(wrapped())
        top.addWidget(self.own_open_button)
        top.addWidget(self.own_hint, 1)
        pictures = QHBoxLayout()
        self.own_original = QLabel()
        self.own_original.setMinimumSize(QSize(200, 200))
        self.own_original.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_original.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.own_small = QLabel()
        self.own_small.setFixedSize(QSize(192, 192))
        self.own_small.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_small.setFrameShape(QFrame.Shape.StyledPanel)
        self.own_original_caption = muted(QLabel())
        self.own_small_caption = muted(QLabel())
        col1, col2 = QVBoxLayout(), QVBoxLayout()
        col1.addWidget(self.own_original, 1)
        col1.addWidget(self.own_original_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        col2.addWidget(self.own_small)
        col2.addWidget(self.own_small_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        col2.addStretch(1)
        pictures.addLayout(col1, 1)
        pictures.addLayout(col2)
        self.own_result = wrapped()
        f = self.own_result.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        self.own_result.setFont(f)
        self.own_detail = wrapped()
        self.own_error = wrapped()
        self.own_error.setStyleSheet(ERROR_STYLE)
        v.addLayout(top)
        v.addWidget(self.own_error)
        v.addLayout(pictures, 1)
        v.addWidget(self.own_result)
        v.addWidget(self.own_detail)
        return self.drop_frame

    def _build_vector_page(self):
        page = QWidget()
        v = QVBoxLayout(page)
        self.vector_intro = wrapped()
        row = QHBoxLayout()
        self.vector_n_label = QLabel()
        self.vector_n_spin = QSpinBox()
        self.vector_n_spin.setRange(1_000, 10_000_000)
        self.vector_n_spin.setSingleStep(10_000)
        self.vector_n_spin.setGroupSeparatorShown(True)
        self.vector_n_spin.setValue(self.state.vector_n)
        self.vector_n_spin.valueChanged.connect(lambda n: setattr(self.state, "vector_n", int(n)))
        self.vector_button = QPushButton()
        self.vector_button.clicked.connect(self.run_vectorisation)
        row.addWidget(self.vector_n_label)
        row.addWidget(self.vector_n_spin)
        row.addWidget(self.vector_button)
        row.addStretch(1)
        code_font = QFont("monospace")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        self.loop_code, self.dot_code = QLabel(), QLabel()
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.loop_time, self.dot_time = QLabel("—"), QLabel("—")
        self.loop_title, self.dot_title = QLabel(), QLabel()
        boxes = QHBoxLayout()
        for title, code, value in ((self.loop_title, self.loop_code, self.loop_time),
                                   (self.dot_title, self.dot_code, self.dot_time)):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            bv = QVBoxLayout(box)
            tf = title.font()
            tf.setBold(True)
            title.setFont(tf)
            code.setFont(code_font)
            code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setFont(big)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            bv.addWidget(title)
            bv.addWidget(code)
            bv.addStretch(1)
            bv.addWidget(value)
            boxes.addWidget(box)
        self.vector_ratio = wrapped()
        self.vector_ratio.setFont(big)
        self.vector_values = muted(wrapped())
        v.addWidget(self.vector_intro)
        v.addLayout(row)
        v.addLayout(boxes)
        v.addWidget(self.vector_ratio)
        v.addWidget(self.vector_values)
        v.addStretch(1)
        return page

    # ================================================================== texts
    def title(self):
        return self.tr("Cat / non-cat (logistic regression)")

    def class_name(self, label):
        """The data set's class name for label 0 / 1, translated when it is one we know."""
        names = {"cat": self.tr("cat"), "non-cat": self.tr("non-cat")}
        classes = self.state.data[4] if self.state.data is not None else ["non-cat", "cat"]
        name = str(classes[int(label)]) if int(label) < len(classes) else str(label)
        return names.get(name, name)

    def retranslate(self):
        self.data_box.setTitle(self.tr("Data"))
        self.open_button.setText(self.tr("Open folder…"))
        self.open_button.setToolTip(self.tr("Choose the folder that holds train_catvnoncat.h5 and "
                                            "test_catvnoncat.h5 (remembered for next time)"))
        self.need_open_button.setText(self.tr("Open folder…"))
        self.need_open_button.setToolTip(self.open_button.toolTip())
        self.settings_box.setTitle(self.tr("Gradient descent"))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.iter_label.setText(self.tr("Iterations"))
        self.record_label.setText(self.tr("Record cost every"))
        self.init_label.setText(self.tr("Start from"))
        self.seed_label.setText(self.tr("Random seed"))
        self.init_combo.setItemText(0, self.tr("zeros (lessons)"))
        self.init_combo.setItemText(1, self.tr("small random w"))
        self.lr_spin.setToolTip(self.tr("Step size η in w ← w − η·dw (the lessons use 0.005)"))
        self.iter_spin.setToolTip(self.tr("How many full-batch gradient-descent steps (the lessons use 2,000)"))
        self.record_spin.setToolTip(self.tr("Keep and print the cost every N iterations (the lessons use 100)"))
        self.init_combo.setToolTip(self.tr("Start from zeros as the lessons do, or from small random weights "
                                           "N(0, 0.01²)"))
        self.seed_spin.setToolTip(self.tr("Seed of the random starting weights (only for random start)"))
        self.defaults_button.setText(self.tr("Lessons' settings"))
        self.defaults_button.setToolTip(self.tr("η = 0.005, 2,000 iterations, cost every 100, w = 0"))
        self.run_box.setTitle(self.tr("Training"))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.start_button.setToolTip(self.tr("Train from the start with these settings (Space)"))
        self.stop_button.setToolTip(self.tr("Stop training (the model is only evaluated after the last step)"))
        self.progress.setToolTip(self.tr("Iterations done"))
        self.result_box.setTitle(self.tr("Accuracy"))
        self.train_acc_label.setText(self.tr("Train"))
        self.test_acc_label.setText(self.tr("Test"))
        self.train_acc_value.setToolTip(self.tr("Share of the 209 training pictures classified right, as the "
                                                "lessons print it"))
        self.test_acc_value.setToolTip(self.tr("Share of the 50 test pictures (never seen in training) "
                                               "classified right"))
        # data page
        self.need_title.setText(self.tr("This experiment needs the cat / non-cat data set"))
        self.need_text.setText(self.tr(
            "<p>Open the folder that holds the lessons' two files:</p>"
            "<ul><li><b>train_catvnoncat.h5</b> — 209 training pictures (72 cats)</li>"
            "<li><b>test_catvnoncat.h5</b> — 50 test pictures (33 cats)</li></ul>"
            "<p>Learners usually have them in the <b>datasets/</b> folder beside the lessons' notebooks "
            "(the folder that <code>load_dataset()</code> reads: datasets/train_catvnoncat.h5). "
            "Click <i>Open folder…</i> and choose that folder; the app remembers it.</p>"))
        self.show_train.setText(self.tr("Training set"))
        self.show_test.setText(self.tr("Test set"))
        self.show_train.setToolTip(self.tr("Show the 209 training pictures with their labels"))
        self.show_test.setToolTip(self.tr("Show the 50 test pictures with their labels"))
        # cost page
        self.cost_plot.set_labels(self.tr("iteration"), self.tr("cost J"),
                                  self.tr("Cost J(w, b) during gradient descent"))
        legend = self.cost_plot.getPlotItem().legend
        legend.clear()
        legend.addItem(self.cost_curve, self.tr("every iteration"))
        legend.addItem(self.cost_points, self.tr("recorded (printed)"))
        self.printout_title.setText(self.tr("What the lessons print:"))
        self.printout.setToolTip(self.tr("The recorded costs, in the lessons' format"))
        # rates page
        self.rates_label.setText(self.tr("Learning rates"))
        self.rates_edit.setToolTip(self.tr("Learning rates to compare, separated by commas (Enter runs)"))
        self.compare_iter_label.setText(self.tr("Iterations"))
        self.compare_iter_spin.setToolTip(self.tr("Iterations per learning rate (the lessons' plot uses 1,500)"))
        self.compare_button.setText(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Train one model per learning rate, from w = 0, and draw their "
                                               "costs together"))
        self.compare_stop_button.setText(self.tr("Stop"))
        self.compare_stop_button.setToolTip(self.tr("Stop the comparison"))
        self.compare_progress.setToolTip(self.tr("Iterations done over all learning rates"))
        self.compare_plot.set_labels(self.tr("iteration"), self.tr("cost J"),
                                     self.tr("Cost for different learning rates"))
        self.compare_table.setHorizontalHeaderLabels(
            [self.tr("learning rate η"), self.tr("last cost"), self.tr("train accuracy %"),
             self.tr("test accuracy %")])
        # results page
        self.weights_title.setText(self.tr("The learned weights w"))
        self.weights_note.setText(self.tr(
            "The 12,288 weights reshaped to 64×64×3 and stretched from the smallest (dark) to the largest "
            "(bright). Bright pixels push the answer toward “cat”."))
        self.weights_image.setToolTip(self.tr("w as a picture (shown 3× larger)"))
        self.results_grid.setToolTip(self.tr("Test pictures with the prediction and ŷ = P(cat); wrong ones are "
                                             "framed"))
        # own image page
        self.own_open_button.setText(self.tr("Open image…"))
        self.own_open_button.setToolTip(self.tr("Choose a PNG or JPEG picture to classify"))
        self.own_hint.setText(self.tr("…or drop a picture file here. It is resized to 64×64 pixels, "
                                      "like the training pictures, and given to the trained model."))
        self.own_original_caption.setText(self.tr("your picture"))
        self.own_small_caption.setText(self.tr("what the model sees (64×64)"))
        # vectorisation page
        self.vector_intro.setText(self.tr(
            "The same dot product c = Σ a_i·b_i of two random vectors, once with a Python for-loop and "
            "once with NumPy's np.dot, which runs the loop in compiled code. Each is timed 3 times; the "
            "fastest run counts."))
        self.vector_n_label.setText(self.tr("Elements n"))
        self.vector_n_spin.setToolTip(self.tr("Length of the two vectors (the lessons use 100,000)"))
        self.vector_button.setText(self.tr("Run"))
        # the code as the lessons write it (a translator keeps it, or translates only a comment added to it)
        self.loop_code.setText(self.tr("c = 0\nfor i in range(n):\n    c += a[i] * b[i]"))
        self.dot_code.setText(self.tr("c = np.dot(a, b)"))
        self.vector_button.setToolTip(self.tr("Time the for-loop and np.dot"))
        self.loop_title.setText(self.tr("Python for-loop"))
        self.dot_title.setText(self.tr("Vectorised: np.dot"))
        # page titles and explanation
        for i, text in enumerate((self.tr("Data"), self.tr("Cost"), self.tr("Learning rates"), self.tr("Results"),
                                  self.tr("Your image"), self.tr("Vectorisation"))):
            self.pages.setTabText(i, text)
        self.explanations = {
            "data": self.tr(
                "<h3>The data</h3><p>Each picture is 64×64 pixels with 3 colour values: 12,288 numbers. "
                "Logistic regression sees them as one long vector x, flattened and divided by 255:</p>"
                "<p><code>X = images.reshape(m, −1) / 255</code></p>"
                "<p>The label y is 1 for a cat and 0 for anything else.</p>"),
            "cost": self.tr(
                "<h3>One neuron</h3>"
                "<p>z = w·x + b<br>ŷ = σ(z) = 1 / (1 + e<sup>−z</sup>)</p>"
                "<p><b>Loss</b> of one picture:<br>L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))</p>"
                "<p><b>Cost</b>: the mean over all m pictures<br>J(w, b) = (1/m) Σ L</p>"
                "<p><b>Gradients</b> (backward):<br>dz = ŷ − y<br>dw = (1/m) Xᵀ dz<br>db = (1/m) Σ dz</p>"
                "<p><b>Gradient descent</b>, all 209 pictures at every step:<br>"
                "w ← w − η·dw<br>b ← b − η·db</p>"
                "<p>Starting from w = 0, ŷ = 0.5 for every picture and J = log 2 = 0.693147.</p>"),
            "rates": self.tr(
                "<h3>The learning rate</h3><p>η is a hyperparameter: chosen by hand, not learned.</p>"
                "<p>Too large and the cost jumps about (or even grows); too small and it falls so slowly "
                "that 1,500 iterations are not enough.</p><p>The lessons compare η = 0.01, 0.001 and "
                "0.0001. The fastest fall in the training cost does not promise the best test accuracy.</p>"),
            "results": self.tr(
                "<h3>Overfitting</h3><p>With the lessons' settings the model gets 99 % of the training "
                "pictures right but only 70 % of the test pictures.</p><p>It has 12,289 parameters and only "
                "209 examples: it learns the training pictures almost by heart instead of what makes a cat. "
                "More data, regularisation or stopping earlier help; a single neuron is also simply a weak "
                "model for pictures.</p><p>A prediction is “cat” when ŷ > 0.5.</p>"),
            "own": self.tr(
                "<h3>Your own picture</h3><p>The picture is squeezed to 64×64 pixels (as in the lessons), "
                "flattened to 12,288 values / 255 and put through ŷ = σ(w·x + b).</p>"
                "<p>Expect mistakes: the model was trained on 209 small pictures and reaches 70 % on new "
                "ones.</p>"),
            "vector": self.tr(
                "<h3>Vectorisation</h3><p>Training computes Xᵀ(ŷ − y) over 209 × 12,288 numbers at every "
                "step. Written as Python for-loops this would take seconds per step; as one NumPy call "
                "(np.dot, @) it takes about a millisecond.</p><p>Rule of thumb: avoid explicit for-loops "
                "over data; use whole-array operations such as np.dot, np.exp, np.log, np.sum.</p>"),
        }
        self.show_explanation()
        self.refresh_all()

    def show_explanation(self, *_):
        self.explanation.setHtml(self.explanations[PAGES[self.pages.currentIndex()]])

    # ================================================================== data
    def open_folder(self):
        start = self.state.folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with train_catvnoncat.h5 and test_catvnoncat.h5"), start)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder) -> bool:
        """Load the two files from `folder` (what Open folder… does); a bad folder shows what is wrong."""
        from engine.data.datasets import DatasetError, load_catvnoncat

        folder = str(folder)
        self.stop_training()
        self.stop_compare()
        try:
            data = load_catvnoncat(folder)
        except (DatasetError, OSError) as exc:
            self.state.data_error = str(exc)
            self.state.folder = folder
            self.set_data(None)
            return False
        self.state.folder = folder
        self.state.data_error = ""
        self.set_data(data)
        return True

    def set_data(self, data):
        s = self.state
        s.data = data
        s.model, s.costs, s.train_accuracy, s.test_accuracy = None, [], None, None
        s.compare_results = []
        if data is None:
            self._arrays = None
            s.counts = {}
        else:
            train_x, train_y, test_x, test_y, _ = data
            self._arrays = (flatten_images(train_x), train_y, flatten_images(test_x), test_y)
            s.counts = logistic_lab.summary(train_y, test_y)
        self.cost_curve_data = np.zeros(0)
        self.cost_filled = 0
        self.clear_compare_plot()
        self.refresh_all()
        if data is not None:
            self.refresh_data_grid()

    def find_default_folder(self):
        """A folder in the user's data folder that holds both files, or ''."""
        base = app_settings_module.data_dir()  # looked up at call time (tests isolate it)
        for folder in (base / "catvnoncat", base / "datasets", base):
            if (folder / TRAIN_FILE).is_file() and (folder / TEST_FILE).is_file():
                return str(folder)
        return ""

    # ================================================================== training
    def set_init(self, index):
        self.state.init = "random" if index == 1 else "zeros"
        self.seed_spin.setEnabled(self.state.init == "random")

    def lesson_defaults(self):
        self.lr_spin.setValue(0.005)
        self.iter_spin.setValue(2000)
        self.record_spin.setValue(100)
        self.init_combo.setCurrentIndex(0)

    def is_training(self):
        return self.worker is not None and self.worker.isRunning()

    def start_or_pause(self):
        if self.is_training():
            self.toggle_pause()
        elif self.start_button.isEnabled():
            self.start_training()

    def start_training(self):
        s = self.state
        if self._arrays is None or self.is_training():
            return
        X, y, X_test, y_test = self._arrays
        lr, iters, every, init, seed = s.learning_rate, s.num_iterations, s.record_every, s.init, s.seed
        s.model, s.costs, s.train_accuracy, s.test_accuracy = None, [], None, None
        self._run_id += 1
        run = self._run_id
        self.cost_curve_data = np.full(iters, np.nan)
        self.cost_filled = 0
        self.printout.clear()
        self.progress.setRange(0, iters)
        self.cost_plot.setXRange(0, iters, padding=0.02)  # fixed: the axis is not redrawn every frame
        self.progress.setValue(0)
        self._started = time.perf_counter()
        self._rate_ref = (self._started, 0)
        self._last_step = 0
        self._status = "running"
        self._message = ""
        self.worker = w = self._make_worker(lambda: logistic_lab.train_live(
            X, y, X_test, y_test, learning_rate=lr, num_iterations=iters, record_every=every, init=init,
            seed=seed))
        w.events.connect(lambda batch: self.on_train_events(run, batch))
        w.done.connect(lambda finished: self.on_train_done(run, finished))
        w.failed.connect(lambda message: self.on_train_failed(run, message))
        w.paused_changed.connect(lambda paused: self.on_paused(run, paused))
        self.redraw()
        self.redraw_timer.start()
        w.start()
        self.pages.setCurrentIndex(PAGES.index("cost"))
        self.refresh_all()

    def _make_worker(self, make_job):
        from gui.worker import Worker

        return Worker(make_job, parent=self)

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
        self._status = "paused" if paused else "running"
        if not paused:
            self._rate_ref = (time.perf_counter(), self._last_step)
        self.refresh_run_controls()

    def stop_training(self):
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop()

    def on_train_events(self, run, batch):
        if run != self._run_id:
            return
        s = self.state
        new_lines = []
        finished = False
        for event in batch:
            kind = event["kind"]
            if kind == "step":
                i = event["iteration"]
                self.cost_curve_data[i - 1] = event["cost"]
                self.cost_filled = i
                self._last_step = i
            elif kind == "cost":
                s.costs.append((event["iteration"], event["cost"]))
                new_lines.append(self.tr("Cost after iteration %1: %2")
                                 .replace("%1", str(event["iteration"])).replace("%2", f"{event['cost']:f}"))
            elif kind == "done":
                s.model = event["model"]
                s.train_accuracy = event["train_accuracy"]
                s.test_accuracy = event["test_accuracy"]
                finished = True
        if new_lines:
            self.printout.appendPlainText("\n".join(new_lines))
        if finished:  # the model is final: show everything it gives at once
            self._status = "finished"
            self._finished_in = time.perf_counter() - self._started
            self.redraw()
            self.refresh_accuracy()
            self.refresh_results()
            self.refresh_own()
        self.refresh_progress()

    def on_train_done(self, run, finished):
        if run != self._run_id:
            return
        if self._status != "finished":
            self._status = "stopped"
        if not self.is_comparing():
            self.redraw_timer.stop()
        self.redraw()
        self.refresh_run_controls()
        self.refresh_progress()

    def on_train_failed(self, run, message):
        if run != self._run_id:
            return
        self._status = "failed"
        self._message = message
        if not self.is_comparing():
            self.redraw_timer.stop()
        self.redraw()
        self.refresh_run_controls()
        self.refresh_progress()

    def redraw(self):
        grow(self.cost_curve, np.arange(self.cost_filled), self.cost_curve_data[:self.cost_filled])
        costs = self.state.costs
        grow(self.cost_points, [i for i, _ in costs], [c for _, c in costs])
        for curve, (data, filled) in zip(self.compare_curves, self.compare_data, strict=True):
            grow(curve, np.arange(filled), data[:filled])

    # ================================================================== learning-rate comparison
    def is_comparing(self):
        return self.compare_worker is not None and self.compare_worker.isRunning()

    def clear_compare_plot(self):
        for curve in self.compare_curves:
            self.compare_plot.removeItem(curve)
        self.compare_plot.getPlotItem().legend.clear()
        self.compare_curves, self.compare_data = [], []
        self.compare_table.setRowCount(0)
        self.compare_progress.setValue(0)
        self.compare_status.setText("")
        self.compare_status.setStyleSheet("")

    def start_compare(self):
        s = self.state
        if self._arrays is None or self.is_comparing():
            return
        try:
            rates = logistic_lab.parse_learning_rates(s.compare_rates)
        except logistic_lab.LearningRateError as exc:
            self.compare_status.setStyleSheet(ERROR_STYLE)
            self.compare_status.setText(self.rates_error_text(exc))
            return
        self.clear_compare_plot()
        X, y, X_test, y_test = self._arrays
        iters = s.compare_iterations
        s.compare_results = []
        self._compare_id += 1
        run = self._compare_id
        for k, lr in enumerate(rates):
            curve = self.compare_plot.plot(pen=pen(k, CURVE_WIDTH), name=f"η = {lr:g}")
            self.compare_curves.append(curve)
            self.compare_data.append((np.full(iters, np.nan), 0))
        self.compare_table.setRowCount(len(rates))
        for k, lr in enumerate(rates):
            self._set_compare_row(k, [f"{lr:g}", "", "", ""])
        self.compare_progress.setRange(0, len(rates) * iters)
        self.compare_plot.setXRange(0, iters, padding=0.02)
        self.compare_status.setText(self.tr("Running…"))
        self.compare_worker = w = self._make_worker(lambda: logistic_lab.compare_learning_rates(
            X, y, X_test, y_test, learning_rates=rates, num_iterations=iters))
        w.events.connect(lambda batch: self.on_compare_events(run, batch))
        w.done.connect(lambda finished: self.on_compare_done(run, finished))
        w.failed.connect(lambda message: self.on_compare_failed(run, message))
        self.redraw_timer.start()
        w.start()
        self.refresh_run_controls()

    def rates_error_text(self, exc):
        if exc.reason == "number":
            return self.tr("“%1” is not a number: enter learning rates like 0.01, 0.001, 0.0001").replace(
                "%1", exc.item)
        if exc.reason == "positive":
            return self.tr("“%1” is not a positive learning rate").replace("%1", exc.item)
        if exc.reason == "count":
            return self.tr("At most %1 learning rates at once").replace("%1", str(logistic_lab.MAX_RATES))
        return self.tr("Enter learning rates separated by commas, e.g. 0.01, 0.001, 0.0001")

    def _set_compare_row(self, k, texts):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setForeground(pg.mkColor(COLORS[k % len(COLORS)]))
            self.compare_table.setItem(k, c, item)

    def on_compare_events(self, run, batch):
        if run != self._compare_id:
            return
        overall = None
        for event in batch:
            kind = event["kind"]
            if kind == "step":
                k = event["index"]
                data, _ = self.compare_data[k]
                data[event["iteration"] - 1] = event["cost"]
                self.compare_data[k] = (data, event["iteration"])
                overall = event["overall"]
            elif kind == "run_done":
                k = event["index"]
                self.state.compare_results.append(event)
                data, filled = self.compare_data[k]
                self._set_compare_row(k, [f"{event['learning_rate']:g}", f"{data[filled - 1]:.6f}",
                                          str(event["train_accuracy"]), str(event["test_accuracy"])])
            elif kind == "run_diverged":
                k = event["index"]
                self.state.compare_results.append(event)
                self._set_compare_row(k, [f"{event['learning_rate']:g}",
                                          self.tr("diverged at iteration %1").replace("%1",
                                                                                      str(event["iteration"])),
                                          "—", "—"])
        if overall is not None:
            self.compare_progress.setValue(overall)

    def on_compare_done(self, run, finished):
        if run != self._compare_id:
            return
        if not self.is_training():
            self.redraw_timer.stop()
        self.redraw()
        self.compare_status.setStyleSheet("")
        self.compare_status.setText(self.tr("Done.") if finished else self.tr("Stopped."))
        self.refresh_run_controls()

    def on_compare_failed(self, run, message):
        if run != self._compare_id:
            return
        self.redraw()
        self.compare_status.setStyleSheet(ERROR_STYLE)
        self.compare_status.setText(self.tr("The comparison failed: %1").replace("%1", message))
        self.refresh_run_controls()

    def stop_compare(self):
        if self.compare_worker is not None and self.compare_worker.isRunning():
            self.compare_worker.stop()

    # ================================================================== your own image
    def open_image(self):
        formats = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Picture to classify"), self.state.own_path,
                                              self.tr("Pictures (%1)").replace("%1", formats))
        if path:
            self.classify_file(path)

    def classify_file(self, path) -> bool:
        """Read a picture (Qt's image reader), squeeze it to 64×64 RGB, keep it and classify it."""
        path = str(path)
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        image = reader.read()
        name = Path(path).name
        if image.isNull():
            self.own_error.setText(self.tr("Cannot read %1 as a picture: %2").replace("%1", name)
                                   .replace("%2", reader.errorString()))
            return False
        self.own_error.setText("")
        small = image.scaled(IMAGE_SIZE[1], IMAGE_SIZE[0], Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        self.state.own_image = array_from_qimage(small)
        self.state.own_path = path
        self._own_pixmap = QPixmap.fromImage(image)
        self.pages.setCurrentIndex(PAGES.index("own"))
        self.refresh_own()
        return True

    # ================================================================== vectorisation
    def run_vectorisation(self):
        if self.vector_worker is not None and self.vector_worker.isRunning():
            return
        n = self.state.vector_n
        self.loop_time.setText("…")
        self.dot_time.setText("…")
        self.vector_ratio.setText("")
        self.vector_values.setText("")
        self.vector_button.setEnabled(False)
        self.vector_worker = w = self._make_worker(lambda: logistic_lab.vectorisation_demo(n))
        w.events.connect(self.on_vector_events)
        w.done.connect(lambda _: self.vector_button.setEnabled(True))
        w.failed.connect(self.on_vector_failed)
        w.start()

    @staticmethod
    def _ms(value):
        return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"

    def on_vector_events(self, batch):
        for event in batch:
            if event["kind"] == "loop":
                self.loop_time.setText(self._ms(event["ms"]))
            elif event["kind"] == "dot":
                self.dot_time.setText(self._ms(event["ms"]))
            elif event["kind"] == "done":
                self.vector_result = event
                self.vector_ratio.setText(self.tr("np.dot is %1 times faster").replace(
                    "%1", f"{event['ratio']:,.0f}"))
                self.vector_values.setText(
                    self.tr("The same c (n = %1): loop %2, np.dot %3. The last digits may differ: the two "
                            "add the products in a different order, and floating-point rounding depends on it.")
                    .replace("%1", f"{event['n']:,}").replace("%2", repr(event["loop_value"]))
                    .replace("%3", repr(event["dot_value"])))

    def on_vector_failed(self, message):
        self.vector_button.setEnabled(True)
        self.vector_ratio.setText(self.tr("The demo failed: %1").replace("%1", message))

    # ================================================================== views
    def refresh_all(self):
        if not hasattr(self, "explanations"):
            return
        self.refresh_data_view()
        self.refresh_run_controls()
        self.refresh_progress()
        self.refresh_accuracy()
        self.refresh_results()
        self.refresh_own()

    def refresh_data_view(self):
        s = self.state
        self.folder_label.setText(s.folder if s.folder else self.tr("No folder chosen yet."))
        if s.data is None:
            self.data_stack.setCurrentIndex(0)
            self.data_status.setStyleSheet(ERROR_STYLE if s.data_error else "")
            if s.data_error:
                text = self.tr("Cannot use this folder: %1").replace("%1", s.data_error)
            else:
                text = self.tr("Needs train_catvnoncat.h5 and test_catvnoncat.h5.")
            self.data_status.setText(text)
            self.need_error.setText(text if s.data_error else "")
            return
        self.data_status.setStyleSheet("")
        self.data_status.setText(self.counts_text())
        self.data_counts.setText(self.counts_text())
        self.data_stack.setCurrentIndex(1)

    def counts_text(self):
        c = self.state.counts
        return (self.tr("Training: %1 pictures, %2 cats").replace("%1", str(c["train"]))
                .replace("%2", str(c["train_cats"])) + "\n"
                + self.tr("Test: %1 pictures, %2 cats").replace("%1", str(c["test"]))
                .replace("%2", str(c["test_cats"])))

    def refresh_data_grid(self):
        s = self.state
        if s.data is None:
            self.data_grid.set_images(np.zeros((0, 64, 64, 3), np.uint8), [])
            return
        train_x, train_y, test_x, test_y, _ = s.data
        images, labels = (test_x, test_y) if self.show_test.isChecked() else (train_x, train_y)
        captions = [self.class_name(t) for t in labels]
        which = self.tr("Test picture %1: %2") if self.show_test.isChecked() else self.tr("Training picture %1: %2")
        tips = [which.replace("%1", str(k)).replace("%2", c) for k, c in enumerate(captions)]
        self.data_grid.set_images(images, captions, tooltips=tips)

    def refresh_run_controls(self):
        has_data = self._arrays is not None
        running = self.is_training()
        paused = running and self.worker.is_paused()
        self.start_button.setEnabled(has_data and not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Continue training (Space)") if paused
                                     else self.tr("Pause training (Space)"))
        for w in (self.lr_spin, self.iter_spin, self.record_spin, self.init_combo, self.defaults_button):
            w.setEnabled(not running)
        self.seed_spin.setEnabled(not running and self.state.init == "random")
        comparing = self.is_comparing()
        self.compare_button.setEnabled(has_data and not comparing)
        self.compare_stop_button.setEnabled(comparing)
        self.rates_edit.setEnabled(not comparing)
        self.compare_iter_spin.setEnabled(not comparing)

    def refresh_progress(self):
        status = getattr(self, "_status", "idle")
        done = getattr(self, "_last_step", 0)
        total = self.progress.maximum()
        self.progress.setValue(done)
        if status == "running":
            t0, step0 = self._rate_ref
            elapsed = time.perf_counter() - t0
            rate = (done - step0) / elapsed if elapsed > 0 and done > step0 else 0.0
            text = self.tr("Iteration %1 of %2").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
            if rate > 0:
                text += " · " + self.tr("%1 it/s, %2 s left").replace("%1", f"{rate:,.0f}").replace(
                    "%2", f"{(total - done) / rate:.1f}")
        elif status == "paused":
            text = self.tr("Paused at iteration %1.").replace("%1", f"{done:,}")
        elif status == "finished":
            text = self.tr("Finished: %1 iterations in %2 s.").replace("%1", f"{done:,}").replace(
                "%2", f"{self._finished_in:.1f}")
        elif status == "stopped":
            text = self.tr("Stopped at iteration %1: the accuracies are measured only after the last "
                           "iteration.").replace("%1", f"{done:,}")
        elif status == "failed":
            if self._message.startswith("Diverged"):
                text = self.tr("The cost stopped being a finite number (it diverged): lower the learning rate.")
            else:
                text = self.tr("Training failed: %1").replace("%1", self._message)
        elif self._arrays is None:
            text = self.tr("Open the data folder first.")
        else:
            text = self.tr("Ready: press Start.")
        self.progress_label.setStyleSheet(ERROR_STYLE if status == "failed" else "")
        self.progress_label.setText(text)

    def refresh_accuracy(self):
        s = self.state
        self.train_acc_value.setText("—" if s.train_accuracy is None else f"{s.train_accuracy} %")
        self.test_acc_value.setText("—" if s.test_accuracy is None else f"{s.test_accuracy} %")
        if s.train_accuracy is None:
            self.overfit_label.setText("")
        elif logistic_lab.is_overfitting(s.train_accuracy, s.test_accuracy):
            self.overfit_label.setText(self.tr(
                "The model overfits: it classifies almost every training picture right but far fewer new "
                "ones. It has learned the 209 training pictures rather than what makes a cat."))
        else:
            self.overfit_label.setText(self.tr(
                "Train and test accuracy are close: the model does about as well on new pictures."))

    def refresh_results(self):
        s = self.state
        if s.model is None or s.data is None:
            self.results_grid.set_images(np.zeros((0, 64, 64, 3), np.uint8), [])
            self.results_summary.setText(self.tr("Train the model (Start) to see its answers on the test "
                                                 "pictures."))
            self.weights_image.setPixmap(pixmap_from_array(np.full((64, 64, 3), 0.5), 3))
            return
        _, _, test_x, test_y, _ = s.data
        p = logistic_lab.predictions(s.model, test_x, test_y)
        captions, tips = [], []
        for k in range(len(test_y)):
            mark = "✗ " if not p["correct"][k] else ""
            captions.append(f"{mark}{self.class_name(p['predicted'][k])}\nŷ = {p['proba'][k]:.2f}")
            tips.append(self.tr("Test picture %1: it is a %2; the model says %3 (ŷ = P(cat) = %4)")
                        .replace("%1", str(k)).replace("%2", self.class_name(test_y[k]))
                        .replace("%3", self.class_name(p["predicted"][k])).replace("%4", f"{p['proba'][k]:.4f}"))
        self.results_grid.set_images(test_x, captions, marked=~p["correct"], tooltips=tips)
        wrong = int(np.sum(~p["correct"]))
        self.results_summary.setText(
            self.tr("Test pictures: %1 of %2 right, %3 wrong (framed, ✗).").replace("%1", str(len(test_y) - wrong))
            .replace("%2", str(len(test_y))).replace("%3", str(wrong)))
        self.weights_image.setPixmap(pixmap_from_array(logistic_lab.weights_image(s.model.params["w"]), 3))

    def refresh_own(self):
        s = self.state
        if s.own_image is None:
            self.own_original.setPixmap(QPixmap())
            self.own_original.setText(self.tr("Drop a picture here"))
            self.own_small.setPixmap(QPixmap())
            self.own_result.setText("")
            self.own_detail.setText("")
            return
        self.own_original.setText("")
        room = self.own_original.size().boundedTo(QSize(420, 420)).expandedTo(QSize(180, 180))
        self.own_original.setPixmap(self._own_pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
        self.own_small.setPixmap(pixmap_from_array(s.own_image, 3))
        name = Path(s.own_path).name
        if s.model is None:
            self.own_result.setText(self.tr("Train the model first (Start on the left), then the picture "
                                            "is classified."))
            self.own_detail.setText(name)
            return
        label, proba = logistic_lab.classify(s.model, s.own_image)
        self.own_result.setText(self.tr("The model says: %1").replace("%1", self.class_name(label)))
        self.own_detail.setText(self.tr("%1: ŷ = P(cat) = %2 (cat when ŷ > 0.5)").replace("%1", name)
                                .replace("%2", f"{proba:.4f}"))

    # ================================================================== lifecycle
    def shutdown(self):
        self.redraw_timer.stop()
        for w in (self.worker, self.compare_worker, self.vector_worker):
            if w is not None and w.isRunning():
                w.stop()

    def save_settings(self, settings):
        for name in CatState.SAVED:
            settings.setValue(name, getattr(self.state, name))
        settings.setValue("page", self.pages.currentIndex())

    def restore_settings(self, settings):
        defaults = CatState()
        values = {}
        for name in CatState.SAVED:
            default = getattr(defaults, name)
            raw = settings.value(name, default)
            if isinstance(raw, list):  # an INI value with commas comes back as a list
                raw = ", ".join(str(v) for v in raw)
            try:
                values[name] = type(default)(raw)
            except (TypeError, ValueError):
                values[name] = default
        self.lr_spin.setValue(values["learning_rate"])
        self.iter_spin.setValue(values["num_iterations"])
        self.record_spin.setValue(values["record_every"])
        self.init_combo.setCurrentIndex(1 if values["init"] == "random" else 0)
        self.seed_spin.setValue(values["seed"])
        self.rates_edit.setText(values["compare_rates"])
        self.compare_iter_spin.setValue(values["compare_iterations"])
        self.vector_n_spin.setValue(values["vector_n"])
        try:
            self.pages.setCurrentIndex(int(settings.value("page", 0)))
        except (TypeError, ValueError):
            pass
        folder = values["folder"] or self.find_default_folder()
        if folder:
            self.set_folder(folder)
