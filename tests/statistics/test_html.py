"""The HTML fragment of the statistics page: well-formed SVG charts, escaped text, counts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from effekt.statistics.analysis import Filters, make_input, parse_period, steering_statistics
from effekt.statistics.render import to_html_fragment
from effekt.statistics.render.svg import stacked_bars
from tests.statistics.fixtures import (
    hand_computed_benefits,
    hand_computed_courses,
    hand_computed_follow_ups,
)

SVG = "{http://www.w3.org/2000/svg}"


def fragment(filters: Filters) -> str:
    data = make_input(hand_computed_courses(), hand_computed_follow_ups(), hand_computed_benefits())
    result = steering_statistics(
        data, parse_period("2024Q1"), filters=filters, as_of=dt.date(2024, 7, 15)
    )
    return to_html_fragment(result)


def test_the_fragment_is_well_formed_and_holds_two_charts_and_five_tables() -> None:
    html = fragment(Filters(supplier=("A&B <x>",)))
    root = ET.fromstring(html.replace("&nbsp;", " "))
    assert len(root.findall(f".//{SVG}svg")) == 2
    assert len(root.findall(".//table")) == 5
    assert "Leverandør: A&amp;B &lt;x&gt;" in html
    assert "<x>" not in html


def test_the_progression_chart_draws_each_share_as_a_width() -> None:
    svg = ET.fromstring(stacked_bars("t", [("Gennemsnit", 0.25, 0.5, 0.25)]))
    widths = [float(r.attrib["width"]) for r in svg.iter(f"{SVG}rect")][3:]
    assert widths == [90.0, 180.0, 90.0]  # 360 px bar
    assert [t.text for t in svg.iter(f"{SVG}text")][-3:] == ["25 %", "50 %", "25 %"]


def test_the_summary_states_counts_behind_the_shares() -> None:
    html = fragment(Filters())
    assert (
        "3 af 9 (33,3 %) havde progression på gennemsnittet af indikatorerne; 2 kunne ikke" in html
    )
    assert "1 af 2 (50,0 %) var tilbage på offentlig forsørgelse 6 måneder efter." in html
