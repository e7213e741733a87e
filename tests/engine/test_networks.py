"""Layers, TwoLayerNet (backprop vs numerical gradient, save / load) and the chapter 6 optimizers."""
import numpy as np
import pytest

from engine.descent import OPTIMIZERS, SGD, steps
from engine.layers import SoftmaxWithLoss
from engine.networks import LogisticRegression, TwoLayerNet


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_gradient_check(activation):
    net = TwoLayerNet(784, 50, 10, activation=activation, seed=0)
    rng = np.random.default_rng(1)
    x = rng.random((3, 784))
    t = np.eye(10)[[7, 2, 1]]
    grad_bp = net.gradient(x, t)
    params_before = {k: v.copy() for k, v in net.params.items()}
    # The numerical gradient of all 39,760 parameters is the slow way: check W2, b2, b1 fully and W1 partly.
    from engine.calculus import numerical_gradient

    grad_num = {}

    loss_W = lambda _: net.loss(x, t)  # noqa: E731
    for key in ("b1", "W2", "b2"):
        grad_num[key] = numerical_gradient(loss_W, net.params[key])
    W1_part = net.params["W1"][:60]
    grad_num_W1 = numerical_gradient(loss_W, W1_part)
    # They differ by about 1e-6 relative, not 0: the loss's log(y + 1e-7) guard is not in (y − t)/N.
    for key in grad_num:
        assert np.mean(np.abs(grad_bp[key] - grad_num[key])) < 5e-7, key
        np.testing.assert_allclose(grad_bp[key], grad_num[key], rtol=2e-5, atol=1e-9)
    assert np.mean(np.abs(grad_bp["W1"][:60] - grad_num_W1)) < 1e-8
    for k in params_before:
        np.testing.assert_array_equal(net.params[k], params_before[k])


def test_full_numerical_gradient_small_net():
    net = TwoLayerNet(6, 4, 3, weight_init_std=0.5, activation="sigmoid", seed=3)
    x = np.random.default_rng(0).random((5, 6))
    t = np.array([0, 1, 2, 1, 0])
    bp, num = net.gradient(x, t), net.numerical_gradient(x, t)
    for key in bp:
        assert bp[key].shape == net.params[key].shape
        np.testing.assert_allclose(bp[key], num[key], rtol=1e-5, atol=1e-9)


def test_softmax_with_loss_backward_is_y_minus_t_over_n():
    layer = SoftmaxWithLoss()
    x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    t = np.array([[0, 0, 1], [1, 0, 0]], dtype=float)
    layer.forward(x, t)
    np.testing.assert_allclose(layer.backward(), (layer.y - t) / 2)
    layer.forward(x, np.array([2, 0]))
    np.testing.assert_allclose(layer.backward(), (layer.y - t) / 2)


def test_loss_and_accuracy_accept_labels_or_one_hot():
    net = TwoLayerNet(4, 5, 3, weight_init_std=1.0, seed=1)
    x = np.random.default_rng(2).random((8, 4))
    labels = np.array([0, 1, 2, 0, 1, 2, 0, 1])
    assert net.loss(x, labels) == pytest.approx(net.loss(x, np.eye(3)[labels]))
    acc = net.accuracy(x, labels)
    assert acc == net.accuracy(x, np.eye(3)[labels])
    assert acc == np.mean(net.predict(x).argmax(1) == labels)


def test_training_lowers_the_loss():
    rng = np.random.default_rng(0)
    x = rng.random((50, 8))
    t = (x[:, 0] > x[:, 1]).astype(int)
    net = TwoLayerNet(8, 16, 2, weight_init_std=0.5, seed=0)
    before = net.loss(x, t)
    opt = SGD(lr=0.5)
    for _ in range(200):
        opt.update(net.params, net.gradient(x, t))
    assert net.loss(x, t) < before / 2


def test_save_load_roundtrip_and_bad_files(tmp_path):
    net = TwoLayerNet(784, 20, 10, activation="sigmoid", seed=5)
    net.meta = {"seed": 5, "test_accuracy": 0.5}
    path = tmp_path / "model.npz"
    net.save(path)
    loaded = TwoLayerNet.load(path)
    assert loaded.activation == "sigmoid" and loaded.meta == net.meta
    x = np.random.default_rng(0).random((2, 784))
    np.testing.assert_array_equal(loaded.predict(x), net.predict(x))
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]  # no temp file left
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(ValueError, match="bad.npz"):
        TwoLayerNet.load(bad)
    other = tmp_path / "other.npz"
    np.savez(other, a=np.zeros(3))
    with pytest.raises(ValueError, match="other.npz"):
        TwoLayerNet.load(other)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(path.read_bytes()[:500])
    with pytest.raises(ValueError, match="truncated.npz"):
        TwoLayerNet.load(truncated)


def test_from_params_copies_and_checks_the_shapes():
    net = TwoLayerNet(6, 4, 3, activation="sigmoid", seed=0, dtype=np.float32)
    twin = TwoLayerNet.from_params(net.params, "sigmoid", {"seed": 0})
    assert twin.activation == "sigmoid" and twin.meta == {"seed": 0} and twin.params["W1"].dtype == np.float32
    assert all(twin.params[k] is not net.params[k] and np.array_equal(twin.params[k], net.params[k])
               for k in net.params)
    assert twin.layers["Affine2"].W is twin.params["W2"]
    with pytest.raises(ValueError, match="do not fit"):
        TwoLayerNet.from_params({**net.params, "b1": np.zeros(5)})


def test_logistic_regression_gradients():
    rng = np.random.default_rng(0)
    X = rng.random((20, 5))
    y = (X[:, 0] > 0.5).astype(int)
    model = LogisticRegression(5)
    model.params["w"] = rng.standard_normal(5)
    grads, cost = model.propagate(X, y)
    from engine.calculus import numerical_gradient

    def cost_of(w):
        return model.propagate(X, y)[1]

    np.testing.assert_allclose(grads["w"], numerical_gradient(cost_of, model.params["w"]), atol=1e-8)
    fresh = LogisticRegression(5)
    assert fresh.propagate(X, y)[1] == pytest.approx(np.log(2))
    assert model.accuracy(X, y) == pytest.approx(100 * np.mean(model.predict(X) == y))
    model.params["w"], model.params["b"] = np.array([1.0, 0, 0, 0, 0]), -0.5  # ŷ > 0.5 exactly when x0 > 0.5
    assert model.accuracy(X, y) == 100.0


def f_ch6(x):
    return x[0] ** 2 / 20 + x[1] ** 2


def grad_ch6(x):
    return np.array([x[0] / 10, 2 * x[1]])


@pytest.mark.parametrize("name, kwargs", [("SGD", {"lr": 0.95}), ("Momentum", {"lr": 0.1}),
                                          ("AdaGrad", {"lr": 1.5}), ("RMSprop", {"lr": 0.1}),
                                          ("Adam", {"lr": 0.3})])
def test_optimizers_approach_minimum_of_chapter6_function(name, kwargs):
    opt = OPTIMIZERS[name](**kwargs)
    items = list(steps(f_ch6, [-7.0, 2.0], opt, grad=grad_ch6, step_num=30))
    assert len(items) == 30
    before, g, after = items[0]
    np.testing.assert_array_equal(before, [-7.0, 2.0])
    np.testing.assert_allclose(g, grad_ch6(before))
    assert f_ch6(items[-1][2]) < f_ch6(np.array([-7.0, 2.0])) / 5


def test_sgd_zigzags_on_chapter6_function():
    xs = [after for _, _, after in steps(f_ch6, [-7.0, 2.0], SGD(lr=0.95), grad=grad_ch6, step_num=10)]
    signs = np.sign([x[1] for x in xs])
    assert np.all(signs[1:] != signs[:-1])  # y flips sign every step: the zig-zag
