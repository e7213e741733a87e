"""Gradient descent (the book's 4.4.1) and the chapter 6 optimizers."""
from __future__ import annotations

import numpy as np

from engine.calculus import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100, grad=None):
    """Repeat x ← x − η ∇f(x) step_num times from init_x.

    grad(x) gives ∇f; None means the numerical gradient (h = 1e-4) as in the book.
    Returns (x, history): history has step_num + 1 rows, history[0] = init_x and history[-1] = x.
    init_x itself is not modified.
    """
    x = np.array(init_x, dtype=np.float64)
    history = np.empty((step_num + 1,) + x.shape)
    history[0] = x
    grad_fn = grad if grad is not None else (lambda p: numerical_gradient(f, p))
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(step_num):
            x -= lr * grad_fn(x)
            history[i + 1] = x
    return x, history


class SGD:
    """W ← W − η ∂L/∂W."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]


class Momentum:
    """v ← αv − η ∂L/∂W;  W ← W + v."""

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum = lr, momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    """h ← h + (∂L/∂W)²;  W ← W − η (1/√h) ∂L/∂W."""

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    """h ← ρh + (1 − ρ)(∂L/∂W)²;  W ← W − η (1/√h) ∂L/∂W: AdaGrad that forgets old gradients."""

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate = lr, decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    """Momentum plus AdaGrad-style scaling, with bias correction (Kingma & Ba 2015)."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter = 0
        self.m = self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


OPTIMIZERS = {"SGD": SGD, "Momentum": Momentum, "AdaGrad": AdaGrad, "RMSprop": RMSprop, "Adam": Adam}


def steps(f, init_x, optimizer=None, grad=None, step_num=None):
    """Yield one step of descent at a time, for the animation.

    Each item is (x_before, gradient, x_after); the optimizer (default SGD(0.01)) moves
    params {'x': x} with update(params, grads). grad=None uses the numerical gradient.
    Runs forever when step_num is None: the consumer decides when to stop.
    """
    optimizer = optimizer if optimizer is not None else SGD()
    params = {"x": np.array(init_x, dtype=np.float64)}
    grad_fn = grad if grad is not None else (lambda p: numerical_gradient(f, p))
    i = 0
    with np.errstate(over="ignore", invalid="ignore"):
        while step_num is None or i < step_num:
            before = params["x"].copy()
            g = np.asarray(grad_fn(params["x"].copy()), dtype=np.float64)
            optimizer.update(params, {"x": g})
            yield before, g, params["x"].copy()
            i += 1
