"""Copy as Python for the Descent tab's simpleNet page: the book's simpleNet (§4.4.2) at the step shown —
p = x·W, y = softmax(p), L = cross_entropy_error(y, t), ∂L/∂W by hand (x ⊗ (y − t)) and numerically, the nudge
of the chosen weight, and the steps W ← W − η ∂L/∂W that led there."""
from __future__ import annotations

from engine.lab import simplenet as sl
from gui.scripts.book import CROSS_ENTROPY_ERROR, NUMERICAL_GRADIENT, SOFTMAX
from gui.scripts.render import header, number, numbers

SIMPLE_NET = '''class simpleNet:
    def __init__(self, W):
        self.W = W  # 2×3 weights, no bias

    def predict(self, x):
        return np.dot(x, self.W)  # p = x·W

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t)  # L = −log(y_t + 1e-7)

    def gradient(self, x, t):
        y = softmax(self.predict(x))
        return np.outer(x, y - t)  # ∂L/∂W = x ⊗ (y − t), worked out by hand
'''


def simplenet_script(s) -> list[str]:
    """The parts of the simpleNet script for the page's state `s` (SimpleNetState)."""
    k = min(max(int(s.steps), 0), sl.MAX_STEPS)
    t = [0] * sl.CLASSES
    t[int(s.t)] = 1
    i, j = (int(v) for v in s.cell)
    parts = [header("The gradient of a network: the book's simpleNet (4.4.2).", "Descent", "simpleNet"),
             SOFTMAX, CROSS_ENTROPY_ERROR, NUMERICAL_GRADIENT, SIMPLE_NET,
             f"W = np.array({numbers(s.W)})  # the start weights\n"
             f"x = np.array({numbers(s.x)})\nt = np.array({numbers(t)})  # the correct class is {int(s.t)}\n"
             f"lr = {number(s.lr)}\nh = {number(s.h)}\n"
             + ('print("L at step 0:", simpleNet(W).loss(x, t))\n' if k else "")
             + f"for step in range({k}):  # the steps shown: W ← W − η ∂L/∂W\n"
             "    W = W - lr * simpleNet(W).gradient(x, t)\n"
             f"net = simpleNet(W)\n"
             f'print("W at step {k}:", net.W)\n'
             'print("p = x·W:", net.predict(x))\n'
             "y = softmax(net.predict(x))\n"
             'print("y = softmax(p):", y)\nprint("answer argmax y:", np.argmax(y))\n'
             f'print("L at step {k}:", net.loss(x, t))\n'
             'print("L without the 1e-7 guard:", -np.log(y[np.argmax(t)]))\n'
             'print("dW by hand, x ⊗ (y − t):", net.gradient(x, t))\n'
             "f = lambda w: net.loss(x, t)  # the book's f: L as a function of the weights (net.W is nudged)\n"
             'print("dW numerical_gradient(f, net.W):", numerical_gradient(f, net.W, h))\n']
    by = float(s.drag) if s.drag else (float(s.h) if s.nudged else None)
    if by is not None:
        parts.append(f"# Raise w{i + 1}{j + 1} alone by {number(by)}: ΔL / Δw ≈ ∂L/∂w{i + 1}{j + 1}\n"
                     f"moved = net.W.copy()\nmoved[{i}, {j}] += {number(by)}\n"
                     "before, after = net.loss(x, t), simpleNet(moved).loss(x, t)\n"
                     'print("L after the nudge:", after)\nprint("change of L:", after - before)\n'
                     f'print("change / step:", (after - before) / {number(by)})\n'
                     f'print("dL/dw{i + 1}{j + 1}:", net.gradient(x, t)[{i}, {j}])\n')
    return parts
