"""The consultant dashboards: measurements due this week, overdue and missing; warnings.

Built from plain rows (no model instances) so that a supplier with thousands of running
courses still gets the page quickly: one query for the courses (with their course type's
length), one for the course types' measurement points, and one per 2,000 courses for the
points measured, by course id (the course filter is not evaluated a second time).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery

from effekt.organisations.models import Role, User
from effekt.progression.models import (
    Course,
    CourseStatus,
    Extension,
    Measurement,
    MeasurementPointConfig,
)
from effekt.progression.rules.schedule import PointSpec, measurement_plan
from effekt.progression.rules.worklist import WorkItem, work_items

MISSING_LOOKBACK = dt.timedelta(weeks=8)
TAKEN_BATCH = 2000  # course ids per query for the points measured (SQLite's parameter limit)


@dataclass(frozen=True)
class CourseSummary:
    """What a dashboard line shows about a course."""

    pk: int
    status: str
    citizen_name: str
    course_type_name: str
    supplier_name: str
    start_date: dt.date
    regression_flag: bool


@dataclass(frozen=True)
class DashboardRow:
    course: CourseSummary
    item: WorkItem


@dataclass
class Dashboard:
    """What a consultant should act on, as of `today`."""

    today: dt.date
    awaiting_start: list[CourseSummary] = field(default_factory=list)
    flagged: list[CourseSummary] = field(default_factory=list)
    rows: list[DashboardRow] = field(default_factory=list)

    def bucket(self, name: str) -> list[DashboardRow]:
        return [r for r in self.rows if r.item.bucket == name]


def _mine(user: User) -> Q:
    if user.role == Role.SUPPLIER_CONSULTANT:
        return Q(supplier_consultant=user) | Q(supplier_consultant__isnull=True)
    if user.role == Role.JOBCENTRE_CONSULTANT:
        return Q(jobcentre_consultant=user) | Q(referred_by=user)
    return Q()


def _running_or_recently_ended(today: dt.date, *, mine: bool) -> Q:
    since = today - MISSING_LOOKBACK
    running = [CourseStatus.REFERRED, CourseStatus.ACTIVE]
    if mine:
        # The same test, written so that PostgreSQL starts from the consultant's few courses
        # (5 times faster) instead of or-ing the organisation's running and recently ended
        # ones, which is the faster plan for the whole organisation.
        ended = CourseStatus.ENDED
        return Q(status__in=[*running, ended]) & (~Q(status=ended) | Q(ended_on__gte=since))
    return Q(status__in=running) | Q(status=CourseStatus.ENDED, ended_on__gte=since)


def dashboard_courses(user: User, today: dt.date, *, mine: bool) -> QuerySet[Course]:
    """Running courses, and courses ended recently, that the user may see."""
    courses = Course.objects.visible_to(user).filter(_running_or_recently_ended(today, mine=mine))
    return courses.filter(_mine(user)) if mine else courses


def _point_specs(type_ids: set[int]) -> dict[int, list[PointSpec]]:
    """`CourseTypeConfig.point_specs()` of each course type, in one query."""
    specs: dict[int, list[PointSpec]] = {pk: [] for pk in type_ids}
    points = MeasurementPointConfig.objects.filter(course_type_id__in=type_ids).values_list(
        "course_type_id", "kind", "week", "window_before_days", "window_after_days"
    )
    for type_id, kind, week, before, after in points:
        specs[type_id].append(PointSpec(kind, week, before, after))  # type: ignore[arg-type]
    return specs


def _taken(course_ids: list[int]) -> dict[int, set[str]]:
    taken: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(course_ids), TAKEN_BATCH):
        batch = course_ids[start : start + TAKEN_BATCH]
        points = Measurement.objects.filter(course_id__in=batch).values_list("course_id", "point")
        for course_id, point in points:
            taken[course_id].add(point)
    return taken


def dashboard_build(*, user: User, today: dt.date, mine: bool = True) -> Dashboard:
    """The dashboard of one consultant (or the whole organisation when `mine` is False)."""
    courses = dashboard_courses(user, today, mine=mine)
    latest_extension = Extension.objects.filter(course=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    rows = list(
        courses.annotate(last_planned_end=Subquery(latest_extension.values("new_planned_end")[:1]))
        .values(
            "pk",
            "status",
            "start_date",
            "ended_on",
            "course_type_id",
            "regression_flag",
            "last_planned_end",
            "citizen__name",
            "course_type__name",
            "course_type__standard_length_weeks",
            "supplier__name",
        )
        .order_by("start_date", "pk")
    )
    specs = _point_specs({r["course_type_id"] for r in rows})
    taken = _taken([r["pk"] for r in rows if r["status"] != CourseStatus.REFERRED])
    dashboard = Dashboard(today=today)
    for row in rows:
        summary = CourseSummary(
            pk=row["pk"],
            status=row["status"],
            citizen_name=row["citizen__name"],
            course_type_name=row["course_type__name"],
            supplier_name=row["supplier__name"],
            start_date=row["start_date"],
            regression_flag=row["regression_flag"],
        )
        if row["status"] == CourseStatus.REFERRED:
            dashboard.awaiting_start.append(summary)
            continue
        if row["regression_flag"] and row["status"] == CourseStatus.ACTIVE:
            dashboard.flagged.append(summary)
        plan = measurement_plan(
            row["start_date"],
            row["course_type__standard_length_weeks"],
            specs[row["course_type_id"]],
            extended_to=row["last_planned_end"],
            ended_on=row["ended_on"],
        )
        ended = row["status"] == CourseStatus.ENDED
        dashboard.rows.extend(
            DashboardRow(summary, item)
            for item in work_items(plan, taken[row["pk"]], today, ended=ended)
        )
    dashboard.rows.sort(key=lambda r: (r.item.planned.due, r.course.pk))
    return dashboard
