"""Files the app writes get the permissions the user's other files get: 0666 less their umask.

Everything is written to a temporary file and renamed into place (a cut-off write never leaves half a file);
tempfile.mkstemp makes that file 0600, which would then stay — a saved model or an imported MNIST copy the
user's other accounts, a backup tool or a shared class folder could not read. `usual_mode` gives it the mode a
plain open() would have.
"""
from __future__ import annotations

import functools
import os
import re


@functools.cache
def umask() -> int:
    """The process's umask: read from /proc on Linux (nothing changed), else set and restored once."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            found = re.search(r"^Umask:\s*([0-7]+)", status.read(), re.MULTILINE)
        if found:
            return int(found.group(1), 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(path) -> None:
    """Give `path` (made by tempfile.mkstemp: 0600) the mode open() would: 0666 & ~umask."""
    os.chmod(path, 0o666 & ~umask())
