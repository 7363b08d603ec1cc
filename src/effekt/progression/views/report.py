"""Progression and final reports: write, read, send, acknowledge, download as PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record
from effekt.progression.forms.report import ReportForm
from effekt.progression.models import Course, ProgressReport, ReportKind
from effekt.progression.pdf import html_to_pdf
from effekt.progression.services.course_overview import (
    comparison_chart,
    mean_row,
    ordered_measurements,
    score_rows,
)
from effekt.progression.services.probability import course_probabilities
from effekt.progression.services.reports import (
    may_acknowledge,
    may_write_reports,
    next_period,
    report_acknowledge,
    report_save,
    report_send,
    reports_visible_to,
)
from effekt.progression.views.access import course_for, form_add_errors, request_user


def _report_for(request: HttpRequest, pk: int) -> tuple[User, Course, ProgressReport]:
    user = request_user(request)
    course_id = get_object_or_404(ProgressReport, pk=pk).course_id
    course = course_for(request, course_id, detail=f"rapport {pk}")
    report = reports_visible_to(user, course).filter(pk=pk).first()
    if report is None:
        raise Http404("Rapporten findes ikke.")
    return user, course, report


def report_context(user: User, course: Course, report: ProgressReport) -> dict[str, Any]:
    """The report with the measurements so far (up to the end of its period)."""
    measurements = [m for m in ordered_measurements(course) if m.measured_on <= report.period_end]
    tables = []
    for measurement in measurements:
        rows = score_rows(course, measurement)
        tables.append({"measurement": measurement, "rows": rows, "mean": mean_row(rows)})
    comparison = comparison_chart(course) if report.kind == ReportKind.FINAL else None
    return {
        "course": course,
        "report": report,
        "cpr": course.citizen.cpr_for(user),
        "tables": tables,
        "probabilities": course_probabilities(measurements),
        # the chart escapes every text it contains (effekt.progression.charts)
        "comparison": mark_safe(comparison) if comparison else None,
        "ending": getattr(course, "ending", None),
    }


@login_required
def report_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    course = course_for(request, pk, detail="ny rapport")
    if not may_write_reports(user, course):
        raise PermissionDenied("Kun leverandørens konsulenter skriver rapporter om forløbet.")
    start, end = next_period(course, timezone.localdate())
    kind = ReportKind.FINAL if request.GET.get("type") == "slut" else ReportKind.PROGRESS
    form = ReportForm(
        request.POST or None,
        initial={"kind": kind, "period_start": start, "period_end": end},
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = report_save(course=course, user=user, text=form.text())
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            return redirect("progression:report", pk=report.pk)
    return render(request, "progression/report_form.html", {"course": course, "form": form})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, course, report = _report_for(request, pk)
    context = report_context(user, course, report)
    context["may_send"] = may_write_reports(user, course) and report.status == "draft"
    context["may_acknowledge"] = may_acknowledge(user, report)
    return render(request, "progression/report_detail.html", context)


@login_required
@require_POST
def report_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, _course, report = _report_for(request, pk)
    try:
        report_send(report=report, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Rapporten er sendt til jobcentret.")
    return redirect("progression:report", pk=report.pk)


@login_required
@require_POST
def report_acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, _course, report = _report_for(request, pk)
    report_acknowledge(report=report, user=user)
    messages.success(request, "Du har kvitteret for rapporten.")
    return redirect("progression:report", pk=report.pk)


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    user, course, report = _report_for(request, pk)
    html = render_to_string("progression/report_pdf.html", report_context(user, course, report))
    audit_record(
        user=user, action=AuditAction.EXPORT, obj=report, citizen=course.citizen, detail="PDF"
    )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    name = f"{report.get_kind_display().lower()}-{course.pk}-{report.period_end:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
