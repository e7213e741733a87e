"""The app shell: tabs in order, --tab / --lang, remembered language, geometry and last tab."""
from gui.main_window import TABS, MainWindow, create_window, parse_args
from gui.settings import app_settings


def test_tabs_in_curriculum_order(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    keys = [window.tabs.widget(i).key for i in range(window.tabs.count())]
    assert keys == ["losses", "derivatives", "gradient_field", "descent", "training", "draw"]  # every tab, in order
    for i in range(window.tabs.count()):
        assert window.tabs.tabText(i)  # every tab has a title


def test_tab_option_and_remembered_state(qtbot, qapp):
    keys = [k for k, _ in TABS]
    window = create_window(parse_args(["--tab", keys[-1], "--lang", "en"]), qapp)
    qtbot.addWidget(window)
    assert window.current_tab_key() == keys[-1]
    window.resize(1100, 700)
    window.set_language("en")
    window.close()
    assert app_settings().value("window/tab") == keys[-1]
    assert app_settings().value("language") == "en"
    again = create_window(parse_args([]), qapp)
    qtbot.addWidget(again)
    assert again.current_tab_key() == keys[-1]
    assert again.language == "en"


def test_help_lists_shortcuts(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    keys = [k for k, _ in window.shortcut_lines()]
    assert "Space" in keys and "R" in keys


def test_language_switch_retranslates_live(qtbot, qapp):
    from gui import i18n

    window = MainWindow()
    qtbot.addWidget(window)
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.windowTitle() == "梯度实验室", timeout=2000)  # LanguageChange is posted
        assert window.tabs.tabText(0) == "损失函数"
        losses = window.tab_pages["losses"]
        assert "损失函数" in losses.explanation.toPlainText()
        assert app_settings().value("language") == "zh_CN"
        window.language_actions["en"].trigger()
        qtbot.waitUntil(lambda: window.windowTitle() == "Gradient Lab", timeout=2000)
        assert window.tabs.tabText(0) == "Losses"
    finally:
        i18n.install_language(qapp, "en")


def test_a_tab_whose_save_raises_does_not_stop_the_others(qtbot, qapp, monkeypatch):
    from gui.tabs.derivatives.tab import DerivativesTab

    def broken(self, settings):
        settings.beginGroup("half")  # a group left open by the fault must not shift the next tab's keys
        raise RuntimeError("save went wrong")

    monkeypatch.setattr(DerivativesTab, "save_settings", broken)
    window = create_window(parse_args(["--lang", "en"]), qapp)
    qtbot.addWidget(window)
    window.tab_pages["losses"].state.batch_size = 9
    window.tab_pages["draw"].state.pen_width = 17
    window.close()
    s = app_settings()
    assert s.value("losses/batch_size") in (9, "9")
    assert s.value("draw/pen_width") in (17, "17")
    assert not s.contains("draw/half/pen_width")
