"""Every figure of the steering-group statistics against the hand-computed fixture.

The expected numbers are worked out on paper in `fixtures.py`'s docstring.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from effekt.statistics.analysis import (
    ClassificationConfig,
    Filters,
    ProgressionFigure,
    SteeringStatistics,
    make_input,
    parse_period,
    steering_statistics,
)
from tests.statistics.fixtures import (
    hand_computed_benefits,
    hand_computed_courses,
    hand_computed_follow_ups,
)

AS_OF = dt.date(2024, 7, 15)


def compute(**options: object) -> SteeringStatistics:
    data = make_input(hand_computed_courses(), hand_computed_follow_ups(), hand_computed_benefits())
    return steering_statistics(data, parse_period("2024Q1"), as_of=AS_OF, **options)  # type: ignore[arg-type]


def counts(figure: ProgressionFigure) -> tuple[int, int, int, int, int]:
    return (
        figure.progression,
        figure.stagnation,
        figure.regression,
        figure.not_measurable,
        figure.total,
    )


def test_the_population_is_the_courses_that_ended_in_the_period() -> None:
    result = compute()
    assert result.current.courses == 11
    assert result.previous.period.label == "2023Q4"
    assert result.previous.courses == 1


def test_the_mean_of_all_indicators_counts_ties_and_not_measurable_courses() -> None:
    figure = compute().current.progression_mean
    assert counts(figure) == (3, 4, 2, 2, 11)
    assert figure.classified == 9
    share = figure.share("progression")
    assert (share.numerator, share.denominator, share.not_measurable) == (3, 9, 2)
    assert share.value == pytest.approx(3 / 9)
    assert figure.method.method == "threshold" and figure.method.threshold == 0.5


def test_each_indicator_has_its_own_denominator() -> None:
    by_indicator = {f.indicator: f for f in compute().current.progression_by_indicator}
    assert counts(by_indicator[1]) == (2, 4, 2, 2, 10)
    assert counts(by_indicator[2]) == (1, 1, 0, 1, 3)
    assert counts(by_indicator[4]) == (1, 0, 0, 1, 2)
    assert counts(by_indicator[3]) == (0, 0, 0, 0, 0)
    assert by_indicator[3].share("progression").value is None
    assert by_indicator[1].name == "Kendskab til arbejdsmarkedet"


def test_the_perspective_changes_which_scores_are_compared() -> None:
    citizen = compute(perspective="citizen").current
    assert counts(citizen.progression_by_indicator[0]) == (3, 3, 2, 2, 10)
    caseworker = compute(perspective="caseworker").current
    assert counts(caseworker.progression_mean) == (1, 6, 1, 3, 11)


def test_the_share_that_reached_the_result_goal_leaves_out_courses_without_goal_or_ending() -> None:
    goal = compute().current.goal_reached
    assert (goal.numerator, goal.denominator, goal.not_measurable) == (5, 9, 2)


def test_the_share_of_extended_courses_counts_every_ended_course() -> None:
    extended = compute().current.extended
    assert (extended.numerator, extended.denominator) == (3, 11)


def test_the_effect_summary_counts_ended_courses_by_ending_category() -> None:
    summary = compute().current.effect_summary
    rows = {row.code: (row.count, row.ended_early) for row in summary.rows}
    assert summary.ended == 11 and summary.ended_early == 3
    assert rows["ordinaert_job"] == (2, 0)
    assert rows["afbrudt"] == (2, 2)
    assert rows["uddannelse"] == (2, 0)
    assert rows["ikke_gennemfoert"] == (1, 1)
    assert rows[None] == (1, 0)
    assert rows["raskmeldt"] == (0, 0)
    assert len(summary.rows) == 17
    assert sum(row.count for row in summary.rows) == 11


def test_the_follow_up_reads_register_data_and_prefers_the_jobcentre_registration() -> None:
    three, six = compute().current.follow_up
    assert (three.share.numerator, three.share.denominator, three.not_due) == (4, 11, 0)
    assert (three.from_registration, three.from_register_data) == (1, 10)
    assert (six.share.numerator, six.share.denominator, six.not_due) == (1, 2, 9)


def test_without_register_data_unregistered_follow_ups_are_not_measurable() -> None:
    data = make_input(hand_computed_courses(), hand_computed_follow_ups(), None)
    result = steering_statistics(data, parse_period("2024Q1"), as_of=AS_OF)
    three = result.current.follow_up[0]
    assert (three.share.numerator, three.share.denominator, three.share.not_measurable) == (
        1,
        1,
        10,
    )


def test_a_filter_leaves_out_other_suppliers() -> None:
    figure = compute(filters=Filters(supplier=("A",))).current.progression_mean
    assert counts(figure) == (3, 3, 2, 2, 10)


def test_the_previous_period_is_computed_with_the_same_rules() -> None:
    previous = compute().previous
    assert counts(previous.progression_mean) == (1, 0, 0, 0, 1)
    assert (previous.goal_reached.numerator, previous.goal_reached.denominator) == (1, 1)


def test_rci_uses_the_baseline_sd_of_the_reference_population() -> None:
    config = ClassificationConfig(method="rci", default_reliability=0.9)
    figure = compute(classification=config).current.progression_by_indicator[0]
    assert counts(figure) == (2, 6, 0, 2, 10)
    assert figure.method.sd_source == "reference_population"
    assert figure.method.standard_deviation == pytest.approx(math.sqrt(3.71875 / 7))
    assert figure.method.standard_error_of_difference == pytest.approx(0.325960, abs=1e-6)
    assert figure.method.critical_change == pytest.approx(0.638882, abs=1e-6)
