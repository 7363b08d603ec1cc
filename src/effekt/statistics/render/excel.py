"""The statistics as an Excel workbook: a sheet per table, numbers as numbers, æøå intact."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from effekt.statistics.analysis.results import SteeringStatistics
from effekt.statistics.render.tables import Table, all_tables

NUMBER_FORMATS = {"share": "0.0%", "points": "+0.0;-0.0;0.0", "count": "0"}


def _fill(sheet: Worksheet, table: Table) -> None:
    write = sheet.cell
    write(row=1, column=1, value=table.title).font = Font(bold=True, size=13)
    for index, column in enumerate(table.columns, start=1):
        write(row=3, column=index, value=column.header).font = Font(bold=True)
        width = max([len(column.header), *(len(str(row[index - 1])) for row in table.rows)])
        letter = write(row=3, column=index).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, 10), 70)
    for row_number, row in enumerate(table.rows, start=4):
        for index, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = write(row=row_number, column=index, value=value)
            if column.kind in NUMBER_FORMATS and value is not None:
                cell.number_format = NUMBER_FORMATS[column.kind]


def to_workbook(result: SteeringStatistics) -> Workbook:
    """A workbook with one sheet per table (shares stored as fractions, formatted as %)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in all_tables(result):
        _fill(workbook.create_sheet(table.key[:31]), table)
    return workbook


def to_xlsx(result: SteeringStatistics) -> bytes:
    """The workbook as .xlsx bytes."""
    buffer = BytesIO()
    to_workbook(result).save(buffer)
    return buffer.getvalue()
