"""pyqtgraph's own texts (right-click menus, Export..., export dialog) follow the interface language, live."""
import importlib.util

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from gui import i18n
from gui.widgets.plots import Plot


@pytest.fixture
def english(qapp):
    """Tests start and end in English whatever they switch to."""
    i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "en")


def switch(qtbot, qapp, code, plot, view_all):
    """Install `code` and wait for the posted LanguageChange to reach the plot (its View All text)."""
    i18n.install_language(qapp, code)
    qtbot.waitUntil(lambda: plot.getPlotItem().vb.menu.viewAll.text() == view_all, timeout=2000)


def menu_texts(plot):
    """What the right-click menu shows: ViewBox menu entries, mouse modes, Plot Options, Export..., axis controls."""
    item = plot.getPlotItem()
    menu = item.vb.menu
    x_ctrl = menu.ctrl[0]
    return {
        "entries": [a.text() for a in menu.actions()],
        "modes": [a.text() for a in menu.mouseModes],
        "options_title": item.ctrlMenu.title(),
        "options": [a.text() for a in item.ctrlMenu.actions()],
        "export": plot.scene().contextMenu[0].text(),
        "axis_ctrl": [x_ctrl.manualRadio.text(), x_ctrl.autoRadio.text(), x_ctrl.label.text(),
                      x_ctrl.invertCheck.text(), x_ctrl.mouseCheck.text()],
        "grid": item.ctrl.xGridCheck.text(),
    }


ENGLISH = {
    "entries": ["View All", "X axis", "Y axis", "Mouse Mode"],
    "modes": ["3 button", "1 button"],
    "options_title": "Plot Options",
    "options": ["Transforms", "Downsample", "Average", "Alpha", "Grid", "Points"],
    "export": "Export...",
    "axis_ctrl": ["Manual", "Auto", "Link Axis:", "Invert Axis", "Mouse Enabled"],
    "grid": "Show X Grid",
}
CHINESE = {
    "entries": ["查看全部", "X 轴", "Y 轴", "鼠标模式"],
    "modes": ["三键", "单键"],
    "options_title": "绘图选项",
    "options": ["变换", "降采样", "平均", "透明度", "网格", "点"],
    "export": "导出…",
    "axis_ctrl": ["手动", "自动", "链接坐标轴：", "反转坐标轴", "启用鼠标"],
    "grid": "显示 X 网格",
}


def test_plot_built_in_chinese_has_chinese_menus_and_english_after_switching_back(qtbot, qapp, english):
    assert i18n.install_language(qapp, "zh_CN")
    plot = Plot()
    qtbot.addWidget(plot)
    assert menu_texts(plot) == CHINESE
    switch(qtbot, qapp, "en", plot, "View All")
    assert menu_texts(plot) == ENGLISH
    fresh = Plot()
    qtbot.addWidget(fresh)
    assert menu_texts(fresh) == ENGLISH


def test_plot_built_before_a_live_switch_follows_it_and_keeps_its_state(qtbot, qapp, english):
    plot = Plot()  # like the tabs: built in English, the user switches afterwards
    qtbot.addWidget(plot)
    plot.plot(np.arange(5.0), np.arange(5.0) ** 2)
    plot.setXRange(1.0, 3.0, padding=0)
    menu = plot.getPlotItem().vb.menu
    menu.ctrl[1].invertCheck.setChecked(True)  # the user's choice in the Y axis controls
    assert menu_texts(plot) == ENGLISH

    switch(qtbot, qapp, "zh_CN", plot, "查看全部")
    assert menu_texts(plot) == CHINESE
    assert menu.ctrl[1].invertCheck.isChecked() and plot.getPlotItem().vb.yInverted()
    # retranslateUi writes "0" into the range fields; the hook puts the view's range back
    assert (menu.ctrl[0].minText.text(), menu.ctrl[0].maxText.text()) == ("1", "3")

    switch(qtbot, qapp, "en", plot, "View All")
    assert menu_texts(plot) == ENGLISH


def test_export_dialog_opened_from_the_menu_follows_the_language(qtbot, qapp, english):
    plot = Plot()
    qtbot.addWidget(plot)
    plot.plot(np.arange(5.0), np.arange(5.0))
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=QPoint(200, 150))
    menu = plot.getPlotItem().vb.menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    export = [a for a in menu.actions() if a.text() == "Export..."]
    assert export, [a.text() for a in menu.actions()]
    menu.close()
    export[0].trigger()
    dialog = plot.scene().exportDialog  # closed here: qtbot would close it after the plot deleted its scene
    try:
        check_export_dialog(qtbot, qapp, plot, dialog)
    finally:
        dialog.close()


def check_export_dialog(qtbot, qapp, plot, dialog):
    formats = dialog.ui.formatList
    names = [formats.item(i).text() for i in range(formats.count())]
    has_matplotlib = importlib.util.find_spec("matplotlib") is not None  # not a dependency: usually absent
    assert ("Matplotlib Window" in names) == has_matplotlib, names  # never offered when it cannot work
    image_row = names.index("Image File (PNG, TIF, JPG, ...)")
    formats.setCurrentRow(image_row)
    assert dialog.ui.exportBtn.text() == "Export"

    switch(qtbot, qapp, "zh_CN", plot, "查看全部")
    assert dialog.windowTitle() == "导出"
    assert [dialog.ui.exportBtn.text(), dialog.ui.closeBtn.text(), dialog.ui.copyBtn.text()] == ["导出", "关闭", "复制"]
    assert dialog.ui.label_2.text() == "导出格式"
    assert formats.currentRow() == image_row and formats.currentItem().text() == "图像文件 (PNG, TIF, JPG, ...)"
    params = dialog.ui.paramTree
    titles = [params.topLevelItem(0).child(i).text(0) for i in range(params.topLevelItem(0).childCount())]
    assert titles[:4] == ["宽度", "高度", "抗锯齿", "背景"], titles

    switch(qtbot, qapp, "en", plot, "View All")
    assert dialog.ui.exportBtn.text() == "Export" and formats.currentItem().text() == names[image_row]
