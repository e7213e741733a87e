"""The main window: one tab per lesson, the menus, language switching and remembered geometry."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout

from gui import __version__, errors, i18n
from gui import settings as settings_module
from gui.appearance import AppearanceMenu
from gui.appearance import restore as restore_appearance
from gui.lessons.dock import add_lessons_dock
from gui.resources import resource_path
from gui.scripts.actions import ScriptActions
from gui.settings import app_settings, read, read_bytes, set_identity
from gui.tabs.base import Tab
from gui.tabs.derivatives.tab import DerivativesTab
from gui.tabs.descent.tab import DescentTab
from gui.tabs.draw.tab import DrawTab
from gui.tabs.gradient_field.tab import GradientFieldTab
from gui.tabs.losses.tab import LossesTab
from gui.tabs.training.tab import TrainingTab
from gui.widgets.access import name_plots

# The tabs, in the order the curriculum teaches them: (key for --tab and QSettings, class).
TABS = (("losses", LossesTab), ("derivatives", DerivativesTab), ("gradient_field", GradientFieldTab),
        ("descent", DescentTab), ("training", TrainingTab), ("draw", DrawTab))
TAB_ORDER = tuple(key for key, _ in TABS)
log = logging.getLogger("gradient_lab.window")
DESKTOP_ID = "io.github.gradientlab.GradientLab"  # packaging/linux/<DESKTOP_ID>.desktop and .metainfo.xml


def app_icon() -> QIcon:
    """The app's icon from its PNG sizes (resources/icons, made by tools/make_icon.py from the SVG)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"gradient-lab-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


class UnavailableTab(Tab):
    """Stands in for a tab whose construction failed: the window still opens, the tab says what happened."""

    def __init__(self, key: str, fault: str):
        super().__init__()
        self.key = key
        self.fault = fault
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        names = {"losses": self.tr("Losses"), "derivatives": self.tr("Derivatives"),
                 "gradient_field": self.tr("Gradient field"), "descent": self.tr("Descent"),
                 "training": self.tr("Training"), "draw": self.tr("Draw")}
        return f"{names.get(self.key, self.key)} ⚠"

    def retranslate(self):
        where = errors.log_path()
        self.label.setText(self.tr("This tab could not open: %1\n\nThe other tabs work. The details are in the "
                                   "log file %2 (Help → Open log folder).")
                           .replace("%1", self.fault).replace("%2", str(where) if where else "-"))


def make_tab(key: str, cls) -> Tab:
    """A tab of class `cls`, or an UnavailableTab saying why when building it raised (logged)."""
    try:
        return cls()
    except Exception as exc:  # noqa: BLE001 - any fault of one tab must leave the window and the others working
        log.exception("Tab %s could not be built", key)
        return UnavailableTab(key, f"{type(exc).__name__}: {exc}"[:500])


class MainWindow(QMainWindow):
    """Tabs: Losses · Derivatives · Gradient field · Descent · Training · Draw (those that exist)."""

    def __init__(self, language: str = "en"):
        super().__init__()
        self.language = language
        self.setWindowIcon(app_icon())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.tab_pages = {}
        for key, cls in TABS:
            page = make_tab(key, cls)
            self.tab_pages[key] = page
            self.tabs.addTab(page, "")
        self._link_draw()
        name_plots(self.tabs)  # screen readers: every plot is named after its title
        self.lessons_dock = add_lessons_dock(self, TAB_ORDER)
        self._build_menus()
        self.retranslate()
        self.resize(1280 + (360 if self.lessons_dock.isVisibleTo(self) else 0), 760)  # the tabs and, on a wide
        self.resizeDocks([self.lessons_dock], [330], Qt.Orientation.Horizontal)  # screen, the lessons beside them

    # --- menus ---
    def _build_menus(self):
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.data_action = QAction(self)
        self.data_action.triggered.connect(self.show_data_dialog)
        self.file_menu.addAction(self.data_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.lessons_action = self.lessons_dock.toggleViewAction()
        self.lessons_action.setShortcut(QKeySequence("Ctrl+L"))
        self.view_menu.addAction(self.lessons_action)
        self.appearance_menu = AppearanceMenu(self)
        self.view_menu.addMenu(self.appearance_menu)
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)  # a language's own name is never translated
            action.setData(code)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.log_action = QAction(self)
        self.log_action.triggered.connect(errors.open_log_folder)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.log_action)
        self.help_menu.addAction(self.about_action)
        self.script_actions = ScriptActions(self)  # Edit → Copy as Python, Save as Python… (gui/scripts)

    def retranslate(self):
        self.setWindowTitle(self.tr("Gradient Lab"))
        self.file_menu.setTitle(self.tr("&File"))
        self.data_action.setText(self.tr("&MNIST data…"))
        self.data_action.setToolTip(self.tr("Where MNIST lives: download it, import a copy or use one found on "
                                            "this computer"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lessons_dock.setWindowTitle(self.tr("Lessons"))
        self.lessons_action.setText(self.tr("&Lessons"))
        self.lessons_action.setToolTip(self.tr("Show or hide the lessons: a guided path through chapter 4"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.log_action.setText(self.tr("Open &log folder"))
        self.log_action.setToolTip(self.tr("The folder of the log file, where unexpected errors are written"))
        self.about_action.setText(self.tr("&About Gradient Lab"))
        self.script_actions.retranslate()
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, self.tabs.widget(i).title())
        self.show_data_dir_problem()

    def show_data_dir_problem(self):
        """A data folder that could not be created: the status bar says so (and where the data goes instead)."""
        problem = settings_module.data_dir_problem()
        if problem:
            self.statusBar().showMessage(problem)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str):
        """Switch the interface language now and remember it."""
        self.language = code
        self.language_actions[code].setChecked(True)
        if not i18n.install_language(QApplication.instance(), code):
            self.report_missing_translation(code)
        app_settings().setValue("language", code)

    def report_missing_translation(self, code: str):
        """The language's .qm file is missing (an incomplete install): say so instead of silently showing English."""
        path = i18n.I18N_DIR / f"gradient_lab_{code}.qm"
        log.warning("Translation %s is missing: the interface stays in English", path)
        self.statusBar().showMessage(self.tr("The translation file %1 is missing, so the interface stays in English. "
                                             "Reinstall Gradient Lab to get it back.").replace("%1", str(path)))

    def show_tab(self, key: str) -> bool:
        page = self.tab_pages.get(key)
        if page is None:
            return False
        self.tabs.setCurrentWidget(page)
        return True

    def show_lesson(self, show: dict) -> str:
        """A lesson's Show me: open its tab (and page) with the state it gives. '' or what went wrong."""
        page = self.tab_pages.get(show.get("tab"))
        if page is None or isinstance(page, UnavailableTab):
            return self.tr("The tab of this step is not available.")
        self.show_tab(show["tab"])
        return page.apply_lesson(show.get("page", ""), show.get("state", {}))

    def current_tab_key(self) -> str:
        page = self.tabs.currentWidget()
        return getattr(page, "key", "")

    # --- data ---
    def show_data_dialog(self):
        """File → MNIST data…: the Data dialog (modal); returns where MNIST is afterwards."""
        from gui.data_dialog import ask_for_mnist

        return ask_for_mnist(self)

    # --- help ---
    def shortcut_lines(self):
        """(keys, what they do) for the Help → Keyboard shortcuts list."""
        native = QKeySequence.SequenceFormat.NativeText  # key names in the user's language (Qt's own translation)
        return [
            (QKeySequence(Qt.Key.Key_Space).toString(native),
             self.tr("Play / pause (Descent; Training: start, pause, resume)")),
            ("→", self.tr("One step (Descent); next step of the pass (Derivatives: computation graph); next "
                          "iteration (Training → MNIST: One iteration)")),
            ("←", self.tr("Previous step of the pass (Derivatives: computation graph)")),
            ("B", self.tr("The whole backward pass (Derivatives: computation graph)")),
            ("R", self.tr("Reset (Descent; Derivatives: computation graph)")),
            (QKeySequence(QKeySequence.StandardKey.Undo).toString(native),
             self.tr("Undo the last stroke (Draw)")),
            ("← → ↑ ↓",
             self.tr("Move what the mouse drags while its plot has the focus (Tab to it): the chosen bar (Losses), "
                     "the point (Derivatives, Gradient field), the start (Descent); with Shift, a tenth of a step")),
            ("← → " + QKeySequence(Qt.Key.Key_Space).toString(native),
             self.tr("Move along the hidden units; switch one off or on (Draw, when the strip has the focus)")),
            (QKeySequence("Ctrl+L").toString(native), self.tr("Show or hide the lessons")),
            (QKeySequence("Ctrl+Shift+C").toString(native),
             self.tr("Copy the experiment as a Python script (Losses, Derivatives, Gradient field, Descent)")),
            (QKeySequence("Ctrl+Tab").toString(native), self.tr("Next tab")),
            (QKeySequence(QKeySequence.StandardKey.HelpContents).toString(native),
             self.tr("This list")),
            (QKeySequence(QKeySequence.StandardKey.Quit).toString(native),
             self.tr("Quit")),
        ]

    def show_shortcuts(self):
        rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in self.shortcut_lines())
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def about_text(self) -> str:
        """The About box: what the app is, where its log file is, and a data folder that could not be used."""
        where = errors.log_path()
        text = self.tr("<h3>Gradient Lab %1</h3><p>Study how neural networks learn: loss functions, numerical "
                       "derivatives, gradients, gradient descent and live training, with the numbers of "
                       "《深度学习入门》 chapter 4 and the neural network basics lessons.</p>"
                       "<p>Built with Python, NumPy, PySide6 and pyqtgraph. Free software under the MIT "
                       "licence.</p>").replace("%1", __version__)
        text += "<p>" + self.tr("Log file: %1").replace("%1", str(where) if where else "-") + "</p>"
        problem = settings_module.data_dir_problem()
        if problem:
            text += f"<p>{problem}</p>"
        return text

    def show_about(self):
        QMessageBox.about(self, self.tr("About Gradient Lab"), self.about_text())

    # --- settings and closing ---
    def restore_settings(self):
        """Geometry, last tab, then each tab's own settings. Nothing here raises: a refused value is logged and
        keeps its default; a tab whose restore raises is logged and rebuilt with its defaults."""
        settings = app_settings()
        geometry = read_bytes(settings, "window/geometry")
        if geometry is not None and not self.restoreGeometry(geometry):
            log.warning("Setting window/geometry refused (not a saved geometry); the window keeps its default size")
        state = read_bytes(settings, "window/state")
        if state is not None and not self.restoreState(state):
            log.warning("Setting window/state refused (not a saved window state); the Lessons dock keeps its place")
        last = read(settings, "window/tab", "", choices=("", *TAB_ORDER))
        if last:
            self.show_tab(last)
        for key in list(self.tab_pages):
            page = self.tab_pages[key]
            settings.beginGroup(key)
            try:
                page.restore_settings(settings)
            except Exception:  # noqa: BLE001 - one tab's bad settings must not stop the window
                log.exception("Restoring the settings of tab %s failed; the tab opens with its defaults", key)
                self.reset_tab(key)
            finally:
                while settings.group():  # the tab may have left a group of its own open when it raised
                    settings.endGroup()

    def reset_tab(self, key: str) -> Tab:
        """Replace tab `key` by a new one with its defaults (its old page stopped and deleted)."""
        old = self.tab_pages[key]
        cls = dict(TABS)[key]
        try:
            old.shutdown()
        except Exception:  # noqa: BLE001
            log.exception("Stopping tab %s failed", key)
        new = make_tab(key, cls)
        index = self.tabs.indexOf(old)
        current = self.tabs.currentIndex() == index
        self.tabs.removeTab(index)
        old.deleteLater()
        self.tabs.insertTab(index, new, new.title())
        self.tab_pages[key] = new
        name_plots(new)
        if key == "draw":
            self._link_draw()
        if current:
            self.tabs.setCurrentIndex(index)
        return new

    def _link_draw(self):
        """Draw → Training without the tabs importing each other: the hidden unit pointed at in Draw (and its
        drawing's a[1]) is framed among Training → Weights' pictures."""
        draw = self.tab_pages.get("draw")
        if hasattr(draw, "unit_hovered"):
            draw.unit_hovered.connect(self._on_unit_hovered)

    def _on_unit_hovered(self, unit, a1):
        training, draw = self.tab_pages.get("training"), self.tab_pages.get("draw")
        if hasattr(training, "follow_draw"):
            training.follow_draw(unit, a1, getattr(getattr(draw, "state", None), "model_key", ""))

    def save_settings(self):
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())  # the Lessons dock: shown or not, where, how wide
        settings.setValue("window/tab", self.current_tab_key())
        for key, page in self.tab_pages.items():
            settings.beginGroup(key)
            try:
                page.save_settings(settings)
            except Exception:  # noqa: BLE001 - the other tabs' settings are still saved
                log.exception("Saving the settings of tab %s failed", key)
            finally:
                while settings.group():
                    settings.endGroup()
        settings.sync()

    def closeEvent(self, event):
        for key, page in self.tab_pages.items():
            try:
                page.shutdown()
            except Exception:  # noqa: BLE001 - closing goes on
                log.exception("Stopping tab %s failed", key)
        self.save_settings()
        super().closeEvent(event)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="gradient-lab", description="Gradient Lab (梯度实验室)")
    parser.add_argument("--tab", choices=TAB_ORDER, help="open this tab")
    parser.add_argument("--lang", help="interface language: zh_CN or en (default: remembered, else the system's)")
    parser.add_argument("--version", action="version", version=f"gradient-lab {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (tabs, translations, bundled model, data folder), "
                             "print each check and exit non-zero on a fault")
    return parser.parse_args(argv)


def create_window(args, app) -> MainWindow:
    """Language, window, remembered settings, then the --tab choice: shared by main() and the tests."""
    errors.setup_logging()
    settings = app_settings()
    stored = read(settings, "language", "", choices=("", *i18n.LANGUAGES))
    if not stored and settings.contains("language"):
        settings.remove("language")  # refused (logged): the system's language until the user chooses one
    language = i18n.normalize(args.lang or stored or None)
    loaded = i18n.install_language(app, language)
    restore_appearance(app)  # light, dark or the system's colours, and the text size, as the user left them
    window = MainWindow(language)
    if not loaded:
        window.report_missing_translation(language)
    try:
        window.restore_settings()
    except Exception:  # noqa: BLE001 - restore_settings guards each part; this is the last line of defence
        log.exception("Restoring the settings failed; the window opens with the defaults")
    if args.tab:
        window.show_tab(args.tab)
    return window


def main(argv=None) -> int:
    args = parse_args(argv)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # checks the installation, never needs a screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_identity(app)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)  # Wayland and the taskbar match the window to the installed .desktop file
    if args.self_test:
        from gui.self_test import run_self_test

        code = run_self_test(app, args)
    else:
        errors.install(app)
        window = create_window(args, app)
        window.show()
        code = app.exec()
    from gui.worker import Worker  # quit mid-run: stop every job and let its thread end before Python exits

    Worker.stop_all()
    if not Worker.wait_all(2000):
        # A QThread destroyed while it runs aborts the process (exit 134): leave without destroying it.
        log.warning("A job was still running 2 s after quit; leaving without waiting for it")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
