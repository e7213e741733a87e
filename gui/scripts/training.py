"""Copy as Python for the Training tab: the panel shown — MNIST (the book's train_neuralnet.py with the panel's
settings) or Cat / non-cat (gui.scripts.cat).

MNIST: TwoLayerNet with the book's layers (Affine, Relu / Sigmoid / Identity, SoftmaxWithLoss), W ~ N(0, σ²) from
np.random.default_rng(seed), mini-batch SGD W ← W − η ∂L/∂W with L = CE + λ/(2m)·(ΣW1² + ΣW2²), the mini-batches
drawn as engine.iteration.MiniBatches draws them (rng.integers(0, train_size, (chunk, batch_size)) from a second
default_rng(seed), chunk = min(1000, iterations) iterations at a time) — so iteration k trains on the app's images.
The app steps in float32 with a fused step (engine.fast_step): the script computes in float32 the book's way, so
its losses agree with the app's to float32 rounding and its accuracies to within a few images. The numerical method
is engine.numerical_run's side by side: two nets from one seed on the same mini-batches, one learning with the
book's numerical gradient, one with backprop, in float64, printing both losses, the gradients' difference and the
seconds of each gradient.
On the One iteration page (after Step): the k iterations stepped, each with the losses the page shows — the
mini-batch's L before and after the step, L on all training images — and the last mini-batch's rows and answers.
"""
from __future__ import annotations

import math

from engine.data.mnist import default_mnist_dir
from gui import settings as app_settings
from gui.scripts import cat
from gui.scripts.book import NUMERICAL_GRADIENT, SOFTMAX
from gui.scripts.render import SIGMOID, header, join, number
from gui.tabs.training.mnist.jobs import find_mnist_source
from gui.tabs.training.mnist.state import MAX_EVALUATIONS, NUMERICAL_MAX_BATCH, NUMERICAL_MAX_ITERS, PAGES

LOADER = '''def read_idx(path):
    """One IDX file (gzipped or not): big-endian magic (2 zero bytes, type 0x08 = uint8, dimensions), sizes, data."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_mnist(source):
    """((x_train, t_train), (x_test, t_test)) as the book's load_mnist(normalize=True): float32 rows x / 255."""
    if source.endswith(".npz"):  # Keras's mnist.npz
        with np.load(source) as f:
            parts = f["x_train"], f["y_train"], f["x_test"], f["y_test"]
    else:  # a folder of the four IDX files
        def find(name):
            path = os.path.join(source, name)
            return path if os.path.exists(path) else path + ".gz"
        parts = [read_idx(find(name)) for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")]
    x_train, t_train, x_test, t_test = parts
    normalize = lambda x: x.reshape(len(x), 784).astype(np.float32) / np.float32(255.0)  # noqa: E731
    return (normalize(x_train), t_train.astype(np.intp)), (normalize(x_test), t_test.astype(np.intp))
'''

LAYERS = '''class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b  # a = x·W + b

    def backward(self, dout):
        self.dW = self.x.T @ dout  # ∂L/∂W = xᵀ·∂L/∂a
        self.db = np.sum(dout, axis=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        return np.maximum(x, 0)

    def backward(self, dout):
        return np.where(self.mask, 0, dout)


class Sigmoid:
    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out  # h'(a) = h(a)(1 − h(a))


class Identity:  # h(a) = a: the two layers are one linear map
    def forward(self, x):
        return x

    def backward(self, dout):
        return dout


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t, self.y = t, softmax(x)
        return -np.sum(np.log(self.y[np.arange(len(t)), t] + 1e-7)) / len(t)  # cross_entropy_error

    def backward(self):
        dx = self.y.copy()
        dx[np.arange(len(self.t)), self.t] -= 1
        return dx / len(self.t)  # (y − t) / N
'''

NET = '''class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std, activation, seed, dtype, lambd):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": (weight_init_std * rng.standard_normal((input_size, hidden_size))).astype(dtype),
            "b1": np.zeros(hidden_size, dtype=dtype),
            "W2": (weight_init_std * rng.standard_normal((hidden_size, output_size))).astype(dtype),
            "b2": np.zeros(output_size, dtype=dtype),
        }
        self.lambd = lambd  # L2 λ: L = CE + λ/(2m)·(ΣW1² + ΣW2²)
        self.layers = [Affine(self.params["W1"], self.params["b1"]), ACTIVATION(),
                       Affine(self.params["W2"], self.params["b2"])]
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        W1, W2 = self.params["W1"], self.params["W2"]
        decay = self.lambd / (2 * len(x)) * float(np.sum(W1 * W1) + np.sum(W2 * W2)) if self.lambd else 0.0
        return float(self.last_layer.forward(self.predict(x), t)) + decay

    def accuracy(self, x, t):
        return int(np.count_nonzero(np.argmax(self.predict(x), axis=1) == t)) / len(t)

    def gradient(self, x, t):  # backpropagation
        self.last_loss = self.loss(x, t)  # the mini-batch loss before the step (the app plots it)
        dout = self.last_layer.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {"W1": self.layers[0].dW, "b1": self.layers[0].db, "W2": self.layers[2].dW, "b2": self.layers[2].db}
        for key in ("W1", "W2"):
            grads[key] = grads[key] + self.lambd / len(x) * self.params[key]  # L2: + λW/m
        return grads

    def numerical_gradient(self, x, t):  # the book's chapter 4 way: 2 losses per weight (slow)
        loss_W = lambda W: self.loss(x, t)  # noqa: E731
        return {key: numerical_gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")}
'''

BACKPROP_LOOP = '''iter_per_epoch = max(1, train_size // batch_size)
rng = np.random.default_rng(seed)  # the mini-batches: CHUNK iterations' rows drawn at a time, as the app draws them
CHUNK = max(1, min(1000, iters_num))
network = TwoLayerNet(784, hidden_size, 10, weight_init_std, activation, seed, np.float32, lambd)


def evaluate(i):
    train_acc, test_acc = network.accuracy(x_train, t_train), network.accuracy(x_test, t_test)
    if x_val is not None:
        val_acc = network.accuracy(x_val, t_val)
        print(f"iteration {i} (epoch {i / iter_per_epoch:g}): train acc, validation acc, test acc | "
              f"{train_acc}, {val_acc}, {test_acc}")
    else:
        print(f"iteration {i} (epoch {i / iter_per_epoch:g}): train acc, test acc | {train_acc}, {test_acc}")


LOSS_LIMIT = 3 * np.log(10)  # the app stops a run whose mean loss over the last 20 iterations passes this
losses = []
evaluate(0)
with np.errstate(over="ignore", invalid="ignore"):
    for i in range(iters_num):
        if i % CHUNK == 0:
            masks = rng.integers(0, train_size, size=(CHUNK, batch_size))  # np.random.choice, with replacement
        batch_mask = masks[i % CHUNK]
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        loss = network.last_loss
        losses.append(loss)
        if not np.isfinite(loss) or len(losses) >= 20 and np.mean(losses[-20:]) > LOSS_LIMIT:
            print(f"diverged at iteration: {i + 1} (the learning rate is too large)")
            break
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= learning_rate * grad[key]
        if i < 10 or i + 1 == iters_num:
            print(f"loss of iteration {i + 1}: {loss}")
        if (i + 1) % eval_every == 0 or i + 1 == iters_num:
            evaluate(i + 1)
'''

NUMERICAL_LOOP = '''# Two copies of the net from the same weights (the same seed), on the same mini-batches: one
# learns with the numerical gradient (chapter 4), the other with backpropagation (chapter 5). In float64: central
# differences need it.
x_train = x_train.astype(np.float64)
network = TwoLayerNet(784, hidden_size, 10, weight_init_std, activation, seed, np.float64, 0.0)
backprop_net = TwoLayerNet(784, hidden_size, 10, weight_init_std, activation, seed, np.float64, 0.0)
rng = np.random.default_rng(seed)  # the mini-batches, drawn as the app draws them
masks = rng.integers(0, len(x_train), size=(max(1, min(1000, iters_num)), batch_size))
for i in range(iters_num):
    batch_mask = masks[i]
    x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
    loss, loss_backprop = network.loss(x_batch, t_batch), backprop_net.loss(x_batch, t_batch)  # before the step
    start = time.perf_counter()
    grad = network.numerical_gradient(x_batch, t_batch)  # 2 losses per weight
    middle = time.perf_counter()
    grad_backprop = backprop_net.gradient(x_batch, t_batch)  # one forward and one backward pass
    end = time.perf_counter()
    delta = {key: np.abs(grad[key] - grad_backprop[key]) for key in grad}  # Δ = numerical − backprop
    relative = sum(d.sum() for d in delta.values()) / sum(np.abs(g).sum() for g in grad.values())
    for key in ("W1", "b1", "W2", "b2"):
        network.params[key] -= learning_rate * grad[key]
        backprop_net.params[key] -= learning_rate * grad_backprop[key]
    print(f"iteration {i + 1}: loss numerical, loss backprop | {loss}, {loss_backprop}")
    print(f"iteration {i + 1} gradients: max |Δ|, relative Σ|Δ| / Σ|numerical| | "
          f"{max(d.max() for d in delta.values())}, {relative}")
    print(f"iteration {i + 1} seconds: numerical, backprop | {middle - start}, {end - middle}")
'''


ITERATION_LOOP = '''rng = np.random.default_rng(seed)  # the mini-batches, drawn as the app draws them
CHUNK = max(1, min(1000, iters_num))
network = TwoLayerNet(784, hidden_size, 10, weight_init_std, activation, seed, np.float32, lambd)
print("L on all training images before iteration 1:", network.loss(x_train, t_train))
for i in range(k):
    if i % CHUNK == 0:
        masks = rng.integers(0, len(x_train), size=(CHUNK, batch_size))  # np.random.choice, with replacement
    batch_mask = masks[i % CHUNK]
    x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
    grad = network.gradient(x_batch, t_batch)
    loss = network.last_loss  # L of the mini-batch before the step
    predicted = np.argmax(network.last_layer.y, axis=1)  # the net's answers before the step
    for key in ("W1", "b1", "W2", "b2"):
        network.params[key] -= learning_rate * grad[key]  # W ← W − η ∂L/∂W
    print(f"iteration {i + 1}: L before, L after on the same batch, L on all training images after | "
          f"{loss}, {network.loss(x_batch, t_batch)}, {network.loss(x_train, t_train)}")
print(f"rows drawn in iteration {k}:", batch_mask)
print("their labels t:", t_batch)
print("the net's answers before the step:", predicted)
'''


def _activation(name):
    return {"relu": "Relu", "sigmoid": "Sigmoid", "identity": "Identity"}[name]


def _eval_every(s) -> int:
    """As the panel's start_training: once per epoch; a small training set at most MAX_EVALUATIONS times."""
    train = _train_rows(s)
    per_epoch = max(1, train // int(s.batch_size))
    return max(per_epoch, math.ceil(int(s.iterations) / MAX_EVALUATIONS)) if train < 60_000 else per_epoch


def _train_rows(s) -> int:
    """Rows trained on (engine.fitting.split_training): the first train_size of those not held out."""
    n = len(s.data[0][0]) if s.data is not None else 60_000
    validation = min(max(int(s.validation), 0), n - 1)
    return min(max(int(s.train_size), 1), n - validation)


def mnist_script(panel) -> str:
    s = panel.state
    numerical = s.method == "numerical"
    source = s.source or str(find_mnist_source() or default_mnist_dir(app_settings.data_dir()))
    net = NET.replace("ACTIVATION()", _activation(s.activation) + "()")
    settings = (f"source = {str(source)!r}  # where the panel reads MNIST (a folder of the four IDX files)\n"
                f"hidden_size = {int(s.hidden_size)}\nactivation = {s.activation!r}\n"
                f"weight_init_std = {number(s.weight_init_std)}\nseed = {int(s.seed)}\n")
    if numerical:
        parts = [header("The numerical gradient (chapter 4) beside backpropagation (chapter 5): the same net, the same "
                        "mini-batches, the same gradient — at very different speeds.", "Training", "MNIST").replace(
                     "import numpy as np\n", "import gzip\nimport os\nimport time\n\nimport numpy as np\n"),
                 NUMERICAL_GRADIENT, SOFTMAX, SIGMOID, LOADER, LAYERS, net,
                 settings + f"iters_num = {min(int(s.iterations), NUMERICAL_MAX_ITERS)}\n"
                 f"batch_size = {min(int(s.batch_size), NUMERICAL_MAX_BATCH)}\n"
                 f"learning_rate = {number(s.learning_rate)}\n"
                 "(x_train, t_train), (x_test, t_test) = load_mnist(source)\n",
                 NUMERICAL_LOOP]
        return join(parts)
    validation = int(s.validation)
    split = (f"train_size, validation = {int(s.train_size)}, {validation}  # the last `validation` images are held "
             "out; of the rest, the first train_size are trained on\n"
             "validation = min(max(validation, 0), len(x_train) - 1)\nrest = len(x_train) - validation\n"
             "train_size = min(max(train_size, 1), rest)\n"
             "x_val, t_val = (x_train[rest:], t_train[rest:]) if validation else (None, None)\n"
             "x_train, t_train = x_train[:train_size], t_train[:train_size]\n")
    if PAGES[s.page] == "iteration" and s.stepper is not None and s.step_history:
        return _iteration_script(s, settings, split)
    parts = [header("The book's train_neuralnet.py: mini-batch SGD on the two-layer net, with the panel's settings.",
                    "Training", "MNIST").replace("import numpy as np\n", "import gzip\nimport os\n\n"
                                                                         "import numpy as np\n"),
             SOFTMAX, SIGMOID, LOADER, LAYERS, net.replace(NUMERICAL_METHOD, ""),
             settings + f"iters_num = {int(s.iterations)}\nbatch_size = {int(s.batch_size)}\n"
             f"learning_rate = {number(s.learning_rate)}\nlambd = {number(s.weight_decay)}  # L2 λ\n"
             f"eval_every = {_eval_every(s)}  # iterations between accuracy measurements (one epoch"
             + (", or more on a small training set)\n" if _train_rows(s) < 60_000 else ")\n")
             + "(x_train, t_train), (x_test, t_test) = load_mnist(source)\n" + split,
             BACKPROP_LOOP]
    return join(parts)


def _iteration_script(s, settings, split) -> str:
    """The One iteration page: the first k iterations of the run, one by one, with the losses the page shows."""
    k = int(s.step_history[-1][0])
    parts = [header("One iteration of train_neuralnet.py taken apart, step by step (4.5).", "Training",
                    "MNIST, One iteration").replace("import numpy as np\n", "import gzip\nimport os\n\n"
                                                                             "import numpy as np\n"),
             SOFTMAX, SIGMOID, LOADER, LAYERS,
             NET.replace("ACTIVATION()", _activation(s.activation) + "()").replace(NUMERICAL_METHOD, ""),
             settings + f"iters_num = {int(s.iterations)}  # the run's length (it sets how the mini-batches are "
             f"drawn)\nbatch_size = {int(s.batch_size)}\nlearning_rate = {number(s.learning_rate)}\n"
             f"lambd = {number(s.weight_decay)}  # L2 λ\n"
             f"k = {k}  # the iterations stepped\n(x_train, t_train), (x_test, t_test) = load_mnist(source)\n"
             + split, ITERATION_LOOP]
    return join(parts)


NUMERICAL_METHOD = NET[NET.index("\n    def numerical_gradient"):]


def script(tab) -> str:
    """The script of the Training tab's panel in front (MNIST or Cat / non-cat)."""
    panel = tab.experiments.currentWidget()
    if panel.objectName() == "training_cat":
        return cat.script(panel)
    return mnist_script(panel)
