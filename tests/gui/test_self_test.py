"""`gradient-lab --self-test`: passes on a complete installation, names the fault and exits 1 on a broken one."""
import io

import pytest

from gui import __version__, i18n, self_test
from gui.main_window import TABS, create_window, parse_args


def run(qapp, *argv):
    out = io.StringIO()
    code = self_test.run_self_test(qapp, parse_args(["--self-test", *argv]), out=out)
    return code, out.getvalue().splitlines()


def test_a_complete_installation_passes_every_check(qapp):
    code, lines = run(qapp, "--lang", "zh_CN")
    assert code == 0, "\n".join(lines)
    assert lines[0].startswith(f"Gradient Lab {__version__} self-test")
    names = [name for name, _ in self_test.CHECKS]
    for name in names:
        assert any(line.startswith(f"ok    {name}:") for line in lines), (name, lines)
    chinese = next(line for line in lines if line.startswith("ok    Chinese translation:"))
    assert "梯度实验室" in chinese and "取消" in chinese  # ours and Qt's own
    assert lines[-1] == f"self-test passed: {len(names)} of {len(names)} checks ok"
    assert i18n.install_language(qapp, "en")


def test_a_missing_resource_fails_and_is_named(qapp, monkeypatch):
    monkeypatch.setattr(self_test, "REQUIRED", (*self_test.REQUIRED, "lessons/absent.json"))
    code, lines = run(qapp)
    assert code == 1
    assert any(line.startswith("FAIL  resources: missing lessons/absent.json") for line in lines), lines
    assert lines[-1] == f"self-test FAILED: {len(self_test.CHECKS) - 1} of {len(self_test.CHECKS)} checks ok"


def test_a_tab_that_cannot_open_fails_the_test(qapp, monkeypatch):
    class Broken:
        def __init__(self):
            raise RuntimeError("a module is missing from the bundle")

    monkeypatch.setattr("gui.main_window.TABS", (*TABS[:-1], ("draw", Broken)))
    code, lines = run(qapp)
    assert code == 1
    assert any("FAIL  window and tabs: tabs that could not open: draw (RuntimeError: a module is missing" in line
               for line in lines), lines


def test_a_missing_translation_fails_and_the_window_says_so(qapp, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    code, lines = run(qapp)
    assert code == 1
    assert any(line.startswith("FAIL  Chinese translation: gradient_lab_zh_CN.qm did not load") for line in lines)
    window = create_window(parse_args(["--lang", "zh_CN"]), qapp)  # a user asking for Chinese is told, not ignored
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert str(tmp_path / "gradient_lab_zh_CN.qm") in message and "stays in English" in message


def test_a_data_folder_that_cannot_be_written_fails(qapp, monkeypatch):
    monkeypatch.setattr("gui.settings.data_dir_problem", lambda: "The data folder /x could not be created")
    code, lines = run(qapp)
    assert code == 1
    assert "FAIL  data folder: The data folder /x could not be created" in lines


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_has_the_icon_and_about_names_the_version(qapp, qtbot, language):
    window = create_window(parse_args(["--lang", language]), qapp)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert {s.width() for s in window.windowIcon().availableSizes()} >= {16, 32, 256}
    assert f"Gradient Lab {__version__}" in window.about_text() or f"梯度实验室 {__version__}" in window.about_text()
    i18n.install_language(qapp, "en")
