"""Read the input tables of `data-formats.md` (CSV only) into plain records.

The reference does no validation beyond what it needs to run: the inputs come from the
hypothesis generators or hand-written examples, which are valid by construction.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

OPEN_END = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Interval:
    """An inclusive date interval; an empty end date in the input means "still running"."""

    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class BenefitRow:
    benefit: str
    period: Interval
    hours: Fraction | None = None
    new_period: bool = False
    intro_program: bool = False
    supplementary: bool = False


@dataclass(frozen=True)
class Conversation:
    day: dt.date
    form: str
    kind: str
    held_by: str
    akasse_experiment: bool = False


@dataclass(frozen=True)
class Residence:
    municipality_code: str
    period: Interval


@dataclass
class Person:
    """Everything the register says about one person."""

    person_id: str
    birth_date: dt.date
    benefits: list[BenefitRow] = field(default_factory=list)
    residence: list[Residence] = field(default_factory=list)
    exemptions: list[tuple[str, Interval]] = field(default_factory=list)
    offers: list[tuple[str, Interval]] = field(default_factory=list)
    conversations: list[Conversation] = field(default_factory=list)
    employment_hours: dict[tuple[int, int], Fraction] = field(default_factory=dict)


@dataclass(frozen=True)
class Register:
    persons: dict[str, Person]
    # municipality_code -> [(status, interval)]
    municipality_status: dict[str, list[tuple[str, Interval]]]


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _interval(row: dict[str, str], start: str, end: str) -> Interval:
    end_text = row[end].strip()
    return Interval(_date(row[start]), _date(end_text) if end_text else OPEN_END)


def _flag(row: dict[str, str], column: str) -> bool:
    return row.get(column, "").strip().lower() in {"true", "1", "yes"}


def _hours(text: str | None) -> Fraction | None:
    if text is None or not text.strip():
        return None
    return Fraction(Decimal(text.strip()))


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    path = folder / f"{table}.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_register(folder: Path) -> Register:
    """Read every table the focus targets need from the CSV files in `folder`."""
    persons = {
        row["person_id"]: Person(row["person_id"], _date(row["birth_date"]))
        for row in _rows(folder, "persons")
    }
    for row in _rows(folder, "benefits"):
        persons[row["person_id"]].benefits.append(
            BenefitRow(
                row["benefit"],
                _interval(row, "start_date", "end_date"),
                _hours(row.get("hours")),
                _flag(row, "new_period"),
                _flag(row, "intro_program"),
                _flag(row, "supplementary"),
            )
        )
    for row in _rows(folder, "residence"):
        persons[row["person_id"]].residence.append(
            Residence(row["municipality_code"], _interval(row, "valid_from", "valid_to"))
        )
    for row in _rows(folder, "exemptions"):
        interval = _interval(row, "start_date", "end_date")
        persons[row["person_id"]].exemptions.append((row["reason"], interval))
    for row in _rows(folder, "offers"):
        interval = _interval(row, "start_date", "end_date")
        persons[row["person_id"]].offers.append((row["offer"], interval))
    for row in _rows(folder, "conversations"):
        persons[row["person_id"]].conversations.append(
            Conversation(
                _date(row["date"]),
                row["form"],
                row["kind"],
                row["held_by"],
                _flag(row, "akasse_experiment"),
            )
        )
    for row in _rows(folder, "employment_hours"):
        year, month = row["month"].split("-")
        hours = _hours(row["hours"]) or Fraction(0)
        key = (int(year), int(month))
        person = persons[row["person_id"]]
        person.employment_hours[key] = person.employment_hours.get(key, Fraction(0)) + hours
    status: dict[str, list[tuple[str, Interval]]] = defaultdict(list)
    for row in _rows(folder, "municipality_status"):
        status[row["municipality_code"]].append(
            (row["status"], _interval(row, "valid_from", "valid_to"))
        )
    return Register(persons, dict(status))
