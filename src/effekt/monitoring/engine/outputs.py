"""Outputs (Ibis part): per-person measures and per-municipality monthly counts."""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import day_number, first_day
from effekt.monitoring.engine.frames import clip, merge_touching, overlap
from effekt.monitoring.engine.measures import counts_for
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import Span


def person_measures(
    population: ir.Table,
    offers: ir.Table,
    employment: ir.Table,
    exemption: ir.Table,
    conversations: ir.Table,
    calendar: ir.Table,
) -> ir.Table:
    """Each measured person and month with what they have in the 12-month window."""
    pop = population.mutate(measure_m=population.m)
    keys = ["person_id", "measure_m"]
    o = pop.select("person_id", "measure_m", "benefit").join(offers, keys)
    o = o.filter(counts_for(o.allowed, o.benefit))
    o = o.group_by(keys).aggregate(last_offer_day=o.last_offer_day.max()).mutate(offer=True)
    j = pop
    for table in (o, employment, exemption, conversations):
        j = j.left_join(table, keys).drop("person_id_right", "measure_m_right")
    j = j.join(calendar.select("min_conversations", "last_day", measure_m="m"), "measure_m")
    has_offer = j.offer.fill_null(False) | j.work_offer.fill_null(False)
    talks = j.conversations.fill_null(0)
    return j.select(
        "person_id", "m", "municipality_code", "benefit", "spell_start", "min_conversations",
        exempt=j.exempt.fill_null(False),
        has_offer=has_offer,
        last_offer_day=ibis.ifelse(
            j.last_offer_day.isnull(), j.last_offer_day, ibis.least(j.last_offer_day, j.last_day)
        ),
        work_hours=j.work_hours.fill_null(0),
        conversations=talks,
        conversations_met=talks >= j.min_conversations,
        last_conversation_day=j.last_conversation_day,
    )  # fmt: skip


def focus_counts(measured: ir.Table) -> ir.Table:
    """Per municipality and month: the counts behind both focus targets."""
    offered = ~measured.exempt
    return measured.group_by(["municipality_code", "m"]).aggregate(
        population=measured.count(),
        offers_population=offered.sum(),
        offers_met=(offered & measured.has_offer).sum(),
        conversations_population=measured.count(),
        conversations_met=measured.conversations_met.sum(),
    )


def _half_years(span: Span) -> ir.Table:
    """Half-year index (month index // 6) with its first and last day number."""
    indexes = list(range(span.start // 6, span.end // 6 + 1))
    return ibis.memtable(
        {
            "hy": indexes,
            "hy_first": [day_number(first_day(h * 6)) for h in indexes],
            "hy_last": [day_number(first_day(h * 6 + 6)) - 1 for h in indexes],
        }
    )


def _by_half_year(t: ir.Table, halves: ir.Table, a: str, b: str, name: str) -> ir.Table:
    """Sum, per municipality and half-year, the days of [a, b] of each row (rows carry the
    months start_m..end_m that hold them)."""
    spread = t.mutate(hy=ibis.range(t.start_m // 6, t.end_m // 6 + 1).unnest()).join(halves, "hy")
    days = overlap(spread[a], spread[b], spread.hy_first, spread.hy_last)
    return spread.group_by(["municipality_code", "hy"]).aggregate(**{name: days.sum()})


def result_counts(
    intervals: ir.Table, residence: ir.Table, persons: ir.Table, rules: Rules, span: Span
) -> ir.Table:
    """Per municipality and half-year: days lived there aged 16-66, and of those days the
    days on a benefit of the result target (each day counted once)."""
    lo_day = day_number(first_day(span.start))
    lived = clip(residence, span.start, span.end, lo_day, span.end_day).join(
        persons.select("person_id", "age_from", "age_to"), "person_id"
    )
    lived = lived.mutate(
        a=ibis.greatest(lived.start_day, lived.age_from), b=ibis.least(lived.end_day, lived.age_to)
    ).filter(lambda t: t.a <= t.b)
    on = intervals.filter(intervals.benefit.isin(rules.result_target))
    on = merge_touching(clip(on, span.start, span.end, lo_day, span.end_day), ["person_id"])
    on = on.select("person_id", b_start="start_day", b_end="end_day", b_m0="start_m", b_m1="end_m")
    both = lived.select("person_id", "municipality_code", "a", "b").join(on, "person_id")
    both = both.select(
        "municipality_code",
        c=ibis.greatest(both.a, both.b_start),
        d=ibis.least(both.b, both.b_end),
        start_m=both.b_m0,
        end_m=both.b_m1,
    ).filter(lambda t: t.c <= t.d)
    halves = _half_years(span)
    resident = _by_half_year(lived, halves, "a", "b", "resident_days")
    benefit = _by_half_year(both, halves, "c", "d", "benefit_days")
    j = resident.left_join(benefit, ["municipality_code", "hy"])
    return j.select(
        "municipality_code", "hy", "resident_days", benefit_days=j.benefit_days.fill_null(0)
    )
