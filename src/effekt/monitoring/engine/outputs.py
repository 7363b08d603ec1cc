"""Outputs (Ibis part): per-person measures and per-municipality monthly counts."""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import day_number, first_day
from effekt.monitoring.engine.frames import clip, merge_touching
from effekt.monitoring.engine.measures import counts_for
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import Span


def _window_rows(offers: ir.Table, employment: ir.Table, exemption: ir.Table) -> ir.Table:
    """Offers, work hours and exemptions in one table of rows (person_id, first_m, last_m)
    lying in the windows of the measured months first_m..last_m, each row with its own
    columns (`allowed`, `last_offer_day` | `hours` | `ex_start`, `ex_end`) and nulls in the
    others'."""
    no_int, no_str = ibis.null("int64"), ibis.null("string")
    keys = ("person_id", "first_m", "last_m")
    o = offers.select(
        *keys, "allowed", "last_offer_day", hours=no_int, ex_start=no_int, ex_end=no_int
    )
    w = employment.select(
        *keys, allowed=no_str, last_offer_day=no_int, hours="hours", ex_start=no_int, ex_end=no_int
    )
    x = exemption.select(
        *keys, allowed=no_str, last_offer_day=no_int, hours=no_int, ex_start="start_day",
        ex_end="end_day",
    )  # fmt: skip
    return o.union(w).union(x)


def _in_window(population: ir.Table, rows: ir.Table, calendar: ir.Table) -> ir.Table:
    """Per measured person and month (person_id, m) with any row of `_window_rows` in its
    window: the last day of the counted offers (`last_offer_day`, before the month's end is
    applied), the work hours and the exempt days in the window.

    One equi-join on the person with the window as a residual filter, then one aggregate."""
    cal = calendar.select("m", "last_day", "window_days")
    pop = population.select("person_id", "m", "benefit").join(cal, "m")
    j = pop.join(rows, "person_id")
    j = j.filter((j.first_m <= j.m) & (j.m <= j.last_m) & counts_for(j.allowed, j.benefit))
    window_first = j.last_day - j.window_days + 1
    in_window = ibis.least(j.ex_end, j.last_day) - ibis.greatest(j.ex_start, window_first) + 1
    return j.group_by(["person_id", "m"]).aggregate(
        last_offer_day=j.last_offer_day.max(),
        work_hours=j.hours.sum(),
        exempt_days=ibis.ifelse(j.ex_start.isnull(), ibis.null("int64"), in_window).sum(),
    )


def person_measures(
    population: ir.Table,
    offers: ir.Table,
    employment: ir.Table,
    exemption: ir.Table,
    conversations: ir.Table,
    calendar: ir.Table,
) -> ir.Table:
    """Each measured person and month with what they have in the 12-month window.

    `offers`, `employment` and `exemption` are the rows of `offer_windows`,
    `employment_windows` and `exemption_windows`; `conversations` is keyed by (person_id,
    measure_m)."""
    keys = ["person_id", "m"]
    windows = _in_window(population, _window_rows(offers, employment, exemption), calendar)
    talks = conversations.select(
        "person_id", "conversations", "last_conversation_day", m="measure_m"
    )
    j = population.left_join(windows, keys).drop("person_id_right", "m_right")
    j = j.left_join(talks, keys).drop("person_id_right", "m_right")
    cal = calendar.select(
        "m", "min_conversations", "last_day", "window_days", "employment_threshold",
        "exemption_num", "exemption_den",
    )  # fmt: skip
    j = j.join(cal, "m")
    work_offer = (j.work_hours >= j.employment_threshold).fill_null(False)
    exempt = j.exempt_days * j.exemption_den >= j.exemption_num * j.window_days
    talked = j.conversations.fill_null(0)
    return j.select(
        "person_id", "m", "municipality_code", "benefit", "spell_start", "min_conversations",
        exempt=exempt.fill_null(False),
        has_offer=j.last_offer_day.notnull() | work_offer,
        last_offer_day=ibis.ifelse(
            j.last_offer_day.isnull(), j.last_offer_day, ibis.least(j.last_offer_day, j.last_day)
        ),
        work_hours=j.work_hours.fill_null(0),
        conversations=talked,
        conversations_met=talked >= j.min_conversations,
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


def _changes(t: ir.Table, a: str, b: str, halves: ir.Table) -> ir.Table:
    """Per municipality and half-year, from the day intervals [a, b] of `t`: `opened`, the
    rows starting less those ending in it (a row ends the day after b), and `dayweight`, the
    days from each such change to the half-year's end, signed."""
    starts = t.select("municipality_code", day=t[a], step=ibis.literal(1, "int64"))
    ends = t.select("municipality_code", day=t[b] + 1, step=ibis.literal(-1, "int64"))
    # each day's half-year by an equi-join on the day (a few thousand days)
    days = halves.mutate(day=ibis.range(halves.hy_first, halves.hy_last + 1).unnest())
    j = starts.union(ends).join(days, "day")
    return j.group_by(["municipality_code", "hy"]).aggregate(
        opened=j.step.sum(), dayweight=(j.step * (j.hy_last - j.day + 1)).sum()
    )


def _holding(t: ir.Table) -> ir.Table:
    """Per municipality and half-year: rows whose months start_m..end_m begin there, less
    those whose months ended in the half-year before."""
    starts = t.select("municipality_code", hy=t.start_m // 6, step=ibis.literal(1, "int64"))
    ends = t.select("municipality_code", hy=t.end_m // 6 + 1, step=ibis.literal(-1, "int64"))
    changes = starts.union(ends)
    return changes.group_by(["municipality_code", "hy"]).aggregate(held=changes.step.sum())


def _by_half_year(t: ir.Table, halves: ir.Table, a: str, b: str, name: str) -> ir.Table:
    """Sum, per municipality and half-year, the days of [a, b] of each row (rows carry the
    months start_m..end_m that hold them; a half-year has a sum when a row's months reach it).

    Without spreading rows over half-years: the days in a half-year are the rows open at its
    start times its length, plus the signed days from each start or end inside it to its end."""
    held = _holding(t)
    grid = held.select("municipality_code").distinct().cross_join(halves)
    keys = ["municipality_code", "hy"]
    g = grid.left_join(held, keys).drop("municipality_code_right", "hy_right")
    g = g.left_join(_changes(t, a, b, halves), keys).drop("municipality_code_right", "hy_right")
    before = ibis.window(group_by="municipality_code", order_by="hy", rows=(None, -1))
    upto = ibis.window(group_by="municipality_code", order_by="hy", rows=(None, 0))
    g = g.mutate(
        open_rows=g.opened.sum().over(before).fill_null(0),
        holding=g.held.sum().over(upto).fill_null(0),
    )
    days = (g.hy_last - g.hy_first + 1) * g.open_rows + g.dayweight.fill_null(0)
    return g.filter(g.holding > 0).select(*keys, **{name: days})


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
