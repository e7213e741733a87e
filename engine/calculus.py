"""Numerical differentiation (the book's 4.3 and 4.4)."""
from __future__ import annotations

import numpy as np

METHODS = ("central", "forward", "backward")


def numerical_diff(f, x, h=1e-4, method="central"):
    """The slope of f at x from two nearby values.

    central:  (f(x + h) − f(x − h)) / 2h   — error falls like h²
    forward:  (f(x + h) − f(x)) / h        — error falls like h
    backward: (f(x) − f(x − h)) / h
    """
    if method == "central":
        return (f(x + h) - f(x - h)) / (2 * h)
    if method == "forward":
        return (f(x + h) - f(x)) / h
    if method == "backward":
        return (f(x) - f(x - h)) / h
    raise ValueError(f"unknown method {method!r}; use one of {METHODS}")


def numerical_gradient(f, x, h=1e-4):
    """∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h for every element x_i of x (any shape).

    Each element is nudged in place and put back, so f may read x itself (as a network's loss reads its
    weights). x holds its original values afterwards. Integer input is treated as float64.
    """
    steps = numerical_gradient_steps(f, x, h)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def numerical_gradient_steps(f, x, h=1e-4):
    """numerical_gradient one element at a time, as a generator: yields after each element (so a long gradient
    can show progress and be stopped) and returns the gradient (``grad = yield from ...``)."""
    if not (isinstance(x, np.ndarray) and np.issubdtype(x.dtype, np.floating)):
        x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp = x[idx]
        x[idx] = tmp + h
        fxh1 = f(x)
        x[idx] = tmp - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp
        yield
    return grad


def tangent_line(f, x0, h=1e-4):
    """The tangent at x0 from the central difference: y = f(x0) + d · (x − x0)."""
    d = numerical_diff(f, x0, h)
    y0 = f(x0)
    return lambda x: y0 + d * (np.asarray(x) - x0)


def difference_errors(f, x0, hs, exact, method="central"):
    """|numerical_diff(f, x0, h) − exact| for each h: truncation error shrinks with h, rounding error grows."""
    hs = np.asarray(hs, dtype=np.float64)
    with np.errstate(all="ignore"):
        return np.array([abs(numerical_diff(f, x0, h, method) - exact) for h in hs])
