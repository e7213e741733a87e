"""Lesson files: read, checked and turned into Lesson objects — data, not code (resources/lessons/README.md).

Pure Python (no Qt, no mathematics): the panel shows what this returns. A file that is not valid JSON, breaks the
schema, names an unknown tab or check, or gives a check the wrong parameters is refused with one message naming
the file and the fault, and the other files still load.

    lessons, problems = load_lessons([folder, ...], checks=CHECKS, tabs=TAB_ORDER)
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = 1
LANGUAGES = ("en", "zh_CN")
MAX_FILE_BYTES = 1 << 20  # a lesson is text: a bigger file is refused before it is read
KINDS = ("check", "answer")


class LessonError(ValueError):
    """A lesson file that cannot be used: str() says which file and what is wrong."""


@dataclass(frozen=True)
class Text:
    """One text in both languages; `get` falls back to English."""

    en: str
    zh_CN: str

    def get(self, language: str) -> str:
        return self.zh_CN if language == "zh_CN" and self.zh_CN else self.en


@dataclass(frozen=True)
class Exercise:
    """`check`: the app checks the tab's state with the named predicate; `answer`: the learner types a number,
    compared with the predicate's value (params "tolerance")."""

    kind: str
    task: Text
    check: str
    params: dict
    hint: Text


@dataclass(frozen=True)
class Step:
    id: str  # "<lesson id>/<step id>", unique across all lessons
    title: Text
    text: Text
    show: dict | None = None  # {"tab": key, "page": name?, "state": {field: value}?}
    exercise: Exercise | None = None


@dataclass(frozen=True)
class Lesson:
    id: str
    section: Text  # "4.2", or a name in both languages for the course's own chapters
    order: float
    title: Text
    steps: tuple[Step, ...] = field(default_factory=tuple)
    source: str = ""  # the file it came from


def _text(value, where: str) -> Text:
    if isinstance(value, str) and value.strip():
        return Text(value, value)
    if isinstance(value, dict) and isinstance(value.get("en"), str) and value["en"].strip():
        zh = value.get("zh_CN", "")
        if not isinstance(zh, str) or set(value) - set(LANGUAGES):
            raise LessonError(f"{where}: a text is {{\"en\": …, \"zh_CN\": …}}")
        return Text(value["en"], zh)
    raise LessonError(f"{where}: a text needs at least its English (\"en\")")


def _keys(obj, where: str, required: set, optional: set = frozenset()) -> dict:
    if not isinstance(obj, dict):
        raise LessonError(f"{where}: expected an object {{…}}, not {type(obj).__name__}")
    missing, unknown = required - set(obj), set(obj) - required - set(optional)
    if missing:
        raise LessonError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown:
        raise LessonError(f"{where}: unknown key {', '.join(sorted(unknown))}")
    return obj


def _exercise(obj, where: str, checks: dict) -> Exercise:
    _keys(obj, where, {"kind", "task", "check", "hint"}, {"params"})
    if obj["kind"] not in KINDS:
        raise LessonError(f"{where}: kind must be one of {', '.join(KINDS)}, not {obj['kind']!r}")
    name, params = obj["check"], obj.get("params", {})
    if name not in checks:
        raise LessonError(f"{where}: unknown check {name!r}")
    if not isinstance(params, dict):
        raise LessonError(f"{where}: params must be an object")
    fault = checks[name].fault(params, obj["kind"])
    if fault:
        raise LessonError(f"{where}: check {name}: {fault}")
    return Exercise(obj["kind"], _text(obj["task"], f"{where}.task"), name, dict(params),
                    _text(obj["hint"], f"{where}.hint"))


def _show(obj, where: str, tabs) -> dict:
    _keys(obj, where, {"tab"}, {"page", "state"})
    if obj["tab"] not in tabs:
        raise LessonError(f"{where}: unknown tab {obj['tab']!r} (known: {', '.join(tabs)})")
    if not isinstance(obj.get("page", ""), str) or not isinstance(obj.get("state", {}), dict):
        raise LessonError(f"{where}: page is a name and state an object")
    return dict(obj)


def parse_lesson(data, source: str, checks: dict, tabs) -> Lesson:
    """A Lesson from a file's parsed JSON, or LessonError naming what is wrong (`source` is the file's name)."""
    _keys(data, source, {"schema", "id", "section", "order", "title", "steps"})
    if data["schema"] != SCHEMA:
        raise LessonError(f"{source}: schema {data['schema']!r} is not {SCHEMA}")
    if not isinstance(data["id"], str) or not data["id"].replace("-", "").replace("_", "").isalnum():
        raise LessonError(f"{source}: id must be letters, digits, - and _")
    if not isinstance(data["order"], int | float) or isinstance(data["order"], bool):
        raise LessonError(f"{source}: order must be a number")
    if not isinstance(data["steps"], list) or not data["steps"]:
        raise LessonError(f"{source}: steps must be a non-empty list")
    steps, seen = [], set()
    for i, raw in enumerate(data["steps"]):
        where = f"{source}: step {i + 1}"
        _keys(raw, where, {"id", "title", "text"}, {"show", "exercise"})
        if not isinstance(raw["id"], str) or not raw["id"] or raw["id"] in seen:
            raise LessonError(f"{where}: id must be a name unique in the lesson")
        seen.add(raw["id"])
        steps.append(Step(f"{data['id']}/{raw['id']}", _text(raw["title"], f"{where}.title"),
                          _text(raw["text"], f"{where}.text"),
                          _show(raw["show"], f"{where}.show", tabs) if "show" in raw else None,
                          _exercise(raw["exercise"], f"{where}.exercise", checks) if "exercise" in raw else None))
    return Lesson(data["id"], _text(data["section"], f"{source}: section"), float(data["order"]),
                  _text(data["title"], f"{source}: title"),
                  tuple(steps), source)


def load_file(path: Path, checks: dict, tabs) -> Lesson:
    """One lesson file, read and checked (LessonError on any fault, never another exception)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LessonError(f"{path.name}: larger than {MAX_FILE_BYTES // 1024} kB")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LessonError(f"{path.name}: {exc}") from exc
    except RecursionError as exc:
        raise LessonError(f"{path.name}: nested too deeply") from exc
    return parse_lesson(data, path.name, checks, tabs)


def load_lessons(folders, checks: dict, tabs) -> tuple[list[Lesson], list[str]]:
    """Every *.json lesson in `folders` (the app's, then the user's), sorted by order; and the problems of the
    files that were skipped. A lesson whose id is already loaded is skipped too (the first one wins)."""
    lessons, problems, ids = [], [], set()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                lesson = load_file(path, checks, tabs)
            except LessonError as exc:
                problems.append(str(exc))
                continue
            if lesson.id in ids:
                problems.append(f"{path.name}: a lesson with id {lesson.id!r} is already loaded")
                continue
            ids.add(lesson.id)
            lessons.append(lesson)
    lessons.sort(key=lambda lesson: (lesson.order, lesson.id))
    return lessons, problems
