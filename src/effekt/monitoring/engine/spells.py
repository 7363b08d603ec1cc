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


def _competing(islands: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Merged intervals cut to the measured months `span.start`..`span.end`: measured benefits
    with all their months; other benefits, which only compete with them, with the months from
    the person's first to last month with a measured benefit."""
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
    return measured.union(others)


def _holders(intervals: ir.Table) -> ir.Table:
    """The person's months cut into ranges `s`..`e` that the same intervals hold, with how many
    hold them (`n`): each range joined with each interval holding it.

    A range starts at every month where an interval starts or the month after one ends (a
    running sum of +1/-1 per person, ordered by month)."""
    one = ibis.literal(1, "int64")
    starts = intervals.select("person_id", m=intervals.start_m, step=one)
    ends = intervals.select("person_id", m=intervals.end_m + 1, step=-one)
    events = starts.union(ends)
    steps = events.group_by(["person_id", "m"]).aggregate(step=events.step.sum())
    upto = ibis.window(group_by="person_id", order_by="m", rows=(None, 0))
    after = ibis.window(group_by="person_id", order_by="m")
    ranges = steps.select(
        "person_id", s="m", e=steps.m.lead().over(after) - 1, n=steps.step.sum().over(upto)
    ).filter(lambda t: t.n > 0)
    on = [
        ranges.person_id == intervals.person_id,
        intervals.start_m <= ranges.s,
        ranges.e <= intervals.end_m,
    ]
    j = ranges.join(intervals, on)
    return j.select("person_id", "benefit", "start_day", "end_day", "s", "e", "n")


def _in_month(j: ir.Table) -> ir.Table:
    """Rows of `_holders` with a month `m` and its calendar days: their interval's first and
    last day in the month (in_start, in_end) and its days."""
    in_start = ibis.greatest(j.start_day, j.first_day)
    in_end = ibis.least(j.end_day, j.last_day)
    return j.select(
        "person_id", "benefit", "m", in_start=in_start, in_end=in_end, days=in_end - in_start + 1
    )


def _all_months(held: ir.Table, calendar: ir.Table) -> ir.Table:
    """Each row of `_holders` cut into its months `s`..`e` (`_in_month`)."""
    months = held.mutate(m=ibis.range(held.s, held.e + 1).unnest())
    return _in_month(months.join(calendar.select("m", "first_day", "last_day"), "m"))


def _edge_months(held: ir.Table, calendar: ir.Table) -> ir.Table:
    """The first and last month of each row of `_holders` (`_in_month`)."""
    edges = held.mutate(m=held.s).union(held.filter(held.e > held.s).mutate(m=held.e))
    return _in_month(edges.join(calendar.select("m", "first_day", "last_day"), "m"))


def _priority(benefit: ir.StringValue, rules: Rules) -> ir.IntegerValue:
    """The benefit's place in the rules' order (measured first); unlisted benefits last."""
    order = rules.measured + rules.unmeasured
    return ibis.cases(*[(benefit == b, i) for i, b in enumerate(order)], else_=len(order))


def _place_bits(rules: Rules) -> int:
    """Bits that hold a place in the rules' order, unlisted benefits' place included."""
    return (len(rules.measured) + len(rules.unmeasured)).bit_length()


def _inverted(benefit: ir.StringValue, rules: Rules) -> ir.IntegerValue:
    """The benefit's place i stored inverted, 2**`_place_bits` - 1 - i: largest first."""
    return 2 ** _place_bits(rules) - 1 - _priority(benefit, rules)


def _is_measured(inverted: ir.IntegerValue, rules: Rules) -> ir.BooleanValue:
    """Whether the place stored inverted by `_inverted` is a measured benefit's."""
    return inverted >= 2 ** _place_bits(rules) - len(rules.measured)


def _measured_name(inverted: ir.IntegerValue, rules: Rules) -> ir.StringValue:
    """The measured benefit whose place is stored inverted by `_inverted`."""
    top = 2 ** _place_bits(rules) - 1
    return ibis.cases(*[(inverted == top - i, b) for i, b in enumerate(rules.measured)])


# a rank holds, from the low bits up: in_end - in_start (5 bits, within a month), in_end
# shifted to be non-negative (32 bits), the inverted place (`_place_bits`), the days
SPAN_BITS = 5
DAY_BITS = 32
DAY_SHIFT = 2**31
LOW_BITS = SPAN_BITS + DAY_BITS


def _rank(p: ir.Table, rules: Rules) -> ir.IntegerValue:
    """A non-negative integer per piece of `p` (one benefit in a person-month), largest for
    the main benefit of the month: most days, then the earliest place in the rules' order;
    it also carries the piece's in_start and in_end."""
    order = p.days * 2 ** _place_bits(rules) + _inverted(p.benefit, rules)
    low = (p.in_end + DAY_SHIFT) * 2**SPAN_BITS + (p.in_end - p.in_start)
    return order * 2**LOW_BITS + low


def _winners(edges: ir.Table, rules: Rules) -> ir.Table:
    """The main benefit's piece in each person-month of `edges` (`_edge_months`), where it is
    a measured benefit.

    The pieces of one benefit in a month are added up first (two intervals of a benefit may
    meet in a month); then a hash aggregate of the largest `_rank` per person-month, unpacked
    with shifts and masks."""
    p = edges.group_by(["person_id", "benefit", "m"]).aggregate(
        in_start=edges.in_start.min(), in_end=edges.in_end.max(), days=edges.days.sum()
    )
    best = p.group_by(["person_id", "m"]).aggregate(top=_rank(p, rules).max())
    bits = _place_bits(rules)
    order = best.top >> LOW_BITS
    best = best.mutate(inverted=order & (2**bits - 1), order=order)
    best = best.filter(_is_measured(best.inverted, rules))
    in_end = ((best.top >> SPAN_BITS) & (2**DAY_BITS - 1)) - DAY_SHIFT
    return best.select(
        "person_id",
        benefit=_measured_name(best.inverted, rules),
        m="m",
        in_start=(in_end - (best.top & (2**SPAN_BITS - 1))).cast(edges.in_start.type()),
        in_end=in_end.cast(edges.in_end.type()),
        days=(best.order >> bits).cast(edges.days.type()),
    )


def _inner_months(held: ir.Table, calendar: ir.Table, rules: Rules) -> ir.Table:
    """The months strictly inside the ranges `s`..`e` of `held` (rows of `_holders`): every
    interval of a range holds them whole, so the earliest place in the rules' order wins.
    Kept where the winner is a measured benefit, with the month's days."""
    inner = held.filter(held.e - held.s >= 2)
    best = inner.group_by(["person_id", "s", "e"]).aggregate(
        inverted=_inverted(inner.benefit, rules).max()
    )
    best = best.filter(_is_measured(best.inverted, rules))
    best = best.select("person_id", "s", "e", benefit=_measured_name(best.inverted, rules))
    months = best.mutate(m=ibis.range(best.s + 1, best.e).unnest())
    j = months.join(calendar.select("m", "first_day", "last_day", "days"), "m")
    return j.select(
        "person_id", "benefit", "m", in_start="first_day", in_end="last_day", days="days"
    )


def benefit_pieces(islands: ir.Table, calendar: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Per person and month whose main benefit is a measured one, the main benefit's piece:
    its first and last day there (in_start, in_end) and its days, in the measured months
    `span.start`..`span.end`. The main benefit of a month is the benefit with most days, ties
    by the order of the rules.

    A month that a single interval holds needs no ranking: its piece is that interval's, kept
    when measured. In a range of months that several intervals hold, only its first and last
    month are ranked by days (`_winners`); they all hold the months in between whole
    (`_inner_months`). Other benefits count only in the months from the person's first to
    last month with a measured benefit; a month in between without one holds other benefits
    only and is left out."""
    held = _holders(_competing(islands, rules, span))
    alone = held.filter((held.n == 1) & held.benefit.isin(rules.measured))
    shared = held.filter(held.n > 1)
    edges = _winners(_edge_months(shared, calendar), rules)
    return _all_months(alone, calendar).union(edges).union(_inner_months(shared, calendar, rules))


def benefit_days(pieces: ir.Table) -> ir.Table:
    """Days on the main benefit per person and month, and the last such day (`last_in_m`)."""
    return pieces.select("person_id", "m", "benefit", "days", last_in_m="in_end")


def dead_islands(exemptions: ir.Table, rules: Rules, span: Span) -> ir.Table:
    """Merged dead periods (barsel, opfølgning uden kontakt) per person."""
    dead = exemptions.filter(exemptions.reason.isin(rules.dead_reasons))
    return merge_touching(clip(dead, span.lo, span.end, span.lo_day, span.end_day), ["person_id"])


def main_benefit(days: ir.Table, rules: Rules) -> ir.Table:
    """Per person and month the benefit with most days, ties by the order of the rules, where
    that benefit is a measured one (the only months the measures use).

    `benefit_pieces` already picked it: `days` holds one row per such person-month."""
    return days.select("person_id", "m", "benefit", "days", "last_in_m")


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


def _residence_ranges(residence: ir.Table) -> ir.Table:
    """Per person, disjoint day ranges (r_from, r_to) in which the same residence rows hold
    every day, each with the municipality of the row that wins its days (by `_latest`).

    The ranges run between the days where a row starts or the day after one ends (the next
    such day per person, ordered by day); each is joined with the rows holding it."""
    r = residence.select("person_id", r_from="start_day", r_to="end_day", r_key=_latest(residence))
    points = r.select("person_id", day=r.r_from).union(
        r.select("person_id", day=r.r_to + 1), distinct=True
    )
    points = points.filter(points.day.notnull())
    after = ibis.window(group_by="person_id", order_by="day")
    ranges = points.select("person_id", lo="day", hi=points.day.lead().over(after) - 1)
    on = [ranges.person_id == r.person_id, r.r_from <= ranges.lo, ranges.hi <= r.r_to]
    j = ranges.join(r, on)
    best = j.group_by(["person_id", "lo", "hi"]).aggregate(r_key=j.r_key.max())
    return best.select("person_id", r_from="lo", r_to="hi", municipality_code=_code_of(best.r_key))


def population(
    senior: ir.Table, persons: ir.Table, residence: ir.Table, rules: Rules, span: Span
) -> ir.Table:
    """The measured population: person, month, municipality, main benefit, spell start.

    `senior` holds the person-months whose main benefit's spell has lasted long enough.

    Like `residence_on` on `last_in_m`, but the person's birth is joined to the residence
    ranges first, so each person-month needs one join and no aggregate."""
    measured = senior.filter(senior.m.between(span.start, span.end))
    measured = measured.select("person_id", "m", "benefit", "spell_start", "last_in_m")
    born = persons.select("person_id", "birth_day", "birth_m")
    lived = _residence_ranges(residence).join(born, "person_id")
    j = measured.join(lived, "person_id")
    j = j.filter((j.r_from <= j.last_in_m) & (j.last_in_m <= j.r_to) & of_age(j, j.m, rules))
    return j.select("person_id", "m", "municipality_code", "benefit", "spell_start", "last_in_m")
