"""What the start page of analysts, evaluators and administrators shows. Consultants start on
the progression dashboard (what is due, overdue, flagged)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from effekt.organisations.models import Role, User
from effekt.progression.models import Course, CourseStatus

TEMPLATES: dict[str, str] = {
    Role.ANALYST: "web/start/analyst.html",
    Role.EVALUATOR: "web/start/evaluator.html",
    Role.ADMINISTRATOR: "web/start/administrator.html",
}


@dataclass
class StartPage:
    template: str
    figures: list[tuple[str, int | str]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


def start_page(user: User) -> StartPage:
    role = Role.ADMINISTRATOR if user.is_superuser and not user.role else user.role
    page = StartPage(template=TEMPLATES.get(role, "web/start/administrator.html"))
    visible = Course.objects.visible_to(user)
    counts = visible.aggregate(
        active=Count("id", filter=Q(status=CourseStatus.ACTIVE)),
        referred=Count("id", filter=Q(status=CourseStatus.REFERRED)),
        ended=Count("id", filter=Q(status=CourseStatus.ENDED)),
    )
    if role in {Role.ANALYST, Role.EVALUATOR, Role.ADMINISTRATOR}:
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
