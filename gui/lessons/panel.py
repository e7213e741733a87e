"""The Lessons panel: a table of contents, one step at a time, *Show me*, and exercises the app checks.

The lessons come from gui.lessons.schema (files in resources/lessons/ and the user's data folder), the checks from
gui.lessons.checks, the progress from gui.lessons.progress. The panel asks its `host` (the main window) for the
tabs and to show a step's state (`host.tab_pages`, `host.show_lesson(show) -> str`: '' or what went wrong); it
does no mathematics: a check's verdict is shown as it comes.
"""
from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.lessons.checks import CHECKS, Verdict
from gui.lessons.progress import Progress
from gui.widgets.panel_helpers import ERROR_STYLE, Retranslated, muted, wrapped
from gui.widgets.plots import COLORS

log = logging.getLogger("gradient_lab.lessons")
STEP_ROLE = Qt.ItemDataRole.UserRole
OK_STYLE = f"color: {COLORS[2]};"
HINT_STYLE = f"color: {COLORS[1]};"


def parse_number(text: str) -> float | None:
    """A typed answer as a number ('−0.5' with a typographic minus, '1e-3', '0,5' as 0.5), or None."""
    text = text.strip().replace("−", "-").replace("，", ",").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class LessonsPanel(Retranslated, QWidget):
    def __init__(self, lessons, problems, host):
        super().__init__()
        self.lessons, self.problems, self.host = list(lessons), list(problems), host
        self.steps = [step for lesson in self.lessons for step in lesson.steps]
        self.lesson_of = {step.id: lesson for lesson in self.lessons for step in lesson.steps}
        self.progress = Progress()
        self.progress.restore({step.id for step in self.steps})
        self.verdict: Verdict | None = None
        self._build()
        self.select(self.progress.current or (self.steps[0].id if self.steps else ""))
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _build(self):
        self.toc = QTreeWidget()
        self.toc.setHeaderHidden(True)
        self.toc.itemActivated.connect(self._toc_clicked)
        self.toc.itemClicked.connect(self._toc_clicked)
        self.heading = muted(wrapped())
        self.step_title = wrapped()
        font = self.step_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.step_title.setFont(font)
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(False)
        self.body.setOpenLinks(False)
        self.body.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.show_me)
        self.show_status = wrapped()
        self.show_status.setStyleSheet(ERROR_STYLE)
        self.exercise_box = QGroupBox()
        self.task = wrapped()
        self.answer = QLineEdit()
        self.answer.setMaxLength(40)
        self.answer.returnPressed.connect(self.check)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        self.verdict_label = wrapped()
        box = QVBoxLayout(self.exercise_box)
        box.addWidget(self.task)
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addStretch(0)
        self.check_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        box.addLayout(row)
        box.addWidget(self.verdict_label)
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.previous_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(+1))
        self.count = muted(QLabel())
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.ask_reset)
        self.problems_label = wrapped()
        self.problems_label.setStyleSheet(ERROR_STYLE)

        step = QWidget()
        column = QVBoxLayout(step)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.step_title):
            column.addWidget(widget)
        column.addWidget(self.body)
        column.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.show_status)
        column.addWidget(self.exercise_box)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        column.addLayout(nav)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.reset_button)
        column.addLayout(footer)
        column.addWidget(self.problems_label)
        column.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.toc)
        self.splitter.addWidget(step)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    # ------------------------------------------------------------------ state
    @property
    def language(self) -> str:
        return i18n.current()

    def step(self):
        return next((s for s in self.steps if s.id == self.progress.current), None)

    def select(self, step_id: str) -> None:
        """Show step `step_id` (its text, its Show me and its exercise); remembered."""
        if step_id not in self.lesson_of:
            return
        if step_id != self.progress.current:
            self.verdict = None
        self.progress.current = step_id
        self.progress.save()
        self.answer.setText(self.progress.answers.get(step_id, ""))
        self.show_status.clear()
        self.render()

    def move(self, delta: int) -> None:
        """Previous / next step; leaving a step without an exercise by Next counts it as read (done)."""
        ids = [s.id for s in self.steps]
        if self.progress.current not in ids:
            return
        i = ids.index(self.progress.current)
        step = self.steps[i]
        if delta > 0 and step.exercise is None:
            self.progress.done.add(step.id)
        self.select(ids[max(0, min(len(ids) - 1, i + delta))])

    def show_me(self) -> None:
        step = self.step()
        if step is None or step.show is None:
            return
        fault = self.host.show_lesson(step.show)
        self.show_status.setText(fault)
        if fault:
            log.warning("Show me of %s: %s", step.id, fault)

    def check(self) -> None:
        """Run the step's exercise check on the tabs' current state and say what it found."""
        step = self.step()
        if step is None or step.exercise is None:
            return
        exercise = step.exercise
        try:
            result = CHECKS[exercise.check].run(self.host.tab_pages, exercise.params)
        except Exception as exc:  # noqa: BLE001 - a check must never break the panel
            log.exception("Check %s of %s failed", exercise.check, step.id)
            result = Verdict(False, self.tr("This check could not run: %1").replace("%1", str(exc)[:200]))
        if exercise.kind == "answer":
            result = self._judge_answer(step, float(result))
        self.verdict = result
        if result.ok:
            self.progress.done.add(step.id)
        self.progress.save()
        self.render()

    def _judge_answer(self, step, value: float) -> Verdict:
        typed = self.answer.text()
        self.progress.answers[step.id] = typed[:40]
        guess = parse_number(typed)
        if guess is None:
            return Verdict(False, self.tr("Type a number, e.g. -0.5 or 2.30."))
        tolerance = step.exercise.params.get("tolerance", 1e-3 * max(1.0, abs(value)))
        if abs(guess - value) <= tolerance:
            return Verdict(True, self.tr("Right: %1.").replace("%1", f"{value:.6g}"))
        return Verdict(False, self.tr("Not yet: %1 is off by more than %2.")
                       .replace("%1", f"{guess:.6g}").replace("%2", f"{tolerance:.2g}"))

    def ask_reset(self) -> None:
        answer = QMessageBox.question(self, self.tr("Reset progress"),
                                      self.tr("Forget which steps are done and the answers you typed?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.reset()

    def reset(self) -> None:
        self.progress.reset()
        self.verdict = None
        self.select(self.steps[0].id if self.steps else "")
        self.render()

    def _toc_clicked(self, item, _column=0):
        step_id = item.data(0, STEP_ROLE)
        if step_id:
            self.select(step_id)
        elif item.childCount():
            self.select(item.child(0).data(0, STEP_ROLE))

    # ------------------------------------------------------------------ showing
    def retranslate(self):
        self.toc.setAccessibleName(self.tr("Lessons: contents"))
        self.body.setAccessibleName(self.tr("The step's text"))
        self.answer.setAccessibleName(self.tr("your answer"))
        self.show_button.setText(self.tr("Show me"))
        self.show_button.setToolTip(self.tr("Set the app to what this step talks about"))
        self.exercise_box.setTitle(self.tr("Exercise"))
        self.check_button.setText(self.tr("Check"))
        self.answer.setPlaceholderText(self.tr("your answer"))
        self.previous_button.setText(self.tr("← Previous"))
        self.next_button.setText(self.tr("Next →"))
        self.reset_button.setText(self.tr("Reset progress…"))
        if self.problems:
            self.problems_label.setText(self.tr("Lesson files that could not be read (skipped): %1")
                                        .replace("%1", str(len(self.problems))) + "\n" + "\n".join(self.problems))
        self.problems_label.setVisible(bool(self.problems))
        step = self.step()
        if self.verdict is not None and step is not None and step.exercise is not None:
            self.check()  # the verdict's words were made in the old language: check again (it renders)
        else:
            self.render()

    def render(self):
        """The table of contents and the current step, in the current language."""
        language = self.language
        self._fill_toc(language)
        step = self.step()
        done = len(self.progress.done)
        self.count.setText(self.tr("%1 of %2 steps done").replace("%1", str(done)).replace("%2", str(len(self.steps))))
        if step is None:
            self.step_title.setText(self.tr("No lessons"))
            self.body.setMarkdown("")
            for widget in (self.show_button, self.exercise_box, self.previous_button, self.next_button):
                widget.setVisible(False)
            return
        lesson = self.lesson_of[step.id]
        number = lesson.steps.index(step) + 1
        self.heading.setText(self.tr("%1 %2 · step %3 of %4").replace("%1", lesson.section.get(language))
                             .replace("%2", lesson.title.get(language)).replace("%3", str(number))
                             .replace("%4", str(len(lesson.steps))))
        mark = " ✓" if step.id in self.progress.done else ""
        self.step_title.setText(step.title.get(language) + mark)
        self.body.setMarkdown(step.text.get(language))
        self.fit_body()
        self.show_button.setVisible(step.show is not None)
        self.exercise_box.setVisible(step.exercise is not None)
        if step.exercise is not None:
            self.task.setText(step.exercise.task.get(language))
            self.answer.setVisible(step.exercise.kind == "answer")
            self._show_verdict(step)
        index = self.steps.index(step)
        self.previous_button.setVisible(True)
        self.next_button.setVisible(True)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)

    def fit_body(self):
        """The step's text as tall as it needs (up to 60 % of the panel; then it scrolls)."""
        document = self.body.document()
        document.setTextWidth(self.body.viewport().width())
        needed = int(document.size().height()) + 2 * self.body.frameWidth() + 4
        self.body.setFixedHeight(max(60, min(needed, int(self.height() * 0.6) or needed)))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_body)  # once the text box itself has its new width

    def _show_verdict(self, step):
        verdict = self.verdict
        if verdict is None:
            self.verdict_label.clear()
            return
        if verdict.ok:
            self.verdict_label.setStyleSheet(OK_STYLE)
            self.verdict_label.setText("✓ " + verdict.detail)
        else:
            self.verdict_label.setStyleSheet(HINT_STYLE)
            self.verdict_label.setText(verdict.detail + "\n" + step.exercise.hint.get(self.language))

    def _fill_toc(self, language: str):
        self.toc.blockSignals(True)
        self.toc.clear()
        current = None
        for lesson in self.lessons:
            top = QTreeWidgetItem([f"{lesson.section.get(language)}  {lesson.title.get(language)}"])
            finished = all(s.id in self.progress.done for s in lesson.steps)
            if finished:
                top.setText(0, top.text(0) + "  ✓")
            for step in lesson.steps:
                marker = "✓ " if step.id in self.progress.done else ("✎ " if step.exercise else "· ")
                child = QTreeWidgetItem([marker + step.title.get(language)])
                child.setData(0, STEP_ROLE, step.id)
                top.addChild(child)
                if step.id == self.progress.current:
                    current = child
            self.toc.addTopLevelItem(top)
        if current is not None:
            current.parent().setExpanded(True)
            self.toc.setCurrentItem(current)
        self.toc.blockSignals(False)
