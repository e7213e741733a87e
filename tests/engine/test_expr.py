"""The safe evaluator: correct arithmetic, vectorised, and hostile text refused without running anything."""
import time

import numpy as np
import pytest

from engine.expr import FUNCTIONS, MAX_DEPTH, MAX_LENGTH, ExprError, format_error, parse


def test_book_function_matches_python():
    f = parse("0.01*x**2 + 0.1*x")
    assert f(5.0) == 0.01 * 5.0**2 + 0.1 * 5.0
    xs = np.linspace(-3, 3, 7)
    np.testing.assert_array_equal(f(xs), 0.01 * xs**2 + 0.1 * xs)


@pytest.mark.parametrize("text, x, expected", [
    ("0.5*x**3 - 2*x", 2.0, 0.0),
    ("-x**2", 3.0, -9.0),
    ("2**3**2", 0.0, 512.0),
    ("2^3", 0.0, 8.0),
    ("(1 + x) * 2", 1.0, 4.0),
    ("10 - 4 - 3", 0.0, 3.0),
    ("8 / 4 / 2", 0.0, 1.0),
    ("sin(pi/2) + cos(0)", 0.0, 2.0),
    ("exp(log(x))", 5.0, 5.0),
    ("sqrt(x) + abs(-1)", 9.0, 4.0),
    (".5e1 + 1E-1", 0.0, 5.1),
    ("max(x, 2) + min(x, 2)", 7.0, 9.0),
    ("relu(-x) + sigmoid(0)", 3.0, 0.5),
    ("e", 0.0, np.e),
    ("+x", 4.0, 4.0),
])
def test_values(text, x, expected):
    assert parse(text)(x) == pytest.approx(expected, rel=1e-12)


def test_two_variables_on_a_grid():
    f = parse("x0**2 + x1**2", variables=("x0", "x1"))
    X0, X1 = np.meshgrid(np.arange(3.0), np.arange(4.0))
    np.testing.assert_array_equal(f(X0, X1), X0**2 + X1**2)
    assert f(3.0, 4.0) == 25.0
    c = parse("1", variables=("x0", "x1"))
    assert c(X0, X1).shape == X0.shape  # a constant still fills the grid


def test_overflow_and_domain_give_inf_nan_not_errors():
    assert parse("exp(x)")(1000.0) == np.inf
    assert np.isnan(parse("log(x)")(-1.0))
    assert parse("1/x")(0.0) == np.inf


@pytest.mark.parametrize("text, fragment, position", [
    ("__import__('os')", "unexpected character '_'", 0),
    ("x.__class__", "unexpected character '.'", 1),
    ("().__class__", "unexpected character '.'", 2),
    ('os.system("ls")', "unexpected character '.'", 2),
    ("lambda: 1", "unexpected character ':'", 6),
    ("[1,2]", "unexpected character '['", 0),
    ('"abc"', "unexpected character '\"'", 0),
    ("2x", "missing operator", 1),
    ("sin x", "needs parentheses", 0),
    ("foo(x)", "unknown function 'foo'", 0),
    ("y + 1", "unknown name 'y'", 0),
    ("sin(x, 2)", "takes 1 argument", 0),
    ("max(x)", "takes 2 arguments", 0),
    ("(x + 1", "expected ')'", 6),
    ("x + 1)", "unexpected ')'", 5),
    ("x +", "ends too early", 3),
    ("x, 1", "unexpected ','", 1),
    ("sin(x=1)", "unexpected character '='", 5),
])
def test_bad_text_is_refused_with_a_position(text, fragment, position):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert fragment in str(info.value)
    assert info.value.position == position


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text(text):
    with pytest.raises(ExprError, match="empty"):
        parse(text)


def test_huge_exponents_are_instant():
    start = time.perf_counter()
    assert parse("9**9**9**9")(0.0) == np.inf
    assert parse("x**1e308")(2.0) == np.inf
    assert time.perf_counter() - start < 0.5


def test_deep_nesting_is_refused_cleanly():
    with pytest.raises(ExprError, match="too long|deeply nested"):
        parse("(" * 10000 + "x" + ")" * 10000)
    with pytest.raises(ExprError, match="deeply nested"):
        parse("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1))
    with pytest.raises(ExprError, match="deeply nested"):
        parse("-" * (MAX_DEPTH + 5) + "x")
    assert parse("(" * 20 + "x" + ")" * 20)(2.0) == 2.0


def test_nothing_is_executed(monkeypatch):
    import builtins

    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec/compile must never be called")

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, forbidden)
    for text in ("x**2 + 1", "sin(x)"):
        parse(text)(1.0)


def test_format_error_points_at_the_fault():
    with pytest.raises(ExprError) as info:
        parse("x + * 2")
    lines = format_error("x + * 2", info.value).splitlines()
    assert lines[0] == "x + * 2"
    assert lines[1].index("^") == 4


@pytest.mark.parametrize("text, fragment, position", [
    ("__import__('os')", "unexpected character '_'", 0),
    ("x.__class__", "unexpected character '.'", 1),
    ("x.real", "unexpected character '.'", 1),
    ("sin.__globals__", "unexpected character '.'", 3),
    ("getattr(x, x)", "unknown function 'getattr'", 0),
    ("open(x)", "unknown function 'open'", 0),
    ("eval(x)", "unknown function 'eval'", 0),
    ("__builtins__", "unexpected character '_'", 0),
    ("x; import os", "unexpected character ';'", 1),
    ("x if x else 1", "missing operator before 'if'", 2),
    ("z", "unknown name 'z'", 0),
    ("X", "unknown name 'X'", 0),  # names are case-sensitive: only x
    ("x1", "unknown name 'x1'", 0),
    ("\u0663 + x", "unexpected character", 0),  # a non-ASCII digit is not a number here
    ("ｘ", "unexpected character", 0),
])
def test_hostile_and_unknown_names_refused_with_position(text, fragment, position):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert fragment in str(info.value)
    assert info.value.position == position


def test_unknown_name_lists_what_is_allowed():
    with pytest.raises(ExprError) as info:
        parse("y")
    assert "allowed: x, pi, e, sin" in str(info.value)


@pytest.mark.parametrize("text", ["", " ", "\t\n"])
def test_empty_text_has_no_position_and_formats(text):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert info.value.position is None
    assert "empty expression" in format_error(text, info.value)


def test_non_text_is_refused():
    with pytest.raises(ExprError, match="must be text"):
        parse(None)


def test_too_long_text_is_refused_before_parsing():
    with pytest.raises(ExprError, match="too long"):
        parse("x+" * 300 + "x")


def test_a_pasted_megabyte_is_refused_by_its_length_before_it_is_read():
    with pytest.raises(ExprError) as info:
        parse("$" * 5_000_000)  # read first, its fault would be "unexpected character '$'" at column 1
    assert (info.value.code, info.value.position, info.value.details) == ("too_long", MAX_LENGTH, (str(MAX_LENGTH),))
    assert parse("x+" * ((MAX_LENGTH - 1) // 2) + "x")(1.0) == (MAX_LENGTH + 1) // 2  # the longest text accepted


def test_ten_to_the_ten_to_the_ten_is_inf_at_once_and_small():
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    f = parse("10**10**10")
    assert f(0.0) == np.inf
    assert parse("x**10**10")(np.full(1000, 2.0)).tolist() == [np.inf] * 1000
    assert parse("(-10)**10**10")(0.0) == np.inf
    assert parse("99999999999999999999999999999999 ** 999999999")(0.0) == np.inf
    assert np.isnan(parse("(-2)**0.5")(0.0))
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 0.5
    assert peak < 5_000_000  # floats all the way: no Python big integers are ever built


def test_printed_signs_are_read_as_operators():
    assert parse("2×x − x÷4")(2.0) == 3.5
    assert parse("3·x")(2.0) == 6.0


def test_number_literals_are_floats_not_big_integers():
    assert parse("1" * 400)(0.0) == float("1" * 400)
    assert parse("1e999")(0.0) == np.inf


@pytest.mark.parametrize("text, code, details", [
    ("__import__('os')", "character", ("_",)),
    ("2x", "missing_operator", ("x",)),
    ("(x + 1", "expected_end", (")",)),
    ("sin(x 1)", "expected", (")", "1")),
    ("max(x, 1 2)", "expected", (")", "2")),
    ("x + 1)", "unexpected", (")",)),
    ("x +", "ends_early", ()),
    ("sin x", "parentheses", ("sin",)),
    ("y", "unknown_name", ("y", "x, pi, e, " + ", ".join(FUNCTIONS))),
    ("foo(x)", "unknown_function", ("foo", ", ".join(FUNCTIONS))),
    ("max(x)", "arguments", ("max", "2", "1")),
    ("", "empty", ()),
    ("x" * 600, "too_long", (str(MAX_LENGTH),)),
    ("-" * (MAX_DEPTH + 5) + "x", "nested", (str(MAX_DEPTH),)),
])
def test_errors_carry_a_code_and_details_for_translation(text, code, details):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert (info.value.code, info.value.details) == (code, details)
