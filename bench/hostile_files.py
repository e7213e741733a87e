"""Time and peak memory of refusing each hostile file of tests/engine/test_hostile_files.py (issue 12).

    python bench/hostile_files.py            every case
    python bench/hostile_files.py gzip npz   the cases whose name contains one of the words

Each case runs in a fresh process: the file is built there (streamed, in a temporary folder), the peak RSS is
reset (Linux: /proc/self/clear_refs), then the reader runs. Printed per case: the time to the refusal, the
peak RSS above the process's RSS just before (C libraries included; tracemalloc's peak where /proc is
unavailable), the size of the file on disk and the first words of the message. For scale, the same figures
for the good files (real MNIST, the cat files, the bundled model) when ../shared/data is present.
The issue's bounds: every refusal well under a second of work, ≤ ~1 GB of memory.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "engine"
SHARED = ROOT.parent / "shared" / "data"
MB = 1 << 20


def proc_status(field):
    """A field of /proc/self/status in bytes (VmRSS, VmHWM), or None where there is no /proc."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _measure(action):
    """(seconds, peak bytes above the start, message) of action()."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        base = proc_status("VmRSS")
    except OSError:
        base = None
    if base is None:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        action()
        message = "(accepted)"
    except Exception as exc:  # noqa: BLE001 — the bench reports whatever happened
        message = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    if base is None:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    else:
        peak = proc_status("VmHWM") - base
    return seconds, peak, message


def child(name: str) -> None:
    """Build one case in a temporary folder, refuse it, print a JSON line."""
    sys.path[:0] = [str(ROOT), str(TESTS)]
    import test_hostile_files as hostile

    from engine.data.datasets import load_catvnoncat, load_mnist
    from engine.networks import TwoLayerNet

    good = {"good: real MNIST (IDX .gz)": lambda: load_mnist(SHARED / "mnist"),
            "good: cat / non-cat .h5": lambda: load_catvnoncat(SHARED / "catvnoncat"),
            "good: bundled model": lambda: TwoLayerNet.load(ROOT / "resources" / "models" / "digit_default.npz")}
    with tempfile.TemporaryDirectory() as tmp:
        if name in good:
            action, size = good[name], None
        else:
            action, path, _ = hostile.CASES[name](Path(tmp))
            size = os.stat(path).st_blocks * 512 if path.is_file() else None
        seconds, peak, message = _measure(action)
        message = message.replace(tmp, "<tmp>")
    print(json.dumps({"case": name, "seconds": seconds, "peak": peak, "disk": size, "message": message}))


def main(words: list[str]) -> None:
    sys.path[:0] = [str(ROOT), str(TESTS)]
    import test_hostile_files as hostile

    names = sorted(hostile.CASES)
    if SHARED.is_dir():
        names = ["good: real MNIST (IDX .gz)", "good: cat / non-cat .h5", "good: bundled model"] + names
    if words:
        names = [n for n in names if any(w in n for w in words)]
    print(f"{'case':38} {'time':>8} {'peak RSS':>10} {'on disk':>9}  message")
    worst_time, worst_peak = ("", 0.0), ("", 0)
    for name in names:
        out = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True, text=True,
                             cwd=ROOT, timeout=600)
        if out.returncode != 0 or not out.stdout.strip():
            print(f"{name:38} FAILED: {out.stderr.strip().splitlines()[-1:] or out.returncode}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        disk = "" if r["disk"] is None else f"{r['disk'] / MB:7.1f} MB"
        message = r["message"]
        print(f"{name:38} {r['seconds'] * 1000:6.0f} ms {r['peak'] / MB:7.0f} MB {disk:>9}  {message[:90]}")
        if not name.startswith("good"):
            worst_time = max(worst_time, (name, r["seconds"]), key=lambda p: p[1])
            worst_peak = max(worst_peak, (name, r["peak"]), key=lambda p: p[1])
    print(f"\nslowest refusal: {worst_time[0]} {worst_time[1] * 1000:.0f} ms; "
          f"largest peak: {worst_peak[0]} {worst_peak[1] / MB:.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main(sys.argv[1:])
