"""The consultant dashboards: measurements due this week, overdue and missing; warnings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from effekt.organisations.models import Role, User
from effekt.progression.models import Course, CourseStatus, Extension, Measurement
from effekt.progression.rules.schedule import measurement_plan
from effekt.progression.rules.worklist import WorkItem, work_items

MISSING_LOOKBACK = dt.timedelta(weeks=8)


@dataclass(frozen=True)
class DashboardRow:
    course: Course
    item: WorkItem


@dataclass
class Dashboard:
    """What a consultant should act on, as of `today`."""

    today: dt.date
    awaiting_start: list[Course] = field(default_factory=list)
    flagged: list[Course] = field(default_factory=list)
    rows: list[DashboardRow] = field(default_factory=list)

    def bucket(self, name: str) -> list[DashboardRow]:
        return [r for r in self.rows if r.item.bucket == name]


def _mine(user: User) -> Q:
    if user.role == Role.SUPPLIER_CONSULTANT:
        return Q(supplier_consultant=user) | Q(supplier_consultant__isnull=True)
    if user.role == Role.JOBCENTRE_CONSULTANT:
        return Q(jobcentre_consultant=user) | Q(referred_by=user)
    return Q()


def dashboard_courses(user: User, today: dt.date, *, mine: bool) -> list[Course]:
    """Running courses, and courses ended recently, that the user may see."""
    courses = Course.objects.visible_to(user).filter(
        Q(status__in=[CourseStatus.REFERRED, CourseStatus.ACTIVE])
        | Q(status=CourseStatus.ENDED, ended_on__gte=today - MISSING_LOOKBACK)
    )
    if mine:
        courses = courses.filter(_mine(user))
    return list(
        courses.select_related("citizen", "course_type")
        .prefetch_related(
            "course_type__points",
            Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "id")),
            Prefetch("measurements", queryset=Measurement.objects.only("id", "course_id", "point")),
        )
        .order_by("start_date", "id")
    )


def dashboard_build(*, user: User, today: dt.date, mine: bool = True) -> Dashboard:
    """The dashboard of one consultant (or the whole organisation when `mine` is False)."""
    dashboard = Dashboard(today=today)
    for course in dashboard_courses(user, today, mine=mine):
        if course.status == CourseStatus.REFERRED:
            dashboard.awaiting_start.append(course)
            continue
        if course.regression_flag and course.status == CourseStatus.ACTIVE:
            dashboard.flagged.append(course)
        extensions = list(course.extensions.all())
        length = course.course_type.standard_length_weeks
        plan = measurement_plan(
            course.start_date,
            length,
            course.course_type.point_specs(),
            extended_to=extensions[-1].new_planned_end if extensions else None,
            ended_on=course.ended_on,
        )
        taken = {m.point for m in course.measurements.all()}
        ended = course.status == CourseStatus.ENDED
        dashboard.rows.extend(
            DashboardRow(course, item) for item in work_items(plan, taken, today, ended=ended)
        )
    dashboard.rows.sort(key=lambda r: (r.item.planned.due, r.course.pk))
    return dashboard
