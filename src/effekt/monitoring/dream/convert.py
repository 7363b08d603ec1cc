"""Turn DREAM rows into `benefits` and `offers` rows (data-formats.md).

A week with a code becomes a Monday-Sunday interval of its benefit; consecutive weeks with
the same benefit (or the same offer) merge into one interval. Codes whose benefit is empty
(emigrated, state pension, dead) yield nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .codes import DreamCode
from .errors import DreamImportError
from .reader import DreamLayout, layout_of, read_rows

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
    spells: list[Spell] = []
    for monday, value in weeks:
        if value is None:
            continue
        last = spells[-1] if spells else None
        if last is not None and last.what == value and last.end + dt.timedelta(1) == monday:
            spells[-1] = Spell(person_id, value, last.start, monday + SUNDAY)
        else:
            spells.append(Spell(person_id, value, monday, monday + SUNDAY))
    return spells


def _code_of(
    path: Path, line: int, column: str, text: str, codes: dict[str, DreamCode]
) -> DreamCode | None:
    value = text.strip()
    if not value:
        return None
    if value not in codes:
        raise DreamImportError(path, line, column, f"unknown DREAM code {value!r}")
    return codes[value]


def convert_row(
    path: Path, line: int, row: dict[str, str], layout: DreamLayout, codes: dict[str, DreamCode]
) -> tuple[list[Spell], list[Spell]]:
    """The benefit and offer intervals of one person's row."""
    person_id = row.get(layout.person_column, "").strip()
    if not person_id:
        raise DreamImportError(path, line, layout.person_column, "the person is missing")
    weekly = [
        (monday, _code_of(path, line, column, row.get(column, ""), codes))
        for column, monday in layout.weeks
    ]
    benefits = merge_weeks(person_id, ((m, c.benefit if c else None) for m, c in weekly))
    offers = merge_weeks(person_id, ((m, c.offer if c else None) for m, c in weekly))
    return benefits, offers


def convert_file(
    path: Path,
    codes: dict[str, DreamCode],
    on_row: Callable[[], None] | None = None,
) -> DreamTables:
    """Read and check the whole file; raise DreamImportError at the first bad cell."""
    rows = read_rows(path)
    _, header = next(rows)
    layout = layout_of(path, list(header))
    tables = DreamTables()
    seen: dict[str, int] = {}
    for line, row in rows:
        benefits, offers = convert_row(path, line, row, layout, codes)
        person_id = row[layout.person_column].strip()
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
