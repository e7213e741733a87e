"""Training tab: the live experiments, each a panel chosen at the top (MNIST two-layer net, cat / non-cat)."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from gui.settings import read
from gui.tabs.base import Tab, set_fields
from gui.tabs.training.cat import state as cat_state
from gui.tabs.training.cat.panel import CatPanel
from gui.tabs.training.mnist import state as mnist_state
from gui.tabs.training.mnist.net_box import ACTIVATIONS, METHODS
from gui.tabs.training.mnist.panel import MnistPanel

# (settings group, panel class), in the order shown.
PANELS = (("training_mnist", MnistPanel), ("training_cat", CatPanel))


class TrainingTab(Tab):
    """Hosts one panel per experiment; each panel is a Tab-like widget with title/retranslate/shutdown."""

    key = "training"

    def __init__(self):
        super().__init__()
        self.experiments = QTabWidget()
        self.experiments.setDocumentMode(True)
        self.panels = []
        for name, cls in PANELS:
            panel = cls()
            panel.setObjectName(name)
            self.panels.append(panel)
            self.experiments.addTab(panel, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.experiments)
        self.retranslate()

    def title(self):
        return self.tr("Training")

    def retranslate(self):
        for i, panel in enumerate(self.panels):
            self.experiments.setTabText(i, panel.title())

    def show_panel(self, name):
        """Bring experiment `name` ("mnist" or "cat") to the front; False when there is none of that name."""
        for i, panel in enumerate(self.panels):
            if panel.objectName() == f"training_{name}":
                self.experiments.setCurrentIndex(i)
                return True
        return False

    # ------------------------------------------------------------------ lessons (Show me)
    def lesson_pages(self):
        return {panel.objectName().removeprefix("training_"): (self.experiments, panel) for panel in self.panels}

    def apply_lesson(self, page, values):
        """Show me: `page` is the panel ("mnist" or "cat"); `values` its saved settings (MnistState.SAVED,
        CatState.SAVED), "page" by its name (e.g. "learning", "vector"). Checked as the settings are; a value out
        of range changes nothing. A run under way is left alone: the settings apply to the next one."""
        pages = self.lesson_pages()
        if not page and not values:
            return ""  # the tab only
        if page not in pages:
            return f"training: the page is the panel, one of {', '.join(pages)}"
        panel = pages[page][1]
        state, names = panel.state, (mnist_state.MnistState.SAVED if page == "mnist" else cat_state.CatState.SAVED)
        values = dict(values)
        inner_pages = mnist_state.PAGES if page == "mnist" else cat_state.PAGES
        if "page" in values:
            if values["page"] not in inner_pages:
                return f"training: {page} has the pages {', '.join(inner_pages)}"
            values["page"] = inner_pages.index(values["page"])
        unknown = set(values) - set(names)
        if unknown:
            return f"training: {page} has no setting {', '.join(sorted(unknown))}"
        before = {key: getattr(state, key) for key in values}
        fault = set_fields(state, values) or self._training_fault(page, state)
        if fault:
            for key, value in before.items():
                setattr(state, key, value)
            return f"training: {fault}"
        self.experiments.setCurrentWidget(panel)
        panel.pages.setCurrentIndex(state.page)
        if page == "mnist":
            panel.net_box.refresh()
            panel.fitting_box.refresh()
            panel.learning.label_accuracy_plot()
        panel.refresh_all()
        return ""

    @staticmethod
    def _training_fault(page, state) -> str:
        if page == "mnist":
            ok = (state.activation in ACTIVATIONS and state.method in METHODS and 1 <= state.hidden_size <= 1000
                  and 1e-6 <= state.learning_rate <= 1e8 and 1 <= state.batch_size <= 10_000
                  and 1 <= state.iterations <= 1_000_000 and 10 <= state.train_size <= 60_000
                  and 0 <= state.validation <= 20_000 and 0 <= state.weight_decay <= 1000)
            return "" if ok else "a setting out of its range"
        limits = cat_state.LIMITS
        for name, limit in limits.items():
            value = getattr(state, name)
            if "choices" in limit and value not in limit["choices"] or \
                    "lo" in limit and not limit["lo"] <= value <= limit["hi"]:
                return f"{name} out of its range"
        return ""

    def follow_draw(self, unit, a1, model_key):
        """The Draw tab's hovered hidden unit and a[1] (gui.main_window links the tabs): Training → Weights frames
        the pictures that respond, when the Draw tab explains the model trained or loaded here."""
        for panel in self.panels:
            if isinstance(panel, MnistPanel):
                panel.weights.follow_draw(unit, a1, model_key == "trained")

    def shutdown(self):
        for panel in self.panels:
            panel.shutdown()

    def save_settings(self, settings):
        settings.setValue("experiment", self.experiments.currentIndex())
        for panel in self.panels:
            settings.beginGroup(panel.objectName())
            panel.save_settings(settings)
            settings.endGroup()

    def restore_settings(self, settings):
        self.experiments.setCurrentIndex(read(settings, "experiment", 0, lo=0, hi=len(self.panels) - 1))
        for panel in self.panels:
            settings.beginGroup(panel.objectName())
            panel.restore_settings(settings)
            settings.endGroup()

