"""The book's networks: simpleNet (§4.4.2), the two-layer net (ch04 / ch05) and the lessons' logistic regression.

Read TwoLayerNet beside the book's ch05/two_layer_net.py: the same names (params, layers, last_layer, predict,
loss, accuracy, numerical_gradient, gradient), the layers of engine.layers. Speed lives in engine.fast_step.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import OrderedDict

import numpy as np

from engine.calculus import numerical_gradient
from engine.files import usual_mode
from engine.functions import as_labels, binary_cross_entropy, cross_entropy_error, one_hot, relu, sigmoid, softmax
from engine.layers import Affine, Identity, Relu, Sigmoid, SoftmaxWithLoss

PARAM_KEYS = ("W1", "b1", "W2", "b2")
ACTIVATIONS = {"relu": (Relu, relu), "sigmoid": (Sigmoid, sigmoid),  # the layer, and its function
               "identity": (Identity, lambda a: a)}  # h(a) = a: the two layers collapse into one linear map


class SimpleNet:
    """The book's simpleNet (§4.4.2): one 2×3 weight matrix W, no bias, no hidden layer.

        p = x·W,   y = softmax(p),   L = cross_entropy_error(y, t),   ∂L/∂W = x ⊗ (y − t)
    """

    def __init__(self, W=None, seed=None):
        self.W = np.random.default_rng(seed).standard_normal((2, 3)) if W is None else np.array(W, dtype=float)

    def predict(self, x):
        """p = x·W."""
        return np.dot(x, self.W)

    def loss(self, x, t):
        """L = cross_entropy_error(softmax(x·W), t)."""
        return cross_entropy_error(softmax(self.predict(x)), t)

    def gradient(self, x, t):
        """∂L/∂W = x ⊗ (y − t) for one input (xᵀ·(y − t) / N for a batch), worked out by hand."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        y = softmax(self.predict(x))
        t = np.reshape(t, y.shape) if np.size(t) == y.size else one_hot(as_labels(t), y.shape[1])
        return x.T @ (y - t) / len(x)

    def numerical_gradient(self, x, t):
        """∂L/∂W by central differences, as the book computes dW: numerical_gradient(f, net.W)."""
        return numerical_gradient(lambda W: self.loss(x, t), self.W)


class TwoLayerNet:
    """input → Affine → ReLU, Sigmoid or Identity → Affine → SoftmaxWithLoss.

    W1 ~ N(0, weight_init_std²) of shape (input_size, hidden_size), b1 = 0, and likewise W2, b2.
    `dtype` float64 (the default) keeps the book's numbers; float32 trains faster with the same results.
    `meta` holds notes kept with the weights (how the model was trained, its test accuracy, ...).
    `weight_decay_lambda` λ adds L2 regularisation in the lessons' form (m = the batch's rows):
        L = CE + λ/(2m)·(ΣW1² + ΣW2²),   ∂L/∂W += λW/m   (biases not decayed)
    — the book's ch06 writes ½λ'·ΣW² with ∂L/∂W += λ'W: the same with λ' = λ/m.
    """

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01, activation="relu",
                 seed=None, dtype=np.float64, weight_decay_lambda=0.0):
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, not {activation!r}")
        rng = np.random.default_rng(seed)
        self.activation = activation
        self.weight_decay_lambda = float(weight_decay_lambda)
        self.meta = {}
        self.params = {
            "W1": (weight_init_std * rng.standard_normal((input_size, hidden_size))).astype(dtype),
            "b1": np.zeros(hidden_size, dtype=dtype),
            "W2": (weight_init_std * rng.standard_normal((hidden_size, output_size))).astype(dtype),
            "b2": np.zeros(output_size, dtype=dtype),
        }
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Activation1"] = ACTIVATIONS[activation][0]()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = SoftmaxWithLoss()

    @classmethod
    def from_params(cls, params, activation="relu", meta=None, weight_decay_lambda=0.0):
        """A net holding copies of `params` (W1, b1, W2, b2 in their dtype) — for copy, load and gradient_check."""
        W1, b1, W2, b2 = (np.asarray(params[key]) for key in PARAM_KEYS)
        if not (W1.ndim == 2 and W2.ndim == 2 and b1.shape == (W1.shape[1],) and W2.shape[0] == W1.shape[1]
                and b2.shape == (W2.shape[1],)):
            raise ValueError(f"parameter shapes do not fit together "
                             f"(W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape})")
        net = cls(W1.shape[0], W1.shape[1], W2.shape[1], activation=activation, dtype=W1.dtype,
                  weight_decay_lambda=weight_decay_lambda)
        for key, value in zip(PARAM_KEYS, (W1, b1, W2, b2), strict=True):
            net.params[key][...] = value  # in place: the layers hold these arrays
        net.meta = json.loads(json.dumps(meta or {}))
        return net

    @property
    def sizes(self):
        """(input_size, hidden_size, output_size)."""
        return (*self.params["W1"].shape, self.params["W2"].shape[1])

    def predict(self, x):
        """The scores a2 (before softmax) for each row of x, through the layers."""
        x = np.asarray(x, dtype=self.params["W1"].dtype)
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def scores(self, x):
        """a2 = h(x·W1 + b1)·W2 + b2: predict(x) from the weights alone (no layer keeps state), so several
        threads may use the net at once (accuracy while training, the Draw tab)."""
        W1, b1, W2, b2 = (self.params[key] for key in PARAM_KEYS)
        return ACTIVATIONS[self.activation][1](np.asarray(x, dtype=W1.dtype) @ W1 + b1) @ W2 + b2

    def loss(self, x, t):
        """Cross-entropy error of softmax(predict(x)) against t (one-hot or labels), + λ/(2m)·ΣW² when λ > 0."""
        return self.last_layer.forward(self.predict(x), as_labels(t)) + self.weight_decay(len(x))

    def weight_decay(self, m):
        """The loss's L2 term λ/(2m)·(ΣW1² + ΣW2²) for a batch of m rows (0.0 when λ = 0)."""
        if not self.weight_decay_lambda:
            return 0.0
        W1, W2 = self.params["W1"], self.params["W2"]
        return self.weight_decay_lambda / (2 * m) * float(np.sum(W1 * W1) + np.sum(W2 * W2))

    def predicted_labels(self, x, batch_size=10000):
        """argmax of scores(x) for each row (the class the net chooses), in chunks of `batch_size` rows."""
        if len(x) == 0:
            return np.zeros(0, np.intp)
        chunks = (self.scores(x[i:i + batch_size]).argmax(axis=1) for i in range(0, len(x), batch_size))
        return np.concatenate(list(chunks))

    def accuracy(self, x, t, batch_size=10000):
        """Fraction of rows whose argmax matches t (0–1, as in the book)."""
        labels = as_labels(t)
        return int(np.count_nonzero(self.predicted_labels(x, batch_size) == labels)) / len(labels)

    def numerical_gradient(self, x, t):
        """∂L/∂W for every parameter by central differences: 2 loss evaluations per parameter (slow)."""
        loss_W = lambda W: self.loss(x, t)  # noqa: E731 — the book's idiom: the loss reads the weights
        return {key: numerical_gradient(loss_W, self.params[key]) for key in PARAM_KEYS}

    def gradient(self, x, t):
        """∂L/∂W for every parameter by backpropagation: forward, then each layer's backward in reverse."""
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        affine1, affine2 = self.layers["Affine1"], self.layers["Affine2"]
        grads = {"W1": affine1.dW, "b1": affine1.db, "W2": affine2.dW, "b2": affine2.db}
        if self.weight_decay_lambda:  # L2: + λW/m
            for key in ("W1", "W2"):
                grads[key] = grads[key] + self.weight_decay_lambda / len(x) * self.params[key]
        return grads

    def copy(self):
        """An independent TwoLayerNet with copies of the weights (same activation and meta)."""
        return TwoLayerNet.from_params(self.params, self.activation, self.meta, self.weight_decay_lambda)

    def save(self, path, metadata=None):
        """Write params and settings to a .npz file atomically (temp file + rename).

        `metadata` (a JSON-serialisable dict) is merged into `meta` first and saved with the weights.
        """
        if metadata:
            self.meta.update(json.loads(json.dumps(metadata)))
        path = os.fspath(path)
        header = json.dumps({"activation": self.activation, "meta": self.meta})
        fd, tmp = tempfile.mkstemp(suffix=".npz", dir=os.path.dirname(os.path.abspath(path)))
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, header=np.array(header), **self.params)
            usual_mode(tmp)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise

    @classmethod
    def load(cls, path):
        """Read a network saved by save(). Everything is checked in one error path before a net is made: the
        file (a regular file of at most MAX_MODEL_BYTES), the header (a JSON dict with a known "activation" and
        a dict "meta"), each weight's dtype (float32 / float64 only) and size (read only after its .npy header
        fits), the shapes (W1 (I, H), b1 (H,), W2 (H, O), b2 (O,)) and that every weight is finite.
        A missing file raises FileNotFoundError; any other fault ValueError("name: fault")."""
        from engine.data.checks import DatasetError
        from engine.data.npz import check_regular_file, open_archive, read_member

        path = os.fspath(path)
        name = os.path.basename(path)
        try:
            check_regular_file(path, MAX_MODEL_BYTES, "a model")
            with open_archive(path, "model file") as archive:
                header = _read_header(path, archive, read_member)
                params, budget = {}, MAX_MODEL_PARAMS * 8  # bytes the four weights may take together
                for key in PARAM_KEYS:
                    params[key] = read_member(path, archive, key, budget, kinds="f", max_ndim=2,
                                              expected="float32 or float64")
                    budget -= params[key].nbytes
            _check_params(params)
            return cls.from_params(params, header["activation"], header["meta"])
        except FileNotFoundError:
            raise
        except DatasetError as exc:
            raise ValueError(f"{name}: {exc.problem}") from None
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
        except Exception as exc:  # anything else a damaged or foreign file provokes, still one message
            raise ValueError(f"{name}: not a readable model file ({type(exc).__name__}: {exc})") from None


MAX_MODEL_PARAMS = 16_000_000  # weights in a loadable net (128 MB as float64); the app makes at most 795,010
MAX_MODEL_BYTES = MAX_MODEL_PARAMS * 8 + (1 << 20)


def _read_header(path, archive, read_member) -> dict:
    """The model's header: {"activation": a known name, "meta": a dict}, or ValueError saying what is wrong."""
    if "header.npy" not in archive.namelist():
        raise ValueError("not a Gradient Lab model (no header)")
    text = read_member(path, archive, "header", 1 << 20, kinds="U", max_ndim=0, expected="text")
    try:
        header = json.loads(str(text[()]))
    except ValueError as exc:
        raise ValueError(f"the header is not JSON ({exc})") from None
    if not isinstance(header, dict):
        raise ValueError(f"the header is a JSON {type(header).__name__}, expected an object with \"activation\"")
    activation, meta = header.get("activation", "relu"), header.get("meta", {})
    if not isinstance(activation, str) or activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r} (expected one of {sorted(ACTIVATIONS)})")
    if not isinstance(meta, dict):
        raise ValueError(f"the header's meta is a {type(meta).__name__}, expected an object")
    return {"activation": activation, "meta": meta}


def _check_params(params: dict) -> None:
    """W1 (I, H), b1 (H,), W2 (H, O), b2 (O,), at most MAX_MODEL_PARAMS in all, every weight finite."""
    for key in PARAM_KEYS:
        if params[key].dtype.itemsize not in (4, 8):
            raise ValueError(f"{key} has dtype {params[key].dtype}, expected float32 or float64")
        params[key] = params[key].astype(params[key].dtype.newbyteorder("="), copy=False)
    W1, b1, W2, b2 = (params[key] for key in PARAM_KEYS)
    if not (W1.ndim == 2 and W2.ndim == 2 and b1.shape == (W1.shape[1],) and W2.shape[0] == W1.shape[1]
            and b2.shape == (W2.shape[1],)):
        raise ValueError(f"the weights' shapes do not fit together "
                         f"(W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape})")
    total = sum(p.size for p in params.values())
    if total > MAX_MODEL_PARAMS:
        raise ValueError(f"{total:,} weights, more than the {MAX_MODEL_PARAMS:,} a model may have")
    for key in PARAM_KEYS:
        if not np.isfinite(params[key]).all():
            raise ValueError(f"{key} holds NaN or infinite weights")


class LogisticRegression:
    """ŷ = σ(X·w + b) — one neuron, trained by full-batch gradient descent (the lessons' cat classifier).

    X is (samples, features), y is 0/1 of shape (samples,). params {w (features,), b} start at zero.
    `lambd` λ adds L2 regularisation (the lessons' form): J + λ/(2m)·Σw², dw + λw/m.
    """

    def __init__(self, n_features, lambd=0.0):
        self.params = {"w": np.zeros(n_features), "b": 0.0}
        self.lambd = float(lambd)

    def predict_proba(self, X):
        """ŷ = σ(X·w + b)."""
        return sigmoid(np.asarray(X, dtype=np.float64) @ self.params["w"] + self.params["b"])

    def propagate(self, X, y):
        """Forward and backward: cost J = mean L(ŷ, y) (+ λ/(2m)·Σw²); dw = Xᵀ(ŷ − y)/m (+ λw/m), db = mean(ŷ − y)."""
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        m = X.shape[0]
        y_hat = self.predict_proba(X)
        cost = float(np.mean(binary_cross_entropy(y_hat, y)))
        dz = y_hat - y
        grads = {"w": X.T @ dz / m, "b": float(np.sum(dz) / m)}
        if self.lambd:
            cost += self.lambd / (2 * m) * float(np.sum(self.params["w"] ** 2))
            grads["w"] = grads["w"] + self.lambd / m * self.params["w"]
        return grads, cost

    def predict(self, X):
        """1 where ŷ > 0.5, else 0."""
        return (self.predict_proba(X) > 0.5).astype(np.int64)

    def accuracy(self, X, y):
        """Percentage of correct predictions: 100 − mean|ŷ_class − y| · 100, as the lessons print it."""
        return 100.0 - float(np.mean(np.abs(self.predict(X) - np.asarray(y)))) * 100.0
