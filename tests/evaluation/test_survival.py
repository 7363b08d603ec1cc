"""Kaplan–Meier survival against a published table, and firm survival."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from effekt.cli import main
from effekt.evaluation.analysis.errors import InputError
from effekt.evaluation.analysis.survival import firm_durations, kaplan_meier

# Freireich et al. (1963), 6-MP arm, remission times in weeks; Klein & Moeschberger,
# Survival Analysis, Table 4.1A: Kaplan–Meier estimate and Greenwood standard error.
PUBLISHED_6MP = [
    (6, 21, 0.857, 0.076),
    (7, 17, 0.807, 0.087),
    (10, 15, 0.753, 0.096),
    (13, 12, 0.690, 0.107),
    (16, 11, 0.627, 0.114),
    (22, 7, 0.538, 0.128),
    (23, 6, 0.448, 0.135),
]


@pytest.fixture
def leukaemia_both_csv(tmp_path: Path) -> Path:
    """Both arms of the Gehan/Freireich leukaemia trial (Rx 0 = 6-MP, 1 = placebo), from
    lifelines' datasets."""
    from lifelines.datasets import load_leukemia

    path = tmp_path / "leukaemia_both.csv"
    load_leukemia().to_csv(path, index=False)
    return path


@pytest.fixture
def leukaemia_csv(tmp_path: Path) -> Path:
    """The 6-MP arm of the Gehan/Freireich leukaemia trial, from lifelines' datasets."""
    from lifelines.datasets import load_leukemia

    frame = load_leukemia()
    path = tmp_path / "leukaemia.csv"
    frame[frame["Rx"] == 0].to_csv(path, index=False)
    return path


def test_it_reproduces_the_published_log_rank_test_of_6mp_against_placebo(
    leukaemia_both_csv: Path,
) -> None:
    # Kleinbaum & Klein, Survival Analysis, ch. 2: log-rank chi-square 16.79 (1 df).
    result = CliRunner().invoke(
        main,
        ["evaluation", "survival", str(leukaemia_both_csv), "--duration", "t", "--event",
         "status", "--group", "Rx", "--at", "8", "--time-unit", "uger", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["logrank_statistic"] == pytest.approx(16.79, abs=0.005)
    assert data["logrank_df"] == 1
    assert data["logrank_p_value"] < 0.001
    groups = {g["group"]: g["result"] for g in data["groups"]}
    assert groups["1"]["n"] == 21 and groups["1"]["n_events"] == 21
    # Placebo, no censoring: relapses at 1,1,2,2,3,4,4,5,5,8,8,8,8,… so 8 of 21 remain in
    # remission after week 8.
    assert groups["1"]["at"][0]["survival"] == pytest.approx(8 / 21)


def test_a_group_comparison_needs_two_groups(leukaemia_csv: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluation", "survival", str(leukaemia_csv), "--duration", "t", "--event", "status",
         "--group", "Rx"],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "kolonne 'Rx': sammenligningen kræver mindst to grupper" in result.output


def test_it_reproduces_the_6mp_kaplan_meier_table_with_greenwood_errors(
    leukaemia_csv: Path,
) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluation", "survival", str(leukaemia_csv), "--duration", "t", "--event", "status",
         "--at", "6,7,10,13,16,22,23", "--time-unit", "uger", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 21 and data["n_events"] == 9
    assert data["variance"] == "Greenwood"
    for row, (time, at_risk, survival, se) in zip(data["at"], PUBLISHED_6MP, strict=True):
        assert row["time"] == time
        assert row["at_risk"] == at_risk
        assert row["survival"] == pytest.approx(survival, abs=5e-4)
        assert row["std_error"] == pytest.approx(se, abs=5e-4)
        assert row["ci_low"] < survival < row["ci_high"]


def test_survival_between_event_times_is_the_last_step() -> None:
    # Hand computed: 4 at risk; one event at 2 -> 3/4; one at 5 of 2 at risk -> 3/8.
    result = kaplan_meier([2, 3, 5, 7], [True, False, True, False], at=[4, 6])
    assert [p.survival for p in result.at] == pytest.approx([0.75, 0.375])
    assert [p.at_risk for p in result.at] == [2, 1]
    # Greenwood at 4: 0.75 * sqrt(1 / (4 * 3)).
    assert result.at[0].std_error == pytest.approx(0.75 * (1 / 12) ** 0.5)


def test_firms_are_censored_at_the_count_date() -> None:
    frame = pd.DataFrame(
        {
            "registration_date": ["2023-01-01", "2023-01-01", "2023-07-01"],
            "closure_date": ["2023-07-02", None, "2025-01-01"],
        }
    )
    durations, events = firm_durations(frame, date(2024, 1, 1))
    assert events == [True, False, False]
    assert durations == pytest.approx(
        [182 / (365.25 / 12), 365 / (365.25 / 12), 184 / (365.25 / 12)]
    )


def test_firm_survival_is_reported_at_6_12_18_and_24_months(tmp_path: Path) -> None:
    path = tmp_path / "firms.csv"
    rows = ["firm_id,registration_date,closure_date"]
    rows += [f"a{i},2020-01-01,2020-0{i + 2}-15" for i in range(3)]  # closed within 5 months
    rows += [f"b{i},2020-01-01,2021-03-01" for i in range(2)]  # closed after 14 months
    rows += [f"c{i},2020-01-01," for i in range(5)]  # still running
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluation", "survival", str(path), "--as-of", "2023-01-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    at = json.loads(result.output)["at"]
    assert [row["time"] for row in at] == [6, 12, 18, 24]
    assert [row["survival"] for row in at] == pytest.approx([0.7, 0.7, 0.5, 0.5])


def test_it_refuses_a_closure_before_registration() -> None:
    frame = pd.DataFrame({"registration_date": ["2023-05-01"], "closure_date": ["2023-04-01"]})
    with pytest.raises(InputError, match=re.escape("firms.csv, linje 2, kolonne 'closure_date'")):
        firm_durations(frame, date(2024, 1, 1), source="firms.csv")


def test_it_refuses_an_unparsable_date() -> None:
    frame = pd.DataFrame({"registration_date": ["1/5/2023"], "closure_date": [None]})
    with pytest.raises(InputError, match="linje 2, kolonne 'registration_date'"):
        firm_durations(frame, date(2024, 1, 1), source="firms.csv")
