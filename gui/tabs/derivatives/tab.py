"""Derivatives tab: the slope at a point (drag it), the error of numerical differences against h, partial
derivatives as slices, and the chain rule on a computation graph: J = 3(a + bc) or logistic regression.

This module assembles the four pages (slope.py, error.py, partials.py, graph.py) around the tab's one state
object (state.py), adds the graph's keys and remembers the state in the settings. The mathematics is
engine.lab.derivatives, engine.lab.contours, engine.graph and engine.expr; the pages only show it.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from engine import expr
from gui.settings import read, reject
from gui.tabs.base import Tab
from gui.tabs.derivatives.error import ErrorPage
from gui.tabs.derivatives.graph import GraphPage
from gui.tabs.derivatives.partials import PartialsPage
from gui.tabs.derivatives.slope import SlopePage
from gui.tabs.derivatives.state import (
    GRAPH_KEYS,
    H_RANGE,
    INPUT_LIMIT,
    LOGISTIC_LIMIT,
    PAGES,
    PARTIAL_LIMIT,
    DerivativesState,
    function_of,
)

NUMBERS = ("x0", "h", "p0", "p1", "a", "b", "c", "x1", "x2", "w1", "w2", "bias")  # the state's numbers kept
LOGISTIC_NUMBERS = ("x1", "x2", "w1", "w2", "bias")


class DerivativesTab(Tab):
    key = "derivatives"

    def __init__(self):
        super().__init__()
        self.state = DerivativesState()
        self.slope = SlopePage(self.state)
        self.error = ErrorPage(self.state, self.slope.function_combo.model())
        self.partials = PartialsPage(self.state)
        self.graph = GraphPage(self.state)
        self.pages = QTabWidget()
        for page in (self.slope, self.error, self.partials, self.graph):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self._page_changed)
        # the first two pages show the same function and x0: what one changes, the other shows
        self.slope.changed.connect(lambda _new_function: self.error.refresh())
        self.error.changed.connect(lambda new_function: self.slope.show_function() if new_function
                                   else self.slope.refresh())
        self.error.own_function_wanted.connect(self.type_own_function)
        self.graph.cat_wanted.connect(self.open_cat_classifier)
        self._add_graph_keys()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.retranslate()

    def _add_graph_keys(self):
        """→ next step, ← previous step, B the whole backward pass, R reset: only while the graph has the focus."""
        for key, slot in ((Qt.Key.Key_Right, self.graph.next_step), (Qt.Key.Key_Left, self.graph.previous_step),
                          (Qt.Key.Key_B, self.graph.backward_pass), (Qt.Key.Key_R, self.graph.reset)):
            shortcut = QShortcut(QKeySequence(key), self.graph.graph_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def type_own_function(self):
        self.pages.setCurrentWidget(self.slope)
        self.slope.focus_text()

    def open_cat_classifier(self):
        """Training → Cat / non-cat, through the main window (show_tab) and the training tab's show_panel;
        False when this tab is not in a window that has them."""
        window = self.window()
        if not hasattr(window, "show_tab") or not window.show_tab("training"):
            return False
        show_panel = getattr(window.tab_pages["training"], "show_panel", None)  # a tab that could not open has none
        return bool(show_panel and show_panel("cat"))

    # ------------------------------------------------------------------ lessons (Show me)
    def lesson_pages(self):
        return dict(zip(PAGES, ((self.pages, page) for page in (self.slope, self.error, self.partials, self.graph)),
                        strict=True))

    def state_fault(self):
        s = self.state
        try:
            function_of(s.text)
        except (expr.ExprError, ValueError, TypeError, RecursionError, MemoryError) as exc:
            return f"text: {exc}"
        limits = [(s.h, *H_RANGE), (s.p0, -PARTIAL_LIMIT, PARTIAL_LIMIT), (s.p1, -PARTIAL_LIMIT, PARTIAL_LIMIT)]
        limits += [(getattr(s, name), -INPUT_LIMIT, INPUT_LIMIT) for name in "abc"]
        limits += [(getattr(s, name), -LOGISTIC_LIMIT, LOGISTIC_LIMIT) for name in ("x1", "x2", "w1", "w2", "bias")]
        if not all(lo <= value <= hi for value, lo, hi in limits) or s.y not in (0, 1):
            return "a number out of its range"
        if s.page not in PAGES or s.graph not in GRAPH_KEYS:
            return f"page one of {PAGES}, graph one of {GRAPH_KEYS}"
        return ""

    def show_state(self):
        s = self.state
        s.set_function(function_of(s.text), s.x0)
        s.forward_done = s.backward_done = 0
        self.slope.show_function()
        self.error.refresh()
        self.partials.refresh()
        self.graph.show_graph()
        self.pages.setCurrentIndex(PAGES.index(s.page))

    def _page_changed(self, index):
        self.state.page = PAGES[index]
        if self.state.page == "error":
            self.error.refresh()

    def title(self):
        return self.tr("Derivatives")

    def retranslate(self):
        for index, text in enumerate((self.tr("Slope at a point"), self.tr("Error against h"),
                                      self.tr("Partial derivatives"), self.tr("Computation graph"))):
            self.pages.setTabText(index, text)

    def palette_changed(self):
        self.graph.graph_view.redraw()

    # ------------------------------------------------------------------ settings
    def save_settings(self, settings):
        s = self.state
        settings.setValue("page", s.page)
        settings.setValue("function", s.text)
        settings.setValue("graph", s.graph)
        settings.setValue("y", int(s.y))
        for name in NUMBERS:
            settings.setValue(name, float(getattr(s, name)))

    def restore_settings(self, settings):
        """Write what the settings hold into the state (a bad value keeps what is there), then show it."""
        s = self.state
        numbers = {name: read(settings, name, float(getattr(s, name))) for name in NUMBERS}  # finite floats
        text = read(settings, "function", s.text)
        if len(text) > expr.MAX_LENGTH:
            reject(settings, "function", text, s.text, f"longer than {expr.MAX_LENGTH} characters")
            text = s.text
        try:
            fn = function_of(text)
        except (expr.ExprError, ValueError, TypeError, RecursionError, MemoryError) as exc:
            reject(settings, "function", text, s.text, str(exc))
            fn = s.fn
        s.set_function(fn, numbers["x0"])
        s.h = read(settings, "h", s.h, lo=H_RANGE[0], hi=H_RANGE[1])
        s.p0, s.p1 = (float(np.clip(numbers[name], -PARTIAL_LIMIT, PARTIAL_LIMIT)) for name in ("p0", "p1"))
        s.a, s.b, s.c = (float(np.clip(numbers[name], -INPUT_LIMIT, INPUT_LIMIT)) for name in "abc")
        for name in LOGISTIC_NUMBERS:
            setattr(s, name, float(np.clip(numbers[name], -LOGISTIC_LIMIT, LOGISTIC_LIMIT)))
        s.y = read(settings, "y", s.y, choices=(0, 1))
        s.graph = read(settings, "graph", s.graph, choices=GRAPH_KEYS)
        s.forward_done = s.backward_done = 0
        s.page = read(settings, "page", s.page, choices=PAGES)
        self.slope.show_function()
        self.error.refresh()
        self.partials.refresh()
        self.graph.show_graph()
        self.pages.setCurrentIndex(PAGES.index(s.page))

