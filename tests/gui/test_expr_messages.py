"""Every fault the safe evaluator reports has a translatable sentence, with the column of the fault."""
import pytest

from engine import expr
from gui import expr_messages

BAD = {
    "2x": "missing_operator",
    "x $ 2": "character",
    "sin x": "parentheses",
    "(x + 1": "expected_end",
    "x +": "ends_early",
    "y + 1": "unknown_name",
    "foo(x)": "unknown_function",
    "": "empty",
    "x" + "+x" * 5000: "too_long",
}


@pytest.mark.parametrize("text, code", BAD.items(), ids=BAD.values())
def test_each_fault_has_its_sentence(qapp, text, code):
    with pytest.raises(expr.ExprError) as info:
        expr.parse(text)
    err = info.value
    assert err.code == code
    assert err.code in expr_messages._templates()
    sentence = expr_messages.reason(err)
    assert "%1" not in sentence and "%2" not in sentence
    for detail in err.details:
        assert detail in sentence
    if err.position is not None:
        assert f"column {err.position + 1}" in expr_messages.message(err)
        shown, column = expr_messages.excerpt(text, err.position)
        assert expr_messages.caret_lines(text, err) == shown + "\n" + " " * column + "^"
        assert len(shown) <= 62  # a long text is shown around its fault


def test_a_long_text_is_shown_around_its_fault_with_the_caret_under_it():
    text = "x + " * 40 + "2x" + " + x" * 40  # the fault, "x" after "2", at column 162
    with pytest.raises(expr.ExprError) as info:
        expr.parse(text)
    shown, column = expr_messages.excerpt(text, info.value.position)
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[column] == "x" and shown[column - 1] == "2"
    assert expr_messages.excerpt("x**2", 4) == ("x**2", 4)  # a short text is shown whole


def test_no_finite_value_in_view_has_its_sentence(qapp):
    from engine.lab import derivatives

    with pytest.raises(expr.ExprError) as info:
        derivatives.from_text("log(-1)")
    sentence = expr_messages.message(info.value)
    assert sentence.startswith("log(-1) is not a finite number anywhere in view (-5 ≤ x ≤ 5)")
    assert "column" not in sentence
    with pytest.raises(expr.ExprError) as info:
        derivatives.from_text("1/0 + " + "x*0 + " * 60 + "x")
    assert expr_messages.reason(info.value).startswith("1/0 + x*0 + x*0") and "… is not" in expr_messages.reason(
        info.value)  # a long text is cut, not printed whole

