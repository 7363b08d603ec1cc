"""Overview, runs with progress, a municipality's results, work lists with CSV export."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from effekt.monitoring.engine import load_rules
from effekt.monitoring.models import MonitoringRun, RunStatus, WorklistEntry
from effekt.monitoring.services import queries
from effekt.monitoring.services.runs import run_create, run_start
from effekt.monitoring.views.access import (
    may_see_municipality,
    may_start_runs,
    municipality_viewer,
    viewer,
)
from effekt.monitoring.views.forms import RunForm, WorklistFilter
from effekt.organisations.models import User


def _overview(
    request: HttpRequest, user: User, form: RunForm | None, status: int = 200
) -> HttpResponse:
    run = queries.latest_run()
    names = queries.municipality_names()
    verdicts = queries.last_verdicts(run) if run else []
    rows = [
        (v, names.get(v.municipality_code, ""), may_see_municipality(user, v.municipality_code))
        for v in verdicts
    ]
    context = {
        "run": run,
        "rows": rows,
        "candidates": sum(1 for v in verdicts if v.candidate),
        "runs": MonitoringRun.objects.all()[:5],
        "form": form,
    }
    return render(request, "monitoring/overview.html", context, status=status)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = viewer(request)
    return _overview(request, user, RunForm() if may_start_runs(user) else None)


@login_required
@require_POST
def run_new(request: HttpRequest) -> HttpResponse:
    user = viewer(request)
    if not may_start_runs(user):
        raise PermissionDenied("Kun analytikere og administratorer kan starte en kørsel.")
    form = RunForm(request.POST)
    if not form.is_valid():
        return _overview(request, user, form, status=400)
    data = form.cleaned_data
    run = run_create(
        data_dir=Path(data["data_dir"]), user=user, start=data["start"], end=data["end"]
    )
    run_start(run)
    return redirect("monitoring:run", pk=run.pk)


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer(request)
    run = get_object_or_404(MonitoringRun, pk=pk)
    return render(request, "monitoring/run.html", {"run": run})


@login_required
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    viewer(request)
    run = get_object_or_404(MonitoringRun, pk=pk)
    return render(request, "monitoring/_progress.html", {"run": run})


def _done_run(pk: int) -> MonitoringRun:
    return get_object_or_404(MonitoringRun, pk=pk, status=RunStatus.DONE)


@login_required
def municipality(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    municipality_viewer(request, code)
    run = _done_run(pk)
    params = load_rules(None).sets[-1]
    results = queries.municipality_results(run, code, params.offers_target_share)
    verdicts = [
        (
            v,
            queries.reasons(
                v, float(params.offers_target_share), float(params.conversations_target_share)
            ),
        )
        for v in results.verdicts
    ]
    context = {
        "run": run,
        "code": code,
        "name": queries.municipality_names().get(code, ""),
        "results": results,
        "verdicts": verdicts,
        "worklist_count": run.worklist.filter(municipality_code=code).count(),
    }
    return render(request, "monitoring/municipality.html", context)


def _filtered(
    request: HttpRequest, run: MonitoringRun, code: str
) -> tuple[WorklistFilter, QuerySet[WorklistEntry]]:
    form = WorklistFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = queries.worklist(
        run,
        code,
        benefit=filters.get("benefit") or "",
        lacking=filters.get("lacking") or "",
        months_left=filters.get("months_left"),
    )
    return form, rows


@login_required
def worklist(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    user = municipality_viewer(request, code)
    run = _done_run(pk)
    form, rows = _filtered(request, run, code)
    shown = [(w, queries.shown_person(w.person_id, user)) for w in rows[:500]]
    context = {
        "run": run,
        "code": code,
        "name": queries.municipality_names().get(code, ""),
        "form": form,
        "rows": shown,
        "total": rows.count(),
        "query": request.GET.urlencode(),
        "labels": queries.BENEFIT_LABELS,
    }
    return render(request, "monitoring/worklist.html", context)


@login_required
def worklist_csv(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    user = municipality_viewer(request, code)
    run = _done_run(pk)
    _, rows = _filtered(request, run, code)
    response = HttpResponse(
        "\ufeff" + queries.worklist_csv(rows, user),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"arbejdsliste_{code}_{run.end_month}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
