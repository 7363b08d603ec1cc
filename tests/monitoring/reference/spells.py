"""Benefit rules of source 002: main benefit in a month, spells and seniority.

Each function implements one rule and quotes it ("R…" refers to the numbered rules in
`docs/monitoring-reference.md`). Days are walked one at a time: slow, but easy to check.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from .calendar import (
    ONE_DAY,
    Month,
    add_months,
    contains_whole_month,
    days,
    first_day,
    is_weekday,
    last_day,
    minus_months,
    month_of,
    weekdays_in_month,
)
from .tables import BenefitRow, Person

# R1: the measured benefits, in the order that breaks ties for the main benefit.
MEASURED = (
    "dagpenge",
    "sygedagpenge",
    "kontanthjaelp",
    "uddannelseshjaelp",
    "overgangsydelse",
    "revalidering",
    "ressourceforloeb",
    "jobafklaring",
    "ledighedsydelse",
)
# R1: benefits that are never measured, after the measured ones in the tie order.
NOT_MEASURED = (
    "foertidspension",
    "fleksjob",
    "selvforsoergelse_hjemrejse",
    "efterloen",
    "su",
    "barsel",
    "overgangsydelse_intro",
)
TIE_ORDER = MEASURED + NOT_MEASURED
DEAD_REASONS = frozenset({"barsel", "opfoelgning_uden_kontakt"})
DAGPENGE_MONTH_HOURS = Fraction(16033, 100)
# R7: overgangsydelse outside the programme running straight into these benefits is part
# of their spell.
PRECEDED_BY = {"kontanthjaelp": "overgangsydelse", "uddannelseshjaelp": "overgangsydelse"}


def benefit_code(row: BenefitRow) -> str | None:
    """R2/R7/R8: the benefit a row counts as, or None when it does not count at all.

    Supplementary kontanthjælp never counts; forrevalidering is part of revalidering;
    overgangsydelse inside the introduction programme is a benefit of its own.
    """
    if row.supplementary:
        return None
    if row.benefit == "forrevalidering":
        return "revalidering"
    if row.benefit == "overgangsydelse" and row.intro_program:
        return "overgangsydelse_intro"
    return row.benefit


def codes_on(person: Person, day: dt.date) -> set[str]:
    """The benefits (after R2) the person receives on `day`."""
    found = {benefit_code(row) for row in person.benefits if row.period.contains(day)}
    return {code for code in found if code is not None}


def main_benefit(person: Person, month: Month) -> str | None:
    """R1: the benefit with most days in the month, ties broken by `TIE_ORDER`."""
    counts: dict[str, int] = {}
    for day in days(first_day(month), last_day(month)):
        for code in codes_on(person, day):
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], TIE_ORDER.index(code)))


def is_dead(person: Person, day: dt.date) -> bool:
    """R9: exemptions for barsel or opfølgning uden kontakt are dead periods."""
    return any(
        reason in DEAD_REASONS and period.contains(day) for reason, period in person.exemptions
    )


def last_day_on(person: Person, benefit: str, month: Month) -> dt.date:
    """The last day of the spell in the month: the last day in it with the benefit."""
    found = [
        day for day in days(first_day(month), last_day(month)) if benefit in codes_on(person, day)
    ]
    return found[-1]


def twelve_months_before(day: dt.date) -> dt.date:
    """The same day 12 months earlier; a month's last day maps to that month's last day
    (28 Feb 2021 -> 29 Feb 2020), any other day is clipped to the month's end."""
    if day == last_day(month_of(day)):
        return last_day(add_months(month_of(day), -12))
    return minus_months(day, 12)


def lasted_twelve_months(start: dt.date, last: dt.date, dead_days: int) -> bool:
    """R3/R9: a spell from `start` to `last`, less its dead days, covers 12 whole months.

    Twelve months ending on `last` are the days after `twelve_months_before(last)`; a spell
    of exactly that many seniority days qualifies (1 January to 31 December does, and so does
    1 March 2020 to 28 February 2021).
    """
    needed = (last - twelve_months_before(last)).days
    return (last - start).days + 1 - dead_days >= needed


def _count_dead(person: Person, start: dt.date, last: dt.date) -> int:
    return sum(is_dead(person, day) for day in days(start, last))


def dagpenge_row_hours(person: Person, row: BenefitRow, first: dt.date, last: dt.date) -> Fraction:
    """R4: net hours a dagpenge row contributes on the days `first`..`last`.

    Without `hours`: 160.33 divided by the month's weekdays on each weekday, none at weekends.
    With `hours`: the row's hours spread evenly over its weekdays (over all its days if it
    has none). Dead days contribute nothing (R9).
    """
    weekdays = 0
    if row.hours is not None:
        weekdays = sum(is_weekday(d) for d in days(row.period.start, row.period.end))
    total = Fraction(0)
    for day in days(max(first, row.period.start), min(last, row.period.end)):
        if is_dead(person, day):
            continue
        if row.hours is None:
            if is_weekday(day):
                total += DAGPENGE_MONTH_HOURS / weekdays_in_month(month_of(day))
        elif weekdays == 0:
            total += row.hours / ((row.period.end - row.period.start).days + 1)
        elif is_weekday(day):
            total += row.hours / weekdays
    return total


def dagpenge_spell_start(person: Person, until: dt.date) -> dt.date:
    """R4: the dagpenge spell is broken only by a new first day of a dagpenge period."""
    rows = [r for r in person.benefits if r.benefit == "dagpenge" and r.period.start <= until]
    new_starts = [r.period.start for r in rows if r.new_period]
    return max(new_starts) if new_starts else min(r.period.start for r in rows)


def dagpenge_qualifies(person: Person, month: Month) -> bool:
    """R3/R4: cumulative net hours by the end of the month at least 12 x 160.33."""
    until = last_day(month)
    start = dagpenge_spell_start(person, until)
    rows = [r for r in person.benefits if r.benefit == "dagpenge"]
    total = sum((dagpenge_row_hours(person, row, start, until) for row in rows), Fraction(0))
    return total >= 12 * DAGPENGE_MONTH_HOURS


def sygedagpenge_spells(person: Person) -> list[tuple[dt.date, dt.date]]:
    """R6: start to end date; spell 2 is merged into spell 1 when it starts at least one
    day before spell 1 ends (so a spell starting on spell 1's last day is a new spell)."""
    rows = sorted(
        (r.period.start, r.period.end) for r in person.benefits if benefit_code(r) == "sygedagpenge"
    )
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in rows:
        if merged and start <= merged[-1][1] - ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def sygedagpenge_spell_start(person: Person, last: dt.date) -> dt.date:
    """R6: the spell running on `last`; of two (a spell starting on another's last day),
    the one that started first."""
    return min(start for start, end in sygedagpenge_spells(person) if start <= last <= end)


def other_spell_start(person: Person, benefit: str, last: dt.date) -> dt.date:
    """R5/R7: walk back from `last` while the spell lasts.

    The spell is broken by a whole calendar month without the benefit, or by a day with
    another benefit and not this one (a change of benefit). Overgangsydelse outside the
    programme running straight into kontanthjælp or uddannelseshjælp is part of their spell,
    but not the other way round.
    """
    preceding = PRECEDED_BY.get(benefit)
    start = last
    in_preceding = False
    day = last - ONE_DAY
    while day >= dt.date(1900, 1, 1):
        codes = codes_on(person, day)
        if not codes:
            day -= ONE_DAY
            continue
        if contains_whole_month(day + ONE_DAY, start - ONE_DAY):
            break
        if benefit in codes and not in_preceding:
            start = day
        elif preceding is not None and preceding in codes and benefit not in codes:
            in_preceding = True
            start = day
        else:
            break
        day -= ONE_DAY
        if not person.benefits or day < min(r.period.start for r in person.benefits):
            break
    return start


def has_twelve_month_spell(person: Person, benefit: str, month: Month) -> bool:
    """R3: the spell on the main benefit has lasted at least 12 months by the end of the
    month, counted to the last day of the spell in the month and without dead days."""
    if benefit == "dagpenge":
        return dagpenge_qualifies(person, month)
    last = last_day_on(person, benefit, month)
    if benefit == "sygedagpenge":
        start = sygedagpenge_spell_start(person, last)
    else:
        start = other_spell_start(person, benefit, last)
    return lasted_twelve_months(start, last, _count_dead(person, start, last))
