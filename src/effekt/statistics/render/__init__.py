"""Renderers of the steering-group statistics: the same `SteeringStatistics` object as JSON,
a text table, Excel, an HTML fragment, a PDF report; plus the wide per-course CSV export.

Pure: no Django import. WeasyPrint is imported only when a PDF is made.
"""

from effekt.statistics.render.as_json import to_data, to_json
from effekt.statistics.render.excel import to_workbook, to_xlsx
from effekt.statistics.render.html import to_html_document, to_html_fragment
from effekt.statistics.render.pdf import to_pdf
from effekt.statistics.render.plain import to_text
from effekt.statistics.render.wide import pseudonym, to_wide_csv

__all__ = [
    "pseudonym",
    "to_data",
    "to_html_document",
    "to_html_fragment",
    "to_json",
    "to_pdf",
    "to_text",
    "to_wide_csv",
    "to_workbook",
    "to_xlsx",
]
