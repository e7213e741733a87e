"""Copy as Python: for each tab, a short self-contained NumPy script in the book's style that reproduces what the
tab shows and prints the same numbers. One module per tab, each with `script(tab) -> str` reading only the tab's
state object (and, where the state has no page field, which page is shown). SCRIPTS maps a tab's key to it;
Training and Draw can be added the same way (a module each, one line here)."""
from __future__ import annotations

from gui.scripts import derivatives, descent, gradient_field, losses

SCRIPTS = {
    "losses": losses.script,
    "derivatives": derivatives.script,
    "gradient_field": gradient_field.script,
    "descent": descent.script,
}


def script_for(tab) -> str | None:
    """The script of `tab`'s experiment, or None when the tab has none (or is not available)."""
    make = SCRIPTS.get(getattr(tab, "key", ""))
    if make is None or getattr(tab, "state", None) is None:
        return None
    return make(tab)
