"""The one fast training step of the two-layer net: the book's SGD step, fused, on preallocated buffers.

Pure NumPy; tested equal to TwoLayerNet.gradient + W ← W − η·∂L/∂W (tests/engine/test_fast_step.py).
"""
from __future__ import annotations

import numpy as np

from engine.functions import DELTA, as_labels


class FastStep:
    """Mini-batch SGD steps of a float32 TwoLayerNet on images given as pixel levels k (x = k/255).

    Each step is the book's mathematics (ch05 two_layer_net.py + train_neuralnet.py) in one function:
        forward    a1 = x·W1 + b1,   z1 = h(a1),   a2 = z1·W2 + b2,   y = softmax(a2)
                   L  = −1/N Σ_n log(y[n, t_n] + 1e-7)
        backward   δ2 = (y − t) / N                  (SoftmaxWithLoss)
                   dW2 = z1ᵀ·δ2,   db2 = Σ_n δ2      (Affine2)
                   δ1 = (δ2·W2ᵀ) ⊙ h'(a1)            (ReLU: [a1 > 0];  sigmoid: z1 (1 − z1);  identity: 1)
                   dW1 = xᵀ·δ1,    db1 = Σ_n δ1      (Affine1)
        SGD        W ← W − η·dW  for W1, b1, W2, b2
        L2 (λ > 0) L += λ/(2N)·(ΣW1² + ΣW2²),  dW += λW/N: W ← (1 − ηλ/N)·W − η·dW for W1 and W2 only
    with these tricks, each measured by bench/train_step.py (784-50-10, batch 100, one BLAS thread, medians of
    5 interleaved rounds, load average ≈ 1 on 2 cores: the differences are what counts):
      * pixels that are 0 in the whole batch are left out of x·W1 and xᵀ·δ1 — exact: such a pixel adds 0·w to
        every a1 and its row of dW1 is 0. MNIST uses ≈ 515 of 784 per batch: a third fewer multiplications in
        the two big products. The pixels are kept sorted by how often they are non-zero: the `dense` ones that
        are in most batches always take part, as one block; the others are gathered only when a batch has them,
        found by a bitwise OR over the batch's images (measured: 208 µs a step against 244 µs with every pixel);
      * the training images as a uint8 copy made once per run (a quarter of float32's bytes to gather), with
        the 1/255 kept in the weights: this class holds W1/255 and b1/255 (as a row against a constant input
        255), so a1 = k·(W1/255) + 255·(b1/255) = x·W1 + b1, and the update W1/255 ← W1/255 − kᵀ·δ1/255²
        (measured: a batch assembled in 30 µs against 158 µs from the float32 images; the preparation, copy
        included, costs 0.11 s once, its check that x == float32(k)/255 by division 53 ms against 111 ms by
        a table look-up);
      * b2 folded in as the last row of [W2; b2] against a constant 1 appended to z1: one product, and db2
        comes out of [z1, 1]ᵀ·δ2 (measured for b1: 120 µs against 130 µs added and summed apart);
      * y kept transposed, classes × N: softmax's maximum and sum run along rows of N numbers rather than over
        N rows of 10, and y[t_n, n] is picked with the labels as uint8, small enough to stay in the cache
        (measured for softmax, loss and y − t: 15 µs against 22 µs on y as N × classes);
      * the big products by np.matmul, which passes the batch's view x[:, :k]ᵀ to BLAS as it is where np.dot
        copies it (measured for xᵀ·δ1: 66 µs against 81 µs); the small ones by np.dot on views made once;
      * every array preallocated, each operation writing into its buffer (only the N values y[t_n, n] are new
        arrays), and η/N applied once to y − t.
    The weights live here from construction until store(): in between, net.params is stale.
    """

    def __init__(self, net, x_train, t_train, batch_size, dense=None):
        """x_train: (M, P) float32 images k/255 (load_mnist's) or their uint8 levels k; t_train: labels or
        one-hot rows. `dense`: how many of the most often non-zero pixels always take part (default: those
        non-zero in at least half of all batches). Raises ValueError for a net that is not float32 or images
        that are not levels / 255 (FastStep.for_run returns None then)."""
        if net.params["W1"].dtype != np.float32 or x_train.ndim != 2 or x_train.shape[1] != net.sizes[0]:
            raise ValueError("FastStep trains a float32 net on rows of pixel levels")
        counts = np.count_nonzero(x_train, axis=0)  # level 0 is exactly 0.0, any other level is > 0
        order = np.argsort(-counts, kind="stable")
        self.order = order[counts[order] > 0]  # pixels 0 in every image never change their weights: left out
        self.levels = pixel_levels(x_train, self.order)
        if self.levels is None:
            raise ValueError("the images are not pixel levels k/255")
        p = counts[self.order] / max(1, len(x_train))  # (1 − p)^N: the chance a batch has the pixel all 0
        self.dense = int(np.count_nonzero((1 - p) ** batch_size <= 0.5)) if dense is None else int(dense)
        self.net, self.labels, self.activation = net, as_labels(t_train), net.activation
        n, pixels, (_, h, o) = batch_size, len(self.order), net.sizes
        f32 = lambda *shape: np.empty(shape, dtype=np.float32)  # noqa: E731
        self.batch = np.empty((n, pixels), dtype=np.uint8)
        self.rest_or = np.zeros(pixels, dtype=np.uint8)  # per batch: OR of each sparse pixel's levels (0: unused)
        self.x = f32(n, 1 + pixels)  # [255, levels of the dense pixels, levels of this batch's sparse ones]
        self.x[:, 0] = 255
        self.W = f32(1 + pixels, h)  # [b1; W1 of the dense pixels; W1 of this batch's sparse pixels] / 255
        self.W_rest = f32(pixels, h)  # W1 / 255 of the sparse pixels (rows dense … P−1), between batches
        self.gW = f32(1 + pixels, h)
        self.W2 = f32(h + 1, o)  # [W2; b2]
        self.gW2 = f32(h + 1, o)
        self.z1 = np.ones((n, h + 1), dtype=np.float32)  # [z1, 1]
        self.a1, self.mask, self.d1 = f32(n, h), f32(n, h), f32(n, h)
        self.y = f32(o, n)  # a2, then y = softmax(a2), then δ2, transposed: classes × N (sums along rows)
        self.col = f32(n)
        self.labels8 = self.labels.astype(np.uint8 if o <= 256 else np.intp)  # small: stays in the cache
        self.t, self.n_range = np.empty(n, dtype=self.labels8.dtype), np.arange(n)
        self.views = (self.z1[:, :-1], self.z1.T, self.y.T, self.W2.T, self.W2[:-1].T)  # made once
        self.lam = float(getattr(net, "weight_decay_lambda", 0.0))
        # L2 shrinks every weight each step, also those of the pixels left out (0 in every image, so no gradient):
        # they are W1·Π(1 − ηλ/N), applied in store(); `shrunk` is that product, `left_out` their ΣW1²
        self.left_out = np.setdiff1d(np.arange(net.sizes[0]), self.order)
        self.left_out_sq = float(np.sum(np.square(net.params["W1"][self.left_out], dtype=np.float64)))
        self.shrunk = 1.0
        self._load(net.params)

    @classmethod
    def for_run(cls, net, x_train, t_train, batch_size):
        """A FastStep for this run, or None where it does not apply (then the book's path trains)."""
        try:
            return cls(net, x_train, t_train, batch_size)
        except ValueError:
            return None

    def _load(self, params):
        """Take the net's W1, b1, W2, b2 into this layout (pixels in `order`, 1/255 in W1 and b1)."""
        W1 = params["W1"][self.order] / np.float32(255)
        self.W[0] = params["b1"] / np.float32(255)
        self.W[1:1 + self.dense] = W1[:self.dense]
        self.W_rest[self.dense:] = W1[self.dense:]
        self.W2[:-1], self.W2[-1] = params["W2"], params["b2"]

    def store(self):
        """Write the weights back into the net's own arrays (in place, in the original pixel order)."""
        params, dense = self.net.params, self.dense
        params["W1"][self.order] = np.concatenate([self.W[1:1 + dense], self.W_rest[dense:]]) * np.float32(255)
        params["b1"][...] = self.W[0] * np.float32(255)
        params["W2"][...], params["b2"][...] = self.W2[:-1], self.W2[-1]
        if self.shrunk != 1.0:
            params["W1"][self.left_out] *= np.float32(self.shrunk)
            self.left_out_sq *= self.shrunk ** 2
            self.shrunk = 1.0

    def _gather(self, rows):
        """Copy the batch's levels into x (dense pixels, then the sparse ones it uses) and those sparse pixels'
        weights into W; return k, how many columns of x (rows of W) the step uses."""
        batch, x, dense = self.batch, self.x, self.dense
        np.take(self.levels, rows, axis=0, out=batch, mode="clip")
        np.bitwise_or.reduce(batch[:, dense:], axis=0, out=self.rest_or[dense:])
        self.used = self.rest_or.nonzero()[0]
        k = 1 + dense + len(self.used)
        np.copyto(x[:, 1:1 + dense], batch[:, :dense])
        np.copyto(x[:, 1 + dense:k], batch[:, self.used])
        np.take(self.W_rest, self.used, axis=0, out=self.W[1 + dense:k], mode="clip")
        return k

    def step(self, rows, learning_rate):
        """One SGD step on the training images `rows`; returns the mini-batch loss L (before the step)."""
        k = self._gather(rows)
        x, W, gW = self.x[:, :k], self.W[:k], self.gW[:k]
        a1, mask, d1, y, col, W2, n = self.a1, self.mask, self.d1, self.y, self.col, self.W2, len(rows)
        z1, z1_1T, yT, W2_b2T, W2T = self.views  # z1, [z1, 1]ᵀ, yᵀ, [W2; b2]ᵀ, W2ᵀ
        # forward: a1 = x·W1 + b1; z1 = h(a1), with h'(a1) kept in mask; a2ᵀ = [W2; b2]ᵀ·[z1, 1]ᵀ
        np.matmul(x, W, out=a1)
        if self.activation == "relu":  # z1 = max(0, a1);  h'(a1) = [a1 > 0]
            np.greater(a1, 0, out=mask)
            np.multiply(a1, mask, out=z1)
        elif self.activation == "identity":  # z1 = a1;  h'(a1) = 1
            np.copyto(z1, a1)
            mask.fill(1)
        else:  # z1 = σ(a1) = ½ tanh(a1/2) + ½ (the same value, never overflowing);  h'(a1) = z1 (1 − z1)
            np.multiply(a1, 0.5, out=a1)
            np.tanh(a1, out=a1)
            np.multiply(a1, 0.5, out=a1)
            np.add(a1, 0.5, out=z1)
            np.subtract(1, z1, out=mask)
            np.multiply(mask, z1, out=mask)
        np.dot(W2_b2T, z1_1T, out=y)
        # y = softmax(a2), each image's column shifted by its maximum
        np.maximum.reduce(y, axis=0, out=col)
        np.subtract(y, col, out=y)
        np.exp(y, out=y)
        np.add.reduce(y, axis=0, out=col)
        np.divide(y, col, out=y)
        # L = −1/N Σ_n log(y[t_n, n] + 1e-7); then y − t in place, and δ2 = η (y − t) / N
        picks = (np.take(self.labels8, rows, out=self.t), self.n_range)
        y_t = y[picks]
        y[picks] = y_t - 1
        loss = -float(np.add.reduce(np.log(y_t + DELTA))) / n
        if self.lam:
            loss += self.lam / (2 * n) * self._sum_of_squares()
        np.multiply(y, np.float32(learning_rate / n), out=y)
        # δ1 = (δ2·W2ᵀ) ⊙ h'(a1), with W2 before its update; then [W2; b2] ← [W2; b2] − [z1, 1]ᵀ·δ2
        np.dot(yT, W2T, out=d1)
        np.multiply(d1, mask, out=d1)
        np.dot(z1_1T, yT, out=self.gW2)
        shrink = np.float32(1 - learning_rate * self.lam / n) if self.lam else None
        if shrink is not None:  # L2: W ← (1 − ηλ/N)·W − η·dW (the biases' rows are not decayed)
            np.multiply(W2[:-1], shrink, out=W2[:-1])
        np.subtract(W2, self.gW2, out=W2)
        # W ← W − xᵀ·δ1 / 255²  (W holds [b1; W1] / 255 and x the levels)
        np.multiply(d1, np.float32(1 / 255 ** 2), out=d1)
        np.matmul(x.T, d1, out=gW)
        if shrink is not None:  # every pixel's row: those in this batch (W) and the others (W_rest)
            np.multiply(W[1:], shrink, out=W[1:])
            np.multiply(self.W_rest[self.dense:], shrink, out=self.W_rest[self.dense:])
            self.shrunk *= float(shrink)
        np.subtract(W, gW, out=W)
        self.W_rest[self.used] = W[1 + self.dense:]
        return loss

    def _sum_of_squares(self) -> float:
        """ΣW1² + ΣW2² of the weights as they are before this step's update (W1 back from its /255 scale)."""
        in_order = (np.sum(np.square(self.W[1:1 + self.dense], dtype=np.float64))
                    + np.sum(np.square(self.W_rest[self.dense:], dtype=np.float64)))
        return (255.0 ** 2 * float(in_order) + self.left_out_sq * self.shrunk ** 2
                + float(np.sum(np.square(self.W2[:-1], dtype=np.float64))))


def pixel_levels(x, columns, chunk=512):
    """The uint8 levels k of the `columns` of x, where x == float32(k) / 255 exactly (load_mnist(normalize=True)'s
    images); None when x is anything else. uint8 x are levels already.

    Read chunk by chunk (each small enough to stay in the cache): k = rint(255·x) as uint8, then the check that
    float32(k) / 255 gives x back — a value out of 0…255, NaN, or a number between two levels all fail it.
    """
    x = np.asarray(x)
    if x.dtype == np.uint8:
        return np.ascontiguousarray(x[:, columns])
    if x.dtype != np.float32 or x.ndim != 2:
        return None
    levels = np.empty((len(x), len(columns)), dtype=np.uint8)
    k, k8 = np.empty((chunk, x.shape[1]), np.float32), np.empty((chunk, x.shape[1]), np.uint8)
    with np.errstate(invalid="ignore"):  # NaN or out of range: cast to some level, then caught by the check
        for i in range(0, len(x), chunk):
            part = x[i:i + chunk]
            n = len(part)
            np.rint(np.multiply(part, np.float32(255), out=k[:n]), out=k[:n])
            np.copyto(k8[:n], k[:n], casting="unsafe")
            if not np.array_equal(np.divide(k8[:n], np.float32(255), out=k[:n], dtype=np.float32), part):
                return None
            np.take(k8[:n], columns, axis=1, out=levels[i:i + n])
    return levels
