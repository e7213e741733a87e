"""The book's whole MNIST run: our app's training path against PyTorch and JAX on the same machine.

    python bench/compare_peers.py [--data FOLDER] [--rounds 2] [--iters 10000]

The run (the book's train_neuralnet.py): TwoLayerNet 784-50-10, ReLU, weights N(0, 0.01²), biases 0, float32,
mini-batches of 100 drawn at random, learning rate 0.1, 10,000 iterations, accuracy on the full training and test
sets (60,000 / 10,000 images) before training, every 600 iterations and at the end. Timed from the first
iteration to the last accuracy (data loading and imports apart; JAX's compilation is part of its run, and shown).
  ours     engine.training.train_two_layer, as the app runs it (its fast step, accuracy on a second thread)
  PyTorch  the same loop by hand on tensors: autograd for ∂L/∂W, W ← W − η·∂L/∂W under no_grad
  JAX      a jit-compiled step, jax.lax.scan over the iterations of one epoch, the accuracy jit-compiled
Each run is a subprocess, its thread count set by environment variables before any import (OMP_NUM_THREADS,
OPENBLAS_NUM_THREADS, MKL_NUM_THREADS; for one thread XLA_FLAGS=--xla_cpu_multi_thread_eigen=false
intra_op_parallelism_threads=1). Runs are interleaved (ours, PyTorch, JAX, ours, …) so a change in the machine's
load hits all of them; each is credited with its faster thread count (1 or 2) and its fastest round.
Bars: ours / PyTorch ≤ 0.5, ours / JAX ≤ 0.6, our final test accuracy ≥ 0.965. The figures are those of this one
run: on a machine other programs use too they are indicative.

The peers stay out of the app's Python: install them in a separate environment and run the bench with it:
    python3 -m venv --system-site-packages /tmp/peers-venv
    /tmp/peers-venv/bin/pip install torch==2.13.0 jax
    /tmp/peers-venv/bin/python bench/compare_peers.py
A peer that is not installed is skipped, saying so.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "mnist"
HIDDEN, BATCH, LR, EPOCH, STD = 50, 100, 0.1, 600, 0.01
PEERS = ("ours", "torch", "jax")
NAMES = {"ours": "ours (engine.training)", "torch": "PyTorch", "jax": "JAX"}
BARS = {"torch": 0.5, "jax": 0.6}
TEST_BAR = 0.965
INSTALL = "python3 -m venv --system-site-packages /tmp/peers-venv && /tmp/peers-venv/bin/pip install torch==2.13.0 jax"


# ------------------------------------------------------------------------------------------------------------
# One run, inside its own process: prints one JSON line.
# ------------------------------------------------------------------------------------------------------------
def evaluation_points(iters):
    """The iterations after which accuracy is measured: 0, every EPOCH iterations, and the last."""
    return sorted({0, *range(EPOCH, iters + 1, EPOCH), iters})


def run_ours(data, threads, iters, seed):
    sys.path.insert(0, str(ROOT))
    from engine.networks import TwoLayerNet
    from engine.training import run_to_end, train_two_layer

    (x_train, t_train), (x_test, t_test) = data
    net = TwoLayerNet(784, HIDDEN, 10, weight_init_std=STD, activation="relu", seed=seed, dtype=np.float32)
    start = time.perf_counter()
    done = run_to_end(train_two_layer(net, x_train, t_train, x_test, t_test, iters_num=iters, batch_size=BATCH,
                                      learning_rate=LR, seed=seed, threads=threads))
    seconds = time.perf_counter() - start
    assert done["eval_iterations"] == evaluation_points(iters)
    return {"seconds": seconds, "train_acc": done["train_acc"], "test_acc": done["test_acc"],
            "version": f"NumPy {np.__version__}"}


def run_torch(data, threads, iters, seed):
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    (x_train, t_train), (x_test, t_test) = data
    X, XT = torch.from_numpy(x_train), torch.from_numpy(x_test)
    T, TT = torch.from_numpy(t_train.astype(np.int64)), torch.from_numpy(t_test.astype(np.int64))
    params = [(STD * torch.randn(784, HIDDEN)), torch.zeros(HIDDEN), (STD * torch.randn(HIDDEN, 10)), torch.zeros(10)]
    for p in params:
        p.requires_grad_()
    W1, b1, W2, b2 = params

    def accuracy(x, t):
        with torch.no_grad():
            return float((torch.relu(x @ W1 + b1) @ W2 + b2).argmax(dim=1).eq(t).float().mean())

    points, history, losses = set(evaluation_points(iters)), [], []
    start = time.perf_counter()
    history.append((accuracy(X, T), accuracy(XT, TT)))
    for i in range(iters):
        idx = torch.randint(0, len(X), (BATCH,))
        loss = torch.nn.functional.cross_entropy(torch.relu(X[idx] @ W1 + b1) @ W2 + b2, T[idx])
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g in zip(params, grads, strict=True):
                p -= LR * g
        losses.append(loss.item())
        if i + 1 in points:
            history.append((accuracy(X, T), accuracy(XT, TT)))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "train_acc": history[-1][0], "test_acc": history[-1][1],
            "version": f"PyTorch {torch.__version__}"}


def run_jax(data, threads, iters, seed):
    import jax
    import jax.numpy as jnp

    (x_train, t_train), (x_test, t_test) = data
    X, XT = jnp.asarray(x_train), jnp.asarray(x_test)
    T, TT = jnp.asarray(t_train.astype(np.int32)), jnp.asarray(t_test.astype(np.int32))
    key, k1, k2 = jax.random.split(jax.random.PRNGKey(seed), 3)
    params = (STD * jax.random.normal(k1, (784, HIDDEN)), jnp.zeros(HIDDEN), STD * jax.random.normal(k2, (HIDDEN, 10)),
              jnp.zeros(10))

    def scores(p, x):
        W1, b1, W2, b2 = p
        return jnp.maximum(x @ W1 + b1, 0) @ W2 + b2

    def loss(p, x, t):
        return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(scores(p, x)), t[:, None], axis=1))

    @jax.jit
    def epoch(p, X, T, batches):  # one epoch of SGD steps: lax.scan over the mini-batches' indices
        def step(p, idx):
            value, grads = jax.value_and_grad(loss)(p, X[idx], T[idx])
            return tuple(w - LR * g for w, g in zip(p, grads, strict=True)), value
        return jax.lax.scan(step, p, batches)

    @jax.jit
    def accuracy(p, x, t):
        return jnp.mean(scores(p, x).argmax(axis=1) == t)

    start = time.perf_counter()
    compiled, compile_seconds = {}, 0.0  # the epoch step compiled once per number of iterations (600, the rest)
    history = [(float(accuracy(params, X, T)), float(accuracy(params, XT, TT)))]
    done = 0
    while done < iters:
        n = min(EPOCH, iters - done)
        key, sub = jax.random.split(key)
        batches = jax.random.randint(sub, (n, BATCH), 0, len(x_train))
        if n not in compiled:  # part of the run, and shown apart
            t0 = time.perf_counter()
            compiled[n] = epoch.lower(params, X, T, batches).compile()
            compile_seconds += time.perf_counter() - t0
        params, _ = compiled[n](params, X, T, batches)
        done += n
        history.append((float(accuracy(params, X, T)), float(accuracy(params, XT, TT))))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "train_acc": history[-1][0], "test_acc": history[-1][1],
            "compile_seconds": compile_seconds, "version": f"JAX {jax.__version__}"}


def worker(peer, data_dir, threads, iters, seed):
    """Run one peer once (in this process, whose thread variables were set before starting it)."""
    sys.path.insert(0, str(ROOT))
    try:
        run = {"ours": run_ours, "torch": run_torch, "jax": run_jax}[peer]
        if peer != "ours":
            __import__(peer)
    except ImportError as exc:
        return {"missing": f"{NAMES[peer]} is not installed ({exc}); install the peers with: {INSTALL}"}
    from engine.data.datasets import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist(data_dir, normalize=True, flatten=True)
    return run(((x_train, t_train), (x_test, t_test)), threads, iters, seed)


# ------------------------------------------------------------------------------------------------------------
# The comparison: subprocesses, interleaved, then the figures and the bars.
# ------------------------------------------------------------------------------------------------------------
def thread_env(threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    env.pop("XLA_FLAGS", None)
    if threads == 1:
        env["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    return env


def run_in_subprocess(peer, args, threads):
    command = [sys.executable, __file__, "--worker", peer, "--threads", str(threads), "--data", args.data,
               "--iters", str(args.iters), "--seed", str(args.seed)]
    out = subprocess.run(command, env=thread_env(threads), capture_output=True, text=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the four MNIST IDX files")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (at least 2)")
    parser.add_argument("--iters", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worker", choices=PEERS, help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (Path(args.data) / "train-images-idx3-ubyte.gz").exists():
        sys.exit(f"MNIST not found at {args.data} (give --data FOLDER with the four IDX files)")
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.threads, args.iters, args.seed)))
        return

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f}; Python {platform.python_version()} ({sys.executable})")
    print(f"the book's run: 784-{HIDDEN}-10 ReLU, batch {BATCH}, lr {LR}, {args.iters:,} iterations, float32, "
          f"accuracy every {EPOCH}; {max(2, args.rounds)} interleaved rounds, 1 and 2 threads\n")
    results = {peer: {1: [], 2: []} for peer in PEERS}
    skipped = {}
    for round_ in range(max(2, args.rounds)):
        for peer in PEERS:
            for threads in (1, 2):
                if peer in skipped:
                    continue
                result = run_in_subprocess(peer, args, threads)
                if "missing" in result or "error" in result:
                    skipped[peer] = result.get("missing") or f"{NAMES[peer]} failed: {result['error']}"
                    print(f"  {NAMES[peer]}: skipped — {skipped[peer]}")
                    continue
                results[peer][threads].append(result)
                extra = f", of which compiling {result['compile_seconds']:.2f} s" if "compile_seconds" in result \
                    else ""
                print(f"  round {round_ + 1}  {NAMES[peer]:<24} {threads} thread(s)  {result['seconds']:6.2f} s"
                      f"  train {result['train_acc']:.4f}  test {result['test_acc']:.4f}{extra}", flush=True)

    print("\neach credited with its faster thread count and its fastest round:")
    best = {}
    for peer in PEERS:
        runs = [r for threads in (1, 2) for r in results[peer][threads]]
        if not runs:
            continue
        best[peer] = min(runs, key=lambda r: r["seconds"])
        threads = next(k for k in (1, 2) if best[peer] in results[peer][k])
        print(f"  {NAMES[peer]:<24} {best[peer]['seconds']:6.2f} s ({threads} thread(s), {best[peer]['version']}), "
              f"final test accuracy {best[peer]['test_acc']:.4f}")
    if "ours" not in best:
        sys.exit("our run failed: " + skipped.get("ours", "no result"))
    ours = best["ours"]
    verdict = "PASS" if ours["test_acc"] >= TEST_BAR else "FAIL"
    print(f"\nour final test accuracy {ours['test_acc']:.4f} (bar ≥ {TEST_BAR}): {verdict}")
    for peer, bar in BARS.items():
        if peer in best:
            ratio = ours["seconds"] / best[peer]["seconds"]
            print(f"ours / {NAMES[peer]} = {ratio:.2f} (bar ≤ {bar}): {'PASS' if ratio <= bar else 'FAIL'}")
            if "compile_seconds" in best[peer]:
                steady = ours["seconds"] / (best[peer]["seconds"] - best[peer]["compile_seconds"])
                print(f"  (for information: ours / {NAMES[peer]} without its compilation = {steady:.2f})")
        else:
            print(f"ours / {NAMES[peer]}: not measured — {skipped.get(peer, 'no result')}")
    print(f"\nload average after: {os.getloadavg()[0]:.2f} (other programs on the machine make the figures "
          "indicative; compare on a quiet machine)")


if __name__ == "__main__":
    main()
