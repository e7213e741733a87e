"""The logistic-regression graph on the Derivatives tab, driven like a user: choose it, step → through the
forward and backward passes reading CURRICULUM §4c's numbers on the graph, ← back, B, R, edit an input, read the
vectorised example, follow the link to the cat classifier, switch the language."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine import graph
from gui.tabs.derivatives.graph_explain import vector_example
from gui.tabs.derivatives.state import PAGES
from gui.tabs.derivatives.tab import DerivativesTab
from tests.gui.actions import click, type_into

FORWARD = {"z": "0", "a": "0.5", "L": "0.6931471805599453"}
BACKWARD = {"L": "1", "a": "-2", "z": "-0.5", "w1": "-0.5", "w2": "-1", "b": "-0.5"}


@pytest.fixture
def tab(qtbot):
    t = DerivativesTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    t.pages.setCurrentIndex(PAGES.index("graph"))
    return t


def choose_logistic(qtbot, tab):
    """Pick "Logistic regression" in the graph combo with the keyboard, as a user can."""
    combo = tab.graph.graph_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Logistic regression"


def node_text(tab, name):
    """What a node's box says on screen (name, operation, value, derivative)."""
    return tab.graph.graph_view.texts[name].toPlainText()


def press(qtbot, tab, key, times=1):
    view = tab.graph.graph_view
    view.setFocus()
    for _ in range(times):
        qtbot.keyClick(view, key)


def test_choosing_the_logistic_graph_draws_its_nodes_and_inputs(qtbot, tab):
    choose_logistic(qtbot, tab)
    assert tab.state.graph == "logistic"
    assert set(tab.graph.graph_view.texts) == {"x1", "w1", "x2", "w2", "b", "y", "z", "a", "L"}
    assert tab.graph.inputs_stack.currentWidget() is tab.graph.inputs["logistic"]
    spins = tab.graph.inputs["logistic"].spins
    assert {n: spins[n].value() for n in spins} == {"x1": 1.0, "x2": 2.0, "w1": 0.5, "w2": -0.3, "b": 0.1, "y": 1}
    assert "= -0.3" in node_text(tab, "w2") and "z = w1·x1 + w2·x2 + b" in node_text(tab, "z")
    assert "=" not in node_text(tab, "L").replace("L(a, y)", "")  # nothing computed yet
    assert tab.graph.explain_tabs.isTabVisible(1)


def test_stepping_forward_and_backward_shows_the_worked_example(qtbot, tab):
    choose_logistic(qtbot, tab)
    for node in ("z", "a", "L"):
        click(qtbot, tab.graph.next_button)
        assert f"= {FORWARD[node]}" in node_text(tab, node) and tab.graph.graph_view.current == node
    assert "L = 0.6931471805599453" in tab.graph.status.text()
    names = {"L": "dL/dL", "a": "da", "z": "dz", "w1": "dw1", "w2": "dw2", "b": "db"}
    for node in ("L", "a", "z", "w1", "w2", "b"):
        click(qtbot, tab.graph.next_button)
        assert f"{names[node]} = {BACKWARD[node]}" in node_text(tab, node)
    assert tab.graph.graph_view.grads == BACKWARD
    assert tab.graph.graph_view.edge_texts[("z", "a")].toPlainText() == "∂a/∂z = a(1 − a) = 0.25"
    assert not tab.graph.next_button.isEnabled() and "every derivative is known" in tab.graph.status.text()
    t = tab.graph.steps_table
    rows = [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]
    assert rows[4][:2] == ["da = ∂L/∂a = −y/a + (1 − y)/(1 − a) = −1/0.5 + 0/0.5", "-2"]
    assert float(rows[5][2]) == pytest.approx(-0.5 * 0.001, rel=1e-3)  # z + 0.001 → L − 0.0005
    assert "dx1" not in "".join(node_text(tab, n) for n in ("x1", "x2", "y"))  # data, not parameters


def test_left_takes_back_steps_b_runs_the_backward_pass_r_resets(qtbot, tab):
    choose_logistic(qtbot, tab)
    press(qtbot, tab, Qt.Key.Key_Right, 5)  # z, a, L, then dL/dL and da
    assert tab.graph.graph_view.grads == {"L": "1", "a": "-2"}
    press(qtbot, tab, Qt.Key.Key_Left)
    assert tab.graph.graph_view.grads == {"L": "1"}
    press(qtbot, tab, Qt.Key.Key_Left, 2)  # dL/dL, then L's value
    assert tab.graph.graph_view.grads == {} and "L" not in tab.graph.graph_view.values
    assert "0.5" in tab.graph.graph_view.values["a"]
    press(qtbot, tab, Qt.Key.Key_B)
    assert tab.graph.graph_view.grads == BACKWARD and tab.graph.graph_view.values["L"] == FORWARD["L"]
    press(qtbot, tab, Qt.Key.Key_R)
    assert tab.graph.graph_view.grads == {} and "z" not in tab.graph.graph_view.values
    assert tab.graph.steps_table.rowCount() == 0


def test_editing_an_input_changes_z_a_and_L(qtbot, tab):
    choose_logistic(qtbot, tab)
    click(qtbot, tab.graph.backward_button)
    type_into(qtbot, tab.graph.inputs["logistic"].spins["b"].lineEdit(), "1.1")  # z = 0 + 1 = 1
    assert tab.state.bias == 1.1
    values = graph.logistic_forward(1.0, 2.0, 0.5, -0.3, 1.1, 1)
    assert values["z"] == 1.0
    view = tab.graph.graph_view
    assert view.values["z"] == "1" and view.values["a"] == repr(values["a"]) and view.values["L"] == repr(values["L"])
    assert view.grads["z"] == repr(values["a"] - 1)  # dz = a − y
    type_into(qtbot, tab.graph.inputs["logistic"].spins["y"].lineEdit(), "0")
    assert view.grads["z"] == repr(values["a"])  # dz = a − 0
    assert view.grads["w2"] == repr(2.0 * values["a"])
    click(qtbot, tab.graph.inputs["logistic"].example_button)  # back to §4c, the passes hidden again
    assert tab.state.forward_done == 0 and view.values["b"] == "0.1"


def test_the_vectorised_tab_shows_the_engine_s_example(qtbot, tab):
    choose_logistic(qtbot, tab)
    tab.graph.explain_tabs.setCurrentIndex(1)
    text = tab.graph.vectorised.toPlainText()
    X, Y, out = vector_example(tab.state)
    assert X[:, 0].tolist() == [1.0, 2.0] and Y[0] == 1.0  # the worked example is the first sample
    assert "dZ = A − Y, dw = X·dZᵀ/m, db = ΣdZ/m" in text
    assert f"dw = ({out['dw'][0]:.4f}, {out['dw'][1]:.4f}), db = {out['db']:.4f}" in text
    assert "-0.5000" in text and "0.6931" in text  # the worked example's dz and L
    type_into(qtbot, tab.graph.inputs["logistic"].spins["w1"].lineEdit(), "2")
    X, Y, out = vector_example(tab.state)
    assert np.isclose(out["Z"][0], 1.5)  # 2·1 − 0.3·2 + 0.1
    assert f"db = {out['db']:.4f}" in tab.graph.vectorised.toPlainText()


def test_the_j_graph_has_no_vectorised_tab(qtbot, tab):
    choose_logistic(qtbot, tab)
    tab.graph.graph_combo.setCurrentIndex(0)
    assert tab.state.graph == "J" and not tab.graph.explain_tabs.isTabVisible(1)
    assert set(tab.graph.graph_view.texts) == {"a", "b", "c", "u", "v", "J"}
    assert tab.graph.inputs_stack.currentWidget() is tab.graph.inputs["J"]


def test_the_cat_link_opens_training_cat(qtbot, qapp):
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_tab("derivatives")
    tab = window.tab_pages["derivatives"]
    tab.pages.setCurrentIndex(PAGES.index("graph"))
    choose_logistic(qtbot, tab)
    tab.graph.explain_tabs.setCurrentIndex(1)
    click(qtbot, tab.graph.cat_button)
    assert window.current_tab_key() == "training"
    training = window.tab_pages["training"]
    assert training.experiments.currentWidget().objectName() == "training_cat"
    assert training.show_panel("mnist") and training.experiments.currentIndex() == 0
    assert not training.show_panel("dogs")


def test_the_link_outside_a_window_does_nothing(qtbot, tab):
    assert tab.open_cat_classifier() is False


def test_settings_remember_the_graph_and_its_inputs(qtbot, tab):
    from gui.settings import app_settings

    choose_logistic(qtbot, tab)
    type_into(qtbot, tab.graph.inputs["logistic"].spins["x2"].lineEdit(), "-1.5")
    type_into(qtbot, tab.graph.inputs["logistic"].spins["y"].lineEdit(), "0")
    s = app_settings()
    tab.save_settings(s)
    other = DerivativesTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.graph == "logistic" and other.state.x2 == -1.5 and other.state.y == 0
    assert other.graph.graph_combo.currentText() == "Logistic regression"
    assert other.graph.inputs["logistic"].spins["x2"].value() == -1.5
    s.setValue("graph", "nonsense")
    s.setValue("y", 7)
    s.setValue("w1", 1e9)  # kept within the spin boxes' ±10
    fresh = DerivativesTab()
    qtbot.addWidget(fresh)
    fresh.restore_settings(s)  # a refused value keeps what the tab holds: here the defaults
    assert fresh.state.graph == "J" and fresh.state.y == 1 and fresh.state.w1 == 10.0
    assert fresh.graph.graph_combo.currentText() == "J = 3(a + bc)"


def test_a_live_language_switch_leaves_no_english_on_the_logistic_graph(qtbot, tab, in_chinese):
    choose_logistic(qtbot, tab)
    click(qtbot, tab.graph.next_button)
    texts = {
        "combo": lambda: tab.graph.graph_combo.currentText(),
        "inputs": lambda: tab.graph.inputs["logistic"].title(),
        "example": lambda: tab.graph.inputs["logistic"].example_button.text(),
        "next": lambda: tab.graph.next_button.text(),
        "previous": lambda: tab.graph.previous_button.text(),
        "backward": lambda: tab.graph.backward_button.text(),
        "status": lambda: tab.graph.status.text(),
        "hint": lambda: tab.graph.hint.text(),
        "accessible": lambda: tab.graph.graph_view.accessibleName(),
        "header": lambda: tab.graph.steps_table.horizontalHeaderItem(2).text(),
        "explanation": lambda: tab.graph.explanation.toPlainText(),
        "vectorised": lambda: tab.graph.vectorised.toPlainText(),
        "tabs": lambda: tab.graph.explain_tabs.tabText(1),
        "cat": lambda: tab.graph.cat_button.text(),
    }
    english, chinese = in_chinese(texts)
    assert "0.6931471805599453" not in chinese["status"]  # one step: z only
    assert "-0.5000" in chinese["vectorised"]  # the numbers stay
    assert "sample" in english["vectorised"] and "sample" not in chinese["vectorised"]
