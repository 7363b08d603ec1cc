"""The steering-group report as PDF (WeasyPrint prints the HTML report document)."""

from __future__ import annotations

from effekt.statistics.analysis.results import SteeringStatistics
from effekt.statistics.render.html import to_html_document


def to_pdf(result: SteeringStatistics, title: str = "Styregrupperapport") -> bytes:
    """The PDF bytes of the report (cover, summary, charts, tables, method)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=to_html_document(result, title)).write_pdf()
    return pdf
