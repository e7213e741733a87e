"""The identity (linear) activation h(a) = a: a layer, a TwoLayerNet, the fast step and a saved model."""
import numpy as np
import pytest
from test_fast_step import level_images, step_by_step
from test_training import toy_data

from engine.calculus import numerical_gradient
from engine.layers import Identity
from engine.networks import PARAM_KEYS, TwoLayerNet


def test_the_identity_layer_passes_values_and_gradients_through():
    layer = Identity()
    x = np.array([[-2.0, 0.0, 3.5]])
    np.testing.assert_array_equal(layer.forward(x), x)
    np.testing.assert_array_equal(layer.backward(np.array([[1.0, -1.0, 2.0]])), [[1.0, -1.0, 2.0]])


def test_a_linear_net_is_one_linear_map():
    net = TwoLayerNet(6, 4, 3, weight_init_std=0.5, activation="identity", seed=0)
    p = net.params
    x = np.random.default_rng(1).standard_normal((5, 6))
    # two layers collapse: x·W1·W2 + (b1·W2 + b2)
    np.testing.assert_allclose(net.predict(x), x @ (p["W1"] @ p["W2"]) + (p["b1"] @ p["W2"] + p["b2"]))
    np.testing.assert_allclose(net.scores(x), net.predict(x))
    with pytest.raises(ValueError):
        TwoLayerNet(6, 4, 3, activation="linear")


def test_backprop_of_a_linear_net_equals_the_numerical_gradient():
    x, t = toy_data(8)
    net = TwoLayerNet(x.shape[1], 5, 10, weight_init_std=0.5, activation="identity", seed=2)
    grads = net.gradient(x, t)
    for key in PARAM_KEYS:
        numeric = numerical_gradient(lambda W: net.loss(x, t), net.params[key])
        np.testing.assert_allclose(grads[key], numeric, atol=1e-5, err_msg=key)  # log(y + 1e-7) aside


def test_the_fast_step_trains_a_linear_net_as_the_book_does():
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, activation="identity", seed=1, dtype=np.float32)
    _, losses = step_by_step(net, x, t, batch_size=20, steps=40, learning_rate=0.2)
    assert losses[-1] < 0.9 * losses[0]


def test_a_linear_net_saves_and_loads(tmp_path):
    net = TwoLayerNet(6, 4, 3, weight_init_std=0.5, activation="identity", seed=3)
    net.save(tmp_path / "linear.npz")
    again = TwoLayerNet.load(tmp_path / "linear.npz")
    assert again.activation == "identity"
    x = np.ones((1, 6))
    np.testing.assert_allclose(again.predict(x), net.predict(x))
