"""Intermediate: what each person has in the 12-month window ending with month M.

Offers, ordinary work hours, exemptions and counted conversations, each keyed by (person_id,
measure_m), the measured month M. An event in month m lies in the windows of M = m .. m + 11.
"""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import WINDOW_MONTHS, day_number, first_day, month_index
from effekt.monitoring.engine.frames import by_month, clip, merge_touching
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import Span, residence_on
from effekt.monitoring.engine.staging import OPEN_DAY, OPEN_MONTH

KEYS = ["person_id", "m"]


def _in_window(t: ir.Table, span: Span) -> ir.Table:
    """Rows spread to the measured months M whose window holds their month `m`."""
    spread = t.mutate(measure_m=ibis.range(t.m, t.m + WINDOW_MONTHS).unnest())
    return spread.filter(spread.measure_m.between(span.start, span.end))


def _allowed(t: ir.Table, rules: Rules) -> ir.StringValue:
    """`|b1|b2|` listing the main benefits an offer counts for; null when it counts for all."""
    cases = [(t.offer == code, "|" + "|".join(b) + "|") for code, b in rules.offer_only_for.items()]
    return ibis.cases(*cases, else_=ibis.null("string")) if cases else ibis.null("string")


def counts_for(allowed: ir.StringValue, benefit: ir.StringValue) -> ir.BooleanValue:
    """Whether an offer with `allowed` counts for a person on main benefit `benefit`."""
    return allowed.isnull() | allowed.contains("|" + benefit.fill_null("") + "|")


def counted_offers(offers: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Offers on the days they count (mentor cut at its last day), with `allowed`."""
    o = offers.filter(offers.offer.isin(rules.counted_offers))
    until = rules.offer_counts_until
    last_day = ibis.cases(
        *[(o.offer == c, day_number(d)) for c, d in until.items()], else_=OPEN_DAY
    )
    last_m = ibis.cases(
        *[(o.offer == c, month_index(d.year, d.month)) for c, d in until.items()], else_=OPEN_MONTH
    )
    o = o.mutate(
        end_day=ibis.least(o.end_day, last_day),
        end_m=ibis.least(o.end_m, last_m),
        allowed=_allowed(o, rules),
    )
    return clip(o, span.start - WINDOW_MONTHS + 1, span.end, _window_first_day(span), span.end_day)


def _window_first_day(span: Span) -> int:
    m = span.start - WINDOW_MONTHS + 1
    return day_number(first_day(m))


def offer_windows(counted: ir.Table, span: Span) -> ir.Table:
    """(person_id, first_m, last_m, allowed, last_offer_day): each counted offer with the
    measured months M whose window it touches (an offer in months start_m..end_m lies in the
    windows of start_m .. end_m + 11)."""
    return counted.select(
        "person_id",
        first_m=counted.start_m,
        last_m=counted.end_m + WINDOW_MONTHS - 1,
        allowed="allowed",
        last_offer_day="end_day",
    )


def employment_windows(employment: ir.Table, calendar: ir.Table, span: Span) -> ir.Table:
    """(person_id, first_m, last_m, hours): hundredths of ordinary work hours of a month m,
    which lie in the windows of the measured months m .. m + 11 (`calendar` is not needed:
    the thresholds are the measured month's)."""
    e = employment.filter(employment.m.between(span.start - WINDOW_MONTHS + 1, span.end))
    return e.select("person_id", first_m=e.m, last_m=e.m + WINDOW_MONTHS - 1, hours=e.hours)


def exemption_windows(exemptions: ir.Table, calendar: ir.Table, span: Span) -> ir.Table:
    """(person_id, first_m, last_m, start_day, end_day): exemptions merged per person, each
    with the measured months whose window it touches (`calendar` is not needed: the days in
    a window are counted from its first and last day)."""
    lo_m = span.start - WINDOW_MONTHS + 1
    merged = merge_touching(
        clip(exemptions, lo_m, span.end, _window_first_day(span), span.end_day), ["person_id"]
    )
    return merged.select(
        "person_id",
        "start_day",
        "end_day",
        first_m=merged.start_m,
        last_m=merged.end_m + WINDOW_MONTHS - 1,
    )


def _offer_days(conv: ir.Table, counted: ir.Table, calendar: ir.Table) -> ir.Table:
    """(person_id, day, allowed) for conversation days inside a counted offer."""
    counted = counted.semi_join(conv.select("person_id").distinct(), "person_id")
    monthly = by_month(counted, calendar, ["person_id", "allowed"])
    days = conv.select("person_id", "m", "day").distinct()
    j = days.join(monthly.select("person_id", "m", "allowed", "in_start", "in_end"), KEYS)
    j = j.filter((j.in_start <= j.day) & (j.day <= j.in_end))
    return j.select("person_id", "day", "allowed").distinct()


def _dead_days(conv: ir.Table, dead: ir.Table) -> ir.Table:
    """(person_id, day) of conversation days in a dead period."""
    days = conv.select("person_id", "day").distinct()
    j = days.join(dead.select("person_id", "start_day", "end_day"), "person_id")
    j = j.filter((j.start_day <= j.day) & (j.day <= j.end_day))
    return j.select("person_id", "day").distinct()


def _status_days(conv: ir.Table, residence: ir.Table, status: ir.Table) -> ir.Table:
    """(person_id, day, status) for conversations in a frikommune/forsøgskommune that day."""
    # only persons who ever lived in a municipality with a status can have a status day
    places = residence.semi_join(status.select("municipality_code"), "municipality_code")
    days = conv.select("person_id", "m", "day").distinct()
    days = days.semi_join(places.select("person_id"), "person_id")
    located = residence_on(days, "day", residence)
    s = status.select("municipality_code", "status", s_from="start_day", s_to="end_day")
    j = located.join(s, "municipality_code")
    j = j.filter((j.s_from <= j.day) & (j.day <= j.s_to))
    return j.select("person_id", "day", "status").distinct()


def _status_rule(t: ir.Table, rules: Rules) -> ir.BooleanValue:
    rule = ibis.literal(False)
    for status, forms in rules.status_forms.items():
        held = rules.status_held_by.get(status)
        ok = (t.status == status) & (t.kind == "jobsamtale") & t.form.isin(forms)
        rule = rule | (ok & t.held_by.isin(held) if held else ok)
    return rule.fill_null(False)


def _flagged(conv: ir.Table, tables: dict[str, ir.Table], rules: Rules) -> ir.Table:
    """Conversations with `base` (counted whatever benefit the person is measured on) and
    `general` (held by the jobcentre or another actor, not by an a-kasse)."""
    open_offers = tables["offer_days"].filter(lambda t: t.allowed.isnull())
    c = conv.left_join(open_offers.select("person_id", "day", in_offer=True), ["person_id", "day"])
    c = c.drop("person_id_right", "day_right")
    c = c.left_join(tables["dead_days"].mutate(dead=True), ["person_id", "day"])
    c = c.drop("person_id_right", "day_right")
    statuses = tables["status_days"]
    c = c.left_join(statuses, ["person_id", "day"]).drop("person_id_right", "day_right")
    general = c.held_by.isin(rules.general_held_by)
    in_person_or_offer = c.form.isin(rules.always_forms) | c.in_offer.fill_null(False)
    base = (general & in_person_or_offer) | _status_rule(c, rules)
    return c.mutate(base=base, general=general, dead=c.dead.fill_null(False))


def conversation_windows(
    conversations: ir.Table,
    population: ir.Table,
    counted: ir.Table,
    dead: ir.Table,
    residence: ir.Table,
    status: ir.Table,
    calendar: ir.Table,
    rules: Rules,
    span: Span,
) -> ir.Table:
    """(person_id, measure_m, conversations, last_conversation_day): counted days in the
    window, judged by the benefit the person is measured on in month M."""
    lo = span.start - WINDOW_MONTHS + 1
    c = conversations.filter(conversations.m.between(lo, span.end))
    c = c.semi_join(population.select("person_id").distinct(), "person_id")
    offer_days = _offer_days(c, counted, calendar)
    tables = {
        "offer_days": offer_days,
        "dead_days": _dead_days(c, dead),
        "status_days": _status_days(c, residence, status),
    }
    restricted = offer_days.filter(offer_days.allowed.notnull())
    c = _flagged(c, tables, rules).left_join(restricted, ["person_id", "day"])
    c = c.drop("person_id_right", "day_right")
    variants = _variants(rules)
    flags = {}
    for i, variant in enumerate(variants):
        benefit = ibis.literal(variant)
        in_restricted = c.general & c.allowed.notnull() & counts_for(c.allowed, benefit)
        counts = ~c.dead & (c.base | in_restricted | _by_benefit(c, variant))
        flags[f"c{i}"] = ibis.ifelse(counts, 1, 0).max()
    days = c.group_by(["person_id", "m", "day"]).aggregate(**flags)
    monthly = days.group_by(["person_id", "m"]).aggregate(
        **{f"n{i}": days[f"c{i}"].sum() for i in range(len(variants))},
        **{
            f"l{i}": ibis.ifelse(days[f"c{i}"] == 1, days.day, ibis.null("int64")).max()
            for i in range(len(variants))
        },
    )
    spread = _in_window(monthly, span)
    windows = spread.group_by(["person_id", "measure_m"]).aggregate(
        **{f"n{i}": spread[f"n{i}"].sum() for i in range(len(variants))},
        **{f"l{i}": spread[f"l{i}"].max() for i in range(len(variants))},
    )
    pop = population.select("person_id", "benefit", measure_m="m")
    j = pop.join(windows, ["person_id", "measure_m"])
    index = ibis.cases(
        *[(j.benefit == v, i) for i, v in enumerate(variants[:-1])], else_=len(variants) - 1
    )
    pick_n = ibis.cases(*[(index == i, j[f"n{i}"]) for i in range(len(variants))])
    pick_l = ibis.cases(*[(index == i, j[f"l{i}"]) for i in range(len(variants))])
    picked = j.select("person_id", "measure_m", conversations=pick_n, last_conversation_day=pick_l)
    return picked.filter(picked.conversations > 0)


def _variants(rules: Rules) -> list[str]:
    """Benefits with their own conversation rules, then "" for every other benefit."""
    own = ["sygedagpenge", "dagpenge"]
    for benefits in rules.offer_only_for.values():
        own += [b for b in benefits if b not in own]
    return [*own, ""]


def _by_benefit(c: ir.Table, benefit: str) -> ir.BooleanValue:
    """Conversations that count only for persons measured on `benefit`."""
    if benefit == "sygedagpenge":
        return c.general & (c.kind == "sygeopfoelgning")
    if benefit == "dagpenge":
        return (c.kind == "faellessamtale") | (
            (c.kind == "jobsamtale") & (c.held_by == "akasse") & c.akasse_experiment
        )
    return ibis.literal(False)
