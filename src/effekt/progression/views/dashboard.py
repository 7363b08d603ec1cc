"""The consultant dashboards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from effekt.organisations.models import Role
from effekt.progression.rules.worklist import BUCKET_LABELS
from effekt.progression.services.dashboard import dashboard_build
from effekt.progression.services.reports import reports_to_acknowledge
from effekt.progression.views.access import request_user


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    mine = request.GET.get("alle") != "1"
    board = dashboard_build(user=user, today=timezone.localdate(), mine=mine)
    buckets = [(label, board.bucket(name)) for name, label in BUCKET_LABELS.items()]
    return render(
        request,
        "progression/dashboard.html",
        {
            "board": board,
            "buckets": buckets,
            "mine": mine,
            "is_supplier": user.role == Role.SUPPLIER_CONSULTANT,
            "is_jobcentre": user.role == Role.JOBCENTRE_CONSULTANT,
            "to_acknowledge": list(reports_to_acknowledge(user)),
        },
    )
