"""The Gradient field tab driven like a user: click the field, toggle +∇f, change the grid, type functions."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from engine.lab import field as field_lab
from gui.tabs.gradient_field.tab import SURFACE_KEYS, GradientFieldTab, view_to_widget


@pytest.fixture
def tab(qtbot):
    t = GradientFieldTab()
    qtbot.addWidget(t)
    t.resize(1280, 720)
    t.show()
    qtbot.waitExposed(t)
    t.redraw()
    return t


def arrows(tab):
    """(tails, tips) of the drawn field arrows, from the single connect="pairs" line item."""
    x, y = tab.arrows.getData()
    return np.column_stack([x[0::6], y[0::6]]), np.column_stack([x[1::6], y[1::6]])


def click_at(qtbot, tab, x, y):
    qtbot.mouseClick(tab.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_to_widget(tab, x, y))


def show_view(qtbot, tab, lo, hi):
    tab.view_box.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
    qtbot.waitUntil(lambda: tab.current_view()[0] <= lo + 1e-9 and tab.current_view()[3] >= hi - 1e-9)
    tab.redraw()


def test_opens_on_the_books_view_with_minus_gradient_arrows(tab):
    assert tab.surface_combo.currentData() == "sphere"
    lo0, hi0, lo1, hi1 = tab.current_view()
    assert lo0 <= -2 and hi0 >= 2 and lo1 <= -2 and hi1 >= 2
    assert tab.step_spin.value() == 0.25 and tab.field.step == 0.25
    tails, tips = arrows(tab)
    for corner in ((-2.0, -2.0), (2.0, 2.0), (-2.0, 2.0), (0.25, -1.75)):
        assert np.any(np.all(tails == corner, axis=1)), corner
    # −∇f of x0² + x1² points at the minimum from everywhere
    d = tips - tails
    cos = -(d * tails).sum(axis=1) / (np.linalg.norm(d, axis=1) * np.linalg.norm(tails, axis=1))
    np.testing.assert_allclose(cos, 1.0, atol=1e-9)
    # the default point is the book's (0, 2) → [0, 4]
    assert tab.numerical_text.text() == "[0.0, 4.000000000004]"
    assert tab.analytic_text.text() == "[0, 4]"


def test_clicking_3_4_shows_6_8_both_ways_and_draws_the_vector(qtbot, tab):
    show_view(qtbot, tab, -5, 5)
    click_at(qtbot, tab, 3, 4)
    assert tab.state.point == (3.0, 4.0)
    assert tab.numerical_text.text() == "[6.00000000000378, 7.999999999999119]"
    assert tab.analytic_text.text() == "[6, 8]"
    assert tab.value_text.text() == "25"
    assert (tab.x0_spin.value(), tab.x1_spin.value()) == (3.0, 4.0)
    x, y = tab.point_vector.getData()
    shaft = np.array([x[1] - x[0], y[1] - y[0]])
    assert (x[0], y[0]) == (3.0, 4.0)
    np.testing.assert_allclose(shaft / np.linalg.norm(shaft), [-0.6, -0.8], atol=1e-9)  # −∇f
    assert "0.0°" in tab.angle_text.text()
    click_at(qtbot, tab, 0, 2)
    assert tab.numerical_text.text() == "[0.0, 4.000000000004]"
    assert tab.analytic_text.text() == "[0, 4]"


def test_plus_gradient_toggle_reverses_every_arrow(qtbot, tab):
    show_view(qtbot, tab, -5, 5)
    click_at(qtbot, tab, 3, 4)
    tails, tips = arrows(tab)
    qtbot.mouseClick(tab.ascent_check, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.ascent_check.height() // 2))
    assert tab.state.ascent
    tails2, tips2 = arrows(tab)
    np.testing.assert_array_equal(tails, tails2)
    np.testing.assert_allclose(tips2 - tails2, -(tips - tails), atol=1e-12)
    x, y = tab.point_vector.getData()
    shaft = np.array([x[1] - x[0], y[1] - y[0]])
    np.testing.assert_allclose(shaft / np.linalg.norm(shaft), [0.6, 0.8], atol=1e-9)
    assert any("+∇f" in label.text for _, label in tab.legend.items)
    assert tab.analytic_text.text() == "[6, 8]"  # the readout is ∇f itself either way


def test_grid_step_typed_changes_arrow_density(qtbot, tab):
    before = len(arrows(tab)[0])
    tab.step_spin.selectAll()
    qtbot.keyClicks(tab.step_spin, "0.5")
    qtbot.keyClick(tab.step_spin, Qt.Key.Key_Return)
    assert tab.state.step == 0.5
    tails, _ = arrows(tab)
    assert before > 3 * len(tails)  # half the step, about a quarter of the arrows
    np.testing.assert_array_equal(tails % 0.5, 0.0)
    tab.step_spin.selectAll()
    qtbot.keyClicks(tab.step_spin, "0.01")  # far too dense for this view: coarsened, and the note says so
    qtbot.keyClick(tab.step_spin, Qt.Key.Key_Return)
    assert tab.field.step > 0.01
    assert len(arrows(tab)[0]) <= field_lab.MAX_ARROWS_PER_AXIS**2
    assert "0.08" in tab.scale_note.text() or str(tab.field.step) in tab.scale_note.text()


def test_equal_length_arrows(qtbot, tab):
    tab.scale_combo.setCurrentIndex(1)
    tails, tips = arrows(tab)
    np.testing.assert_allclose(np.linalg.norm(tips - tails, axis=1), 0.75 * 0.25)
    assert "same length" in tab.scale_note.text()


def type_function(qtbot, tab, text):
    tab.function_edit.selectAll()
    qtbot.keyClick(tab.function_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(tab.function_edit, text)
    qtbot.keyClick(tab.function_edit, Qt.Key.Key_Return)


def test_typed_function_draws_with_numerical_gradient_only(qtbot, tab):
    type_function(qtbot, tab, "x0**2 + 3*x1**2")
    assert tab.surface_combo.currentData() == field_lab.CUSTOM_KEY
    assert tab.surface.formula == "x0**2 + 3*x1**2"
    assert tab.function_error.text() == ""
    show_view(qtbot, tab, -3, 3)
    click_at(qtbot, tab, 1, 1)
    assert tab.state.point == (1.0, 1.0)
    numerical = [float(v) for v in tab.numerical_text.text().strip("[]").split(",")]
    np.testing.assert_allclose(numerical, [2, 6], atol=1e-8)
    assert "numerical gradient only" in tab.analytic_text.text()
    assert tab.minimum_marker.data.size == 0  # a typed function has no known minimum


def test_bad_function_shows_where_and_keeps_the_surface(qtbot, tab):
    image_before = tab.image.image.copy()
    tails_before, _ = arrows(tab)
    type_function(qtbot, tab, "x0**2 + 3x1")
    assert "column 10" in tab.function_error.text()
    assert tab.function_caret.isVisible()
    assert tab.function_caret.text().splitlines() == ["x0**2 + 3x1", " " * 9 + "^"]
    assert tab.state.key == "sphere" and tab.surface_combo.currentData() == "sphere"
    np.testing.assert_array_equal(tab.image.image, image_before)
    np.testing.assert_array_equal(arrows(tab)[0], tails_before)
    # choosing "your function" with the bad text also keeps the old surface
    tab.surface_combo.setCurrentIndex(SURFACE_KEYS.index(field_lab.CUSTOM_KEY))
    tab.surface_combo.activated.emit(SURFACE_KEYS.index(field_lab.CUSTOM_KEY))
    assert tab.surface_combo.currentData() == "sphere"
    type_function(qtbot, tab, "x0*x1")  # fixing it clears the message
    assert tab.function_error.text() == "" and not tab.function_caret.isVisible()
    assert tab.state.key == field_lab.CUSTOM_KEY


def test_overflow_leaves_gaps_and_the_tab_working(qtbot, tab):
    type_function(qtbot, tab, "exp(300*x0) + x1**2")
    show_view(qtbot, tab, -4, 4)
    img = tab.image.image
    assert np.isnan(img).any() and np.isfinite(img).any()
    x, y = tab.contours.getData()
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    ax, _ = tab.arrows.getData()
    assert ax.size > 0 and np.all(np.isfinite(ax))
    click_at(qtbot, tab, 3, 1)
    assert "not a finite number" in tab.angle_text.text()
    type_function(qtbot, tab, "log(-1 - x0**2)")
    assert np.isnan(tab.image.image).all()
    assert "not a finite number anywhere" in tab.scale_note.text()


def test_choosing_surfaces_by_keyboard(qtbot, tab):
    tab.surface_combo.setFocus()
    for _ in range(SURFACE_KEYS.index("rosenbrock")):
        qtbot.keyClick(tab.surface_combo, Qt.Key.Key_Down)
    assert tab.state.key == "rosenbrock"
    assert tab.spacing_used == "log"  # the valley gets most of the colour bands
    assert tab.scale_combo.currentData() == "equal"
    assert tab.step_spin.value() == 0.2
    assert tab.minimum_marker.data["x"][0] == 1.0
    qtbot.keyClick(tab.surface_combo, Qt.Key.Key_Up)
    qtbot.keyClick(tab.surface_combo, Qt.Key.Key_Up)
    assert tab.state.key == "ellipse"
    show_view(qtbot, tab, -10, 10)
    click_at(qtbot, tab, -7, 2)
    assert tab.analytic_text.text() == "[-0.7, 4]"
    angle = float(tab.angle_text.text().split("°")[0].split()[-1])
    assert angle > 60  # −∇f points across the valley, not at the minimum


def test_saddle_centre_has_zero_gradient(qtbot, tab):
    tab.surface_combo.setCurrentIndex(SURFACE_KEYS.index("saddle"))
    tab.surface_combo.activated.emit(SURFACE_KEYS.index("saddle"))
    click_at(qtbot, tab, 0, 0)
    assert tab.state.point == (0.0, 0.0)
    assert "∇f = 0" in tab.angle_text.text()


def test_panning_redraws_arrows_over_the_new_range(qtbot, tab):
    viewport = tab.plot.viewport()
    a = view_to_widget(tab, 0, 0)
    b = view_to_widget(tab, -1.5, 0)  # drag the picture left: the view moves right by 1.5
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * (i / 5))
        qtbot.wait(10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    # the redraw follows the view (a timer may redraw once mid-drag): wait for the arrows of the final view
    qtbot.waitUntil(lambda: arrows(tab)[0][:, 0].min() >= tab.current_view()[0])
    lo0, hi0, _, _ = tab.current_view()
    assert lo0 > -1.0
    assert arrows(tab)[0][:, 0].max() >= 3.0


def test_typing_a_point(qtbot, tab):
    tab.x0_spin.selectAll()
    qtbot.keyClicks(tab.x0_spin, "3")
    qtbot.keyClick(tab.x0_spin, Qt.Key.Key_Tab)
    tab.x1_spin.selectAll()
    qtbot.keyClicks(tab.x1_spin, "0")
    qtbot.keyClick(tab.x1_spin, Qt.Key.Key_Tab)
    assert tab.state.point == (3.0, 0.0)
    assert tab.numerical_text.text() == "[6.000000000012662, 0.0]"
    assert tab.analytic_text.text() == "[6, 0]"


def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    type_function(qtbot, tab, "x0**4 + x1**2")
    tab.ascent_check.setChecked(True)
    tab.step_spin.setValue(0.5)
    tab.set_point((1.0, -1.0))
    s = app_settings()
    tab.save_settings(s)
    other = GradientFieldTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.key == field_lab.CUSTOM_KEY and other.surface.formula == "x0**4 + x1**2"
    assert other.state.ascent and other.state.step == 0.5 and other.state.point == (1.0, -1.0)
    assert other.numerical_text.text() == tab.numerical_text.text()
