"""Layers with forward and backward passes (the book's chapter 5)."""
from __future__ import annotations

import numpy as np

from engine.functions import cross_entropy_error, sigmoid, softmax


class Affine:
    """out = x·W + b;  dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ_rows dout."""

    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return dout @ self.W.T


class Relu:
    """out = max(0, x);  dx = dout where x > 0, else 0."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        return np.maximum(x, 0)  # = x with the masked entries set to 0

    def backward(self, dout):
        return np.where(self.mask, 0, dout)


class Identity:
    """out = x (the linear activation h(a) = a);  dx = dout. Two Affine layers around it are one linear map."""

    def forward(self, x):
        return x

    def backward(self, dout):
        return dout


class Sigmoid:
    """out = 1 / (1 + exp(−x));  dx = dout · out · (1 − out)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy error; backward is (y − t) / N."""

    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.y.shape[0]
        dx = self.y.copy()
        if self.t.size == self.y.size:  # one-hot t
            dx -= self.t
        else:  # integer labels
            dx[np.arange(batch_size), self.t] -= 1
        return dx * (dout / batch_size)
