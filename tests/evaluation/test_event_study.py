"""Event study and its SVG chart."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from effekt.cli import main
from effekt.evaluation.analysis.did import DidSpec
from effekt.evaluation.analysis.event_study import EventPoint, event_study
from effekt.evaluation.analysis.svg import event_study_svg


def test_each_period_effect_is_the_treated_change_minus_the_controls_change(
    organ_donations: pd.DataFrame,
) -> None:
    spec = DidSpec("Rate", "california", "after", "cluster", unit="State", time="Quarter_Num",
                   cluster="State")  # fmt: skip
    result = event_study(organ_donations, spec)
    assert result.reference == "3"
    # Hand check with one treated unit and a balanced panel:
    # effect(t) = (CA_t − CA_ref) − mean over other states of (s_t − s_ref).
    wide = organ_donations.pivot_table(index="Quarter_Num", columns="State", values="Rate")
    change = wide - wide.loc[3]
    expected = change["California"] - change.drop(columns="California").mean(axis=1)
    for point in result.points:
        assert point.estimate == pytest.approx(expected[int(point.label)], abs=1e-9)
    assert [p.relative for p in result.points] == [-2, -1, 0, 1, 2, 3]


def test_the_chart_has_one_point_per_period() -> None:
    points = [
        EventPoint("2010", -1, 0.5, 0.1, 0.3, 0.7),
        EventPoint("2011", 0, 0.0, 0.0, 0.0, 0.0),
        EventPoint("2012", 1, -1.25, 0.2, -1.6, -0.9),
    ]
    svg = event_study_svg(points)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert re.findall(r'data-label="([^"]+)"', svg) == ["2010", "2011", "2012"]
    assert re.findall(r'data-estimate="([^"]+)"', svg) == ["0.5", "0", "-1.25"]
    heights = [float(y) for y in re.findall(r'<circle cx="[^"]+" cy="([^"]+)"', svg)]
    assert heights[0] < heights[1] < heights[2]  # larger effects are drawn higher


def test_the_cli_writes_the_chart(organ_csv: Path, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    result = CliRunner().invoke(
        main,
        ["evaluation", "event-study", str(organ_csv), "--outcome", "Rate", "--treated",
         "california", "--post", "after", "--unit", "State", "--time", "Quarter_Num",
         "--cluster", "State", "--svg", str(svg)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "reference: periode 3" in result.output
    assert svg.read_text(encoding="utf-8").count("<circle") == 6
