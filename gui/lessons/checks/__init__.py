"""The exercises' checks: named predicates over the tabs' state objects, with parameters (the lesson files name them).

A check reads one tab's state (and the engine's results from it) and returns a Verdict: whether the exercise is
done and a sentence saying what is right or what to look at — never only "wrong". An `answer` check returns the
value the learner is asked to predict instead; the panel compares the typed answer with it.

    @check("losses.cross_entropy_below", "losses", value=float, target=int)
    def _(tab, value, target): ...

One module per tab's checks: losses.py (4.2), calculus.py (Derivatives and Gradient field: 4.3, 4.4, the
computation graph), descent.py (4.4.1 and simpleNet, 4.4.2), draw.py (the shallow network).

Texts go through QCoreApplication.translate("lessons", "…"), written out at each place so lupdate finds them.
Adding a check: a function here; lessons then name it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class Verdict:
    ok: bool
    detail: str


@dataclass(frozen=True)
class Check:
    """A predicate `fn(tab, **params)` over the tab `tab_key`; `params` names each parameter's type."""

    name: str
    tab_key: str
    params: dict
    fn: Callable
    kind: str = "check"  # "answer": fn returns the number to predict (params may add "tolerance")

    def fault(self, params: dict, kind: str) -> str | None:
        """Why `params` do not fit this check for an exercise of `kind` (None: they do)."""
        if kind != self.kind:
            return f"an exercise of kind {kind!r} cannot use a check of kind {self.kind!r}"
        allowed = dict(self.params, **({"tolerance": float} if self.kind == "answer" else {}))
        missing = set(self.params) - set(params)
        unknown = set(params) - set(allowed)
        if missing or unknown:
            return (f"parameters {', '.join(sorted(self.params)) or 'none'} expected"
                    f"{'; missing ' + ', '.join(sorted(missing)) if missing else ''}"
                    f"{'; unknown ' + ', '.join(sorted(unknown)) if unknown else ''}")
        for key, value in params.items():
            wanted = allowed[key]
            ok = (isinstance(value, int | float) and not isinstance(value, bool)) if wanted is float else \
                isinstance(value, wanted) and not (wanted is int and isinstance(value, bool))
            if not ok:
                return f"{key} must be {wanted.__name__}, not {value!r}"
        return None

    def run(self, tabs: dict, params: dict):
        """The Verdict (or, for an answer check, the value) on the tabs' current state."""
        return self.fn(tabs[self.tab_key], **{k: v for k, v in params.items() if k in self.params})


CHECKS: dict[str, Check] = {}


def check(name: str, tab_key: str, kind: str = "check", **params):
    def register(fn):
        CHECKS[name] = Check(name, tab_key, params, fn, kind)
        return fn
    return register


def number(value: float) -> str:
    return f"{value:.4g}"


def fill(text: str, *values) -> str:
    """`text` (translated) with %1, %2, … replaced by `values` in turn."""
    for i, value in enumerate(values, 1):
        text = text.replace(f"%{i}", str(value))
    return text


def wrong_target(target, now) -> Verdict:
    return Verdict(False, fill(QCoreApplication.translate(
        "lessons", "First choose the correct class t = %1 (it is %2 now)."), target, now))


from gui.lessons.checks import calculus, descent, draw, losses, training  # noqa: E402,F401 - registers them
