"""The rules between the parts (DESIGN.md): a file per role, short files, engine/ without Qt, no ctypes."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINE = sorted((ROOT / "engine").rglob("*.py"))
GUI = sorted((ROOT / "gui").rglob("*.py"))


def lines(path):
    return len(path.read_text(encoding="utf-8").splitlines())


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_the_files_are_where_design_md_puts_them():
    for name in ("functions", "calculus", "layers", "graph", "surfaces", "descent", "networks", "fast_step",
                 "training", "preprocess", "expr", "data/datasets", "data/download", "lab/contours"):
        assert (ROOT / "engine" / f"{name}.py").is_file(), name
    for name in ("main_window", "settings", "run", "worker", "i18n", "model_hub"):
        assert (ROOT / "gui" / f"{name}.py").is_file(), name
    for tab in ("losses", "derivatives", "gradient_field", "descent", "training", "draw"):
        assert (ROOT / "gui" / "tabs" / tab / "tab.py").is_file(), tab


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_files_are_short_and_never_import_qt(path):
    assert lines(path) <= 300, f"{path.relative_to(ROOT)} has {lines(path)} lines (at most 300 in engine/)"
    for module in imported_modules(path):
        assert module.split(".")[0] not in ("PySide6", "pyqtgraph", "gui", "ctypes"), f"{path.name} imports {module}"


@pytest.mark.parametrize("path", GUI, ids=lambda p: str(p.relative_to(ROOT)))
def test_gui_files_are_short_and_without_ctypes(path):
    limit = 450 if "tabs" in path.parts and path.name not in ("tab.py", "state.py") else 500
    assert lines(path) <= limit, f"{path.relative_to(ROOT)} has {lines(path)} lines (at most {limit})"
    assert "ctypes" not in set(imported_modules(path)), f"{path.name} imports ctypes"


def test_every_tab_has_one_state_object():
    for tab in ("losses", "derivatives", "gradient_field", "descent", "draw", "training/mnist", "training/cat"):
        state = ROOT / "gui" / "tabs" / tab / "state.py"
        assert state.is_file(), f"gui/tabs/{tab} has no state.py"
        assert not any(m.startswith(("PySide6", "pyqtgraph")) for m in imported_modules(state)), state
