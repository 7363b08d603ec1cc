"""Intermediate: what each person has in the 12-month window ending with month M.

Offers, ordinary work hours, exemptions and counted conversations, each keyed by (person_id,
measure_m), the measured month M. An event in month m lies in the windows of M = m .. m + 11.
"""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import (
    EPOCH,
    WINDOW_MONTHS,
    day_number,
    first_day,
    month_index,
)
from effekt.monitoring.engine.frames import clip, merge_touching
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import Span, residence_on
from effekt.monitoring.engine.staging import OPEN_DAY, OPEN_MONTH


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


def employment_windows(employment: ir.Table, span: Span) -> ir.Table:
    """(person_id, first_m, last_m, hours): hundredths of ordinary work hours of a month m,
    which lie in the windows of the measured months m .. m + 11 (the thresholds are the
    measured month's)."""
    e = employment.filter(employment.m.between(span.start - WINDOW_MONTHS + 1, span.end))
    return e.select("person_id", first_m=e.m, last_m=e.m + WINDOW_MONTHS - 1, hours=e.hours)


def exemption_windows(exemptions: ir.Table, span: Span) -> ir.Table:
    """(person_id, first_m, last_m, start_day, end_day): exemptions merged per person, each
    with the measured months whose window it touches (the days in a window are counted from
    its first and last day)."""
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


def _offer_spells(counted: ir.Table, persons: ir.Table) -> ir.Table:
    """(person_id, allowed, start_day, end_day) of the counted offers of `persons`."""
    counted = counted.semi_join(persons, "person_id")
    return counted.select("person_id", "allowed", "start_day", "end_day")


def _in_windows(conv: ir.Table, population: ir.Table) -> ir.Table:
    """Conversations of measured persons in a month that some measured month's window holds:
    from 11 months before the person's first measured month to the last."""
    p = population.group_by("person_id").aggregate(
        first_m=population.m.min(), last_m=population.m.max()
    )
    on = [
        conv.person_id == p.person_id,
        conv.m >= p.first_m - (WINDOW_MONTHS - 1),
        conv.m <= p.last_m,
    ]
    return conv.semi_join(p, on)


def _alive(conv: ir.Table, dead: ir.Table) -> ir.Table:
    """Conversations outside every dead period (those in one never count)."""
    d = dead.select("person_id", "start_day", "end_day")
    on = [conv.person_id == d.person_id, d.start_day <= conv.day, conv.day <= d.end_day]
    return conv.anti_join(d, on)


def _status_days(conv: ir.Table, residence: ir.Table, status: ir.Table) -> ir.Table:
    """(person_id, day, status) for conversations in a frikommune/forsøgskommune that day."""
    # only persons who ever lived in a municipality with a status can have a status day: their
    # residence rows (all of them, the latest move wins) are the only ones joined; residence_on
    # keeps one row per (person_id, m, day), so a day's conversations count once
    places = residence.semi_join(status.select("municipality_code"), "municipality_code")
    lived = residence.semi_join(places.select("person_id"), "person_id")
    located = residence_on(conv.select("person_id", "m", "day"), "day", lived)
    s = status.select("municipality_code", "status", s_from="start_day", s_to="end_day")
    j = located.join(s, "municipality_code")
    j = j.filter((j.s_from <= j.day) & (j.day <= j.s_to))
    return j.select("person_id", "day", "status")


def _status_rule(t: ir.Table, rules: Rules) -> ir.BooleanValue:
    rule = ibis.literal(False)
    for status, forms in rules.status_forms.items():
        held = rules.status_held_by.get(status)
        ok = (t.status == status) & (t.kind == "jobsamtale") & t.form.isin(forms)
        rule = rule | (ok & t.held_by.isin(held) if held else ok)
    return rule.fill_null(False)


def _flagged(conv: ir.Table, offers: ir.Table, statuses: ir.Table, rules: Rules) -> ir.Table:
    """Conversations, once per counted offer and status holding their day, with `allowed` (the
    offer's benefits; null when in no offer or one counting for all), `base` (counted whatever
    benefit the person is measured on) and `general` (held by the jobcentre or another actor,
    not by an a-kasse)."""
    on = [
        conv.person_id == offers.person_id,
        offers.start_day <= conv.day,
        conv.day <= offers.end_day,
    ]
    c = conv.left_join(offers, on)
    in_offer = c.start_day.notnull() & c.allowed.isnull()
    c = c.select(*conv.columns, "allowed", in_offer=in_offer)
    c = c.left_join(statuses, ["person_id", "day"]).drop("person_id_right", "day_right")
    general = c.held_by.isin(rules.general_held_by)
    in_person_or_offer = c.form.isin(rules.always_forms) | c.in_offer
    base = (general & in_person_or_offer) | _status_rule(c, rules)
    return c.mutate(base=base, general=general)


# a variant's counted days in a month (at most 31) take 5 bits of a packed count; a packed
# count holds 12 variants (60 bits), and more variants take more packed counts
BITS = 5
MASK = (1 << BITS) - 1
PER_COUNT = 12


def _packed(i: int) -> tuple[str, int]:
    """The packed-count column of variant `i` and the shift of its bits there."""
    return f"counts{i // PER_COUNT}", BITS * (i % PER_COUNT)


def _monthly(c: ir.Table, variants: list[str]) -> ir.Table:
    """(person_id, m, counts<k>, l<i>): the counted days in month m of every variant i packed
    into integers (`_packed`), and the last counted day of each variant."""
    flags = {}
    for i, variant in enumerate(variants):
        benefit = ibis.literal(variant)
        in_restricted = c.general & c.allowed.notnull() & counts_for(c.allowed, benefit)
        counts = c.base | in_restricted | _by_benefit(c, variant)
        flags[f"c{i}"] = ibis.ifelse(counts, 1 << _packed(i)[1], 0).max()
    days = c.group_by(["person_id", "m", "day"]).aggregate(**flags)
    columns: dict[str, ir.IntegerValue] = {}
    for i in range(len(variants)):
        name = _packed(i)[0]
        columns[name] = columns[name] + days[f"c{i}"] if name in columns else days[f"c{i}"]
    days = days.mutate(**columns)
    # a day counted for no variant changes nothing
    days = days.filter(ibis.or_(*[days[name] > 0 for name in columns]))
    return days.group_by(["person_id", "m"]).aggregate(
        **{name: days[name].sum().cast("int64") for name in columns},
        **{
            f"l{i}": ibis.ifelse(days[f"c{i}"] > 0, days.day, ibis.null("int64")).max()
            for i in range(len(variants))
        },
    )


# a year of a person's months in one row per variant: the counted days of month t (0 for
# January) in 5 bits at 5 t of `n<i>`, the last counted day as its day of the year (at most
# 366) in 9 bits at 9 (t % 6) of `a<i>` (January to June) or `b<i>` (July to December)
DAY_BITS = 9
HALF = WINDOW_MONTHS // 2


def _new_year(year: ir.IntegerValue) -> ir.IntegerValue:
    """The day number of 1 January of `year` (Gregorian: the days of the years before it)."""
    p = year - 1
    return 365 * p + p // 4 - p // 100 + p // 400 - (EPOCH.toordinal() - 1)


def _yearly(monthly: ir.Table, variants: list[str]) -> ir.Table:
    """(person_id, year, first, n<i>, a<i>, b<i>): each person's months of a year packed, with
    the day number of its 1 January (`first`)."""
    t = monthly.mutate(year=monthly.m // WINDOW_MONTHS, t=monthly.m % WINDOW_MONTHS)
    t = t.mutate(first=_new_year(t.year))
    # DuckDB sums 64-bit integers into 128 bits: the packed sums are cast back (no null sum)
    sums = {}
    for i in range(len(variants)):
        name, shift = _packed(i)
        sums[f"n{i}"] = (((t[name] >> shift) & MASK) << (BITS * t.t)).sum().cast("!int64")
        day = (t[f"l{i}"] - t.first + 1).fill_null(0)
        half = DAY_BITS * (t.t % HALF)
        sums[f"a{i}"] = ibis.ifelse(t.t < HALF, day << half, 0).sum().cast("!int64")
        sums[f"b{i}"] = ibis.ifelse(t.t < HALF, 0, day << half).sum().cast("!int64")
    return t.group_by(["person_id", "year", "first"]).aggregate(**sums)


def _last(part: ir.IntegerValue, a: ir.IntegerValue, b: ir.IntegerValue) -> ir.IntegerValue:
    """The day of the year of the last counted day of the latest month with counted days in
    `part` (null when none), from the days of the year in `a` and `b`."""
    cases = []
    for t in reversed(range(WINDOW_MONTHS)):
        days = a if t < HALF else b
        day = (days >> (DAY_BITS * (t % HALF))) & ((1 << DAY_BITS) - 1)
        cases.append((((part >> (BITS * t)) & MASK) > 0, day))
    return ibis.cases(*cases, else_=ibis.null("int64"))


def _windows(population: ir.Table, monthly: ir.Table, variants: list[str]) -> ir.Table:
    """Each person-month M of `population` with the counted days of the months M - 11 .. M
    (and the last of them) for the variant of its benefit.

    The months M - 11 .. M lie in the year of M (its months up to M) and the year before (its
    months after M's): a join of each person-month with at most two packed years
    (`_yearly`), then a sum per person-month. No join with the single months, no spreading."""
    last = len(variants) - 1
    own = list(enumerate(variants[:-1]))
    variant = ibis.cases(*[(population.benefit == v, i) for i, v in own], else_=last)
    pop = population.select(
        "person_id",
        measure_m="m",
        variant=variant.cast("int8"),
        in_year=population.m // WINDOW_MONTHS,
        # the months up to M in M's year are the bits below `above`
        above=BITS * (population.m % WINDOW_MONTHS + 1),
    )
    years = _yearly(monthly, variants)
    on = [pop.person_id == years.person_id, years.year.between(pop.in_year - 1, pop.in_year)]
    j = pop.join(years, on)

    def pick(prefix: str) -> ir.IntegerValue:
        cases = [(j.variant == i, j[f"{prefix}{i}"]) for i in range(last)]
        return ibis.cases(*cases, else_=j[f"{prefix}{last}"])

    j = j.select(
        "person_id",
        "measure_m",
        "first",
        own=j.year == j.in_year,
        above="above",
        n=pick("n"),
        a=pick("a"),
        b=pick("b"),
    )
    # the months up to M in M's year, the months after M in the year before (shifts of the
    # 64-bit counts: Spark shifts a 32-bit 1 modulo 32)
    later = (j.n >> j.above) << j.above
    j = j.mutate(part=ibis.ifelse(j.own, j.n - later, later))
    days = sum(((j.part >> (BITS * t)) & MASK) for t in range(WINDOW_MONTHS))
    day = j.first - 1 + _last(j.part, j.a, j.b)
    picked = j.select("person_id", "measure_m", n=days, l=day)
    return picked.group_by(["person_id", "measure_m"]).aggregate(
        conversations=picked.n.sum(), last_conversation_day=picked.l.max()
    )


def conversation_windows(
    conversations: ir.Table,
    population: ir.Table,
    counted: ir.Table,
    dead: ir.Table,
    residence: ir.Table,
    status: ir.Table,
    rules: Rules,
) -> ir.Table:
    """(person_id, measure_m, conversations, last_conversation_day): counted days in the
    window, judged by the benefit the person is measured on in month M (the population's
    months bound the conversations)."""
    c = _alive(_in_windows(conversations, population), dead)
    offers = _offer_spells(counted, c.select("person_id").distinct())
    flagged = _flagged(c, offers, _status_days(c, residence, status), rules)
    variants = _variants(rules)
    windows = _windows(population, _monthly(flagged, variants), variants)
    return windows.filter(windows.conversations > 0)


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
