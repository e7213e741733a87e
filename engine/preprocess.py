"""MNIST's own preparation of a digit, so that a drawn digit looks to the net like the digits it learnt from.

LeCun et al. prepared every MNIST digit the same way:
  1. take the bounding box of the ink,
  2. scale it to fit a 20×20 box, keeping the aspect ratio, with anti-aliasing (grey edge pixels),
  3. put it in a 28×28 frame so that its centre of mass sits at the frame's centre.
`to_mnist` does exactly that to any white-on-black picture (a canvas of 280×280 pixels, a photo's crop, ...).
Measured on the real MNIST test set, the centre of mass is at pixel (row 14, column 14) of the 28×28 frame
(mean 13.99, 14.01), so that is where ours goes too.

Pure NumPy: resampling by area averaging is two small matrix products, so preparing a 280×280 drawing takes
a fraction of a millisecond.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIZE = 28  # the frame
BOX = 20  # the box the ink is fitted into
CENTER = 14.0  # where the centre of mass goes (row and column index, as measured on MNIST)


@dataclass
class Preparation:
    """Every stage of to_mnist, for showing what the preparation does.

    bbox      (top, left, bottom, right) of the ink in the input (bottom / right exclusive); None when empty
    ink_center the centre of mass (row, column) of the ink in the input's pixels
    scale     20 / max(height, width) of the bounding box
    box       the ink resampled to fit 20×20 (height, width ≤ 20)
    center    the centre of mass (row, column) of `box`, in its own pixels
    offset    (row, column) of box's top-left corner in the 28×28 frame
    image     the result, (28, 28) float32 in [0, 1]
    """

    bbox: tuple[int, int, int, int] | None
    ink_center: tuple[float, float]
    scale: float
    box: np.ndarray
    center: tuple[float, float]
    offset: tuple[int, int]
    image: np.ndarray


def as_gray(image) -> np.ndarray:
    """Any picture → (H, W) intensities: (H, W) as it is; (H, W, 3) or (H, W, 4) → the mean of R, G, B
    (float32 in [0, 1] when the channels are integers). White ink on black is expected."""
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[2] in (3, 4):
        scale = np.iinfo(image.dtype).max if np.issubdtype(image.dtype, np.integer) else 1
        image = image[:, :, :3].mean(axis=2, dtype=np.float32) / np.float32(scale)
    if image.ndim != 2:
        raise ValueError(f"a picture must be (H, W), (H, W, 3) or (H, W, 4), not {image.shape}")
    return image


def _unit_scale(image: np.ndarray) -> np.ndarray:
    """Intensities as float32 in [0, 1]: integers divided by their type's maximum (255 for uint8), bools as
    0 / 1, floats clipped to [0, 1] (NaN counts as 0)."""
    if image.dtype == np.bool_:
        return image.astype(np.float32)
    if np.issubdtype(image.dtype, np.integer):
        return np.clip(image, 0, None).astype(np.float32) / np.float32(np.iinfo(image.dtype).max)
    out = np.nan_to_num(np.asarray(image, dtype=np.float32), nan=0.0, posinf=1.0, neginf=0.0)
    return np.clip(out, 0.0, 1.0, out=out)


def bounding_box(image) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) of the pixels > 0 (bottom and right exclusive); None if there are none."""
    ink = as_gray(image) > 0
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(ink[rows[0]:rows[-1] + 1].any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def area_matrix(n: int, m: int) -> np.ndarray:
    """The (m, n) box-filter matrix that resamples n pixels to m by area averaging.

    Input pixel x covers [x·m/n, (x+1)·m/n] on the output's axis; R[i, x] is how much of output pixel i
    ([i, i+1]) it covers, so out_i = Σ_x R[i, x]·in_x is the mean of the input over output pixel i.
    """
    k = m / n
    x = np.arange(n)
    i = np.arange(m)[:, None]
    overlap = np.minimum(i + 1, (x + 1) * k) - np.maximum(i, x * k)
    return np.clip(overlap, 0.0, None).astype(np.float32)


def resize_area(image, shape) -> np.ndarray:
    """Resample a (H, W) picture to `shape` = (h, w) by area averaging (anti-aliased, not nearest pixel):
    out = R_h · image · R_wᵀ with R = area_matrix."""
    from engine.blas import blas_threads

    image = np.asarray(image, dtype=np.float32)
    h, w = shape
    # Small products: on one BLAS thread they take well under a millisecond, while OpenBLAS's helper threads
    # make them up to a hundred times slower whenever another thread or program is busy on the other core.
    with blas_threads(1):
        return area_matrix(image.shape[0], h) @ image @ area_matrix(image.shape[1], w).T


def center_of_mass(image) -> tuple[float, float]:
    """(row, column) = Σ p·(r, c) / Σ p over the pixels p of the picture; the middle if it is all zero."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    if total <= 0:
        return (image.shape[0] - 1) / 2, (image.shape[1] - 1) / 2
    rows = image.sum(axis=1) @ np.arange(image.shape[0])
    cols = image.sum(axis=0) @ np.arange(image.shape[1])
    return float(rows / total), float(cols / total)


def prepare(image) -> Preparation:
    """to_mnist with every stage kept (see Preparation)."""
    gray = as_gray(image)
    bbox = bounding_box(gray)
    if bbox is None:
        empty = np.zeros((SIZE, SIZE), np.float32)
        middle = ((gray.shape[0] - 1) / 2, (gray.shape[1] - 1) / 2)
        return Preparation(None, middle, 1.0, np.zeros((0, 0), np.float32), (CENTER, CENTER), (0, 0), empty)
    top, left, bottom, right = bbox
    crop = _unit_scale(gray[top:bottom, left:right])
    h, w = crop.shape
    r, c = center_of_mass(crop)
    ink_center = (top + r, left + c)
    scale = BOX / max(h, w)
    size = (max(1, min(BOX, round(h * scale))), max(1, min(BOX, round(w * scale))))
    box = np.clip(resize_area(crop, size), 0.0, 1.0)
    center = center_of_mass(box)
    # Put the centre of mass on pixel (14, 14); a digit whose mass sits far off its box's middle would be cut
    # at the frame's edge, so such a box stops at the edge instead (the centre is then a little off).
    offset = tuple(int(np.clip(round(CENTER - c), 0, SIZE - n)) for c, n in zip(center, box.shape, strict=True))
    out = np.zeros((SIZE, SIZE), np.float32)
    out[offset[0]:offset[0] + size[0], offset[1]:offset[1] + size[1]] = box
    return Preparation(bbox, ink_center, scale, box, center, offset, out)


def to_mnist(image) -> np.ndarray:
    """A white-on-black picture → the (28, 28) float32 image in [0, 1] an MNIST net expects.

    The ink's bounding box is scaled to fit 20×20 (aspect ratio kept, area-averaged so edges come out grey),
    then shifted in the 28×28 frame so its centre of mass Σ p·(r, c) / Σ p lands on pixel (14, 14).
    An empty picture gives all zeros. Accepts (H, W), (H, W, 3) or (H, W, 4) arrays of integers (uint8 0–255)
    or floats in [0, 1].
    """
    return prepare(image).image


def probabilities(net, x):
    """The net's 10 outputs for one prepared 28 × 28 digit x: y = softmax(net.scores(x as one row of 784)).

    The answer is argmax y. Uses the weights only (no layer state), so it may run while another thread trains.
    """
    from engine.blas import blas_threads
    from engine.functions import softmax

    with blas_threads(1):
        return softmax(net.scores(np.reshape(x, (1, SIZE * SIZE))))[0]


def classify(net, image):
    """Prepare a picture and ask a 784-input net what digit it is: (x, y) with x = to_mnist(image) and
    y = probabilities(net, x)."""
    x = to_mnist(image)
    return x, probabilities(net, x)


__all__ = ["to_mnist", "prepare", "classify", "probabilities", "Preparation", "bounding_box", "resize_area",
           "area_matrix",
           "center_of_mass", "as_gray", "SIZE", "BOX", "CENTER"]
