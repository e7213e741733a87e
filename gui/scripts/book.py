"""The book's functions as the generated scripts define them: short, with the formula as a comment.

Each is the same arithmetic as engine/ (so a script prints the app's numbers to the last digit), written the way
《深度学习入门》 writes it. The surfaces of the Gradient field and Descent tabs as Python on a point x = (x[0], x[1]).
"""
from __future__ import annotations

from gui.scripts.render import helpers_for, python_expression

SOFTMAX = '''def softmax(a):
    a = a - np.max(a, axis=-1, keepdims=True)  # subtract C = max(a): the same y, and exp never overflows
    exp_a = np.exp(a)
    return exp_a / np.sum(exp_a, axis=-1, keepdims=True)  # y_k = exp(a_k) / Σ exp(a_i)
'''

MEAN_SQUARED_ERROR = '''def mean_squared_error(y, t):
    return 0.5 * np.sum((y - t)**2)  # E = ½ Σ (y_k − t_k)²
'''

CROSS_ENTROPY_ERROR = '''def cross_entropy_error(y, t):  # E = −1/N Σ_n log(y[n, t_n] + 1e-7); t one-hot or labels
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot t → labels
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
'''

NUMERICAL_DIFF = '''def numerical_diff(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)  # central difference


def forward_diff(f, x, h=1e-4):
    return (f(x + h) - f(x)) / h  # forward difference
'''

NUMERICAL_GRADIENT = '''def numerical_gradient(f, x, h=1e-4):  # ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val  # put the value back
    return grad
'''

# The named surfaces of engine.surfaces on a point x: (f, its gradient ∂f/∂x0, ∂f/∂x1), the same arithmetic.
SURFACES = {
    "sphere": ("x[0]**2 + x[1]**2", "2 * x[0], 2 * x[1]"),
    "ellipse": ("x[0]**2 / 20 + x[1]**2", "x[0] / 10, 2 * x[1]"),
    "saddle": ("x[0]**2 - x[1]**2", "2 * x[0], -2 * x[1]"),
    "rosenbrock": ("(1 - x[0])**2 + 100 * (x[1] - x[0]**2)**2",
                   "-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0]**2), 200 * (x[1] - x[0]**2)"),
    "himmelblau": ("(x[0]**2 + x[1] - 11)**2 + (x[0] + x[1]**2 - 7)**2",
                   "4 * x[0] * (x[0]**2 + x[1] - 11) + 2 * (x[0] + x[1]**2 - 7), "
                   "2 * (x[0]**2 + x[1] - 11) + 4 * x[1] * (x[0] + x[1]**2 - 7)"),
}
NUMPY_QUIET = "np.seterr(all=\"ignore\")  # 1/0 gives inf and log(-1) nan, as in the app, instead of warnings\n"


def surface(key, text="", name="f"):
    """(code defining `name`(x) and, for a named surface, gradient(x); the formula for the header; analytic?)."""
    if key in SURFACES:
        f, grad = SURFACES[key]
        code = (f"def {name}(x):\n    return {f}\n\n\n"
                f"def gradient(x):  # the analytic gradient, from the formula's derivatives\n"
                f"    return np.array([{grad}])\n")
        return code, f, True
    body = python_expression(text, ("x0", "x1"), ("x[0]", "x[1]"))
    return helpers_for(body) + f"def {name}(x):\n    return {body}\n", body, False
