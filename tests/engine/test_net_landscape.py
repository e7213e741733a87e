"""engine.lab.net_landscape (the Training tab's landscape job) and engine.fitting (train / dev / test, bias and
variance): the job's plane, paths and rows are engine.landscape's own numbers; the split never overlaps."""
import numpy as np
import pytest

from engine import fitting, landscape
from engine.lab import net_landscape
from engine.networks import TwoLayerNet
from engine.training import run_to_end, train_two_layer


def small_run(lr=0.5, seed=0, iters=60):
    """A tiny float64 net trained by the book's loop on separable random data; the epoch events' weights."""
    rng = np.random.default_rng(seed)
    x = rng.random((200, 16))
    t = (x[:, :4].argmax(axis=1))
    net = TwoLayerNet(16, 6, 4, weight_init_std=0.3, seed=1)
    events = list(train_two_layer(net, x, t, x[:50], t[:50], iters_num=iters, batch_size=20, learning_rate=lr,
                                  seed=seed, eval_every=6))
    snapshots = [net_landscape.params_of(e["net"]) for e in events if e["kind"] == "epoch"]
    return snapshots, x, t


def test_the_job_gives_the_pca_plane_the_projected_paths_and_rows_equal_to_the_surface():
    snapshots, x, t = small_run()
    other, _, _ = small_run(lr=0.1)
    events = [e for e in net_landscape.landscape_steps(snapshots, "relu", x, t, "pca", 21, 1.2, other=other) if e]
    plane, rows = events[0], events[1:]
    assert plane["kind"] == "plane" and [r["i"] for r in rows] == list(range(21))
    d1, d2, coords, explained = landscape.trajectory_pca(snapshots[:-1], snapshots[-1])
    np.testing.assert_allclose(plane["explained"], explained)
    np.testing.assert_allclose(plane["coords"][:-1], coords, atol=1e-9)
    np.testing.assert_allclose(plane["coords"][-1], [0, 0], atol=1e-12)
    np.testing.assert_allclose(plane["other_coords"], landscape.project(other, snapshots[-1], d1, d2), atol=1e-9)
    assert plane["alphas"][-1] == pytest.approx(1.2 * np.abs(np.vstack([coords, plane["other_coords"]])[:, 0]).max())
    net = TwoLayerNet.from_params(snapshots[-1], "relu")
    surface = landscape.loss_surface(net, x, t, d1, d2, plane["alphas"], plane["betas"])
    np.testing.assert_allclose(np.array([r["row"] for r in rows]), surface, rtol=1e-5)
    first = TwoLayerNet.from_params(snapshots[0], "relu")
    assert plane["losses"][0] == pytest.approx(first.loss(x, t), rel=1e-5)
    assert plane["losses"][-1] < plane["losses"][0]  # SGD went downhill
    assert len(plane["other_losses"]) == len(other)


def test_random_directions_give_a_symmetric_grid_and_the_share_of_the_path_in_their_plane():
    snapshots, x, t = small_run()
    plane = next(e for e in net_landscape.landscape_steps(snapshots, "relu", x, t, "random", 21, 0.5, seed=3) if e)
    assert plane["alphas"][0] == -0.5 and plane["betas"][-1] == 0.5
    assert 0 < plane["explained"][0] < 0.5  # two random directions of 130 hold little of the path
    d1, d2 = landscape.random_directions(net_landscape._Params(snapshots[-1]), 3)
    np.testing.assert_allclose(plane["coords"], landscape.project(snapshots, snapshots[-1], d1, d2))


def test_a_path_in_the_plane_is_wholly_in_it():
    snapshots, _, _ = small_run()
    d1, d2, _ = net_landscape.plane(snapshots, "pca")
    share = net_landscape.in_plane_share(snapshots, d1, d2)
    explained = landscape.trajectory_pca(snapshots[:-1], snapshots[-1])[3]
    assert share == pytest.approx(explained.sum())


def test_the_job_can_be_closed_between_rows():
    snapshots, x, t = small_run()
    steps = net_landscape.landscape_steps(snapshots, "relu", x, t, "pca", 61, 1.0)
    kinds = []
    for event in steps:
        kinds.append(event and event["kind"])
        if kinds.count("row") == 3:
            steps.close()
            break
    assert kinds.count("row") == 3


def test_the_data_choices():
    data = ((np.arange(60_000), np.arange(60_000)), (np.arange(10_000), np.arange(10_000)))
    sizes = [len(net_landscape.pick_data(data, c)[0]) for c in net_landscape.DATA_CHOICES]
    assert sizes == [10_000, 1000, 10_000, 60_000]
    with pytest.raises(ValueError):
        net_landscape.pick_data(data, "all")


def test_the_validation_split_holds_out_the_last_images_and_never_overlaps():
    x, t = np.arange(100), np.arange(100) % 10
    (xs, ts), (xv, tv) = fitting.split_training(x, t, train_size=30, validation=20)
    assert list(xs) == list(range(30)) and list(xv) == list(range(80, 100))
    (xs, _), (xv, _) = fitting.split_training(x, t, None, 0)
    assert len(xs) == 100 and len(xv) == 0
    (xs, _), (xv, _) = fitting.split_training(x, t, 95, 20)  # more than is left: all that is left
    assert len(xs) == 80 and not set(xs) & set(xv)


@pytest.mark.parametrize("train, dev, case", [(0.999, 0.90, "variance"), (0.90, 0.89, "bias"),
                                              (0.85, 0.70, "both"), (0.98, 0.97, "fine")])
def test_the_lessons_reading_of_bias_and_variance(train, dev, case):
    d = fitting.diagnose(train, dev)
    assert d.case == case
    assert d.gap == pytest.approx(train - dev)


def test_validation_in_a_run_with_l2_narrowing_the_gap():
    """An overfitting set-up: 40 noisy images, many steps; λ > 0 leaves a smaller train–validation gap."""
    rng = np.random.default_rng(0)
    centres = rng.random((4, 30))
    t = rng.integers(0, 4, 400)
    x = centres[t] + 0.6 * rng.standard_normal((400, 30))
    (xs, ts), (xv, tv) = fitting.split_training(x, t, 40, 200)
    gaps = []
    for lam in (0.0, 3.0):
        net = TwoLayerNet(30, 40, 4, weight_init_std=0.3, seed=0, weight_decay_lambda=lam)
        done = run_to_end(train_two_layer(net, xs, ts, xv, tv, iters_num=1500, batch_size=20, learning_rate=0.3,
                                          seed=0))
        gaps.append(done["train_acc"] - fitting.validation_accuracy({"net": net}, xv, tv))
    assert gaps[0] > 0.1 and gaps[1] < gaps[0]


def test_refine_keeps_the_grid_values_and_interpolates_between_them():
    alphas, betas = np.linspace(-1, 1, 5), np.linspace(0, 2, 3)
    Z = alphas[None, :] * 2 + betas[:, None] * 3  # linear: bilinear interpolation is exact
    fa, fb, fine = net_landscape.refine(alphas, betas, Z, 9)
    np.testing.assert_allclose(fine, fa[None, :] * 2 + fb[:, None] * 3)
    np.testing.assert_allclose(fine[::4, ::2], Z)
    Z[1] = np.nan  # a row not computed yet
    assert np.isnan(net_landscape.refine(alphas, betas, Z, 9)[2][4]).all()


def test_rows_come_in_chunks_of_images_with_a_stop_point_after_each_and_equal_the_whole_set():
    snapshots, x, t = small_run()
    net = net_landscape._Net(snapshots[-1], "relu")
    d1, d2, _ = net_landscape.plane(snapshots, "pca")
    alphas, betas = np.linspace(-1, 1, 5), np.linspace(-1, 1, 4)
    events = list(net_landscape.surface_rows(net, x, t, d1, d2, alphas, betas, chunk=60))  # 200 images: 4 chunks
    assert [e["i"] if e else None for e in events] == [None] * 4 + [0] + [None] * 4 + [1] + [None] * 4 + [2] + \
        [None] * 4 + [3]
    whole = landscape.loss_surface(net, x, t, d1, d2, alphas, betas)
    np.testing.assert_allclose([e["row"] for e in events if e], whole, rtol=1e-6)
