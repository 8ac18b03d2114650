"""The phone layout pins lane labels by the chart's geometry: app.css must use chart.py's numbers."""

import re
from pathlib import Path

from claims.web import chart

CSS = Path(__file__).resolve().parents[2] / "static" / "web" / "app.css"


def test_the_stylesheets_chart_geometry_is_chart_pys():
    rule = re.search(r"\.chart \{[^}]*\}", CSS.read_text()).group(0)
    found = dict(re.findall(r"--(chart-width|plot-left|lane-height): (\d+);", rule))
    assert found == {
        "chart-width": str(chart.WIDTH),
        "plot-left": str(chart.PLOT_LEFT),
        "lane-height": str(chart.LANE_HEIGHT),
    }
