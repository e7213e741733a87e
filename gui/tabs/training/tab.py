"""Training tab: the live experiments, each a panel chosen at the top (MNIST two-layer net, cat / non-cat)."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from gui.settings import read
from gui.tabs.base import Tab
from gui.tabs.training.cat.panel import CatPanel
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

