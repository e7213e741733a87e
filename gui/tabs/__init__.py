"""The main window's tabs, in the order the curriculum teaches them.

Each tab lives in gui/tabs/<key>.py and names its class TAB_CLASS. Only tabs that exist are shown:
the window never shows a placeholder.
"""
from __future__ import annotations

import importlib
import importlib.util

TAB_ORDER = ("losses", "derivatives", "gradient_field", "descent", "training", "draw")


def available_tabs():
    """(key, class) for every tab module present, in TAB_ORDER."""
    found = []
    for key in TAB_ORDER:
        name = f"{__name__}.{key}"
        if importlib.util.find_spec(name) is not None:
            found.append((key, importlib.import_module(name).TAB_CLASS))
    return found
