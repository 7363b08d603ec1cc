"""Surveys: create from a template, send waves, remind, results and exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import SurveyTemplateForm, WaveForm
from effekt.evaluation.models import Survey
from effekt.evaluation.report.export import survey_workbook, to_csv
from effekt.evaluation.report.present import change_text, item_rows, share_text
from effekt.evaluation.services.experiments import experiment_for
from effekt.evaluation.services.surveys import (
    reminders_send,
    response_rate_of,
    survey_create_from_template,
    survey_results,
    wave_send,
)
from effekt.evaluation.views.common import link_builder, reader
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _survey(user: User, pk: int, survey_pk: int, *, edit: bool = False) -> Survey:
    experiment = experiment_for(user, pk, edit=edit)
    return get_object_or_404(experiment.surveys, pk=survey_pk)


@login_required
@require_http_methods(["POST"])
def survey_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    experiment = experiment_for(user, pk, edit=True)
    form = SurveyTemplateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vælg et spørgeskema.")
        return redirect("evaluation:experiment_detail", pk=pk)
    survey = survey_create_from_template(
        user=user, experiment=experiment, template_key=form.cleaned_data["template"]
    )
    messages.success(request, f"Spørgeskemaet «{survey.title}» er oprettet.")
    return redirect("evaluation:survey_detail", pk=pk, survey_pk=survey.pk)


@login_required
@require_http_methods(["GET", "POST"])
def survey_detail(request: HttpRequest, pk: int, survey_pk: int) -> HttpResponse:
    """Waves with response rates, the send form, and results per wave."""
    user = reader(request)
    survey = _survey(user, pk, survey_pk)
    may_edit = survey.experiment.may_edit(user)
    form = WaveForm(request.POST or None)
    if request.method == "POST":
        survey = _survey(user, pk, survey_pk, edit=True)
        if form.is_valid():
            data = form.cleaned_data
            wave = wave_send(
                user=user,
                survey=survey,
                label=data["label"],
                emails=data["emails"],
                link_for=link_builder(request),
                is_final=data["is_final"],
            )
            messages.success(
                request, f"{wave.label} er sendt til {wave.invitations.count()} modtagere."
            )
            return redirect("evaluation:survey_detail", pk=pk, survey_pk=survey.pk)
    waves = [(wave, response_rate_of(wave)) for wave in survey.waves.all()]
    results = [
        {
            "label": result.label,
            "items": item_rows(result),
            "texts": result.texts,
            "changes": [(c.text, change_text(c)) for c in changes],
        }
        for result, changes in survey_results(survey)
    ]
    return render(
        request,
        "evaluation/survey_detail.html",
        {
            "experiment": survey.experiment,
            "survey": survey,
            "waves": [(w, rate, share_text(rate)) for w, rate in waves],
            "results": results,
            "form": form if may_edit else None,
            "may_edit": may_edit,
        },
    )


@login_required
@require_http_methods(["POST"])
def wave_remind(request: HttpRequest, pk: int, survey_pk: int, wave_pk: int) -> HttpResponse:
    user = reader(request)
    survey = _survey(user, pk, survey_pk, edit=True)
    wave = get_object_or_404(survey.waves, pk=wave_pk)
    sent = reminders_send(user=user, wave=wave, link_for=link_builder(request))
    messages.success(request, f"Der er sendt {sent} påmindelser for {wave.label}.")
    return redirect("evaluation:survey_detail", pk=pk, survey_pk=survey.pk)


@login_required
def survey_export(request: HttpRequest, pk: int, survey_pk: int, fmt: str) -> HttpResponse:
    """The survey's results per wave as CSV or Excel."""
    user = reader(request)
    survey = _survey(user, pk, survey_pk)
    rows = survey_results(survey)
    waves = [wave for wave, _ in rows]
    audit_record(user=user, action=AuditAction.EXPORT, obj=survey, detail=fmt)
    name = f"spoergeskema-{survey.pk}"
    if fmt == "csv":
        response = HttpResponse(to_csv(waves), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    changes = [change for _, wave_changes in rows for change in wave_changes]
    response = HttpResponse(survey_workbook(waves, changes), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
