"""engine.fast_step.FastStep: the fast SGD step equals the book's TwoLayerNet.gradient + W ← W − η·dW."""
import numpy as np
import pytest
from test_training import book_step  # the book's step, the reference of both files

from engine.fast_step import FastStep, pixel_levels
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import run_to_end, train_two_layer


def level_images(n=400, pixels=64, seed=0):
    """MNIST-like float32 images k/255: pixel j non-zero with probability from 0.6 down to 0 (the last 8 never),
    so some pixels are in nearly every batch, others in few, some in none; labels learnable from the pixels."""
    rng = np.random.default_rng(seed)
    p = np.clip(np.linspace(0.6, -0.08, pixels), 0, None)
    levels = np.where(rng.random((n, pixels)) < p, rng.integers(1, 256, (n, pixels)), 0).astype(np.uint8)
    x = np.divide(levels, np.float32(255), dtype=np.float32)
    t = (x @ rng.standard_normal((pixels, 10))).argmax(axis=1)
    return x, t


def assert_same_weights(net, reference):
    for key in PARAM_KEYS:  # float32 rounding, relative to the largest weight of each array
        np.testing.assert_allclose(net.params[key], reference.params[key], rtol=1e-5,
                                   atol=1e-5 * np.abs(reference.params[key]).max(), err_msg=key)


def step_by_step(net, x, t, batch_size, steps, learning_rate, seed=0, dense=None):
    """FastStep and the book's step side by side on the same mini-batches, compared after every step."""
    reference = net.copy()
    fast = FastStep(net, x, t, batch_size, dense=dense)
    masks = np.random.default_rng(seed).integers(0, len(x), size=(steps, batch_size))
    losses = []
    for rows in masks:
        loss = fast.step(rows, learning_rate)
        expected = book_step(reference, x[rows], t[rows], learning_rate)
        assert loss == pytest.approx(expected, rel=2e-5)
        fast.store()
        assert_same_weights(net, reference)
        losses.append(loss)
    return fast, losses


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_fast_step_is_the_books_gradient_then_sgd(activation):
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, activation=activation, seed=1, dtype=np.float32)
    fast, losses = step_by_step(net, x, t, batch_size=20, steps=60, learning_rate=0.5)
    assert 0 < fast.dense < fast.levels.shape[1] == 56  # both kinds of pixels; the 8 never non-zero left out
    assert losses[-1] < 0.8 * losses[0]  # it learned: the comparison is not of two idle nets
    assert net.layers["Affine1"].W is net.params["W1"]  # stored in place: predict() sees the steps


@pytest.mark.parametrize("dense", [0, 56])
def test_any_split_of_dense_and_sparse_pixels_gives_the_same_steps(dense):
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, seed=2, dtype=np.float32)
    step_by_step(net, x, t, batch_size=20, steps=20, learning_rate=0.5, dense=dense)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_fast_step_on_real_mnist_is_the_books_step(mnist_dir, activation):
    from engine.data.datasets import load_mnist

    (x_train, t_train), _ = load_mnist(mnist_dir)
    net = TwoLayerNet(784, 50, 10, activation=activation, seed=0, dtype=np.float32)
    fast, losses = step_by_step(net, x_train, t_train, batch_size=100, steps=30, learning_rate=0.1)
    assert 400 < fast.dense < 600 and fast.levels.dtype == np.uint8  # under a quarter of x_train's bytes
    assert fast.levels.shape == (60000, np.count_nonzero(x_train.any(axis=0)))  # never-used pixels left out
    assert losses[-1] < losses[0]


def test_uint8_levels_train_like_their_float_images():
    x, t = level_images()
    levels = np.rint(x * 255).astype(np.uint8)
    nets = [TwoLayerNet(64, 12, 10, weight_init_std=0.3, seed=3, dtype=np.float32) for _ in range(2)]
    for net, images in zip(nets, (x, levels), strict=True):
        fast = FastStep(net, images, t, 20)
        for rows in np.random.default_rng(1).integers(0, len(x), size=(10, 20)):
            fast.step(rows, 0.5)
        fast.store()
    for key in PARAM_KEYS:
        np.testing.assert_array_equal(nets[0].params[key], nets[1].params[key])


def test_only_float32_nets_on_exact_pixel_levels_take_the_fast_step():
    x, t = level_images(50)
    everything = np.arange(64)
    assert np.array_equal(pixel_levels(x, everything), np.rint(x * 255).astype(np.uint8))
    nudged = x.copy()
    nudged[3, 5] = np.nextafter(nudged[3, 5], np.float32(2))  # no longer k/255 for an integer k
    for other in (nudged, x.astype(np.float64), x * 2, np.where(x > 0.5, np.nan, x).astype(np.float32)):
        assert pixel_levels(other, everything) is None
    net32 = TwoLayerNet(64, 8, 10, dtype=np.float32)
    assert FastStep.for_run(net32, nudged, t, 10) is None
    assert FastStep.for_run(TwoLayerNet(64, 8, 10, dtype=np.float64), x, t, 10) is None  # float64: the book's
    assert FastStep.for_run(net32, x[:, :32], t, 10) is None  # images of another size
    assert isinstance(FastStep.for_run(net32, x, t, 10), FastStep)
    # and those other inputs still train, on the book's path
    done = run_to_end(train_two_layer(net32, nudged, t, nudged, t, iters_num=20, batch_size=10, seed=0))
    assert np.all(np.isfinite(done["loss_list"]))


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_train_two_layer_on_pixel_levels_trains_like_the_books_loop(activation):
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, activation=activation, seed=1, dtype=np.float32)
    reference = net.copy()
    done = run_to_end(train_two_layer(net, x, t, x, t, iters_num=200, batch_size=20, learning_rate=0.5, seed=4))
    masks = np.random.default_rng(4).integers(0, len(x), size=(200, 20))  # train_two_layer's mini-batches
    losses = np.array([book_step(reference, x[m], t[m], 0.5) for m in masks])
    assert losses[-1] < 0.8 * losses[0]
    np.testing.assert_allclose(done["loss_list"], losses, rtol=2e-5)
    assert_same_weights(net, reference)  # back in the original pixel order, in the net's own arrays
    assert net.layers["Affine1"].W is net.params["W1"]


def test_snapshots_and_a_stopped_run_show_the_weights_in_pixel_order():
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, seed=1, dtype=np.float32)
    plain = net.copy()
    events = train_two_layer(net, x, t, x, t, iters_num=100_000, batch_size=20, learning_rate=0.5, seed=6,
                             eval_every=30)
    snapshot = None
    for event in events:  # the evaluation of iteration 30 arrives a few steps later (a second thread)
        if event["kind"] == "epoch" and event["iteration"] == 30:
            snapshot = event["net"]
        if event["kind"] == "step" and event["iteration"] >= 45 and snapshot is not None:
            stopped = event["iteration"]
            break
    events.close()  # what the worker does when the user stops: the net holds the steps done
    masks = np.random.default_rng(6).integers(0, len(x), size=(stopped, 20))
    for i, m in enumerate(masks):
        book_step(plain, x[m], t[m], 0.5)
        if i + 1 == 30:
            np.testing.assert_allclose(snapshot.params["W1"], plain.params["W1"], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(net.params["W1"], plain.params["W1"], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(net.params["b2"], plain.params["b2"], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_l2_regularisation_is_the_books_path_with_weight_decay(activation):
    """λ/(2m)·ΣW² in the loss and λW/m in the gradient, the pixels left out of the fast step shrinking too."""
    x, t = level_images()
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, activation=activation, seed=4, dtype=np.float32,
                      weight_decay_lambda=2.0)
    fast, losses = step_by_step(net, x, t, batch_size=20, steps=40, learning_rate=0.5)
    assert fast.left_out.size == 8 and np.abs(net.params["W1"][fast.left_out]).max() > 0
    first_loss = FastStep(net.copy(), x, t, 20).step(np.arange(20), 0.0)
    assert first_loss == pytest.approx(net.loss(x[:20], t[:20]), rel=2e-5)  # the L2 term is in the loss
    assert net.weight_decay(20) > 0.01 * first_loss
    decayed = np.linalg.norm(net.params["W1"][fast.left_out])
    start = np.linalg.norm(TwoLayerNet(64, 12, 10, weight_init_std=0.3, seed=4).params["W1"][fast.left_out])
    assert decayed == pytest.approx(start * (1 - 0.5 * 2.0 / 20) ** 40, rel=1e-4)  # W·(1 − ηλ/m)^steps
