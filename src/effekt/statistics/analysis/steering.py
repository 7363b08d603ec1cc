"""The steering-group statistics for a period: the public entry point. Pure: no Django import.

The population of a period is the courses that passed the filters and ended in the period
(actual end date inside it, both ends included); every figure is computed over it. The
previous period (same length, just before) is computed with the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from effekt.statistics.analysis.classification import ClassificationConfig
from effekt.statistics.analysis.followup import benefits_frame, follow_up_figures
from effekt.statistics.analysis.periods import Period
from effekt.statistics.analysis.progression import (
    SCORE_COLUMNS,
    Mask,
    PreparedScores,
    prepare_scores,
    progression_figures,
    score_matrices,
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
ORDINAL_EPOCH = dt.date(1970, 1, 1).toordinal()
NOT_REGISTERED = "Ingen afslutningskategori registreret"


@dataclass(frozen=True)
class StatisticsInput:
    """The prepared input: `courses` (one row per course, COURSE_FRAME_COLUMNS plus an integer
    `person` code), `scores` (coded against the course rows), follow-up registrations and the
    support spells of `benefits` (None = no register data)."""

    courses: pd.DataFrame
    scores: PreparedScores
    follow_ups: tuple[FollowUpRecord, ...] = ()
    benefits: pd.DataFrame | None = None


COURSE_FRAME_COLUMNS = [
    "course_id",
    "person_id",
    *FILTER_COLUMNS.values(),
    "end",
    "extended",
    "ended_early",
    "ending_category",
    "has_goal",
    "reached_goal",
]


def courses_frame(courses: Sequence[CourseRecord]) -> pd.DataFrame:
    """One row per course with COURSE_FRAME_COLUMNS."""
    ends = pd.Series([c.actual_end_date for c in courses], dtype=object)
    return pd.DataFrame(
        {
            "course_id": [c.course_id for c in courses],
            "person_id": [c.person_id for c in courses],
            **{column: [getattr(c, column) for c in courses] for column in FILTER_COLUMNS.values()},
            "end": pd.to_datetime(ends),
            "extended": [c.extensions > 0 for c in courses],
            "ended_early": [c.ended_early for c in courses],
            "ending_category": [c.ending_category for c in courses],
            "has_goal": [bool(c.result_goal) for c in courses],
            "reached_goal": [c.reached_goal for c in courses],
        },
        columns=COURSE_FRAME_COLUMNS,
    )


def scores_frame(courses: Sequence[CourseRecord]) -> pd.DataFrame:
    """One row per course, measurement and indicator (SCORE_COLUMNS)."""
    measurements = [(c.course_id, m) for c in courses for m in c.measurements]
    sizes = [len(m.scores) for _, m in measurements]
    scores = [s for _, m in measurements for s in m.scores]
    dates = np.array([m.date.toordinal() for _, m in measurements], dtype="int64")
    return pd.DataFrame(
        {
            "course_id": np.repeat(np.array([c for c, _ in measurements], dtype=object), sizes),
            "point": np.repeat(np.array([m.point for _, m in measurements], dtype=object), sizes),
            "date": pd.to_datetime(np.repeat(dates - ORDINAL_EPOCH, sizes), unit="D"),
            "indicator": np.array([s.indicator for s in scores], dtype="int64"),
            "citizen": np.array([s.citizen for s in scores], dtype="float64"),
            "caseworker": np.array([s.caseworker for s in scores], dtype="float64"),
        },
        columns=SCORE_COLUMNS,
    )


def input_from_frames(
    courses: pd.DataFrame,
    scores: pd.DataFrame,
    follow_ups: Sequence[FollowUpRecord] = (),
    benefits: pd.DataFrame | None = None,
) -> StatisticsInput:
    """Prepare frames (COURSE_FRAME_COLUMNS, SCORE_COLUMNS and the `benefits` columns of
    data-formats.md) for `steering_statistics`; a database source can build them directly."""
    courses = courses.reset_index(drop=True)
    people = (
        [courses["person_id"]]
        if benefits is None
        else [courses["person_id"], benefits["person_id"]]
    )
    codes, _ = pd.factorize(pd.concat(people, ignore_index=True))
    courses = courses.assign(person=codes[: len(courses)])
    if benefits is not None:
        benefits = benefits.assign(
            person=codes[len(courses) :],
            start_date=pd.to_datetime(benefits["start_date"]),
            end_date=pd.to_datetime(benefits["end_date"]),
        )
    return StatisticsInput(
        courses=courses,
        scores=prepare_scores(scores, pd.Index(courses["course_id"])),
        follow_ups=tuple(follow_ups),
        benefits=benefits,
    )


def make_input(
    courses: Sequence[CourseRecord],
    follow_ups: Sequence[FollowUpRecord] = (),
    benefits: Sequence[BenefitRecord] | None = None,
) -> StatisticsInput:
    """Turn records into the prepared input."""
    return input_from_frames(
        courses_frame(courses),
        scores_frame(courses),
        follow_ups,
        None if benefits is None else benefits_frame(benefits),
    )


def _population(courses: pd.DataFrame, period: Period, filters: Filters) -> Mask:
    keep = courses["end"].between(pd.Timestamp(period.start), pd.Timestamp(period.end))
    for name, column in FILTER_COLUMNS.items():
        allowed = getattr(filters, name)
        if allowed:
            keep &= courses[column].isin(allowed)
    mask: Mask = keep.to_numpy(dtype=bool)
    return mask


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
    population = _population(data.courses, period, filters)
    ended = data.courses[population]
    baseline, latest = score_matrices(data.scores, population, perspective)
    mean_figure, by_indicator = progression_figures(baseline, latest, classification)
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
            ended[["course_id", "person", "end"]],
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
