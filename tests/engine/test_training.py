"""engine.training: the book's mini-batch SGD loop, the numerical loop and the gradient check as events;
engine.evaluation (what the panel shows after a run) and engine.blas (BLAS threads)."""
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from engine import evaluation, training
from engine.blas import blas_thread_count
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import Diverged, blas_threads, evaluate_accuracy, run_to_end, train_two_layer


def toy_data(n=600, seed=0):
    """A 10-class problem on 20 features that a two-layer net can learn: class = argmax of 10 projections."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 20))
    t = (x @ rng.standard_normal((20, 10))).argmax(axis=1)
    return x, t


def book_step(net, x, t, learning_rate):
    """The book's step: grad = net.gradient(x, t); W ← W − η·grad[W]. Returns the loss before the update."""
    grads = net.gradient(x, t)
    loss = float(net.last_layer.loss) + net.weight_decay(len(x))  # the L2 term, with the weights before the step
    for key in PARAM_KEYS:
        net.params[key] -= learning_rate * grads[key]
    return loss


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_the_book_path_is_the_books_gradient_then_sgd(activation):
    # float64 nets (and data that are not pixel levels) train by net.gradient + SGD: the book's numbers exactly
    x, t = toy_data(50)
    net = TwoLayerNet(20, 8, 10, weight_init_std=0.5, activation=activation, seed=1)
    reference = net.copy()
    done = run_to_end(train_two_layer(net, x, t, x, t, iters_num=3, batch_size=50, learning_rate=0.3, seed=2))
    masks = np.random.default_rng(2).integers(0, 50, size=(3, 50))
    losses = [book_step(reference, x[m], t[m], 0.3) for m in masks]
    np.testing.assert_array_equal(done["loss_list"], losses)
    for key in PARAM_KEYS:
        np.testing.assert_array_equal(net.params[key], reference.params[key])


def test_a_float32_net_keeps_its_dtype_and_its_layers_in_step():
    x, t = toy_data(30)
    net = TwoLayerNet(20, 8, 10, weight_init_std=0.5, seed=2, dtype=np.float32)
    before = {k: v.copy() for k, v in net.params.items()}
    run_to_end(train_two_layer(net, x, t, x, t, iters_num=1, batch_size=30, learning_rate=0.5, seed=0))
    assert all(v.dtype == np.float32 for v in net.params.values())
    assert all(not np.array_equal(before[k], net.params[k]) for k in before)
    # the layers read the same (updated in place) arrays, so predict() sees the step
    assert net.layers["Affine1"].W is net.params["W1"]
    reference = TwoLayerNet.from_params({k: v.astype(np.float64) for k, v in before.items()})
    rows = np.random.default_rng(0).integers(0, 30, size=30)
    book_step(reference, x[rows], t[rows], 0.5)
    for key in before:
        np.testing.assert_allclose(net.params[key], reference.params[key], rtol=1e-4, atol=1e-6)


def test_the_batch_size_may_change_between_runs():
    x, t = toy_data(40)
    net = TwoLayerNet(20, 8, 10, seed=0, dtype=np.float32)
    first = run_to_end(train_two_layer(net, x, t, x, t, iters_num=1, batch_size=10, seed=0))["loss_list"][0]
    second = run_to_end(train_two_layer(net, x, t, x, t, iters_num=1, batch_size=40, seed=0))["loss_list"][0]
    assert np.isfinite(first) and np.isfinite(second)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_predicted_labels_match_predict(activation):
    x, t = toy_data(300)
    net = TwoLayerNet(20, 8, 10, weight_init_std=1.0, activation=activation, seed=3)
    expected = int(np.sum(net.predict(x).argmax(axis=1) == t))
    assert int(np.sum(net.predicted_labels(x, batch_size=64) == t)) == expected
    assert net.accuracy(x, t, batch_size=7) == expected / 300
    assert evaluate_accuracy(net, x, t, chunk=64) == expected / 300


def test_events_of_a_run():
    x, t = toy_data(600)
    x_test, t_test = toy_data(200, seed=1)
    net = TwoLayerNet(20, 16, 10, weight_init_std=0.3, seed=0)
    events = list(train_two_layer(net, x, t, x_test, t_test, iters_num=130, batch_size=20, learning_rate=0.5,
                                  seed=4))
    steps = [e for e in events if e["kind"] == "step"]
    epochs = [e for e in events if e["kind"] == "epoch"]
    assert [e["iteration"] for e in steps] == list(range(1, 131))
    assert all(e["total"] == 130 for e in steps)
    # one epoch = 600 // 20 = 30 iterations; evaluated before training, every epoch and at the end
    assert [e["iteration"] for e in epochs] == [0, 30, 60, 90, 120, 130]
    assert [e["epoch"] for e in epochs] == pytest.approx([0, 1, 2, 3, 4, 130 / 30])
    done = events[-1]
    assert done["kind"] == "done" and done["net"] is net and done["iterations"] == 130
    np.testing.assert_array_equal(done["loss_list"], [e["loss"] for e in steps])
    assert done["eval_iterations"] == [0, 30, 60, 90, 120, 130]
    assert done["train_acc_list"] == [e["train_acc"] for e in epochs]
    # the last evaluation is of the final weights, on the full sets
    assert done["train_acc"] == net.accuracy(x, t) and done["test_acc"] == net.accuracy(x_test, t_test)
    assert epochs[0]["train_acc"] < 0.4 < 0.8 < done["train_acc"]
    assert np.mean(done["loss_list"][-20:]) < np.mean(done["loss_list"][:20]) / 2


def test_each_evaluation_is_of_the_weights_at_its_iteration():
    x, t = toy_data(600)
    net = TwoLayerNet(20, 16, 10, weight_init_std=0.3, seed=0)
    reference = net.copy()
    done = run_to_end(train_two_layer(net, x, t, x, t, iters_num=60, batch_size=20, learning_rate=0.5, seed=9))
    # replay the same mini-batches step by step and evaluate synchronously at 30
    rng = np.random.default_rng(9)
    masks = rng.integers(0, 600, size=(60, 20))
    for i in range(30):
        book_step(reference, x[masks[i]], t[masks[i]], 0.5)
    assert done["eval_iterations"] == [0, 30, 60]
    assert done["train_acc_list"][1] == reference.accuracy(x, t)


def test_same_seed_same_run_and_one_hot_labels_accepted():
    x, t = toy_data(300)
    runs = []
    for labels in (t, np.eye(10)[t]):
        net = TwoLayerNet(20, 8, 10, weight_init_std=0.3, seed=5)
        runs.append(run_to_end(train_two_layer(net, x, labels, x, labels, iters_num=50, batch_size=10,
                                               learning_rate=0.2, seed=7)))
    np.testing.assert_array_equal(runs[0]["loss_list"], runs[1]["loss_list"])
    assert runs[0]["test_acc_list"] == runs[1]["test_acc_list"]


def test_a_learning_rate_too_large_raises_diverged():
    # The softmax's max-shift and the log's 1e-7 guard keep the loss finite (≤ −log 1e-7 ≈ 16.1) until the
    # weights themselves overflow: with ReLU that takes an absurd rate.
    x, t = toy_data(200)
    net = TwoLayerNet(20, 8, 10, weight_init_std=0.1, activation="relu", seed=0, dtype=np.float32)
    with pytest.raises(Diverged, match="too large") as info:
        run_to_end(train_two_layer(net, x, t, x, t, iters_num=500, batch_size=20, learning_rate=1e12, seed=0))
    assert 1 <= info.value.iteration <= 500
    assert not np.isfinite(info.value.loss)


def test_bad_settings_are_refused():
    x, t = toy_data(50)
    net = TwoLayerNet(20, 8, 10)
    for kwargs in ({"batch_size": 0}, {"learning_rate": 0}, {"iters_num": -1}):
        with pytest.raises(ValueError):
            next(train_two_layer(net, x, t, x, t, **{"iters_num": 5, "batch_size": 5, "learning_rate": 0.1,
                                                     **kwargs}))


def test_stopping_early_leaves_no_thread_behind():
    x, t = toy_data(600)
    before = threading.active_count()
    events = train_two_layer(TwoLayerNet(20, 8, 10, seed=0), x, t, x, t, iters_num=1000, batch_size=10,
                             learning_rate=0.1, seed=0)
    for event in events:
        if event["kind"] == "step" and event["iteration"] == 25:
            break
    events.close()
    assert threading.active_count() == before


def test_blas_threads_restores_the_count():
    before = blas_thread_count()
    if before is None:
        pytest.skip("threadpoolctl finds no BLAS library here")
    with blas_threads(1):
        assert blas_thread_count() == 1
    assert blas_thread_count() == before


def test_blas_threads_from_two_threads_ending_out_of_order_restore_the_count():
    if blas_thread_count() is None:
        pytest.skip("threadpoolctl finds no BLAS library here")
    with threadpool_limits(1, user_api="blas"):  # so that a count left at the training's 2 shows
        before = blas_thread_count()
        entered, release = threading.Event(), threading.Event()
        seen = []

        def evaluation():  # enters after the training and leaves after it
            with blas_threads(1):
                entered.set()
                release.wait(5)
                seen.append(blas_thread_count())

        with blas_threads(2):
            worker = threading.Thread(target=evaluation)
            worker.start()
            entered.wait(5)
            assert blas_thread_count() == 1  # one count for the process: the latest request holds
        assert blas_thread_count() == 1  # the evaluation still runs
        release.set()
        worker.join(5)
        after = blas_thread_count()
    assert seen == [1] and after == before


def test_copy_is_independent():
    net = TwoLayerNet(20, 8, 10, seed=0, activation="sigmoid")
    net.meta = {"seed": 0}
    twin = net.copy()
    twin.params["W1"] += 1
    twin.meta["seed"] = 1
    assert twin.activation == "sigmoid" and net.meta == {"seed": 0}
    assert not np.array_equal(net.params["W1"], twin.params["W1"])
    assert twin.layers["Affine1"].W is twin.params["W1"]


def test_short_run_on_real_mnist_learns(mnist_dir):
    datasets = pytest.importorskip("engine.data.datasets")
    (x_train, t_train), (x_test, t_test) = datasets.load_mnist(mnist_dir)
    net = TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32)
    done = run_to_end(train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=300, batch_size=100,
                                      learning_rate=0.1, seed=0))
    assert done["eval_iterations"] == [0, 300]
    assert done["test_acc_list"][0] < 0.2  # chance before training
    assert done["test_acc"] > 0.85 and done["train_acc"] > 0.85


def test_numerical_gradient_steps_agree_with_backprop_and_report_progress():
    x, t = toy_data(5)
    net = TwoLayerNet(20, 6, 10, weight_init_std=0.5, activation="sigmoid", seed=0)
    before = {k: v.copy() for k, v in net.params.items()}
    steps = training.numerical_gradient_steps(net, x, t, report_every=50)
    progress = []
    try:
        while True:
            progress.append(next(steps))
    except StopIteration as stop:
        grads = stop.value
    total = 20 * 6 + 6 + 6 * 10 + 10
    assert [p["done"] for p in progress] == [50, 100, 150, total, total][:len(progress)]
    assert progress[-1] == {"kind": "progress", "done": total, "total": total}
    backprop = net.gradient(x, t)
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])  # every weight put back
        np.testing.assert_allclose(grads[key], backprop[key], rtol=1e-5, atol=1e-9)


def test_gradient_check_reports_tiny_differences_per_parameter():
    x, t = toy_data(3)
    net = TwoLayerNet(20, 10, 10, seed=0, dtype=np.float32)
    done = run_to_end(training.gradient_check(net, x, t))
    assert done["kind"] == "done"
    assert done["sizes"] == {"W1": 200, "b1": 10, "W2": 100, "b2": 10}
    for key in PARAM_KEYS:
        assert 0 < done["diffs"][key] < 1e-6, key  # not exactly 0: the log(y + 1e-7) guard
        assert done["max_diffs"][key] >= done["diffs"][key]
        assert done["relative"][key] < 1e-5, key
    assert net.params["W1"].dtype == np.float32  # checked on a float64 copy, the net is untouched


def test_gradient_check_finds_a_wrong_backprop(monkeypatch):
    x, t = toy_data(3)
    net = TwoLayerNet(20, 10, 10, weight_init_std=0.5, seed=0)
    monkeypatch.setattr("engine.layers.Relu.backward", lambda self, dout: dout)  # forgets the mask
    done = run_to_end(training.gradient_check(net, x, t))
    assert done["relative"]["W1"] > 0.01 and done["relative"]["b1"] > 0.01
    assert done["relative"]["W2"] < 1e-4  # the layers after the broken one still agree


def test_smooth_is_a_trailing_mean():
    values = np.array([1.0, 3.0, 5.0, 7.0])
    np.testing.assert_allclose(evaluation.smooth(values, window=2), [1.0, 2.0, 4.0, 6.0])
    np.testing.assert_allclose(evaluation.smooth(values, window=10), [1.0, 2.0, 3.0, 4.0])
    assert evaluation.smooth([], 5).size == 0


def test_confusion_matrix_and_misclassified():
    x, t = toy_data(300)
    net = TwoLayerNet(20, 8, 10, weight_init_std=1.0, seed=3)
    C = evaluation.confusion_matrix(net, x, t)
    predicted = net.predict(x).argmax(axis=1)
    assert C.shape == (10, 10) and C.sum() == 300
    assert np.trace(C) == np.sum(predicted == t)
    np.testing.assert_array_equal(C.sum(axis=1), np.bincount(t, minlength=10))
    assert C[t[0], predicted[0]] >= 1
    idx, pred, conf = evaluation.misclassified(net, x, t)
    assert set(idx) == set(np.flatnonzero(predicted != t))
    np.testing.assert_array_equal(pred, predicted[idx])
    assert np.all(np.diff(conf) <= 0) and np.all((conf > 0) & (conf <= 1))
    assert len(evaluation.misclassified(net, x, t, limit=5)[0]) == 5


def test_weight_images():
    W1 = np.zeros((784, 3))
    W1[0, 0], W1[783, 0] = 2.0, -1.0
    W1[5, 1] = -0.5
    images = evaluation.weight_images(W1)
    assert images.shape == (3, 28, 28)
    assert images[0, 0, 0] == 1.0 and images[0, 27, 27] == 0.25 and images[0, 1, 1] == 0.5
    assert images[1, 0, 5] == 0.0
    assert np.all(images[2] == 0.5)  # all-zero weights: mid-grey, no division by zero


def test_a_finite_blow_up_counts_as_divergence_with_a_loss_limit():
    # A huge rate kills every ReLU unit: the loss stays finite, capped near −log 1e-7 ≈ 16.1 by the guard,
    # so only loss_limit sees it. Without the limit the run goes on to its end.
    x, t = toy_data(600)
    make = lambda: TwoLayerNet(20, 16, 10, weight_init_std=0.3, seed=0)  # noqa: E731
    done = run_to_end(train_two_layer(make(), x, t, x, t, iters_num=100, batch_size=20, learning_rate=1e4,
                                      seed=0))
    assert np.all(np.isfinite(done["loss_list"])) and np.mean(done["loss_list"][-20:]) > 3 * training.CHANCE_LOSS
    with pytest.raises(Diverged, match="mean loss") as info:
        run_to_end(train_two_layer(make(), x, t, x, t, iters_num=100, batch_size=20, learning_rate=1e4, seed=0,
                                   loss_limit=3 * training.CHANCE_LOSS))
    assert info.value.reason == "limit" and training.BLOWUP_WINDOW <= info.value.iteration <= 100
    assert info.value.loss > 3 * training.CHANCE_LOSS
    # a sensible rate never trips it
    done = run_to_end(train_two_layer(make(), x, t, x, t, iters_num=100, batch_size=20, learning_rate=0.5,
                                      seed=0, loss_limit=3 * training.CHANCE_LOSS))
    assert done["iterations"] == 100


def test_model_report_and_parameter_count():
    x, t = toy_data(300)
    x_test, t_test = toy_data(100, seed=1)
    net = TwoLayerNet(20, 8, 10, weight_init_std=1.0, seed=3)
    report = evaluation.model_report(net, x, t, x_test, t_test, limit=4)
    assert report["train_acc"] == net.accuracy(x, t) and report["test_acc"] == net.accuracy(x_test, t_test)
    assert report["confusion"].sum() == 100 and np.trace(report["confusion"]) == round(report["test_acc"] * 100)
    idx, predicted, confidence = report["wrong"]
    assert len(idx) == 4 and np.all(predicted != t_test[idx])
    assert evaluation.parameter_count(784, 50, 10) == 39_760


def test_training_on_two_blas_threads_learns_the_same_way():
    x, t = toy_data(600)
    runs = [run_to_end(train_two_layer(TwoLayerNet(20, 16, 10, weight_init_std=0.3, seed=0), x, t, x, t,
                                       iters_num=60, batch_size=20, learning_rate=0.5, seed=3, threads=k))
            for k in (1, 2)]
    np.testing.assert_allclose(runs[0]["loss_list"], runs[1]["loss_list"], rtol=1e-9)
    before = blas_thread_count()
    run_to_end(train_two_layer(TwoLayerNet(20, 8, 10, seed=0), x, t, x, t, iters_num=5, batch_size=10, threads=2))
    assert blas_thread_count() == before  # restored afterwards


def test_near_chance():
    assert evaluation.near_chance(0.1009) and evaluation.near_chance(0.19)
    assert not evaluation.near_chance(0.83) and not evaluation.near_chance(0.21)
    assert evaluation.near_chance(0.4, classes=2) and not evaluation.near_chance(0.6, classes=4)
