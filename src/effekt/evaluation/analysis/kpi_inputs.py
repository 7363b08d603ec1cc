"""Staging of the KPI input tables into plain records, with errors naming file, line, column.

Tables (see docs/evaluation.md): `cohort` (required) and the register tables `benefits`,
`offers`, `conversations`, `employment_hours`, plus `educations` and `categories`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from effekt.evaluation.analysis.errors import (
    InputError,
    line_of,
    numeric_column,
    parse_date,
    require_columns,
)

if TYPE_CHECKING:
    import pandas as pd

CATEGORIES = frozenset({"jobparat", "aktivitetsparat", "uddannelsesparat"})


@dataclass(frozen=True)
class Interval:
    """A dated interval, inclusive at both ends; `end=None` means still running."""

    kind: str
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        """True when `day` lies in the interval."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, first: date, last: date) -> bool:
        """True when the interval shares at least one day with `first`–`last`."""
        return self.start <= last and (self.end is None or first <= self.end)


@dataclass(frozen=True)
class Member:
    """A person in a cohort (persongruppemarkering) from `start`, until `end` if it ended."""

    person_id: str
    cohort: str
    start: date
    end: date | None = None


@dataclass
class KpiTables:
    """The staged inputs, per person. Missing tables stay `None`: their KPIs are left out."""

    members: list[Member]
    completions: bool = False
    """True when the cohort table has `end_date` (then the `completed` KPI is reported)."""
    benefits: dict[str, list[Interval]] | None = None
    offers: dict[str, list[Interval]] | None = None
    educations: dict[str, list[Interval]] | None = None
    categories: dict[str, list[Interval]] | None = None
    conversations: dict[str, list[date]] | None = None
    employment: dict[str, dict[str, float]] | None = field(default=None)


def _rows(frame: pd.DataFrame, columns: list[str]) -> Iterable[tuple[int, list[object]]]:
    for position, values in enumerate(zip(*(frame[c] for c in columns), strict=True)):
        yield line_of(position), list(values)


def _text(value: object, source: str, line: int, column: str) -> str:
    text = "" if value is None else str(value).strip()
    if not text or text.lower() in {"nan", "<na>", "none"}:
        raise InputError(source, "tom værdi", line=line, column=column)
    return text


def stage_members(frame: pd.DataFrame, source: str = "cohort") -> list[Member]:
    """Cohort rows `person_id, cohort, start_date` and optionally `end_date`."""
    columns = ["person_id", "cohort", "start_date"]
    require_columns(frame, columns, source)
    ends = "end_date" in frame.columns
    members = []
    for line, values in _rows(frame, columns + (["end_date"] if ends else [])):
        day = parse_date(values[2], source, line, "start_date")
        if day is None:
            raise InputError(source, "tom dato", line=line, column="start_date")
        end = parse_date(values[3], source, line, "end_date") if ends else None
        if end is not None and end < day:
            raise InputError(source, "slutdato før startdato", line=line, column="end_date")
        person = _text(values[0], source, line, "person_id")
        members.append(Member(person, _text(values[1], source, line, "cohort"), day, end))
    return members


def stage_intervals(
    frame: pd.DataFrame, kind_column: str | None, codes: frozenset[str] | None, source: str
) -> dict[str, list[Interval]]:
    """Rows `person_id, <kind_column>, start_date, end_date` as intervals per person; the kind
    must be one of `codes`, and an end before the start is an error."""
    columns = ["person_id", "start_date", "end_date"] + ([kind_column] if kind_column else [])
    require_columns(frame, columns, source)
    staged: dict[str, list[Interval]] = defaultdict(list)
    for line, values in _rows(frame, columns):
        person = _text(values[0], source, line, "person_id")
        start = parse_date(values[1], source, line, "start_date")
        if start is None:
            raise InputError(source, "tom dato", line=line, column="start_date")
        end = parse_date(values[2], source, line, "end_date")
        if end is not None and end < start:
            raise InputError(source, "slutdato før startdato", line=line, column="end_date")
        kind = ""
        if kind_column is not None:
            kind = _text(values[3], source, line, kind_column)
            if codes is not None and kind not in codes:
                raise InputError(source, f"ukendt kode '{kind}'", line=line, column=kind_column)
        staged[person].append(Interval(kind, start, end))
    return dict(staged)


def stage_conversations(
    frame: pd.DataFrame, source: str = "conversations"
) -> dict[str, list[date]]:
    """Distinct conversation days per person, sorted (several on one day count once)."""
    require_columns(frame, ["person_id", "date"], source)
    days: dict[str, set[date]] = defaultdict(set)
    for line, (person, day) in _rows(frame, ["person_id", "date"]):
        parsed = parse_date(day, source, line, "date")
        if parsed is None:
            raise InputError(source, "tom dato", line=line, column="date")
        days[_text(person, source, line, "person_id")].add(parsed)
    return {person: sorted(values) for person, values in days.items()}


def stage_employment(
    frame: pd.DataFrame, source: str = "employment_hours"
) -> dict[str, dict[str, float]]:
    """Hours of ordinary work per person and month `YYYY-MM`."""
    require_columns(frame, ["person_id", "month", "hours"], source)
    hours = numeric_column(frame, "hours", source)
    staged: dict[str, dict[str, float]] = defaultdict(dict)
    for line, (person, month) in _rows(frame, ["person_id", "month"]):
        text = _text(month, source, line, "month")
        if parse_date(f"{text}-01", source, line, "month") is None or len(text) != 7:
            raise InputError(source, f"'{text}' er ikke en måned (ÅÅÅÅ-MM)", line=line,
                             column="month")  # fmt: skip
        value = float(hours.iloc[line - 2])
        by_month = staged[_text(person, source, line, "person_id")]
        by_month[text] = by_month.get(text, 0.0) + value
    return dict(staged)
