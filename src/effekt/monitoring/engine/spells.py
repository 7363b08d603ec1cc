"""Intermediate: benefit days, main benefit per person-month, and the measured population.

Every function is a pure function from Ibis tables to an Ibis table. Seniority (how long the
spell on the main benefit has lasted) is in `seniority.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import day_number, first_day
from effekt.monitoring.engine.frames import clip, merge_touching
from effekt.monitoring.engine.parameters import Rules


@dataclass(frozen=True)
class Span:
    """The months the engine works on: history from `lo`, measures from `start` to `end`."""

    lo: int
    start: int
    end: int
    lo_day: int
    end_day: int


def benefit_intervals(benefits: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Benefit intervals that count: not supplementary, renamed by `counts_as`, cut at the end."""
    counted = benefits.filter(~benefits.supplementary)
    if rules.counts_as:
        renamed = ibis.cases(
            *[(counted.benefit == b, a) for b, a in rules.counts_as.items()], else_=counted.benefit
        )
        counted = counted.mutate(benefit=renamed)
    return clip(counted, span.lo, span.end, span.lo_day, span.end_day)


def benefit_islands(intervals: ir.Table) -> ir.Table:
    """Overlapping or adjacent intervals of each benefit merged, per person."""
    return merge_touching(intervals, ["person_id", "benefit"]).drop("island")


def _whole_months(cut: ir.Table, calendar: ir.Table) -> ir.Table:
    """The months strictly inside each interval of `cut`, which it covers whole."""
    inner = cut.mutate(m=ibis.range(cut.start_m + 1, cut.end_m).unnest())
    j = inner.join(calendar.select("m", "first_day", "last_day", "days"), "m")
    return j.select(
        "person_id", "benefit", "m", in_start="first_day", in_end="last_day", days="days"
    )


def _end_months(cut: ir.Table, calendar: ir.Table) -> ir.Table:
    """The first and last month of each interval of `cut`, where two intervals of a benefit
    may meet: one row per benefit and month with their days added up."""
    ends = cut.mutate(m=cut.start_m).union(cut.filter(cut.end_m > cut.start_m).mutate(m=cut.end_m))
    j = ends.join(calendar.select("m", "first_day", "last_day"), "m")
    j = j.mutate(
        in_start=ibis.greatest(j.start_day, j.first_day), in_end=ibis.least(j.end_day, j.last_day)
    )
    return j.group_by(["person_id", "benefit", "m"]).aggregate(
        in_start=j.in_start.min(), in_end=j.in_end.max(), days=(j.in_end - j.in_start + 1).sum()
    )


def benefit_pieces(islands: ir.Table, calendar: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Merged intervals of each benefit cut into months, one row per benefit and month with
    its first and last day there (in_start, in_end) and its days, in the measured months
    `span.start`..`span.end` where the main benefit may be measured.

    Measured benefits give all their months; other benefits, which only compete with them,
    give the months from the person's first to last month with a measured benefit. A month in
    between without a measured benefit then holds other benefits only, and `main_benefit`
    leaves it out."""
    first = day_number(first_day(span.start))
    cut = clip(islands, span.start, span.end, first, span.end_day)
    cut = cut.select("person_id", "benefit", "start_day", "end_day", "start_m", "end_m")
    measured = cut.filter(cut.benefit.isin(rules.measured))
    reach = measured.group_by("person_id").aggregate(
        lo_m=measured.start_m.min(), hi_m=measured.end_m.max()
    )
    others = cut.filter(~cut.benefit.isin(rules.measured)).join(reach, "person_id")
    others = others.select(
        "person_id",
        "benefit",
        "start_day",
        "end_day",
        start_m=ibis.greatest(others.start_m, others.lo_m),
        end_m=ibis.least(others.end_m, others.hi_m),
    ).filter(lambda t: t.start_m <= t.end_m)
    both = measured.union(others)
    return _whole_months(both, calendar).union(_end_months(both, calendar))


def benefit_days(pieces: ir.Table) -> ir.Table:
    """Days on each benefit per person and month, and the last such day (`last_in_m`)."""
    return pieces.select("person_id", "m", "benefit", "days", last_in_m="in_end")


def dead_islands(exemptions: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Merged dead periods (barsel, opfølgning uden kontakt) per person."""
    dead = exemptions.filter(exemptions.reason.isin(rules.dead_reasons))
    return merge_touching(clip(dead, span.lo, span.end, span.lo_day, span.end_day), ["person_id"])


def _priority(benefit: ir.StringValue, rules: Rules) -> ir.IntegerValue:
    """The benefit's place in the rules' order (measured first); unlisted benefits last."""
    order = rules.measured + rules.unmeasured
    return ibis.cases(*[(benefit == b, i) for i, b in enumerate(order)], else_=len(order))


# the low 32 bits of a rank hold the day number `last_in_m` (shifted to be non-negative)
DAY_BITS = 32
DAY_SHIFT = 2**31


def _place_bits(rules: Rules) -> int:
    """Bits that hold a place in the rules' order, unlisted benefits' place included."""
    return (len(rules.measured) + len(rules.unmeasured)).bit_length()


def _rank(days: ir.Table, rules: Rules) -> ir.IntegerValue:
    """A non-negative integer per row of `days`, largest for the main benefit of the month:
    most days, then the earliest place in the rules' order (bit-inverted in the next
    `_place_bits`); it also carries the row's `last_in_m` in the low `DAY_BITS`."""
    bits = _place_bits(rules)
    order = days.days * 2**bits + (2**bits - 1 - _priority(days.benefit, rules))
    return order * 2**DAY_BITS + (days.last_in_m + DAY_SHIFT)


def main_benefit(days: ir.Table, rules: Rules) -> ir.Table:
    """Per person and month the benefit with most days, ties by the order of the rules, where
    that benefit is a measured one (the only months the measures use).

    A hash aggregate of the largest `_rank` per person-month (`top`), then unpacked with
    shifts and masks."""
    bits = _place_bits(rules)
    best = days.group_by(["person_id", "m"]).aggregate(top=_rank(days, rules).max())
    order = best.top >> DAY_BITS
    best = best.mutate(inverted=order & (2**bits - 1), order=order)
    # a measured benefit's place i is stored as 2**bits - 1 - i
    best = best.filter(best.inverted >= 2**bits - len(rules.measured))
    return best.select(
        "person_id",
        "m",
        benefit=ibis.cases(
            *[(best.inverted == 2**bits - 1 - i, b) for i, b in enumerate(rules.measured)]
        ),
        days=(best.order >> bits).cast(days.days.type()),
        last_in_m=((best.top & (2**DAY_BITS - 1)) - DAY_SHIFT).cast(days.last_in_m.type()),
    )


def _pension_months(birth_day: ir.IntegerValue, rules: Rules) -> ir.IntegerValue:
    cases = []
    for born_from, born_to, months in rules.pension_ages:
        cond = ibis.literal(True)
        if born_from is not None:
            cond = cond & (birth_day >= day_number(born_from))
        if born_to is not None:
            cond = cond & (birth_day <= day_number(born_to))
        cases.append((cond, months))
    return ibis.cases(*cases, else_=0)


def of_age(persons: ir.Table, m: ir.IntegerValue, rules: Rules) -> ir.BooleanValue:
    """From the month of the 16th birthday to before the month of the state pension age."""
    age = m - persons.birth_m
    return (age >= 16 * 12) & (age < _pension_months(persons.birth_day, rules))


def _latest(residence: ir.Table) -> ir.IntegerValue:
    """An integer per residence row, larger for the row that wins a day: the later
    `moved_in`, then the lower (three-digit) municipality code, which it also carries."""
    return residence.moved_in * 1000 + (999 - residence.municipality_code.cast("int64"))


def _code_of(latest: ir.IntegerValue) -> ir.StringValue:
    """The three-digit municipality code carried by `_latest`."""
    code = 999 - (latest - latest // 1000 * 1000)
    return code.cast("string").lpad(3, "0")


def residence_on(rows: ir.Table, day: str, residence: ir.Table) -> ir.Table:
    """`rows` (person_id, `day`, ...; no two alike) with the municipality lived in on `day`; of
    two residence rows holding the day, the one starting last (`moved_in`) wins, then the
    lower code.

    `residence` holds intervals (start_day, end_day): an equi-join on the person's few rows,
    then the winner per row of `rows` by a hash aggregate of `_latest`."""
    r = residence.select("person_id", r_from="start_day", r_to="end_day", r_key=_latest(residence))
    joined = rows.join(r, "person_id")
    joined = joined.filter((joined.r_from <= joined[day]) & (joined[day] <= joined.r_to))
    best = joined.group_by(list(rows.columns)).aggregate(r_key=joined.r_key.max())
    return best.select(*rows.columns, municipality_code=_code_of(best.r_key))


def population(
    senior: ir.Table, persons: ir.Table, residence: ir.Table, rules: Rules, span: Span
) -> ir.Table:
    """The measured population: person, month, municipality, main benefit, spell start.

    `senior` holds the main benefit's spell per person-month with `long_enough`.
    """
    measured = senior.filter(senior.long_enough & senior.m.between(span.start, span.end))
    aged = measured.join(persons.select("person_id", "birth_day", "birth_m"), "person_id")
    aged = aged.filter(of_age(aged, aged.m, rules))
    aged = aged.select("person_id", "m", "benefit", "spell_start", "last_in_m")
    located = residence_on(aged, "last_in_m", residence)
    return located.select(
        "person_id", "m", "municipality_code", "benefit", "spell_start", "last_in_m"
    )
