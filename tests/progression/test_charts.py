"""The SVG charts: coordinates on the 1–5 scale, escaping, gaps for missing scores."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from effekt.progression.charts import (
    ChartPoint,
    ComparisonRow,
    baseline_latest_chart,
    indicator_chart,
)

NS = "{http://www.w3.org/2000/svg}"


def test_an_indicator_chart_places_scores_on_the_scale() -> None:
    svg = indicator_chart(
        "1. Kendskab",
        [ChartPoint("Baseline", 1.0, 3.0, 2.0), ChartPoint("Midtvejs", 5.0, None, 5.0)],
    )
    root = ElementTree.fromstring(svg)
    lines = {p.get("data-series"): p.get("points") for p in root.iter(f"{NS}polyline")}
    # plot area: x 30..290, y 36 (score 5) .. 156 (score 1), 30 px per scale step
    assert lines["citizen"] == "30.0,156.0 290.0,36.0"
    assert lines["combined"] == "30.0,126.0 290.0,36.0"
    assert "caseworker" not in lines  # a single caseworker score is a dot, not a line
    dots = [c for c in root.iter(f"{NS}circle") if c.get("data-series") == "caseworker"]
    assert [(d.get("cx"), d.get("cy")) for d in dots] == [("30.0", "96.0")]


def test_a_long_title_is_split_over_two_lines() -> None:
    title = "8. Beskæftigelsesmedarbejders forventning til at borger kommer i job"
    root = ElementTree.fromstring(indicator_chart(title, [ChartPoint("B", 2.0, 2.0, 2.0)]))
    bold = [t.text for t in root.iter(f"{NS}text") if t.get("font-weight") == "bold"]
    # 48 characters at most on the first line: "…til at" would be 49
    assert bold == ["8. Beskæftigelsesmedarbejders forventning til", "at borger kommer i job"]


def test_chart_texts_are_escaped() -> None:
    svg = indicator_chart("<script>x</script>", [ChartPoint("A&B", 2.0, 2.0, 2.0)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "A&amp;B" in svg
    ElementTree.fromstring(svg)


def test_the_comparison_chart_draws_bars_proportional_to_the_score() -> None:
    svg = baseline_latest_chart(
        [ComparisonRow("1. Kendskab", 2.5, 5.0), ComparisonRow("4. Mål", None, 3.0)], "Slutmåling"
    )
    root = ElementTree.fromstring(svg)
    widths = [r.get("width") for r in root.iter(f"{NS}rect") if r.get("height") == "9.0"]
    # bar width = 260 px * score / 5; the missing baseline of indicator 4 draws no bar
    assert widths == ["130.0", "260.0", "156.0"]
    assert re.search(r">2,5<", svg) and re.search(r">Slutmåling<", svg)
