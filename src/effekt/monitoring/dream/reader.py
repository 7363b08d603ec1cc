"""Read a DREAM file (CSV, comma or semicolon separated, or Parquet) row by row."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DreamImportError
from .weeks import is_week_column, week_monday, weeks_follow

PERSON_COLUMNS = ("person_id", "cpr", "cprnr", "pnr")


@dataclass(frozen=True)
class DreamLayout:
    """Where the person and the weeks are in a row; weeks sorted by date.

    `follows[i]` tells whether week i is the week right after week i - 1 (a week column
    missing from the file breaks the sequence).
    """

    person_column: str
    person_index: int
    week_columns: tuple[str, ...]
    week_indexes: tuple[int, ...]
    mondays: tuple[dt.date, ...]
    follows: tuple[bool, ...]


def _weeks(path: Path, columns: list[str]) -> list[tuple[dt.date, int, str]]:
    weeks = []
    for index, column in enumerate(columns):
        if is_week_column(column):
            try:
                weeks.append((week_monday(column), index, column))
            except ValueError as error:
                raise DreamImportError(path, 1, column, str(error)) from None
    if not weeks:
        raise DreamImportError(path, 1, "y_YYWW", "the file has no week columns")
    if len({monday for monday, _, _ in weeks}) != len(weeks):
        raise DreamImportError(path, 1, "y_YYWW", "a week appears in two columns")
    return sorted(weeks)


def layout_of(path: Path, columns: list[str]) -> DreamLayout:
    """Find the person column and parse every `y_YYWW` column of the header (line 1)."""
    person = next((c for c in PERSON_COLUMNS if c in columns), None)
    if person is None:
        raise DreamImportError(path, 1, PERSON_COLUMNS[0], "required column is missing")
    weeks = _weeks(path, columns)
    mondays = tuple(monday for monday, _, _ in weeks)
    return DreamLayout(
        person_column=person,
        person_index=columns.index(person),
        week_columns=tuple(column for _, _, column in weeks),
        week_indexes=tuple(index for _, index, _ in weeks),
        mondays=mondays,
        follows=weeks_follow(mondays),
    )


def _delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        header = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(header))
        for row in reader:
            yield reader.line_num, row


def _parquet_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import pyarrow.parquet as pq

    source = pq.ParquetFile(path)
    names = source.schema_arrow.names
    yield 1, list(names)
    line = 1
    for batch in source.iter_batches():
        columns = batch.to_pydict()
        for i in range(batch.num_rows):
            line += 1
            yield line, ["" if columns[n][i] is None else str(columns[n][i]) for n in names]


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield `(line, cells)`; the first item is the header (line 1).

    For Parquet, "line" is the row number counted as in a CSV file (header = line 1).
    """
    if path.suffix.lower() == ".parquet":
        return _parquet_rows(path)
    return _csv_rows(path)
