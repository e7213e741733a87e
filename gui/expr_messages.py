"""The safe evaluator's complaints (engine.expr.ExprError) in the user's language.

The engine says what is wrong with a `code` and its `details`; the tabs that take a typed function show it
through `reason(err)` and `message(err)`, so the words are translated in one place.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # called with its context written out, so that lupdate finds each text


def _templates() -> dict[str, str]:
    return {
        "character": translate("ExprMessages", "unexpected character '%1'"),
        "missing_operator": translate("ExprMessages", "missing operator before '%1' (write 2*x, not 2x)"),
        "expected": translate("ExprMessages", "expected '%1' but found '%2'"),
        "expected_end": translate("ExprMessages", "expected '%1' but the text ends"),
        "unexpected": translate("ExprMessages", "unexpected '%1'"),
        "ends_early": translate("ExprMessages", "the expression ends too early"),
        "parentheses": translate("ExprMessages", "%1 needs parentheses, e.g. %1(x)"),
        "unknown_name": translate("ExprMessages", "unknown name '%1' (allowed: %2)"),
        "unknown_function": translate("ExprMessages", "unknown function '%1' (allowed: %2)"),
        "arguments": translate("ExprMessages", "%1 takes %2 argument(s), not %3"),
        "empty": translate("ExprMessages", "empty expression: type a function"),
        "too_long": translate("ExprMessages", "the expression is too long (more than %1 characters)"),
        "nested": translate("ExprMessages", "too deeply nested (more than %1 levels)"),
        "not_text": translate("ExprMessages", "the expression must be text"),
        "not_finite": translate("ExprMessages", "%1 is not a finite number anywhere in view (%2 ≤ x ≤ %3): it "
                                                "gives only inf or nan there, e.g. 1/0 or log(-1)"),
    }


def reason(err) -> str:
    """What is wrong, translated (the engine's English sentence for a kind of fault not listed here)."""
    template = _templates().get(err.code)
    if template is None:
        return err.reason
    details = list(err.details)
    if err.code == "not_finite" and details:
        details[0] = excerpt(details[0], 0)[0]  # the typed text: its beginning is enough to recognise it
    for i, detail in enumerate(details, 1):
        template = template.replace(f"%{i}", detail)
    return template


def message(err) -> str:
    """The reason and, when known, the column of the fault ("…, at column 10")."""
    if err.position is None:
        return reason(err)
    return translate("ExprMessages", "%1 at column %2").replace("%1", reason(err)).replace("%2", str(err.position + 1))


def excerpt(text: str, position: int, width: int = 60) -> tuple[str, int]:
    """(the text around `position`, the column of `position` in it): a long text is cut to `width` characters
    around the fault, with … where something was left out, so that the caret stays on screen."""
    position = min(max(position, 0), len(text))
    if len(text) <= width:
        return text, position
    start = max(0, min(position - width // 2, len(text) - width))
    shown, column = text[start:start + width], position - start
    if start > 0:
        shown, column = "…" + shown, column + 1
    if start + width < len(text):
        shown += "…"
    return shown, column


def caret_lines(text: str, err) -> str:
    """The typed text (around the fault when long) and a caret under the fault, for a fixed-width label
    ('' when the column is unknown)."""
    if err.position is None:
        return ""
    shown, column = excerpt(text, err.position)
    return shown + "\n" + " " * column + "^"


def cut(limit: int) -> str:
    """A text box that takes at most `limit` characters was given more (typed or pasted)."""
    text = translate("ExprMessages", "At most %1 characters: the rest was left out. Shorten the function.")
    return text.replace("%1", str(limit))
