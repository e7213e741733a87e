"""Refresh the translation files with Qt's own tools.

    python tools/update_translations.py          # lupdate: collect every tr() string into the .ts files
    python tools/update_translations.py --release  # also lrelease: compile .ts → .qm (shipped in resources/i18n)
    python tools/update_translations.py --pyqtgraph [--release]  # only pyqtgraph_<lang>.ts (its menus, export dialog)
    python tools/update_translations.py --fill new.json [--release]  # also fill unfinished entries from a JSON file
                                                                      # {"English source": "中文译文", ...}

Translate the .ts with Qt Linguist (or any editor: it is XML), then run with --release.
lupdate keeps the existing translations; strings gone from the sources are dropped. A string whose class changed
(code moved to another page) keeps its translation: carry_over fills it in from the .ts as it was before.
"""
from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    """Every Python file of the GUI (engine/ shows no text of its own), relative to the repository."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def ts_file(lang: str) -> Path:
    return I18N / f"gradient_lab_{lang}.ts"


def lupdate(ts: Path, extra=()) -> str:
    """Run pyside6-lupdate on the GUI sources into `ts` (obsolete entries dropped); returns its report."""
    cmd = ["pyside6-lupdate", *sources(), "-no-obsolete", "-locations", "none", *extra, "-ts", str(ts)]
    report = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    # lupdate of some Qt versions writes ' as &apos;: the same XML, but every such line would show in the diff
    ts.write_text(ts.read_text(encoding="utf-8").replace("&apos;", "'"), encoding="utf-8")
    return report


def translations(ts: Path) -> dict[str, str]:
    """{source: translation} of the finished entries of `ts`, whatever their context (the most frequent wins)."""
    seen: dict[str, Counter] = {}
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.text and not tr.get("type"):
            seen.setdefault(msg.find("source").text, Counter())[tr.text] += 1
    return {source: counts.most_common(1)[0][0] for source, counts in seen.items()}


def carry_over(ts: Path, known: dict[str, str]) -> int:
    """Fill the unfinished entries of `ts` whose source text has a translation in `known`; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        text = known.get(msg.find("source").text)
        if tr is not None and tr.get("type") == "unfinished" and text:
            tr.text = text
            del tr.attrib["type"]
            filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        body = ts.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                       '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        ts.write_text(body, encoding="utf-8")
    return filled


def lrelease(ts: Path) -> None:
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                   capture_output=True, text=True)


# pyqtgraph's parts the app shows: the plots' right-click menu (ViewBox menu with its axis controls, PlotItem's
# "Plot Options"), the scene's "Export..." and the export dialog with its exporters' parameters.
PYQTGRAPH_TRANSLATED = "0.14.0"  # the pyqtgraph release whose strings pyqtgraph_<lang>.ts holds

PYQTGRAPH_SOURCES = (
    "graphicsItems/ViewBox/ViewBoxMenu.py",
    "graphicsItems/ViewBox/axisCtrlTemplate_generic.py",
    "graphicsItems/PlotItem/PlotItem.py",
    "graphicsItems/PlotItem/plotConfigTemplate_generic.py",
    "GraphicsScene/GraphicsScene.py",
    "GraphicsScene/exportDialog.py",
    "GraphicsScene/exportDialogTemplate_generic.py",
    "exporters/*.py",
)
_TRANSLATE_NAMES = {"translate", "_translate"}  # pyqtgraph's aliases of QCoreApplication.translate


def pyqtgraph_dir() -> Path:
    import pyqtgraph

    return Path(pyqtgraph.__file__).resolve().parent


def pyqtgraph_ts(lang: str) -> Path:
    return I18N / f"pyqtgraph_{lang}.ts"


def pyqtgraph_sources() -> list[Path]:
    base = pyqtgraph_dir()
    return sorted({p for pattern in PYQTGRAPH_SOURCES for p in base.glob(pattern)})


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def pyqtgraph_strings(paths=None) -> list[tuple[str, str]]:
    """(context, text) of every translate("Ctx", "text") call with literal arguments in `paths`.

    Catches what pyside6-lupdate misses: the `_translate = QCoreApplication.translate` alias of the *_generic.py
    UI templates and calls inside f-strings ("X {translate('ViewBox', 'axis')}"). Exporters' class attribute
    `Name` counts as context "Exporter": the export dialog lists them through translate('Exporter', exp.Name).
    """
    found = []
    for path in paths if paths is not None else pyqtgraph_sources():
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        is_exporter = Path(path).parent.name == "exporters"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and len(node.args) >= 2:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                ctx, text = _literal(node.args[0]), _literal(node.args[1])
                if name in _TRANSLATE_NAMES and ctx is not None and text is not None:
                    found.append((ctx, text))
            elif is_exporter and isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if (isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == ["Name"]
                            and _literal(stmt.value) is not None):
                        found.append(("Exporter", stmt.value.value))
    return list(dict.fromkeys(found))


def lupdate_pyqtgraph(ts: Path) -> str:
    """pyside6-lupdate over the installed pyqtgraph's sources into `ts`, plus the strings it cannot see
    (pyqtgraph_strings, written as plain QCoreApplication.translate calls into a scratch file)."""
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "pyqtgraph_extra_strings.py"
        calls = [f"QCoreApplication.translate({json.dumps(c, ensure_ascii=False)}, {json.dumps(t, ensure_ascii=False)})"
                 for c, t in pyqtgraph_strings()]
        stub.write_text("from PySide6.QtCore import QCoreApplication\n" + "\n".join(calls) + "\n", encoding="utf-8")
        cmd = ["pyside6-lupdate", *map(str, pyqtgraph_sources()), str(stub), "-no-obsolete", "-locations", "none",
               "-ts", str(ts)]
        return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="also compile the .qm files")
    parser.add_argument("--pyqtgraph", action="store_true",
                        help="refresh only pyqtgraph_<lang>.ts (from the installed pyqtgraph), not the app's own")
    parser.add_argument("--fill", type=Path, action="append", default=[],
                        help='a JSON file {"source text": "translation"} whose entries fill unfinished strings '
                             "(any context); may be given more than once")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if args.pyqtgraph:
        for lang in LANGUAGES:
            print(lupdate_pyqtgraph(pyqtgraph_ts(lang)).strip())
            if args.release:
                lrelease(pyqtgraph_ts(lang))
                print(f"wrote {pyqtgraph_ts(lang).with_suffix('.qm').relative_to(ROOT)}")
        return 0
    for lang in LANGUAGES:
        known = translations(ts_file(lang)) if ts_file(lang).exists() else {}
        print(lupdate(ts_file(lang)).strip())
        print(f"{carry_over(ts_file(lang), known)} strings that moved to another class kept their translation")
        filled = 0
        for extra in args.fill:
            filled += carry_over(ts_file(lang), json.loads(extra.read_text(encoding="utf-8")))
            print(f"{filled} strings filled so far, the last from {extra}")
        if filled:
            lupdate(ts_file(lang))  # back to lupdate's own layout of the file
        ts_file(lang).write_text(ts_file(lang).read_text(encoding="utf-8").replace("&apos;", "'"), encoding="utf-8")
        if args.release:
            lrelease(ts_file(lang))
            print(f"wrote {ts_file(lang).with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
