"""engine.explain: the forward trace, hidden units' contributions and the pixel evidence add up to the scores."""
from pathlib import Path

import numpy as np
import pytest

from engine import explain
from engine.networks import TwoLayerNet

MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "digit_default.npz"
ACTIVATIONS = ["relu", "sigmoid", "identity"]


def small_net(activation, dtype=np.float64, seed=0):
    """A 784-30-10 net with biases, so that the bias parts are not zero by accident."""
    net = TwoLayerNet(784, 30, 10, weight_init_std=0.1, activation=activation, seed=seed, dtype=dtype)
    rng = np.random.default_rng(seed + 100)
    net.params["b1"][...] = rng.normal(0, 0.3, 30)
    net.params["b2"][...] = rng.normal(0, 0.3, 10)
    return net


def digit_like(seed=0):
    """A 28×28 input in [0, 1], zero around the border, like a prepared drawing."""
    x = np.zeros((28, 28))
    rng = np.random.default_rng(seed)
    x[4:24, 6:22] = rng.random((20, 16)) * (rng.random((20, 16)) < 0.4)
    return x.ravel()


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_the_trace_is_the_nets_own_forward_pass(activation):
    net, x = small_net(activation), digit_like()
    t = explain.forward_trace(net, x)
    assert set(t) == {"a0", "z1", "a1", "z2", "y"}
    np.testing.assert_array_equal(t["a0"], x)
    np.testing.assert_allclose(t["z1"], x @ net.params["W1"] + net.params["b1"])
    np.testing.assert_allclose(t["z2"], net.predict(x[None])[0], rtol=1e-12)
    np.testing.assert_allclose(t["y"].sum(), 1.0)
    assert t["y"].argmax() == t["z2"].argmax()
    if activation == "relu":
        assert (t["a1"] == 0).any() and (t["a1"] >= 0).all()  # some units are off for this input
    np.testing.assert_allclose(explain.forward_trace(net, x.reshape(28, 28))["z2"], t["z2"])  # an image works too


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_contributions_sum_exactly_to_the_scores(activation):
    net, x = small_net(activation), digit_like(1)
    C = explain.hidden_contributions(net, x)
    t = explain.forward_trace(net, x)
    assert C.shape == (30, 10)
    np.testing.assert_allclose(C.sum(axis=0) + net.params["b2"], t["z2"], rtol=1e-12, atol=1e-12)
    j, k = 7, 3
    assert C[j, k] == pytest.approx(t["a1"][j] * net.params["W2"][j, k])


@pytest.mark.parametrize("activation", ["relu", "identity"])
def test_relu_and_identity_evidence_sums_with_the_bias_part_to_the_score(activation):
    net, x = small_net(activation), digit_like(2)
    z2 = explain.forward_trace(net, x)["z2"]
    for k in range(10):
        e = explain.pixel_evidence(net, x, k)
        assert e.shape == (784,)
        assert (e[x == 0] == 0).all()  # a blank pixel is no evidence
        assert e.sum() + explain.bias_part(net, x, k) == pytest.approx(z2[k], abs=1e-10)
    # the bias part is the formula's Σ_j m_j·b1_j·W2[j, k] + b2_k, not just a remainder
    z1 = x @ net.params["W1"] + net.params["b1"]
    m = (z1 > 0) if activation == "relu" else np.ones(30)
    assert explain.bias_part(net, x, 4) == pytest.approx(m * net.params["b1"] @ net.params["W2"][:, 4]
                                                         + net.params["b2"][4])


def brute_force_linearisation(net, x, k, off=None, h=1e-6):
    """x_i·∂z2_k/∂x_i by central differences, pixel by pixel (only the inked ones; the others give 0)."""
    e = np.zeros(784)
    for i in np.flatnonzero(x):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        z_up, z_down = explain.forward_trace(net, up, off)["z2"][k], explain.forward_trace(net, down, off)["z2"][k]
        slope = (z_up - z_down) / (2 * h)
        e[i] = x[i] * slope
    return e


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_evidence_equals_the_brute_force_linearisation(activation):
    net, x = small_net(activation), digit_like(3)
    for k in (0, 5):
        np.testing.assert_allclose(explain.pixel_evidence(net, x, k), brute_force_linearisation(net, x, k),
                                   atol=1e-7)


def test_sigmoid_evidence_is_an_approximation_with_the_remainder_as_bias_part():
    net, x = small_net("sigmoid"), digit_like(4)
    z2 = explain.forward_trace(net, x)["z2"]
    e = explain.pixel_evidence(net, x, 2)
    assert e.sum() + explain.bias_part(net, x, 2) == pytest.approx(z2[2])  # by construction
    result = explain.explain(net, x, 2)
    assert result["exact"] is False and explain.explain(small_net("relu"), x)["exact"] is True
    # gradient × input is not the score: a sigmoid is no straight line through zero
    z1 = x @ net.params["W1"] + net.params["b1"]
    exact_like = (z1 > 0) * net.params["b1"] @ net.params["W2"][:, 2] + net.params["b2"][2]
    assert abs(e.sum() + exact_like - z2[2]) > 1e-3


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_switching_units_off_is_the_same_as_zeroing_their_outgoing_weights(activation):
    net, x = small_net(activation), digit_like(5)
    off = [1, 4, 9, 20]
    edited = net.copy()
    edited.params["W2"][off] = 0  # what switching off means; the engine must not edit the net itself
    before = {key: value.copy() for key, value in net.params.items()}
    t = explain.forward_trace(net, x, off=off)
    np.testing.assert_allclose(t["z2"], edited.predict(x[None])[0], rtol=1e-12)
    assert (t["a1"][off] == 0).all()
    mask = np.zeros(30, bool)
    mask[off] = True
    np.testing.assert_array_equal(explain.forward_trace(net, x, off=mask)["z2"], t["z2"])
    C = explain.hidden_contributions(net, x, off=off)
    np.testing.assert_allclose(C.sum(axis=0) + net.params["b2"], t["z2"], rtol=1e-12, atol=1e-12)
    for k in (3, 8):
        np.testing.assert_allclose(explain.pixel_evidence(net, x, k, off=off),
                                   brute_force_linearisation(net, x, k, off), atol=1e-7)
        if activation != "sigmoid":
            assert (explain.pixel_evidence(net, x, k, off=off).sum() + explain.bias_part(net, x, k, off=off)
                    == pytest.approx(t["z2"][k], abs=1e-10))
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])
    with pytest.raises(ValueError):
        explain.forward_trace(net, x, off=[30])
    with pytest.raises(ValueError):
        explain.forward_trace(net, x, off=np.zeros(5, bool))


def test_explain_gathers_everything_for_one_drawing():
    net, x = small_net("relu"), digit_like(6)
    r = explain.explain(net, x, versus=None, count=5)
    t = explain.forward_trace(net, x)
    assert r["k"] == t["y"].argmax() and r["versus"] is None and "difference" not in r
    assert len(r["top"]) == 5
    c = np.abs(r["contributions"])
    assert c[r["top"][0]] == c.max() and list(c[r["top"]]) == sorted(c[r["top"]], reverse=True)
    assert r["contributions"].sum() + r["b2"] == pytest.approx(r["z2"][r["k"]])
    assert r["top_sum"] + r["rest_sum"] + r["b2"] == pytest.approx(r["z2"][r["k"]])
    assert r["top_sum"] == pytest.approx(r["contributions"][r["top"]].sum())
    assert r["evidence_sum"] + r["bias"] == pytest.approx(r["z2"][r["k"]])
    np.testing.assert_array_equal(r["C"], explain.hidden_contributions(net, x))
    other = (r["k"] + 1) % 10
    runner_up = int(np.argsort(r["z2"])[-2])
    assert explain.explain(net, x, versus=explain.RUNNER_UP)["versus"] == runner_up
    assert explain.explain(net, x, k=runner_up, versus=explain.RUNNER_UP)["versus"] == r["k"]
    r2 = explain.explain(net, x, k=r["k"], versus=other)
    np.testing.assert_allclose(r2["difference"], r2["evidence"] - explain.pixel_evidence(net, x, other))
    np.testing.assert_allclose(r2["contributions_versus"], explain.hidden_contributions(net, x)[:, other])
    # why k and not k′, pixel by pixel: the differences add up to the difference of the scores, less the biases
    assert r2["difference"].sum() + r2["bias"] - explain.bias_part(net, x, other) == pytest.approx(
        r2["z2"][r["k"]] - r2["z2"][other])


def test_float32_nets_stay_float32_and_still_sum():
    net, x = small_net("relu", dtype=np.float32), digit_like(7).astype(np.float32)
    r = explain.explain(net, x)
    assert r["z2"].dtype == np.float32 and r["evidence"].dtype == np.float32
    assert r["contributions"].sum() + r["b2"] == pytest.approx(float(r["z2"][r["k"]]), abs=1e-4)
    assert float(r["evidence"].sum()) + r["bias"] == pytest.approx(float(r["z2"][r["k"]]), abs=1e-4)


def test_the_bundled_model_explains_a_three():
    """The bundled 784-100-10 ReLU net on a drawn-like 3: exact sums, and its top units really carry the score."""
    net = TwoLayerNet.load(MODEL)
    x = np.zeros((28, 28), np.float32)
    x[5:8, 9:19] = 1  # top bar
    x[12:15, 11:19] = 1  # middle bar
    x[20:23, 9:19] = 1  # bottom bar
    x[5:23, 17:20] = 1  # right side
    r = explain.explain(net, x, count=6)
    assert r["k"] == 3
    assert r["contributions"].sum() + r["b2"] == pytest.approx(float(r["z2"][3]), abs=1e-3)
    assert float(r["evidence"].sum()) + r["bias"] == pytest.approx(float(r["z2"][3]), abs=1e-3)
    top = r["top"]
    without_top = explain.forward_trace(net, x, off=top)["z2"]
    assert without_top[3] < r["z2"][3] - 0.5 * r["contributions"][top].sum()  # they carry the score of 3
