"""The steering-group statistics' data from the database: the courses a user may see.

Builds the frames of `effekt.statistics.analysis.steering.input_from_frames` straight from
three queries (courses, indicator scores, follow-ups), so the pure module does the counting:
on PostgreSQL as packed arrays (`effekt.statistics.pg_source`), elsewhere through the ORM
(`load_portable`, also the fallback on PostgreSQL).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
from django.db import connection
from django.db.models import Count, Max, QuerySet

from effekt.organisations.models import User
from effekt.progression.models import Course, FollowUp, IndicatorScore, ProbabilityEstimate
from effekt.progression.rules.schedule import planned_end
from effekt.statistics.analysis import ClassificationConfig, Filters, FollowUpRecord, Period
from effekt.statistics.analysis.progression import SCORE_COLUMNS
from effekt.statistics.analysis.steering import (
    COURSE_FRAME_COLUMNS,
    StatisticsInput,
    input_from_frames,
)
from effekt.statistics.pg_source import load_packed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DatabaseSource:
    """Courses visible to `user` (all when None: the CLI on the server) that passed `filters`
    and ended in the period or the previous period of the same length."""

    user: User | None = None

    def courses(self, filters: Filters, period: Period) -> QuerySet[Course]:
        courses = (
            Course.objects.all() if self.user is None else Course.objects.visible_to(self.user)
        )
        courses = courses.filter(ended_on__gte=period.previous().start, ended_on__lte=period.end)
        lookups = {
            "municipality": "municipality__code__in",
            "supplier": "supplier__name__in",
            "course_type": "course_type__code__in",
            "target_group": "target_group__in",
            "distance": "distance__in",
        }
        for name, lookup in lookups.items():
            allowed = getattr(filters, name)
            if allowed:
                courses = courses.filter(**{lookup: allowed})
        return courses

    def load(self, filters: Filters, period: Period) -> StatisticsInput:
        """The prepared input; on PostgreSQL from packed arrays (`pg_source`, only the scores
        the figures use), elsewhere (or when a row needs it) from the portable ORM queries.
        Both give the same statistics."""
        courses = self.courses(filters, period)
        if connection.vendor == "postgresql":
            frames = load_packed(courses)
            if frames is not None:
                return prepared_input(*frames)
            logger.info("statistics read by the portable path: a row cannot be packed")
        return prepared_input(*load_portable(courses))


def load_portable(
    courses: QuerySet[Course],
) -> tuple[pd.DataFrame, pd.DataFrame, list[FollowUpRecord]]:
    """Course frame, score frame and follow-ups of `courses` through the ORM (any database)."""
    courses = courses.order_by()
    rows = (
        courses.annotate(
            extension_count=Count("extensions"), last_extension=Max("extensions__new_planned_end")
        )
        .values_list(*COURSE_FIELDS)
        .order_by("id")
    )
    course_frame = pd.DataFrame(
        [_course_row(row) for row in rows], columns=COURSE_FRAME_COLUMNS
    ).astype(COURSE_DTYPES)  # typed also when there are no rows
    early = set(course_frame.loc[course_frame["ended_early"], "course_id"])
    scores = (
        IndicatorScore.objects.filter(measurement__course__in=courses)
        .order_by()
        .values_list(
            "measurement__course_id",
            "measurement__point",
            "measurement__measured_on",
            "indicator",
            "citizen",
            "caseworker",
        )
    )
    score_frame = pd.DataFrame.from_records(list(scores), columns=SCORE_COLUMNS)
    if early:  # the final measurement of a course that ended early is its early final one
        final_early = (score_frame["point"] == "final") & score_frame["course_id"].isin(early)
        score_frame.loc[final_early, "point"] = "early_final"
    follow_ups = FollowUp.objects.filter(course__in=courses).values_list(
        "course_id", "months_after", "on_public_support"
    )
    return (
        course_frame,
        score_frame,
        [
            FollowUpRecord(course_id=str(c), months=3 if m == 3 else 6, on_public_support=s)
            for c, m, s in follow_ups
        ],
    )


def prepared_input(
    course_frame: pd.DataFrame, score_frame: pd.DataFrame, follow_ups: list[FollowUpRecord]
) -> StatisticsInput:
    """The input of frames whose course ids are still integers; ids become text afterwards,
    like every other source's (coding the scores against integer ids is faster)."""
    data = input_from_frames(course_frame, score_frame, follow_ups)
    return replace(
        data,
        courses=data.courses.assign(
            course_id=data.courses["course_id"].astype(str),
            person_id=data.courses["person_id"].astype(str),
        ),
    )


COURSE_FIELDS = (
    "id",
    "citizen_id",
    "municipality__code",
    "supplier__name",
    "course_type__code",
    "target_group",
    "distance",
    "start_date",
    "ended_on",
    "extension_count",
    "ending__category",
    "result_goal",
    "course_type__standard_length_weeks",
    "last_extension",
)


COURSE_DTYPES = {
    "end": "datetime64[ns]",
    **dict.fromkeys(("extended", "ended_early", "has_goal", "reached_goal"), "bool"),
}


def _course_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """One row of COURSE_FRAME_COLUMNS from a row of COURSE_FIELDS (ids stay integers)."""
    pk, citizen, *filters, start, ended, extensions, category, goal, weeks, last_extension = row
    ended_early = ended is not None and ended < planned_end(start, weeks, last_extension)
    goal_set = set(goal or [])
    return (
        pk,
        citizen,
        *filters,
        pd.Timestamp(ended) if ended else pd.NaT,
        extensions > 0,
        ended_early,
        category,
        bool(goal_set),
        category is not None and category in goal_set,
    )


def classification_for(courses: QuerySet[Course]) -> ClassificationConfig | None:
    """The classification method of the contract configuration, when the courses share one."""
    configs = list(
        courses.values_list(
            "configuration__classification_method",
            "configuration__threshold",
            "configuration__reliability",
        ).distinct()[:2]
    )
    if len(configs) != 1:
        return None
    method, threshold, reliability = configs[0]
    return ClassificationConfig(
        method="rci" if method == "rci" else "threshold",
        threshold=float(threshold),
        reliability={int(k): float(v) for k, v in (reliability or {}).items()},
    )


@dataclass(frozen=True)
class ProbabilitySummary:
    """Mean estimated job/education probability at baseline and at the latest measurement,
    over the courses with both estimates from the same model version."""

    courses: int
    baseline: float | None
    latest: float | None

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline


def probability_summary(courses: QuerySet[Course]) -> ProbabilitySummary:
    order = {"baseline": 0, "midway": 1, "final": 2}
    by_course: dict[int, dict[str, tuple[float, str]]] = {}
    estimates = ProbabilityEstimate.objects.filter(measurement__course__in=courses).values_list(
        "measurement__course_id", "measurement__point", "probability", "model_version"
    )
    for course, point, probability, version in estimates.order_by():
        by_course.setdefault(course, {})[point] = (probability, version)
    pairs = []
    for points in by_course.values():
        later = [p for p in points if p != "baseline"]
        if "baseline" not in points or not later:
            continue
        first, latest = points["baseline"], points[max(later, key=order.__getitem__)]
        if first[1] == latest[1]:
            pairs.append((first[0], latest[0]))
    if not pairs:
        return ProbabilitySummary(0, None, None)
    return ProbabilitySummary(
        courses=len(pairs),
        baseline=sum(p[0] for p in pairs) / len(pairs),
        latest=sum(p[1] for p in pairs) / len(pairs),
    )
