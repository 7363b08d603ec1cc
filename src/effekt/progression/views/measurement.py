"""Measurement entry by the consultant, the result page, and one-time links for the citizen."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from effekt.organisations.models import AuditAction
from effekt.organisations.services import audit_record
from effekt.progression.forms.measurement import MeasurementForm
from effekt.progression.models import Course, Measurement
from effekt.progression.rules.schedule import POINT_LABELS
from effekt.progression.services.citizen_links import citizen_link_create
from effekt.progression.services.course_overview import mean_row, score_rows
from effekt.progression.services.measurement_entry import (
    PART_LABELS,
    may_measure,
    measurement_save,
    missing_parts,
)
from effekt.progression.services.measurements import DuplicateMeasurement
from effekt.progression.services.probability import course_probabilities
from effekt.progression.views.access import course_for, form_add_errors, request_user


def _point_or_404(course: Course, point: str) -> str:
    if point not in {p.kind for p in course.plan()}:
        raise Http404("Forløbet har ikke dette målepunkt.")
    return point


@login_required
def measurement_new(request: HttpRequest, pk: int, point: str) -> HttpResponse:
    user = request_user(request)
    course = course_for(request, pk, detail=f"måling {point}")
    point = _point_or_404(course, point)
    if not may_measure(user, course):
        raise PermissionDenied("Kun leverandørens konsulenter kan måle i et igangværende forløb.")
    existing = course.measurements.filter(point=point).first()
    parts = missing_parts(existing) or ["caseworker", "citizen"]
    form = MeasurementForm(
        request.POST or None,
        instrument=course.configuration.instrument.instrument(),
        indicators=course.indicators(),
        parts=parts,
        today=timezone.localdate(),
    )
    complete = existing is not None and not missing_parts(existing)
    if request.method == "POST" and form.is_valid():
        try:
            measurement = measurement_save(
                course=course,
                point=point,
                measured_on=form.cleaned_data["measured_on"],
                citizen_answers=form.answers("citizen"),
                caseworker_answers=form.answers("caseworker"),
                user=user,
            )
        except DuplicateMeasurement as error:
            form.add_error(None, error.messages)
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            return redirect("progression:measurement", pk=measurement.pk)
    context = {
        "course": course,
        "point": point,
        "point_label": POINT_LABELS[point],
        "form": form,
        "existing": existing,
        "complete": complete,
        "missing": [PART_LABELS[p] for p in missing_parts(existing)],
    }
    return render(request, "progression/measurement_form.html", context)


@login_required
def measurement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    measurement = get_object_or_404(
        Measurement.objects.filter(course__in=Course.objects.visible_to(user)), pk=pk
    )
    course = course_for(request, measurement.course_id, detail=f"måling {measurement.pk}")
    audit_record(user=user, action=AuditAction.READ, obj=measurement, citizen=course.citizen)
    rows = score_rows(course, measurement)
    context = {
        "course": course,
        "measurement": measurement,
        "rows": rows,
        "mean": mean_row(rows),
        "probabilities": [
            row
            for row in course_probabilities(course.measurements.all())
            if row.measurement_id == measurement.pk
        ],
        "cpr": course.citizen.cpr_for(user),
        "missing": [PART_LABELS[p] for p in missing_parts(measurement)],
        "may_measure": may_measure(user, course),
    }
    return render(request, "progression/measurement_detail.html", context)


@login_required
@require_POST
def citizen_link_new(request: HttpRequest, pk: int, point: str) -> HttpResponse:
    user = request_user(request)
    course = course_for(request, pk, detail=f"link {point}")
    point = _point_or_404(course, point)
    existing = course.measurements.filter(point=point).first()
    if "citizen" not in missing_parts(existing):
        raise PermissionDenied("Borgerdelen af denne måling er allerede udfyldt.")
    link, token = citizen_link_create(course=course, point=point, user=user)
    url = request.build_absolute_uri(reverse("progression:answer", args=[token]))
    context = {"course": course, "link": link, "url": url, "point_label": POINT_LABELS[point]}
    return render(request, "progression/citizen_link_created.html", context)
