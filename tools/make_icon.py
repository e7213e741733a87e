"""Render the application icon, resources/icons/gradient-lab.svg, into the PNG, .ico and .icns files beside it.

Run from the repository (no display needed, Qt draws offscreen):

    python3 tools/make_icon.py            # writes resources/icons/gradient-lab-{16..512}.png, .ico, .icns
    python3 tools/make_icon.py --out DIR  # writes them into DIR instead

Qt's QSvgRenderer (PySide6-Essentials) draws the SVG at each size, antialiased, on a transparent background;
Pillow writes the PNGs, the Windows .ico (16–256 px, each size drawn from the SVG, not scaled down) and the
macOS .icns (32–1024 px, the entries Pillow's writer makes; the 1024 px image is drawn only for the .icns).
Run it again after editing the SVG and commit the SVG with the files it wrote. The output is the same bytes on
every run with the same Qt and Pillow.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "gradient-lab.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_EXTRA = 1024  # the .icns's largest entry (ic10), drawn from the SVG rather than scaled up from 512


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at size × size pixels as an RGBA Pillow image (straight, not premultiplied, alpha)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombytes("RGBA", (size, size), bytes(rgba.constBits())[: size * size * 4])


def make_icons(svg: Path = SVG, out: Path = ICONS) -> list[Path]:
    """Write the PNGs, the .ico and the .icns for `svg` into `out`; return the paths written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter needs an application
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt could not read this SVG")
    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in (*PNG_SIZES, ICNS_EXTRA)}
    written = []
    for size in PNG_SIZES:
        path = out / f"gradient-lab-{size}.png"
        images[size].save(path, optimize=True)
        written.append(path)
    ico = out / "gradient-lab.ico"
    images[256].save(ico, sizes=[(s, s) for s in ICO_SIZES], append_images=[images[s] for s in ICO_SIZES])
    written.append(ico)
    icns = out / "gradient-lab.icns"
    images[ICNS_EXTRA].save(icns, append_images=[images[s] for s in (32, 64, 128, 256, 512)])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="the SVG to render (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ICONS, help="folder for the files (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in make_icons(args.svg, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
