"""Save model… / Load model… of the MNIST panel (a mixin of MnistPanel): the net written atomically, a saved net
read on a worker and checked before it replaces the current one. Both dialogs open in the user's documents folder,
then in the folder they chose last for a model (gui.settings.save_folder / remember_folder)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.settings import remember_folder, save_folder
from gui.tabs.training.mnist import jobs

MODEL = "model"  # the RunController's name of the job that reads a saved net


class ModelFiles:
    """Needs the panel's state, model_box, runs, run_job, stop_training, check, weights, start_report and
    refresh_all / refresh_run_controls."""

    def save_model_dialog(self):
        start = str(save_folder(MODEL) / "mnist_two_layer_net.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), start, self.tr("NumPy model (*.npz)"))
        if path:
            remember_folder(MODEL, path)
            self.save_model(path)

    def save_model(self, path) -> bool:
        """Write the current net to `path` (.npz added if missing); atomic: a failed save leaves no half file."""
        s = self.state
        if s.net is None:
            return False
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        s.net.meta.update({"dataset": "mnist", "hidden_size": s.net.sizes[1], "activation": s.net.activation,
                           "train_acc": s.train_acc, "test_acc": s.test_acc})
        try:
            s.net.save(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.model_box.say(lambda: self.tr("Cannot save %1: %2").replace("%1", path.name).replace("%2", reason),
                               error=True)
            return False
        self.model_box.say(lambda: self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    def load_model_dialog(self):
        start = str(save_folder(MODEL))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load model"), start, self.tr("NumPy model (*.npz)"))
        if path:
            remember_folder(MODEL, path)
            self.load_model(path)

    def load_model(self, path) -> bool:
        """Read a saved net on a worker (a big file never freezes the window); a wrong or corrupt file gives a
        message naming it and changes nothing. False when refused (the panel has shut down)."""
        if self.runs.closed:
            return False
        path = Path(path)
        self.model_box.say(lambda: self.tr("Reading %1…").replace("%1", path.name))
        self.run_job(MODEL, lambda: jobs.model_job(path), events=lambda batch: self.on_model(path, batch),
                     failed=lambda message: (self.on_model_bad(path, message), self.refresh_run_controls()),
                     done=lambda _: self.refresh_run_controls())  # Start waits meanwhile (can_start)
        self.refresh_run_controls()
        return True

    def on_model(self, path, batch):
        for event in batch:
            if event["kind"] == "model_missing":
                self.model_box.say(lambda: self.tr("Cannot load %1: the file does not exist.").replace(
                    "%1", path.name), error=True)
            elif event["kind"] == "model_bad":
                self.on_model_bad(path, event["reason"])
            else:
                self.use_model(path, event["net"])

    def on_model_bad(self, path, reason):
        if path.name not in reason:
            reason = f"{path.name}: {reason}"
        self.model_box.say(lambda: self.tr("Cannot load this file: %1").replace("%1", reason), error=True)

    def use_model(self, path, net) -> bool:
        """The net read from `path` replaces the current one, if it is an MNIST net."""
        inputs, hidden, outputs = net.sizes
        if (inputs, outputs) != (784, 10):
            self.model_box.say(lambda: self.tr(
                "%1 is a %2-%3-%4 net, not one for MNIST (784 pixels in, 10 digits out).").replace(
                "%1", path.name).replace("%2", str(inputs)).replace("%3", str(hidden)).replace("%4", str(outputs)),
                error=True)
            return False
        self.stop_training()
        self.check.stop_check()
        s = self.state
        net.meta["file"] = path.name
        s.net, s.net_origin, s.report, s.train_acc, s.test_acc = net, "loaded", None, None, None
        s.outcome = None
        s.activation, s.hidden_size = net.activation, hidden  # the settings describe the net on screen
        self.net_box.refresh()
        self.weights.show_weights(net.params["W1"])
        self.model_box.say(lambda: self.tr("Loaded %1: a 784-%2-10 net with %3.").replace("%1", path.name)
                           .replace("%2", str(hidden)).replace("%3", net.activation))
        self.start_report()
        self.refresh_all()
        return True
