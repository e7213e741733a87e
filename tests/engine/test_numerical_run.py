"""engine.numerical_run: the numerical gradient and backprop train two copies of one net side by side."""
import time

import numpy as np
import pytest

from engine import numerical_run
from engine.iteration import MiniBatches
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import Diverged, run_to_end


def mnist_shaped(n=200, seed=0):
    """Rows shaped like load_mnist's: 784 pixels in [0, 1], most of them 0; labels 0–9."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 784)) * (rng.random((n, 784)) < 0.2)
    return x, rng.integers(0, 10, n)


def events_of(generator):
    return list(generator)


def test_the_two_gradients_agree_the_two_nets_learn_the_same_and_the_events_are_as_promised():
    x, t = mnist_shaped()
    net = TwoLayerNet(784, 4, 10, weight_init_std=0.1, seed=0)
    start = net.copy()
    events = events_of(numerical_run.numerical_vs_backprop(net, x, t, iters_num=3, batch_size=5, learning_rate=0.5,
                                                           seed=7, report_every=1000))
    weights = 784 * 4 + 4 + 4 * 10 + 10
    kinds = [e["kind"] for e in events]
    assert kinds.count("step") == 3 and kinds[-1] == "done" and set(kinds) == {"progress", "step", "done"}
    for iteration in (1, 2, 3):  # progress inside each gradient, counting its weights up to all of them
        done = [e["done"] for e in events if e["kind"] == "progress" and e["iteration"] == iteration]
        assert done == sorted(done) and done[-1] == weights and 1000 in done
    assert all(e["total"] == weights and e["total_iterations"] == 3 for e in events if e["kind"] == "progress")
    steps = [e for e in events if e["kind"] == "step"]
    assert [e["iteration"] for e in steps] == [1, 2, 3]
    last = events[-1]
    for step in steps:
        assert step["loss"] == pytest.approx(step["loss_backprop"], rel=1e-7)  # the same learning
        assert 0 < step["relative"] < 1e-5  # ~1e-6 (log(y + 1e-7)'s guard), not exactly 0
        assert 0 < step["max_diff"] < 1e-6
        assert set(step["relative_by"]) == set(PARAM_KEYS) and max(step["relative_by"].values()) < 1e-4
        assert max(step["max_diffs"].values()) == step["max_diff"]
        assert step["weights_apart"] < 1e-6
        assert step["seconds_numerical"] > 20 * step["seconds_backprop"] > 0  # 2 losses per weight vs one pass
    np.testing.assert_allclose(last["loss_list"], last["backprop_loss_list"], rtol=1e-7)
    assert list(last["numerical_seconds"]) == [e["seconds_numerical"] for e in steps]
    assert list(last["backprop_seconds"]) == [e["seconds_backprop"] for e in steps]
    assert last["net"] is net and last["iterations"] == 3 and last["seconds"] >= sum(last["numerical_seconds"])
    # the twin is exactly the book's backprop loop on the same mini-batches; the net, the book's numerical one
    backprop, numerical, batches = start.copy(), start.copy(), MiniBatches(7, len(x), 5, 3)
    for i in range(3):
        rows = batches.rows(i)
        grads, slow = backprop.gradient(x[rows], t[rows]), numerical.numerical_gradient(x[rows], t[rows])
        for key in PARAM_KEYS:
            backprop.params[key] -= 0.5 * grads[key]
            numerical.params[key] -= 0.5 * slow[key]
    for key in PARAM_KEYS:
        np.testing.assert_array_equal(last["backprop_net"].params[key], backprop.params[key])
        np.testing.assert_array_equal(net.params[key], numerical.params[key])
        assert not np.array_equal(net.params[key], start.params[key])


def test_on_real_mnist_the_gradients_agree_to_a_millionth(mnist_dir):
    from engine.data.datasets import load_mnist

    (x, t), _ = load_mnist(mnist_dir)
    net = TwoLayerNet(784, 10, 10, seed=0)
    done = run_to_end(numerical_run.numerical_vs_backprop(net, x, t, iters_num=2, batch_size=10, seed=0))
    assert np.all(done["relative_list"] < 3e-6) and np.all(done["relative_list"] > 0)
    np.testing.assert_allclose(done["loss_list"], done["backprop_loss_list"], rtol=1e-7)
    assert np.all(done["numerical_seconds"] > 100 * done["backprop_seconds"])
    print(f"\n784-10-10, batch 10: numerical {done['numerical_seconds'].mean():.2f} s, backprop "
          f"{done['backprop_seconds'].mean() * 1e3:.3f} ms per gradient, relative difference "
          f"{done['relative_list'].max():.1e}")


def test_a_pause_between_yields_is_not_counted_as_the_numerical_gradients_time():
    x, t = mnist_shaped(50)
    net = TwoLayerNet(784, 2, 10, seed=0)
    run, paused = numerical_run.numerical_vs_backprop(net, x, t, iters_num=1, batch_size=3, report_every=500), 0.0
    begun = time.perf_counter()
    for event in run:
        if event["kind"] == "progress" and event["done"] == 500:
            time.sleep(0.5)  # the worker holds the generator here while the user has paused
            paused += 0.5
        if event["kind"] == "step":
            step = event
    wall = time.perf_counter() - begun
    assert paused == 0.5 and step["seconds_numerical"] < wall - 0.5


def test_stopping_mid_gradient_leaves_the_net_as_the_last_finished_step_made_it():
    x, t = mnist_shaped(50)
    net = TwoLayerNet(784, 3, 10, weight_init_std=0.1, seed=1)
    run = numerical_run.numerical_vs_backprop(net, x, t, iters_num=5, batch_size=4, report_every=100)
    after_first = None
    for event in run:
        if event["kind"] == "step":
            after_first = {key: value.copy() for key, value in net.params.items()}
        elif after_first is not None and event["kind"] == "progress" and event["done"] >= 700:
            break  # inside iteration 2's gradient, a weight of W1 was being nudged a moment ago
    run.close()
    for key in PARAM_KEYS:
        np.testing.assert_array_equal(net.params[key], after_first[key])


def test_a_loss_that_stops_being_finite_raises_diverged():
    x, t = mnist_shaped(50)
    net = TwoLayerNet(784, 2, 10, seed=0)
    net.params["W2"][0, 0] = np.nan
    with pytest.raises(Diverged) as caught:
        run_to_end(numerical_run.numerical_vs_backprop(net, x, t, iters_num=2, batch_size=3))
    assert caught.value.iteration == 1


def test_bad_settings_and_a_float32_net_are_refused():
    x, t = mnist_shaped(20)
    with pytest.raises(ValueError, match="float64"):
        next(numerical_run.numerical_vs_backprop(TwoLayerNet(784, 2, 10, dtype=np.float32), x, t))
    with pytest.raises(ValueError, match="batch size"):
        next(numerical_run.numerical_vs_backprop(TwoLayerNet(784, 2, 10), x, t, batch_size=0))


def test_gradient_difference_overall_and_per_parameter():
    numerical = {"W1": np.array([[1.0, -2.0]]), "b1": np.array([4.0]), "W2": np.array([[0.5]]), "b2": np.zeros(1)}
    backprop = {"W1": np.array([[1.0, -2.5]]), "b1": np.array([4.0]), "W2": np.array([[0.25]]), "b2": np.zeros(1)}
    d = numerical_run.gradient_difference(numerical, backprop)
    assert d["max_diff"] == 0.5 and d["max_diffs"] == {"W1": 0.5, "b1": 0.0, "W2": 0.25, "b2": 0.0}
    assert d["relative"] == pytest.approx(0.75 / 7.5)
    assert d["relative_by"]["W1"] == pytest.approx(0.5 / 3) and d["relative_by"]["W2"] == pytest.approx(0.5)
    assert d["relative_by"]["b2"] == 0.0


def test_the_time_estimate_grows_with_the_net():
    small, big = numerical_run.estimate_seconds(5, 10), numerical_run.estimate_seconds(50, 10)
    assert 0 < small and big > 3 * small  # ~10× the weights, each loss a little dearer


def test_summarize_reads_the_iterations_done():
    nan = np.nan
    got = numerical_run.summarize(loss=[2.3, 2.2, nan], loss_backprop=[2.3, 2.2 * (1 + 1e-9), nan],
                                  seconds_numerical=[7.0, 9.0, nan], seconds_backprop=[4e-4, 2e-4, nan],
                                  relative=[1e-7, 3e-7, nan], weights_apart=[1e-9, 2e-9, nan])
    assert got["iterations"] == 2 and got["numerical_seconds"] == 8.0
    assert got["backprop_seconds"] == pytest.approx(3e-4) and got["ratio"] == pytest.approx(8.0 / 3e-4)
    assert got["relative"] == 3e-7 and got["weights_apart"] == 2e-9
    assert got["loss_gap"] == pytest.approx(1e-9, rel=1e-3)
    assert got["book_numerical"] == 80_000.0 and got["book_backprop"] == pytest.approx(3.0)
    assert numerical_run.summarize(*[[nan]] * 6) is None
