"""gui.widgets.plots: legends go where the data is not."""
import numpy as np
import pyqtgraph as pg
import pytest

from gui.widgets.plots import Plot, place_legend


@pytest.fixture
def plot(qtbot):
    p = Plot()
    qtbot.addWidget(p)
    p.resize(500, 320)
    p.show()
    qtbot.waitExposed(p)
    return p


def legend_corner_points(plot, legend):
    """How many of the curves' points lie under the legend as it is placed now (in scene pixels)."""
    rect = legend.sceneBoundingRect()
    box = plot.getPlotItem().getViewBox()
    count = 0
    for curve in plot.getPlotItem().listDataItems():
        x, y = curve.getData()
        for px, py in zip(x, y, strict=True):
            count += rect.contains(box.mapViewToScene(pg.Point(px, py)))
    return count


@pytest.mark.parametrize("where", ["rising", "falling"])
def test_the_legend_takes_the_corner_without_points(qtbot, plot, where):
    legend = plot.addLegend()
    x = np.linspace(0, 10, 200)
    y = x if where == "rising" else 10 - x  # a diagonal: two corners hold data, two are empty
    plot.plot(x, y, name="a curve with a long name")
    plot.plot(x, y + 0.3, name="another")
    plot.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    qtbot.wait(20)
    corner = place_legend(plot, legend)
    empty = ((0, 0), (1, 1)) if where == "rising" else ((1, 0), (0, 1))  # (x, y) anchors of the empty corners
    assert corner in empty
    qtbot.wait(20)
    assert legend_corner_points(plot, legend) == 0
