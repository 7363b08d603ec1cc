"""Who is measured in a month, and whether they have an offer and four conversations.

One function per rule of source 002; "R…" refers to `docs/monitoring-reference.md`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from .calendar import Month, add_months, age_on, days, last_day, minus_months, window
from .spells import MEASURED, has_twelve_month_spell, is_dead, last_day_on, main_benefit
from .tables import Conversation, Interval, Person, Register

MENTOR_LAST_DAY = dt.date(2019, 12, 31)
WORK_HOURS_AS_OFFER = Fraction(225)
CONVERSATIONS_NEEDED = 4
EXEMPT_SHARE = Fraction(1, 2)
# R0: state pension age in months by date of birth (born before the date on the left).
PENSION_AGE_MONTHS: tuple[tuple[dt.date, int], ...] = (
    (dt.date(1954, 1, 1), 65 * 12),
    (dt.date(1954, 7, 1), 65 * 12 + 6),
    (dt.date(1955, 1, 1), 66 * 12),
    (dt.date(1955, 7, 1), 66 * 12 + 6),
    (dt.date(1963, 1, 1), 67 * 12),
    (dt.date(1967, 1, 1), 68 * 12),
    (dt.date(1971, 1, 1), 69 * 12),
)
PENSION_AGE_LATEST = 70 * 12


@dataclass(frozen=True)
class Measured:
    """One person in the measured population of one month."""

    person_id: str
    municipality_code: str
    benefit: str
    exempt: bool
    offer: bool
    conversations: int
    last_offer_day: dt.date | None
    last_conversation_day: dt.date | None


def pension_age_months(birth_date: dt.date) -> int:
    """R0: the state pension age, in months, for a date of birth."""
    for born_before, months in PENSION_AGE_MONTHS:
        if birth_date < born_before:
            return months
    return PENSION_AGE_LATEST


def in_age_range(person: Person, month: Month) -> bool:
    """R0: from 16 to the state pension age, on the last day of the month."""
    end = last_day(month)
    if age_on(person.birth_date, end) < 16:
        return False
    return end < minus_months(person.birth_date, -pension_age_months(person.birth_date))


def municipality_on(person: Person, day: dt.date) -> str | None:
    """R10: where the person lived on a day (the last-starting residence if several)."""
    found = [r for r in person.residence if r.period.contains(day)]
    if not found:
        return None
    return max(found, key=lambda r: r.period.start).municipality_code


def exempt_half_the_window(person: Person, month: Month) -> bool:
    """R11: exempt (for any reason) on at least 50 % of the days of the 12 months."""
    first, last = window(month)
    exempt = sum(
        any(period.contains(day) for _, period in person.exemptions) for day in days(first, last)
    )
    return exempt >= EXEMPT_SHARE * ((last - first).days + 1)


def counted_offer_days(offer: str, period: Interval, benefit: str) -> Interval | None:
    """R12: the part of an offer that counts: mentor only up to 2019-12-31, delvis
    raskmelding only for sygedagpenge, every other active offer in full."""
    if offer == "mentor":
        if period.start > MENTOR_LAST_DAY:
            return None
        return Interval(period.start, min(period.end, MENTOR_LAST_DAY))
    if offer == "delvis_raskmelding" and benefit != "sygedagpenge":
        return None
    return period


def counted_offers(person: Person, benefit: str) -> list[Interval]:
    found = [counted_offer_days(offer, period, benefit) for offer, period in person.offers]
    return [interval for interval in found if interval is not None]


def last_offer_day(person: Person, benefit: str, month: Month) -> dt.date | None:
    """R12: the last day in the 12 months with a counted offer (None: no offer)."""
    first, last = window(month)
    ends = [
        min(i.end, last)
        for i in counted_offers(person, benefit)
        if i.start <= last and i.end >= first
    ]
    return max(ends) if ends else None


def work_hours_count_as_offer(person: Person, month: Month) -> bool:
    """R13: at least 225 hours of ordinary work in the 12 months count as one offer."""
    total = sum(
        (person.employment_hours.get(add_months(month, -k), Fraction(0)) for k in range(12)),
        Fraction(0),
    )
    return total >= WORK_HOURS_AS_OFFER


def in_offer_on(person: Person, benefit: str, day: dt.date) -> bool:
    return any(i.contains(day) for i in counted_offers(person, benefit))


def status_on(register: Register, municipality: str | None, day: dt.date) -> set[str]:
    statuses = register.municipality_status.get(municipality or "", [])
    return {status for status, period in statuses if period.contains(day)}


def conversation_counts(
    register: Register, person: Person, benefit: str, talk: Conversation
) -> bool:
    """R14: which conversations count for a person measured on `benefit`.

    The general rules are about conversations held by the jobcentre or another actor; those
    held by an a-kasse count only by the dagpenge rules.
    """
    if is_dead(person, talk.day):
        return False
    if benefit == "dagpenge" and dagpenge_conversation_counts(talk):
        return True
    if talk.held_by == "akasse":
        return False
    if talk.form == "personligt" or in_offer_on(person, benefit, talk.day):
        return True
    if benefit == "sygedagpenge" and talk.kind == "sygeopfoelgning":
        return True
    return free_or_trial_municipality_counts(register, person, talk)


def dagpenge_conversation_counts(talk: Conversation) -> bool:
    """R14: for dagpenge, fællessamtaler and a-kasse job conversations in the experiment."""
    if talk.kind == "faellessamtale":
        return True
    return talk.held_by == "akasse" and talk.kind == "jobsamtale" and talk.akasse_experiment


def free_or_trial_municipality_counts(
    register: Register, person: Person, talk: Conversation
) -> bool:
    """R15: job conversations in a frikommune (by the municipality or another actor: in
    person, phone, video) or forsøgskommune (in person, video), by the status of the
    municipality the person lived in on the day of the conversation."""
    if talk.kind != "jobsamtale":
        return False
    statuses = status_on(register, municipality_on(person, talk.day), talk.day)
    if (
        "frikommune" in statuses
        and talk.held_by in {"jobcenter", "anden_aktoer"}
        and talk.form in {"personligt", "telefon", "video"}
    ):
        return True
    return "forsoegskommune" in statuses and talk.form in {"personligt", "video"}


def counted_conversation_days(
    register: Register, person: Person, benefit: str, month: Month
) -> list[dt.date]:
    """R14/R16: days in the 12 months with at least one counted conversation (one a day)."""
    first, last = window(month)
    return sorted(
        {
            talk.day
            for talk in person.conversations
            if first <= talk.day <= last and conversation_counts(register, person, benefit, talk)
        }
    )


def measure(register: Register, person: Person, month: Month) -> Measured | None:
    """R0/R1/R3/R10: the person's line in the month's measurement, or None if not measured."""
    if not in_age_range(person, month):
        return None
    benefit = main_benefit(person, month)
    if benefit not in MEASURED or not has_twelve_month_spell(person, benefit, month):
        return None
    municipality = municipality_on(person, last_day_on(person, benefit, month))
    if municipality is None:
        return None
    last_offer = last_offer_day(person, benefit, month)
    talks = counted_conversation_days(register, person, benefit, month)
    return Measured(
        person_id=person.person_id,
        municipality_code=municipality,
        benefit=benefit,
        exempt=exempt_half_the_window(person, month),
        offer=last_offer is not None or work_hours_count_as_offer(person, month),
        conversations=len(talks),
        last_offer_day=last_offer,
        last_conversation_day=talks[-1] if talks else None,
    )
