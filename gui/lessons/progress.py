"""The learner's progress through the lessons — the steps done, typed answers, where they were — remembered in the
settings (group "lessons", one JSON value, checked on the way back like every setting)."""
from __future__ import annotations

import json

from gui.settings import app_settings, read_json

KEY = "lessons/progress"
MAX_ANSWER = 40  # characters kept of a typed answer


class Progress:
    """done: step ids finished; answers: step id → the text typed; current: the step shown last."""

    def __init__(self):
        self.done: set[str] = set()
        self.answers: dict[str, str] = {}
        self.current = ""

    def restore(self, known: set[str]) -> None:
        """Read it back, keeping only steps that still exist (`known`) and values of the right types."""
        data = read_json(app_settings(), KEY)
        done, answers, current = data.get("done", []), data.get("answers", {}), data.get("current", "")
        self.done = {s for s in done if isinstance(s, str) and s in known} if isinstance(done, list) else set()
        self.answers = ({k: v[:MAX_ANSWER] for k, v in answers.items() if k in known and isinstance(v, str)}
                        if isinstance(answers, dict) else {})
        self.current = current if isinstance(current, str) and current in known else ""

    def save(self) -> None:
        value = {"done": sorted(self.done), "answers": self.answers, "current": self.current}
        app_settings().setValue(KEY, json.dumps(value, ensure_ascii=False))

    def reset(self) -> None:
        self.done.clear()
        self.answers.clear()
        self.current = ""
        self.save()
