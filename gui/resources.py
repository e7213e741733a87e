"""Where the app's resources are — translations, the bundled digit model, the icon, lessons — wherever it runs.

One folder, `resources/`, found in this order:

1. the desktop bundle: PyInstaller unpacks data beside the code, under `sys._MEIPASS/resources`;
2. the checkout (also pip's editable install): `resources/` beside the `gui` package;
3. an installed wheel: the package `gradient_lab_resources`, which pyproject.toml maps onto `resources/`.

Nothing else in the app builds a path to a resource: it calls `resource_path("i18n", "x.qm")`.
"""
from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

PACKAGE = "gradient_lab_resources"  # the name resources/ is installed under (pyproject.toml's package-dir)


def candidates() -> list[Path]:
    """The places resources/ may be, most specific first."""
    places = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle) / "resources")
    places.append(Path(__file__).resolve().parents[1] / "resources")
    spec = importlib.util.find_spec(PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        places.extend(Path(p) for p in spec.submodule_search_locations)
    return places


@cache
def resources_dir() -> Path:
    """The first candidate that holds the translations (the checkout's resources/ when none does, so a missing
    file is then reported under a path a developer recognises)."""
    places = candidates()
    for place in places:
        if (place / "i18n").is_dir():
            return place
    return places[0]


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. resource_path("models", "digit_default.npz"); it may not exist."""
    return resources_dir().joinpath(*parts)
