"""The application icon (SVG, PNGs, .ico, .icns), the Linux desktop entry, the AppStream metainfo and the
script that installs them (issue 13): each file is what its name says and the validators accept them."""
import configparser
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.gradientlab.GradientLab"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

_spec = importlib.util.spec_from_file_location("make_icon", ROOT / "tools" / "make_icon.py")
make_icon = importlib.util.module_from_spec(_spec)  # tools/ is not a package: load the script by its path
_spec.loader.exec_module(make_icon)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive: Name, Name[zh_CN]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# ------------------------------------------------------------------------------------------------ the icon
def test_the_svg_is_plain_svg_that_qt_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    root = ET.parse(ICONS / "gradient-lab.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 512 512"
    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    assert not tags & {"text", "filter", "style", "image", "foreignObject"}, tags
    assert not any(element.get("style") for element in root.iter()), "no CSS: presentation attributes only"
    renderer = QSvgRenderer(str(ICONS / "gradient-lab.svg"))
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (512, 512)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_has_its_size_a_transparent_corner_and_a_drawing(size):
    image = Image.open(ICONS / f"gradient-lab-{size}.png")
    assert image.size == (size, size)
    rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] == 0, "the corner outside the rounded tile is transparent"
    assert rgba.getpixel((size // 2, size // 2))[3] == 255, "the middle of the tile is opaque"
    colours = rgba.getcolors(maxcolors=size * size)
    assert len(colours) >= 10, f"only {len(colours)} colours: the drawing is missing"
    orange = sum(n for n, (r, g, b, a) in colours if a > 200 and r > 200 and 80 < g < 200 and b < 120)
    assert orange > 0, "the orange descent path shows at this size"


def test_the_committed_files_are_what_make_icon_renders_from_the_svg_now(qapp, tmp_path):
    """A stale PNG (the SVG edited, tools/make_icon.py not run) fails here."""
    written = make_icon.make_icons(out=tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in ICONS.iterdir() if p.suffix != ".svg")
    for size in PNG_SIZES:
        fresh = Image.open(tmp_path / f"gradient-lab-{size}.png").convert("RGBA")
        committed = Image.open(ICONS / f"gradient-lab-{size}.png").convert("RGBA")
        mean_diff = sum(ImageStat.Stat(ImageChops.difference(fresh, committed)).mean) / 4
        assert mean_diff < 1.0, f"gradient-lab-{size}.png differs from the SVG: run tools/make_icon.py"


def test_the_ico_holds_each_windows_size_drawn_at_that_size():
    ico = Image.open(ICONS / "gradient-lab.ico")
    assert ico.info["sizes"] == {(s, s) for s in ICO_SIZES}
    for size in (16, 48, 256):
        ico.size = (size, size)
        ico.load()
        frame = ico.convert("RGBA")
        png = Image.open(ICONS / f"gradient-lab-{size}.png").convert("RGBA")
        assert frame.tobytes() == png.tobytes(), f"the {size} px entry is the {size} px rendering"


def test_the_icns_opens_with_its_largest_entries():
    icns = Image.open(ICONS / "gradient-lab.icns")
    assert icns.format == "ICNS"
    pixels = {w * scale for (w, _h, scale) in icns.info["sizes"]}  # (32, 32, 2) is the 64 px entry
    assert {32, 64, 128, 256, 512, 1024} <= pixels, pixels
    icns.load()  # the largest entry: 512 px at scale 2, drawn from the SVG at 1024 px
    assert icns.size == (1024, 1024)
    rgba = icns.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] == 0 and rgba.getpixel((512, 512))[3] == 255


# ------------------------------------------------------------------------------ desktop entry and metainfo
def test_the_desktop_entry_starts_gradient_lab_with_the_installed_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "gradient-lab"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name"] == "Gradient Lab"
    assert entry["Name[zh_CN]"] == "梯度实验室"
    assert entry["Comment"] and entry["Comment[zh_CN]"] and entry["Keywords"] and entry["Keywords[zh_CN]"]
    assert "Education" in entry["Categories"].split(";")


def test_the_desktop_entry_matches_the_window_class_qt_gives_the_app():
    """On X11, Qt sets WM_CLASS's class to QCoreApplication.applicationName(), which gui/settings.py sets."""
    from gui.settings import APPLICATION

    assert desktop_entry()["StartupWMClass"] == APPLICATION


def test_the_metainfo_names_the_desktop_entry_and_the_command():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP.stem == APP_ID
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    langs = {p.get("{http://www.w3.org/XML/1998/namespace}lang") for p in root.iter("p")}
    assert langs == {None, "zh-CN"}, "description paragraphs in English and Simplified Chinese"
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.find("releases/release").get("version")


def test_the_command_the_entry_starts_is_the_one_pyproject_installs():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    commands = {**project.get("scripts", {}), **project.get("gui-scripts", {})}
    assert desktop_entry()["Exec"] in commands, commands


@pytest.mark.parametrize("tool, args, path", [
    ("desktop-file-validate", [], DESKTOP),
    ("appstreamcli", ["validate", "--no-net"], METAINFO),
], ids=["desktop-file-validate", "appstreamcli"])
def test_the_validators_accept_the_files(tool, args, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    result = subprocess.run([tool, *args, str(path)], capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "error" not in output.lower(), output


# --------------------------------------------------------------------------------------- the install script
def test_install_desktop_entry_writes_the_files_and_uninstall_removes_them(tmp_path):
    script = LINUX / "install_desktop_entry.py"
    share = tmp_path / "share"
    expected = [
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in PNG_SIZES),
    ]
    done = subprocess.run([sys.executable, str(script), "--prefix", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for path in expected:
        assert path.is_file(), path
        assert f"wrote {path}" in done.stdout
    assert expected[0].read_bytes() == DESKTOP.read_bytes()
    assert Image.open(expected[-1]).size == (512, 512)
    assert sorted(p for p in share.rglob("*") if p.is_file()) == sorted(expected), "nothing else written"

    (tmp_path / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    gone = subprocess.run([sys.executable, str(script), "--prefix", str(tmp_path), "--uninstall"],
                          capture_output=True, text=True, timeout=60)
    assert gone.returncode == 0, gone.stderr
    for path in expected:
        assert not path.exists(), path
        assert f"removed {path}" in gone.stdout
    assert (tmp_path / "share" / "applications" / "other.desktop").is_file(), "other files are left alone"
