"""Chart geometry and verdict sentences, checked by hand."""

from __future__ import annotations

from effekt.monitoring.models import Verdict
from effekt.monitoring.services.charts import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    percent,
    share_chart,
)
from effekt.monitoring.services.queries import reasons


def test_points_span_the_plot_and_missing_months_are_left_out() -> None:
    chart = share_chart("t", ["2020-12", "2021-01", "2021-02"], [0.0, None, 1.0], [0.5] * 3, 0.8)
    assert chart.monthly == f"{LEFT:.1f},{HEIGHT - BOTTOM:.1f} {WIDTH - RIGHT:.1f},{TOP:.1f}"
    middle = LEFT + (WIDTH - LEFT - RIGHT) / 2
    half = TOP + (HEIGHT - TOP - BOTTOM) / 2
    assert chart.running.split()[1] == f"{middle:.1f},{half:.1f}"
    assert chart.target_y == 52.0 == TOP + (HEIGHT - TOP - BOTTOM) * 0.2
    assert [(t.position, t.label) for t in chart.x_ticks] == [(middle, "2021")]
    assert chart.target_label == "80 %"


def test_percentages_are_written_the_danish_way() -> None:
    assert percent(0.8123) == "81,2 %"
    assert percent(None) == "–"


def test_the_verdict_is_explained_target_by_target() -> None:
    v = Verdict(
        municipality_code="230",
        year=2021,
        actual_share=0.2,
        expected_share=0.18,
        result_target_met=False,
        offers_share_12m=0.75,
        offers_target_met=False,
        conversations_share_12m=None,
        conversations_target_met=None,
        candidate=True,
    )
    assert reasons(v, 0.8, 0.8) == [
        "Resultatmålet er ikke opfyldt: 20,0 % på offentlig forsørgelse mod forventet 18,0 %.",
        "Fokusmål 1 (aktive tilbud): 75,0 % i 12-måneders gennemsnit, ikke over 80 %.",
        "Fokusmål 2 (samtaler) kan ikke vurderes: ingen målte borgere.",
    ]
