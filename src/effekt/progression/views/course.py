"""The per-citizen course page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from effekt.organisations.models import Role
from effekt.progression.models import CourseStatus
from effekt.progression.rules import endings
from effekt.progression.services.course_overview import (
    comparison_chart,
    course_prefetch,
    indicator_charts,
    ordered_measurements,
    plan_rows,
    timeline,
)
from effekt.progression.services.measurement_entry import may_measure
from effekt.progression.services.probability import course_probabilities
from effekt.progression.services.reports import may_write_reports, reports_visible_to
from effekt.progression.services.warnings import warning_clear
from effekt.progression.views.access import course_for, request_user


@login_required
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    course = course_for(request, pk)
    course_prefetch(course)
    comparison = comparison_chart(course)
    running = course.status == CourseStatus.ACTIVE
    context = {
        "course": course,
        "cpr": course.citizen.cpr_for(user),
        "goal_labels": [
            endings.BY_CODE[c].label if c in endings.BY_CODE else c for c in course.result_goal
        ],
        "planned_end": course.planned_end,
        "plan": plan_rows(course, timezone.localdate()),
        "measurements": ordered_measurements(course),
        "probabilities": course_probabilities(course.measurements.all()),
        # The charts escape every text they contain (effekt.progression.charts).
        "charts": [mark_safe(svg) for svg in indicator_charts(course)],
        "comparison": mark_safe(comparison) if comparison else None,
        "timeline": timeline(course),
        "reports": list(reports_visible_to(user, course)),
        "may_write_reports": may_write_reports(user, course),
        "may_extend": running
        and user.role in (Role.SUPPLIER_CONSULTANT, Role.JOBCENTRE_CONSULTANT),
        "may_end": running and user.role == Role.SUPPLIER_CONSULTANT,
        "may_edit_plan": course.status != CourseStatus.ENDED
        and user.role == Role.JOBCENTRE_CONSULTANT,
        "ending": getattr(course, "ending", None),
        "may_clear_warning": course.regression_flag and user.role == Role.JOBCENTRE_CONSULTANT,
        "extensions": list(course.extensions.all()),
        "may_measure": may_measure(user, course),
        "may_start": user.role == Role.SUPPLIER_CONSULTANT
        and course.status == CourseStatus.REFERRED,
    }
    return render(request, "progression/course_detail.html", context)


@login_required
@require_POST
def warning_clear_view(request: HttpRequest, pk: int) -> HttpResponse:
    course = course_for(request, pk, detail="advarsel")
    warning_clear(course=course, user=request_user(request))
    messages.success(request, "Advarslen er markeret som fulgt op.")
    return redirect("progression:course", pk=course.pk)
