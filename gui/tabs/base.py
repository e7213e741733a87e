"""What every tab shares: a stable key, a translated title, retranslation, shutdown and remembered settings."""
from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class Tab(QWidget):
    """Base class of the main window's tabs.

    Subclasses set `key` (used by --tab and QSettings), build their widgets in __init__, set every
    user-visible text in `retranslate()` (called once at the end of __init__ and again whenever the
    language changes), and stop their workers in `shutdown()`.
    """

    key = ""

    def title(self) -> str:  # pragma: no cover - every tab overrides
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every user-visible text with self.tr(); runs again on a language change."""

    def shutdown(self) -> None:
        """Stop running work (called before the window closes)."""

    def save_settings(self, settings) -> None:
        """Remember what the user chose (QSettings, group = the tab's key)."""

    def restore_settings(self, settings) -> None:
        """Bring back what save_settings wrote, each value read through gui.settings (read, read_floats,
        read_json…): a value of the wrong type or range keeps its default and is logged. Should this still raise,
        the main window logs it and rebuilds the tab with its defaults."""

    def palette_changed(self) -> None:
        """Re-colour what the tab draws itself (plots follow the palette on their own)."""

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.palette_changed()
        super().changeEvent(event)

    # --------------------------------------------------------------------------------- lessons (Show me)
    def lesson_pages(self) -> dict:
        """{name: (QTabWidget, page widget)} of the pages a lesson's Show me may open ({}: none)."""
        return {}

    def show_state(self) -> None:
        """Bring every widget in line with the state object (after a lesson set it)."""

    def state_fault(self) -> str:
        """What is wrong with the state object after a lesson set it ('' when it is fine)."""
        return ""

    def apply_lesson(self, page: str, values: dict) -> str:
        """Show me: set the state's fields `values`, open `page`, show the state. Returns '' or what went wrong
        (an unknown field or page, a value of the wrong kind); nothing is changed then."""
        pages = self.lesson_pages()
        if page and page not in pages:
            return f"{self.key}: no page {page!r} (known: {', '.join(pages) or 'none'})"
        state = getattr(self, "state", None)
        before = {key: getattr(state, key) for key in values if hasattr(state, key)}
        fault = (set_fields(state, values) or self.state_fault()) if values else ""
        if fault:
            for key, value in before.items():
                setattr(state, key, value)
            return f"{self.key}: {fault}"
        if page:
            tabs, widget = pages[page]
            tabs.setCurrentWidget(widget)
        self.show_state()
        return ""


def set_fields(state, values: dict) -> str:
    """Set dataclass `state`'s fields from `values`, each converted to its field's current kind (bool, int, float,
    str, a tuple or a float array of as many numbers, a set of whole numbers): '' when all are set, else why none
    is."""
    if state is None or not dataclasses.is_dataclass(state):
        return "this tab has no state object"
    names = {f.name for f in dataclasses.fields(state)}
    converted = {}
    for key, value in values.items():
        if key not in names:
            return f"the state has no field {key!r}"
        current = getattr(state, key)
        try:
            if isinstance(current, np.ndarray):
                array = np.asarray(value, dtype=float)
                if array.shape != current.shape or not np.all(np.isfinite(array)):
                    raise ValueError(f"needs {current.shape} finite numbers")
                converted[key] = array
            elif isinstance(current, tuple):
                if not isinstance(value, list | tuple) or len(value) != len(current):
                    raise ValueError(f"needs {len(current)} numbers")
                numbers = tuple(float(v) for v in value if not isinstance(v, bool))
                if len(numbers) != len(current) or not all(np.isfinite(numbers)):
                    raise ValueError(f"needs {len(current)} finite numbers")
                converted[key] = numbers
            elif isinstance(current, set | frozenset):
                if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                          for v in value):
                    raise ValueError("needs a list of whole numbers")
                converted[key] = set(value)
            elif isinstance(current, bool) or isinstance(value, bool):
                if not isinstance(value, bool) or not isinstance(current, bool):
                    raise ValueError("needs true or false")
                converted[key] = value
            elif isinstance(current, int | float | str):
                if isinstance(current, str) != isinstance(value, str):
                    raise ValueError(f"needs a {type(current).__name__}")
                if isinstance(current, int) and not float(value).is_integer():
                    raise ValueError("needs a whole number")
                converted[key] = type(current)(value)
            else:
                raise ValueError(f"a lesson cannot set a {type(current).__name__}")
        except (TypeError, ValueError, OverflowError) as exc:
            return f"{key}: {exc}"
    for key, value in converted.items():
        setattr(state, key, value)
    return ""
