"""Cohort markings: import from CSV, from courses in the system, or from register data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

from effekt.evaluation.models import Cohort, CohortMembership, CohortSource
from effekt.evaluation.services.cohort_csv import (
    CsvInvalid,
    CsvProblem,
    Marking,
    parse_day,
    read_markings,
    read_rows,
)
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record
from effekt.progression.models import Course

BENEFIT_COLUMNS = ("person_id", "benefit", "start_date")


def _require_edit(user: User, cohort: Cohort) -> None:
    if not cohort.experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan markere personer.")


@transaction.atomic
def _mark(
    *, user: User, cohort: Cohort, markings: Iterable[Marking], source: str, detail: str
) -> int:
    """Add the markings not already there; returns how many were added."""
    existing = set(cohort.memberships.values_list("person_id", "start_date"))
    new = [
        CohortMembership(
            cohort=cohort, person_id=m.person_id, start_date=m.start, end_date=m.end, source=source
        )
        for m in markings
        if (m.person_id, m.start) not in existing
    ]
    CohortMembership.objects.bulk_create(new)
    audit_record(user=user, action=AuditAction.CREATE, obj=cohort, detail=f"{detail}: {len(new)}")
    return len(new)


def cohort_import_csv(*, user: User, cohort: Cohort, data: bytes, file_name: str) -> int:
    """Import `person_id, start_date[, end_date]` rows; all or nothing (CsvInvalid)."""
    _require_edit(user, cohort)
    markings = read_markings(data, file_name)
    return _mark(
        user=user, cohort=cohort, markings=markings, source=CohortSource.CSV, detail=file_name
    )


def cohort_from_courses(
    *,
    user: User,
    cohort: Cohort,
    started_from: dt.date,
    started_to: dt.date,
    course_type: str = "",
) -> int:
    """Mark the citizens whose course (of `course_type`, if given) started in the period in
    one of the experiment's participating municipalities, from the course's start date."""
    _require_edit(user, cohort)
    courses = Course.objects.filter(
        municipality__in=cohort.experiment.participants.all(),
        start_date__range=(started_from, started_to),
    ).select_related("citizen")
    if course_type:
        courses = courses.filter(course_type__code=course_type)
    markings = [Marking(0, c.citizen.cpr, c.start_date, c.ended_on) for c in courses]
    unique = {(m.person_id, m.start): m for m in markings}.values()
    return _mark(
        user=user, cohort=cohort, markings=unique, source=CohortSource.COURSES, detail="forløb"
    )


def cohort_from_register(
    *, user: User, cohort: Cohort, data: bytes, file_name: str, benefits: set[str]
) -> int:
    """Mark everybody whose first spell on one of `benefits` in a register `benefits` table
    starts inside the experiment period, from that start date."""
    _require_edit(user, cohort)
    experiment = cohort.experiment
    problems: list[CsvProblem] = []
    first: dict[str, Marking] = {}
    for row in read_rows(data, file_name, BENEFIT_COLUMNS):
        if row.values["benefit"] not in benefits:
            continue
        try:
            start = parse_day(row.values["start_date"])
        except ValueError as error:
            problems.append(CsvProblem(file_name, row.line, "start_date", str(error)))
            continue
        person = row.values["person_id"]
        if not person:
            problems.append(CsvProblem(file_name, row.line, "person_id", "tom værdi"))
            continue
        inside = experiment.start_date <= start <= experiment.end_date
        if inside and (person not in first or start < first[person].start):
            first[person] = Marking(row.line, person, start, None)
    if problems:
        raise CsvInvalid(problems)
    return _mark(
        user=user,
        cohort=cohort,
        markings=first.values(),
        source=CohortSource.REGISTER,
        detail=file_name,
    )
