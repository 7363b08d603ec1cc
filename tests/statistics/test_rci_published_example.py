"""The Jacobson-Truax reliable change index against a published worked example.

Source: Wodrich, "Appendix E: How to Calculate Reliable Change Indexes (RCIs)", open textbook,
University of Arizona (https://opentextbooks.library.arizona.edu/wodrichseas/back-matter/
how-to-calculate-a-reliable-change-index-rci). The Piers-Harris-2 Total score has a standard
error of measurement of 3.07 (test manual); S_diff = sqrt(2 * 3.07^2) = 4.34; the 95 %
criterion is 1.96 * 4.34 = 8.51 points; a student going from 24 to 35 (+11) shows reliable
change. The example runs through `steering_statistics`, the code path the page uses.
"""

from __future__ import annotations

import datetime as dt

import pytest

from effekt.statistics.analysis import (
    ClassificationConfig,
    make_input,
    parse_period,
    reliable_change_index,
    steering_statistics,
)
from tests.statistics.fixtures import B, F, course, measurement

TEXTBOOK = ClassificationConfig(method="rci", standard_error={1: 3.07, "mean": 3.07})


def figure_for(pre: float, post: float, config: ClassificationConfig = TEXTBOOK):  # type: ignore[no-untyped-def]
    courses = [
        course(
            1,
            "2024-02-01",
            measurement(B, "2023-11-01", {1: (pre, None)}),
            measurement(F, "2024-01-25", {1: (post, None)}),
        )
    ]
    result = steering_statistics(
        make_input(courses), parse_period("2024Q1"), perspective="citizen",
        classification=config, as_of=dt.date(2024, 12, 31),
    )  # fmt: skip
    return result.current.progression_by_indicator[0]


def test_the_published_example_is_a_reliable_improvement() -> None:
    figure = figure_for(24, 35)
    assert figure.progression == 1 and figure.classified == 1
    assert round(figure.method.standard_error_of_difference or 0, 2) == 4.34
    assert round(figure.method.critical_change or 0, 2) == 8.51
    assert reliable_change_index(24, 35, 3.07) == pytest.approx(11 / 4.3416, abs=1e-3)


def test_a_change_below_the_published_criterion_is_stagnation() -> None:
    assert figure_for(24, 32).stagnation == 1
    assert figure_for(35, 24).regression == 1


def test_sd_and_reliability_give_the_same_standard_error_as_the_formula() -> None:
    # Hand-computed: SD 7.6, r 0.95: SE = 7.6 * sqrt(0.05) = 1.699412, S_diff = 2.403331,
    # 1.96 * S_diff = 4.710529; a change of 4.7 is not reliable, 4.8 is.
    config = ClassificationConfig(
        method="rci", standard_deviation={1: 7.6, "mean": 7.6}, reliability={1: 0.95, "mean": 0.95}
    )
    figure = figure_for(10, 14.7, config)
    assert figure.method.standard_error == pytest.approx(1.699412, abs=1e-6)
    assert figure.method.critical_change == pytest.approx(4.710529, abs=1e-6)
    assert figure.stagnation == 1
    assert figure_for(10, 14.8, config).progression == 1


def test_rci_without_a_reliability_is_refused() -> None:
    from effekt.statistics.analysis import ClassificationError

    with pytest.raises(ClassificationError, match="reliabilitet"):
        figure_for(24, 35, ClassificationConfig(method="rci"))


def test_rci_with_a_single_baseline_and_no_configured_sd_is_reported_not_classified() -> None:
    figure = figure_for(24, 35, ClassificationConfig(method="rci", default_reliability=0.8))
    assert figure.not_classified == 1 and figure.classified == 0
    assert figure.share("progression").not_measurable == 1
