"""Effect evaluation: upload a panel and get a difference-in-differences estimate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from effekt.evaluation.forms import EffectForm
from effekt.evaluation.services.effects import PanelColumns, PanelInvalid, effect_estimate_create
from effekt.evaluation.services.experiments import experiment_for
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
