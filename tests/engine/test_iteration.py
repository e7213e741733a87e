"""One SGD iteration taken apart (engine.iteration): the book's step exactly, the loop's own mini-batches, the
full-set loss, and a stepped run that train_two_layer goes on with as if it had run from the start."""
import numpy as np
import pytest

from engine.data.datasets import load_mnist
from engine.functions import cross_entropy_per_sample
from engine.iteration import FullSetLoss, MiniBatches, Stepper, sgd_iteration
from engine.networks import PARAM_KEYS, TwoLayerNet
from engine.training import train_two_layer


def synthetic(n=300, side=8, seed=0, levels=True):
    """Images of `side`×`side` pixel levels k/255 with ink in a random box (many 0 pixels, like MNIST), float32;
    labels 0–9 tied to where the ink is (so a net can learn something)."""
    rng = np.random.default_rng(seed)
    k = np.zeros((n, side, side), np.uint8)
    t = rng.integers(0, 10, n)
    for i in range(n):
        top, left = t[i] % (side // 2), (t[i] * 3) % (side // 2)
        k[i, top:top + side // 2, left:left + side // 2] = rng.integers(0, 256, (side // 2, side // 2))
    x = k.reshape(n, -1).astype(np.float32) / np.float32(255)
    return (x if levels else x.astype(np.float64)), t


def steps_of(events, n):
    """The losses of the first n "step" events of a training generator (then it is closed)."""
    losses = []
    for event in events:
        if event["kind"] == "step":
            losses.append(event["loss"])
            if len(losses) == n:
                break
    events.close()
    return losses


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_an_iteration_is_exactly_the_books_gradient_and_sgd_update(activation):
    x, t = synthetic(levels=False)
    net = TwoLayerNet(64, 12, 10, weight_init_std=0.3, activation=activation, seed=3)
    book = net.copy()
    rows = np.array([5, 17, 17, 42, 99, 250, 3])
    before = {key: book.params[key].copy() for key in PARAM_KEYS}
    y = book.scores(x[rows])
    grads = book.gradient(x[rows], t[rows])
    loss = float(book.last_layer.loss)
    for key in PARAM_KEYS:
        book.params[key] -= 0.5 * grads[key]

    parts = sgd_iteration(net, x, t, rows, 0.5)

    for key in PARAM_KEYS:
        assert np.array_equal(net.params[key], book.params[key])
        assert np.array_equal(parts["grads"][key], grads[key])
        assert np.array_equal(parts["update"][key], book.params[key] - before[key])
        assert parts["grad_norm"][key] == pytest.approx(np.sqrt(np.sum(grads[key] ** 2)), rel=1e-12)
        assert parts["update_norm"][key] == pytest.approx(0.5 * parts["grad_norm"][key], rel=1e-9)
    assert parts["loss"] == loss
    assert list(parts["rows"]) == list(rows) and list(parts["labels"]) == list(t[rows])
    assert list(parts["predicted"]) == list(y.argmax(axis=1))
    assert np.allclose(parts["sample_loss"], cross_entropy_per_sample(_softmax(y), t[rows]), rtol=1e-12)
    assert parts["sample_loss"].mean() == pytest.approx(loss, rel=1e-12)
    assert parts["loss_after"] == float(book.loss(x[rows], t[rows]))
    assert parts["loss_after"] < parts["loss"]  # the step lowered the loss on its own batch
    assert parts["full_before"] is None and parts["full_after"] is None


def _softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize(("iters", "chunk"), [(2500, 1000), (30, 30), (1, 1)])
def test_the_mini_batches_are_those_the_training_loop_draws(iters, chunk):
    expected = np.random.default_rng(7).integers(0, 500, size=(-(-iters // chunk) * chunk, 20))
    batches = MiniBatches(7, 500, 20, iters)
    assert batches.chunk == chunk
    for i in sorted({0, 1, chunk - 1, chunk, iters - 1} & set(range(iters))):
        assert np.array_equal(batches.rows(i), expected[i])
    with pytest.raises(ValueError):  # drawn in order: an earlier chunk is gone
        batches.rows(-1 if iters <= chunk else 0)


@pytest.mark.parametrize(("levels", "activation"), [(False, "sigmoid"), (True, "sigmoid"), (True, "relu")])
def test_a_stepped_run_goes_on_exactly_as_a_run_from_scratch(levels, activation):
    """float64: the book's path; float32 pixel levels: FastStep, as the app trains MNIST."""
    x, t = synthetic(levels=levels)
    dtype = np.float32 if levels else np.float64
    make = lambda: TwoLayerNet(64, 10, 10, weight_init_std=0.1, activation=activation, seed=5, dtype=dtype)  # noqa: E731
    settings = dict(iters_num=45, batch_size=16, learning_rate=0.5, seed=11, eval_every=20)
    scratch = train_two_layer(make(), x, t, x[:50], t[:50], **settings)
    *scratch_events, scratch_done = list(scratch)

    net = make()
    stepper = Stepper(net, x, t, batch_size=16, learning_rate=0.5, seed=11, iters_num=45, full=FullSetLoss(x, t))
    assert (stepper.fast is None) and not stepper.done
    parts = [stepper.step() for _ in range(7)]
    assert (stepper.fast is not None) == levels
    assert [p["iteration"] for p in parts] == list(range(1, 8))
    assert [p["loss"] for p in parts] == list(scratch_done["loss_list"][:7])
    go_on = list(train_two_layer(net, x, t, x[:50], t[:50], **settings, resume=stepper))
    done = go_on[-1]
    assert np.array_equal(done["loss_list"], scratch_done["loss_list"])
    for key in PARAM_KEYS:
        assert np.array_equal(done["net"].params[key], scratch_done["net"].params[key]), key
    steps = [e["iteration"] for e in go_on if e["kind"] == "step"]
    assert steps == list(range(8, 46))
    evaluations = [e["iteration"] for e in go_on if e["kind"] == "epoch"]
    assert evaluations == [7, 20, 40, 45]  # first where the run goes on, then as from scratch
    scratch_acc = {e["iteration"]: e["test_acc"] for e in scratch_events if e["kind"] == "epoch"}
    assert [e["test_acc"] for e in go_on if e["kind"] == "epoch"][1:] == [scratch_acc[i] for i in (20, 40, 45)]
    # the full-set loss: each iteration's "before" is the previous "after", and it is the net's loss on all of x
    for previous, current in zip(parts[:-1], parts[1:], strict=True):
        assert current["full_before"] == previous["full_after"]
    check = make()
    assert parts[0]["full_before"] == pytest.approx(float(check.loss(x, t)), rel=1e-5 if levels else 1e-12)


def test_a_stepper_refuses_to_hand_over_to_another_run():
    x, t = synthetic(levels=False)
    net = TwoLayerNet(64, 10, 10, seed=1)
    stepper = Stepper(net, x, t, batch_size=16, learning_rate=0.1, seed=0, iters_num=20)
    stepper.step()
    for other in (dict(net=TwoLayerNet(64, 10, 10, seed=1)), dict(batch_size=8), dict(learning_rate=0.2),
                  dict(iters_num=21)):
        settings = dict(net=net, iters_num=20, batch_size=16, learning_rate=0.1, seed=0) | other
        with pytest.raises(ValueError):
            list(train_two_layer(settings.pop("net"), x, t, x, t, **settings, resume=stepper))
    with pytest.raises(ValueError):
        Stepper(net, x, t, batch_size=0)


def test_a_stepper_stops_at_the_end_of_its_run():
    x, t = synthetic(levels=False)
    stepper = Stepper(TwoLayerNet(64, 10, 10, seed=1), x, t, batch_size=16, learning_rate=0.1, seed=0, iters_num=2)
    stepper.step()
    stepper.step()
    assert stepper.done
    with pytest.raises(ValueError):
        stepper.step()


@pytest.mark.parametrize("side", [28, 8])
@pytest.mark.parametrize("activation", ["sigmoid", "relu", "identity"])
def test_the_full_set_loss_is_the_nets_loss_on_every_image(side, activation):
    x, t = synthetic(n=700, side=side, seed=2, levels=False)
    net = TwoLayerNet(side * side, 9, 10, weight_init_std=0.2, activation=activation, seed=4)
    full = FullSetLoss(x, t, threads=2)
    assert full.loss(net) == pytest.approx(float(net.loss(x, t)), rel=1e-12)
    assert sorted(np.concatenate([np.arange(a, b) for a, b, *_ in full.blocks])) == list(range(700))
    kept = sum(images.size for *_, images in full.blocks)
    assert kept < x.size * 0.9  # blocks of alike images leave out pixels that are 0 in all of them
    net.params["W2"] *= 2  # other weights: computed again
    assert full.loss(net) == pytest.approx(float(net.loss(x, t)), rel=1e-12)
    single = FullSetLoss(x.astype(np.float32), t, threads=1)
    assert single.loss(net) == pytest.approx(float(net.loss(x, t)), rel=1e-5)


def test_the_full_set_loss_keeps_its_value_for_unchanged_weights(monkeypatch):
    x, t = synthetic(n=200, levels=False)
    net = TwoLayerNet(64, 6, 10, seed=0)
    full = FullSetLoss(x, t, threads=1)
    passes = []
    original = FullSetLoss._part
    monkeypatch.setattr(FullSetLoss, "_part", lambda self, *a: passes.append(1) or original(self, *a))
    first = full.loss(net)
    assert full.loss(net.copy()) == first and len(passes) == 1
    net.params["b2"][3] += 1e-3
    assert full.loss(net) != first and len(passes) == 2
    sigmoid = TwoLayerNet.from_params(net.params, activation="sigmoid")  # the same weights, another net: not kept
    assert full.loss(sigmoid) == pytest.approx(float(sigmoid.loss(x, t)), rel=1e-12) and len(passes) == 3


def test_the_full_set_loss_has_the_l2_term_of_a_net_with_weight_decay():
    x, t = synthetic(n=200, levels=False)
    net = TwoLayerNet(64, 6, 10, weight_init_std=0.5, seed=0, weight_decay_lambda=0.7)
    assert FullSetLoss(x, t, threads=1).loss(net) == pytest.approx(float(net.loss(x, t)), rel=1e-12)


def test_one_iteration_of_the_book_net_on_real_mnist(mnist_dir):
    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir)
    make = lambda: TwoLayerNet(784, 50, 10, activation="sigmoid", seed=0, dtype=np.float32)  # noqa: E731
    net = make()
    stepper = Stepper(net, x_train, t_train, 100, 0.1, seed=0, iters_num=10_000, full=FullSetLoss(x_train, t_train))
    parts = [stepper.step() for _ in range(3)]
    assert stepper.fast is not None  # the app's fast step, as in the live run
    expected_rows = np.random.default_rng(0).integers(0, 60_000, size=(1000, 100))[:3]
    assert [list(p["rows"]) for p in parts] == [list(r) for r in expected_rows]
    scratch = steps_of(train_two_layer(make(), x_train, t_train, x_test, t_test, iters_num=10_000, seed=0), 3)
    assert [p["loss"] for p in parts] == scratch
    first = parts[0]
    assert first["loss"] == pytest.approx(np.log(10), abs=0.01)  # a new net guesses
    assert first["full_before"] == pytest.approx(float(make().loss(x_train, t_train)), rel=1e-5)
    assert first["loss_after"] < first["loss"]
    assert parts[-1]["full_after"] == pytest.approx(float(net.loss(x_train, t_train)), rel=1e-5)
    assert first["grads"]["W1"].shape == (784, 50) and first["grads"]["W2"].shape == (50, 10)
    for key in PARAM_KEYS:  # FastStep's update is −η·∂L/∂W of the book's backprop, to float32 rounding
        assert np.allclose(first["update"][key], -0.1 * first["grads"][key],
                           atol=2e-3 * np.abs(0.1 * first["grads"][key]).max() + 1e-12), key


def test_sorting_mnist_into_blocks_yields_often(mnist_dir):
    """The One iteration page's preparation is a job: Stop and quit reach it between its parts."""
    import time

    (x_train, t_train), _ = load_mnist(mnist_dir)
    full = FullSetLoss(x_train, t_train)
    gaps, last = [], time.perf_counter()
    for _ in full.prepare_steps():
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    print(f"\nFullSetLoss.prepare_steps on MNIST: {len(gaps)} yields, worst gap {max(gaps) * 1000:.0f} ms")
    assert len(gaps) > 10 and max(gaps) < 0.5  # generous: a 2-core machine shared with other work
    kept = sum(images.size for *_, images in full.blocks) / x_train.size
    assert kept < 0.5  # alike images in blocks: less than half of the products of x·W1 remain
