"""The graph page's explanations: the chain rule on J = 3(a + bc) or logistic regression as a graph
(GraphExplanation), and logistic regression's vectorised form with a numeric example of m = 3 samples computed
by engine.graph.logistic_vectorised (VectorisedExplanation)."""
from __future__ import annotations

import numpy as np

from engine import graph
from gui.widgets.explanation import Explanation


def fixed(x):
    """A number of the vectorised example, to 4 decimals (no −0.0000)."""
    text = f"{float(x):.4f}"
    return text[1:] if text == "-0.0000" else text


def vector_example(state):
    """engine.graph.logistic_vectorised on three samples: the graph's own (x1, x2, y) first, then two more."""
    X = np.column_stack(([state.x1, state.x2], graph.VECTOR_X[:, 1:]))
    Y = np.concatenate(([state.y], graph.VECTOR_Y[1:]))
    return X, Y, graph.logistic_vectorised(X, Y, [state.w1, state.w2], state.bias)


class Shown(Explanation):
    """Rich text that is only set again when it changes (a step leaves the reader's scroll position alone)."""

    def set_text(self, html):
        if html != getattr(self, "shown_html", None):
            self.shown_html = html
            self.setHtml(html)


class GraphExplanation(Shown):
    """Rich text set by show(state), again on every language change (the page's refresh calls it)."""

    def show(self, state):
        self.set_text(self.logistic_html(state) if state.graph == "logistic" else self.j_html())

    def j_html(self):
        return self.tr(
            "<h3>The chain rule on a computation graph</h3>"
            "<p>J = 3(a + bc) is computed in three small steps: u = bc, v = a + u, J = 3v.</p>"
            "<p><b>Forward</b> (left to right): with a = 5, b = 3, c = 2 we get u = 6, v = 11, J = 33.</p>"
            "<p><b>Backward</b> (right to left): each node's derivative dJ/d(node) is the derivative of the "
            "node after it times the local derivative of the edge between them (the chain rule): "
            "dJ/dv = 3, dJ/du = dJ/dv · 1 = 3, dJ/da = 3, dJ/db = dJ/du · c = 6, dJ/dc = dJ/du · b = 9.</p>"
            "<p>Check: with a = 7, b = 4, c = 2 (v = 15, J = 45), raising v by 0.001 raises J by 0.003, "
            "three times as much, because dJ/dv = 3.</p>"
            "<p>Backpropagation in a network is this, with many more nodes.</p>")

    def logistic_html(self, state):
        one = self.tr(
            "<h3>Logistic regression as a computation graph</h3>"
            "<p>One sample x = (x1, x2) with its label y; the parameters w1, w2, b:<br>"
            "z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y) = −(y log a + (1 − y) log(1 − a))</p>"
            "<p><b>Forward</b>, the worked example x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1: "
            "z = 0, a = 0.5, L = 0.6931471805599453 (= log 2).</p>"
            "<p><b>Backward</b>, writing dv for dL/dv as the lessons do: da = −y/a + (1 − y)/(1 − a) = −2, "
            "dz = da · a(1 − a) = a − y = −0.5, dw1 = x1·dz = −0.5, dw2 = x2·dz = −1, db = dz = −0.5.</p>"
            "<p>x1, x2 and y are data, not parameters: gradient descent changes only w1, w2 and b "
            "(w1 ← w1 − α·dw1, …), so their derivatives are all it needs.</p>"
            "<p>z is summed from the numbers as written (0.5 − 0.6 + 0.1 = 0); a float sum left to right gives "
            "2.8e-17, because 0.3 and 0.1 have no exact binary form.</p>")
        return one + self.tr("<p>The next tab, <i>m samples at once</i>, does the same for many samples.</p>")


class VectorisedExplanation(Shown):
    """The vectorised form and its example for the logistic graph's w, b and sample, set by show(state)."""

    def show(self, state):
        X, Y, out = vector_example(state)
        sample = self.tr("sample %1")
        head = "".join(f"<th>&nbsp;{sample.replace('%1', str(i + 1))}&nbsp;</th>" for i in range(3))
        rows = (("x1", X[0]), ("x2", X[1]), ("y", Y), ("z", out["Z"]), ("a", out["A"]), ("L", out["L"]),
                ("dz = a − y", out["dZ"]))
        body = "".join(f"<tr><td>{name}&nbsp;</td>" + "".join(f"<td align='right'>{fixed(x)}</td>" for x in values)
                       + "</tr>" for name, values in rows)
        w = f"({graph.number_text(state.w1)}, {graph.number_text(state.w2)})"
        self.set_text(self.tr(
            "<h3>Vectorised: m samples at once</h3>"
            "<p>Put the samples side by side as the columns of X (n<sub>x</sub> × m) and their labels in Y "
            "(1 × m); one pass serves them all:<br>"
            "Z = wᵀX + b, A = σ(Z), J = ΣL/m<br>dZ = A − Y, dw = X·dZᵀ/m, db = ΣdZ/m</p>"
            "<p>With m = 3, the graph's sample first, w = %1, b = %2 (4 decimals):</p>")
            .replace("%1", w).replace("%2", graph.number_text(state.bias))
            + f"<table cellspacing='2'><tr><th></th>{head}</tr>{body}</table>"
            + self.tr("<p>dw = (%1, %2), db = %3, J = %4: the means of the samples' x1·dz, x2·dz, dz and L.</p>"
                      "<p>This is the cat classifier's propagate() (Training → Cat / non-cat): there X is "
                      "12,288 × 209, one column per picture, and each iteration of gradient descent is one such "
                      "pass.</p>")
            .replace("%1", fixed(out["dw"][0])).replace("%2", fixed(out["dw"][1]))
            .replace("%3", fixed(out["db"])).replace("%4", fixed(out["cost"])))
