"""Read a DREAM file (CSV, comma or semicolon separated, or Parquet) row by row."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DreamImportError
from .weeks import is_week_column, week_monday

PERSON_COLUMNS = ("person_id", "cpr", "cprnr", "pnr")


@dataclass(frozen=True)
class DreamLayout:
    """Which column holds the person and which columns are weeks (sorted by date)."""

    person_column: str
    weeks: tuple[tuple[str, dt.date], ...]


def layout_of(path: Path, columns: list[str]) -> DreamLayout:
    """Find the person column and parse every `y_YYWW` column of the header (line 1)."""
    person = next((c for c in PERSON_COLUMNS if c in columns), None)
    if person is None:
        raise DreamImportError(path, 1, PERSON_COLUMNS[0], "required column is missing")
    weeks = []
    for column in columns:
        if is_week_column(column):
            try:
                weeks.append((column, week_monday(column)))
            except ValueError as error:
                raise DreamImportError(path, 1, column, str(error)) from None
    if not weeks:
        raise DreamImportError(path, 1, "y_YYWW", "the file has no week columns")
    mondays = [monday for _, monday in weeks]
    if len(set(mondays)) != len(mondays):
        raise DreamImportError(path, 1, "y_YYWW", "a week appears in two columns")
    return DreamLayout(person, tuple(sorted(weeks, key=lambda week: week[1])))


def _delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        header = handle.readline()
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=_delimiter(header))
        yield 1, {name: name for name in reader.fieldnames or []}
        for row in reader:
            yield reader.line_num, {k: v or "" for k, v in row.items() if k is not None}


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    yield 1, {name: name for name in table.column_names}
    for line, row in enumerate(table.to_pylist(), start=2):
        yield line, {k: "" if v is None else str(v) for k, v in row.items()}


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield `(line, row)`; the first item is the header as `(1, {column: column})`.

    For Parquet, "line" is the row number counted as in a CSV file (header = line 1).
    """
    if path.suffix.lower() == ".parquet":
        return _parquet_rows(path)
    return _csv_rows(path)
