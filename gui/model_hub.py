"""The trained digit models the app knows about, shared by the Training and Draw tabs.

The Training tab publishes a model it trained or loaded (``hub().publish("trained", label, net)``); the Draw
tab lists them and predicts with the chosen one. The bundled model (resources/models/digit_default.npz,
made by tools/train_default_model.py) is loaded once, on first use, by ``hub().ensure_bundled()``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from engine.networks import TwoLayerNet
from gui.resources import resource_path

MODELS_DIR = resource_path("models")  # in the checkout, an installed wheel or the desktop bundle
BUNDLED_MODEL = MODELS_DIR / "digit_default.npz"


class ModelHub(QObject):
    """Named TwoLayerNet models; `changed` fires when one is added or replaced."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        self._models = {}  # key → (label, net)
        self.bundled_error: str | None = None  # why the bundled model could not be loaded (None: fine)
        self._bundled_tried = False

    def publish(self, key: str, label, net) -> None:
        """Add or replace a model (key "trained" for the Training tab's latest, "bundled" for the default).
        `label` is its name, or a function giving its name in the language of the moment (a live switch
        renames the entry the Draw tab shows)."""
        self._models[key] = (label, net)
        self.changed.emit()

    def items(self):
        """[(key, label, net)] in the order they were first published."""
        return [(key, self.label(key), net) for key, (_label, net) in self._models.items()]

    def get(self, key: str):
        entry = self._models.get(key)
        return None if entry is None else entry[1]

    def label(self, key: str) -> str:
        entry = self._models.get(key)
        if entry is None:
            return ""
        return entry[0]() if callable(entry[0]) else entry[0]

    def ensure_bundled(self, path=None) -> str | None:
        """Load and publish the bundled model as "bundled" unless that was done already.

        Returns None when it is there, else the reason it is not (also kept in `bundled_error`, "path: fault"):
        a missing, unreadable or damaged file never raises, so the Draw tab and the window still open.
        `path` overrides BUNDLED_MODEL (read at call time).
        """
        if "bundled" in self._models:
            return None
        if self._bundled_tried and path is None:
            return self.bundled_error
        self._bundled_tried = True
        path = Path(path) if path is not None else BUNDLED_MODEL
        try:
            net = TwoLayerNet.load(path)
            if net.sizes[0] != 784 or net.sizes[2] != 10:
                raise ValueError(f"a {net.sizes[0]}-{net.sizes[1]}-{net.sizes[2]} net, "
                                 f"not 784 inputs and 10 outputs")
        except FileNotFoundError:
            self.bundled_error = f"{path}: file not found"
            return self.bundled_error
        except Exception as exc:  # noqa: BLE001 — a damaged bundled model must never stop the window opening
            reason = str(exc).removeprefix(f"{path.name}: ")  # load's message names the file already
            self.bundled_error = f"{path}: {reason}"
            return self.bundled_error
        self.bundled_error = None
        self.publish("bundled", "digit_default", net)
        return None


_hub: ModelHub | None = None


def hub() -> ModelHub:
    """The application's one ModelHub."""
    global _hub
    if _hub is None:
        _hub = ModelHub()
    return _hub
