"""A small, safe evaluator for the functions learners type, such as `0.5*x**3 - 2*x` or `x0**2 + x1**2`.

The text is tokenised and parsed by hand (recursive descent) into a tree of tuples, then evaluated with
NumPy ufuncs. Nothing in the text is ever handed to Python's eval / exec / compile: only numbers, the given
variables, the constants pi and e, + − * / ** (or ^; the printed signs − × · ÷ too), parentheses and a whitelist
of functions exist.
"""
from __future__ import annotations

import re

import numpy as np

from engine.functions import sigmoid

MAX_LENGTH = 500
MAX_DEPTH = 50

CONSTANTS = {"pi": np.pi, "e": np.e}
FUNCTIONS = {
    "sin": (np.sin, 1), "cos": (np.cos, 1), "tan": (np.tan, 1), "exp": (np.exp, 1), "log": (np.log, 1),
    "ln": (np.log, 1), "log10": (np.log10, 1), "log2": (np.log2, 1), "sqrt": (np.sqrt, 1), "tanh": (np.tanh, 1),
    "sinh": (np.sinh, 1), "cosh": (np.cosh, 1), "abs": (np.abs, 1), "arctan": (np.arctan, 1),
    "atan": (np.arctan, 1), "sigmoid": (sigmoid, 1), "relu": (lambda x: np.maximum(0, x), 1),
    "min": (np.minimum, 2), "max": (np.maximum, 2),
}
BINARY = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "**": np.power}

_TOKEN = re.compile(r"\s*(?:(?P<num>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|(?P<name>[A-Za-z][A-Za-z0-9]*)"
                    r"|(?P<op>\*\*|\^|[-+*/(),−×÷·]))")
# The signs of printed maths, read as their ASCII operators (so "0.5×x − 2" pasted from a printed formula works).
_SYNONYMS = {"^": "**", "−": "-", "×": "*", "·": "*", "÷": "/"}


class ExprError(ValueError):
    """Text that is not a valid expression; `position` is the 0-based column of the fault (or None).

    `code` names the kind of fault and `details` its pieces (the bad character, the unknown name, …), so that
    a user interface can say the same thing in another language; `reason` is the English sentence.
    """

    def __init__(self, message, position=None, code="", details=()):
        self.position = position
        self.reason = message
        self.code = code
        self.details = tuple(str(d) for d in details)
        where = f" at column {position + 1}" if position is not None else ""
        super().__init__(f"{message}{where}")


def _tokenize(text):
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
            bad = len(text[pos:]) - len(text[pos:].lstrip()) + pos
            raise ExprError(f"unexpected character {text[bad]!r}", bad, "character", (text[bad],))
        kind = m.lastgroup
        start = m.start(kind)
        value = m.group(kind)
        tokens.append((kind, _SYNONYMS.get(value, value), start))
        pos = m.end()
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    """expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
    unary := ('+'|'-') unary | power ; power := atom ('**' unary)? ; atom := number | name | call | '(' expr ')'
    """

    def __init__(self, text, variables):
        self.tokens = _tokenize(text)
        self.i = 0
        self.variables = variables
        self.depth = 0

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, value):
        kind, got, pos = self.take()
        if got != value:
            if kind == "end":
                raise ExprError(f"expected {value!r} but found the end of the text", pos, "expected_end", (value,))
            raise ExprError(f"expected {value!r} but found {got!r}", pos, "expected", (value, got))

    def nested(self, pos):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"too deeply nested (more than {MAX_DEPTH} levels)", pos, "nested", (MAX_DEPTH,))

    def parse(self):
        if self.peek()[0] == "end":
            raise ExprError("empty expression", code="empty")
        node = self.expr()
        kind, value, pos = self.peek()
        if kind != "end":
            if kind in ("name", "num") or value == "(":
                raise ExprError(f"missing operator before {value!r} (write 2*x, not 2x)", pos, "missing_operator",
                                (value,))
            raise ExprError(f"unexpected {value!r}", pos, "unexpected", (value,))
        return node

    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = ("bin", op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            node = ("bin", op, node, self.unary())
        return node

    def unary(self):
        kind, value, pos = self.peek()
        if value in ("+", "-"):
            self.take()
            self.nested(pos)
            operand = self.unary()
            self.depth -= 1
            return ("neg", operand) if value == "-" else operand
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek()[1] == "**":
            pos = self.take()[2]
            self.nested(pos)
            exponent = self.unary()  # right-associative: 2**3**2 = 2**9
            self.depth -= 1
            return ("bin", "**", base, exponent)
        return base

    def atom(self):
        kind, value, pos = self.take()
        if kind == "num":
            return ("num", float(value))
        if value == "(":
            self.nested(pos)
            node = self.expr()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name":
            if self.peek()[1] == "(":
                return self.call(value, pos)
            if value in self.variables:
                return ("var", self.variables.index(value))
            if value in CONSTANTS:
                return ("num", CONSTANTS[value])
            if value in FUNCTIONS:
                raise ExprError(f"{value} needs parentheses, e.g. {value}(x)", pos, "parentheses", (value,))
            allowed = ", ".join((*self.variables, *CONSTANTS, *FUNCTIONS))
            raise ExprError(f"unknown name {value!r} (allowed: {allowed})", pos, "unknown_name", (value, allowed))
        if kind == "end":
            raise ExprError("the expression ends too early", pos, "ends_early")
        raise ExprError(f"unexpected {value!r}", pos, "unexpected", (value,))

    def call(self, name, pos):
        if name not in FUNCTIONS:
            raise ExprError(f"unknown function {name!r} (allowed: {', '.join(FUNCTIONS)})", pos, "unknown_function",
                            (name, ", ".join(FUNCTIONS)))
        func, arity = FUNCTIONS[name]
        self.expect("(")
        self.nested(pos)
        args = [self.expr()]
        while self.peek()[1] == ",":
            self.take()
            args.append(self.expr())
        self.expect(")")
        self.depth -= 1
        if len(args) != arity:
            raise ExprError(f"{name} takes {arity} argument{'s' if arity > 1 else ''}, not {len(args)}", pos,
                            "arguments", (name, arity, len(args)))
        return ("call", func, args)


def _evaluate(node, values):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return values[node[1]]
    if kind == "neg":
        return np.negative(_evaluate(node[1], values))
    if kind == "bin":
        return BINARY[node[1]](_evaluate(node[2], values), _evaluate(node[3], values))
    return node[1](*(_evaluate(arg, values) for arg in node[2]))


class Expression:
    """A parsed expression: call it with one array (or number) per variable; NumPy broadcasting applies."""

    def __init__(self, text, variables, tree):
        self.text = text
        self.variables = tuple(variables)
        self._tree = tree

    def __call__(self, *values):
        if len(values) != len(self.variables):
            raise TypeError(f"expected {len(self.variables)} values ({', '.join(self.variables)}), got {len(values)}")
        arrays = [np.asarray(v, dtype=np.float64) for v in values]
        with np.errstate(all="ignore"):  # inf / nan are results to show, not errors
            result = np.asarray(_evaluate(self._tree, arrays), dtype=np.float64)
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        result = np.broadcast_to(result, shape) if result.shape != shape else result
        return float(result) if result.ndim == 0 else np.array(result)

    def __repr__(self):
        return f"Expression({self.text!r}, variables={self.variables})"


def parse(text, variables=("x",)):
    """Parse `text` into an Expression of the given variables; ExprError says what is wrong and where."""
    if not isinstance(text, str):
        raise ExprError("the expression must be text", code="not_text")
    if len(text) > MAX_LENGTH:
        raise ExprError(f"the expression is too long (more than {MAX_LENGTH} characters)", MAX_LENGTH, "too_long",
                        (MAX_LENGTH,))
    return Expression(text, variables, _Parser(text, tuple(variables)).parse())


def format_error(text, err):
    """The text and, under it, a caret at the fault: two lines for an inline message."""
    if err.position is None:
        return f"{text}\n{err}"
    return f"{text}\n{' ' * min(err.position, len(text))}^ {err.reason}"
