"""Issue 18: after a live switch to 简体中文 no English is left anywhere a user looks — the scanner itself
(tests/gui/english.py) and the whole window, page by page. (After each click and each typed text of the GUI
tests the same round trip runs: tests/gui/conftest.py's `no_english_left`.)"""
import re
import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from english import (
    ALLOWED,
    english_words,
    has_words,
    language_round_trip,
    leftovers,
    switch,
    visible_texts,
    words_only,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import I18N_DIR
from gui.main_window import MainWindow
from gui.widgets.progress import RateProgress

pytestmark = pytest.mark.keeps_language  # these tests switch languages themselves


def planted(qtbot):
    """A window with one English word in each kind of text the scanner reads, and one in a hidden label."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel("<b>Finished</b>: 3 iterations")
    label.setToolTip("Tooltipword")
    box = QGroupBox("Grouptitle")
    combo = QComboBox()
    combo.addItems(["Comboitem"])
    line = QLineEdit()
    line.setPlaceholderText("Placeholderword")
    line.setText("Typedbyuser")
    bar = QProgressBar()
    bar.setFormat("%v Progressword")
    bar.setValue(3)
    browser = QTextBrowser()
    browser.setHtml("<p>Browserword</p>")
    table = QTableWidget(1, 1)
    table.setHorizontalHeaderLabels(["Headerword"])
    table.setItem(0, 0, QTableWidgetItem("Cellword"))
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Tabword")
    plot = pg.PlotWidget(title="Titleword")
    plot.setLabel("bottom", "Axisword")
    plot.addLegend()
    plot.plot([0, 1], [0, 1], name="Legendword")
    text = pg.TextItem("Textitemword")
    plot.addItem(text)
    hidden = QLabel("Hiddenword")
    hidden.hide()
    for widget in (label, QPushButton("Buttonword"), box, combo, line, bar, browser, table, tabs, plot, hidden):
        layout.addWidget(widget)
    window.setWindowTitle("Windowword")
    return window


def test_the_scanner_reads_every_kind_of_visible_text(qtbot):
    found = " ".join(leftovers(planted(qtbot)))
    for word in ("Finished", "iterations", "Tooltipword", "Grouptitle", "Comboitem", "Placeholderword",
                 "Progressword", "Browserword", "Headerword", "Cellword", "Tabword", "Titleword", "Axisword",
                 "Legendword", "Textitemword", "Buttonword", "Windowword"):
        assert word in found, word
    assert "Hiddenword" not in found  # not visible
    assert "Typedbyuser" not in found  # a box's text is the user's
    assert "<b>" not in found  # rich text is read as the user reads it


def test_english_words_leave_names_code_paths_and_typed_words_aside():
    assert english_words("完成：Finished in 3 s.") == ["Finished"]
    assert english_words("用 ReLU、softmax 和 SGD 训练 MNIST") == []
    assert english_words("W1、b2、x0、float32、train_neuralnet.py、TwoLayerNet、np.dot(a, b)、propagate()") == []
    assert english_words("已保存到 /home/学生/net.npz, model saved") == ["model", "saved"]  # a path ends
    assert english_words("已保存到 C:\\Users\\me\\net.npz") == []
    assert english_words("t<sub>nk</sub> log y<sub>nk</sub>") == []
    assert english_words("f(x) = banana(x)", typed={"banana"}) == []
    assert english_words("mini-batch 的大小") == ["mini", "batch"]  # 小批量 has a Chinese name


def test_every_allowed_word_is_one_the_chinese_translation_keeps():
    """The allow-list only holds words the translators kept in the Chinese texts (a term the .ts gives a
    Chinese name cannot hide there)."""
    root = ET.parse(I18N_DIR / "gradient_lab_zh_CN.ts").getroot()
    chinese = [m.find("translation").text or "" for m in root.iter("message")]
    for word in ALLOWED:
        pattern = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])")
        assert any(pattern.search(text) for text in chinese), word


class StuckInChinese(QLabel):
    """A label that sets a Chinese text on every language change and never its English one again."""

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.setText("训练结束")
        super().changeEvent(event)


class Lagging(QLabel):
    """A label that shows its state only when retranslated (its update signal has not arrived yet)."""

    stepped = True

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self.tr("Stepped: Start trains on from here.") if self.stepped else self.tr("Ready."))
        super().changeEvent(event)


def test_the_round_trip_names_english_left_and_texts_not_restored(qtbot, qapp):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Saved to /tmp/net.npz"))
    layout.addWidget(StuckInChinese("Done."))
    lagging = Lagging("Ready.")
    layout.addWidget(lagging)
    notes = []
    problems = language_round_trip(qapp, window, notes=notes)
    assert problems == ["English in Chinese: Saved ← QLabel QLabel: «Saved to /tmp/net.npz»",
                        "English in Chinese: Stepped, Start, trains, from, here ← Lagging Lagging: «Stepped: Start "
                        "trains on from here.»",
                        "Chinese after switching back: StuckInChinese: ['训练结束']"]
    assert notes == ["changed by a retranslate in English: Lagging: ['Ready.'] → "
                     "['Stepped: Start trains on from here.']"]
    assert lagging.text() == "Stepped: Start trains on from here."


def test_a_running_progress_line_follows_a_language_switch(qtbot, qapp):
    bar = RateProgress()
    qtbot.addWidget(bar)
    bar.start(100_000)
    bar.set_done(1_200, rate=400.0, eta=262.0)
    english = bar.label.text()
    assert english == "1,200 / 100,000 iterations · 400 it/s · 4 min 22 s left"
    try:
        switch(qapp, "zh_CN", bar)
        assert bar.label.text() == "1,200 / 100,000 次迭代 · 400 次迭代/秒 · 剩余 4 分 22 秒"
    finally:
        switch(qapp, "en", bar)
    assert bar.label.text() == english
    bar.finish("Done.")
    switch(qapp, "zh_CN", bar)
    switch(qapp, "en", bar)
    assert bar.label.text() == "Done."  # the owner's closing line is the owner's to set again


def test_the_draw_tab_s_entry_for_the_trained_net_follows_a_language_switch(qtbot, qapp, mnist_dir):
    """Issue 18's Draw model entry: a net trained in the Training tab is offered to the Draw tab by a name that is
    said again in the new language, not kept in the one it was trained in."""
    from actions import click, type_into

    from gui.settings import app_settings
    from gui.tabs.training.mnist.panel import MnistPanel

    app_settings().setValue("data/mnist", str(mnist_dir))
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.show_tab("training")
    panel = next(p for p in window.tab_pages["training"].panels if isinstance(p, MnistPanel))
    qtbot.waitUntil(lambda: panel.state.data is not None, timeout=180_000)
    type_into(qtbot, panel.net_box.iter_spin, "100")
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.state.report is not None and panel.start_button.isEnabled(), timeout=180_000)
    assert window.show_tab("draw")
    draw = window.tab_pages["draw"]
    assert draw.choose_model("trained")
    combo = draw.controls.model_combo
    english = combo.currentText()
    assert english.startswith("Trained in the Training tab (test accuracy 0.")
    try:
        switch(qapp, "zh_CN", window)
        assert combo.currentText().startswith("在“训练”标签页训练（测试识别精度 0."), combo.currentText()
        assert combo.currentData() == "trained"
        assert leftovers(window) == []
    finally:
        switch(qapp, "en", window)
    assert combo.currentText() == english


def test_after_drawing_clicking_a_point_and_choosing_a_target_no_english_is_left(qtbot, qapp):
    """The tabs whose tests drive them without tests/gui/actions.py, in the states a user brings them to."""
    from test_draw import DIGITS, stroke
    from test_gradient_field import click_at

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    problems = []

    def look(what):
        problems.extend(f"{what}: {p}" for p in language_round_trip(qapp, window))

    assert window.show_tab("draw")
    draw = window.tab_pages["draw"]
    for points in DIGITS[3]:
        stroke(qtbot, draw.canvas, points)
    qtbot.waitUntil(lambda: draw.state.y is not None)  # the net's answer is shown
    look("a 3 drawn")
    assert window.show_tab("gradient_field")
    field = window.tab_pages["gradient_field"]
    click_at(qtbot, field, 1.0, -1.5)
    qtbot.waitUntil(lambda: field.state.point == pytest.approx((1.0, -1.5), abs=0.1))
    look("a point of the gradient field clicked")
    assert window.show_tab("losses")
    losses = window.tab_pages["losses"]
    qtbot.mouseClick(losses.controls.example_two, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(losses.controls.target_buttons[7], Qt.MouseButton.LeftButton)
    assert losses.state.target == 7
    look("the book's second example with target 7")
    assert not problems, "\n".join(problems)


def outer_tabs(widget):
    """The nearest tab widget `widget` is inside."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    return parent


def every_page(qapp, window):
    """Show each page of each tab widget in turn (tabs inside tabs too, each first on its first page), yielding
    a name for each."""

    def visit(tabs, name):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            for t in tabs.widget(i).findChildren(QTabWidget):
                t.setCurrentIndex(0)
            inner = [t for t in tabs.widget(i).findChildren(QTabWidget) if outer_tabs(t) is tabs]
            qapp.processEvents()
            here = f"{name}/{tabs.tabText(i)}"
            yield here
            for t in inner:
                if t.isVisibleTo(window):
                    yield from visit(t, here)

    yield from visit(window.tabs, "")


def test_no_english_left_on_any_page_of_the_window(qtbot, qapp):
    """As a user does: switch to Chinese, look at every page, switch back and look again (all English again)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    def texts():  # numbers (ticks, readouts) may move with the layout: the texts' words
        return sorted(words_only(text) for _obj, _where, text in visible_texts(window) if has_words(text))

    english = {page: texts() for page in every_page(qapp, window)}
    assert len(english) >= 20  # six tabs and their pages
    problems = []
    try:
        switch(qapp, "zh_CN", window)
        for page in every_page(qapp, window):
            problems += [f"{page}: {line}" for line in leftovers(window)]
    finally:
        switch(qapp, "en", window)
    for page in every_page(qapp, window):
        again = texts()
        if again != english[page]:
            problems.append(f"{page}: not the same English after switching back: "
                            f"{sorted(set(english[page]) ^ set(again))}")
    assert not problems, "\n".join(problems)
