"""The Data dialog's one state object: what it shows. Its actions and jobs write it; its boxes are drawn from it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class DataState:
    """The source in use, its check, the running job, the last message, the download's log and the copies found."""

    source: Path | None = None
    summary: dict | None = None  # engine.data.datasets.mnist_summary of `source`, after a check
    job: str = ""  # the RunController job running: "", "download", "import", "use", "check"
    message: tuple = ()  # (key, *args) rendered by DataDialog.message_text
    log: list = field(default_factory=list)  # download lines: (key, *args)
    found: list = field(default_factory=list)  # copies found in the usual places
    downloaded: int = 0  # bytes of the last download that completed (0: none since the dialog opened)
