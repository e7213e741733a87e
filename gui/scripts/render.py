"""Pieces every generated script shares: numbers as Python literals, a typed function as a safe Python expression.

A typed function never reaches a script as the user's text: engine.expr has parsed it into a tree (numbers, the
variables, + − * / **, whitelisted functions), and `python_expression` writes that tree back as Python with NumPy
calls. A part of the tree without a variable is written as the number engine.expr computes for it (1/2 → 0.5),
so the script computes exactly what the app does (Python would raise on 1/0 where NumPy gives inf).
"""
from __future__ import annotations

import math

import numpy as np

from engine import expr

# How each whitelisted function of engine.expr is written in a script; "sigmoid" and "relu" are defined there.
_NAMES = {name: ("sigmoid" if name == "sigmoid" else "relu" if name == "relu" else f"np.{func.__name__}")
          for name, (func, _arity) in expr.FUNCTIONS.items()}
_BY_FUNCTION = {id(func): _NAMES[name] for name, (func, _arity) in expr.FUNCTIONS.items()}
SIGMOID = ("def sigmoid(x):  # h(x) = 1 / (1 + exp(−x)), written so that exp never overflows\n"
           "    z = np.exp(-np.abs(x))\n    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))\n")
RELU = "def relu(x):\n    return np.maximum(0, x)  # h(x) = max(0, x)\n"

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "**": 4, "atom": 5}


def number(value) -> str:
    """A float as a Python literal that reads back exactly: 2 (not 2.0) for whole numbers, np.inf / np.nan."""
    v = float(value)
    if math.isnan(v):
        return "np.nan"
    if math.isinf(v):
        return "np.inf" if v > 0 else "-np.inf"
    if v == np.pi:
        return "np.pi"
    if v == np.e:
        return "np.e"
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def numbers(values) -> str:
    """A flat or nested sequence of floats as a Python list literal of floats (3.0, not 3: a float array)."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 0:
        text = number(arr)
        return text + ".0" if text.lstrip("-").isdigit() else text
    return "[" + ", ".join(numbers(v) for v in arr) + "]"


def _has_variable(node) -> bool:
    kind = node[0]
    if kind == "var":
        return True
    if kind == "neg":
        return _has_variable(node[1])
    if kind == "bin":
        return _has_variable(node[2]) or _has_variable(node[3])
    if kind == "call":
        return any(_has_variable(a) for a in node[2])
    return False


def _render(node, names) -> tuple[str, int]:
    """(Python text, precedence) of a tree node; constant parts folded to engine.expr's value."""
    kind = node[0]
    if kind == "var":
        return names[node[1]], _PRECEDENCE["atom"]
    if kind == "num" or not _has_variable(node):
        value = node[1] if kind == "num" else expr.Expression("", (), node)()
        text = number(value)
        return text, _PRECEDENCE["neg"] if text.startswith("-") else _PRECEDENCE["atom"]
    if kind == "neg":
        inner, p = _render(node[1], names)
        return "-" + (f"({inner})" if p <= _PRECEDENCE["neg"] else inner), _PRECEDENCE["neg"]
    if kind == "call":
        args = ", ".join(_render(a, names)[0] for a in node[2])
        return f"{_BY_FUNCTION[id(node[1])]}({args})", _PRECEDENCE["atom"]
    op, me = node[1], _PRECEDENCE[node[1]]
    left, lp = _render(node[2], names)
    right, rp = _render(node[3], names)
    if op == "**":  # right-associative: the base must be an atom; the exponent may be signed (x**-2)
        left = left if lp > me else f"({left})"
        right = right if rp >= _PRECEDENCE["neg"] else f"({right})"
        return f"{left}**{right}", me
    left = left if lp >= me else f"({left})"
    right = right if rp > me and rp != _PRECEDENCE["neg"] else f"({right})"  # a − (b − c), x − (−2)
    return f"{left} {op} {right}", me


def python_expression(text, variables=("x",), names=None) -> str:
    """The typed `text` (valid for engine.expr with `variables`) as a Python expression of `names` (default: the
    variables), using np.* functions; raises expr.ExprError for text engine.expr refuses."""
    parsed = expr.parse(text, variables=variables)
    return _render(parsed._tree, tuple(names or variables))[0]


def helpers_for(code) -> str:
    """The definitions of sigmoid / relu a script needs when `code` calls them."""
    return "".join(f"{helper}\n\n" for helper, name in ((SIGMOID, "sigmoid("), (RELU, "relu(")) if name in code)


def quoted(text) -> str:
    """A typed text made safe for a comment: one line, whitespace collapsed (engine.expr has accepted it)."""
    return " ".join(str(text).split())


def header(what, tab, page=None) -> str:
    """The script's opening lines: what it reproduces, from which tab (and page) of Gradient Lab."""
    where = f"{tab} tab" + (f", page {page}" if page else "")
    return (f"# {what}\n# Reproduces what Gradient Lab shows on its {where}; only Python and NumPy are needed.\n"
            "# Run it with: python this_file.py\nimport numpy as np\n\n"
            "np.set_printoptions(floatmode=\"unique\", linewidth=200)  # print every digit, as the app shows it\n")


def join(parts) -> str:
    """The parts of a script, two blank lines apart (as PEP 8 sets definitions apart)."""
    return "\n\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"
