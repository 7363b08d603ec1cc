"""Progression reports and the final report: write, send to the jobcentre, acknowledge."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from effekt.organisations.models import AuditAction, Role, User
from effekt.organisations.services import audit_record
from effekt.progression.models import (
    Course,
    CourseStatus,
    ProgressReport,
    ReportKind,
    ReportStatus,
)


@dataclass(frozen=True)
class ReportText:
    kind: str
    period_start: dt.date
    period_end: dt.date
    worked_on: str
    results: str
    next_plan: str


def reports_visible_to(user: User, course: Course) -> QuerySet[ProgressReport]:
    """The supplier sees its drafts; everyone else only reports sent to the jobcentre."""
    reports = course.reports.all()
    if user.role == Role.SUPPLIER_CONSULTANT or user.is_superuser:
        return reports
    return reports.exclude(status=ReportStatus.DRAFT)


def may_write_reports(user: User, course: Course) -> bool:
    return (
        user.role == Role.SUPPLIER_CONSULTANT
        and user.supplier_id == course.supplier_id
        and course.status in (CourseStatus.ACTIVE, CourseStatus.ENDED)
    )


def may_acknowledge(user: User, report: ProgressReport) -> bool:
    return (
        user.role == Role.JOBCENTRE_CONSULTANT
        and user.municipality_id == report.course.municipality_id
        and report.status == ReportStatus.SENT
    )


def next_period(course: Course, today: dt.date) -> tuple[dt.date, dt.date]:
    """From the day after the last report (or the start) to today."""
    last = course.reports.order_by("-period_end").first()
    start = last.period_end + dt.timedelta(days=1) if last else course.start_date
    return start, max(start, today)


def _check_text(course: Course, text: ReportText, report: ProgressReport | None) -> None:
    if text.period_end < text.period_start:
        raise ValidationError({"period_end": "Perioden slutter før den begynder."})
    if text.period_start < course.start_date:
        raise ValidationError({"period_start": "Perioden begynder før forløbet."})
    finals = course.reports.filter(kind=ReportKind.FINAL)
    if report is not None:
        finals = finals.exclude(pk=report.pk)
    if text.kind == ReportKind.FINAL and finals.exists():
        raise ValidationError({"kind": "Forløbet har allerede en slutrapport."})


def report_save(
    *, course: Course, user: User, text: ReportText, report: ProgressReport | None = None
) -> ProgressReport:
    """Create a report, or change a draft; sent reports are not changed."""
    if not may_write_reports(user, course):
        raise PermissionDenied("Kun leverandørens konsulenter skriver rapporter om forløbet.")
    if report is not None and report.status != ReportStatus.DRAFT:
        raise ValidationError("Rapporten er sendt og kan ikke ændres.")
    _check_text(course, text, report)
    report = report or ProgressReport(course=course, author=user)
    for name, value in text.__dict__.items():
        setattr(report, name, value)
    created = report.pk is None
    report.save()
    action = AuditAction.CREATE if created else AuditAction.UPDATE
    audit_record(user=user, action=action, obj=report, citizen=course.citizen)
    return report


def report_send(*, report: ProgressReport, user: User) -> ProgressReport:
    if not may_write_reports(user, report.course):
        raise PermissionDenied("Kun leverandørens konsulenter sender rapporter.")
    updated = ProgressReport.objects.filter(pk=report.pk, status=ReportStatus.DRAFT).update(
        status=ReportStatus.SENT, sent_at=timezone.now()
    )
    if not updated:
        raise ValidationError("Rapporten er allerede sendt.")
    report.refresh_from_db()
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=report,
        citizen=report.course.citizen,
        detail="sendt til jobcentret",
    )
    return report


def report_acknowledge(*, report: ProgressReport, user: User) -> ProgressReport:
    if not may_acknowledge(user, report):
        raise PermissionDenied("Kun kommunens jobkonsulenter kvitterer for sendte rapporter.")
    ProgressReport.objects.filter(pk=report.pk, status=ReportStatus.SENT).update(
        status=ReportStatus.ACKNOWLEDGED, acknowledged_at=timezone.now(), acknowledged_by=user
    )
    report.refresh_from_db()
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=report,
        citizen=report.course.citizen,
        detail="kvitteret",
    )
    return report


def reports_to_acknowledge(user: User) -> QuerySet[ProgressReport]:
    """Sent reports of the jobcentre consultant's municipality, oldest first."""
    if user.role != Role.JOBCENTRE_CONSULTANT or user.municipality_id is None:
        return ProgressReport.objects.none()
    return (
        ProgressReport.objects.filter(
            status=ReportStatus.SENT, course__municipality_id=user.municipality_id
        )
        .select_related("course__citizen", "course__course_type")
        .order_by("sent_at")
    )
