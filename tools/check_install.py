"""Install Gradient Lab as a learner would, from its wheel into a fresh venv, and run its self-test elsewhere.

    python tools/check_install.py [--keep DIR]

1. `python -m build` makes the sdist and then the wheel *from the sdist*, so a file missing from either fails here.
2. The wheel's contents are listed: every module of engine/ and gui/ and every file under resources/ that the app
   uses must be inside (resources/ is installed as the package gradient_lab_resources).
3. A fresh venv (no system packages, no checkout on the path) gets `pip install <wheel>` with its dependencies.
4. From an empty folder, with a new user's empty settings and data folders: `gradient-lab --version`,
   `gradient-lab --self-test --lang zh_CN` and `python -m gui --self-test`, each must exit 0, and the resources must
   be found inside the venv, not in this checkout.
Exit status 0 when all of it holds. CI runs this after the tests (.ci/run).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCE_PACKAGE = "gradient_lab_resources"
RESOURCE_PATTERNS = ("i18n/*.qm", "models/*.npz", "icons/*", "lessons/*.json")


def run(cmd, **kw) -> subprocess.CompletedProcess:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], text=True, capture_output=True, **kw)


def expected_files() -> set[str]:
    """The paths inside the wheel that the checkout says must be there."""
    names = {p.relative_to(ROOT).as_posix() for package in ("engine", "gui") for p in (ROOT / package).rglob("*.py")
             if "__pycache__" not in p.parts}
    for pattern in RESOURCE_PATTERNS:
        names |= {f"{RESOURCE_PACKAGE}/{p.relative_to(ROOT / 'resources').as_posix()}"
                  for p in (ROOT / "resources").glob(pattern) if p.is_file()}
    return names


def build(out: Path) -> tuple[Path, Path]:
    done = run([sys.executable, "-m", "build", "--outdir", out, ROOT])
    if done.returncode:
        sys.exit(f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return next(out.glob("*.whl")), next(out.glob("*.tar.gz"))


def check_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        infos = archive.infolist()
    missing = sorted(expected_files() - names)
    resources = sorted(n for n in names if n.startswith(RESOURCE_PACKAGE + "/"))
    print(f"wheel {wheel.name}: {wheel.stat().st_size / 1e6:.2f} MB, {len(names)} files; resources:")
    for name in resources:
        size = next(i.file_size for i in infos if i.filename == name)
        print(f"    {name}  ({size / 1e3:.0f} kB)")
    metadata = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        entry_points = archive.read(metadata[0]).decode() if metadata else ""
    print("entry points:", " ".join(entry_points.split()))
    licence = [n for n in names if "licen" in n.lower()]
    print("licence file:", ", ".join(licence) or "none")
    if missing:
        sys.exit(f"the wheel lacks {len(missing)} files: {missing[:20]}")
    stray = [n for n in resources if n.endswith(".ts")]
    if stray:
        sys.exit(f"the wheel carries translators' sources: {stray}")
    if "[gui_scripts]" not in entry_points or not licence:
        sys.exit("the wheel has no gui_scripts entry point or no LICENSE")


def venv_program(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


def new_user_env(home: Path) -> dict:
    """The environment of a new user: empty settings and data folders, no checkout on the path, no display."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), APPDATA=str(home / "appdata"),
               LOCALAPPDATA=str(home / "localappdata"))
    return env


def self_test(cmd: list, cwd: Path, env: dict, venv: Path) -> float:
    start = time.perf_counter()
    done = run(cmd, cwd=cwd, env=env, timeout=300)
    seconds = time.perf_counter() - start
    print(done.stdout.rstrip())
    if done.returncode:
        sys.exit(f"self-test failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    found = next((line for line in done.stdout.splitlines() if line.startswith("ok    resources:")), "")
    if str(venv.resolve()) not in found and str(venv) not in found:
        sys.exit(f"resources were not taken from the installed package: {found!r}")
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gradient-lab-install-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        wheel, sdist = build(work / "dist")
        print(f"sdist {sdist.name}: {sdist.stat().st_size / 1e6:.2f} MB; built in {time.perf_counter() - start:.0f} s")
        check_wheel(wheel)

        venv = work / "venv"
        start = time.perf_counter()
        for cmd in ([sys.executable, "-m", "venv", venv],
                    [venv_program(venv, "python"), "-m", "pip", "install", "-q", wheel]):
            done = run(cmd)
            if done.returncode:
                sys.exit(f"failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        print(f"fresh venv with the wheel and its dependencies in {time.perf_counter() - start:.0f} s")

        elsewhere = work / "elsewhere"
        elsewhere.mkdir(exist_ok=True)
        env = new_user_env(work / "home")
        version = run([venv_program(venv, "gradient-lab"), "--version"], cwd=elsewhere, env=env)
        print(version.stdout.strip())
        if version.returncode or not version.stdout.startswith("gradient-lab "):
            sys.exit(f"--version failed: {version.stdout} {version.stderr}")
        seconds = self_test([venv_program(venv, "gradient-lab"), "--self-test", "--lang", "zh_CN"], elsewhere, env,
                            venv)
        print(f"gradient-lab --self-test --lang zh_CN: passed in {seconds:.1f} s (whole process)")
        seconds = self_test([venv_program(venv, "python"), "-m", "gui", "--self-test"], elsewhere, env, venv)
        print(f"python -m gui --self-test: passed in {seconds:.1f} s")
    print("install check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
