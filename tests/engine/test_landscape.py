"""engine.landscape: the fast surface equals brute force, and the directions are what they claim to be."""
import numpy as np
import pytest

from engine import landscape
from engine.networks import TwoLayerNet


def small_problem(activation, seed=0, n=60):
    rng = np.random.default_rng(seed)
    net = TwoLayerNet(12, 7, 4, weight_init_std=0.5, activation=activation, seed=seed)
    x = rng.random((n, 12))
    t = rng.integers(0, 4, n)
    return net, x, t


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-12), (np.float32, 2e-5)])
def test_every_grid_point_equals_the_brute_force_loss(activation, dtype, rtol):
    net, x, t = small_problem(activation)
    d1, d2 = landscape.random_directions(net, seed=1)
    alphas, betas = np.linspace(-1.5, 1, 6), np.linspace(-0.7, 2, 5)
    surface = landscape.loss_surface(net, x, t, d1, d2, alphas, betas, dtype=dtype)
    assert surface.shape == (5, 6)
    brute = [[landscape.loss_at(net, x, t, d1, d2, a, b) for a in alphas] for b in betas]
    np.testing.assert_allclose(surface, brute, rtol=rtol)


def test_the_centre_is_the_nets_own_loss_and_one_hot_labels_work():
    net, x, t = small_problem("relu")
    d1, d2 = landscape.random_directions(net, seed=3)
    one_hot = np.eye(4)[t]
    surface = landscape.loss_surface(net, x, one_hot, d1, d2, [0.0], [0.0], dtype=np.float64)
    assert surface[0, 0] == pytest.approx(net.loss(x, t), rel=1e-12)


def test_random_directions_are_filter_normalised_and_reproducible():
    net, _, _ = small_problem("relu")
    d1, d2 = landscape.random_directions(net, seed=5)
    for d in (d1, d2):
        for key in ("W1", "W2"):
            np.testing.assert_allclose(np.linalg.norm(d[key], axis=0), np.linalg.norm(net.params[key], axis=0))
        assert not d["b1"].any() and not d["b2"].any()
    assert not np.allclose(d1["W1"], d2["W1"])
    again = landscape.random_directions(net, seed=5)
    np.testing.assert_array_equal(again[0]["W1"], d1["W1"])


def path_in_a_plane(net, steps=9):
    """Snapshots θ_final + a_i·u + b_i·v for two orthonormal directions u, v, with the (a, b) used."""
    rng = np.random.default_rng(2)
    size = landscape.flatten(net.params).size
    u, v = np.linalg.qr(rng.standard_normal((size, 2)))[0].T
    ab = np.stack([np.linspace(3, 0.2, steps), np.sin(np.linspace(0, 2, steps))], axis=1)
    final = net.params
    snapshots = [landscape.unflatten(landscape.flatten(final) + a * u + b * v, final) for a, b in ab]
    return snapshots, ab


def test_trajectory_directions_span_the_path_and_give_each_snapshots_place():
    net, _, _ = small_problem("sigmoid")
    snapshots, ab = path_in_a_plane(net)
    d1, d2, coords = landscape.trajectory_directions(snapshots, net.params)
    f1, f2 = landscape.flatten(d1), landscape.flatten(d2)
    assert np.dot(f1, f1) == pytest.approx(1) and np.dot(f2, f2) == pytest.approx(1)
    assert np.dot(f1, f2) == pytest.approx(0, abs=1e-12)
    offsets = np.stack([landscape.flatten(s) - landscape.flatten(net.params) for s in snapshots])
    np.testing.assert_allclose(coords @ np.stack([f1, f2]), offsets, atol=1e-10)  # the path lies in the plane
    np.testing.assert_allclose(np.linalg.norm(coords, axis=1), np.linalg.norm(ab, axis=1))
    *_, explained = landscape.trajectory_pca(snapshots, net.params)
    assert explained.sum() == pytest.approx(1) and explained[0] >= explained[1] > 0


def test_a_path_off_the_plane_explains_less_than_all_of_its_variance():
    net, _, _ = small_problem("relu")
    snapshots, _ = path_in_a_plane(net)
    rng = np.random.default_rng(9)
    noisy = [{k: v + 0.3 * rng.standard_normal(v.shape) for k, v in s.items()} for s in snapshots]
    *_, explained = landscape.trajectory_pca(noisy, net.params)
    assert 0.2 < explained.sum() < 0.999


def test_project_finds_a_and_b_on_non_orthogonal_directions():
    net, _, _ = small_problem("relu")
    d1, d2 = landscape.random_directions(net, seed=4)
    ab = np.array([[0.5, -1.0], [2.0, 0.25], [0.0, 0.0]])
    snapshots = [landscape.shifted(net.params, d1, d2, a, b) for a, b in ab]
    np.testing.assert_allclose(landscape.project(snapshots, net.params, d1, d2), ab, atol=1e-10)


def test_a_path_without_two_directions_is_refused():
    net, _, _ = small_problem("relu")
    with pytest.raises(ValueError, match="at least 2 snapshots"):
        landscape.trajectory_directions([net.params], net.params)
    d1, _ = landscape.random_directions(net, seed=0)
    line = [landscape.shifted(net.params, d1, d1, a, 0) for a in (1.0, 2.0, 3.0)]
    with pytest.raises(ValueError, match="one line"):
        landscape.trajectory_directions(line, net.params)


def test_real_mnist_surface_matches_brute_force(mnist_dir):
    from engine.data.datasets import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(mnist_dir, normalize=True, flatten=True)
    net = TwoLayerNet(784, 50, 10, activation="sigmoid", seed=0)
    rng = np.random.default_rng(0)
    snapshots = []
    for i in range(60):
        if i % 10 == 0:
            snapshots.append({k: v.copy() for k, v in net.params.items()})
        batch = rng.choice(len(x_train), 100)
        for key, grad in net.gradient(x_train[batch], t_train[batch]).items():
            net.params[key] -= 0.1 * grad
    d1, d2, coords = landscape.trajectory_directions(snapshots, net.params)
    grid = np.linspace(-1, 1, 4) * np.abs(coords).max()
    x, t = x_test[:2000], t_test[:2000]
    surface = landscape.loss_surface(net, x, t, d1, d2, grid, grid)
    brute = [[landscape.loss_at(net, x, t, d1, d2, a, b) for a in grid] for b in grid]
    np.testing.assert_allclose(surface, brute, rtol=1e-5)
