"""The final evaluation report and the status note (PDF), and the Excel annexes."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from effekt.evaluation.report.document import DocumentKind, annex_workbook, report_pdf
from effekt.evaluation.services.experiments import experiment_for
from effekt.evaluation.services.report_data import report_data
from effekt.evaluation.views.common import reader
from effekt.evaluation.views.surveys import XLSX
from effekt.organisations.models import AuditAction
from effekt.organisations.services import audit_record


@login_required
def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """`rapport.pdf`, `statusnotat.pdf` or `bilag.xlsx`."""
    user = reader(request)
    experiment = experiment_for(user, pk)
    data = report_data(experiment, timezone.localdate())
    audit_record(user=user, action=AuditAction.EXPORT, obj=experiment, detail=kind)
    if kind == "bilag":
        body, content_type, name = annex_workbook(data), XLSX, "bilag.xlsx"
    else:
        document: DocumentKind = "final" if kind == "rapport" else "status"
        body, content_type = report_pdf(data, document), "application/pdf"
        name = f"{kind}.pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="forsoeg-{experiment.pk}-{name}"'
    return response
