"""The steering-group statistics for a period: the public entry point. Pure: no Django import.

The population of a period is the courses that passed the filters and ended in the period
(actual end date inside it, both ends included); every figure is computed over it. The
previous period (same length, just before) is computed with the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pandas as pd

from effekt.statistics.analysis.classification import ClassificationConfig
from effekt.statistics.analysis.followup import benefits_frame, follow_up_figures
from effekt.statistics.analysis.periods import Period
from effekt.statistics.analysis.progression import (
    progression_figures,
    score_pairs,
    scores_frame,
)
from effekt.statistics.analysis.records import (
    ENDING_CATEGORIES,
    PUBLIC_SUPPORT_BENEFITS,
    BenefitRecord,
    CourseRecord,
    Filters,
    FollowUpRecord,
    PerspectiveChoice,
)
from effekt.statistics.analysis.results import (
    EffectSummary,
    EndingRow,
    PeriodStatistics,
    Share,
    SteeringStatistics,
)

FILTER_COLUMNS = {
    "municipality": "municipality_code",
    "supplier": "supplier",
    "course_type": "course_type",
    "target_group": "target_group",
    "distance": "distance",
}
NOT_REGISTERED = "Ingen afslutningskategori registreret"


@dataclass(frozen=True)
class StatisticsInput:
    """The input as frames: `courses` (one row per course) and `scores` (long table)."""

    courses: pd.DataFrame
    scores: pd.DataFrame
    follow_ups: tuple[FollowUpRecord, ...] = ()
    benefits: pd.DataFrame | None = None


def courses_frame(courses: Sequence[CourseRecord]) -> pd.DataFrame:
    """One row per course with the columns the figures need."""
    frame = pd.DataFrame(
        {
            "course_id": [c.course_id for c in courses],
            "person_id": [c.person_id for c in courses],
            **{column: [getattr(c, column) for c in courses] for column in FILTER_COLUMNS.values()},
            "end": pd.to_datetime(pd.Series([c.actual_end_date for c in courses], dtype=object)),
            "extended": [c.extensions > 0 for c in courses],
            "ended_early": [c.ended_early for c in courses],
            "ending_category": [c.ending_category for c in courses],
            "has_goal": [bool(c.result_goal) for c in courses],
            "reached_goal": [c.reached_goal for c in courses],
        }
    )
    return frame


def make_input(
    courses: Sequence[CourseRecord],
    follow_ups: Sequence[FollowUpRecord] = (),
    benefits: Sequence[BenefitRecord] | None = None,
) -> StatisticsInput:
    """Turn records into the frames the computation uses."""
    return StatisticsInput(
        courses=courses_frame(courses),
        scores=scores_frame(courses),
        follow_ups=tuple(follow_ups),
        benefits=None if benefits is None else benefits_frame(benefits),
    )


def _population(courses: pd.DataFrame, period: Period, filters: Filters) -> pd.DataFrame:
    keep = courses["end"].between(pd.Timestamp(period.start), pd.Timestamp(period.end))
    for name, column in FILTER_COLUMNS.items():
        allowed = getattr(filters, name)
        if allowed:
            keep &= courses[column].isin(allowed)
    return courses[keep]


def _effect_summary(ended: pd.DataFrame) -> EffectSummary:
    category = ended["ending_category"].fillna("")
    counts = category.value_counts()
    early = category[ended["ended_early"]].value_counts()
    codes: list[str | None] = [*ENDING_CATEGORIES, None]
    rows = tuple(
        EndingRow(
            code=code,
            label=NOT_REGISTERED if code is None else ENDING_CATEGORIES[code],
            count=int(counts.get(code or "", 0)),
            ended_early=int(early.get(code or "", 0)),
        )
        for code in codes
    )
    return EffectSummary(ended=len(ended), ended_early=int(ended["ended_early"].sum()), rows=rows)


def period_statistics(
    data: StatisticsInput,
    period: Period,
    *,
    filters: Filters,
    perspective: PerspectiveChoice,
    classification: ClassificationConfig,
    as_of: dt.date,
    public_support: Collection[str],
) -> PeriodStatistics:
    """All figures for one period."""
    ended = _population(data.courses, period, filters)
    pairs = score_pairs(data.scores, pd.Index(ended["course_id"]), perspective)
    mean_figure, by_indicator = progression_figures(pairs, len(ended), classification)
    with_goal = ended["has_goal"] & ended["ending_category"].notna()
    return PeriodStatistics(
        period=period,
        courses=len(ended),
        progression_mean=mean_figure,
        progression_by_indicator=by_indicator,
        goal_reached=Share(
            int(ended.loc[with_goal, "reached_goal"].sum()),
            int(with_goal.sum()),
            int((~with_goal).sum()),
        ),
        extended=Share(int(ended["extended"].sum()), len(ended)),
        effect_summary=_effect_summary(ended),
        follow_up=follow_up_figures(
            ended[["course_id", "person_id", "end"]],
            data.follow_ups,
            data.benefits,
            as_of,
            public_support,
        ),
    )


def steering_statistics(
    data: StatisticsInput,
    period: Period,
    *,
    filters: Filters | None = None,
    perspective: PerspectiveChoice = "combined",
    classification: ClassificationConfig | None = None,
    as_of: dt.date | None = None,
    public_support: Collection[str] = PUBLIC_SUPPORT_BENEFITS,
) -> SteeringStatistics:
    """The statistics for `period` and the previous period of the same length.

    `as_of` is the day the follow-up data describe (default: today); follow-up days after it
    are "not due".
    """
    chosen_filters = filters or Filters()
    config = classification or ClassificationConfig()
    day = as_of or dt.date.today()

    def compute(which: Period) -> PeriodStatistics:
        return period_statistics(
            data,
            which,
            filters=chosen_filters,
            perspective=perspective,
            classification=config,
            as_of=day,
            public_support=public_support,
        )

    return SteeringStatistics(
        current=compute(period),
        previous=compute(period.previous()),
        filters=chosen_filters,
        perspective=perspective,
        classification=config,
        as_of=day,
    )
