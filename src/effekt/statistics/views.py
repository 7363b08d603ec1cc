"""The steering-group statistics on screen, as PDF and as Excel: one result, three renderings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from effekt.organisations.models import User
from effekt.progression.models import Course
from effekt.statistics.analysis import (
    ClassificationConfig,
    ClassificationError,
    SteeringStatistics,
    steering_statistics,
)
from effekt.statistics.db_source import (
    DatabaseSource,
    ProbabilitySummary,
    classification_for,
    probability_summary,
)
from effekt.statistics.forms import StatisticsForm
from effekt.statistics.render import to_html_fragment, to_pdf, to_xlsx

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _probabilities(user: User, form: StatisticsForm) -> ProbabilitySummary:
    period = form.cleaned_data["period"]
    courses = DatabaseSource(user).courses(form.filters(), period)
    return probability_summary(courses.filter(ended_on__gte=period.start))


def _compute(user: User, form: StatisticsForm) -> SteeringStatistics:
    period, filters = form.cleaned_data["period"], form.filters()
    source = DatabaseSource(user)
    configuration = classification_for(source.courses(filters, period))
    method = form.cleaned_data.get("method")
    if method:  # the page may override the contract's method, keeping its parameters
        configuration = replace(configuration or ClassificationConfig(), method=method)
    return steering_statistics(
        source.load(filters, period),
        period,
        filters=filters,
        perspective=form.cleaned_data["perspective"],
        classification=configuration,
    )


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    suppliers = sorted(
        set(Course.objects.visible_to(request.user).values_list("supplier__name", flat=True))
    )
    data = request.GET.copy() if request.GET else None
    if data is not None and "perspective" not in data:
        data["perspective"] = "combined"
    form = StatisticsForm(data, suppliers=suppliers, initial={"period": str(timezone.now().year)})
    context: dict[str, Any] = {"form": form}
    result = None
    if form.is_bound and form.is_valid():
        try:
            result = _compute(request.user, form)
        except ClassificationError as error:
            form.add_error("method", str(error))
    if result is not None:
        export = request.GET.get("export")
        if export in CONTENT_TYPES:
            name = f"styregrupperapport-{form.cleaned_data['period'].label}.{export}".replace(
                " ", ""
            )
            body = to_pdf(result) if export == "pdf" else to_xlsx(result)
            response = HttpResponse(body, content_type=CONTENT_TYPES[export])
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context["probabilities"] = _probabilities(request.user, form)
        context["result_html"] = mark_safe(to_html_fragment(result))
        context["query"] = request.GET.urlencode()
    return render(request, "statistics/page.html", context)
