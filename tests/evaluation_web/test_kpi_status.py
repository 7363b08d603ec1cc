"""KPI status against targets, checked by hand (docs/experiments.md states the rules)."""

from __future__ import annotations

import datetime as dt

import pytest

from effekt.evaluation.services.kpi_status import Observation, elapsed_share, kpi_status

START, END = dt.date(2027, 1, 1), dt.date(2029, 1, 1)  # 731 days


def test_half_way_through_the_period_a_count_kpi_expects_half_its_target() -> None:
    # 2028-01-01 is 365 of 731 days in: expected 55 × 365/731 = 27.46.
    status = kpi_status(
        name="Etablerer virksomhed",
        kind="count",
        target=55,
        observations=[
            Observation("Nulpunktsmåling", START, 0),
            Observation("Status", dt.date(2028, 1, 1), 28),
        ],
        start=START,
        end=END,
    )
    assert status.latest is not None
    assert status.latest.expected == pytest.approx(55 * 365 / 731)
    assert status.status == "on_track"


def test_a_count_below_the_expected_level_is_behind_and_the_full_target_is_reached() -> None:
    behind = kpi_status(
        name="x",
        kind="count",
        target=55,
        observations=[Observation("Status", dt.date(2028, 1, 1), 27)],
        start=START,
        end=END,
    )
    reached = kpi_status(
        name="x",
        kind="count",
        target=55,
        observations=[Observation("Status", dt.date(2027, 6, 1), 55)],
        start=START,
        end=END,
    )
    assert (behind.status, reached.status) == ("behind", "reached")


def test_a_change_kpi_is_measured_against_the_baseline() -> None:
    # 40 → 46 company-directed offers is +15 %; at 3/4 of the period +25 % × 0.75 = 18.75 %.
    status = kpi_status(
        name="Virksomhedsrettet indsats",
        kind="change",
        target=25,
        observations=[
            Observation("Nulpunktsmåling", dt.date(2027, 1, 1), 40),
            Observation("Status", dt.date(2027, 7, 1), 43),
            Observation("Status", dt.date(2028, 7, 1), 46),
        ],
        start=START,
        end=END,
    )
    assert [p.value for p in status.points] == pytest.approx([0.0, 7.5, 15.0])
    assert status.latest is not None
    assert status.latest.expected == pytest.approx(25 * 547 / 731)
    assert status.status == "behind"


def test_a_share_kpi_is_uncertain_while_the_wilson_interval_contains_the_target() -> None:
    # 11 of 20 = 55 %; Wilson 95 % interval 34.2 %–74.2 % contains the 60 % target.
    uncertain = kpi_status(
        name="Progression",
        kind="share",
        target=60,
        observations=[Observation("Status", dt.date(2027, 4, 1), 11, 20)],
        start=START,
        end=END,
    )
    assert uncertain.latest is not None and uncertain.latest.share is not None
    assert uncertain.latest.value == pytest.approx(55.0)
    assert uncertain.latest.share.ci_low == pytest.approx(0.3421, abs=1e-4)
    assert uncertain.latest.share.ci_high == pytest.approx(0.7418, abs=1e-4)
    assert uncertain.status == "uncertain"
    # 40 of 100: interval 30.9 %–49.8 % lies below 60 %.
    behind = kpi_status(
        name="Progression",
        kind="share",
        target=60,
        observations=[Observation("Status", dt.date(2027, 4, 1), 40, 100)],
        start=START,
        end=END,
    )
    assert behind.status == "behind"


def test_a_kpi_without_measurements_has_no_data() -> None:
    status = kpi_status(name="x", kind="count", target=1, observations=[], start=START, end=END)
    assert (status.status, status.status_label, status.latest) == (
        "no_data",
        "Ingen målinger",
        None,
    )


def test_elapsed_share_is_clamped_to_the_period() -> None:
    assert elapsed_share(dt.date(2026, 1, 1), START, END) == 0.0
    assert elapsed_share(dt.date(2030, 1, 1), START, END) == 1.0
    with pytest.raises(ValueError):
        elapsed_share(START, END, START)
