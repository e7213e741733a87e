"""Every number CURRICULUM.md quotes for sections 1–4b (losses, derivatives, gradients, descent, simpleNet)."""
import numpy as np
import pytest

from engine import calculus, graph
from engine.descent import gradient_descent
from engine.functions import cross_entropy_error, mean_squared_error, softmax, softmax_naive
from engine.networks import SimpleNet
from engine.surfaces import function_2, get_surface

T2 = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], dtype=np.float64)
Y_TWO = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_SEVEN = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])


# §1 losses
def test_worked_example_2_most_likely():
    assert mean_squared_error(Y_TWO, T2) == 0.09750000000000003
    assert cross_entropy_error(Y_TWO, T2) == 0.510825457099338


def test_worked_example_7_most_likely():
    assert mean_squared_error(Y_SEVEN, T2) == 0.5975
    assert cross_entropy_error(Y_SEVEN, T2) == 2.302584092994546


def test_cross_entropy_accepts_label_or_one_hot_single_and_batch():
    assert cross_entropy_error(Y_SEVEN, 2) == cross_entropy_error(Y_SEVEN, T2)
    y = np.stack([Y_TWO, Y_SEVEN])
    t_onehot = np.stack([T2, T2])
    batch = cross_entropy_error(y, t_onehot)
    assert batch == pytest.approx((0.510825457099338 + 2.302584092994546) / 2, rel=1e-15)
    assert cross_entropy_error(y, np.array([2, 2])) == batch


def test_softmax_is_stable_and_equals_shifted():
    a = np.array([1010.0, 1000.0, 990.0])
    naive = softmax_naive(a)
    assert np.all(np.isnan(naive))  # exp(1010) overflows to inf, inf/inf is nan
    y = softmax(a)
    assert np.all(np.isfinite(y))
    shifted = np.exp(a - a.max()) / np.sum(np.exp(a - a.max()))
    np.testing.assert_allclose(y, shifted, rtol=1e-15)
    assert y.sum() == pytest.approx(1.0)


def test_softmax_rows_of_a_batch():
    a = np.array([[1010.0, 1000.0, 990.0], [0.3, 2.9, 4.0]])
    y = softmax(a)
    np.testing.assert_allclose(y.sum(axis=1), [1.0, 1.0])
    np.testing.assert_allclose(y[1], softmax(a[1]))
    np.testing.assert_allclose(y[1], [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)


# §2 derivatives
def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def test_central_difference_book_values():
    assert calculus.numerical_diff(function_1, 5) == 0.1999999999990898
    assert calculus.numerical_diff(function_1, 10) == 0.2999999999986347


def test_forward_difference_is_less_accurate():
    fwd = abs(calculus.numerical_diff(function_1, 5, method="forward") - 0.2)
    ctr = abs(calculus.numerical_diff(function_1, 5, method="central") - 0.2)
    assert fwd > 100 * ctr
    assert calculus.numerical_diff(function_1, 5, method="backward") < 0.2 < calculus.numerical_diff(
        function_1, 5, method="forward")


def test_too_small_h_gives_zero():
    assert 5.0 + 1e-50 == 5.0
    assert calculus.numerical_diff(function_1, 5.0, h=1e-50, method="forward") == 0.0


def test_tangent_line_touches_curve():
    tl = calculus.tangent_line(function_1, 5)
    assert tl(5) == pytest.approx(function_1(5))
    assert tl(6) - tl(5) == pytest.approx(0.2, abs=1e-9)


def test_partial_derivatives_at_3_4():
    assert calculus.numerical_diff(lambda x0: x0 * x0 + 4.0**2.0, 3.0) == 6.00000000000378
    assert calculus.numerical_diff(lambda x1: 3.0**2.0 + x1 * x1, 4.0) == 7.999999999999119


def test_error_against_h_has_a_minimum_between_extremes():
    hs = np.logspace(-1, -16, 16)
    for method in ("forward", "central"):
        err = calculus.difference_errors(np.sin, 1.0, hs, np.cos(1.0), method)
        best = np.argmin(err)
        assert 0 < best < len(hs) - 1  # truncation error on the left, rounding error on the right
    # The book's quadratic has no truncation error for the central difference: only rounding remains.
    assert calculus.difference_errors(function_1, 5.0, [1e-1], 0.2)[0] < 1e-12


def test_computation_graph_lessons_examples():
    v = graph.forward(5, 3, 2)
    assert (v["u"], v["v"], v["J"]) == (6, 11, 33)
    d = graph.backward(v)
    assert (d["v"], d["u"], d["a"], d["b"], d["c"]) == (3, 3, 3, 6, 9)
    v2 = graph.forward(7, 4, 2)
    assert (v2["u"], v2["v"], v2["J"]) == (8, 15, 45)
    assert 3 * (v2["v"] + 0.001) - v2["J"] == pytest.approx(0.003)


def test_sigmoid_derivative():
    from engine.functions import sigmoid, sigmoid_grad

    z = np.linspace(-5, 5, 11)
    s = sigmoid(z)
    np.testing.assert_allclose(sigmoid_grad(z), s * (1 - s))
    np.testing.assert_allclose(sigmoid_grad(z), [calculus.numerical_diff(sigmoid, zi) for zi in z], atol=1e-9)


# §3 gradients
@pytest.mark.parametrize("point, expected", [((3.0, 4.0), [6, 8]), ((0.0, 2.0), [0, 4]), ((3.0, 0.0), [6, 0])])
def test_numerical_gradient_book_points(point, expected):
    x = np.array(point)
    g = calculus.numerical_gradient(function_2, x)
    np.testing.assert_allclose(g, expected, atol=1e-6)
    np.testing.assert_array_equal(x, point)  # restored


def test_numerical_gradient_any_shape_and_analytic_agreement():
    x = np.arange(6, dtype=np.float64).reshape(2, 3)
    g = calculus.numerical_gradient(lambda w: np.sum(w**2), x)
    np.testing.assert_allclose(g, 2 * x, atol=1e-6)
    s = get_surface("sphere")
    np.testing.assert_allclose(s.gradient(np.array([3.0, 4.0])), [6, 8])


def test_negative_gradient_field_points_to_minimum():
    s = get_surface("sphere")
    g = np.arange(-2, 2.25, 0.25)
    X0, X1 = np.meshgrid(g, g)
    G = -s.gradient(np.stack([X0, X1]))
    dots = G[0] * (-X0) + G[1] * (-X1)  # −∇f · (direction to the origin)
    assert np.all(dots >= 0)


# §4 gradient descent
@pytest.mark.parametrize("lr, steps, expected", [
    (0.1, 100, [-6.11110793e-10, 8.14814391e-10]),
    (0.1, 20, [-0.03458765, 0.04611686]),
    (10.0, 100, [-2.58983747e13, -1.29524862e12]),
    (1e-10, 100, [-2.99999994, 3.99999992]),
])
def test_gradient_descent_book_runs(lr, steps, expected):
    init_x = np.array([-3.0, 4.0])
    x, history = gradient_descent(function_2, init_x, lr=lr, step_num=steps)
    np.testing.assert_allclose(x, expected, rtol=1e-6)  # quoted to 9 digits
    assert history.shape == (steps + 1, 2)
    np.testing.assert_array_equal(history[0], [-3.0, 4.0])
    np.testing.assert_array_equal(history[-1], x)
    np.testing.assert_array_equal(init_x, [-3.0, 4.0])  # not modified


def test_analytic_gradient_gives_same_descent():
    s = get_surface("sphere")
    x_num, _ = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, step_num=100)
    x_ana, _ = gradient_descent(s, [-3.0, 4.0], lr=0.1, step_num=100, grad=s.gradient)
    np.testing.assert_allclose(x_ana, x_num, rtol=1e-6)


# §4b the gradient of a network: the book's simpleNet
BOOK_W = [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]


def test_simple_net_book_numbers():
    net = SimpleNet(BOOK_W)
    x, t = np.array([0.6, 0.9]), np.array([0, 0, 1])
    p = net.predict(x)
    np.testing.assert_allclose(p, [1.05414809, 0.63071653, 1.1328074], atol=5e-9)
    assert p.argmax() == 2
    np.testing.assert_allclose(softmax(p), [0.36541271, 0.23927078, 0.39531651], atol=5e-9)
    assert net.loss(x, t) == 0.9280682857864075  # with the 1e-7 guard
    y = softmax(p)
    assert -np.log(y[2]) == pytest.approx(0.9280685387482351, rel=1e-15)  # without it
    dW = net.gradient(x, t)
    np.testing.assert_allclose(dW, [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]],
                               atol=5e-9)  # the book's printed dW, to its 8 digits
    np.testing.assert_array_equal(dW, np.outer(x, y - t))
    np.testing.assert_array_equal(net.gradient(x, 2), dW)  # t as a label
    numerical = net.numerical_gradient(x, t)
    np.testing.assert_allclose(numerical, [[0.21924757, 0.14356243, -0.36281], [0.32887136, 0.21534364, -0.544215]],
                               atol=5e-9)
    assert 5e-8 < np.abs(numerical - dW).max() < 2e-7  # the 1e-7 guard's own effect
    net.W -= 0.1 * dW
    assert net.loss(x, t) == 0.864377532033614  # one step: the loss falls


def test_simple_net_batch_gradient_and_random_start():
    net = SimpleNet(seed=0)
    assert net.W.shape == (2, 3)
    x = np.array([[0.6, 0.9], [0.1, -0.4], [1.0, 0.2]])
    t = np.array([2, 0, 1])
    np.testing.assert_allclose(net.gradient(x, t), net.numerical_gradient(x, t), atol=1e-6)
