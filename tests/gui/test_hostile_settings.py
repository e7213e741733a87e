"""A hand-edited or damaged settings file never stops the app: every bad value falls back to its default, is
logged with its key, the window opens with every tab, and the INI is rewritten clean at the next close."""
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTabWidget

from engine.lab.descent import DEFAULT_START
from gui import errors
from gui.main_window import TAB_ORDER, create_window, parse_args
from gui.settings import app_settings
from gui.tabs.derivatives.state import DerivativesState
from gui.tabs.descent.state import DescentState
from gui.tabs.draw.state import DrawState
from gui.tabs.gradient_field.state import FieldState
from gui.tabs.losses.state import LossesState

BIG = str(2**31)  # one above a C int: a spin box or slider given it raised OverflowError at every start
HUGE = str(2**70)


def page(key):
    return lambda w: w.tab_pages[key]


def state(key, name):
    return lambda w: getattr(w.tab_pages[key].state, name)


def training_mnist(name):
    return lambda w: getattr(w.tab_pages["training"].panels[0].state, name)


# (INI section, key, the value as written in the file, what shows the default, the default, the key in the log)
CASES = [
    ("window", "geometry", "garbage", lambda w: w.width(), 1280, "window/geometry"),
    ("window", "geometry", "@ByteArray(garbage)", lambda w: w.width(), 1280, "window/geometry"),
    ("window", "geometry", "1, 2, 3", lambda w: w.width(), 1280, "window/geometry"),
    ("window", "tab", "nowhere", lambda w: w.current_tab_key(), "losses", "window/tab"),
    ("window", "tab", "draw, losses", lambda w: w.current_tab_key(), "losses", "window/tab"),
    ("General", "language", "zh_CN, en", lambda w: w.language, "en", "language"),
    ("General", "language", "@ByteArray(zh_CN)", lambda w: w.language, "en", "language"),
    ("losses", "batch_size", BIG, state("losses", "batch_size"), LossesState().batch_size, "losses/batch_size"),
    ("losses", "target", "lots", state("losses", "target"), LossesState().target, "losses/target"),
    ("losses", "y", "a, b", lambda w: list(w.tab_pages["losses"].state.y), list(LossesState().y), "losses/y"),
    ("losses", "logits", "1, 2, inf, 4, 5, 6, 7, 8, 9, 10",
     lambda w: list(w.tab_pages["losses"].state.logits), [0.0] * 10, "losses/logits"),
    ("losses", "logits", "1e308, 0, 0, 0, 0, 0, 0, 0, 0, -1e308",
     lambda w: list(w.tab_pages["losses"].state.logits), [0.0] * 10, "losses/logits"),
    ("derivatives", "x0", "nan", state("derivatives", "x0"), DerivativesState().x0, "derivatives/x0"),
    ("derivatives", "h", HUGE, state("derivatives", "h"), DerivativesState().h, "derivatives/h"),
    ("derivatives", "page", "point, error", state("derivatives", "page"), "point", "derivatives/page"),
    ("derivatives", "function", "__import__('os')", state("derivatives", "text"), DerivativesState().text,
     "derivatives/function"),
    ("gradient_field", "step", HUGE, state("gradient_field", "step"), FieldState().step, "gradient_field/step"),
    ("gradient_field", "ascent", BIG, state("gradient_field", "ascent"), False, "gradient_field/ascent"),
    ("gradient_field", "surface", "sphere, saddle", state("gradient_field", "key"), "sphere",
     "gradient_field/surface"),
    ("gradient_field", "point", "1, x", state("gradient_field", "point"), FieldState().point, "gradient_field/point"),
    ("gradient_field", "point", "1e300, -1e300", state("gradient_field", "point"), FieldState().point,
     "gradient_field/point"),
    ("descent", "session", '"{\\"surface\\": [\\"sphere\\"]}"', state("descent", "surface"), "sphere",
     "descent/session"),
    ("descent", "session", '"{\\"steps\\": Infinity, \\"start\\": \\"12\\"}"', state("descent", "start"),
     DEFAULT_START, "descent/session"),
    ("descent", "session", '"[[[[[[[[[[[[[[[["', state("descent", "step_num"), DescentState().step_num,
     "descent/session"),
    ("descent", "speed", BIG, state("descent", "speed"), DescentState().speed, "descent/speed"),
    ("descent", "log_scale", "@Variant(garbage)", state("descent", "log_scale"), True, "descent/log_scale"),
    ("draw", "pen_width", BIG, state("draw", "pen_width"), DrawState().pen_width, "draw/pen_width"),
    ("draw", "model", "bundled, other", state("draw", "model_key"), "bundled", "draw/model"),
    ("training", "experiment", "abc", lambda w: w.tab_pages["training"].experiments.currentIndex(), 0,
     "training/experiment"),
    ("training", "training_mnist\\iterations", BIG, training_mnist("iterations"), None, "iterations"),
    ("training", "training_mnist\\hidden_size", HUGE, training_mnist("hidden_size"), None, "hidden_size"),
    ("training", "training_mnist\\seed", HUGE, training_mnist("seed"), None, "seed"),
    ("training", "training_mnist\\page", BIG, training_mnist("page"), 0, "page"),
]


def write_ini(text):
    """Write the settings file by hand, as a user with an editor would."""
    path = app_settings().fileName()
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    return Path(path)


_opened = []


@pytest.fixture(autouse=True)
def dispose_windows():
    """Close and delete each window at the end of its test: some 250 widgets a window, and a later language
    switch would visit every one left alive (pytest-qt's deleteLater only runs when an event loop does)."""
    yield
    import shiboken6

    while _opened:
        window = _opened.pop()
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def open_window(qtbot, qapp, argv=()):
    window = create_window(parse_args(list(argv)), qapp)
    _opened.append(window)
    return window


def assert_every_tab(window):
    assert [window.tabs.widget(i).key for i in range(window.tabs.count())] == list(TAB_ORDER)
    for key in TAB_ORDER:
        assert type(window.tab_pages[key]).__name__ != "UnavailableTab", key


@pytest.mark.parametrize("section, key, raw, shown, default, logged", CASES,
                         ids=[f"{c[0]}/{c[1]}={c[2][:20]}" for c in CASES])
def test_a_bad_value_falls_back_and_is_logged(qtbot, qapp, section, key, raw, shown, default, logged):
    # a good value beside the bad one: it is restored (nothing saved is lost because of its neighbour)
    neighbour, good, kept = (("draw", "guides=false", state("draw", "show_guides")) if section == "losses"
                             else ("losses", "target=7", state("losses", "target")))
    ini = write_ini(f"[{section}]\n{key}={raw}\n[{neighbour}]\n{good}\n")
    window = open_window(qtbot, qapp, ["--lang", "en"] if key != "language" else [])
    assert_every_tab(window)
    if default is None:  # the panel's own default (its state class belongs to the Training tab)
        default = getattr(type(window.tab_pages["training"].panels[0].state)(), key.split("\\")[-1])
    if key == "language":
        from gui import i18n

        default = i18n.system_language()
    assert kept(window) == (False if section == "losses" else 7), "the good value beside the bad one was lost"
    value = shown(window)
    assert value == default, f"{section}/{key}={raw!r} gave {value!r}, not the default {default!r}"
    log = errors.log_path()
    assert log is not None and log.is_file()
    text = log.read_text(encoding="utf-8")
    assert logged in text, f"the log does not name {logged}:\n{text[-2000:]}"
    window.close()  # the settings are written back: the bad value is gone
    assert ini.read_text(encoding="utf-8").count(raw) == 0 or key == "log_scale"


def test_every_bad_value_at_once_still_opens(qtbot, qapp):
    sections = {}
    for section, key, raw, *_ in CASES:
        sections.setdefault(section, []).append(f"{key}={raw}")
    write_ini("".join(f"[{s}]\n" + "\n".join(lines) + "\n" for s, lines in sections.items()))
    window = open_window(qtbot, qapp)
    assert_every_tab(window)
    window.show()
    qtbot.waitExposed(window)
    window.close()


def test_a_tab_whose_restore_raises_still_opens_with_its_defaults(qtbot, qapp, monkeypatch):
    from gui.tabs.descent.tab import DescentTab

    app_settings().setValue("descent/speed", 40)
    app_settings().setValue("losses/batch_size", 7)
    app_settings().sync()

    def broken(self, settings):
        self.state.speed = 99  # half-restored, then a fault the tab did not foresee
        raise RuntimeError("restore went wrong")

    monkeypatch.setattr(DescentTab, "restore_settings", broken)
    window = open_window(qtbot, qapp)
    assert_every_tab(window)
    descent = window.tab_pages["descent"]
    assert isinstance(descent, DescentTab) and descent.state.speed == DescentState().speed  # rebuilt: defaults
    assert window.tabs.indexOf(descent) == TAB_ORDER.index("descent")
    assert window.tab_pages["losses"].state.batch_size == 7  # the other tabs restored as usual
    text = errors.log_path().read_text(encoding="utf-8")
    assert "descent" in text and "restore went wrong" in text


def test_a_tab_that_cannot_be_built_leaves_the_window_working(qtbot, qapp, monkeypatch, in_chinese):
    from gui.tabs.draw.tab import DrawTab

    def broken(self, *args, **kwargs):
        raise ValueError("digit_default.npz: damaged")

    monkeypatch.setattr(DrawTab, "__init__", broken)
    window = open_window(qtbot, qapp, ["--tab", "draw"])
    draw = window.tab_pages["draw"]
    assert type(draw).__name__ == "UnavailableTab"
    assert "digit_default.npz: damaged" in draw.label.text()
    assert window.current_tab_key() == "draw"
    assert window.tabs.count() == len(TAB_ORDER)
    assert "digit_default.npz: damaged" in errors.log_path().read_text(encoding="utf-8")
    index = TAB_ORDER.index("draw")
    assert window.tabs.tabText(index) == "Draw ⚠"
    _, chinese = in_chinese({"title": lambda: window.tabs.tabText(index), "notice": draw.label.text})
    assert chinese["title"] == "手写数字 ⚠"
    window.close()  # saving skips nothing it should not raise on


def test_a_data_folder_that_cannot_be_created_falls_back(tmp_path, monkeypatch, qtbot, qapp, in_chinese):
    from gui import settings

    monkeypatch.setattr(settings, "_problem", None)  # put back afterwards: other tests see a working folder
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))  # the fallback, kept in tmp_path

    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the data folder should be")
    wanted = blocker / "Gradient Lab"
    folder = settings.usable_folder(wanted)
    assert folder != wanted and folder.is_dir()
    probe = folder / "probe"
    probe.write_text("ok")  # the fallback is writable
    probe.unlink()
    monkeypatch.setattr("gui.settings.data_dir", lambda: settings.usable_folder(wanted))
    window = open_window(qtbot, qapp)
    assert_every_tab(window)
    about = window.about_text()
    assert str(wanted) in about and str(folder) in about  # the About box says where the data went and why
    shown = window.statusBar().currentMessage()  # and the status bar, from the start
    assert str(wanted) in shown and "Not a directory" in shown and str(folder) in shown
    assert str(wanted) in errors.log_path().read_text(encoding="utf-8")
    in_chinese({"status bar": window.statusBar().currentMessage})
    window.close()


def test_a_read_only_data_folder_falls_back(tmp_path, monkeypatch):
    import os

    from gui import settings

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root): a read-only folder cannot be made")
        monkeypatch.setattr(settings, "_problem", None)
        monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
        folder = settings.usable_folder(locked / "Gradient Lab")
        assert folder.is_dir() and os.access(folder, os.W_OK)
        assert not str(folder).startswith(str(locked))
    finally:
        locked.chmod(0o700)


def test_the_window_restored_from_garbage_is_usable(qtbot, qapp):
    write_ini("[window]\ngeometry=garbage\ntab=descent, draw\n[descent]\nspeed=" + BIG + "\n")
    window = open_window(qtbot, qapp)
    tabs = window.findChild(QTabWidget)
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(10)
    assert window.tabs.currentIndex() == tabs.count() - 1


def test_a_data_folder_on_a_read_only_file_system_falls_back(tmp_path, monkeypatch):
    """The read-only file system itself cannot be mounted in a test: Path.mkdir answers as it would (EROFS)."""
    import errno
    from pathlib import Path

    from gui import settings

    wanted = tmp_path / "ro" / "Gradient Lab"
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if str(self).startswith(str(tmp_path / "ro")):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(settings, "_problem", None)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    folder = settings.usable_folder(wanted)
    assert folder.is_dir() and not str(folder).startswith(str(tmp_path / "ro"))
    assert "Read-only file system" in settings.data_dir_problem() and str(folder) in settings.data_dir_problem()
