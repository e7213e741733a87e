"""A damaged bundled model (issue 12): the hub reports the fault, the Draw tab still opens and says why there is
nothing to predict with. The damaged files are built here in tmp_path."""
import json

import numpy as np
import pytest

import gui.model_hub as model_hub
from engine.networks import TwoLayerNet
from gui.model_hub import ModelHub
from gui.tabs.draw.tab import DrawTab


def damaged(tmp_path, kind):
    path = tmp_path / "digit_default.npz"
    good = TwoLayerNet(784, 5, 10, seed=0).params
    if kind == "list header":
        np.savez(path, header=np.array(json.dumps(["relu"])), **good)
        return path, "the header is a JSON list"
    if kind == "int weights":
        np.savez(path, header=np.array('{"activation": "relu", "meta": {}}'),
                 **{**good, "W1": np.ones((784, 5), np.int64)})
        return path, "'W1' has dtype int64"
    if kind == "truncated":
        np.savez(path, header=np.array('{"activation": "relu", "meta": {}}'), **good)
        path.write_bytes(path.read_bytes()[:2000])
        return path, "digit_default.npz"
    if kind == "wrong sizes":
        TwoLayerNet(3, 5, 2, seed=0).save(path)
        return path, "a 3-5-2 net, not 784 inputs and 10 outputs"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["list header", "int weights", "truncated", "wrong sizes"])
def test_a_damaged_bundled_model_leaves_the_draw_tab_working(qtbot, tmp_path, monkeypatch, kind):
    path, fault = damaged(tmp_path, kind)
    monkeypatch.setattr(model_hub, "BUNDLED_MODEL", path)
    hub = ModelHub()
    tab = DrawTab(model_hub=hub)  # before the fix, a list header raised AttributeError here
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert hub.get("bundled") is None
    assert hub.bundled_error.startswith(str(path)) and fault in hub.bundled_error, hub.bundled_error
    assert hub.bundled_error.count("digit_default.npz") == 1, hub.bundled_error  # the file named once
    text = tab.controls.model_message.text()
    assert "could not be loaded" in text and fault in text, text
    # a model published later (trained in the Training tab) is still offered and used
    hub.publish("trained", "trained", TwoLayerNet(784, 5, 10, seed=1))
    assert hub.get("trained") is not None and tab.controls.model_combo.count() == 1


def test_a_missing_bundled_model_says_file_not_found(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(model_hub, "BUNDLED_MODEL", tmp_path / "absent.npz")
    hub = ModelHub()
    assert hub.ensure_bundled() == f"{tmp_path / 'absent.npz'}: file not found"
