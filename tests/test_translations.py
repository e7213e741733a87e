"""The Chinese translation is complete and current: every tr() string is in the .ts, translated, and compiled."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

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
