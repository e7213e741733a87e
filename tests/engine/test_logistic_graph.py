"""Logistic regression as a computation graph (CURRICULUM §4c): every number of the worked example exactly,
the backward pass against nudges, and the vectorised form against the cat classifier's propagate()."""
import math

import numpy as np
import pytest

from engine import graph
from engine.lab.derivatives import GRAPHS
from engine.networks import LogisticRegression

EXAMPLE = graph.LOGISTIC_EXAMPLE  # x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1


def test_the_worked_example_forward_exactly():
    v = graph.logistic_forward(**EXAMPLE)
    assert v["z"] == 0.0 and v["a"] == 0.5 and v["L"] == 0.6931471805599453
    assert [s.value for s in graph.logistic_forward_steps(**EXAMPLE)] == [0.0, 0.5, 0.6931471805599453]


def test_the_worked_example_backward_exactly():
    d = graph.logistic_backward(graph.logistic_forward(**EXAMPLE))
    assert (d["a"], d["z"], d["w1"], d["w2"], d["b"]) == (-2.0, -0.5, -0.5, -1.0, -0.5)
    steps = graph.logistic_backward_steps(graph.logistic_forward(**EXAMPLE))
    assert [(s.node, s.value) for s in steps] == [("L", 1.0), ("a", -2.0), ("z", -0.5), ("w1", -0.5),
                                                  ("w2", -1.0), ("b", -0.5)]


def test_the_steps_write_the_numbers_into_the_formulas():
    fwd = graph.logistic_forward_steps(**EXAMPLE)
    assert fwd[0].numbers == "0.5 · 1 + (-0.3) · 2 + 0.1"
    assert fwd[2].numbers == "−(1 · log 0.5 + 0 · log 0.5)"
    bwd = graph.logistic_backward_steps(graph.logistic_forward(**EXAMPLE))
    assert bwd[1].formula == "da = ∂L/∂a = −y/a + (1 − y)/(1 − a)" and bwd[1].numbers == "−1/0.5 + 0/0.5"
    assert bwd[2].numbers == "0.5 − 1" and bwd[4].numbers == "2 · (-0.5)"


def test_z_is_the_sum_as_written_where_floats_would_leave_2_8e_17():
    assert 0.5 * 1 + -0.3 * 2 + 0.1 != 0.0  # the float sum, left to right
    assert graph.weighted_sum(1, 2, 0.5, -0.3, 0.1) == 0.0
    assert graph.weighted_sum(0.1, 0.2, 1, 1, 0) == 0.3  # 0.1 + 0.2 as on paper


def test_the_formulas_hold_away_from_the_example():
    inputs = {"x1": -1.5, "x2": 0.25, "w1": 2.0, "w2": -4.0, "b": 0.7, "y": 0.0}
    v = graph.logistic_forward(**inputs)
    z = 2.0 * -1.5 + -4.0 * 0.25 + 0.7
    a = 1 / (1 + math.exp(-z))
    assert v["z"] == pytest.approx(z, abs=1e-15) and v["a"] == pytest.approx(a, rel=1e-15)
    assert v["L"] == pytest.approx(-math.log(1 - a), rel=1e-14)
    d = graph.logistic_backward(v)
    assert d["a"] == pytest.approx(1 / (1 - a), rel=1e-14)  # −y/a + (1 − y)/(1 − a) with y = 0
    assert d["z"] == pytest.approx(d["a"] * a * (1 - a), rel=1e-14)  # the chain rule gives a − y
    assert (d["w1"], d["w2"], d["b"]) == (-1.5 * d["z"], 0.25 * d["z"], d["z"])


@pytest.mark.parametrize("node", ["w1", "w2", "b", "z", "a", "L"])
def test_a_nudge_changes_L_by_the_derivative_times_the_nudge(node):
    d = graph.logistic_backward(graph.logistic_forward(**EXAMPLE))
    assert graph.logistic_nudge(**EXAMPLE, node=node, delta=1e-6) == pytest.approx(d[node] * 1e-6, rel=1e-5)


def test_far_from_zero_L_and_da_stay_finite_and_right():
    v = graph.logistic_forward(10, 10, 10, 10, 10, 0)  # z = 210: σ(z) rounds to 1, yet 1 − a = σ(−210) > 0
    assert v["z"] == 210.0 and v["a"] == 1.0 and v["L"] == pytest.approx(210.0, rel=1e-15)
    d = graph.logistic_backward(v)
    assert d["z"] == 1.0 and math.isfinite(d["a"]) and d["a"] > 1e90
    assert graph.logistic_forward(10, 10, 10, 10, 10, 1)["L"] == pytest.approx(math.exp(-210), rel=1e-12)


def test_the_local_derivatives_multiply_to_the_backward_pass():
    v = graph.logistic_forward(**EXAMPLE)
    local, d = graph.logistic_local_derivatives(v), graph.logistic_backward(v)
    assert local[("z", "a")] == 0.25 and local[("a", "L")] == -2.0
    assert d["a"] * local[("z", "a")] == d["z"]
    for w in ("w1", "w2", "b"):
        assert d["z"] * local[(w, "z")] == d[w]
    assert set(local) == set(graph.LOGISTIC_FORMULAS)


def test_the_vectorised_form_is_the_cat_classifiers_propagate():
    X, Y, w, b = graph.VECTOR_X, graph.VECTOR_Y, np.array([0.5, -0.3]), 0.1
    out = graph.logistic_vectorised(X, Y, w, b)
    model = LogisticRegression(2)
    model.params["w"], model.params["b"] = w.copy(), b
    grads, cost = model.propagate(X.T, Y)  # propagate takes one sample per row
    np.testing.assert_allclose(out["dw"], grads["w"], rtol=1e-15, atol=0)
    assert out["db"] == pytest.approx(grads["b"], rel=1e-15) and out["cost"] == pytest.approx(cost, rel=1e-15)
    assert out["m"] == 3 and out["dw"].shape == (2,)
    np.testing.assert_array_equal(out["dZ"], out["A"] - Y)


def test_the_vectorised_form_averages_the_graph_over_the_samples():
    X, Y = graph.VECTOR_X, graph.VECTOR_Y
    out = graph.logistic_vectorised(X, Y, [0.5, -0.3], 0.1)
    per_sample = [graph.logistic_backward(graph.logistic_forward(X[0, i], X[1, i], 0.5, -0.3, 0.1, Y[i]))
                  for i in range(3)]
    assert out["dZ"][0] == -0.5 and out["A"][0] == 0.5 and out["L"][0] == 0.6931471805599453  # the worked example
    np.testing.assert_allclose(out["dZ"], [d["z"] for d in per_sample], rtol=1e-14)
    np.testing.assert_allclose(out["dw"], [np.mean([d["w1"] for d in per_sample]),
                                           np.mean([d["w2"] for d in per_sample])], rtol=1e-14)
    assert out["db"] == pytest.approx(np.mean([d["b"] for d in per_sample]), rel=1e-14)


def test_both_graphs_step_three_nodes_forward_and_six_backward():
    j, lr = GRAPHS["J"], GRAPHS["logistic"]
    assert len(j.forward_steps(5, 3, 2)) == len(lr.forward_steps(**EXAMPLE)) == 3
    assert len(j.backward_steps(j.forward(5, 3, 2))) == len(lr.backward_steps(lr.forward(**EXAMPLE))) == 6
    assert j.derivative_name("v") == "dJ/dv" and lr.derivative_name("z") == "dz"
    assert lr.derivative_name("L") == "dL/dL"
    assert {n.name for n in lr.nodes} >= set(lr.inputs) | {"z", "a", "L"}
