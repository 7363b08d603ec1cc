"""Survey results per wave as CSV and Excel (the same rows, two renderings)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from effekt.evaluation.analysis.shares import Share
from effekt.evaluation.surveys.results import Change, WaveResult

HEADER = (
    "bølge",
    "spørgsmål",
    "udsagn",
    "svar",
    "antal",
    "ud af",
    "andel",
    "95 % KI nedre",
    "95 % KI øvre",
)
RATE_HEADER = ("bølge", "inviterede", "besvarelser", "svarprocent", "95 % KI nedre", "95 % KI øvre")
CHANGE_HEADER = (
    "udsagn",
    "fra bølge",
    "til bølge",
    "ændring i andel",
    "95 % KI nedre",
    "95 % KI øvre",
)
Cell = str | int | float | None


def _share_cells(share: Share) -> list[Cell]:
    return [share.count, share.total, share.share, share.ci_low, share.ci_high]


def result_rows(waves: Sequence[WaveResult]) -> list[list[Cell]]:
    """One row per wave, item and answer; "positiv" rows carry the positive share."""
    rows: list[list[Cell]] = []
    for wave in waves:
        for item in wave.items:
            text = "" if item.text == item.question else item.text
            for option in item.options:
                rows.append(
                    [wave.label, item.question, text, option.label, *_share_cells(option.share)]
                )
            if item.positive is not None:
                rows.append(
                    [
                        wave.label,
                        item.question,
                        text,
                        "positiv (top 2)",
                        *_share_cells(item.positive),
                    ]
                )
            if item.dont_know:
                rows.append(
                    [
                        wave.label,
                        item.question,
                        text,
                        "Ved ikke",
                        item.dont_know,
                        None,
                        None,
                        None,
                        None,
                    ]
                )
    return rows


def rate_rows(waves: Sequence[WaveResult]) -> list[list[Cell]]:
    return [
        [
            w.label,
            w.invited,
            w.responses,
            w.response_rate.share,
            w.response_rate.ci_low,
            w.response_rate.ci_high,
        ]
        for w in waves
    ]


def change_rows(changes: Sequence[Change]) -> list[list[Cell]]:
    return [[c.text, c.before, c.after, c.difference, c.ci_low, c.ci_high] for c in changes]


def to_csv(waves: Sequence[WaveResult]) -> str:
    """The results as CSV (UTF-8, semicolon, decimal point), opened by Excel in Danish setups."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    for row in result_rows(waves):
        writer.writerow(
            ["" if v is None else (f"{v:.4f}" if isinstance(v, float) else v) for v in row]
        )
    return out.getvalue()


def to_excel(
    sheets: Sequence[tuple[str, Sequence[Cell], Sequence[Sequence[Cell]]]],
) -> bytes:
    """A workbook with one sheet per (title, header, rows); shares formatted as per cent."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for column, name in enumerate(header, start=1):
            if "andel" in str(name) or "KI" in str(name) or "svarprocent" in str(name):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    cell.number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def survey_workbook(waves: Sequence[WaveResult], changes: Sequence[Change]) -> bytes:
    """Results, response rates and wave-to-wave change of one survey as Excel."""
    return to_excel(
        [
            ("Resultater", HEADER, result_rows(waves)),
            ("Svarprocent", RATE_HEADER, rate_rows(waves)),
            ("Ændring", CHANGE_HEADER, change_rows(changes)),
        ]
    )
