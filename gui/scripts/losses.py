"""Copy as Python for the Losses tab: y against a one-hot t (MSE and cross-entropy), and the side page shown —
the softmax of the typed scores (naive and shifted by C = max a) or the random mini-batch's average loss."""
from __future__ import annotations

from engine.lab import losses as loss_lab
from gui.scripts.book import CROSS_ENTROPY_ERROR, MEAN_SQUARED_ERROR, SOFTMAX
from gui.scripts.render import header, join, number, numbers

SIDE_PAGES = ("explanation", "softmax", "batch")  # the tab's side pages, in order


def side_page(tab) -> str:
    """The side page shown (read from the tab's page widget: the state has no page field)."""
    side = getattr(tab, "side", None)
    index = side.currentIndex() if side is not None else 0
    return SIDE_PAGES[index] if 0 <= index < len(SIDE_PAGES) else SIDE_PAGES[0]


def script(tab) -> str:
    s = tab.state
    page = side_page(tab)
    lines = [header("The losses of an output y against the correct class t (the book's 4.2).", "Losses"),
             SOFTMAX, MEAN_SQUARED_ERROR, CROSS_ENTROPY_ERROR]
    if s.mode == "logits":
        lines.append(f"a = np.array({numbers(s.logits)})  # the scores you set\n"
                     "y = softmax(a)  # the net's output: probabilities\n")
    else:
        lines.append(f"y = np.array({numbers(s.y)})  # the output you set\n")
    t = [0] * loss_lab.NUM_CLASSES
    t[int(s.target)] = 1
    lines[-1] += (f"t = np.array({t})  # one-hot: the correct class is {int(s.target)}\n"
                  'print("y:", y)\n'
                  'print("mean_squared_error:", mean_squared_error(y, t))\n'
                  'print("cross_entropy_error:", cross_entropy_error(y, t))\n')
    if page == "softmax":
        try:
            a = loss_lab.parse_numbers(s.scores_text)
        except loss_lab.NumberListError:
            a = None
        if a is not None:
            lines.append("\n# Softmax overflow: exp(a) of large scores is inf; subtracting C = max(a) first is not.\n"
                         f"a = np.array({numbers(a)})\n"
                         "with np.errstate(over=\"ignore\", invalid=\"ignore\"):  # inf and nan are the lesson\n"
                         "    exp_a = np.exp(a)  # overflows to inf for a > 709\n"
                         "    naive = exp_a / np.sum(exp_a)  # y_k = exp(a_k) / Σ exp(a_i), no shift\n"
                         'print("exp(a):", exp_a)\n'
                         'print("naive y:", naive)\n'
                         'print("C = max(a):", np.max(a))\n'
                         'print("stable y:", softmax(a))\n')
    elif page == "batch":
        lines.append(f"\n# A mini-batch of N = {int(s.batch_size)} random outputs and labels, as the app draws "
                     "them.\n"
                     f"rng = np.random.default_rng({int(s.batch_seed)})\n"
                     f"y_batch = softmax({number(2.0)} * rng.standard_normal(({int(s.batch_size)}, "
                     f"{loss_lab.NUM_CLASSES})))\n"
                     f"t_batch = rng.integers(0, {loss_lab.NUM_CLASSES}, size={int(s.batch_size)})  # labels\n"
                     'print("labels t_n:", t_batch)\n'
                     'print("-log(y[n, t_n] + 1e-7):", -np.log(y_batch[np.arange(len(t_batch)), t_batch] + 1e-7))\n'
                     'print("average with label t:", cross_entropy_error(y_batch, t_batch))\n'
                     f'print("average with one-hot t:", cross_entropy_error(y_batch, '
                     f'np.eye({loss_lab.NUM_CLASSES})[t_batch]))\n')
    return join(lines)
