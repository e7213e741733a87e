"""Copy as Python for the Derivatives tab, page by page: the slope at a point (forward and central differences),
the error against h, the partial derivatives of x0² + x1² as slices, and the computation graph (J = 3(a + bc) or
logistic regression) forward and backward."""
from __future__ import annotations

from gui.scripts.book import NUMERICAL_DIFF, NUMPY_QUIET
from gui.scripts.render import SIGMOID, header, helpers_for, join, number, python_expression, quoted

# The functions of the list, as the app computes them: (name, definition body, exact derivative f′(x)).
NAMED = {
    "book": ("function_1", "0.01 * x**2 + 0.1 * x", "0.02 * x + 0.1"),
    "sin": ("f", "np.sin(x)", "np.cos(x)"),
    "cube": ("f", "x**3", "3 * x**2"),
    "exp": ("f", "np.exp(x)", "np.exp(x)"),
    "sigmoid": ("f", "sigmoid(x)", "sigmoid(x) * (1.0 - sigmoid(x))"),
    "tanh": ("f", "np.tanh(x)", "1 - np.tanh(x)**2"),
    "log": ("f", "np.log(x)", "1 / x"),
}
PAGE_NAMES = {"point": "Slope at a point", "error": "Error against h", "partial": "Partial derivatives",
              "graph": "Computation graph"}
H_LIST = "[" + ", ".join(f"1e-{k}" for k in range(1, 17)) + "]"


def function_code(fn):
    """(code defining the function, its name, code of the exact derivative or None) for a Function1D."""
    if fn.key in NAMED:
        name, body, exact = NAMED[fn.key]
        code = f"def {name}(x):  # {fn.formula}\n    return {body}\n"
        code += f"\n\ndef exact_diff(x):  # f′(x) = {fn.derivative}\n    return {exact}\n"
        return helpers_for(code) + code, name, "exact_diff"
    body = python_expression(fn.text)
    code = (f"def f(x):  # typed in the app: {quoted(fn.text)}\n"
            "    x = np.float64(x)  # a NumPy number: 1/0 gives inf, as in the app\n"
            f"    return {body}\n")
    return NUMPY_QUIET + "\n\n" + helpers_for(code) + code, "f", None


def _slope(s):
    fn = s.fn
    code, f, exact = function_code(fn)
    out = [code, f"x0 = {number(s.x0)}\nh = {number(s.h)}\n"
                 f'print("f(x0):", {f}(x0))\n'
                 f'print("forward difference:", forward_diff({f}, x0, h))\n'
                 f'print("central difference:", numerical_diff({f}, x0, h))\n']
    if exact:
        out[-1] += (f'print("exact derivative:", {exact}(x0))\n'
                    f'print("forward error:", abs(forward_diff({f}, x0, h) - {exact}(x0)))\n'
                    f'print("central error:", abs(numerical_diff({f}, x0, h) - {exact}(x0)))\n'
                    f"# the tangent line at x0: y = f(x0) + d·(x − x0), d = numerical_diff({f}, x0, h)\n")
    return out


def _error(s):
    fn = s.fn
    code, f, exact = function_code(fn)
    out = [code, f"x0 = {number(s.x0)}\nhs = np.array({H_LIST})\n"
                 f"forward = np.array([forward_diff({f}, x0, h) for h in hs])\n"
                 f"central = np.array([numerical_diff({f}, x0, h) for h in hs])\n"]
    if exact:
        out[-1] += (f"forward_error = np.abs(forward - {exact}(x0))  # truncation error ∝ h, rounding ∝ 1/h\n"
                    f"central_error = np.abs(central - {exact}(x0))  # truncation error ∝ h²\n"
                    'print("h:", hs)\nprint("forward error:", forward_error)\nprint("central error:", central_error)\n'
                    "best_forward = hs[np.argmin(np.where(np.isfinite(forward_error), forward_error, np.inf))]\n"
                    "best_central = hs[np.argmin(np.where(np.isfinite(central_error), central_error, np.inf))]\n"
                    'print("best h, forward:", best_forward)\nprint("best h, central:", best_central)\n')
    else:
        out[-1] += ("# A typed function has no known exact derivative, so the app measures no error:\n"
                    "# here are the differences themselves.\n"
                    'print("h:", hs)\nprint("forward difference:", forward)\nprint("central difference:", central)\n')
    out.append(f"# Too small an h: x0 + 1e-50 == x0 in float64, so the difference is 0.\n"
               f'print("x0 + 1e-50 == x0 is", x0 + 1e-50 == x0)\n'
               f'print("central difference with h = 1e-50:", numerical_diff({f}, x0, 1e-50))\n')
    return out


def _partial(s):
    return ["def function_2(x0, x1):  # f(x0, x1) = x0² + x1²\n    return x0**2 + x1**2\n",
            f"x0, x1 = {number(s.p0)}, {number(s.p1)}\n\n\n"
            "def function_tmp1(t):  # x1 fixed: a function of x0 alone\n    return function_2(t, x1)\n\n\n"
            "def function_tmp2(t):  # x0 fixed: a function of x1 alone\n    return function_2(x0, t)\n\n\n"
            'print("f(x0, x1):", function_2(x0, x1))\n'
            'print("df/dx0 (x1 fixed):", numerical_diff(function_tmp1, x0))\n'
            'print("df/dx1 (x0 fixed):", numerical_diff(function_tmp2, x1))\n'
            'print("exact 2*x0, 2*x1:", 2 * x0, 2 * x1)\n']


def _graph(s):
    if s.graph == "logistic":
        v = {name: number(getattr(s, field)) for name, field in (("x1", "x1"), ("x2", "x2"), ("w1", "w1"),
                                                                 ("w2", "w2"), ("b", "bias"), ("y", "y"))}
        return [SIGMOID, "# Logistic regression as a computation graph: z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y)\n"
                f"x1, x2 = {v['x1']}, {v['x2']}\nw1, w2, b = {v['w1']}, {v['w2']}, {v['b']}\ny = {v['y']}\n"
                "# forward (the app sums z exactly as the numbers are written: a float rest like 2.8e-17 shows as 0)\n"
                "z = w1 * x1 + w2 * x2 + b\n"
                "a = sigmoid(z)\n"
                "one_minus_a = sigmoid(-z)  # 1 − a, without losing digits when a is near 1\n"
                "L = -(y * np.log(a) + (1 - y) * np.log(one_minus_a))\n"
                'print("z:", z)\nprint("a:", a)\nprint("L:", L)\n'
                "# backward, dv meaning dL/dv\n"
                "da = -y / a + (1 - y) / one_minus_a\n"
                "dz = a - y  # = da · a(1 − a)\n"
                "dw1, dw2, db = x1 * dz, x2 * dz, dz\n"
                'print("da:", da)\nprint("dz:", dz)\nprint("dw1:", dw1)\nprint("dw2:", dw2)\nprint("db:", db)\n']
    return [f"# J = 3(a + bc) as a computation graph: u = bc, v = a + u, J = 3v\n"
            f"a, b, c = {number(s.a)}, {number(s.b)}, {number(s.c)}\n"
            "u = b * c\nv = a + u\nJ = 3 * v\n"
            'print("u:", u)\nprint("v:", v)\nprint("J:", J)\n'
            "# backward by the chain rule\n"
            "dJ_dv = 3\ndJ_du = dJ_dv * 1\ndJ_da = dJ_dv * 1\ndJ_db = dJ_du * c\ndJ_dc = dJ_du * b\n"
            'print("dJ/dv:", dJ_dv)\nprint("dJ/du:", dJ_du)\nprint("dJ/da:", dJ_da)\n'
            'print("dJ/db:", dJ_db)\nprint("dJ/dc:", dJ_dc)\n']


PARTS = {"point": _slope, "error": _error, "partial": _partial, "graph": _graph}


def script(tab) -> str:
    s = tab.state
    page = s.page if s.page in PARTS else "point"
    what = {"point": "The slope of f at a point by numerical differentiation (the book's 4.3.2).",
            "error": "How the error of a numerical derivative depends on h (the book's 4.3.1).",
            "partial": "Partial derivatives of f(x0, x1) = x0² + x1² (the book's 4.3.3).",
            "graph": "The chain rule on a computation graph, forward and backward (the lessons' example)."}[page]
    parts = [header(what, "Derivatives", PAGE_NAMES[page])]
    if page != "graph":
        parts.append(NUMERICAL_DIFF)
    parts += PARTS[page](s)
    return join(parts)
