"""Entering measurements: both parts at once, or one part added to an existing measurement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from effekt.bip.scoring import validate_answers
from effekt.organisations.models import AuditAction, Role, User
from effekt.organisations.services import audit_record
from effekt.progression.choices import PointKind
from effekt.progression.models import Course, CourseStatus, Measurement
from effekt.progression.services.measurements import (
    DuplicateMeasurement,
    measurement_record,
    measurement_scores_refresh,
)
from effekt.progression.services.warnings import regression_check

Part = Literal["citizen", "caseworker"]
PART_LABELS: dict[str, str] = {"citizen": "borgerdelen", "caseworker": "medarbejderdelen"}


def measurable(course: Course) -> bool:
    """A course takes measurements while it runs, and after an (early) ending until the final
    measurement's window closes (it falls due on the ending date)."""
    if course.status == CourseStatus.ACTIVE:
        return True
    if course.status != CourseStatus.ENDED:
        return False
    final = next((p for p in course.plan() if p.kind == "final"), None)
    return final is not None and timezone.localdate() <= final.window_end


def may_measure(user: User | None, course: Course) -> bool:
    """Measurements are taken by the supplier's consultants while the course is measurable."""
    return (
        user is not None
        and user.role == Role.SUPPLIER_CONSULTANT
        and user.supplier_id == course.supplier_id
        and measurable(course)
    )


def missing_parts(measurement: Measurement | None) -> list[Part]:
    if measurement is None:
        return ["caseworker", "citizen"]
    parts: list[Part] = []
    if measurement.caseworker_completed_at is None:
        parts.append("caseworker")
    if measurement.citizen_completed_at is None:
        parts.append("citizen")
    return parts


def _part_add(measurement: Measurement, part: Part, answers: Mapping[str, Any], mode: str) -> None:
    if part not in missing_parts(measurement):
        label = PointKind(measurement.point).label.lower()
        raise DuplicateMeasurement(
            f"{PART_LABELS[part].capitalize()} af {label}en er allerede udfyldt; "
            "der må kun være én måling pr. målepunkt."
        )
    instrument = measurement.instrument.instrument()
    errors = validate_answers(instrument, part, answers)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    if part == "citizen":
        measurement.citizen_answers = dict(answers)
        measurement.citizen_completed_at = now
        measurement.citizen_mode = mode
    else:
        measurement.caseworker_answers = dict(answers)
        measurement.caseworker_completed_at = now


@transaction.atomic
def measurement_save(
    *,
    course: Course,
    point: str,
    measured_on: dt.date,
    citizen_answers: Mapping[str, Any],
    caseworker_answers: Mapping[str, Any],
    user: User | None,
    citizen_mode: str = Measurement.CitizenMode.WITH_CONSULTANT,
) -> Measurement:
    """Record a new measurement, or add the parts still missing from the point's measurement.

    A part that is already filled in is refused (DuplicateMeasurement); after saving, the
    scores are recomputed, and once both parts are in, the early-warning rule is checked.
    """
    if user is not None and not may_measure(user, course):
        raise PermissionDenied("Kun leverandørens konsulenter kan måle i et igangværende forløb.")
    if not citizen_answers and not caseworker_answers:
        raise ValidationError("Udfyld mindst én af delene.")
    existing = Measurement.objects.select_for_update().filter(course=course, point=point).first()
    if existing is None:
        measurement = measurement_record(
            course=course,
            point=point,
            measured_on=measured_on,
            citizen_answers=citizen_answers,
            caseworker_answers=caseworker_answers,
            user=user,
            citizen_mode=citizen_mode,
        )
        action = AuditAction.CREATE
    else:
        measurement = existing
        for part, answers in (("citizen", citizen_answers), ("caseworker", caseworker_answers)):
            if answers:
                _part_add(measurement, part, answers, citizen_mode)  # type: ignore[arg-type]
        measurement.save()
        measurement_scores_refresh(measurement=measurement)
        action = AuditAction.UPDATE
    audit_record(user=user, action=action, obj=measurement, citizen=course.citizen)
    if not missing_parts(measurement):
        regression_check(measurement=measurement)
    return measurement
