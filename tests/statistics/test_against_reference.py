"""The vectorised computation agrees with a plain per-course reference on synthetic data."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from effekt.statistics.analysis import CourseRecord, make_input, parse_period, steering_statistics
from effekt.statistics.analysis.synthetic import synthetic_courses


def reference_outcome(course: CourseRecord, indicator: int | None) -> str:
    """Threshold 0.5 on the combined score, written the slow and obvious way."""
    baseline = [m for m in course.measurements if m.point == "baseline"]
    later = [
        m
        for m in course.measurements
        if m.point != "baseline" and any(s.combined is not None for s in m.scores)
    ]
    if not baseline or not later:
        return "not_measurable"
    latest = max(later, key=lambda m: (m.point in ("final", "early_final"), m.date))
    before = {s.indicator: s.combined for s in baseline[0].scores if s.combined is not None}
    after = {s.indicator: s.combined for s in latest.scores if s.combined is not None}
    common = sorted(set(before) & set(after))
    if indicator is not None:
        common = [indicator] if indicator in common else []
    if not common:
        return "not_measurable"
    change = sum(after[i] for i in common) / len(common) - sum(before[i] for i in common) / len(
        common
    )
    if change >= 0.5 - 1e-9:
        return "progression"
    return "regression" if change <= -0.5 + 1e-9 else "stagnation"


def test_the_vectorised_figures_match_a_per_course_reference() -> None:
    courses = synthetic_courses(400, seed=7)
    period = parse_period("2024H1")
    result = steering_statistics(make_input(courses), period, as_of=dt.date(2025, 1, 1))
    ended = [c for c in courses if c.actual_end_date and period.contains(c.actual_end_date)]
    assert result.current.courses == len(ended) > 50
    expected = Counter(reference_outcome(c, None) for c in ended)
    assert min(expected["progression"], expected["stagnation"], expected["regression"]) > 0
    figure = result.current.progression_mean
    assert (figure.progression, figure.stagnation, figure.regression, figure.not_measurable) == (
        expected["progression"],
        expected["stagnation"],
        expected["regression"],
        expected["not_measurable"],
    )
    for figure in result.current.progression_by_indicator:
        assert figure.indicator is not None
        outcomes = Counter(reference_outcome(c, figure.indicator) for c in ended)
        assert (figure.progression, figure.stagnation, figure.regression) == (
            outcomes["progression"],
            outcomes["stagnation"],
            outcomes["regression"],
        )
