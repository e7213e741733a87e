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


def test_a_refused_value_is_logged_with_its_key(caplog):
    s = app_settings()
    s.setValue("c/speed", str(2**31))
    s.beginGroup("c")
    with caplog.at_level("WARNING", logger="gradient_lab.settings"):
        assert read(s, "speed", 15) == 15  # above a C int even without hi: a spin box would raise OverflowError
        assert read(s, "missing", 3) == 3
    s.endGroup()
    assert [r.getMessage() for r in caplog.records if "c/speed" in r.getMessage()], caplog.text
    assert "c/missing" not in caplog.text  # a missing value is no fault


def test_lists_bytes_and_json():
    from PySide6.QtCore import QByteArray

    from gui.settings import read_bytes, read_floats, read_json

    s = app_settings()
    s.setValue("d/ten", [str(v) for v in range(10)])
    s.setValue("d/one", ["0.5"])  # the INI stores a one-item list as a plain text
    s.setValue("d/inf", ["1", "inf"])
    s.setValue("d/words", ["a", "b"])
    s.setValue("d/geometry", QByteArray(b"\x01\xd9\xd0\xcb"))
    s.setValue("d/not_bytes", "garbage")
    s.setValue("d/session", '{"surface": "saddle"}')
    s.setValue("d/list_json", "[1, 2]")
    s.setValue("d/deep", "[" * 100_000)
    s.sync()
    assert read_floats(s, "d/ten", None, length=10) == [float(v) for v in range(10)]
    assert read_floats(s, "d/ten", None, length=2) is None
    assert read_floats(s, "d/one", None) == [0.5]
    assert read_floats(s, "d/inf", None) is None
    assert read_floats(s, "d/words", []) == []
    assert read_floats(s, "d/ten", None, hi=5) is None
    assert bytes(read_bytes(s, "d/geometry").data()) == b"\x01\xd9\xd0\xcb"
    assert read_bytes(s, "d/not_bytes") is None
    assert read_bytes(s, "d/missing") is None
    assert read_json(s, "d/session") == {"surface": "saddle"}
    assert read_json(s, "d/list_json") == {}
    assert read_json(s, "d/deep") == {}  # neither a RecursionError nor a hang
