"""The Gradient field tab driven like a user: click the field, toggle +∇f, change the grid, type functions."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from engine.lab import field as field_lab
from engine.surfaces import get_surface
from gui.tabs.gradient_field.arrows import field_arrows
from gui.tabs.gradient_field.state import SURFACE_KEYS, FieldState
from gui.tabs.gradient_field.tab import GradientFieldTab
from tests.gui.hostile_typing import megabytes_of_function, paste, press

SPHERE = get_surface("sphere")


def test_proportional_arrows_longest_is_most_of_a_step():
    field = field_lab.gradient_field(SPHERE, (-2, 2, -2, 2), 0.25)
    xs, ys, scale = field_arrows(field, "proportional")
    assert scale == pytest.approx(0.9 * 0.25 / np.hypot(4, 4))
    shafts = np.hypot(xs[1::6] - xs[0::6], ys[1::6] - ys[0::6])
    assert shafts.max() == pytest.approx(0.9 * 0.25)
    assert len(xs) == 6 * (17 * 17 - 1)  # the zero gradient at (0, 0) draws no arrow
    heads = np.hypot(xs[3::6] - xs[2::6], ys[3::6] - ys[2::6])
    np.testing.assert_allclose(heads, 0.3 * shafts)


def test_equal_arrows_show_direction_only_and_skip_non_finite():
    field = field_lab.Field(np.array([0.0, 1.0, 2.0, 3.0]), np.zeros(4), np.array([1.0, 1e6, np.inf, np.nan]),
                            np.array([0.0, 1e6, 0.0, 1.0]), 0.5)
    xs, ys, scale = field_arrows(field, "equal")
    assert scale is None
    assert len(xs) == 12  # two arrows drawn, inf and nan left out
    np.testing.assert_allclose(np.hypot(xs[1::6] - xs[0::6], ys[1::6] - ys[0::6]), 0.375)
    assert np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))
    xs, _, scale = field_arrows(field, "proportional")
    assert scale == pytest.approx(0.45 / np.hypot(1e6, 1e6))
    assert len(xs) == 12


def test_arrows_stay_finite_where_f_overflows():
    f = field_lab.surface_from_text("exp(40*x0) + x1**2")
    field = field_lab.gradient_field(f, (-3, 30, -3, 3), 1.0)
    xs, ys, _ = field_arrows(field)
    assert np.all(np.isfinite(xs))


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
    x, y = tab.view.arrows.getData()
    return np.column_stack([x[0::6], y[0::6]]), np.column_stack([x[1::6], y[1::6]])


def click_at(qtbot, tab, x, y):
    qtbot.mouseClick(tab.view.plot.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.widget_point(x, y))


def show_view(qtbot, tab, lo, hi):
    tab.view.view_box.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
    qtbot.waitUntil(lambda: tab.current_view()[0] <= lo + 1e-9 and tab.current_view()[3] >= hi - 1e-9)
    tab.redraw()


def test_opens_on_the_books_view_with_minus_gradient_arrows(tab):
    assert tab.controls.surface_combo.currentData() == "sphere"
    lo0, hi0, lo1, hi1 = tab.current_view()
    assert lo0 <= -2 and hi0 >= 2 and lo1 <= -2 and hi1 >= 2
    assert tab.controls.step_spin.value() == 0.25 and tab.view.drawn.field.step == 0.25
    tails, tips = arrows(tab)
    for corner in ((-2.0, -2.0), (2.0, 2.0), (-2.0, 2.0), (0.25, -1.75)):
        assert np.any(np.all(tails == corner, axis=1)), corner
    # −∇f of x0² + x1² points at the minimum from everywhere
    d = tips - tails
    cos = -(d * tails).sum(axis=1) / (np.linalg.norm(d, axis=1) * np.linalg.norm(tails, axis=1))
    np.testing.assert_allclose(cos, 1.0, atol=1e-9)
    # the default point is the book's (0, 2) → [0, 4]
    assert tab.readout.numerical_text.text() == "[0.0, 4.000000000004]"
    assert tab.readout.analytic_text.text() == "[0, 4]"


def test_clicking_3_4_shows_6_8_both_ways_and_draws_the_vector(qtbot, tab):
    show_view(qtbot, tab, -5, 5)
    click_at(qtbot, tab, 3, 4)
    assert tab.state.point == (3.0, 4.0)
    assert tab.readout.numerical_text.text() == "[6.00000000000378, 7.999999999999119]"
    assert tab.readout.analytic_text.text() == "[6, 8]"
    assert tab.readout.value_text.text() == "25"
    assert (tab.readout.x0_spin.value(), tab.readout.x1_spin.value()) == (3.0, 4.0)
    x, y = tab.view.point_vector.getData()
    shaft = np.array([x[1] - x[0], y[1] - y[0]])
    assert (x[0], y[0]) == (3.0, 4.0)
    np.testing.assert_allclose(shaft / np.linalg.norm(shaft), [-0.6, -0.8], atol=1e-9)  # −∇f
    assert "0.0°" in tab.readout.angle_text.text()
    click_at(qtbot, tab, 0, 2)
    assert tab.readout.numerical_text.text() == "[0.0, 4.000000000004]"
    assert tab.readout.analytic_text.text() == "[0, 4]"


def test_plus_gradient_toggle_reverses_every_arrow(qtbot, tab):
    show_view(qtbot, tab, -5, 5)
    click_at(qtbot, tab, 3, 4)
    tails, tips = arrows(tab)
    check = tab.controls.ascent_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert tab.state.ascent
    tails2, tips2 = arrows(tab)
    np.testing.assert_array_equal(tails, tails2)
    np.testing.assert_allclose(tips2 - tails2, -(tips - tails), atol=1e-12)
    x, y = tab.view.point_vector.getData()
    shaft = np.array([x[1] - x[0], y[1] - y[0]])
    np.testing.assert_allclose(shaft / np.linalg.norm(shaft), [0.6, 0.8], atol=1e-9)
    assert any("+∇f" in label.text for _, label in tab.view.legend.items)
    assert tab.readout.analytic_text.text() == "[6, 8]"  # the readout is ∇f itself either way


def test_grid_step_typed_changes_arrow_density(qtbot, tab):
    before = len(arrows(tab)[0])
    tab.controls.step_spin.selectAll()
    qtbot.keyClicks(tab.controls.step_spin, "0.5")
    qtbot.keyClick(tab.controls.step_spin, Qt.Key.Key_Return)
    assert tab.state.step == 0.5
    tails, _ = arrows(tab)
    assert before > 3 * len(tails)  # half the step, about a quarter of the arrows
    np.testing.assert_array_equal(tails % 0.5, 0.0)
    tab.controls.step_spin.selectAll()
    qtbot.keyClicks(tab.controls.step_spin, "0.01")  # far too dense for this view: coarsened, and the note says so
    qtbot.keyClick(tab.controls.step_spin, Qt.Key.Key_Return)
    assert tab.view.drawn.field.step > 0.01
    assert len(arrows(tab)[0]) <= field_lab.MAX_ARROWS_PER_AXIS**2
    assert "0.08" in tab.controls.scale_note.text() or str(tab.view.drawn.field.step) in tab.controls.scale_note.text()


def test_equal_length_arrows(qtbot, tab):
    tab.controls.scale_combo.setCurrentIndex(1)
    tails, tips = arrows(tab)
    np.testing.assert_allclose(np.linalg.norm(tips - tails, axis=1), 0.75 * 0.25)
    assert "same length" in tab.controls.scale_note.text()


def type_function(qtbot, tab, text):
    tab.controls.function_edit.selectAll()
    qtbot.keyClick(tab.controls.function_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(tab.controls.function_edit, text)
    qtbot.keyClick(tab.controls.function_edit, Qt.Key.Key_Return)


def test_typed_function_draws_with_numerical_gradient_only(qtbot, tab):
    type_function(qtbot, tab, "x0**2 + 3*x1**2")
    assert tab.controls.surface_combo.currentData() == field_lab.CUSTOM_KEY
    assert tab.surface.formula == "x0**2 + 3*x1**2"
    assert tab.controls.function_error.text() == ""
    show_view(qtbot, tab, -3, 3)
    click_at(qtbot, tab, 1, 1)
    assert tab.state.point == (1.0, 1.0)
    numerical = [float(v) for v in tab.readout.numerical_text.text().strip("[]").split(",")]
    np.testing.assert_allclose(numerical, [2, 6], atol=1e-8)
    assert "numerical gradient only" in tab.readout.analytic_text.text()
    assert tab.view.minimum_marker.data.size == 0  # a typed function has no known minimum


def test_bad_function_shows_where_and_keeps_the_surface(qtbot, tab):
    image_before = tab.view.image.image.copy()
    tails_before, _ = arrows(tab)
    type_function(qtbot, tab, "x0**2 + 3x1")
    assert "column 10" in tab.controls.function_error.text()
    assert tab.controls.function_caret.isVisible()
    assert tab.controls.function_caret.text().splitlines() == ["x0**2 + 3x1", " " * 9 + "^"]
    assert tab.state.key == "sphere" and tab.controls.surface_combo.currentData() == "sphere"
    np.testing.assert_array_equal(tab.view.image.image, image_before)
    np.testing.assert_array_equal(arrows(tab)[0], tails_before)
    # choosing "your function" with the bad text also keeps the old surface
    tab.controls.surface_combo.setCurrentIndex(SURFACE_KEYS.index(field_lab.CUSTOM_KEY))
    tab.controls.surface_combo.activated.emit(SURFACE_KEYS.index(field_lab.CUSTOM_KEY))
    assert tab.controls.surface_combo.currentData() == "sphere"
    type_function(qtbot, tab, "x0*x1")  # fixing it clears the message
    assert tab.controls.function_error.text() == "" and not tab.controls.function_caret.isVisible()
    assert tab.state.key == field_lab.CUSTOM_KEY


def test_overflow_leaves_gaps_and_the_tab_working(qtbot, tab):
    type_function(qtbot, tab, "exp(300*x0) + x1**2")
    show_view(qtbot, tab, -4, 4)
    img = tab.view.image.image
    assert np.isnan(img).any() and np.isfinite(img).any()
    x, y = tab.view.contours.getData()
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    ax, _ = tab.view.arrows.getData()
    assert ax.size > 0 and np.all(np.isfinite(ax))
    click_at(qtbot, tab, 3, 1)
    assert "not a finite number" in tab.readout.angle_text.text()
    type_function(qtbot, tab, "log(-1 - x0**2)")
    assert np.isnan(tab.view.image.image).all()
    message = tab.controls.function_error.text()  # said in the message line, in the words of the page
    assert "log(-1 - x0**2) is not a finite number anywhere in this view" in message
    assert not tab.controls.function_caret.isVisible()


def test_choosing_surfaces_by_keyboard(qtbot, tab):
    tab.controls.surface_combo.setFocus()
    for _ in range(SURFACE_KEYS.index("rosenbrock")):
        qtbot.keyClick(tab.controls.surface_combo, Qt.Key.Key_Down)
    assert tab.state.key == "rosenbrock"
    assert tab.view.drawn.spacing_used == "log"  # the valley gets most of the colour bands
    assert tab.controls.scale_combo.currentData() == "equal"
    assert tab.controls.step_spin.value() == 0.2
    assert tab.view.minimum_marker.data["x"][0] == 1.0
    qtbot.keyClick(tab.controls.surface_combo, Qt.Key.Key_Up)
    qtbot.keyClick(tab.controls.surface_combo, Qt.Key.Key_Up)
    assert tab.state.key == "ellipse"
    show_view(qtbot, tab, -10, 10)
    click_at(qtbot, tab, -7, 2)
    assert tab.readout.analytic_text.text() == "[-0.7, 4]"
    angle = float(tab.readout.angle_text.text().split("°")[0].split()[-1])
    assert angle > 60  # −∇f points across the valley, not at the minimum


def test_saddle_centre_has_zero_gradient(qtbot, tab):
    tab.controls.surface_combo.setCurrentIndex(SURFACE_KEYS.index("saddle"))
    tab.controls.surface_combo.activated.emit(SURFACE_KEYS.index("saddle"))
    click_at(qtbot, tab, 0, 0)
    assert tab.state.point == (0.0, 0.0)
    assert "∇f = 0" in tab.readout.angle_text.text()


def test_panning_redraws_arrows_over_the_new_range(qtbot, tab):
    viewport = tab.view.plot.viewport()
    a = tab.view.widget_point(0, 0)
    b = tab.view.widget_point(-1.5, 0)  # drag the picture left: the view moves right by 1.5
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
    tab.readout.x0_spin.selectAll()
    qtbot.keyClicks(tab.readout.x0_spin, "3")
    qtbot.keyClick(tab.readout.x0_spin, Qt.Key.Key_Tab)
    tab.readout.x1_spin.selectAll()
    qtbot.keyClicks(tab.readout.x1_spin, "0")
    qtbot.keyClick(tab.readout.x1_spin, Qt.Key.Key_Tab)
    assert tab.state.point == (3.0, 0.0)
    assert tab.readout.numerical_text.text() == "[6.000000000012662, 0.0]"
    assert tab.readout.analytic_text.text() == "[6, 0]"


def test_settings_roundtrip(qtbot, tab):
    from gui.settings import app_settings

    type_function(qtbot, tab, "x0**4 + x1**2")
    tab.controls.ascent_check.setChecked(True)
    tab.controls.step_spin.setValue(0.5)
    tab.set_point((1.0, -1.0))
    s = app_settings()
    tab.save_settings(s)
    other = GradientFieldTab()
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.state.key == field_lab.CUSTOM_KEY and other.surface.formula == "x0**4 + x1**2"
    assert other.state.ascent and other.state.step == 0.5 and other.state.point == (1.0, -1.0)
    assert other.readout.numerical_text.text() == tab.readout.numerical_text.text()


def test_a_live_language_switch_leaves_nothing_in_english(qtbot, tab, in_chinese):

    type_function(qtbot, tab, "x0**2 + 3x1")  # an error message, in the user's language
    pages = {
        "surface": lambda: tab.controls.surface_combo.itemText(0),
        "function error": lambda: tab.controls.function_error.text(),
        "arrows": lambda: tab.controls.arrows_box.title(),
        "note": lambda: tab.controls.scale_note.text(),
        "readout": lambda: tab.readout.title(),
        "angle": lambda: tab.readout.angle_text.text(),
        "legend": lambda: tab.view.legend.items[0][1].text,
        "colour bar": lambda: tab.view.bar_plot.toolTip(),
        "explanation": lambda: tab.explanation.toPlainText()[:20],
    }
    in_chinese(pages)


def test_the_state_alone_takes_each_surfaces_defaults():
    s = FieldState(key="rosenbrock", step=3.0)
    assert s.use_defaults() == (-2.0, 2.0, -1.0, 3.0)
    assert (s.step, s.scale) == (0.2, "equal")
    assert s.sign == -1  # the book's −∇f
    s.ascent = True
    assert s.sign == 1


# ---------------------------------------------------------------- hostile and careless typing
def test_a_pasted_megabyte_is_cut_at_once_said_and_the_tab_keeps_working(qtbot, tab):
    edit = tab.controls.function_edit
    image_before = tab.view.image.image.copy()
    seconds = paste(qtbot, edit, megabytes_of_function("x0"))
    assert seconds < 0.5  # the window is not frozen
    assert len(edit.text()) == edit.maxLength() == 500
    assert tab.controls.function_error.text() == (
        "At most 500 characters: the rest was left out. Shorten the function.")
    assert tab.state.key == "sphere"
    np.testing.assert_array_equal(tab.view.image.image, image_before)  # nothing is read before Enter
    assert press(qtbot, edit) < 0.5  # what was kept, "x0+x0+…+x0" (167 times), is a function: it is drawn
    assert tab.controls.function_error.text() == ""
    assert tab.state.key == field_lab.CUSTOM_KEY and tab.state.text == "x0+" * 166 + "x0"
    assert field_lab.value_at(tab.surface, (1.0, 5.0)) == 167.0
    paste(qtbot, edit, "x1+" * 166 + "(x0" * 1000)  # cut to "x1+…+x1+(x": x is no variable here
    assert press(qtbot, edit) < 0.5
    assert tab.controls.function_error.text().startswith("Cannot read this function: unknown name 'x'")
    assert tab.controls.function_caret.text().splitlines()[0].startswith("…")  # around the fault, not whole
    assert tab.state.text == "x0+" * 166 + "x0"  # the last good function stays
    type_function(qtbot, tab, "x0*x1")
    assert tab.controls.function_error.text() == "" and tab.state.text == "x0*x1"

@pytest.mark.parametrize("text", ["1/0", "log(-1)"])
def test_a_function_with_no_finite_value_in_view_says_so_then_a_good_one_draws(qtbot, tab, text):
    type_function(qtbot, tab, text)
    assert tab.controls.function_error.text() == (
        f"f(x0, x1) = {text} is not a finite number anywhere in this view: it gives only inf or nan. "
        "Pan or zoom to where it is defined, or type another function.")
    assert not tab.controls.function_caret.isVisible()
    assert np.isnan(tab.view.image.image).all()
    type_function(qtbot, tab, "x0**2 + x1**2")
    assert tab.controls.function_error.text() == ""
    assert np.isfinite(tab.view.image.image).all()


def test_the_message_goes_when_the_view_reaches_where_f_is_defined(qtbot, tab):
    type_function(qtbot, tab, "log(x0 - 10)")
    assert "is not a finite number anywhere in this view" in tab.controls.function_error.text()
    tab.view.view_box.setRange(xRange=(8, 14), yRange=(-3, 3), padding=0)
    qtbot.waitUntil(lambda: tab.controls.function_error.text() == "")
    assert np.isfinite(tab.view.image.image).any()


def test_stored_functions_too_long_or_never_finite_open_the_tab_with_a_message(qtbot, tab):
    from gui.settings import app_settings

    s = app_settings()
    s.setValue("surface", field_lab.CUSTOM_KEY)
    s.setValue("text", megabytes_of_function("x0"))  # refused at once: a short function is shown instead
    tab.restore_settings(s)
    assert len(tab.state.text) <= 500 and len(tab.controls.function_edit.text()) <= 500
    assert tab.controls.function_error.text() == "" and np.isfinite(tab.view.image.image).any()
    s.setValue("text", "log(-1)")  # read, drawn (nothing) and said
    tab.restore_settings(s)
    assert tab.state.key == field_lab.CUSTOM_KEY and tab.controls.function_edit.text() == "log(-1)"
    assert "log(-1) is not a finite number anywhere in this view" in tab.controls.function_error.text()


def test_the_no_finite_value_and_cut_messages_follow_a_live_language_switch(qtbot, tab, in_chinese):
    type_function(qtbot, tab, "1/0")
    english, chinese = in_chinese({"message": lambda: tab.controls.function_error.text()})
    assert "1/0" in chinese["message"]
    paste(qtbot, tab.controls.function_edit, megabytes_of_function("x1"))
    in_chinese({"message": lambda: tab.controls.function_error.text()})


def test_at_rosenbrocks_minimum_no_arrow_is_drawn_and_the_note_says_flat(qtbot, tab):
    """∇f = 0 exactly at (1, 1); the numerical gradient there is ~4e-6 of noise (h = 1e-4): in the equal-length
    mode that noise must not become a full-length arrow, and the readout calls the point flat."""
    tab.controls.surface_combo.setCurrentIndex(SURFACE_KEYS.index("rosenbrock"))
    tab.controls.surface_combo.activated.emit(SURFACE_KEYS.index("rosenbrock"))
    assert tab.controls.scale_combo.currentData() == "equal"
    numerical, analytic = field_lab.gradient_at(tab.surface, (1.0, 1.0))
    assert 0 < np.hypot(*numerical) < 1e-4 and not np.any(analytic)  # the noise this test is about
    show_view(qtbot, tab, -2, 2)
    tab.set_point((1.0, 1.0))  # what a click there does (the minimum's marker takes the mouse itself)
    assert tab.state.point == (1.0, 1.0)
    assert "∇f = 0 here" in tab.readout.angle_text.text()
    x, _ = tab.view.point_vector.getData()
    assert x is None or len(x) == 0  # no arrow at the picked minimum
    tails, tips = arrows(tab)
    at_minimum = np.all(np.isclose(tails, [1.0, 1.0]), axis=1)
    assert not at_minimum.any()  # the grid point on the minimum has no arrow either
    click_at(qtbot, tab, 0, 0)
    assert "∇f = 0" not in tab.readout.angle_text.text()
    assert len(tab.view.point_vector.getData()[0]) == 6  # away from it the arrow is back
