"""Effect evaluation: upload a panel and get a difference-in-differences estimate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import EffectForm, RegisterForm
from effekt.evaluation.services.effects import PanelColumns, PanelInvalid, effect_estimate_create
from effekt.evaluation.services.experiments import experiment_for
from effekt.evaluation.services.register import RegisterInvalid, register_analysis_create
from effekt.evaluation.views.common import reader


@login_required
@require_http_methods(["GET", "POST"])
def effect_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    experiment = experiment_for(user, pk, edit=True)
    form = EffectForm(request.POST or None, request.FILES or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        columns = PanelColumns(
            outcome=data["outcome"],
            treated=data["treated"],
            post=data["post"],
            unit=data["unit"] or None,
            time=data["time"] or None,
            vcov=data["vcov"],
        )
        try:
            effect_estimate_create(
                user=user,
                experiment=experiment,
                label=data["label"],
                data=upload.read(),
                file_name=upload.name,
                columns=columns,
            )
        except PanelInvalid as error:
            problem = str(error)
        else:
            messages.success(request, f"Effekten på «{data['label']}» er beregnet.")
            return redirect("evaluation:experiment_detail", pk=pk)
    return render(
        request,
        "evaluation/effect_form.html",
        {"experiment": experiment, "form": form, "problem": problem},
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Register KPIs of every cohort from uploaded register tables."""
    user = reader(request)
    experiment = experiment_for(user, pk, edit=True)
    form = RegisterForm(request.POST or None, request.FILES or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            register_analysis_create(
                user=user,
                experiment=experiment,
                files=[(upload.name, upload.read()) for upload in data["tables"]],
                months=data["months"],
                as_of=data["as_of"],
            )
        except RegisterInvalid as error:
            problem = str(error)
        else:
            messages.success(request, "Register-KPI'erne er beregnet.")
            return redirect("evaluation:experiment_detail", pk=pk)
    return render(
        request,
        "evaluation/register_form.html",
        {"experiment": experiment, "form": form, "problem": problem},
    )
