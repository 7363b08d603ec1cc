"""Turn DREAM rows into `benefits` and `offers` rows (data-formats.md).

A week with a code becomes a Monday-Sunday interval of its benefit; consecutive weeks with
the same benefit (or the same offer) merge into one interval. Codes whose benefit is empty
(emigrated, state pension, dead) yield nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .codes import DreamCode
from .errors import DreamImportError
from .reader import DreamLayout, layout_of, read_rows
from .weeks import weeks_follow

SUNDAY = dt.timedelta(days=6)


@dataclass(frozen=True)
class Spell:
    """One output row: `what` is a benefit (for `benefits`) or an offer (for `offers`)."""

    person_id: str
    what: str
    start: dt.date
    end: dt.date


@dataclass
class DreamTables:
    """What a DREAM file yields, ready to be written as the `benefits` and `offers` tables."""

    benefits: list[Spell] = field(default_factory=list)
    offers: list[Spell] = field(default_factory=list)
    persons: int = 0


def merge_weeks(person_id: str, weeks: Iterable[tuple[dt.date, str | None]]) -> list[Spell]:
    """Merge `(monday, value)` pairs, sorted by date, into intervals of consecutive weeks
    with the same value; None (no value that week) ends an interval."""
    pairs = list(weeks)
    mondays = [monday for monday, _ in pairs]
    return _runs(person_id, mondays, weeks_follow(mondays), [value for _, value in pairs])


def _runs(
    person_id: str, mondays: Sequence[dt.date], follows: Sequence[bool], values: list[str | None]
) -> list[Spell]:
    spells: list[Spell] = []
    current: str | None = None
    first = 0
    for i, value in enumerate(values):
        if value == current and follows[i]:
            continue
        if current is not None:
            spells.append(Spell(person_id, current, mondays[first], mondays[i - 1] + SUNDAY))
        current, first = value, i
    if current is not None:
        spells.append(Spell(person_id, current, mondays[first], mondays[-1] + SUNDAY))
    return spells


def convert_row(
    path: Path, line: int, row: list[str], layout: DreamLayout, codes: dict[str, DreamCode]
) -> tuple[list[Spell], list[Spell]]:
    """The benefit and offer intervals of one person's row."""
    cell = row[layout.person_index] if layout.person_index < len(row) else ""
    person_id = cell.strip()
    if not person_id:
        raise DreamImportError(path, line, layout.person_column, "the person is missing")
    benefits: list[str | None] = []
    offers: list[str | None] = []
    for column, index in zip(layout.week_columns, layout.week_indexes, strict=True):
        text = row[index].strip() if index < len(row) else ""
        if not text:
            benefits.append(None)
            offers.append(None)
            continue
        code = codes.get(text)
        if code is None:
            raise DreamImportError(path, line, column, f"unknown DREAM code {text!r}")
        benefits.append(code.benefit)
        offers.append(code.offer)
    return (
        _runs(person_id, layout.mondays, layout.follows, benefits),
        _runs(person_id, layout.mondays, layout.follows, offers),
    )


def convert_file(
    path: Path,
    codes: dict[str, DreamCode],
    on_row: Callable[[], None] | None = None,
) -> DreamTables:
    """Read and check the whole file; raise DreamImportError at the first bad cell."""
    rows = read_rows(path)
    _, header = next(rows)
    layout = layout_of(path, header)
    tables = DreamTables()
    seen: dict[str, int] = {}
    for line, row in rows:
        benefits, offers = convert_row(path, line, row, layout, codes)
        person_id = row[layout.person_index].strip()
        if person_id in seen:
            message = f"person {person_id!r} already appeared on line {seen[person_id]}"
            raise DreamImportError(path, line, layout.person_column, message)
        seen[person_id] = line
        tables.benefits.extend(benefits)
        tables.offers.extend(offers)
        if on_row is not None:
            on_row()
    tables.persons = len(seen)
    return tables
