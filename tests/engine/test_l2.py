"""L2 regularisation (the lessons' form): J + λ/(2m)·ΣW², ∂J/∂W + λW/m, for the two-layer net and the cat neuron."""
import numpy as np
import pytest

from engine.networks import LogisticRegression, TwoLayerNet
from engine.training import run_to_end, train_logistic


def data(n=30, features=6, classes=4, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, features)), rng.integers(0, classes, n)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_the_two_layer_gradient_with_l2_is_the_numerical_gradient_of_its_loss(activation):
    x, t = data()
    net = TwoLayerNet(6, 5, 4, weight_init_std=0.7, activation=activation, seed=1, weight_decay_lambda=3.0)
    analytic, numerical = net.gradient(x, t), net.numerical_gradient(x, t)
    for key in analytic:
        np.testing.assert_allclose(analytic[key], numerical[key], atol=1e-6, err_msg=key)  # h = 1e-4 central


def test_the_l2_term_is_lambda_over_2m_times_the_sum_of_squared_weights():
    x, t = data()
    net = TwoLayerNet(6, 5, 4, weight_init_std=0.7, seed=1, weight_decay_lambda=3.0)
    plain = TwoLayerNet.from_params(net.params, net.activation)
    W1, W2 = net.params["W1"], net.params["W2"]
    expected = plain.loss(x, t) + 3.0 / (2 * 30) * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
    assert net.loss(x, t) == pytest.approx(expected, rel=1e-12)
    grads, plain_grads = net.gradient(x, t), plain.gradient(x, t)
    np.testing.assert_allclose(grads["W1"] - plain_grads["W1"], 3.0 / 30 * W1, rtol=1e-10)
    np.testing.assert_array_equal(grads["b1"], plain_grads["b1"])  # biases are not decayed
    assert net.copy().weight_decay_lambda == 3.0 and plain.weight_decay(30) == 0.0


def test_the_cat_neuron_with_l2():
    rng = np.random.default_rng(2)
    X, y = rng.random((20, 5)), rng.integers(0, 2, 20)
    model = LogisticRegression(5, lambd=0.7)
    model.params["w"] = rng.standard_normal(5)
    plain = LogisticRegression(5)
    plain.params["w"] = model.params["w"].copy()
    (grads, cost), (plain_grads, plain_cost) = model.propagate(X, y), plain.propagate(X, y)
    assert cost == pytest.approx(plain_cost + 0.7 / 40 * np.sum(model.params["w"] ** 2), rel=1e-12)
    np.testing.assert_allclose(grads["w"], plain_grads["w"] + 0.7 / 20 * model.params["w"], rtol=1e-12)
    assert grads["b"] == plain_grads["b"]


def test_l2_shrinks_the_cat_weights():
    rng = np.random.default_rng(3)
    X = rng.random((40, 8))
    y = (X[:, 0] + 0.1 * rng.standard_normal(40) > 0.5).astype(int)
    norms = []
    for lambd in (0.0, 5.0):
        done = run_to_end(train_logistic(X, y, learning_rate=0.5, num_iterations=300, lambd=lambd))
        norms.append(np.linalg.norm(done["model"].params["w"]))
    assert norms[1] < 0.7 * norms[0]
