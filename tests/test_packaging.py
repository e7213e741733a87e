"""What the wheel, the sdist and the bundle carry, and the two README commands CI runs.

Building and installing for real is `tools/check_install.py` and `tools/build_bundle.py --self-test` (both run by
.ci/run); these tests catch the usual omissions quickly: a new package or resource type left out of pyproject.toml.
"""
import fnmatch
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from setuptools import find_packages

from gui import __version__

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_of_the_tree_is_listed_for_the_wheel():
    found = set(find_packages(str(ROOT), include=["engine", "engine.*", "gui", "gui.*"]))
    assert set(SETUPTOOLS["packages"]) == found | {"gradient_lab_resources"}
    assert SETUPTOOLS["package-dir"] == {"gradient_lab_resources": "resources"}


def test_every_resource_file_is_package_data():
    patterns = SETUPTOOLS["package-data"]["gradient_lab_resources"]
    files = [p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()]
    shipped = [f for f in files if not f.endswith(".ts")]  # the .ts are translators' sources (in the sdist)
    assert "models/digit_default.npz" in shipped and "i18n/gradient_lab_zh_CN.qm" in shipped
    left_out = [f for f in shipped if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)]
    assert left_out == []


def test_the_bundle_spec_carries_every_kind_of_resource():
    spec = (ROOT / "packaging" / "gradient-lab.spec").read_text(encoding="utf-8")
    for kind in ("i18n", "models", "icons", "lessons"):
        assert f'"resources/{kind}"' in spec
    assert 'collect_submodules("gui")' in spec and "console=False" in spec


def test_metadata_for_a_package_index():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert project["gui-scripts"] == {"gradient-lab": "gui.main_window:main"} and "scripts" not in project
    assert any(c.startswith("Natural Language :: Chinese") for c in project["classifiers"])
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "gui.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_appstream_release_is_the_version():
    xml = ROOT / "packaging" / "linux" / "io.github.gradientlab.GradientLab.metainfo.xml"
    versions = [r.get("version") for r in ET.parse(xml).getroot().iter("release")]
    assert versions[0] == __version__


def readme_command(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"## {heading}\n\n```\n(.+?)\n```", text)
    assert block, heading
    return block.group(1)


def test_ci_runs_the_readme_test_command_and_the_install_checks():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == readme_command("Run the tests")
    assert any("tools/check_install.py" in line for line in ci)
    assert any("tools/build_bundle.py --self-test" in line for line in ci)
    assert readme_command("Run the app").startswith("python3 -m venv .venv && ")


@pytest.mark.parametrize("how", [["app.py"], ["-m", "gui"]])
def test_version_from_the_command_line(how, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, *how, "--version"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"gradient-lab {__version__}"
