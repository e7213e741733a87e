"""engine.preprocess.to_mnist: MNIST's own preparation, checked on shapes and on the real MNIST test digits."""
from pathlib import Path

import numpy as np
import pytest

from engine.data.datasets import load_mnist
from engine.networks import TwoLayerNet
from engine.preprocess import area_matrix, bounding_box, center_of_mass, prepare, resize_area, to_mnist

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "models" / "digit_default.npz"


def canvas(size=280):
    return np.zeros((size, size), np.uint8)


def ink_extent(image):
    rows = np.flatnonzero(image.any(axis=1))
    cols = np.flatnonzero(image.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_shape_dtype_and_range():
    rng = np.random.default_rng(0)
    for image in (rng.integers(0, 256, (300, 200)).astype(np.uint8), rng.random((50, 90)),
                  rng.integers(0, 256, (64, 64, 3)).astype(np.uint8), rng.random((40, 40)) * 7 - 3):
        out = to_mnist(image)
        assert out.shape == (28, 28) and out.dtype == np.float32
        assert out.min() >= 0.0 and out.max() <= 1.0
        assert out.max() > 0


def test_empty_pictures_give_zeros():
    for image in (canvas(), np.zeros((0, 0)), np.zeros((10, 10, 3)), np.full((5, 5), np.nan)):
        out = to_mnist(image)
        assert out.shape == (28, 28) and out.dtype == np.float32
        assert not out.any()
    assert bounding_box(canvas()) is None


def test_wrong_shape_is_a_clear_error():
    with pytest.raises(ValueError, match="not \\(3, 4, 5, 6\\)"):
        to_mnist(np.zeros((3, 4, 5, 6)))


def test_bounding_box_fits_20_keeping_aspect():
    tall = canvas()
    tall[40:190, 100:130] = 255  # 150 × 30: 5 to 1
    out = to_mnist(tall)
    assert ink_extent(out) == (20, 4)
    wide = canvas()
    wide[100:130, 40:190] = 255
    assert ink_extent(to_mnist(wide)) == (4, 20)
    square = canvas(400)
    square[10:60, 300:350] = 255  # small and in a corner: scaled up to 20 × 20
    out = to_mnist(square)
    assert ink_extent(out) == (20, 20)
    assert out.sum() == pytest.approx(400, abs=1e-3)


def test_center_of_mass_is_at_14_14():
    rng = np.random.default_rng(1)
    for _ in range(20):
        image = canvas()
        for _ in range(4):  # a few random blobs and bars
            r, c = rng.integers(20, 240, 2)
            h, w = rng.integers(8, 60, 2)
            image[r:r + h, c:c + w] = rng.integers(100, 256)
        out = to_mnist(image)
        cy, cx = center_of_mass(out)
        p = prepare(image)
        if p.offset[0] in (0, 28 - p.box.shape[0]) or p.offset[1] in (0, 28 - p.box.shape[1]):
            continue  # the box met the frame's edge (see prepare)
        assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5


def test_heavy_top_is_not_cut_off():
    seven = canvas()
    seven[20:60, 20:260] = 255  # a thick top bar
    seven[60:260, 230:240] = 255  # a thin stem
    out = to_mnist(seven)
    assert out.sum() == pytest.approx(prepare(seven).box.sum(), rel=1e-6)  # nothing lost at the edge


def test_anti_aliased_not_nearest():
    image = canvas()
    image[30:250, 30:32] = 255  # an "L" of 2-pixel lines in a 220 × 220 box: 0.18 of a pixel wide after scaling
    image[248:250, 32:250] = 255
    out = to_mnist(image)
    assert 0.05 < out.max() < 0.5  # grey, as area averaging makes it, not a 0/1 nearest pixel
    assert out.sum() == pytest.approx((220 + 218) * 2 * (20 / 220) ** 2, rel=1e-4)  # ink area is kept


def test_area_resampling_keeps_means():
    rng = np.random.default_rng(2)
    image = rng.random((280, 173)).astype(np.float32)
    small = resize_area(image, (20, 12))
    assert small.mean() == pytest.approx(image.mean(), rel=1e-4)
    np.testing.assert_allclose(area_matrix(280, 20).sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(resize_area(np.ones((3, 5)), (20, 20)), 1.0, rtol=1e-6)


def test_invariant_to_position_and_nearly_to_size():
    digit = canvas(400)
    digit[100:250, 150:170] = 255
    digit[100:120, 150:230] = 255
    moved = np.roll(digit, (70, -90), axis=(0, 1))
    np.testing.assert_array_equal(to_mnist(digit), to_mnist(moved))
    bigger = np.kron(digit[100:250, 150:230], np.ones((2, 2), np.uint8))
    assert np.abs(to_mnist(bigger) - to_mnist(digit)).max() < 1e-5


def test_rgb_and_float_inputs_agree_with_gray():
    gray = canvas()
    gray[50:230, 120:160] = 200
    rgb = np.repeat(gray[:, :, None], 3, axis=2)
    np.testing.assert_allclose(to_mnist(rgb), to_mnist(gray), atol=1e-6)
    np.testing.assert_allclose(to_mnist(gray / 255.0), to_mnist(gray), atol=1e-6)


# ------------------------------------------------------------------ on real MNIST
@pytest.fixture(scope="module")
def mnist(mnist_dir):
    (_, _), (x_test, t_test) = load_mnist(mnist_dir, normalize=False, flatten=False)
    return x_test[:, 0], t_test.astype(np.intp)


@pytest.fixture(scope="module")
def bundled():
    assert BUNDLED.exists(), f"{BUNDLED} is missing: run tools/train_default_model.py"
    return TwoLayerNet.load(BUNDLED)


def enlarged(images, seed):
    """Each digit scaled up 7–12× (area resampling), pasted at a random place on a 400×400 canvas (uint8)."""
    rng = np.random.default_rng(seed)
    for image in images:
        side = int(28 * rng.uniform(7, 12))
        big = (resize_area(image / 255.0, (side, side)) * 255).round().astype(np.uint8)
        out = np.zeros((400, 400), np.uint8)
        r, c = rng.integers(0, 400 - side + 1, 2)
        out[r:r + side, c:c + side] = big
        yield out


def test_mnist_digits_come_back_unchanged(mnist):
    images, _ = mnist
    for image in images[:300]:
        big = np.kron(image, np.ones((10, 10), np.uint8))
        on_canvas = np.zeros((420, 390), np.uint8)
        on_canvas[37:317, 51:331] = big
        np.testing.assert_allclose(to_mnist(on_canvas), image / 255.0, atol=1e-5)


def test_mnist_centres_of_mass_are_where_ours_go(mnist):
    images, _ = mnist
    centres = np.array([center_of_mass(image) for image in images[:2000]])
    np.testing.assert_allclose(centres.mean(axis=0), (14, 14), atol=0.05)


def test_bundled_model_reads_re_prepared_digits(mnist, bundled):
    images, labels = mnist
    prepared = np.stack([to_mnist(big) for big in enlarged(images[:1000], seed=3)])
    accuracy = bundled.accuracy(prepared.reshape(1000, 784), labels[:1000])
    assert accuracy >= 0.95, accuracy


def test_bundled_model_test_accuracy(mnist, bundled):
    images, labels = mnist
    accuracy = bundled.accuracy(images.reshape(len(images), 784) / np.float32(255), labels)
    assert accuracy >= 0.975, accuracy
    assert bundled.meta["test_accuracy"] == pytest.approx(accuracy, abs=1e-4)


def test_bundled_model_records_how_it_was_made(bundled):
    meta = bundled.meta
    assert meta["trained_by"] == "tools/train_default_model.py"
    assert isinstance(meta["seed"], int)
    assert meta["hidden_size"] == bundled.sizes[1] and meta["activation"] == bundled.activation
    assert bundled.sizes == (784, meta["hidden_size"], 10)
    assert BUNDLED.stat().st_size < 600_000  # small enough for the repository
