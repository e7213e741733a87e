"""Copy as Python for the Descent tab: gradient descent x ← x − η∇f(x) (and the chapter 6 optimizers chosen) from
the start on the surface, to the step shown; or, on the simpleNet page, the book's simpleNet (§4.4.2)."""
from __future__ import annotations

from gui.scripts.book import NUMERICAL_GRADIENT, surface
from gui.scripts.optimizers import OPTIMIZERS
from gui.scripts.render import header, join, number, numbers
from gui.scripts.simplenet import simplenet_script

GRADIENT_DESCENT = '''def gradient_descent(f, init_x, lr=0.01, step_num=100):
    """x ← x − η ∇f(x), step_num times; stops (as the app does) when a number overflows."""
    x = init_x
    x_history = [x.copy()]
    for i in range(step_num):
        grad = GRAD(f, x.copy())
        x_new = x - lr * grad
        if not (np.all(np.isfinite(grad)) and np.all(np.isfinite(x_new)) and np.isfinite(f(x_new))):
            print("stopped before step", i + 1, "(a number overflowed)")
            break
        x = x_new
        x_history.append(x.copy())
    return x, np.array(x_history)
'''

DESCEND = '''def descend(optimizer, init_x, step_num):
    """The optimizer's update from ∇f(x), step_num times; stops (as the app does) when a number overflows."""
    params = {"x": init_x.copy()}
    x_history = [init_x.copy()]
    for i in range(step_num):
        grads = {"x": GRAD(f, params["x"].copy())}
        optimizer.update(params, grads)
        x = params["x"]
        if not (np.all(np.isfinite(grads["x"])) and np.all(np.isfinite(x)) and np.isfinite(f(x))):
            print(type(optimizer).__name__, "stopped before step", i + 1, "(a number overflowed)")
            break
        x_history.append(x.copy())
    return np.array(x_history)
'''


def _function_page(s):
    code, formula, _ = surface(s.surface)
    analytic = s.gradient == "analytic"
    grad = "grad_of" if analytic else "numerical_gradient"
    enabled = [o for o in s.optimizers if o.enabled]
    k = min(max(int(s.index), 0), int(s.step_num))
    parts = [header("Gradient descent on f(x0, x1) (the book's 4.4.1"
                    + (" and chapter 6's optimizers)." if any(o.name != "SGD" for o in enabled) else")."),
                    "Descent", "f(x0, x1)"),
             NUMERICAL_GRADIENT, f"# f(x0, x1) = {formula}\n" + code]
    if analytic:
        parts.append("def grad_of(f, x):  # ∇f from the formula (the app's \"analytic\" gradient)\n"
                     "    return gradient(x)\n")
    parts.append("np.seterr(over=\"ignore\", invalid=\"ignore\")  # a run that overflows stops (below), as in the app\n"
                 f"init_x = np.array({numbers(s.start)})\nstep_num = {int(s.step_num)}\n"
                 f"k = {k}  # the step shown\n")
    if [o.name for o in enabled] == ["SGD"]:
        parts.append(GRADIENT_DESCENT.replace("GRAD", grad))
        parts.append(f"x, x_history = gradient_descent(f, init_x.copy(), lr={number(s.lr)}, step_num=step_num)\n"
                     "shown = x_history[min(k, len(x_history) - 1)]\n"
                     'print("SGD x at step k:", shown)\nprint("SGD f(x) at step k:", f(shown))\n'
                     'print("SGD x at the end:", x)\n')
    else:
        parts += [OPTIMIZERS[o.name] for o in enabled]
        parts.append(DESCEND.replace("GRAD", grad))
        made = [f"{o.name}({', '.join(f'{p}={number(v)}' for p, v in o.params.items())})" for o in enabled]
        made = f"({made[0]},)" if len(made) == 1 else "(" + ",\n                  ".join(made) + ")"
        parts.append(f"for optimizer in {made}:\n"
                     "    name = type(optimizer).__name__\n"
                     "    path = descend(optimizer, init_x, step_num)\n"
                     "    shown = path[min(k, len(path) - 1)]\n"
                     '    print(name, "x at step k:", shown)\n    print(name, "f(x) at step k:", f(shown))\n'
                     '    print(name, "x at the end:", path[-1])\n')
    return parts


def script(tab) -> str:
    s = tab.state
    parts = simplenet_script(s.simplenet) if s.page == "simplenet" else _function_page(s)
    return join(parts)
