"""The reference: focus-target rows per municipality and month, and the work list.

`focus_targets` returns the rows of `focus_targets.csv` from the CLI contract, with shares as
exact fractions; `worklist` returns one line per measured person lacking an offer or four
counted conversations.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from fractions import Fraction

from .calendar import Month, add_months, months
from .measures import CONVERSATIONS_NEEDED, Measured, measure
from .tables import Register


@dataclass(frozen=True)
class FocusTargetRow:
    """One row of `focus_targets.csv`; shares are None when their population is empty."""

    municipality_code: str
    month: Month
    population: int
    offers_population: int
    offers_met: int
    offers_share: Fraction | None
    conversations_population: int
    conversations_met: int
    conversations_share: Fraction | None
    offers_share_12m: Fraction | None
    conversations_share_12m: Fraction | None


@dataclass(frozen=True)
class WorklistRow:
    municipality_code: str
    person_id: str
    benefit: str
    lacks_offer: bool
    lacks_conversations: bool
    conversations: int
    last_offer_day: dt.date | None
    last_conversation_day: dt.date | None
    months_left: int


def measured_population(register: Register, month: Month) -> list[Measured]:
    """Everyone measured in the month, person by person."""
    found = (measure(register, person, month) for person in register.persons.values())
    return [line for line in found if line is not None]


def _share(met: int, population: int) -> Fraction | None:
    return Fraction(met, population) if population else None


def _mean(shares: list[Fraction | None]) -> Fraction | None:
    """R17: the simple mean of the monthly shares that exist among the last 12 months."""
    present = [share for share in shares if share is not None]
    return sum(present, Fraction(0)) / len(present) if present else None


def _monthly_row(code: str, month: Month, lines: list[Measured]) -> FocusTargetRow:
    offered = [line for line in lines if not line.exempt]
    offers_met = sum(line.offer for line in offered)
    talks_met = sum(line.conversations >= CONVERSATIONS_NEEDED for line in lines)
    return FocusTargetRow(
        code,
        month,
        population=len(lines),
        offers_population=len(offered),
        offers_met=offers_met,
        offers_share=_share(offers_met, len(offered)),
        conversations_population=len(lines),
        conversations_met=talks_met,
        conversations_share=_share(talks_met, len(lines)),
        offers_share_12m=None,
        conversations_share_12m=None,
    )


def focus_targets(register: Register, first: Month, last: Month) -> list[FocusTargetRow]:
    """Rows for every municipality with anyone measured in a month from `first` to `last`.

    The running means use the 11 months before `first` too, so they do not depend on the
    range asked for.
    """
    by_key: dict[tuple[str, Month], FocusTargetRow] = {}
    for month in months(add_months(first, -11), last):
        grouped: dict[str, list[Measured]] = defaultdict(list)
        for line in measured_population(register, month):
            grouped[line.municipality_code].append(line)
        for code, lines in grouped.items():
            by_key[code, month] = _monthly_row(code, month, lines)
    rows = []
    for (code, month), row in sorted(by_key.items()):
        if month < first:
            continue
        history = [by_key.get((code, add_months(month, -k))) for k in range(12)]
        rows.append(
            replace(
                row,
                offers_share_12m=_mean([h.offers_share if h else None for h in history]),
                conversations_share_12m=_mean(
                    [h.conversations_share if h else None for h in history]
                ),
            )
        )
    return rows


def worklist(register: Register, month: Month) -> list[WorklistRow]:
    """R18: measured persons lacking an offer (not exempt) or four counted conversations."""
    rows = []
    for line in measured_population(register, month):
        lacks_offer = not line.exempt and not line.offer
        lacks_talks = line.conversations < CONVERSATIONS_NEEDED
        if lacks_offer or lacks_talks:
            rows.append(
                WorklistRow(
                    line.municipality_code,
                    line.person_id,
                    line.benefit,
                    lacks_offer,
                    lacks_talks,
                    line.conversations,
                    line.last_offer_day,
                    line.last_conversation_day,
                    months_left=12 - month[1],
                )
            )
    return sorted(rows, key=lambda row: (row.municipality_code, row.person_id))
