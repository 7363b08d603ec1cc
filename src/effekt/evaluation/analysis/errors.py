"""Input errors that name the file, the line and the column."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class InputError(ValueError):
    """Bad input data. `line` counts the header as line 1, so the first data row is line 2."""

    def __init__(
        self, source: str, message: str, *, line: int | None = None, column: str | None = None
    ) -> None:
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        where = [source]
        if line is not None:
            where.append(f"linje {line}")
        if column is not None:
            where.append(f"kolonne '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


def line_of(position: int) -> int:
    """The file line of the row at `position` (0-based) of a frame read from a CSV file."""
    return position + 2


def require_columns(frame: pd.DataFrame, columns: Sequence[str], source: str) -> None:
    """Raise `InputError` naming the first required column that `frame` lacks."""
    for column in columns:
        if column not in frame.columns:
            raise InputError(source, "kolonnen mangler", column=column)


def require_complete(frame: pd.DataFrame, columns: Sequence[str], source: str) -> None:
    """Raise `InputError` at the first empty cell of the given columns."""
    for column in columns:
        missing = frame[column].isna().to_numpy().nonzero()[0]
        if len(missing):
            raise InputError(source, "tom værdi", line=line_of(int(missing[0])), column=column)


def numeric_column(frame: pd.DataFrame, column: str, source: str) -> pd.Series:
    """The column as floats; raises `InputError` at the first value that is not a number."""
    import pandas as pd

    values = pd.to_numeric(frame[column], errors="coerce")
    _refuse_first(frame, column, values.isna() & frame[column].notna(), source, "et tal")
    return values.astype(float)


def binary_column(frame: pd.DataFrame, column: str, source: str) -> pd.Series:
    """The column as 0/1 integers; accepts 0/1 and true/false, raises `InputError` otherwise."""
    mapping = {"0": 0, "1": 1, "0.0": 0, "1.0": 1, "true": 1, "false": 0}
    text = frame[column].astype(str).str.strip().str.lower()
    values = text.map(mapping)
    _refuse_first(frame, column, values.isna(), source, "0/1")
    return values.astype(int)


def _refuse_first(
    frame: pd.DataFrame, column: str, bad: pd.Series, source: str, expected: str
) -> None:
    """Raise `InputError` at the first row flagged in `bad`: "'value' er ikke <expected>"."""
    positions = bad.to_numpy().nonzero()[0]
    if len(positions):
        position = int(positions[0])
        raise InputError(
            source,
            f"'{frame[column].iloc[position]}' er ikke {expected}",
            line=line_of(position),
            column=column,
        )


def parse_date(value: object, source: str, line: int, column: str) -> date | None:
    """An ISO date (`YYYY-MM-DD`), `None` for an empty cell; `InputError` otherwise."""
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    text = text.strip()
    if not text or text.lower() in {"nan", "<na>", "none"}:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            source, f"'{text}' er ikke en dato (ÅÅÅÅ-MM-DD)", line=line, column=column
        ) from None
