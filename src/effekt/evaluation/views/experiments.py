"""Experiment list, creation, dashboard, KPIs and their measurements."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import (
    CohortForm,
    ExperimentForm,
    KpiForm,
    KpiMeasurementForm,
    SurveyTemplateForm,
)
from effekt.evaluation.models import EffectEstimate, Experiment, RegisterAnalysis
from effekt.evaluation.report.present import effect_row, kpi_row, register_rows, share_text
from effekt.evaluation.services.experiments import (
    experiment_create,
    experiment_dashboard,
    experiment_for,
    kpi_measurement_save,
)
from effekt.evaluation.services.surveys import response_rate_of
from effekt.evaluation.views.common import reader
from effekt.organisations.models import Role


@login_required
def experiment_list(request: HttpRequest) -> HttpResponse:
    user = reader(request)
    experiments = Experiment.objects.visible_to(user).select_related("municipality")
    may_create = user.role == Role.EVALUATOR
    return render(
        request,
        "evaluation/experiment_list.html",
        {"experiments": experiments, "may_create": may_create},
    )


@login_required
@require_http_methods(["GET", "POST"])
def experiment_new(request: HttpRequest) -> HttpResponse:
    user = reader(request)
    form = ExperimentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        experiment = experiment_create(
            user=user,
            name=data["name"],
            purpose=data["purpose"],
            target_groups=data["target_groups"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            participants=data["participants"],
            comparison=data["comparison"],
            description=data["description"],
        )
        messages.success(request, f"Forsøget «{experiment.name}» er oprettet.")
        return redirect("evaluation:experiment_detail", pk=experiment.pk)
    return render(request, "evaluation/experiment_form.html", {"form": form})


@login_required
def experiment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dashboard: each KPI against its target, cohorts and surveys."""
    user = reader(request)
    experiment = experiment_for(user, pk)
    rows = [
        kpi_row(status, experiment.start_date, experiment.end_date)
        for status in experiment_dashboard(experiment)
    ]
    kpis = list(zip(experiment.kpis.all(), rows, strict=True))
    surveys = [
        (survey, [(wave, share_text(response_rate_of(wave))) for wave in survey.waves.all()])
        for survey in experiment.surveys.all()
    ]
    may_edit = experiment.may_edit(user)
    register = RegisterAnalysis.objects.filter(experiment=experiment).first()
    return render(
        request,
        "evaluation/experiment_detail.html",
        {
            "experiment": experiment,
            "kpis": kpis,
            "cohorts": experiment.cohorts.all(),
            "register": register,
            "register_rows": register_rows(register.result) if register else [],
            "effects": [
                effect_row(e.label, e.result)
                for e in EffectEstimate.objects.filter(experiment=experiment)
            ],
            "surveys": surveys,
            "may_edit": may_edit,
            "kpi_form": KpiForm(prefix="kpi") if may_edit else None,
            "cohort_form": CohortForm(prefix="cohort") if may_edit else None,
            "survey_form": SurveyTemplateForm() if may_edit else None,
            "today": dt.date.today(),
        },
    )


@login_required
@require_http_methods(["POST"])
def kpi_new(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = experiment_for(reader(request), pk, edit=True)
    form = KpiForm(request.POST, prefix="kpi")
    if form.is_valid():
        kpi = form.save(commit=False)
        kpi.experiment = experiment
        kpi.order = experiment.kpis.count()
        kpi.save()
        messages.success(request, f"KPI'en «{kpi.name}» er tilføjet.")
    else:
        errors = "; ".join(
            f"{form.fields[k].label}: {' '.join(str(e) for e in v)}" for k, v in form.errors.items()
        )
        messages.error(request, f"KPI'en blev ikke gemt. {errors}")
    return redirect("evaluation:experiment_detail", pk=experiment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def kpi_measure(request: HttpRequest, pk: int, kpi_pk: int) -> HttpResponse:
    user = reader(request)
    experiment = experiment_for(user, pk, edit=True)
    kpi = get_object_or_404(experiment.kpis, pk=kpi_pk)
    form = KpiMeasurementForm(request.POST or None, kpi=kpi)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kpi_measurement_save(
            user=user, kpi=kpi, point=data["point"], count=data["count"], total=data["total"]
        )
        messages.success(request, f"Målingen af «{kpi.name}» er gemt.")
        return redirect("evaluation:experiment_detail", pk=experiment.pk)
    return render(
        request,
        "evaluation/kpi_measure.html",
        {"experiment": experiment, "kpi": kpi, "form": form},
    )
