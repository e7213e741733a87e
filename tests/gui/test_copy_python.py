"""Edit → Copy as Python, driven like a user: set something on a tab, copy its script from the Edit menu (or with
Ctrl+Shift+C), run the script in a fresh Python with NumPy alone, and read every printed number against what the
app computes from its state (engine/). Plus: a typed function reaches a script only as the parser understood it,
Save as Python… writes the same script to a .py file, and the menu follows the language."""
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from engine import expr, graph
from engine.lab import derivatives as dlab
from engine.lab import descent as dl
from engine.lab import field as field_lab
from engine.lab import losses as loss_lab
from engine.lab import simplenet as sl
from gui.main_window import MainWindow
from gui.scripts.render import python_expression, quoted
from gui.tabs.derivatives.state import PAGES
from tests.gui.actions import click, type_into

NUMBER = re.compile(r"[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def copy_script(window, key):
    """Open tab `key`, choose Edit → Copy as Python; the clipboard's text, checked against the status bar."""
    window.show_tab(key)
    action = window.script_actions.copy_action
    assert action.isEnabled() and action in window.edit_menu.actions()
    action.trigger()
    text = QGuiApplication.clipboard().text()
    lines = len(text.splitlines())
    assert window.statusBar().currentMessage() == (f"Copied a Python script of this experiment ({lines} lines) — "
                                                   "paste it into a file and run it with python")
    return text


def run(text, tmp_path):
    """Run the script in a fresh Python, outside the repository (nothing of the app importable), and return its
    printed numbers as {label: flat array}; a label is what comes before ": ", continuation lines start with a
    space (NumPy's rows of a matrix)."""
    for module in ("engine", "gui", "PySide6", "pyqtgraph"):
        assert not re.search(rf"^\s*(import|from)\s+{module}\b", text, re.M), module
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", text], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr
    out, label = {}, None
    for line in done.stdout.splitlines():
        if line.startswith(" ") and label is not None:
            out[label] += " " + line
        elif ": " in line:
            label, rest = line.split(": ", 1)
            assert label not in out, f"{label!r} printed twice"
            out[label] = rest
        else:
            label = None
    return {k: np.array([float(n) for n in NUMBER.findall(v)]) for k, v in out.items()}


def same(printed, expected, rtol=1e-9, atol=1e-12):
    expected = np.atleast_1d(np.asarray(expected, dtype=np.float64)).ravel()
    assert printed.shape == expected.shape, (printed, expected)
    assert np.allclose(printed, expected, rtol=rtol, atol=atol, equal_nan=True), (printed, expected)


def check(got, expected):
    """Every expected label printed with the app's numbers (and nothing printed that is not checked)."""
    assert sorted(got) == sorted(expected), (sorted(got), sorted(expected))
    for label, value in expected.items():
        same(got[label], value)


# ---------------------------------------------------------------------------------------------------- Losses
def test_losses_output_edited_and_the_target_changed(qtbot, window, tmp_path):
    tab = window.tab_pages["losses"]
    click(qtbot, tab.controls.example_seven)
    tab.on_bar_edited(3, 0.25)  # what dragging bar 3 to 0.25 does
    tab.set_target(7)
    got = run(copy_script(window, "losses"), tmp_path)
    mse, ce = loss_lab.losses(tab.state.y, 7)
    check(got, {"y": tab.state.y, "mean_squared_error": mse, "cross_entropy_error": ce})


def test_losses_scores_and_the_softmax_page(qtbot, window, tmp_path):
    tab = window.tab_pages["losses"]
    click(qtbot, tab.controls.mode_logits)
    tab.on_bar_edited(4, 3.5)
    tab.side.setCurrentWidget(tab.softmax_page)
    type_into(qtbot, tab.softmax_page.logits_edit, "1000, 990.5, 1010, -5")
    assert tab.state.mode == "logits" and tab.state.scores_text == "1000, 990.5, 1010, -5"
    text = copy_script(window, "losses")
    assert "y = softmax(a)" in text
    got = run(text, tmp_path)
    st = loss_lab.softmax_steps(loss_lab.parse_numbers(tab.state.scores_text))
    mse, ce = loss_lab.losses(tab.state.y, tab.state.target)
    check(got, {"y": tab.state.y, "mean_squared_error": mse, "cross_entropy_error": ce, "exp(a)": st["exp_naive"],
                "naive y": st["y_naive"], "C = max(a)": st["shift"], "stable y": st["y"]})
    assert np.isinf(got["exp(a)"][:3]).all() and np.isnan(got["naive y"][:3]).all()  # the overflow


def test_losses_mini_batch_page(qtbot, window, tmp_path):
    tab = window.tab_pages["losses"]
    tab.side.setCurrentWidget(tab.batch_page)
    type_into(qtbot, tab.batch_page.size_spin, "7")
    click(qtbot, tab.batch_page.new_button)
    click(qtbot, tab.batch_page.new_button)
    assert (tab.state.batch_size, tab.state.batch_seed) == (7, 2)
    got = run(copy_script(window, "losses"), tmp_path)
    y, t = tab.state.batch()
    r = loss_lab.batch_losses(y, t)
    mse, ce = loss_lab.losses(tab.state.y, tab.state.target)
    check(got, {"y": tab.state.y, "mean_squared_error": mse, "cross_entropy_error": ce, "labels t_n": t,
                "-log(y[n, t_n] + 1e-7)": r["per_sample"], "average with label t": r["mean_label"],
                "average with one-hot t": r["mean_one_hot"]})


# ---------------------------------------------------------------------------------------------------- Derivatives
def derivatives_page(window, page):
    tab = window.tab_pages["derivatives"]
    window.show_tab("derivatives")
    tab.pages.setCurrentIndex(PAGES.index(page))
    assert tab.state.page == page
    return tab


def slope_expected(s):
    r = dlab.derivative_at(s.fn, s.x0, s.h)
    expected = {"f(x0)": r["y0"], "forward difference": r["forward"], "central difference": r["central"]}
    if r["exact"] is not None:
        expected |= {"exact derivative": r["exact"], "forward error": r["forward_error"],
                     "central error": r["central_error"]}
    return expected


def test_derivatives_slope_of_a_typed_function(qtbot, window, tmp_path):
    tab = derivatives_page(window, "point")
    type_into(qtbot, tab.slope.expr_edit, "0.5*x^3 - 2*x + 1/4")
    click(qtbot, tab.slope.apply_button)
    type_into(qtbot, tab.slope.x0_spin, "1.5")
    assert tab.state.fn.key == "typed" and tab.state.x0 == 1.5
    text = copy_script(window, "derivatives")
    assert "return 0.5 * x**3 - 2 * x + 0.25" in text
    check(run(text, tmp_path), slope_expected(tab.state))


def test_derivatives_slope_of_the_book_s_function_with_a_chosen_h(qtbot, window, tmp_path):
    tab = derivatives_page(window, "point")
    click(qtbot, tab.slope.book10_button)
    tab.slope.h_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.slope.h_spin.lineEdit(), "1e-6")
    qtbot.keyClick(tab.slope.h_spin.lineEdit(), Qt.Key.Key_Return)
    assert (tab.state.x0, tab.state.h) == (10.0, 1e-6)
    text = copy_script(window, "derivatives")
    assert "def function_1(x)" in text
    check(run(text, tmp_path), slope_expected(tab.state))


@pytest.mark.parametrize("key", ["tanh", "sigmoid"])
def test_derivatives_error_against_h(qtbot, window, tmp_path, key):
    tab = derivatives_page(window, "error")
    index = tab.error.combo.findData(key)
    tab.error.combo.setCurrentIndex(index)
    tab.error.combo.activated.emit(index)
    type_into(qtbot, tab.error.x0_spin, "-0.75")
    assert tab.state.fn.key == key and tab.state.x0 == -0.75
    got = run(copy_script(window, "derivatives"), tmp_path)
    e, tiny = dlab.error_vs_h(tab.state.fn, tab.state.x0), dlab.tiny_h(tab.state.fn, tab.state.x0)
    check(got, {"h": e["h"], "forward error": e["forward"], "central error": e["central"],
                "best h, forward": e["best_forward"], "best h, central": e["best_central"],
                "central difference with h = 1e-50": tiny["central"]})


def test_derivatives_error_page_of_a_typed_function_prints_the_differences(qtbot, window, tmp_path):
    tab = derivatives_page(window, "point")
    type_into(qtbot, tab.slope.expr_edit, "exp(-x^2) * cos(3*x)")
    click(qtbot, tab.slope.apply_button)
    tab.pages.setCurrentIndex(PAGES.index("error"))
    got = run(copy_script(window, "derivatives"), tmp_path)
    fn, x0 = tab.state.fn, tab.state.x0
    hs = dlab.H_VALUES
    check(got, {"h": hs, "forward difference": [dlab.numerical_diff(fn, x0, h, "forward") for h in hs],
                "central difference": [dlab.numerical_diff(fn, x0, h, "central") for h in hs],
                "central difference with h = 1e-50": dlab.tiny_h(fn, x0)["central"]})


def test_derivatives_partials_at_a_chosen_point(qtbot, window, tmp_path):
    tab = derivatives_page(window, "partial")
    type_into(qtbot, tab.partials.p_spins[0], "-1.25")
    type_into(qtbot, tab.partials.p_spins[1], "2.5")
    assert (tab.state.p0, tab.state.p1) == (-1.25, 2.5)
    got = run(copy_script(window, "derivatives"), tmp_path)
    sl_ = dlab.partial_slices(tab.state.p0, tab.state.p1)
    check(got, {"f(x0, x1)": sl_["x0"]["value"], "df/dx0 (x1 fixed)": sl_["x0"]["slope"],
                "df/dx1 (x0 fixed)": sl_["x1"]["slope"], "exact 2*x0, 2*x1": [sl_["x0"]["exact"], sl_["x1"]["exact"]]})


def test_derivatives_partials_book_point(qtbot, window, tmp_path):
    tab = derivatives_page(window, "partial")
    click(qtbot, tab.partials.book_point_button)
    got = run(copy_script(window, "derivatives"), tmp_path)
    assert got["df/dx0 (x1 fixed)"][0] == 6.00000000000378 and got["df/dx1 (x0 fixed)"][0] == 7.999999999999119


def test_derivatives_j_graph(qtbot, window, tmp_path):
    tab = derivatives_page(window, "graph")
    click(qtbot, tab.graph.inputs["J"].example2_button)
    assert (tab.state.a, tab.state.b, tab.state.c) == (7.0, 4.0, 2.0)
    got = run(copy_script(window, "derivatives"), tmp_path)
    v = graph.forward(7.0, 4.0, 2.0)
    d = graph.backward(v)
    check(got, {"u": v["u"], "v": v["v"], "J": v["J"], "dJ/dv": d["v"], "dJ/du": d["u"], "dJ/da": d["a"],
                "dJ/db": d["b"], "dJ/dc": d["c"]})


def test_derivatives_logistic_graph(qtbot, window, tmp_path):
    tab = derivatives_page(window, "graph")
    combo = tab.graph.graph_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert tab.state.graph == "logistic"
    tab.state.set_graph_input("logistic", "w2", 1.75)  # what typing into the w2 box writes
    tab.state.set_graph_input("logistic", "y", 0)
    got = run(copy_script(window, "derivatives"), tmp_path)
    v = graph.logistic_forward(**tab.state.graph_inputs())
    d = graph.logistic_backward(v)
    check(got, {"z": v["z"], "a": v["a"], "L": v["L"], "da": d["a"], "dz": d["z"], "dw1": d["w1"], "dw2": d["w2"],
                "db": d["b"]})


def test_the_logistic_worked_example(window, tmp_path):
    derivatives_page(window, "graph").state.graph = "logistic"
    got = run(copy_script(window, "derivatives"), tmp_path)
    assert got["L"][0] == 0.6931471805599453 and list(got["dw2"]) == [-1.0]  # CURRICULUM §4c
    assert abs(got["z"][0]) < 1e-16  # the app shows 0: it sums the numbers as written


# ---------------------------------------------------------------------------------------------------- typed text
HOSTILE = ["__import__('os').system('echo hacked')", "x; import os", "x\nimport os", "exec('1')", "x # comment",
           "open('/etc/passwd')", "x.__class__", "lambda: 1", "'x'", "[x]"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_reaches_a_script(qtbot, window, tmp_path, text):
    """The parser refuses it, so the state keeps the last accepted function and the script reproduces that."""
    tab = derivatives_page(window, "point")
    type_into(qtbot, tab.slope.expr_edit, "sin(x) + x^2")
    click(qtbot, tab.slope.apply_button)
    tab.slope.expr_edit.setText(text)  # pasted (a line edit's paste keeps everything but the newline)
    click(qtbot, tab.slope.apply_button)
    assert tab.state.text == "sin(x) + x^2"
    script = copy_script(window, "derivatives")
    for piece in ("import os", "__import__", "exec(", "open(", "__class__", "lambda:", "hacked"):
        assert piece not in script
    check(run(script, tmp_path), slope_expected(tab.state))


VALID = ["0.5*x**3 - 2*x", "1/2*x^2", "-x^2", "(-x)^2", "2^-x", "x^(1/3)", "sin(x) + ln(x)", "x - (x - 1)",
         "x / (x*2)", "-(x + 1)", "--x", "2^x^2", "(x^2)^3", "min(x, 1/0)", "sigmoid(x)*relu(x)", "pi*x + e",
         "x - -2", "x*-2", "exp(-x)", "abs(x)", "3", "max(x, 0)·2 ÷ 3 − x", "log10(abs(x)) + log2(2)", "atan(x)",
         "x / 0", "(-8)^(1/3) + x", "10^400 * x", "x +\n 1"]


def test_typed_functions_render_to_the_same_function():
    """Each valid text, as the script writes it, gives the parser's numbers (nan and inf included) at many x."""
    env = {"np": np, "sigmoid": expr.FUNCTIONS["sigmoid"][0], "relu": expr.FUNCTIONS["relu"][0]}
    xs = np.array([-3.7, -1.0, -0.25, 0.0, 1e-9, 0.5, 2.0, 11.0])
    for text in VALID:
        code = python_expression(text)
        assert "\n" not in code and "\n" not in quoted(text)
        fn = eval(f"lambda x: {code}", env)  # the test's own check of the renderer's output, never user text
        with np.errstate(all="ignore"):
            got = np.array([float(fn(np.float64(x))) for x in xs])
        np.testing.assert_array_equal(got, expr.parse(text)(xs), err_msg=f"{text!r} → {code}")


# ---------------------------------------------------------------------------------------------------- Gradient field
def field_expected(tab):
    s = tab.state
    surface = field_lab.surface_for(s.key, s.text)
    f = field_lab.gradient_field(surface, field_lab.field_defaults(s.key).view, s.step, s.sign)
    numerical, analytic = field_lab.gradient_at(surface, s.point)
    expected = {"arrows": f.X0.size, "largest |∇f| on the grid": f.largest,
                "f(x)": field_lab.value_at(surface, s.point), "numerical_gradient(f, x)": numerical}
    if analytic is not None:
        expected["analytic gradient"] = analytic
    angle = field_lab.angle_to_minimum(s.point, -numerical, surface.minimum)
    if angle is not None:
        expected["angle between −∇f and the way to the minimum (degrees)"] = angle
    return expected


def test_gradient_field_on_rosenbrock_at_a_picked_point(qtbot, window, tmp_path):
    tab = window.tab_pages["gradient_field"]
    window.show_tab("gradient_field")
    index = tab.controls.surface_combo.findData("rosenbrock")
    tab.controls.surface_combo.setCurrentIndex(index)
    tab.controls.surface_combo.activated.emit(index)
    tab.set_point((-1.2, 1.5))  # what a click on the plot does
    assert tab.state.key == "rosenbrock"
    check(run(copy_script(window, "gradient_field"), tmp_path), field_expected(tab))


def test_gradient_field_of_a_typed_function_rising(qtbot, window, tmp_path):
    tab = window.tab_pages["gradient_field"]
    window.show_tab("gradient_field")
    index = tab.controls.surface_combo.findData(field_lab.CUSTOM_KEY)
    tab.controls.surface_combo.setCurrentIndex(index)
    tab.controls.surface_combo.activated.emit(index)
    type_into(qtbot, tab.controls.function_edit, "x0^2 - 3*sin(x1) + x0*x1/4 + relu(x1)*sigmoid(x0)")
    click(qtbot, tab.controls.function_button)
    click(qtbot, tab.controls.ascent_check)
    tab.set_point((0.5, -1.0))
    assert tab.state.key == field_lab.CUSTOM_KEY and tab.state.ascent
    text = copy_script(window, "gradient_field")
    assert "+∇f" in text and "arrows = grad" in text
    check(run(text, tmp_path), field_expected(tab))


# ---------------------------------------------------------------------------------------------------- Descent
def descent_expected(s):
    d = dl.Descent(s)
    k = s.index
    expected = {}
    for r in d.runs():
        r.ensure(s.step_num)
        j = r.last(k)
        expected |= {f"{r.name} x at step k": r.xs[j], f"{r.name} f(x) at step k": r.fs[j],
                     f"{r.name} x at the end": r.xs[r.computed]}
    return expected


def test_descent_the_book_s_twenty_steps(qtbot, window, tmp_path):
    tab = window.tab_pages["descent"]
    window.show_tab("descent")
    click(qtbot, tab.controls.preset_buttons["lr_0.1_20"])
    click(qtbot, tab.transport.end_button)
    assert tab.state.index == 20 and tab.state.step_num == 20
    text = copy_script(window, "descent")
    assert "def gradient_descent(f, init_x, lr=0.01, step_num=100)" in text
    got = run(text, tmp_path)
    check(got, descent_expected(tab.state))
    same(got["SGD x at the end"], [-0.03458765, 0.04611686], rtol=1e-6)  # CURRICULUM §4


def test_descent_chapter_6_optimizers_with_the_analytic_gradient(qtbot, window, tmp_path):
    tab = window.tab_pages["descent"]
    window.show_tab("descent")
    click(qtbot, tab.controls.preset_buttons["chapter6"])
    click(qtbot, tab.controls.opt_checks["AdaGrad"])  # off
    click(qtbot, tab.transport.end_button)
    assert tab.state.gradient == "analytic" and not tab.state.optimizer("AdaGrad").enabled
    text = copy_script(window, "descent")
    assert "class Adam" in text and "class AdaGrad" not in text
    check(run(text, tmp_path), descent_expected(tab.state))


def test_descent_runs_that_overflow_stop_where_the_app_stops(window, tmp_path):
    tab = window.tab_pages["descent"]
    s = tab.state
    s.surface, s.start, s.step_num, s.gradient, s.index = "rosenbrock", (-1.5, 2.0), 40, "analytic", 3
    s.lr = 0.01
    s.optimizer("Momentum").enabled = True
    tab.show_state()
    runs = dl.Descent(s).runs()
    for r in runs:
        r.ensure(40)
    assert [(r.name, r.stopped) for r in runs] == [("SGD", True), ("Momentum", True)]  # f overflows: they stop
    check(run(copy_script(window, "descent"), tmp_path), descent_expected(s))


def test_descent_simplenet_after_steps_with_a_nudge(qtbot, window, tmp_path):
    tab = window.tab_pages["descent"]
    window.show_tab("descent")
    tab.pages.setCurrentWidget(tab.simplenet)
    page = tab.simplenet
    type_into(qtbot, page.controls.weights.spins[0][2], "2.5")
    click(qtbot, page.controls.t_buttons[0])
    for _ in range(4):
        click(qtbot, page.step_button)
    click(qtbot, page.analytic_grid.cells[0][1])
    click(qtbot, page.controls.nudge_button)
    s = tab.state.simplenet
    assert tab.state.page == "simplenet" and s.steps == 4 and s.nudged and s.cell == (0, 1)
    got = run(copy_script(window, "descent"), tmp_path)
    lab = sl.SimpleNetLab(s)
    W, f = lab.weights(), lab.forward()
    n = lab.nudge(s.cell, W)
    check(got, {"L at step 0": lab.losses()[0], "W at step 4": W, "p = x·W": f.p, "y = softmax(p)": f.y,
                "answer argmax y": f.answer, "L at step 4": f.loss, "L without the 1e-7 guard": f.loss_unguarded,
                "dW by hand, x ⊗ (y − t)": lab.analytic(W), "dW numerical_gradient(f, net.W)": lab.numerical(W),
                "L after the nudge": n.after, "change of L": n.change, "change / step": n.slope,
                "dL/dw12": n.derivative})


def test_simplenet_book_values(window, tmp_path):
    tab = window.tab_pages["descent"]
    tab.pages.setCurrentWidget(tab.simplenet)
    got = run(copy_script(window, "descent"), tmp_path)
    assert got["L at step 0"][0] == 0.9280682857864075  # CURRICULUM §4b
    same(got["dW by hand, x ⊗ (y − t)"], [0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514],
         rtol=1e-7)


# ---------------------------------------------------------------------------------------------------- the menu
def test_the_shortcut_copies_and_every_tab_has_a_script(qtbot, window):
    window.show_tab("losses")
    window.activateWindow()
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "def cross_entropy_error" in QGuiApplication.clipboard().text()
    for key in ("training", "draw"):  # their scripts: tests/gui/test_copy_python_training.py
        window.show_tab(key)
        assert window.script_actions.copy_action.isEnabled()
        assert window.script_actions.save_action.isEnabled()
    window.show_tab("descent")
    assert window.script_actions.copy_action.isEnabled()


def test_save_as_python_writes_the_script(qtbot, window, tmp_path, monkeypatch):
    window.show_tab("gradient_field")
    default = window.script_actions.default_path()
    assert default.endswith("gradient_lab_gradient_field.py")
    monkeypatch.setattr(window.script_actions, "ask_path", lambda: str(tmp_path / "field"))
    window.script_actions.save_action.trigger()
    saved = tmp_path / "field.py"
    assert saved.read_text(encoding="utf-8") == copy_script(window, "gradient_field")
    window.script_actions.save_action.trigger()
    assert window.statusBar().currentMessage() == f"Saved the Python script to {saved} — run it with python"
    assert run(saved.read_text(encoding="utf-8"), tmp_path)["arrows"][0] == 289


def test_save_into_a_missing_folder_says_so(qtbot, window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(window.script_actions, "ask_path", lambda: str(tmp_path / "no" / "such" / "dir" / "x.py"))
    window.show_tab("losses")
    assert window.script_actions.save() == ""
    assert len(warnings) == 1 and "Could not save" in warnings[0] and "x.py" in warnings[0]
    monkeypatch.setattr(window.script_actions, "ask_path", lambda: "")  # cancelled: nothing happens
    assert window.script_actions.save() == ""
    assert len(warnings) == 1


def test_a_live_language_switch_translates_the_edit_menu(window, in_chinese):
    a = window.script_actions
    english, chinese = in_chinese({
        "menu": lambda: window.edit_menu.title(), "copy": a.copy_action.text, "save": a.save_action.text,
        "copy tip": a.copy_action.toolTip, "save tip": a.save_action.toolTip})
    assert english["copy"] == "&Copy as Python" and "Python" in chinese["copy"]
    a.copy_action.trigger()
    assert "Python" in window.statusBar().currentMessage()
