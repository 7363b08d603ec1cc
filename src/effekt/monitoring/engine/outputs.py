"""Outputs (Ibis part): per-person measures and per-municipality monthly counts."""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.measures import counts_for
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import Span, residence_on


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


def result_counts(
    benefit_days: ir.Table,
    residence_monthly: ir.Table,
    persons: ir.Table,
    calendar: ir.Table,
    rules: Rules,
    span: Span,
) -> ir.Table:
    """Per municipality and month: days lived there aged 16-66 and days on result benefits.

    A person belongs to the municipality lived in on the last day of the month and counts all
    the month's days; benefit days are capped at the month's days.
    """
    months = residence_monthly.filter(residence_monthly.m.between(span.start, span.end))
    grid = (
        months.select("person_id", "m")
        .distinct()
        .join(calendar.select("m", "last_day", "days"), "m")
    )
    located = residence_on(grid, "last_day", residence_monthly).join(persons, "person_id")
    age = (located.m - located.birth_m) // 12
    low, high = rules.result_target_ages
    residents = located.filter(age.between(low, high))
    on_benefit = benefit_days.filter(benefit_days.benefit.isin(rules.result_target))
    on_benefit = on_benefit.group_by(["person_id", "m"]).aggregate(
        benefit_days=on_benefit.days.sum()
    )
    j = residents.left_join(on_benefit, ["person_id", "m"])
    capped = ibis.least(j.benefit_days.fill_null(0), j.days)
    return j.group_by(["municipality_code", "m"]).aggregate(
        resident_days=j.days.sum(), benefit_days=capped.sum()
    )
