"""Edit → Copy as Python (Ctrl+Shift+C) and Edit → Save as Python…: the current tab's experiment as a short NumPy
script (gui.scripts), on the clipboard or in a .py file. Enabled when the current tab has a script."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSaveFile
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.scripts import script_for
from gui.settings import remember_folder, save_folder

log = logging.getLogger("gradient_lab.scripts")
STATUS_MS = 8000  # how long the status bar keeps the message


class ScriptActions(QObject):
    """The Edit menu's two script actions for `window` (a MainWindow: tabs, tab_pages, menuBar, statusBar).

    The Edit menu is created (between File and View) if the window has none."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = getattr(window, "edit_menu", None)
        if self.menu is None:
            self.menu = window.menuBar().addMenu("")
            view_menu = getattr(window, "view_menu", None)
            if view_menu is not None:  # Edit comes after File, before View, as in most programs
                window.menuBar().insertMenu(view_menu.menuAction(), self.menu)
            window.edit_menu = self.menu
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.triggered.connect(self.copy)
        self.save_action = QAction(self)
        self.save_action.triggered.connect(self.save)
        self.menu.addAction(self.copy_action)
        self.menu.addAction(self.save_action)
        window.tabs.currentChanged.connect(self.update_enabled)
        self.retranslate()
        self.update_enabled()

    def retranslate(self):
        self.menu.setTitle(self.tr("&Edit"))
        self.copy_action.setText(self.tr("&Copy as Python"))
        self.copy_action.setToolTip(self.tr("Copy a short NumPy script that reproduces this tab's experiment and "
                                            "prints the same numbers"))
        self.save_action.setText(self.tr("&Save as Python…"))
        self.save_action.setToolTip(self.tr("Save a short NumPy script that reproduces this tab's experiment as a "
                                            ".py file"))

    # ------------------------------------------------------------------ which tab
    def current_tab(self):
        return self.window.tabs.currentWidget()

    def available(self) -> bool:
        """True when the current tab has a script (every tab with one in gui.scripts.SCRIPTS)."""
        from gui.scripts import has_script

        return has_script(self.current_tab())

    def update_enabled(self, *_):
        on = self.available()
        self.copy_action.setEnabled(on)
        self.save_action.setEnabled(on)

    def script(self) -> str | None:
        """The current tab's script, or None (with a message in the status bar) when it cannot be written."""
        tab = self.current_tab()
        try:
            text = script_for(tab)
        except Exception as exc:  # noqa: BLE001 - a fault here must leave the app working, and say so
            log.exception("Writing the script of tab %s failed", getattr(tab, "key", "?"))
            self.say(self.tr("Could not write a script for this tab: %1").replace("%1", str(exc)))
            return None
        if text is None:
            self.say(self.tr("This tab has no Python script yet."))
        return text

    def say(self, text):
        self.window.statusBar().showMessage(text, STATUS_MS)

    # ------------------------------------------------------------------ the actions
    def copy(self):
        """The script on the clipboard; the status bar says how long it is and what to do with it."""
        text = self.script()
        if text is None:
            return
        QGuiApplication.clipboard().setText(text)
        self.say(self.tr("Copied a Python script of this experiment (%1 lines) — paste it into a file and run it "
                         "with python").replace("%1", str(len(text.splitlines()))))

    def default_path(self) -> str:
        name = f"gradient_lab_{getattr(self.current_tab(), 'key', 'experiment')}.py"
        return str(save_folder("script") / name)

    def ask_path(self) -> str:
        """Where to save (the folder used last time, else the user's documents folder); '' when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save as Python"), self.default_path(),
                                              self.tr("Python scripts (*.py)"))
        if path:
            remember_folder("script", path)
        return path

    def save(self) -> str:
        """Write the script to a .py file the user chooses (all or nothing: QSaveFile); returns the path or ''."""
        text = self.script()
        if text is None:
            return ""
        path = self.ask_path()
        if not path:
            return ""
        if not path.lower().endswith(".py"):
            path += ".py"
        out = QSaveFile(path)
        ok = out.open(QSaveFile.OpenModeFlag.WriteOnly)
        if ok:
            data = text.encode("utf-8")
            ok = out.write(data) == len(data) and out.commit()
        if not ok:
            reason = out.errorString()
            out.cancelWriting()
            log.warning("Saving the script to %s failed: %s", path, reason)
            QMessageBox.warning(self.window, self.tr("Save as Python"), self.tr(
                "Could not save %1: %2. Choose another folder, or check that you may write there.")
                .replace("%1", path).replace("%2", reason))
            return ""
        self.say(self.tr("Saved the Python script to %1 — run it with python").replace("%1", path))
        return path
