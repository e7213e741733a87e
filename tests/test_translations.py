"""The Chinese translation is complete and current: every tr() string is in the .ts, translated, and compiled."""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

TS = update_translations.ts_file("zh_CN")


def messages(ts_path):
    """{(context, source): (translation, type)} of a .ts file."""
    out = {}
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        name = ctx.find("name").text
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.find("source").text)] = (tr.text or "", tr.get("type", ""))
    return out


def test_every_string_is_translated():
    unfinished = [(c, s) for (c, s), (text, kind) in messages(TS).items() if kind or not text.strip()]
    assert not unfinished, f"{len(unfinished)} untranslated strings in {TS.name}, e.g. {unfinished[:5]}"


def test_placeholders_survive_translation():
    for (ctx, src), (text, _) in messages(TS).items():
        for mark in ("%1", "%2", "%3"):
            assert (mark in src) == (mark in text), f"{ctx}: {src!r} → {text!r} loses or adds {mark}"


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
def test_no_tr_string_is_missing_from_the_ts(tmp_path):
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    update_translations.lupdate(fresh)
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert not missing, f"tr() strings not in {TS.name} (run tools/update_translations.py): {missing[:5]}"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease is not installed")
def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert TS.with_suffix(".qm").read_bytes() == qm.read_bytes(), "run tools/update_translations.py --release"


# pyqtgraph's own texts (plot menus, export dialog): resources/i18n/pyqtgraph_zh_CN.ts, from the installed pyqtgraph
PG_TS = update_translations.pyqtgraph_ts("zh_CN")
PLACEHOLDER = re.compile(r"%\d|\{[^{}]*\}")


def test_pyqtgraph_ts_is_fully_translated_with_placeholders_kept():
    found = messages(PG_TS)
    assert len(found) > 50
    unfinished = [(c, s) for (c, s), (text, kind) in found.items() if kind or not text.strip()]
    assert not unfinished, f"{len(unfinished)} untranslated strings in {PG_TS.name}, e.g. {unfinished[:5]}"
    for (ctx, src), (text, _) in found.items():
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(text)), f"{ctx}: {src!r} → {text!r}"
        assert src.startswith("<html>") == text.startswith("<html>"), f"{ctx}: {src!r} → {text!r} loses its HTML"
    assert found[("ViewBox", "View All")][0] == "查看全部"


def test_pyqtgraph_strings_include_what_lupdate_cannot_see():
    strings = set(update_translations.pyqtgraph_strings())
    assert ("Form", "Invert Axis") in strings  # _translate alias in axisCtrlTemplate_generic.py
    assert ("Form", "Export format") in strings  # exportDialogTemplate_generic.py
    assert ("ViewBox", "axis") in strings  # inside an f-string: f"{axis} {translate('ViewBox', 'axis')}"
    assert ("Exporter", "Image File (PNG, TIF, JPG, ...)") in strings  # class attribute Name
    assert ("ViewBox", "View All") in strings


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
@pytest.mark.skipif(pyqtgraph.__version__ != update_translations.PYQTGRAPH_TRANSLATED,
                    reason=f"pyqtgraph {pyqtgraph.__version__} installed; its .ts holds the strings of "
                           f"{update_translations.PYQTGRAPH_TRANSLATED} (other releases differ a little)")
def test_no_pyqtgraph_string_is_missing_from_its_ts(tmp_path):
    fresh = tmp_path / PG_TS.name
    shutil.copy(PG_TS, fresh)
    update_translations.lupdate_pyqtgraph(fresh)
    missing = sorted(set(messages(fresh)) - set(messages(PG_TS)))
    assert not missing, f"pyqtgraph strings not in {PG_TS.name} (run tools/update_translations.py --pyqtgraph): " \
        f"{missing[:5]}"
    assert set(update_translations.pyqtgraph_strings()) <= set(messages(PG_TS))


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease is not installed")
def test_shipped_pyqtgraph_qm_is_compiled_from_its_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    subprocess.run(["pyside6-lrelease", str(PG_TS), "-qm", str(qm)], check=True, capture_output=True)
    assert PG_TS.with_suffix(".qm").read_bytes() == qm.read_bytes(), \
        "run tools/update_translations.py --pyqtgraph --release"


def test_a_string_moved_to_another_class_keeps_its_translation(tmp_path):
    ts = tmp_path / "moved.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
                  "<context><name>OldPanel</name><message><source>Start</source>"
                  "<translation>开始</translation></message></context>\n"
                  "<context><name>NewPage</name><message><source>Start</source>"
                  '<translation type="unfinished"></translation></message>'
                  "<message><source>Never seen</source>"
                  '<translation type="unfinished"></translation></message></context>\n</TS>\n', encoding="utf-8")
    known = update_translations.translations(ts)
    assert known == {"Start": "开始"}
    assert update_translations.carry_over(ts, known) == 1
    found = messages(ts)
    assert found[("NewPage", "Start")] == ("开始", "")
    assert found[("NewPage", "Never seen")] == ("", "unfinished")
