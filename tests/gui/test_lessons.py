"""The Lessons panel: lesson files validate (or are skipped with a message), Show me reaches its state, every
exercise fails and passes through the GUI, progress is remembered, and both languages show."""
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui import i18n
from gui.lessons.checks import CHECKS
from gui.lessons.dock import lesson_folders
from gui.lessons.schema import MAX_FILE_BYTES, load_lessons
from gui.main_window import TAB_ORDER, create_window, parse_args
from gui.resources import resource_path
from gui.tabs.training.cat import state as cat_state
from gui.tabs.training.mnist import state as mnist_state

SHIPPED = sorted(resource_path("lessons").glob("*.json"))
TRAINING_PAGES = {"mnist": mnist_state.PAGES, "cat": cat_state.PAGES}


@pytest.fixture
def window(qapp, qtbot):
    w = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(w)
    w.show()
    yield w
    i18n.install_language(qapp, "en")


def panel_of(window):
    return window.lessons_dock.widget()


def go_to(window, step_id):
    panel = panel_of(window)
    panel.select(step_id)
    assert panel.progress.current == step_id
    return panel


def test_every_shipped_lesson_file_validates():
    assert SHIPPED, "resources/lessons has lessons"
    lessons, problems = load_lessons([resource_path("lessons")], CHECKS, TAB_ORDER)
    assert problems == []
    assert len(lessons) == len(SHIPPED)
    for lesson in lessons:
        for step in lesson.steps:
            assert step.text.en.strip() and step.text.zh_CN.strip(), step.id  # both languages, every step
            if step.exercise:
                assert step.exercise.hint.zh_CN and step.exercise.task.zh_CN, step.id


BROKEN = {
    "not-json.json": "{ this is not json",
    "schema.json": {"schema": 99},
    "unknown-check.json": {"check": "losses.no_such_check"},
    "bad-param.json": {"params": {"value": "small", "target": 2}},
    "unknown-tab.json": {"tab": "nowhere"},
    "missing-en.json": {"title": {"zh_CN": "只有中文"}},
}


def lesson_with(change):
    lesson = json.loads((resource_path("lessons") / "4-2-loss-functions.json").read_text(encoding="utf-8"))
    lesson["id"] = "teacher"
    step = next(s for s in lesson["steps"] if s.get("exercise", {}).get("kind") == "check")
    if "schema" in change:
        lesson["schema"] = change["schema"]
    if "check" in change:
        step["exercise"]["check"] = change["check"]
    if "params" in change:
        step["exercise"]["params"] = change["params"]
    if "tab" in change:
        step["show"]["tab"] = change["tab"]
    if "title" in change:
        lesson["title"] = change["title"]
    return lesson


def test_a_broken_lesson_file_is_skipped_with_a_message_naming_it(tmp_path):
    for name, change in BROKEN.items():
        text = change if isinstance(change, str) else json.dumps(lesson_with(change))
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    (tmp_path / "deep.json").write_text("[" * 100000 + "]" * 100000)
    lessons, problems = load_lessons([resource_path("lessons"), tmp_path], CHECKS, TAB_ORDER)
    assert len(lessons) == len(SHIPPED)  # the good ones all load
    named = {p.split(":")[0] for p in problems}
    assert named == set(BROKEN) | {"huge.json", "deep.json"}
    text = "\n".join(problems)
    for fault in ("schema 99", "unknown check 'losses.no_such_check'", "value must be float",
                  "unknown tab 'nowhere'", "needs at least its English", "larger than"):
        assert fault in text


def test_a_teachers_lesson_in_the_data_folder_appears_and_a_broken_one_is_listed(qapp, qtbot, monkeypatch):
    folder = lesson_folders()[1]
    folder.mkdir(parents=True, exist_ok=True)
    lesson = lesson_with({})
    lesson["order"] = 999
    lesson["title"] = {"en": "Our class's extra lesson", "zh_CN": "我们班的附加课"}
    (folder / "teacher.json").write_text(json.dumps(lesson, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    window = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(window)
    panel = panel_of(window)
    assert panel.lessons[-1].title.en == "Our class's extra lesson"
    toc = [panel.toc.topLevelItem(i).text(0) for i in range(panel.toc.topLevelItemCount())]
    assert any("Our class's extra lesson" in t for t in toc)
    assert not panel.problems_label.isHidden() and "broken.json" in panel.problems_label.text()


def assert_reached(state, values, where):
    """Every value a Show me gave is in the state: a field, or (Descent) the session's and simpleNet's to_dict."""
    shown = dict(vars(state))
    if hasattr(state, "to_dict"):
        shown.update(state.to_dict())
    for key, value in values.items():
        if isinstance(value, dict):
            inner = getattr(state, key)
            inner = inner.to_dict() if hasattr(inner, "to_dict") else shown[key]
            if key == "optimizers":
                for name, entry in value.items():
                    assert inner[name]["enabled"] == entry["enabled"], (where, name)
                    for param, number in entry.get("params", {}).items():
                        assert inner[name]["params"][param] == number, (where, name, param)
            else:
                assert_reached_dict(inner, value, where)
        elif isinstance(value, str):
            assert shown[key] == value, (where, key)
        elif isinstance(shown[key], set | frozenset):
            assert sorted(shown[key]) == sorted(value), (where, key)
        else:
            np.testing.assert_allclose(np.asarray(shown[key], dtype=float), value, err_msg=f"{where}: {key}")


def assert_reached_dict(shown, values, where):
    for key, value in values.items():
        np.testing.assert_allclose(np.asarray(shown[key], dtype=float), value, err_msg=f"{where}: {key}")


def test_every_show_me_reaches_its_state(window, qtbot):
    panel = panel_of(window)
    shown = 0
    for step in panel.steps:
        if step.show is None:
            continue
        panel.select(step.id)
        qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
        assert panel.show_status.text() == "", (step.id, panel.show_status.text())
        tab = window.tab_pages[step.show["tab"]]
        assert window.tabs.currentWidget() is tab
        if step.show.get("state") and step.show["tab"] == "training":
            state = tab.lesson_pages()[step.show["page"]][1].state
            values = dict(step.show["state"])
            if "page" in values:  # by its name in the lesson, by its index in the state
                values["page"] = TRAINING_PAGES[step.show["page"]].index(values["page"])
            assert_reached(state, values, step.id)
        elif step.show.get("state"):
            assert_reached(tab.state, step.show["state"], step.id)
        if step.show.get("page"):
            tabs, page = tab.lesson_pages()[step.show["page"]]
            assert tabs.currentWidget() is page
        shown += 1
    assert shown >= 20


def test_show_me_refuses_a_bad_state_and_changes_nothing(window):
    tab = window.tab_pages["losses"]
    before = tab.state.y.copy()
    fault = window.show_lesson({"tab": "losses", "state": {"y": [0.5] * 10}})  # does not add up to 1
    assert "adding up to 1" in fault
    np.testing.assert_array_equal(tab.state.y, before)
    assert "no field 'nothing'" in window.show_lesson({"tab": "losses", "state": {"nothing": 1}})
    assert "no page 'elsewhere'" in window.show_lesson({"tab": "losses", "page": "elsewhere"})


def drag_bar(tab, k, value):
    tab.output.editor.edited.emit(k, value)  # what the bar editor sends while the user drags bar k


def click_check(qtbot, panel):
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    return panel.verdict


def test_cross_entropy_exercise_fails_with_a_hint_then_passes(window, qtbot):
    panel = go_to(window, "loss-functions/below")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    tab = window.tab_pages["losses"]
    qtbot.mouseClick(tab.controls.target_buttons[5], Qt.MouseButton.LeftButton)
    verdict = click_check(qtbot, panel)
    assert not verdict.ok and "t = 2" in verdict.detail and "is 5 now" in verdict.detail
    qtbot.mouseClick(tab.controls.target_buttons[2], Qt.MouseButton.LeftButton)
    verdict = click_check(qtbot, panel)
    assert not verdict.ok and "raise y_2" in verdict.detail
    assert "Drag the bar of class 2 up" in panel.verdict_label.text()  # the lesson's hint under the verdict
    assert "loss-functions/below" not in panel.progress.done
    drag_bar(tab, 2, 0.95)
    verdict = click_check(qtbot, panel)
    assert verdict.ok and panel.verdict_label.text().startswith("✓")
    assert "loss-functions/below" in panel.progress.done


def test_confident_wrong_exercise(window, qtbot):
    panel = go_to(window, "loss-functions/wrong")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert not click_check(qtbot, panel).ok
    drag_bar(window.tab_pages["losses"], 7, 0.999)
    verdict = click_check(qtbot, panel)
    assert verdict.ok and "squared error" in verdict.detail


def test_answer_exercise_wants_a_number_then_the_right_one(window, qtbot):
    panel = go_to(window, "loss-functions/uniform")
    assert panel.answer.isVisibleTo(panel)
    for typed, ok, words in (("a lot", False, "Type a number"), ("0.1", False, "Not yet"), ("2.30", True, "Right")):
        panel.answer.clear()
        qtbot.keyClicks(panel.answer, typed)
        qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
        assert panel.verdict.ok is ok and words in panel.verdict.detail, typed
    assert "−log 0.1" in panel.verdict_label.text() or panel.verdict.ok


def test_progress_is_remembered_and_reset(window, qtbot, qapp):
    panel = go_to(window, "loss-functions/uniform")
    panel.answer.setText("2.3026")
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    again = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(again)
    restored = panel_of(again)
    assert restored.progress.current == "loss-functions/below"
    assert "loss-functions/uniform" in restored.progress.done
    assert restored.progress.answers["loss-functions/uniform"] == "2.3026"
    assert "1 of" in restored.count.text()
    restored.reset()
    assert restored.progress.done == set() and restored.progress.current == restored.steps[0].id


def test_next_marks_a_reading_step_done_and_the_toc_follows(window, qtbot):
    panel = go_to(window, "loss-functions/why")
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert "loss-functions/why" in panel.progress.done and panel.progress.current == "loss-functions/mse"
    assert panel.toc.currentItem().text(0).endswith("Mean squared error")
    qtbot.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    assert panel.progress.current == "loss-functions/why" and panel.step_title.text().endswith("✓")


def test_the_dock_hides_with_ctrl_l_and_is_remembered(window, qtbot, qapp):
    window.lessons_dock.show()
    assert window.lessons_dock.isVisible()
    window.lessons_action.trigger()
    assert not window.lessons_dock.isVisible()
    window.save_settings()
    again = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(again)
    again.show()
    assert not again.lessons_dock.isVisible()


def test_lessons_switch_language_live(window, in_chinese):
    panel = go_to(window, "loss-functions/below")
    panel.check()  # a verdict is on screen too: it must be re-made in Chinese
    english, chinese = in_chinese({
        "title": panel.step_title.text, "heading": panel.heading.text, "body": panel.body.toPlainText,
        "task": panel.task.text, "verdict": panel.verdict_label.text, "show": panel.show_button.text,
        "check": panel.check_button.text, "count": panel.count.text, "dock": window.lessons_dock.windowTitle,
        "toc": lambda: panel.toc.topLevelItem(0).text(0)})
    assert "让它变小" in chinese["title"] and "交叉熵" in chinese["task"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_panel_fits_at_1280x720(qapp, qtbot, language, tmp_path):
    window = create_window(parse_args(["--lang", language]), qapp)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.lessons_action.trigger()  # View → Lessons on a narrow screen: the panel floats beside the tabs
    qtbot.waitUntil(lambda: window.lessons_dock.isVisible())
    assert window.lessons_dock.isFloating()
    panel = go_to(window, "loss-functions/below")
    qapp.processEvents()
    assert panel.width() >= panel.minimumSizeHint().width()
    for button in (panel.show_button, panel.check_button, panel.previous_button, panel.next_button,
                   panel.reset_button):
        assert button.width() >= button.sizeHint().width() - 2, button.text()  # no clipped button text
    document = panel.body.document()
    assert panel.body.isVisible() and panel.body.height() >= document.size().height()  # the whole text shows
    for key, page in window.tab_pages.items():  # the tabs keep their room
        window.show_tab(key)
        assert page.width() >= page.minimumSizeHint().width(), key
    i18n.install_language(qapp, "en")


def test_the_lesson_guide_documents_every_check():
    guide = (resource_path("..").resolve() / "docs" / "lessons.md")
    if not guide.exists():
        pytest.skip("docs/ is not installed with the app (a checkout has it)")
    text = guide.read_text(encoding="utf-8")
    assert [name for name in CHECKS if f"`{name}`" not in text] == []
