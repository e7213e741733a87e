"""Copy as Python: for each tab, a short self-contained NumPy script in the book's style that reproduces what the
tab shows and prints the same numbers. One module per tab, each with `script(tab) -> str` reading only the tab's
state object (and, where the state has no page field, which page is shown). SCRIPTS maps a tab's key to it.
The Training tab has one state per panel (MNIST, Cat / non-cat): its script is that of the panel in front."""
from __future__ import annotations

from gui.scripts import derivatives, descent, draw, gradient_field, losses, training

SCRIPTS = {
    "losses": losses.script,
    "derivatives": derivatives.script,
    "gradient_field": gradient_field.script,
    "descent": descent.script,
    "training": training.script,
    "draw": draw.script,
}


def has_script(tab) -> bool:
    """True when `tab` has a script: a key in SCRIPTS and its state (for Training: its panels' states)."""
    if getattr(tab, "key", "") not in SCRIPTS:
        return False
    return getattr(tab, "state", None) is not None or bool(getattr(tab, "panels", None))


def script_for(tab) -> str | None:
    """The script of `tab`'s experiment, or None when the tab has none (or is not available)."""
    if not has_script(tab):
        return None
    return SCRIPTS[tab.key](tab)
