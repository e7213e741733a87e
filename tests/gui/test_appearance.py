"""View → Appearance: dark, light or the system's colours and larger text, applied at once and remembered."""
import pytest

from gui import appearance, i18n
from gui.main_window import create_window, parse_args
from gui.settings import app_settings
from gui.widgets.plots import is_dark


@pytest.fixture
def window(qapp, qtbot):
    w = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(w)
    w.show()
    yield w
    appearance.apply_theme(qapp, "system")  # the palette and font are the whole app's: back to the start
    appearance.apply_text_size(qapp, False)
    i18n.install_language(qapp, "en")


def test_dark_and_light_apply_at_once_to_widgets_and_plots_and_are_remembered(qapp, qtbot, window):
    menu = window.appearance_menu
    started_dark = is_dark()
    menu.theme_actions["dark"].trigger()
    assert is_dark()
    qtbot.waitUntil(lambda: is_dark(window.palette()))  # the window gets the app's palette (a posted event)
    plot = window.tab_pages["losses"].curves
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() < 128)  # the plots restyle too
    assert app_settings().value("appearance/theme") == "dark"
    again = create_window(parse_args(["--lang", "en"]), qapp)  # the next start
    qtbot.addWidget(again)
    assert is_dark() and again.appearance_menu.theme_actions["dark"].isChecked()
    menu.theme_actions["light"].trigger()
    assert not is_dark()
    menu.theme_actions["system"].trigger()
    assert is_dark() == started_dark and app_settings().value("appearance/theme") == "system"


def test_larger_text_grows_every_font_by_a_quarter_and_is_remembered(qapp, qtbot, window):
    size = qapp.font().pointSizeF()
    label = window.tab_pages["losses"].controls.mode_prob  # a widget of a tab, with no font of its own
    before = label.font().pointSizeF()
    window.appearance_menu.large_action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(size * 1.25)
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(before * 1.25))  # the widgets follow
    assert app_settings().value("appearance/large_text") in (True, "true")
    window.appearance_menu.large_action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(size)


def test_a_bad_stored_theme_is_refused_and_the_menu_says_system(qapp, qtbot):
    app_settings().setValue("appearance/theme", "neon")
    w = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(w)
    assert w.appearance_menu.theme_actions["system"].isChecked()


def test_the_menu_follows_a_language_switch(window, in_chinese):
    menu = window.appearance_menu
    english, chinese = in_chinese({"title": menu.title, "dark": menu.theme_actions["dark"].text,
                                   "system": menu.theme_actions["system"].text, "large": menu.large_action.text})
    assert "深色" in chinese["dark"]
