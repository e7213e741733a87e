"""engine.lab.simplenet: CURRICULUM §4b's numbers for the book's simpleNet (§4.4.2) from the values the page holds,
the numerical gradient and the nudge against the analytic x ⊗ (y − t), and the path of W ← W − η∂L/∂W."""
from types import SimpleNamespace

import numpy as np
import pytest

from engine.functions import softmax
from engine.lab import simplenet as sl
from engine.networks import SimpleNet

BOOK_DW = [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]
BOOK_NUMERICAL_DW = [[0.21924757, 0.14356243, -0.36281], [0.32887136, 0.21534364, -0.544215]]


def choices(**kw):
    values = dict(W=sl.BOOK_W, x=sl.BOOK_X, t=sl.BOOK_T, h=sl.DEFAULT_H, lr=sl.DEFAULT_LR, steps=0) | kw
    return SimpleNamespace(**values)


@pytest.fixture
def lab():
    return sl.SimpleNetLab(choices())


def test_forward_gives_the_curriculum_numbers(lab):
    f = lab.forward()
    np.testing.assert_allclose(f.p, [1.05414809, 0.63071653, 1.1328074], atol=5e-9)
    np.testing.assert_allclose(f.y, [0.36541271, 0.23927078, 0.39531651], atol=5e-9)
    assert f.answer == 2
    assert f.loss == 0.9280682857864075  # with the 1e-7 guard, to the last digit
    assert f.loss_unguarded == 0.9280685387482351
    assert abs(f.loss_unguarded - 0.92806853663411326) < 3e-9  # the book's print: its W had more digits


def test_analytic_gradient_is_the_books_dw(lab):
    dW = lab.analytic()
    np.testing.assert_allclose(dW, BOOK_DW, atol=5e-9)
    y = softmax(np.dot(sl.BOOK_X, sl.BOOK_W))
    np.testing.assert_array_equal(dW, np.outer(sl.BOOK_X, y - [0, 0, 1]))  # x ⊗ (y − t)


def test_numerical_gradient_with_the_guard_and_its_difference(lab):
    numerical = lab.numerical()
    np.testing.assert_allclose(numerical, BOOK_NUMERICAL_DW, atol=5e-9)
    np.testing.assert_array_equal(numerical, SimpleNet(sl.BOOK_W).numerical_gradient(sl.BOOK_X, [0, 0, 1]))
    diff = lab.difference()
    np.testing.assert_array_equal(diff, numerical - lab.analytic())
    assert 2e-8 < np.abs(diff).max() < 2e-7  # the 1e-7 guard moves it by about 1e-7
    assert np.all(np.sign(diff) == -np.sign(lab.analytic()))


def test_h_is_the_one_the_state_holds():
    coarse = sl.SimpleNetLab(choices(h=0.5)).numerical()
    fine = sl.SimpleNetLab(choices(h=1e-4)).numerical()
    assert np.abs(coarse - fine).max() > 1e-3  # a large h is visibly off (O(h²) error)
    np.testing.assert_allclose(fine, BOOK_DW, atol=2e-7)


def test_reading_w23():
    """∂L/∂w23 ≈ −0.544: raising w23 by h lowers L by about 0.544·h."""
    n = sl.SimpleNetLab(choices()).nudge((1, 2))
    assert n.derivative == pytest.approx(-0.54421514, abs=5e-9)
    assert n.before == 0.9280682857864075 and n.after < n.before
    assert n.change == n.after - n.before and n.slope == n.change / 1e-4
    assert n.slope == pytest.approx(n.derivative, abs=1e-4)  # forward difference: O(h) error


@pytest.mark.parametrize("cell", [(i, j) for i in range(2) for j in range(3)])
def test_nudge_slope_approximates_every_derivative(cell):
    lab = sl.SimpleNetLab(choices(h=1e-6))
    n = lab.nudge(cell)
    assert n.slope == pytest.approx(lab.analytic()[cell], abs=1e-5)
    np.testing.assert_array_equal(lab.weights(), np.array(sl.BOOK_W))  # the nudge does not move W


def test_one_step_gives_the_curriculum_loss(lab):
    lab.choices.steps = 1
    np.testing.assert_array_equal(lab.weights(), np.array(sl.BOOK_W) - 0.1 * lab.analytic(np.array(sl.BOOK_W)))
    assert lab.forward().loss == 0.864377532033614
    np.testing.assert_array_equal(lab.losses(), [0.9280682857864075, 0.864377532033614])


def test_the_loss_falls_and_the_answer_stays_right(lab):
    losses = lab.losses(50)
    assert np.all(np.diff(losses) < 0)
    assert np.all(lab.answers(50) == 2) and lab.answer_changes(50) == []


def test_the_answer_changes_as_w_moves():
    lab = sl.SimpleNetLab(choices(t=1, lr=1.0))  # the correct class is 1: the net answers 2 at first
    assert lab.forward(np.array(sl.BOOK_W)).answer == 2
    changes = lab.answer_changes(20)
    assert changes and changes[0][1] == 1 and lab.answers(20)[-1] == 1
    k = changes[0][0]
    assert lab.answers(k)[k - 1] != 1


def test_path_is_recomputed_when_the_choices_change(lab):
    lab.losses(5)
    lab.choices.lr = 1.0
    assert lab.losses(1)[1] != 0.864377532033614
    lab.choices.lr, lab.choices.W = 0.1, ((0.0,) * 3, (0.0,) * 3)
    assert lab.losses(0)[0] == pytest.approx(np.log(3), abs=1e-6)
    assert lab.weights(MAX := sl.MAX_STEPS + 5).shape == (2, 3) and len(lab.losses(MAX)) == sl.MAX_STEPS + 1


@pytest.mark.parametrize("name, value", [("w", float("nan")), ("x", 1e9), ("h", 0.0), ("h", 2.0), ("lr", -0.1),
                                         ("lr", float("inf")), ("w", "abc")])
def test_check_refuses_bad_values(name, value):
    with pytest.raises(ValueError):
        sl.check(name, value)


def test_check_accepts_good_values():
    assert sl.check("w", "-0.5") == -0.5 and sl.check("h", 1e-4) == 1e-4 and sl.check("lr", 0.1) == 0.1
