"""The book's two-layer net (chapters 4 and 5) and the lessons' logistic regression."""
from __future__ import annotations

import json
import os
import tempfile
from collections import OrderedDict

import numpy as np

from engine.calculus import numerical_gradient as _numerical_gradient
from engine.functions import DELTA, binary_cross_entropy, sigmoid
from engine.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss

ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}


def _labels(t):
    """Integer labels from one-hot rows or labels."""
    t = np.asarray(t)
    return t.argmax(axis=1) if t.ndim == 2 else t


class TwoLayerNet:
    """input → Affine → ReLU or Sigmoid → Affine → Softmax.

    W1 ~ N(0, weight_init_std²) of shape (input_size, hidden_size), b1 = 0, and likewise W2, b2.
    `dtype` float64 (default) keeps the book's numbers; float32 trains faster with the same results.
    """

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01, activation="relu",
                 seed=None, dtype=np.float64):
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, not {activation!r}")
        rng = np.random.default_rng(seed)
        self.activation = activation
        self.meta = {}
        self.params = {
            "W1": (weight_init_std * rng.standard_normal((input_size, hidden_size))).astype(dtype),
            "b1": np.zeros(hidden_size, dtype=dtype),
            "W2": (weight_init_std * rng.standard_normal((hidden_size, output_size))).astype(dtype),
            "b2": np.zeros(output_size, dtype=dtype),
        }
        self._build_layers()

    def _build_layers(self):
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Activation1"] = ACTIVATIONS[self.activation]()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = SoftmaxWithLoss()

    @property
    def sizes(self):
        """(input_size, hidden_size, output_size)."""
        return (*self.params["W1"].shape, self.params["W2"].shape[1])

    def predict(self, x):
        """The scores a2 (before softmax) for each row of x."""
        x = np.asarray(x, dtype=self.params["W1"].dtype)
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Cross-entropy error of softmax(predict(x)) against t (one-hot or labels)."""
        return self.last_layer.forward(self.predict(x), _t_for(t))

    def accuracy(self, x, t, batch_size=10000):
        """Fraction of rows whose argmax matches t (0–1, as in the book)."""
        labels = _labels(t)
        correct = 0
        for i in range(0, len(labels), batch_size):
            correct += self.count_correct(x[i:i + batch_size], labels[i:i + batch_size])
        return correct / len(labels)

    def count_correct(self, x, labels):
        """How many rows of x the net classifies as `labels` (integer labels): Σ_n [argmax a2_n = t_n]."""
        return int(np.count_nonzero(self.predicted_labels(x) == labels))

    def predicted_labels(self, x, batch_size=10000):
        """argmax of predict(x) for each row: the digit the net chooses.

        Computed from the weights alone in chunks of `batch_size` rows (no layer keeps any state), so several
        threads may classify at once.
        """
        return np.concatenate([self.scores(x[i:i + batch_size]).argmax(axis=1)
                               for i in range(0, len(x), batch_size)]) if len(x) else np.zeros(0, np.intp)

    def scores(self, x):
        """a2 = h(x·W1 + b1)·W2 + b2 — the same numbers as predict(x), from the weights alone, in place."""
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        a1 = np.matmul(np.asarray(x, dtype=W1.dtype), W1)
        np.add(a1, b1, out=a1)
        if self.activation == "relu":
            np.maximum(a1, 0, out=a1)
        else:  # σ(a) = ½ tanh(a/2) + ½
            np.multiply(a1, 0.5, out=a1)
            np.tanh(a1, out=a1)
            np.multiply(a1, 0.5, out=a1)
            np.add(a1, 0.5, out=a1)
        a2 = np.matmul(a1, W2)
        np.add(a2, b2, out=a2)
        return a2

    def gradient(self, x, t):
        """∂L/∂W for every parameter by backpropagation."""
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        a1, a2 = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": a1.dW, "b1": a1.db, "W2": a2.dW, "b2": a2.db}

    def numerical_gradient(self, x, t):
        """∂L/∂W for every parameter by central differences: 2 loss evaluations per parameter (slow)."""
        loss_W = lambda _: self.loss(x, t)  # noqa: E731 — the book's idiom: the loss reads the weights
        return {key: _numerical_gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")}

    def train_step(self, x_batch, t_batch, learning_rate):
        """One SGD step on a mini-batch, fused and in place; returns the mini-batch loss L (before the step).

        The same mathematics as ``grad = self.gradient(x, t)`` then ``W ← W − η·grad[W]`` for W1, b1, W2, b2:
            a1 = x·W1 + b1,  z1 = h(a1),  a2 = z1·W2 + b2,  y = softmax(a2)
            L  = −1/N Σ_n log(y[n, t_n] + 1e-7)
            δ2 = η (y − t) / N            (the error signal, scaled once by η/N)
            W2 ← W2 − z1ᵀ·δ2,  b2 ← b2 − Σ_n δ2
            δ1 = (δ2·W2ᵀ) ⊙ h'(a1)
            W1 ← W1 − xᵀ·δ1,   b1 ← b1 − Σ_n δ1
        but every intermediate array is a preallocated buffer (no allocation per step), which is what makes
        the live training fast. x_batch has the net's dtype; t_batch holds integer labels.
        """
        work = self.__dict__.get("_work")
        if work is None or work.batch_size != len(x_batch) or work.dtype != self.params["W1"].dtype:
            work = self._work = _StepBuffers(len(x_batch), *self.sizes, self.params["W1"].dtype)
        with np.errstate(over="ignore", invalid="ignore"):  # a blown-up step returns a non-finite loss instead
            return work.step(self.params, self.activation, x_batch, t_batch, learning_rate)

    def copy(self):
        """An independent TwoLayerNet with copies of the weights (same activation and meta)."""
        net = self.__class__.__new__(self.__class__)
        net.activation = self.activation
        net.meta = json.loads(json.dumps(self.meta))
        net.params = {key: value.copy() for key, value in self.params.items()}
        net._build_layers()
        return net

    def probabilities(self, x):
        """softmax(predict(x)): the network's 10 outputs as probabilities."""
        from engine.functions import softmax

        return softmax(self.predict(x))

    @property
    def metadata(self):
        """Notes kept with the weights (how the model was trained, its test accuracy, ...): the `meta` dict."""
        return self.meta

    def save(self, path, metadata=None):
        """Write params and settings to a .npz file atomically (temp file + rename).

        `metadata` (a JSON-serialisable dict) is merged into `meta` first and saved with the weights;
        TwoLayerNet.load gives it back as `metadata`.
        """
        if metadata:
            self.meta.update(json.loads(json.dumps(metadata)))
        path = os.fspath(path)
        folder = os.path.dirname(os.path.abspath(path))
        header = json.dumps({"activation": self.activation, "meta": self.meta})
        fd, tmp = tempfile.mkstemp(suffix=".npz", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, header=np.array(header), **self.params)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise

    @classmethod
    def load(cls, path):
        """Read a network saved by save(); a wrong or corrupt file raises ValueError naming it."""
        name = os.path.basename(os.fspath(path))
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(str(data["header"]))
                params = {key: np.array(data[key]) for key in ("W1", "b1", "W2", "b2")}
        except FileNotFoundError:
            raise
        except KeyError as exc:
            raise ValueError(f"{name}: not a Gradient Lab model (missing {exc})") from None
        except Exception as exc:  # zip / npy / json errors from a damaged or foreign file
            raise ValueError(f"{name}: not a readable model file ({exc})") from None
        W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
        if not (W1.ndim == 2 and W2.ndim == 2 and b1.shape == (W1.shape[1],) and W2.shape[0] == W1.shape[1]
                and b2.shape == (W2.shape[1],)):
            raise ValueError(f"{name}: parameter shapes do not fit together "
                             f"(W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape})")
        if not all(np.all(np.isfinite(p)) for p in params.values()):
            raise ValueError(f"{name}: the model holds NaN or infinite weights")
        activation = header.get("activation", "relu")
        if activation not in ACTIVATIONS:
            raise ValueError(f"{name}: unknown activation {activation!r}")
        net = cls.__new__(cls)
        net.activation = activation
        net.meta = header.get("meta", {})
        net.params = params
        net._build_layers()
        return net


class _StepBuffers:
    """The preallocated arrays of TwoLayerNet.train_step for one batch size (see its docstring for the maths)."""

    def __init__(self, batch_size, input_size, hidden_size, output_size, dtype):
        self.batch_size, self.dtype = batch_size, np.dtype(dtype)
        empty = lambda *shape: np.empty(shape, dtype=dtype)  # noqa: E731
        self.a1, self.z1, self.mask, self.d1 = (empty(batch_size, hidden_size) for _ in range(4))
        self.a2 = empty(batch_size, output_size)
        self.row = empty(batch_size, 1)
        self.gW1, self.gb1 = empty(input_size, hidden_size), empty(hidden_size)
        self.gW2, self.gb2 = empty(hidden_size, output_size), empty(output_size)
        self.ones = np.ones(batch_size, dtype=dtype)  # Σ_n δ as a product 1ᵀ·δ (one BLAS call)
        self.rows = np.arange(batch_size)
        self.zero, self.half, self.delta = (self.dtype.type(v) for v in (0, 0.5, DELTA))

    def step(self, params, activation, x, t, lr):
        W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
        a1, z1, mask, d1, a2, row = self.a1, self.z1, self.mask, self.d1, self.a2, self.row
        n = len(t)
        # forward: a1 = x·W1 + b1, z1 = h(a1), with the derivative h'(a1) kept in `mask`
        np.matmul(x, W1, out=a1)
        np.add(a1, b1, out=a1)
        if activation == "relu":  # z1 = max(0, a1); h'(a1) = 1 where a1 > 0, else 0
            np.greater(a1, self.zero, out=mask)
            np.multiply(a1, mask, out=z1)
        else:  # z1 = σ(a1) = ½ tanh(a1/2) + ½ (the same value, but never overflows); h'(a1) = z1 (1 − z1)
            np.multiply(a1, self.half, out=z1)
            np.tanh(z1, out=z1)
            np.multiply(z1, self.half, out=z1)
            np.add(z1, self.half, out=z1)
            np.subtract(1, z1, out=mask)
            np.multiply(mask, z1, out=mask)
        # a2 = z1·W2 + b2, then y = softmax(a2) in place, shifted by each row's maximum
        np.matmul(z1, W2, out=a2)
        np.add(a2, b2, out=a2)
        np.maximum.reduce(a2, axis=1, keepdims=True, out=row)
        np.subtract(a2, row, out=a2)
        np.exp(a2, out=a2)
        np.add.reduce(a2, axis=1, keepdims=True, out=row)
        np.divide(a2, row, out=a2)
        # L = −1/N Σ log(y[n, t_n] + 1e-7), and y − t (t one-hot) in place
        y_t = a2[self.rows, t]
        a2[self.rows, t] = y_t - 1
        np.add(y_t, self.delta, out=y_t)
        np.log(y_t, out=y_t)
        loss = -float(np.add.reduce(y_t)) / n
        # backward: δ2 = η (y − t) / N;  W2 ← W2 − z1ᵀ·δ2,  b2 ← b2 − 1ᵀ·δ2
        np.multiply(a2, self.dtype.type(lr / n), out=a2)
        np.matmul(z1.T, a2, out=self.gW2)
        np.matmul(self.ones, a2, out=self.gb2)
        np.matmul(a2, W2.T, out=d1)  # δ2·W2ᵀ with W2 before its update
        np.subtract(W2, self.gW2, out=W2)
        np.subtract(b2, self.gb2, out=b2)
        # δ1 = (δ2·W2ᵀ) ⊙ h'(a1);  W1 ← W1 − xᵀ·δ1,  b1 ← b1 − 1ᵀ·δ1
        np.multiply(d1, mask, out=d1)
        np.matmul(x.T, d1, out=self.gW1)
        np.matmul(self.ones, d1, out=self.gb1)
        np.subtract(W1, self.gW1, out=W1)
        np.subtract(b1, self.gb1, out=b1)
        return loss


class PixelSteps:
    """TwoLayerNet.train_step for images given as pixel levels (x = level / 255), leaving out of the two big
    products the pixels that are 0 in every image of the mini-batch.

    The same formulas as train_step, so the same numbers up to float32 rounding:
      * a pixel that is 0 in all N images adds 0·w = 0 to every a1 = x·W1, and its row of ∂L/∂W1 = xᵀ·δ1 is 0,
        so its weights stay as they are: x·W1 and xᵀ·δ1 only need the pixels non-zero somewhere in the batch
        (MNIST: ≈ 515 of 784 for 100 images, so a third fewer multiplications in both products);
      * the 1/255 lives in the weights: this class holds W1/255, and b1/255 as one more row against a constant
        input 255, so a1 = levels·(W1/255) + 255·(b1/255) = x·W1 + b1 needs no division of the batch, and
        W1 ← W1 − xᵀ·δ1 (likewise b1) becomes W1/255 ← W1/255 − levelsᵀ·(δ1/255²);
      * b2 is the last row of [W2; b2] against a constant 1 appended to z1: z1·W2 + b2 in one product, and
        its gradient Σ_n δ2 comes out of z1ᵀ·δ2 as that row.
    Pixels are stored most-often-non-zero first: the first `dense` are always used, as one block; the others
    only when non-zero somewhere in the batch, gathered next to that block. Nothing depends on the activation
    (ReLU or sigmoid): only the first layer's input is left out.

    The weights live here between load(params) and store(params); in between, the net's params are stale.
    """

    def __init__(self, levels, labels, order, dense, batch_size, hidden_size, output_size, activation,
                 add_product=None):
        """levels: (M, P) uint8, columns in the pixel order `order` (levels[:, j] is pixel order[j]; pixels not
        in `order` must be 0 in every image: their weights are left as they are); labels:
        (M,) integer labels; the first `dense` columns are always used. add_product(x, d, W), when given,
        returns f(k, α) doing W[:k] += α·x[:, :k]ᵀ·d in place (training.blas_add_product) or None."""
        self.levels, self.order, self.dense, self.activation = levels, order, dense, activation
        n, pixels, h, o = batch_size, levels.shape[1], hidden_size, output_size
        self.batch_size = n
        self.label_row = np.asarray(labels, dtype=np.intp) * n  # where y[t, 0] is in y.ravel() (y is classes × N)
        self.columns = np.arange(n)
        f32 = lambda *shape: np.empty(shape, dtype=np.float32)  # noqa: E731
        self.batch = np.empty((n, pixels), dtype=np.uint8)
        self.x = f32(n, 1 + pixels)  # [255, levels of the used pixels]
        self.x[:, 0] = 255
        self.W = f32(1 + pixels, h)  # [b1; W1 of the dense pixels; W1 of this batch's other used pixels] / 255
        self.W_rest = f32(pixels, h)  # W1 / 255 of the pixels after the dense ones (rows dense…P−1)
        self.rest_max = np.zeros(pixels, dtype=np.uint8)  # max level of each of those pixels in the batch
        self.W2 = f32(h + 1, o)  # [W2; b2]
        self.z1 = np.ones((n, h + 1), dtype=np.float32)  # [z1, 1]
        self.a1, self.mask, self.d1 = f32(n, h), f32(n, h), f32(n, h)
        self.y = f32(o, n)  # a2, then y = softmax(a2), then δ2 — transposed: the sums over classes run fast
        self.views = (self.z1[:, :-1], self.z1.T, self.y.T, self.y.reshape(-1), self.W2.T, self.W2[:-1].T)
        self.col = f32(n)
        self.y_t, self.minus_one = f32(n), np.float32(-1)
        self.gW2 = f32(h + 1, o)
        self.add_product = add_product and add_product(self.x, self.d1, self.W)
        self.gW = None if self.add_product else f32(1 + pixels, h)

    def load(self, params):
        """Take the net's W1, b1, W2, b2 (in the original pixel order) into this layout."""
        W1 = params["W1"][self.order] / np.float32(255)
        self.W[0] = params["b1"] / np.float32(255)
        self.W[1:1 + self.dense] = W1[:self.dense]
        self.W_rest[self.dense:] = W1[self.dense:]
        self.W2[:-1], self.W2[-1] = params["W2"], params["b2"]

    def store(self, params):
        """Write the weights back into the net's arrays (in place, original pixel order)."""
        W1 = np.concatenate([self.W[1:1 + self.dense], self.W_rest[self.dense:]])
        params["W1"][self.order] = W1 * np.float32(255)
        params["b1"][...] = self.W[0] * np.float32(255)
        params["W2"][...], params["b2"][...] = self.W2[:-1], self.W2[-1]

    def picks(self, batches):
        """For each row of `batches` (image indices, N per batch), the positions of y[t_n, n] in y.ravel()."""
        return np.take(self.label_row, batches) + self.columns

    def gather(self, rows):
        """Copy the batch's levels into x; return k, the columns of x (and rows of W) this batch uses."""
        batch, x, dense = self.batch, self.x, self.dense
        np.take(self.levels, rows, axis=0, out=batch, mode="clip")
        np.maximum.reduce(batch[:, dense:], axis=0, out=self.rest_max[dense:])
        used = self.used = self.rest_max.nonzero()[0]  # the other pixels non-zero somewhere in the batch
        k = 1 + dense + len(used)
        np.copyto(x[:, 1:1 + dense], batch[:, :dense])
        np.copyto(x[:, 1 + dense:k], batch[:, used])
        np.take(self.W_rest, used, axis=0, out=self.W[1 + dense:k], mode="clip")
        return k

    def step(self, rows, picks, learning_rate):
        """One SGD step on the images `rows` (picks: their row of picks()); returns the mini-batch loss L before
        the step (see the class)."""
        k = self.gather(rows)
        x, W = self.x[:, :k], self.W[:k]
        a1, mask, d1, y, col, W2, n = self.a1, self.mask, self.d1, self.y, self.col, self.W2, self.batch_size
        z1, z1_1T, yT, y_flat, W2_b2T, W2T = self.views  # z1, [z1, 1]ᵀ, yᵀ, y.ravel(), [W2; b2]ᵀ, W2ᵀ
        # forward: a1 = x·W1 + b1, z1 = h(a1) with h'(a1) in `mask`, a2ᵀ = ([z1, 1]·[W2; b2])ᵀ
        np.matmul(x, W, out=a1)
        if self.activation == "relu":  # h'(a1) = [a1 > 0], z1 = a1 ⊙ h'(a1)
            np.greater(a1, 0.0, out=mask)
            np.multiply(a1, mask, out=z1)
        else:  # σ(a) = ½ tanh(a/2) + ½;  σ'(a) = σ(1 − σ)
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
        # L = −1/N Σ log(y[t_n, n] + 1e-7);  y − t in place
        y_t = self.y_t
        np.take(y_flat, picks, out=y_t, mode="clip")
        np.add.at(y_flat, picks, self.minus_one)
        np.add(y_t, DELTA, out=y_t)
        np.log(y_t, out=y_t)
        loss = -float(np.add.reduce(y_t)) / n
        # backward: δ2 = η (y − t) / N;  [W2; b2] ← [W2; b2] − [z1, 1]ᵀ·δ2
        np.multiply(y, learning_rate / n, out=y)
        np.dot(z1_1T, yT, out=self.gW2)
        # δ1 = (δ2·W2ᵀ) ⊙ h'(a1) with W2 before its update;  W ← W − xᵀ·δ1/255²
        np.dot(yT, W2T, out=d1)
        np.subtract(W2, self.gW2, out=W2)
        np.multiply(d1, mask, out=d1)
        if self.add_product:
            self.add_product(k, -1 / 255 ** 2)
        else:
            gW = self.gW[:k]
            np.matmul(x.T, d1, out=gW)
            np.multiply(gW, 1 / 255 ** 2, out=gW)
            np.subtract(W, gW, out=W)
        self.W_rest[self.used] = W[1 + self.dense:]
        return loss


def _t_for(t):
    """t as given (one-hot rows) or as integer labels for SoftmaxWithLoss."""
    t = np.asarray(t)
    return t if t.ndim == 2 else t.astype(np.intp)


class LogisticRegression:
    """ŷ = σ(X·w + b) — one neuron, trained by full-batch gradient descent (the lessons' cat classifier).

    X is (samples, features), y is 0/1 of shape (samples,). params {w (features,), b} start at zero.
    """

    def __init__(self, n_features):
        self.params = {"w": np.zeros(n_features), "b": 0.0}

    def predict_proba(self, X):
        """ŷ = σ(X·w + b)."""
        return sigmoid(np.asarray(X, dtype=np.float64) @ self.params["w"] + self.params["b"])

    def propagate(self, X, y):
        """Forward and backward: cost J = mean L(ŷ, y); dw = Xᵀ(ŷ − y)/m, db = mean(ŷ − y)."""
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        m = X.shape[0]
        y_hat = self.predict_proba(X)
        cost = float(np.mean(binary_cross_entropy(y_hat, y)))
        dz = y_hat - y
        grads = {"w": X.T @ dz / m, "b": float(np.sum(dz) / m)}
        return grads, cost

    def predict(self, X):
        """1 where ŷ > 0.5, else 0."""
        return (self.predict_proba(X) > 0.5).astype(np.int64)

    def accuracy(self, X, y):
        """Percentage of correct predictions: 100 − mean|ŷ_class − y| · 100, as the lessons print it."""
        return 100.0 - float(np.mean(np.abs(self.predict(X) - np.asarray(y)))) * 100.0


__all__ = ["TwoLayerNet", "LogisticRegression", "PixelSteps", "DELTA"]
