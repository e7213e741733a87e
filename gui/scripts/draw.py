"""Copy as Python for the Draw tab: the drawing (the 28×28 input the net sees, embedded) through the two-layer net,
taken apart as the Inside panel shows it (engine.explain):

    z1 = x·W1 + b1,   a1 = h(z1) (0 for units switched off),   z2 = a1·W2 + b2,   y = softmax(z2)
    z2_k = Σ_j a1_j·W2[j, k] + b2_k     — hidden unit j adds a1_j·W2[j, k] to the score of class k

The weights: the bundled model is read from its .npz by path (it ships with the app). Any other model (trained
or loaded in the Training tab) may exist in no file, so its weights are embedded in the script, exactly (float32
bytes, zlib-compressed, base85 text: about 200 kB for the book's 784-50-10 net) — the script then runs anywhere.
The input is embedded as its float32 values (the shortest text that reads back to the same float32), so the script
prints the panel's numbers to the last digit."""
from __future__ import annotations

import base64
import zlib

import numpy as np

from gui.model_hub import BUNDLED_MODEL
from gui.scripts.book import SOFTMAX
from gui.scripts.render import SIGMOID, header, join
from gui.tabs.draw.inside import TOP_COUNT

ACTIVATIONS = {"relu": "def h(z):\n    return np.maximum(0, z)  # ReLU\n",
               "sigmoid": SIGMOID + "\n\ndef h(z):\n    return sigmoid(z)\n",
               "identity": "def h(z):\n    return z  # identity: the two layers are one linear map\n"}
LINE = 100  # characters of embedded text per line


def _float32(v) -> str:
    text = np.format_float_positional(np.float32(v), unique=True, trim="-")
    return text


def _input_literal(x) -> str:
    """The 28×28 input as rows of float32 values (0 for no ink)."""
    x = np.asarray(x, dtype=np.float32).reshape(28, 28)
    rows = ["    [" + ", ".join(_float32(v) for v in row) + "]," for row in x]
    return "x = np.array([\n" + "\n".join(rows) + "\n], dtype=np.float32).reshape(784)  # the 28×28 input a[0]\n"


def _packed(name, array) -> str:
    """`name` = the array, exactly: its bytes zlib-compressed as base85 text, LINE characters a line."""
    array = np.ascontiguousarray(array)
    text = base64.b85encode(zlib.compress(array.tobytes(), 9)).decode("ascii")
    lines = "\n".join(f"    {text[i:i + LINE]!r}" for i in range(0, len(text), LINE))
    return f"{name} = unpack((\n{lines}\n), {array.dtype.name!r}, {tuple(array.shape)})\n"


def _weights(s, net) -> str:
    if s.model_key == "bundled":
        return (f"model = {str(BUNDLED_MODEL)!r}  # the bundled model (the app's resources/models)\n"
                "with np.load(model) as f:\n"
                "    W1, b1, W2, b2 = (f[key] for key in (\"W1\", \"b1\", \"W2\", \"b2\"))\n")
    code = ("import base64  # noqa: E402\nimport zlib  # noqa: E402\n\n\n"
            "def unpack(lines, dtype, shape):\n"
            "    return np.frombuffer(zlib.decompress(base64.b85decode(\"\".join(lines))), dtype).reshape(shape)\n\n\n"
            "# The weights of the model chosen in the Draw tab (not saved in a file): embedded, exactly.\n"
            "# To read a saved model instead: with np.load(\"model.npz\") as f: W1, b1, W2, b2 = f[\"W1\"], …\n")
    return code + "".join(_packed(key, net.params[key]) for key in ("W1", "b1", "W2", "b2"))


def script(tab) -> str:
    s, net = tab.state, tab.net()
    if net is None:
        raise ValueError("no model is chosen in the Draw tab")
    x = s.x if s.x is not None else np.zeros((28, 28), np.float32)
    off = sorted(int(j) for j in s.off)
    k = "int(np.argmax(y))  # the answer" if s.chosen is None else f"{int(s.chosen)}  # the class clicked"
    versus = ("next(int(c) for c in np.argsort(-z2, kind=\"stable\") if c != k)  # the runner-up"
              if s.versus is None else f"{int(s.versus)}")
    run = (f"off = {off}  # hidden units switched off (a1_j = 0)\n"
           "keep = np.ones(len(b1), dtype=W1.dtype)\nkeep[off] = 0\n"
           "z1 = x @ W1 + b1\na1 = h(z1) * keep\nz2 = a1 @ W2 + b2\ny = softmax(z2)\n"
           'print("z1 = x·W1 + b1:", z1)\nprint("a1 = h(z1):", a1)\nprint("z2 = a1·W2 + b2:", z2)\n'
           'print("y = softmax(z2):", y)\nprint("answer argmax y:", np.argmax(y))\n\n'
           f"k = {k}\nversus = {versus}\n"
           "C = a1[:, None] * W2  # C[j, k] = a1_j·W2[j, k]: what unit j adds to the score of k\n"
           f"top = np.argsort(-np.abs(C[:, k]), kind=\"stable\")[:{TOP_COUNT}]  # the units that move z2_k most\n"
           'print("explained k:", k)\n'
           "if versus != k:\n"
           '    print("compared with k′:", versus)\n'
           "for j in top:\n"
           '    print(f"unit {j} → {k}:", C[j, k])\n'
           "    if versus != k:\n"
           '        print(f"unit {j} → {versus}:", C[j, versus])\n'
           "top_sum = float(C[top, k].sum())\n"
           'print(f"Σ of the {len(top)} units shown:", top_sum)\n'
           'print(f"+ the other {len(a1) - len(top)} units:", float(C[:, k].sum()) - top_sum)\n'
           'print(f"+ the bias b2_{k}:", float(b2[k]))\n'
           'print(f"= the score z2_{k}:", float(z2[k]))\n')
    return join([header("Why the net answers what it does: one drawing through the two-layer net (Inside).",
                        "Draw"), SOFTMAX, ACTIVATIONS[net.activation], _weights(s, net), _input_literal(x), run])
