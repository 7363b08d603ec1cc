"""What each role's start page shows: a few figures and the courses that need attention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from effekt.organisations.models import Role, User
from effekt.progression.models import Course, CourseStatus, ProgressReport, ReportStatus
from effekt.progression.rules.schedule import POINT_LABELS

TEMPLATES: dict[str, str] = {
    Role.SUPPLIER_CONSULTANT: "web/start/supplier.html",
    Role.JOBCENTRE_CONSULTANT: "web/start/jobcentre.html",
    Role.ANALYST: "web/start/analyst.html",
    Role.EVALUATOR: "web/start/evaluator.html",
    Role.ADMINISTRATOR: "web/start/administrator.html",
}


@dataclass
class StartPage:
    template: str
    figures: list[tuple[str, int | str]] = field(default_factory=list)
    courses: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _due_courses(user: User, today: dt.date, limit: int = 15) -> list[dict[str, Any]]:
    courses = (
        Course.objects.visible_to(user)
        .filter(status=CourseStatus.ACTIVE)
        .select_related("citizen", "course_type", "supplier")
        .prefetch_related("course_type__points", "measurements", "extensions")
        .order_by("start_date")
    )
    due: list[dict[str, Any]] = []
    for course in courses[:500]:
        taken = {m.point for m in course.measurements.all()}
        for point in course.plan():
            state = point.status(today, point.kind in taken)
            if state in {"due", "overdue"}:
                due.append(
                    {
                        "course": course,
                        "point": point,
                        "state": state,
                        "label": POINT_LABELS[point.kind],
                        "cpr": course.citizen.masked_cpr,
                    }
                )
    due.sort(key=lambda row: row["point"].due)
    return due[:limit]


def start_page(user: User, today: dt.date | None = None) -> StartPage:
    today = today or timezone.localdate()
    role = Role.ADMINISTRATOR if user.is_superuser and not user.role else user.role
    page = StartPage(template=TEMPLATES.get(role, "web/start/administrator.html"))
    visible = Course.objects.visible_to(user)
    counts = visible.aggregate(
        active=Count("id", filter=Q(status=CourseStatus.ACTIVE)),
        referred=Count("id", filter=Q(status=CourseStatus.REFERRED)),
        ended=Count("id", filter=Q(status=CourseStatus.ENDED)),
        flagged=Count("id", filter=Q(regression_flag=True, status=CourseStatus.ACTIVE)),
    )
    if role in {Role.SUPPLIER_CONSULTANT, Role.JOBCENTRE_CONSULTANT}:
        page.courses = _due_courses(user, today)
        page.figures = [
            ("Forløb i gang", counts["active"]),
            ("Nye henvisninger", counts["referred"]),
            ("Målinger der venter", len(page.courses)),
        ]
        if role == Role.JOBCENTRE_CONSULTANT:
            unread = ProgressReport.objects.filter(
                course__in=visible, status=ReportStatus.SENT
            ).count()
            page.figures += [
                ("Tidlige advarsler", counts["flagged"]),
                ("Rapporter til kvittering", unread),
            ]
    elif role in {Role.ANALYST, Role.EVALUATOR, Role.ADMINISTRATOR}:
        page.figures = [
            ("Forløb i gang", counts["active"]),
            ("Afsluttede forløb", counts["ended"]),
            ("Henvisninger", counts["referred"]),
        ]
        page.rows = [
            dict(row)
            for row in visible.values("supplier__name")
            .annotate(
                total=Count("id"),
                active=Count("id", filter=Q(status=CourseStatus.ACTIVE)),
                ended=Count("id", filter=Q(status=CourseStatus.ENDED)),
            )
            .order_by("supplier__name")
        ]
    return page
