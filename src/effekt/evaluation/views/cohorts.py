"""Cohorts: create, and mark persons from a CSV file, from courses or from register data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import (
    CohortCoursesForm,
    CohortCsvForm,
    CohortForm,
    CohortRegisterForm,
)
from effekt.evaluation.models import CohortSource
from effekt.evaluation.services.cohort_csv import CsvInvalid
from effekt.evaluation.services.cohorts import (
    cohort_from_courses,
    cohort_from_register,
    cohort_import_csv,
)
from effekt.evaluation.services.experiments import experiment_for
from effekt.evaluation.views.common import reader


@login_required
@require_http_methods(["POST"])
def cohort_new(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = experiment_for(reader(request), pk, edit=True)
    form = CohortForm(request.POST, prefix="cohort")
    if form.is_valid():
        cohort = form.save(commit=False)
        cohort.experiment = experiment
        try:
            cohort.save()
        except IntegrityError:
            messages.error(request, f"Der findes allerede en persongruppe «{cohort.name}».")
        else:
            messages.success(request, f"Persongruppen «{cohort.name}» er oprettet.")
            return redirect("evaluation:cohort_detail", pk=pk, cohort_pk=cohort.pk)
    return redirect("evaluation:experiment_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_detail(request: HttpRequest, pk: int, cohort_pk: int) -> HttpResponse:
    """The cohort's size and sources, and the three ways to mark persons."""
    user = reader(request)
    experiment = experiment_for(user, pk)
    cohort = get_object_or_404(experiment.cohorts, pk=cohort_pk)
    forms = {
        "csv": CohortCsvForm(),
        "courses": CohortCoursesForm(
            initial={"started_from": experiment.start_date, "started_to": experiment.end_date}
        ),
        "register": CohortRegisterForm(),
    }
    problems: list[str] = []
    if request.method == "POST":
        experiment_for(user, pk, edit=True)
        source = request.POST.get("source", "")
        form = {"csv": CohortCsvForm, "courses": CohortCoursesForm, "register": CohortRegisterForm}[
            source
        ](request.POST, request.FILES)
        forms[source] = form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if source == "csv":
                    upload = data["file"]
                    added = cohort_import_csv(
                        user=user, cohort=cohort, data=upload.read(), file_name=upload.name
                    )
                elif source == "courses":
                    added = cohort_from_courses(
                        user=user,
                        cohort=cohort,
                        started_from=data["started_from"],
                        started_to=data["started_to"],
                        course_type=data["course_type"],
                    )
                else:
                    upload = data["file"]
                    codes = {c.strip() for c in data["benefits"].split(",") if c.strip()}
                    added = cohort_from_register(
                        user=user,
                        cohort=cohort,
                        data=upload.read(),
                        file_name=upload.name,
                        benefits=codes,
                    )
            except CsvInvalid as error:
                problems = [str(p) for p in error.problems]
            else:
                messages.success(request, f"{added} personer er markeret i «{cohort.name}».")
                return redirect("evaluation:cohort_detail", pk=pk, cohort_pk=cohort.pk)
    memberships = cohort.memberships.all()
    return render(
        request,
        "evaluation/cohort_detail.html",
        {
            "experiment": experiment,
            "cohort": cohort,
            "members": memberships.count(),
            "persons": memberships.values("person_id").distinct().count(),
            "by_source": [
                (label, memberships.filter(source=value).count())
                for value, label in CohortSource.choices
            ],
            "forms": forms,
            "problems": problems,
            "may_edit": experiment.may_edit(user),
        },
    )
