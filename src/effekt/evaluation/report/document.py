"""The final evaluation report and the status note: HTML documents printed to PDF by
WeasyPrint, and the Excel annexes. The disposition follows source 004."""

from __future__ import annotations

from typing import Literal

from django.template.loader import render_to_string

from effekt.evaluation.report.export import (
    CHANGE_HEADER,
    HEADER,
    RATE_HEADER,
    Cell,
    change_rows,
    rate_rows,
    result_rows,
    to_excel,
)
from effekt.evaluation.report.present import (
    change_text,
    effect_row,
    item_rows,
    kpi_row,
    register_rows,
    share_text,
)
from effekt.evaluation.services.report_data import ReportData

DocumentKind = Literal["final", "status"]
KPI_HEADER = ("KPI", "målepunkt", "dato", "værdi", "mål", "status")


def context(data: ReportData) -> dict[str, object]:
    """The template context shared by the report and the note."""
    experiment = data.experiment
    kpis = [kpi_row(k, experiment.start_date, experiment.end_date) for k in data.kpis]
    surveys = [
        {
            "title": s.title,
            "audience": s.audience,
            "source": s.source,
            "waves": [
                {
                    "label": w.label,
                    "rate": share_text(w.response_rate),
                    "items": item_rows(w),
                    "texts": w.texts,
                }
                for w in s.waves
            ],
            "changes": [(c.text, c.before, c.after, change_text(c)) for c in s.changes],
        }
        for s in data.surveys
    ]
    return {
        "data": data,
        "experiment": experiment,
        "participants": ", ".join(m.name for m in experiment.participants.all()),
        "comparison": ", ".join(m.name for m in experiment.comparison.all()),
        "kpis": kpis,
        "register": data.register,
        "register_rows": register_rows(data.register.result) if data.register else [],
        "effects": [effect_row(label, result) for label, result in data.effects],
        "surveys": surveys,
        "latest_waves": [(s["title"], s["waves"][-1]) for s in surveys if s["waves"]],
    }


def report_html(data: ReportData, kind: DocumentKind = "final") -> str:
    """The final report ("final") or the status note between waves ("status") as HTML."""
    template = (
        "evaluation/report/final.html" if kind == "final" else "evaluation/report/status.html"
    )
    return render_to_string(template, context(data))


def report_pdf(data: ReportData, kind: DocumentKind = "final") -> bytes:
    """The document as PDF."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=report_html(data, kind)).write_pdf()
    return pdf


def annex_workbook(data: ReportData) -> bytes:
    """The Excel annexes: KPI measurements, then results, response rates and change per survey."""
    kpi_rows: list[list[Cell]] = []
    for status in data.kpis:
        for point in status.points:
            kpi_rows.append(
                [
                    status.name,
                    point.label,
                    point.day.isoformat(),
                    point.value,
                    status.target,
                    status.status_label,
                ]
            )
    sheets: list[tuple[str, tuple[str, ...], list[list[Cell]]]] = [("KPI", KPI_HEADER, kpi_rows)]
    for number, survey in enumerate(data.surveys, start=1):
        sheets.append((f"Bilag {number} resultater", HEADER, result_rows(survey.waves)))
        sheets.append((f"Bilag {number} svarprocent", RATE_HEADER, rate_rows(survey.waves)))
        sheets.append((f"Bilag {number} ændring", CHANGE_HEADER, change_rows(survey.changes)))
    return to_excel(sheets)
