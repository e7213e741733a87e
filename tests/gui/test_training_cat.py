"""The cat / non-cat panel driven like a user: open the folder, train, compare learning rates, classify a picture."""
import time

import h5py
import numpy as np
import pytest
from actions import click, type_into
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from engine.lab import logistic as logistic_lab
from gui.tabs.training.cat.panel import CatPanel
from gui.tabs.training.cat.state import PAGES
from gui.tabs.training.outcome import Outcome

LONG = 180_000  # ms: generous, for a 2-core machine shared with other jobs


@pytest.fixture
def panel(qtbot):
    p = CatPanel()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def settle(qtbot, panel):
    """Wait until the folder being read (on a worker) is read or refused."""
    qtbot.waitUntil(lambda: not panel.is_loading() and not panel.state.loading, timeout=LONG)


def load(qtbot, panel, folder):
    """Open `folder` as Open folder… does (read on a worker) and wait until it is read or refused."""
    assert panel.set_folder(folder)
    settle(qtbot, panel)
    return panel.state.data is not None


@pytest.fixture
def loaded(qtbot, panel, cat_dir):
    assert load(qtbot, panel, cat_dir)
    return panel


def train(qtbot, panel, iterations=None):
    if iterations is not None:
        type_into(qtbot, panel.settings_box.iter_spin, str(iterations))
    click(qtbot, panel.start_button)
    # the controls come back with the worker's done signal, which arrives after the thread has ended
    qtbot.waitUntil(lambda: not panel.is_training() and panel.progress.label.text().startswith("Finished")
                    and panel.start_button.isEnabled(), timeout=LONG)


def solid_png(path, size, color, alpha=255):
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    c = QColor(color)
    c.setAlpha(alpha)
    image.fill(c)
    assert image.save(str(path))
    return path


# ---------------------------------------------------------------- data
def test_without_files_it_says_what_it_needs(panel):
    assert panel.data_page.stack.currentIndex() == 0
    text = panel.data_page.need_text.text()
    for needed in ("train_catvnoncat.h5", "test_catvnoncat.h5", "datasets/", "209", "50"):
        assert needed in text
    assert not panel.start_button.isEnabled()
    assert not panel.rates_page.compare_button.isEnabled()
    assert panel.accuracy_box.train_acc_value.text() == "—"


def test_open_folder_through_the_dialog_shows_counts_and_pictures(qtbot, panel, cat_dir, monkeypatch):
    asked = []

    def fake_dialog(parent, caption, start):
        asked.append(caption)
        return str(cat_dir)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake_dialog))
    click(qtbot, panel.data_box.open_button)
    settle(qtbot, panel)
    assert asked and "train_catvnoncat.h5" in asked[0]
    assert panel.state.folder == str(cat_dir)
    assert panel.data_page.stack.currentIndex() == 1
    status = panel.data_box.data_status.text()
    assert "Training: 209 pictures, 72 cats" in status and "Test: 50 pictures, 33 cats" in status
    assert panel.data_box.folder_label.text() == str(cat_dir)
    grid = panel.data_page.grid
    assert grid.count() == 209
    assert grid.captions().count("cat") == 72 and grid.captions().count("non-cat") == 137
    click(qtbot, panel.data_page.show_test)
    assert grid.count() == 50
    assert grid.captions().count("cat") == 33
    assert grid.item(7).toolTip() == "Test picture 7: " + grid.captions()[7]
    assert panel.start_button.isEnabled() and panel.rates_page.compare_button.isEnabled()


def test_a_folder_without_the_files_says_so(qtbot, panel, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(tmp_path)))
    click(qtbot, panel.data_box.open_button)
    settle(qtbot, panel)
    assert panel.data_page.stack.currentIndex() == 0
    assert "train_catvnoncat.h5" in panel.data_box.data_status.text()
    assert panel.data_box.data_status.text().startswith("Cannot use this folder")
    assert panel.data_page.need_error.text() == panel.data_box.data_status.text()
    assert not panel.start_button.isEnabled()


def write_h5(path, prefix, n, shape=(64, 64, 3), keys=None):
    keys = keys or (f"{prefix}_set_x", f"{prefix}_set_y", "list_classes")
    with h5py.File(path, "w") as f:
        f[keys[0]] = np.zeros((n, *shape), np.uint8)
        f[keys[1]] = np.zeros(n, np.int64)
        f[keys[2]] = np.array([b"non-cat", b"cat"])


@pytest.mark.parametrize("fault", ["not_hdf5", "missing_keys", "wrong_shape"])
def test_a_wrong_file_gets_a_clear_message(qtbot, panel, tmp_path, fault):
    train, test = tmp_path / "train_catvnoncat.h5", tmp_path / "test_catvnoncat.h5"
    write_h5(test, "test", 50)
    if fault == "not_hdf5":
        train.write_text("this is not HDF5")
    elif fault == "missing_keys":
        write_h5(train, "train", 209, keys=("images", "labels", "list_classes"))
    else:
        write_h5(train, "train", 209, shape=(32, 32, 3))
    assert not load(qtbot, panel, tmp_path)
    message = panel.data_box.data_status.text()
    assert "train_catvnoncat.h5" in message, message
    assert panel.data_page.stack.currentIndex() == 0
    assert panel.data_page.need_error.isVisible()
    assert not panel.start_button.isEnabled()


def huge_claim_h5(path, prefix):
    """A small file whose images dataset claims 10⁹ pictures (chunked, nothing written: a few kB on disk)."""
    with h5py.File(path, "w") as f:
        f.create_dataset(f"{prefix}_set_x", shape=(10**9, 64, 64, 3), dtype=np.uint8, chunks=(1, 64, 64, 3))
        f[f"{prefix}_set_y"] = np.zeros(10, np.int64)
        f["list_classes"] = np.array([b"non-cat", b"cat"])


@pytest.mark.parametrize("fault", ["no images", "huge shape"])
def test_a_remembered_folder_that_fails_at_start_says_why_and_the_panel_works(qtbot, tmp_path, fault):
    """The app saves the folder itself, so a folder that later breaks is read at every start: on a worker, the
    panel opens at once, and the message names the file and the fault; the GUI heartbeat never stalls."""
    from heartbeat import Heartbeat

    folder = tmp_path / "cats"
    folder.mkdir()
    write_h5(folder / "test_catvnoncat.h5", "test", 50)
    if fault == "no images":
        write_h5(folder / "train_catvnoncat.h5", "train", 0)
    else:
        huge_claim_h5(folder / "train_catvnoncat.h5", "train")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("folder", str(folder))
    p = CatPanel()
    qtbot.addWidget(p)
    with Heartbeat() as beat:
        started = time.perf_counter()
        p.restore_settings(settings)
        assert time.perf_counter() - started < 0.5  # the restore does not read the files itself
        settle(qtbot, p)
    assert beat.worst < 1.0
    message = p.data_box.data_status.text()
    assert message.startswith("Cannot use this folder:") and "train_catvnoncat.h5" in message, message
    assert p.state.data is None and not p.start_button.isEnabled()
    assert p.data_box.open_button.isEnabled()  # the user can choose another folder


def test_a_folder_that_fails_replaces_the_previous_folders_message(qtbot, panel, tmp_path, cat_dir):
    bad, worse = tmp_path / "bad", tmp_path / "worse"
    for folder in (bad, worse):
        folder.mkdir()
        write_h5(folder / "test_catvnoncat.h5", "test", 50)
    (bad / "train_catvnoncat.h5").write_text("this is not HDF5")
    write_h5(worse / "train_catvnoncat.h5", "train", 209, shape=(32, 32, 3))
    assert not load(qtbot, panel, bad)
    first = panel.data_box.data_status.text()
    assert str(bad / "train_catvnoncat.h5") in first, first
    panel.set_folder(worse)
    assert panel.data_box.data_status.text() == "Reading the folder…"  # the old message is gone at once
    settle(qtbot, panel)
    second = panel.data_box.data_status.text()
    assert str(worse / "train_catvnoncat.h5") in second and str(bad) not in second, second
    assert load(qtbot, panel, cat_dir)  # a good folder after bad ones: counts, no error
    assert "Training: 209 pictures" in panel.data_box.data_status.text()


# ---------------------------------------------------------------- training
def test_training_shows_the_lessons_numbers(qtbot, loaded):
    p = loaded
    box = p.settings_box
    assert (box.lr_spin.value(), box.iter_spin.value(), box.record_spin.value()) == (0.005, 2000, 100)
    assert p.settings_box.init_combo.currentIndex() == 0
    train(qtbot, p)
    assert p.accuracy_box.train_acc_value.text() == "99.04306220095694 %"
    assert p.accuracy_box.test_acc_value.text() == "70.0 %"
    assert "overfits" in p.accuracy_box.overfit_label.text()
    lines = p.cost_page.printout.toPlainText().splitlines()
    assert len(lines) == 20
    assert lines[0] == "Cost after iteration 0: 0.693147"
    assert lines[1] == "Cost after iteration 100: 0.584508"
    assert lines[-1] == "Cost after iteration 1900: 0.140872"
    assert p.progress.bar.value() == 2000
    assert p.progress.label.text().startswith("Finished: 2,000 iterations")
    x, y = p.cost_page.cost_curve.getData()
    assert len(x) == 2000 and np.all(np.isfinite(y))
    assert y[0] == pytest.approx(np.log(2)) and y[-1] < 0.14
    px, py = p.cost_page.cost_points.getData()
    assert list(px) == list(range(0, 2000, 100)) and py[-1] == pytest.approx(0.140872, abs=1e-6)
    # the zig-zag the explanation describes: odd iterations above even ones early, gone later
    assert (round(y[100], 3), round(y[101], 3)) == (0.585, 0.641)
    assert "0.585 at 100, 0.641 at 101" in p.cost_page.explanation()
    assert np.count_nonzero(np.diff(y[:300]) > 0) > 100 and np.count_nonzero(np.diff(y[400:]) > 0) < 5
    # results page: 50 test pictures, the 15 wrong ones marked
    grid = p.results_page.results_grid
    assert grid.count() == 50
    assert sum(grid.marked()) == 15
    assert sum(c.startswith("✗") for c in grid.captions()) == 15
    assert "35 of 50 right, 15 wrong" in p.results_page.results_summary.text()
    image = p.results_page.weights_image.pixmap().toImage()
    assert image.width() == 192
    assert len({image.pixel(x, y) for x in range(0, 192, 16) for y in range(0, 192, 16)}) > 20  # not flat grey


def test_pause_resume_stop_and_space(qtbot, loaded):
    p = loaded
    type_into(qtbot, p.settings_box.iter_spin, "100000")
    assert p.state.num_iterations == 100000
    click(qtbot, p.start_button)
    assert not p.start_button.isEnabled() and not p.settings_box.lr_spin.isEnabled()
    qtbot.waitUntil(lambda: p.progress.bar.value() > 5, timeout=LONG)
    assert "/ 100,000 iterations" in p.progress.label.text()
    click(qtbot, p.pause_button)
    qtbot.waitUntil(lambda: p.pause_button.text() == "Resume", timeout=5000)
    qtbot.wait(150)
    frozen = p.progress.bar.value()
    qtbot.wait(300)
    assert p.progress.bar.value() == frozen
    assert p.progress.label.text().endswith(" · paused")
    p.start_button.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Space)  # Space resumes
    qtbot.waitUntil(lambda: p.progress.bar.value() > frozen, timeout=LONG)
    assert p.pause_button.text() == "Pause"
    click(qtbot, p.stop_button)
    qtbot.waitUntil(lambda: not p.is_training(), timeout=LONG)
    qtbot.waitUntil(lambda: p.progress.label.text().startswith("Stopped at iteration")
                    and p.start_button.isEnabled(), timeout=5000)
    assert p.progress.bar.value() < 100000
    assert p.accuracy_box.train_acc_value.text() == "—"


def test_a_too_large_learning_rate_is_reported(qtbot, loaded):
    p = loaded
    type_into(qtbot, p.settings_box.lr_spin, "1")
    assert p.state.learning_rate == 1.0
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: not p.is_training() and "diverged" in p.progress.label.text()
                    and p.start_button.isEnabled(), timeout=LONG)
    assert "lower the learning rate" in p.progress.label.text()
    assert p.accuracy_box.train_acc_value.text() == "—"


def test_random_start_uses_the_seed(qtbot, loaded):
    p = loaded
    p.settings_box.init_combo.setCurrentIndex(1)
    assert p.settings_box.seed_spin.isEnabled()
    type_into(qtbot, p.settings_box.seed_spin, "7")
    train(qtbot, p, iterations=20)
    first = p.cost_page.printout.toPlainText()
    assert first.startswith("Cost after iteration 0: ") and not first.startswith("Cost after iteration 0: 0.693147")
    w1 = p.state.model.params["w"].copy()
    train(qtbot, p)
    assert np.array_equal(p.state.model.params["w"], w1)  # same seed, same start, same result
    click(qtbot, p.settings_box.defaults_button)
    assert (p.state.init, p.state.num_iterations, p.state.learning_rate) == ("zeros", 2000, 0.005)
    assert not p.settings_box.seed_spin.isEnabled()
    box = p.settings_box  # the widgets follow the state
    assert (box.init_combo.currentIndex(), box.iter_spin.value(), box.lr_spin.value()) == (0, 2000, 0.005)


# ---------------------------------------------------------------- learning-rate comparison
def test_learning_rate_comparison_with_the_lessons_rates(qtbot, loaded):
    p = loaded
    p.pages.setCurrentIndex(PAGES.index("rates"))
    assert p.rates_page.rates_edit.text() == "0.01, 0.001, 0.0001" and p.rates_page.compare_iter_spin.value() == 1500
    click(qtbot, p.rates_page.compare_button)
    qtbot.waitUntil(lambda: not p.is_comparing() and p.rates_page.compare_status.text() == "Done.", timeout=LONG)
    legend = p.rates_page.compare_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["η = 0.01", "η = 0.001", "η = 0.0001"]
    assert len(p.rates_page.compare_curves) == 3
    for curve, data in zip(p.rates_page.compare_curves, p.state.compare_curves, strict=True):
        x, y = curve.getData()  # every 100th iteration's cost, as the lessons plot it (no odd/even band)
        assert data.filled == 1500 and len(x) == 15 and list(x) == list(range(0, 1500, 100))
        np.testing.assert_array_equal(y, data.cost[:1500:100])
    table = p.rates_page.compare_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [r[2] for r in rows] == ["99.52153110047847", "88.99521531100478", "68.42105263157895"]
    assert [r[3] for r in rows] == ["68.0", "64.0", "36.0"]
    assert p.rates_page.compare_progress.value() == 4500


def test_editing_the_rates(qtbot, loaded):
    p = loaded
    p.pages.setCurrentIndex(PAGES.index("rates"))
    type_into(qtbot, p.rates_page.rates_edit, "0.01, fast")
    click(qtbot, p.rates_page.compare_button)
    assert "“fast” is not a number" in p.rates_page.compare_status.text()
    assert p.runs.run_id("compare") == 0  # no comparison started
    type_into(qtbot, p.rates_page.compare_iter_spin, "200")
    p.rates_page.rates_edit.setFocus()
    p.rates_page.rates_edit.selectAll()
    qtbot.keyClicks(p.rates_page.rates_edit, "0.005, 1")
    qtbot.keyClick(p.rates_page.rates_edit, Qt.Key.Key_Return)  # Enter runs
    qtbot.waitUntil(lambda: not p.is_comparing() and p.rates_page.compare_status.text() == "Done.", timeout=LONG)
    legend = p.rates_page.compare_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["η = 0.005", "η = 1"]
    assert p.rates_page.compare_table.item(0, 2).text() not in ("", "—")
    assert p.rates_page.compare_table.item(1, 1).text().startswith("diverged at iteration")


# ---------------------------------------------------------------- your own picture
def test_own_picture_before_and_after_training(qtbot, loaded, tmp_path, monkeypatch):
    p = loaded
    png = solid_png(tmp_path / "orange.png", (120, 80), "#ff8000")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(png), "")))
    click(qtbot, p.own_page.own_open_button)
    assert p.pages.currentIndex() == PAGES.index("own")
    assert p.state.own_image.shape == (64, 64, 3)
    assert np.all(p.state.own_image == [255, 128, 0])  # squeezed to 64×64, colour kept
    assert "Train the model first" in p.own_page.own_result.text()
    train(qtbot, p, iterations=300)
    p.pages.setCurrentIndex(PAGES.index("own"))
    label, proba = logistic_lab.classify(p.state.model, p.state.own_image)
    assert p.own_page.own_result.text() == "The model says: " + ("cat" if label else "non-cat")
    assert p.own_page.own_detail.text() == f"orange.png: ŷ = P(cat) = {proba:.4f} (cat when ŷ > 0.5)"
    assert not p.own_page.own_small.pixmap().isNull()


def drop(qtbot, widget, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(widget.rect().center())
    for kind in ("enter", "drop"):
        if kind == "enter":
            from PySide6.QtGui import QDragEnterEvent

            event = QDragEnterEvent(QPoint(int(pos.x()), int(pos.y())), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        else:
            event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)
        assert event.isAccepted()


def test_dropping_a_picture_classifies_it(qtbot, loaded, tmp_path):
    p = loaded
    train(qtbot, p, iterations=100)
    png = solid_png(tmp_path / "see-through.png", (64, 200), "#0000ff", alpha=0)  # transparent: laid on white
    drop(qtbot, p.own_page.drop_frame, png)
    assert p.state.own_path == str(png)
    assert np.all(p.state.own_image == 255)
    assert p.own_page.own_detail.text().startswith("see-through.png: ŷ = P(cat) = ")
    proba = logistic_lab.classify(p.state.model, p.state.own_image)[1]
    assert p.own_page.own_detail.text().split("= ")[2].startswith(f"{proba:.4f}")


def test_a_file_that_is_not_a_picture(qtbot, panel, tmp_path):
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    assert not panel.own_page.classify_file(bad)
    assert "notes.png" in panel.own_page.own_error.text()
    assert panel.own_page.own_error.text().startswith("Cannot read notes.png as a picture")
    assert panel.state.own_image is None


# ---------------------------------------------------------------- vectorisation
def test_vectorisation_demo_shows_both_timings(qtbot, panel):
    panel.pages.setCurrentIndex(PAGES.index("vector"))
    assert panel.vector_page.vector_n_spin.value() == 100_000
    type_into(qtbot, panel.vector_page.vector_n_spin, "20000")
    click(qtbot, panel.vector_page.vector_button)
    page = panel.vector_page
    qtbot.waitUntil(lambda: page.vector_button.isEnabled() and bool(page.vector_ratio.text()), timeout=LONG)
    assert panel.vector_page.loop_time.text().endswith(" ms") and panel.vector_page.dot_time.text().endswith(" ms")
    result = panel.state.vector_result
    assert result["n"] == 20000
    assert "times faster" in panel.vector_page.vector_ratio.text()
    assert repr(result["loop_value"]) in panel.vector_page.vector_values.text()
    assert repr(result["dot_value"]) in panel.vector_page.vector_values.text()


# ---------------------------------------------------------------- settings and lifecycle
def test_settings_are_remembered(qtbot, loaded, cat_dir, tmp_path):
    p = loaded
    type_into(qtbot, p.settings_box.lr_spin, "0.01")
    type_into(qtbot, p.settings_box.iter_spin, "1500")
    p.settings_box.init_combo.setCurrentIndex(1)
    type_into(qtbot, p.rates_page.rates_edit, "0.02, 0.002")
    p.pages.setCurrentIndex(PAGES.index("vector"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    p.save_settings(settings)
    settings.sync()
    again = CatPanel()
    qtbot.addWidget(again)
    again.restore_settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settle(qtbot, again)
    s = again.state
    assert (s.folder, s.learning_rate, s.num_iterations, s.init) == (str(cat_dir), 0.01, 1500, "random")
    assert again.rates_page.rates_edit.text() == "0.02, 0.002"
    assert again.data_page.stack.currentIndex() == 1 and again.start_button.isEnabled()
    assert again.pages.currentIndex() == PAGES.index("vector")


def test_a_remembered_folder_that_is_gone(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("folder", str(tmp_path / "moved"))
    settings.setValue("learning_rate", "not a number")
    p = CatPanel()
    qtbot.addWidget(p)
    p.restore_settings(settings)
    settle(qtbot, p)
    assert p.state.learning_rate == 0.005
    assert str(tmp_path / "moved") in p.data_box.data_status.text()  # says which folder is gone
    assert "train_catvnoncat.h5" in p.data_page.need_text.text()  # and what the experiment needs
    assert not p.start_button.isEnabled()


def test_the_files_in_the_data_folder_are_found(qtbot, cat_dir, tmp_path):
    import gui.settings

    folder = gui.settings.data_dir() / "catvnoncat"  # the test's own data folder (tests/gui/conftest.py)
    folder.mkdir()
    for name in ("train_catvnoncat.h5", "test_catvnoncat.h5"):
        (folder / name).symlink_to(cat_dir / name)
    p = CatPanel()
    qtbot.addWidget(p)
    p.restore_settings(QSettings(str(tmp_path / "empty.ini"), QSettings.Format.IniFormat))
    settle(qtbot, p)
    assert p.state.folder == str(folder)
    assert p.state.counts == {"train": 209, "train_cats": 72, "test": 50, "test_cats": 33}


def test_closing_mid_run_stops_the_worker(qtbot, loaded):
    p = loaded
    type_into(qtbot, p.settings_box.iter_spin, "100000")
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.progress.bar.value() > 0, timeout=LONG)
    p.shutdown()
    assert p.runs.closed
    qtbot.waitUntil(lambda: not p.runs.any_running(), timeout=5000)  # the thread has ended
    p.start_training()  # a closed panel starts nothing
    p.vector_page.run_vectorisation()
    assert not p.runs.any_running()


def test_the_training_tab_hosts_the_panel(qtbot):
    from gui.tabs.training.tab import TrainingTab

    tab = TrainingTab()
    qtbot.addWidget(tab)
    titles = [tab.experiments.tabText(i) for i in range(tab.experiments.count())]
    assert "Cat / non-cat (logistic regression)" in titles
    assert any(isinstance(panel, CatPanel) for panel in tab.panels)
    tab.shutdown()


def test_a_live_language_switch_leaves_no_english(qtbot, loaded, in_chinese):

    p = loaded
    train(qtbot, p, iterations=200)
    type_into(qtbot, p.rates_page.compare_iter_spin, "50")
    type_into(qtbot, p.rates_page.rates_edit, "0.005, 5")
    click(qtbot, p.rates_page.compare_button)
    qtbot.waitUntil(lambda: not p.is_comparing() and p.rates_page.compare_status.text() == "Done.", timeout=LONG)

    texts = {"printout": p.cost_page.printout.toPlainText, "progress": p.progress.label.text,
             "diverged": lambda: p.rates_page.compare_table.item(1, 1).text(),
             "status": p.rates_page.compare_status.text, "explanation": p.explanation.toPlainText,
             "accuracy": p.accuracy_box.overfit_label.text, "results": p.results_page.results_summary.text,
             "caption": lambda: p.data_page.grid.captions()[0]}

    english, chinese = in_chinese(texts)
    assert chinese["printout"].count("\n") == english["printout"].count("\n")  # every line, printed again


def test_opening_another_folder_mid_run_stops_it_and_starts_over(qtbot, loaded, cat_dir):
    p = loaded
    type_into(qtbot, p.settings_box.iter_spin, "100000")
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.state.curve.filled > 5, timeout=LONG)
    ended = []
    p.on_run_end = lambda outcome, end=p.on_run_end: (ended.append(outcome), end(outcome))
    assert load(qtbot, p, cat_dir)
    qtbot.waitUntil(lambda: not p.is_training() and p.start_button.isEnabled(), timeout=LONG)
    assert ended == [Outcome.SWITCHED]  # the run ended first, then the folder was read (never beside it)
    assert p.state.outcome is None  # and the new data forgot that run
    assert p.state.curve.filled == 0 and p.state.costs == [] and p.cost_page.printout.toPlainText() == ""
    assert p.progress.label.text() == "Ready: press Start."
    assert p.progress.bar.value() == 0
