"""Intermediate: the spell on the main benefit in a month and whether it has lasted long enough.

Three spell rules (parameter `spell_rule`):
- `month_gap` (kontanthjælp and the other benefits): walking back from the last day with the
  benefit in the month, the spell continues over days with the benefit and over gaps without
  any benefit, and is broken by a whole calendar month without any benefit or by a day with
  another benefit only. A benefit's `preceded_by` benefit running straight into it belongs
  to its spell (overgangsydelse before kontanthjælp/uddannelseshjælp), not the other way.
- `overlap` (sygedagpenge): rows merged when the next starts at least one day before the
  merged spell ends.
- `hours` (dagpenge): net hours from the latest first day of a dagpenge period.

Days-based spells qualify when their days from start to the last day with the benefit in the
month, less dead days, cover the `spell_months` months ending on that day. Dagpenge hours are
kept exactly in units of 1/411 863 760 of a hundredth hour (divisible by every month's 16-23
working days), so 12 × 160.33 hours qualify however they split over months.

The days-based rules become one table of disjoint day ranges per person and benefit, each with
its spell start and cut at the edges of dead periods (so each range knows its dead days), and
every person-month on them is looked up by a single join; dagpenge hours are summed per period
up to each month before they meet the person-months.

Only the long-enough person-months are kept (all the population reads); ranges, spells and
periods that cannot reach the least threshold are dropped early.
"""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.frames import by_month, expand_months, islands, overlap, weekdays
from effekt.monitoring.engine.parameters import Rules

UNITS = 411_863_760
KEYS = ["person_id", "m"]
OUT = ["person_id", "m", "benefit", "last_in_m", "spell_start"]
# a lookup range: the days lo..hi of a person's benefit lie in the spell from spell_start
RANGE = ["person_id", "benefit", "lo", "hi", "spell_start"]


def with_dead(
    rows: ir.Table, dead: ir.Table, keys: list[str], span: tuple[str, str], amounts: dict[str, bool]
) -> ir.Table:
    """`rows` (unique by `keys`) with a column per entry of `amounts` (name: count weekdays
    rather than days): the dead days (or weekdays) within the days [a, b] = `span` of each row.

    One equi-join on person_id with the person's few merged dead periods; only the rows of
    persons with a dead period are summed, the others get 0.
    """
    d = dead.select("person_id", d_start="start_day", d_end="end_day")
    j = rows.select(*keys, lo=rows[span[0]], hi=rows[span[1]]).join(d, "person_id")
    lo, hi = ibis.greatest(j.lo, j.d_start), ibis.least(j.hi, j.d_end)
    sums = {
        name: (weekdays(lo, hi) if count_weekdays else ibis.greatest(hi - lo + 1, 0)).sum()
        for name, count_weekdays in amounts.items()
    }
    found = j.group_by(keys).aggregate(**sums)
    out = rows.left_join(found, keys).drop(*[f"{k}_right" for k in keys])
    return out.mutate(**{name: out[name].fill_null(0) for name in amounts})


def _month_ends(calendar: ir.Table) -> ir.Table:
    """Per month m: its first and last day and those of the month `spell_months` earlier."""
    cal = calendar.select(
        "m", m_first="first_day", m_last="last_day", back_m=calendar.m - calendar.spell_months
    )
    back = calendar.select(back_m="m", back_first="first_day", back_days="days")
    j = cal.join(back, "back_m")
    return j.select("m", "m_first", "m_last", "back_first", "back_days")


def needed_days(rows: ir.Table, calendar: ir.Table) -> ir.Table:
    """Add `threshold`: days in the `spell_months` months ending on `last_in_m`.

    They start after the same day-of-month `spell_months` months earlier (clamped to that
    month's end), or, when `last_in_m` is the last day of its month, after the last day of
    that earlier month: a spell from 1 January qualifies on 31 December, one from 1 March
    2020 on 28 February 2021.
    """
    j = rows.join(_month_ends(calendar), "m")
    day_of_month = j.last_in_m - j.m_first + 1
    same_day = j.back_first + ibis.least(day_of_month, j.back_days) - 1
    earlier = ibis.ifelse(j.last_in_m == j.m_last, j.back_first + j.back_days - 1, same_day)
    return j.mutate(threshold=j.last_in_m - earlier).drop(
        "m_first", "m_last", "back_first", "back_days"
    )


def chain_names(rules: Rules) -> list[str]:
    """Measured benefits whose spells follow the month_gap rule."""
    return [b for b in rules.measured if rules.rule(b) == "month_gap" and b not in rules.counts_as]


def _names(rules: Rules, rule: str) -> list[str]:
    return [b for b in rules.measured if rules.rule(b) == rule]


def _chains(rules: Rules) -> ir.Table:
    chains = chain_names(rules)
    return ibis.memtable(
        {"chain": chains, "pre": [rules.preceded_by.get(b) for b in chains]},
        schema={"chain": "string", "pre": "string"},
    )


def _segments(isl: ir.Table, calendar: ir.Table) -> ir.Table:
    """Stretches of days on which a person's set of benefits is constant, from the merged
    islands of each benefit: (person_id, p, seg_end, m0, m1, benefit) for each benefit held.

    The calendar must reach one month past the last island (the day after it)."""
    ends = isl.join(calendar.select(end_m="m", end_last="last_day"), "end_m")
    starts = isl.select("person_id", p=isl.start_day, pm=isl.start_m)
    after = ends.select(
        "person_id",
        p=ends.end_day + 1,
        pm=ibis.ifelse(ends.end_day == ends.end_last, ends.end_m + 1, ends.end_m),
    )
    points = starts.union(after).distinct()
    points = points.join(calendar.select(pm="m", pm_first="first_day"), "pm")
    w = ibis.window(group_by="person_id", order_by="p")
    next_p, next_pm = points.p.lead().over(w), points.pm.lead().over(w)
    next_first = points.pm_first.lead().over(w)
    segs = points.mutate(
        seg_end=next_p - 1, m1=ibis.ifelse(next_p == next_first, next_pm - 1, next_pm)
    ).filter(lambda t: t.seg_end.notnull())
    segs = segs.select("person_id", "p", "seg_end", "m1", m0="pm")
    j = segs.join(isl.select("person_id", "benefit", "start_day", "end_day"), "person_id")
    j = j.filter((j.start_day <= j.p) & (j.p <= j.end_day))
    return j.select("person_id", "p", "seg_end", "m0", "m1", "benefit")


def month_gap_ranges(isl: ir.Table, calendar: ir.Table, rules: Rules) -> ir.Table:
    """Lookup ranges (RANGE) of the month_gap benefits: the segments with the benefit (B),
    each with the start of its spell.

    Per person and spell benefit (`chain`) the segments are typed B, P (the preceding benefit
    without it) or X (only other benefits); a spell starts at a segment after a whole month
    without any benefit, at an X, at a B after an X and at a P after anything but a P."""
    chains = _chains(rules)
    owned = isl.filter(isl.benefit.isin(chain_names(rules)))
    person_chains = owned.select("person_id", chain="benefit").distinct().join(chains, "chain")
    # a filter, not a semi-join, so the three uses of the persons' islands share one scan
    relevant = isl.filter(isl.person_id.isin(person_chains.person_id))
    active = _segments(relevant, calendar)
    j = active.join(person_chains, "person_id")
    g = j.group_by(["person_id", "chain", "p", "seg_end", "m0", "m1"]).aggregate(
        has_b=(j.benefit == j.chain).max(), has_p=(j.benefit == j.pre).fill_null(False).max()
    )
    g = g.mutate(kind=ibis.cases((g.has_b, "B"), (g.has_p, "P"), else_="X"))
    w = ibis.window(group_by=["person_id", "chain"], order_by="p")
    prev_kind, prev_m = g.kind.lag().over(w), g.m1.lag().over(w)
    brk = (
        prev_kind.isnull()
        | (g.m0 - prev_m >= 2)
        | (g.kind == "X")
        | ((g.kind == "B") & (prev_kind == "X"))
        | ((g.kind == "P") & (prev_kind != "P"))
    )
    # a spell starts at the latest break so far (a join: cheaper than a running max); brk is
    # a column first: Ibis's PySpark SQL for a filter on window functions fails
    g = g.mutate(brk=brk)
    breaks = g.filter(g.brk).select("person_id", "chain", brk_day="p")
    b = g.filter(g.kind == "B").select("person_id", "chain", "p", "seg_end")
    j = b.join(
        breaks,
        [b.person_id == breaks.person_id, b.chain == breaks.chain, breaks.brk_day <= b.p],
    )
    s = j.group_by(["person_id", "chain", "p", "seg_end"]).aggregate(spell_start=j.brk_day.max())
    return s.select("person_id", "spell_start", benefit=s.chain, lo=s.p, hi=s.seg_end)


def overlap_ranges(intervals: ir.Table, isl: ir.Table, rules: Rules) -> ir.Table:
    """Lookup ranges (RANGE) of sygedagpenge: rows merged when the next starts at least one day
    before the merged spell ends; of two spells holding a day, the earlier counts, so a spell's
    range starts after the previous spell's end.

    A spell lies within an island of `isl`, so only persons with an island as long as the least
    threshold (28 days a month) can have a spell long enough: only their rows are merged."""
    names = _names(rules, "overlap")
    long = isl.filter(
        isl.benefit.isin(names) & (isl.end_day - isl.start_day + 1 >= _least_days(rules))
    )
    rows = intervals.filter(intervals.benefit.isin(names))
    rows = rows.semi_join(long, ["person_id", "benefit"])
    numbered = islands(
        rows, ["person_id", "benefit"], lambda t, prev_day, _: t.start_day >= prev_day, "spell"
    )
    spells = numbered.group_by(["person_id", "benefit", "spell"]).aggregate(
        start_day=numbered.start_day.min(), end_day=numbered.end_day.max()
    )
    w = ibis.window(group_by=["person_id", "benefit"], order_by="start_day")
    after_previous = spells.end_day.lag().over(w) + 1
    lo = ibis.coalesce(ibis.greatest(spells.start_day, after_previous), spells.start_day)
    ranges = spells.select(
        "person_id", "benefit", lo=lo, hi=spells.end_day, spell_start=spells.start_day
    )
    return ranges.filter(ranges.lo <= ranges.hi)


def _dead_cut(ranges: ir.Table, dead: ir.Table) -> ir.Table:
    """`ranges` (RANGE) cut at the edges of the dead periods after their spell start, with
    `dead_before`, the dead days from the spell start to the day before `lo`, and `dead_on`,
    1 when the days lo..hi are dead (else 0): a day x of a range has x - lo + 1 more."""
    d = dead.select("person_id", d_start="start_day", d_end="end_day")
    j = ranges.left_join(
        d, [ranges.person_id == d.person_id, ranges.spell_start <= d.d_end, d.d_start <= ranges.hi]
    ).select(*RANGE, "d_start", "d_end")
    clean = j.filter(j.d_start.isnull()).select(
        *RANGE, dead_before=ibis.literal(0, "int64"), dead_on=ibis.literal(0, "int64")
    )
    hit = j.filter(j.d_start.notnull())
    enters = hit.filter(hit.lo < hit.d_start).select(*RANGE, cut=hit.d_start)
    leaves = hit.filter((hit.lo <= hit.d_end) & (hit.d_end < hit.hi))
    leaves = leaves.select(*RANGE, cut=leaves.d_end + 1)
    cuts = hit.select(*RANGE, cut=hit.lo).union(enters).union(leaves).distinct()
    w = ibis.window(group_by=["person_id", "benefit", "lo"], order_by="cut")
    pieces = cuts.select(
        "person_id", "benefit", "spell_start", lo=cuts.cut,
        hi=ibis.coalesce(cuts.cut.lead().over(w) - 1, cuts.hi),
    )  # fmt: skip
    p = pieces.join(d, "person_id")
    cut = p.group_by(RANGE).aggregate(
        dead_before=overlap(p.spell_start, p.lo - 1, p.d_start, p.d_end).sum(),
        dead_on=ibis.ifelse((p.d_start <= p.lo) & (p.lo <= p.d_end), 1, 0).max().cast("int64"),
    )
    return clean.union(cut.select(*RANGE, "dead_before", "dead_on"))


def _least_days(rules: Rules) -> int:
    """Days that every threshold reaches: `spell_months` months have at least 28 days each."""
    return 28 * min(s.spell_months for s in rules.sets)


def _from_first_chance(ranges: ir.Table, rules: Rules) -> ir.Table:
    """`ranges` (cut, with dead_before and dead_on) without their days that cannot be long
    enough: a day x needs x - spell_start + 1 - dead_before >= `_least_days`."""
    first = ranges.spell_start + (_least_days(rules) - 1) + ranges.dead_before
    # a day number fits 32 bits; DuckDB's sums (dead_before) are 128-bit, slow to compare
    lo = ibis.greatest(ranges.lo, first.cast("int32"))
    moved = ranges.mutate(lo=lo, dead_before=ranges.dead_before + ranges.dead_on * (lo - ranges.lo))
    return moved.filter(moved.lo <= moved.hi)


def days_seniority(
    main: ir.Table, isl: ir.Table, intervals: ir.Table, dead: ir.Table, calendar: ir.Table,
    rules: Rules,
) -> ir.Table:  # fmt: skip
    """The month_gap and overlap benefits' person-months whose seniority (from the spell start
    to the last day with the benefit in the month, less dead days) reaches the threshold."""
    ranges = month_gap_ranges(isl, calendar, rules).union(overlap_ranges(intervals, isl, rules))
    ranges = _from_first_chance(_dead_cut(ranges, dead), rules)
    rows = main.filter(~main.benefit.isin(_names(rules, "hours")))
    j = rows.join(ranges, ["person_id", "benefit"])
    j = j.filter((j.lo <= j.last_in_m) & (j.last_in_m <= j.hi))
    t = needed_days(j, calendar)
    dead_days = t.dead_before + t.dead_on * (t.last_in_m - t.lo + 1)
    t = t.filter(t.last_in_m - t.spell_start + 1 - dead_days >= t.threshold)
    return t.select(*OUT)


def _periods(dp: ir.Table, end_day: int, end_m: int) -> ir.Table:
    """Dagpenge periods per person, from each first day of a period (or the first row) to the
    day before the next: (person_id, p_start, p_end, p_start_m, p_last_m), where `p_last_m` is
    the last month in which it is the latest period (the month before the next one's first)."""
    first = dp.group_by("person_id").aggregate(
        start_day=dp.start_day.min(), start_m=dp.start_m.min()
    )
    flagged = dp.filter(dp.new_period).select("person_id", "start_day", "start_m")
    starts = first.union(flagged).distinct()
    w = ibis.window(group_by="person_id", order_by="start_day")
    next_day, next_m = starts.start_day.lead().over(w), starts.start_m.lead().over(w)
    periods = starts.select(
        "person_id",
        p_start=starts.start_day,
        p_end=ibis.coalesce(next_day - 1, end_day),
        p_start_m=starts.start_m,
        p_last_m=ibis.coalesce(next_m - 1, end_m),
    )
    return periods.filter(periods.p_start <= periods.p_end)


def _row_holidays(rows: ir.Table, holidays: ir.Table, calendar: ir.Table) -> ir.Table:
    """(person_id, line, row_hol): the holidays within each dagpenge row."""
    pieces = by_month(rows, calendar, ["person_id", "line"])
    h = pieces.join(holidays, "m")
    h = h.filter((h.in_start <= h.h_day) & (h.h_day <= h.in_end))
    return h.group_by(["person_id", "line"]).aggregate(row_hol=h.h_day.nunique())


def _holidays_within(j: ir.Table, holidays: ir.Table, dead: ir.Table, keys: list[str]) -> ir.Table:
    """Per piece (`keys`, with m): weekday holidays in [a, b] not in a dead period
    (`hol_live`)."""
    h = j.select(*keys, "a", "b").join(holidays, "m")
    h = h.filter((h.a <= h.h_day) & (h.h_day <= h.b))
    d = dead.select("person_id", d_start="start_day", d_end="end_day")
    hd = h.join(d, "person_id", how="left")
    inside = hd.d_start.notnull() & (hd.d_start <= hd.h_day) & (hd.h_day <= hd.d_end)
    per_day = hd.group_by([*keys, "h_day"]).aggregate(dead=ibis.ifelse(inside, 1, 0).max())
    return per_day.group_by(keys).aggregate(hol_live=(1 - per_day.dead).sum())


def _in_months(rp: ir.Table, calendar: ir.Table) -> ir.Table:
    """The days lo..hi of each row and period cut into the months lo_m..hi_m: a..b in m."""
    pieces = expand_months(rp, "lo_m", "hi_m")
    cal = calendar.select("m", "first_day", "last_day", "workdays", "dagpenge_per_month")
    j = pieces.join(cal, "m")
    j = j.mutate(a=ibis.greatest(j.lo, j.first_day), b=ibis.least(j.hi, j.last_day))
    return j.select(
        "person_id", "line", "p_start", "m", "hours", "row_work", "row_days", "workdays",
        "dagpenge_per_month", "a", "b",
    )  # fmt: skip


def _dagpenge_hours(
    dp: ir.Table, periods: ir.Table, dead: ir.Table, calendar: ir.Table, holidays: ir.Table | None
) -> ir.Table:
    """Net hours (in UNITS per hundredth) of each dagpenge row inside each period and month in
    which the period is the latest.

    Hours accrue on working days: Monday-Friday, less the holidays of `holidays` (None when
    no parameter set switches the holiday calendar on)."""
    rows = dp.mutate(
        row_wd=weekdays(dp.start_day, dp.end_day), row_days=dp.end_day - dp.start_day + 1
    )
    if holidays is not None:
        found = _row_holidays(rows, holidays, calendar)
        rows = rows.left_join(found, ["person_id", "line"]).drop("person_id_right", "line_right")
        rows = rows.mutate(row_work=rows.row_wd - rows.row_hol.fill_null(0))
    else:
        rows = rows.mutate(row_work=rows.row_wd)
    rp = rows.join(periods, "person_id")
    rp = rp.mutate(
        lo=ibis.greatest(rp.start_day, rp.p_start),
        hi=ibis.least(rp.end_day, rp.p_end),
        lo_m=ibis.greatest(rp.start_m, rp.p_start_m),
        hi_m=ibis.least(rp.end_m, rp.p_last_m),
    )
    rp = rp.filter((rp.lo <= rp.hi) & (rp.lo_m <= rp.hi_m))
    rp = rp.select(
        "person_id", "line", "p_start", "hours", "row_work", "row_days", "lo", "hi", "lo_m", "hi_m"
    )
    keys = ["person_id", "line", "p_start", "m"]
    # only the pieces of persons with a dead period look for dead days
    live = _in_months(rp.anti_join(dead, "person_id"), calendar)
    live = live.mutate(dead_wd=ibis.literal(0, "int64"), dead_d=ibis.literal(0, "int64"))
    j = _in_months(rp.semi_join(dead, "person_id"), calendar)
    j = with_dead(j, dead, keys, ("a", "b"), {"dead_wd": True, "dead_d": False})
    j = live.union(j)
    hol_live = ibis.literal(0)
    if holidays is not None:
        j = j.left_join(_holidays_within(j, holidays, dead, keys), keys)
        j = j.drop(*[f"{k}_right" for k in keys])
        hol_live = j.hol_live.fill_null(0)
    net_wd = weekdays(j.a, j.b) - j.dead_wd - hol_live
    net_days = j.b - j.a + 1 - j.dead_d
    accrual = ibis.cases(
        (j.hours.isnull(), j.dagpenge_per_month * (UNITS // j.workdays) * net_wd),
        (j.row_work > 0, j.hours * UNITS * net_wd // j.row_work),
        else_=j.hours * UNITS * net_days // j.row_days,
    )
    return j.select("person_id", "p_start", "m", accrual=accrual.cast("int64"))


def _reaching(hours: ir.Table, rules: Rules) -> ir.Table:
    """`hours` (person_id, p_start, m, accrual) of the periods whose hours in all reach the
    least threshold of the parameter sets; the others are never long enough."""
    least = min(s.spell_months * s.dagpenge_hundredths_per_month for s in rules.sets) * UNITS
    totals = hours.group_by(["person_id", "p_start"]).aggregate(total=hours.accrual.sum())
    return hours.semi_join(totals.filter(totals.total >= least), ["person_id", "p_start"])


def hours_seniority(
    main: ir.Table, intervals: ir.Table, dead: ir.Table, calendar: ir.Table, holidays: ir.Table,
    rules: Rules, end_day: int, end_m: int,
) -> ir.Table:  # fmt: skip
    """Dagpenge: net hours from the latest first day of a dagpenge period to the month's end."""
    names = _names(rules, "hours")
    dp = intervals.filter(intervals.benefit.isin(names))
    periods = _periods(dp, end_day, end_m)
    switched_on = any(s.dagpenge_holidays for s in rules.sets)
    hours = _dagpenge_hours(dp, periods, dead, calendar, holidays if switched_on else None)
    hours = _reaching(hours, rules)
    # a RANGE frame sums the rows of all months up to the row's: the same for a month's rows
    upto = ibis.window(group_by=["person_id", "p_start"], order_by="m", range=(None, 0))
    cum = hours.mutate(seniority=hours.accrual.sum().over(upto))
    cum = cum.join(calendar.select("m", "dagpenge_threshold"), "m")
    cum = cum.filter(cum.seniority >= cum.dagpenge_threshold * UNITS)
    enough = cum.select("person_id", "p_start", "m").distinct()
    # one period per person and month: the latest
    j = main.filter(main.benefit.isin(names)).join(enough, KEYS)
    return j.select(*OUT[:4], spell_start=j.p_start)


def seniority(
    main: ir.Table, intervals: ir.Table, isl: ir.Table, dead: ir.Table, calendar: ir.Table,
    holidays: ir.Table, rules: Rules, end_day: int, end_m: int,
) -> ir.Table:  # fmt: skip
    """The person-months with a measured main benefit whose spell has lasted long enough:
    person_id, m, benefit, last_in_m, spell_start."""
    parts = [
        days_seniority(main, isl, intervals, dead, calendar, rules),
        hours_seniority(main, intervals, dead, calendar, holidays, rules, end_day, end_m),
    ]
    return parts[0].union(parts[1])
