"""The Lessons panel as a dock beside the tabs: lessons from resources/lessons/ and the user's data folder."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget

from gui import settings
from gui.lessons.checks import CHECKS
from gui.lessons.panel import LessonsPanel
from gui.lessons.schema import load_lessons
from gui.resources import resource_path


def lesson_folders():
    """The app's lessons, then a teacher's: *.json files in the data folder's lessons/ (see the README)."""
    return [resource_path("lessons"), settings.data_dir() / "lessons"]


def add_lessons_dock(window, tab_keys) -> QDockWidget:
    """Load the lessons (a broken file is listed in the panel and skipped) and dock their panel on the right."""
    lessons, problems = load_lessons(lesson_folders(), CHECKS, tab_keys)
    dock = QDockWidget(window)
    dock.setObjectName("lessons")  # saveState / restoreState remember where it is and whether it is shown
    dock.setWidget(LessonsPanel(lessons, problems, window))
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    screen = QGuiApplication.primaryScreen()
    dock.setVisible(screen is not None and screen.availableGeometry().width() >= WIDE_SCREEN)  # until remembered
    dock.visibilityChanged.connect(lambda shown: shown and make_room(window, dock))
    return dock


WIDE_SCREEN = 1600  # on a narrower screen the lessons start hidden: the tabs need the width (View → Lessons)
PANEL_WIDTH = 340


def make_room(window, dock) -> None:
    """A docked panel that would leave the tabs too little room floats beside the window's right edge instead
    (on a 1280-pixel screen the tabs need about 1,170 of them)."""
    if dock.isFloating():
        return
    room = window.width() - window.centralWidget().minimumSizeHint().width()
    if room >= PANEL_WIDTH:
        return
    dock.setFloating(True)
    frame = window.geometry()
    height = min(frame.height(), 720)
    dock.setGeometry(QRect(frame.right() - PANEL_WIDTH, frame.top() + 40, PANEL_WIDTH, height - 40))
