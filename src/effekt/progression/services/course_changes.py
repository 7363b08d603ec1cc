"""Changes to a running course: extension, ending status, Min Plan and result goal.

Every change carries the course `version` the user saw; when someone else changed the course
in the meantime, the change is refused with ConcurrentEdit, which says who changed what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from effekt.organisations.models import AuditAction, AuditEntry, Role, User
from effekt.organisations.services import audit_record
from effekt.progression.models import Course, CourseStatus, Ending, Extension
from effekt.progression.rules import endings


class ConcurrentEdit(ValidationError):
    """The course changed after the user opened it."""


def _changes_since(course: Course, seen_version: int) -> list[AuditEntry]:
    current = Course.objects.values_list("version", flat=True).get(pk=course.pk)
    count = max(current - seen_version, 1)
    return list(
        AuditEntry.objects.filter(
            object_type=Course._meta.label, object_id=str(course.pk), action=AuditAction.UPDATE
        )
        .select_related("user")
        .order_by("-at", "-id")[:count]
    )


def conflict_message(course: Course, seen_version: int) -> str:
    changes = [
        f"{e.detail or 'ændret'} ({e.user.get_full_name() or e.user.username if e.user else '?'}, "
        f"{timezone.localtime(e.at):%d.%m.%Y %H:%M})"
        for e in _changes_since(course, seen_version)
    ]
    return (
        "Forløbet er ændret af en anden, efter du åbnede det: "
        + "; ".join(changes or ["ukendt ændring"])
        + ". Dine indtastninger er ikke gemt; tjek forløbet og prøv igen."
    )


def _bump(course: Course, version: int, user: User, detail: str) -> None:
    updated = Course.objects.filter(pk=course.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise ConcurrentEdit(conflict_message(course, version))
    course.version = version + 1
    audit_record(
        user=user, action=AuditAction.UPDATE, obj=course, citizen=course.citizen, detail=detail
    )


def _check_party(user: User, course: Course, version: int, *, roles: set[str]) -> None:
    own = (user.role == Role.SUPPLIER_CONSULTANT and user.supplier_id == course.supplier_id) or (
        user.role == Role.JOBCENTRE_CONSULTANT and user.municipality_id == course.municipality_id
    )
    if not own or user.role not in roles:
        raise PermissionDenied("Din rolle kan ikke ændre dette forløb.")
    if course.version != version:
        raise ConcurrentEdit(conflict_message(course, version))


def _check_running(course: Course) -> None:
    if course.status != CourseStatus.ACTIVE:
        raise ValidationError("Forløbet er ikke i gang.")


@transaction.atomic
def course_extend(
    *, course: Course, user: User, version: int, new_planned_end: dt.date, reason: str
) -> Extension:
    """A new planned end; the measurement plan follows at once (it is derived, never stored)."""
    _check_party(user, course, version, roles={Role.SUPPLIER_CONSULTANT, Role.JOBCENTRE_CONSULTANT})
    _check_running(course)
    if new_planned_end <= course.planned_end:
        raise ValidationError(
            {
                "new_planned_end": "Den nye slutdato skal ligge efter den planlagte "
                f"({course.planned_end:%d.%m.%Y})."
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": "Skriv en begrundelse."})
    _bump(course, version, user, f"forlænget til {new_planned_end:%d.%m.%Y}")
    return Extension.objects.create(
        course=course, new_planned_end=new_planned_end, reason=reason, created_by=user
    )


@dataclass(frozen=True)
class EndingInput:
    category: str
    ended_on: dt.date
    industry: str = ""
    hours_per_week: float | None = None
    education: str = ""
    reason: str = ""
    established: bool = False


@transaction.atomic
def course_end(*, course: Course, user: User, version: int, ending: EndingInput) -> Ending:
    """Register the ending status (early or on time); the spec's rules are enforced."""
    _check_party(user, course, version, roles={Role.SUPPLIER_CONSULTANT})
    _check_running(course)
    details: dict[str, object] = {
        "industry": ending.industry,
        "hours_per_week": ending.hours_per_week,
        "education": ending.education,
        "reason": ending.reason,
    }
    context = endings.EndingContext(
        course_type=course.course_type.code,
        result_goal=frozenset(course.result_goal),
        established=ending.established,
    )
    errors = endings.ending_errors(ending.category, details, context)
    if ending.ended_on < course.start_date:
        errors["ended_on"] = "Slutdatoen ligger før forløbets start."
    elif ending.ended_on > timezone.localdate():
        errors["ended_on"] = "Slutdatoen ligger i fremtiden."
    if errors:
        raise ValidationError(errors)
    _bump(course, version, user, f"afsluttet: {endings.BY_CODE[ending.category].label}")
    Course.objects.filter(pk=course.pk).update(status=CourseStatus.ENDED, ended_on=ending.ended_on)
    course.status, course.ended_on = CourseStatus.ENDED, ending.ended_on
    category = endings.BY_CODE[ending.category]
    return Ending.objects.create(
        course=course,
        category=ending.category,
        ended_on=ending.ended_on,
        industry=ending.industry if "industry" in category.required else "",
        hours_per_week=ending.hours_per_week if "hours_per_week" in category.required else None,
        education=ending.education if "education" in category.required else "",
        reason=ending.reason,
        registered_by=user,
    )


@transaction.atomic
def course_plan_update(
    *, course: Course, user: User, version: int, min_plan: str, result_goal: list[str]
) -> Course:
    """The jobcentre consultant changes Min Plan and the result goal."""
    _check_party(user, course, version, roles={Role.JOBCENTRE_CONSULTANT})
    if course.status == CourseStatus.ENDED:
        raise ValidationError("Forløbet er afsluttet.")
    if not result_goal:
        raise ValidationError({"result_goal": "Vælg mindst én afslutningskategori som mål."})
    changed = [
        label
        for label, old, new in (
            ("Min Plan", course.min_plan, min_plan),
            ("resultatmål", sorted(course.result_goal), sorted(result_goal)),
        )
        if old != new
    ]
    _bump(course, version, user, (", ".join(changed) or "intet") + " ændret")
    Course.objects.filter(pk=course.pk).update(min_plan=min_plan, result_goal=result_goal)
    course.min_plan, course.result_goal = min_plan, result_goal
    return course
