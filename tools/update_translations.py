"""Refresh the translation files with Qt's own tools.

    python tools/update_translations.py          # lupdate: collect every tr() string into the .ts files
    python tools/update_translations.py --release  # also lrelease: compile .ts → .qm (shipped in resources/i18n)

Translate the .ts with Qt Linguist (or any editor: it is XML), then run with --release.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
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
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def lrelease(ts: Path) -> None:
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                   capture_output=True, text=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="also compile the .qm files")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        print(lupdate(ts_file(lang)).strip())
        if args.release:
            lrelease(ts_file(lang))
            print(f"wrote {ts_file(lang).with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
