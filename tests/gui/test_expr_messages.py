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


@pytest.mark.parametrize("text, code", BAD.items())
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
        assert expr_messages.caret_lines(text, err).endswith(" " * min(err.position, len(text)) + "^")
