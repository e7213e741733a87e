"""Build the desktop app for people without Python: a PyInstaller one-folder bundle, the same on every OS.

    python -m pip install -e ".[release]"       # PyInstaller
    python tools/build_bundle.py [--self-test] [--runs 3]

Runs packaging/gradient-lab.spec and writes dist/gradient-lab/ (on macOS also dist/Gradient Lab.app); zip that
folder to hand it out. Prints the build time and the folder's size. With --self-test it then starts the built app
`--runs` times as `gradient-lab --self-test --lang zh_CN` from another folder, with a new user's empty settings,
prints the report, the start-up time (launch to the window shown, as the self-test reads it from /proc on Linux)
and the time from launch to exit, and fails when the self-test fails.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.check_install import new_user_env  # noqa: E402

SPEC = ROOT / "packaging" / "gradient-lab.spec"
DIST = ROOT / "dist"
APP = DIST / "gradient-lab"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def program() -> Path:
    return APP / ("gradient-lab.exe" if sys.platform == "win32" else "gradient-lab")


def build() -> None:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)]
    print("$", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, cwd=ROOT)
    if done.returncode:
        sys.exit(f"PyInstaller failed (exit {done.returncode})")
    size, count = folder_size(APP)
    print(f"built {APP} in {time.perf_counter() - start:.0f} s: {size / 2**20:.0f} MiB in {count} files")


def self_test(runs: int) -> None:
    times, starts = [], []
    with tempfile.TemporaryDirectory(prefix="gradient-lab-bundle-") as tmp:
        env = new_user_env(Path(tmp) / "home")
        for i in range(runs):
            start = time.perf_counter()
            done = subprocess.run([str(program()), "--self-test", "--lang", "zh_CN"], cwd=tmp, env=env,
                                  capture_output=True, text=True, timeout=300)
            times.append(time.perf_counter() - start)
            shown = re.search(r"\(([\d.]+) s after launch\)", done.stdout)
            if shown:
                starts.append(float(shown.group(1)))
            if i == 0 or done.returncode:
                print(done.stdout.rstrip())
            if done.returncode:
                sys.exit(f"the bundle's self-test failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
            if str(APP) not in next((ln for ln in done.stdout.splitlines() if ln.startswith("ok    resources:")), ""):
                sys.exit("the bundle took its resources from outside its folder")
    if starts:
        print(f"bundle start-up, launch to the window shown: median {statistics.median(starts):.2f} s over "
              f"{len(starts)} runs (min {min(starts):.2f}, max {max(starts):.2f})")
    print(f"bundle self-test passed; launch to exit (window built, shown and checked): median "
          f"{statistics.median(times):.2f} s over {runs} runs (min {min(times):.2f}, max {max(times):.2f})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="run the built app's self-test and time it")
    parser.add_argument("--runs", type=int, default=3, help="self-test runs to time (default 3)")
    parser.add_argument("--no-build", action="store_true", help="only test the bundle already in dist/")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
    if args.self_test:
        self_test(max(1, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
