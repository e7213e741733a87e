"""The trained digit models the app knows about, shared by the Training and Draw tabs.

The Training tab publishes a model it trained or loaded; the Draw tab lists them and predicts with the
chosen one. The bundled model (resources/models/) is always there.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ModelHub(QObject):
    """Named TwoLayerNet models; `changed` fires when one is added or replaced."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        self._models = {}  # key → (label, net)

    def publish(self, key: str, label: str, net) -> None:
        """Add or replace a model (key "trained" for the Training tab's latest, "bundled" for the default)."""
        self._models[key] = (label, net)
        self.changed.emit()

    def items(self):
        """[(key, label, net)] in the order they were first published."""
        return [(key, label, net) for key, (label, net) in self._models.items()]

    def get(self, key: str):
        entry = self._models.get(key)
        return None if entry is None else entry[1]


_hub: ModelHub | None = None


def hub() -> ModelHub:
    """The application's one ModelHub."""
    global _hub
    if _hub is None:
        _hub = ModelHub()
    return _hub
