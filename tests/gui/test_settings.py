"""gui.settings.read: a stored value comes back typed and checked, and a bad one falls back to its default."""
from gui.settings import app_settings, read


def test_values_come_back_typed():
    s = app_settings()
    s.setValue("a/int", 250)
    s.setValue("a/float", 0.1)
    s.setValue("a/bool", True)
    s.setValue("a/text", "relu")
    s.sync()
    assert read(s, "a/int", 10, lo=1, hi=1000) == 250
    assert read(s, "a/float", 0.5) == 0.1
    assert read(s, "a/bool", False) is True
    assert read(s, "a/text", "sigmoid", choices=("relu", "sigmoid")) == "relu"
    assert read(s, "a/missing", 7) == 7


def test_bad_values_fall_back_to_the_default():
    s = app_settings()
    s.setValue("b/word", "lots")
    s.setValue("b/huge", str(2**40))
    s.setValue("b/nan", "nan")
    s.setValue("b/list", ["zh_CN", "en"])
    s.setValue("b/other", "tanh")
    s.setValue("b/bool", "maybe")
    s.sync()
    assert read(s, "b/word", 3) == 3
    assert read(s, "b/huge", 100, lo=1, hi=100_000) == 100
    assert read(s, "b/nan", 0.1) == 0.1
    assert read(s, "b/list", "en") == "en"
    assert read(s, "b/other", "relu", choices=("relu", "sigmoid")) == "relu"
    assert read(s, "b/bool", True) is True
