"""Cat / non-cat: the lessons' logistic regression (one neuron on 64×64×3 pictures), trained live.

The panel assembles its parts on the shared run lifecycle (RunPanel: Start / Pause / Stop, Space, progress,
redraw timer, outcome): the controls column (controls.py), six pages — Data, Cost, Learning rates, Results,
Your image, Vectorisation (one module each) — and the explanation of the page shown. Its one state is
state.CatState. Three jobs go through the RunController: "train" (engine.lab.logistic.train_live), "compare"
(compare_learning_rates) and "vector" (vectorisation_demo, started by its page).
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QTabWidget, QVBoxLayout

from engine.lab import logistic as logistic_lab
from engine.training import flatten_images
from gui import settings as app_settings_module
from gui.run import Status
from gui.tabs.training.cat.controls import AccuracyBox, DataBox, SettingsBox
from gui.tabs.training.cat.cost_page import CostPage
from gui.tabs.training.cat.data_page import DataPage
from gui.tabs.training.cat.own_page import OwnPage
from gui.tabs.training.cat.rates_page import RatesPage
from gui.tabs.training.cat.results_page import ResultsPage
from gui.tabs.training.cat.state import LIMITS, PAGES, CatState, Curve
from gui.tabs.training.cat.vector_page import VectorPage
from gui.tabs.training.column import compact_column
from gui.tabs.training.outcome import Outcome
from gui.tabs.training.run_panel import TRAIN, RunPanel
from gui.widgets.explanation import Explanation
from gui.widgets.panel_helpers import ERROR_STYLE, experiment_layout, muted

TRAIN_FILE, TEST_FILE = "train_catvnoncat.h5", "test_catvnoncat.h5"
COMPARE = "compare"  # the RunController's name of the learning-rate comparison
LOAD = "load"  # … and of loading a folder


def load_job(folder):
    """A job: the two files of `folder` read and checked (engine.data.datasets.load_catvnoncat), flattened and
    counted, as one "data" event; any fault ends the job with the message naming the file."""
    from engine.data.datasets import load_catvnoncat

    data = load_catvnoncat(folder)
    yield None  # a point where Stop and quit are honoured
    train_x, train_y, test_x, test_y, _ = data
    arrays = (flatten_images(train_x), train_y, flatten_images(test_x), test_y)
    counts = logistic_lab.summary(train_y, test_y)
    yield {"kind": "data", "data": data, "arrays": arrays, "counts": counts}


class CatPanel(RunPanel):
    """The cat / non-cat experiment in the Training tab."""

    key = "training_cat"

    def __init__(self):
        super().__init__()
        self.state = CatState()
        self._started = 0.0  # perf_counter at the start of the training run
        self._build()
        self.retranslate()

    def _build(self):
        s = self.state
        self.data_box, self.settings_box, self.accuracy_box = DataBox(s), SettingsBox(s), AccuracyBox(s)
        self.data_box.open_button.clicked.connect(self.open_folder)
        self.run_box = QGroupBox()
        column = QVBoxLayout(self.run_box)
        column.addLayout(self.run_buttons())
        column.addWidget(self.progress)
        muted(self.progress.label)
        self.data_page = DataPage(s, self.data_box.status_text, self.class_name)
        self.data_page.need_open_button.clicked.connect(self.open_folder)
        self.cost_page = CostPage(s)
        self.rates_page = RatesPage(s)
        self.rates_page.compare_button.clicked.connect(self.start_compare)
        self.rates_page.rates_edit.returnPressed.connect(self.start_compare)
        self.rates_page.compare_stop_button.clicked.connect(self.stop_compare)
        self.results_page = ResultsPage(s, self.class_name)
        self.own_page = OwnPage(s, self.class_name)
        self.own_page.chosen.connect(lambda: self.show_page("own"))
        self.vector_page = VectorPage(s, self.runs)
        self.page_widgets = (self.data_page, self.cost_page, self.rates_page, self.results_page, self.own_page,
                             self.vector_page)
        self.pages = QTabWidget()
        for page in self.page_widgets:
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self.on_page_changed)
        self.explanation = Explanation()
        boxes = (self.data_box, self.settings_box, self.run_box, self.accuracy_box)
        self.splitter = experiment_layout(self, boxes, self.pages, self.explanation, (290, 700, 260))
        compact_column(boxes)  # the accuracies in sight at 1280×720, also after a run

    # ================================================================== texts
    def title(self):
        return self.tr("Cat / non-cat (logistic regression)")

    def class_name(self, label) -> str:
        """The data set's class name for label 0 / 1, translated when it is one we know."""
        names = {"cat": self.tr("cat"), "non-cat": self.tr("non-cat")}
        classes = self.state.data[4] if self.state.data is not None else ["non-cat", "cat"]
        name = str(classes[int(label)]) if int(label) < len(classes) else str(label)
        return names.get(name, name)

    def retranslate(self):
        super().retranslate()
        self.run_box.setTitle(self.tr("Training"))
        self.start_button.setToolTip(self.tr("Train from the start with these settings (Space)"))
        self.stop_button.setToolTip(self.tr("Stop training (the model is only evaluated after the last step)"))
        self.progress.setToolTip(self.tr("Iterations done"))
        for i, text in enumerate((self.tr("Data"), self.tr("Cost"), self.tr("Learning rates"), self.tr("Results"),
                                  self.tr("Your image"), self.tr("Vectorisation"))):
            self.pages.setTabText(i, text)
        self.show_explanation()
        self.show_run_text()

    def show_explanation(self):
        self.explanation.setHtml(self.pages.currentWidget().explanation())

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))

    def on_page_changed(self, index: int) -> None:
        self.state.page = index
        self.show_explanation()

    # ================================================================== data
    def open_folder(self):
        start = self.state.folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with train_catvnoncat.h5 and test_catvnoncat.h5"), start)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder) -> bool:
        """Load the two files from `folder` on a worker (what Open folder… does; the GUI never reads HDF5 itself):
        the old data, results and message go at once; the new data or what is wrong with the folder follows.
        False when refused (the panel has shut down)."""
        if self.runs.closed:
            return False
        folder = str(folder)
        self.stop_training(Outcome.SWITCHED)
        self.stop_compare()
        s = self.state
        s.folder, s.data_error, s.loading = folder, "", True
        self.set_data(None)
        # read once the run and the comparison have ended (never beside them); an older load still running is
        # stopped first, and its late events are dropped: they name the old folder
        self.when_ended((TRAIN, COMPARE), lambda: self.run_job(
            LOAD, lambda: load_job(folder), events=lambda batch: self.on_loaded(folder, batch),
            failed=lambda message: self.on_load_failed(folder, message), done=lambda status: self.on_load_end(folder)))
        return True

    def is_loading(self) -> bool:
        return self.runs.is_running(LOAD) or self.is_waiting()

    def on_loaded(self, folder, batch):
        if folder != self.state.folder:
            return
        for event in batch:
            self.state.data_error = ""
            self.set_data(event["data"], event["arrays"], event["counts"])

    def on_load_failed(self, folder, message):
        if folder == self.state.folder:
            self.state.data_error = message
            self.on_load_end(folder)

    def on_load_end(self, folder):
        if folder == self.state.folder:
            self.state.loading = LOAD in self._queued  # a newer load of the same folder starts right after
            self.refresh_all()

    def set_data(self, data, arrays=None, counts=None):
        """New data (or none): the data, its flattened arrays and counts (made by load_job on the worker); the old
        model and curves are gone."""
        s = self.state
        s.data = data
        s.forget_results()
        s.forget_comparison()
        if data is None:
            s.arrays, s.counts = None, {}
        else:
            s.arrays, s.counts = arrays, counts
        self.progress.reset()
        self.refresh_all()

    def find_default_folder(self):
        """A folder in the user's data folder that holds both files, or ''."""
        base = app_settings_module.data_dir()  # looked up at call time (tests isolate it)
        for folder in (base / "catvnoncat", base / "datasets", base):
            if (folder / TRAIN_FILE).is_file() and (folder / TEST_FILE).is_file():
                return str(folder)
        return ""

    # ================================================================== training (RunPanel)
    def can_start(self):
        return self.state.arrays is not None and not self.is_loading()

    def start_training(self):
        s = self.state
        if s.arrays is None or self.is_training() or self.runs.closed:
            return
        X, y, X_test, y_test = s.arrays
        settings = {"learning_rate": s.learning_rate, "num_iterations": s.num_iterations,
                    "record_every": s.record_every, "init": s.init, "seed": s.seed, "lambd": s.lambd}
        s.forget_results()
        s.curve = Curve.for_run(s.num_iterations)
        self._started = time.perf_counter()
        self.start_run(lambda: logistic_lab.train_live(X, y, X_test, y_test, **settings), total=s.num_iterations)
        self.show_run_text()
        self.cost_page.start(s.num_iterations)
        self.show_model()
        self.show_page("cost")

    def on_run_events(self, batch):
        if self.run_status() is Status.STOPPING:
            return  # the last steps of a stopped run are not shown
        s = self.state
        for event in batch:
            kind = event["kind"]
            if kind == "step":
                s.curve.add(event["iteration"], event["cost"])
            elif kind == "cost":
                s.costs.append((event["iteration"], event["cost"]))
            elif kind == "diverged":
                s.message = event["message"]
                self.end_run_as(Outcome.DIVERGED)
            elif kind == "done":  # the model is final: show everything it gives at once
                s.model, s.train_accuracy, s.test_accuracy = (event["model"], event["train_accuracy"],
                                                              event["test_accuracy"])
                s.seconds = time.perf_counter() - self._started
                if s.test_accuracy is not None:
                    s.gaps = [*s.gaps[-1:], (event["model"].lambd, s.train_accuracy - s.test_accuracy)]
                self.redraw()
                self.show_model()

    def redraw(self):
        self.cost_page.refresh()
        self.rates_page.redraw()
        if self.is_training():
            self.show_progress(self.state.curve.filled)

    def on_run_end(self, outcome):
        self.redraw()
        self.show_progress(self.state.curve.filled)
        self.show_run_text()

    def show_run_text(self):
        """The line under the progress bar when no run is on: how the last one ended, or what to do first."""
        s = self.state
        self.progress.label.setStyleSheet(ERROR_STYLE if s.outcome in (Outcome.DIVERGED, Outcome.FAILED) else "")
        if self.is_training():
            return  # the progress bar tells the run's course
        done = f"{s.curve.filled:,}"
        ended = {
            Outcome.FINISHED: lambda: self.tr("Finished: %1 iterations in %2 s.").replace("%1", done)
            .replace("%2", f"{s.seconds:.1f}"),
            Outcome.STOPPED: lambda: self.tr("Stopped at iteration %1: the accuracies are measured only after the "
                                             "last iteration.").replace("%1", done),
            Outcome.DIVERGED: lambda: self.tr("The cost stopped being a finite number (it diverged): lower the "
                                              "learning rate."),
            Outcome.FAILED: lambda: self.tr("Training failed: %1").replace("%1", s.message),
        }
        if s.outcome in ended:
            self.progress.finish(ended[s.outcome]())
        elif s.arrays is None:  # no run yet, or it stopped for new data (Outcome.SWITCHED)
            self.progress.label.setText(self.tr("Open the data folder first."))
        else:
            self.progress.label.setText(self.tr("Ready: press Start."))

    def show_model(self):
        """What the trained model (or its absence) gives: the accuracies, the test answers, your image."""
        for part in (self.accuracy_box, self.results_page, self.own_page):
            part.refresh()

    # ================================================================== learning-rate comparison
    def is_comparing(self) -> bool:
        return self.runs.is_running(COMPARE)

    def keeps_redrawing(self):
        return self.is_comparing()

    def start_compare(self):
        s = self.state
        if s.arrays is None or self.is_comparing() or self.runs.closed:
            return
        try:
            rates = logistic_lab.parse_learning_rates(s.compare_rates)
        except logistic_lab.LearningRateError as exc:
            self.rates_page.show_rates_error(exc)
            return
        X, y, X_test, y_test = s.arrays
        iterations = s.compare_iterations
        self.runs.start(COMPARE, lambda: logistic_lab.compare_learning_rates(
            X, y, X_test, y_test, learning_rates=rates, num_iterations=iterations),
            events=self.on_compare_events, done=self.on_compare_done, failed=self.on_compare_failed)
        self.rates_page.begin(rates)
        self.redraw_timer.start()
        self.refresh_run_controls()

    def on_compare_events(self, batch):
        if self.runs.status(COMPARE) is not Status.STOPPING:
            self.rates_page.on_events(batch)

    def on_compare_done(self, status: Status) -> None:
        self.compare_ended(("done" if status is Status.FINISHED else "stopped", ""))

    def on_compare_failed(self, message: str) -> None:
        self.compare_ended(("failed", message))

    def compare_ended(self, note: tuple) -> None:
        """The comparison's thread has ended: the note says how; the redraw timer stops unless a run goes on."""
        self.state.compare_note = note
        if not self.is_training():
            self.redraw_timer.stop()
        self.rates_page.refresh()
        self.refresh_run_controls()

    def stop_compare(self):
        self.runs.stop(COMPARE)

    # ================================================================== views
    def refresh_all(self):
        for part in (self.data_box, self.settings_box, self.accuracy_box, *self.page_widgets):
            part.refresh()
        self.refresh_run_controls()
        self.show_run_text()

    def refresh_run_controls(self):
        super().refresh_run_controls()
        self.settings_box.set_running(self.is_training())
        self.rates_page.set_running(self.is_comparing(), self.state.arrays is not None)

    # ================================================================== settings
    def save_settings(self, settings):
        for name in CatState.SAVED:
            settings.setValue(name, getattr(self.state, name))

    def restore_settings(self, settings):
        """The saved choices into the state (a bad or missing one falls back to its default), then the widgets
        and the data from the state."""
        defaults = CatState()
        for name in CatState.SAVED:
            value = app_settings_module.read(settings, name, getattr(defaults, name), **LIMITS.get(name, {}))
            setattr(self.state, name, value)
        rates = settings.value("compare_rates")
        if isinstance(rates, list):  # an INI value with commas may come back as a list
            self.state.compare_rates = ", ".join(str(v) for v in rates)
        self.pages.setCurrentIndex(self.state.page)
        folder = self.state.folder or self.find_default_folder()
        if folder:
            self.set_folder(folder)
        else:
            self.refresh_all()
