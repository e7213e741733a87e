"""Install (or remove) Gradient Lab's desktop entry, icons and AppStream metainfo for the current user.

    python3 packaging/linux/install_desktop_entry.py               # into ~/.local/share
    python3 packaging/linux/install_desktop_entry.py --prefix DIR  # into DIR/share
    python3 packaging/linux/install_desktop_entry.py --uninstall   # removes exactly the files it writes

It copies, from this folder and the repository's resources/icons (ID = io.github.gradientlab.GradientLab):
  ID.desktop                       → PREFIX/share/applications/ID.desktop
  gradient-lab-<N>.png (16 … 512)  → PREFIX/share/icons/hicolor/<N>x<N>/apps/ID.png
  gradient-lab.svg                 → PREFIX/share/icons/hicolor/scalable/apps/ID.svg
  ID.metainfo.xml                  → PREFIX/share/metainfo/ID.metainfo.xml
The desktop entry starts `gradient-lab`, which `pip install .` puts on PATH; the script says so when it is not.
Pure Python, no root needed; it prints every file it writes or removes.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

APP_ID = "io.github.gradientlab.GradientLab"
HERE = Path(__file__).resolve().parent
ICONS = HERE.parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def plan(prefix: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of every file installed under `prefix`."""
    share = prefix / "share"
    hicolor = share / "icons" / "hicolor"
    pairs = [
        (HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
        (ICONS / "gradient-lab.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg"),
        (HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
    ]
    pairs += [(ICONS / f"gradient-lab-{n}.png", hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png") for n in PNG_SIZES]
    return pairs


def install(prefix: Path) -> list[Path]:
    """Copy every file of `plan(prefix)`; return the destinations. Raises FileNotFoundError on a missing source."""
    pairs = plan(prefix)
    missing = [str(src) for src, _ in pairs if not src.is_file()]
    if missing:
        raise FileNotFoundError("missing (run tools/make_icon.py for the icons): " + ", ".join(missing))
    for src, dst in pairs:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return [dst for _, dst in pairs]


def uninstall(prefix: Path) -> list[Path]:
    """Remove the files `install(prefix)` writes (only those); return the ones that were there."""
    removed = []
    for _, dst in plan(prefix):
        if dst.is_file():
            dst.unlink()
            removed.append(dst)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=Path.home() / ".local",
                        help="install under PREFIX/share (default: %(default)s)")
    parser.add_argument("--uninstall", action="store_true", help="remove the files instead of writing them")
    args = parser.parse_args(argv)
    prefix = args.prefix.expanduser()
    if args.uninstall:
        removed = uninstall(prefix)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove under {prefix / 'share'}")
        return 0
    try:
        written = install(prefix)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if shutil.which("gradient-lab") is None:
        print("note: `gradient-lab` is not on PATH; install the app (pip install .) so the menu entry can start it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
