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
"""

from __future__ import annotations

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.frames import by_month, islands, weekdays
from effekt.monitoring.engine.parameters import Rules

UNITS = 411_863_760
KEYS = ["person_id", "m"]
OUT = ["person_id", "m", "benefit", "last_in_m", "spell_start", "seniority", "threshold"]


def with_dead(
    rows: ir.Table,
    dead: ir.Table,
    keys: list[str],
    span: tuple[str, str],
    count_weekdays: bool,
    name: str = "dead",
) -> ir.Table:
    """`rows` (unique by `keys`) with `name`: dead days (or weekdays) within the days
    [a, b] = `span` of each row.

    An equi-join on person_id with the person's few merged dead periods; only the rows of
    persons with a dead period are summed, the others get 0.
    """
    d = dead.select("person_id", d_start="start_day", d_end="end_day")
    j = rows.select(*keys, lo=rows[span[0]], hi=rows[span[1]]).join(d, "person_id")
    lo, hi = ibis.greatest(j.lo, j.d_start), ibis.least(j.hi, j.d_end)
    amount = weekdays(lo, hi) if count_weekdays else ibis.greatest(hi - lo + 1, 0)
    found = j.group_by(keys).aggregate(**{name: amount.sum()})
    out = rows.left_join(found, keys).drop(*[f"{k}_right" for k in keys])
    return out.mutate(**{name: out[name].fill_null(0)})


def needed_days(rows: ir.Table, calendar: ir.Table) -> ir.Table:
    """Add `threshold`: days in the `spell_months` months ending on `last_in_m`.

    They start after the same day-of-month `spell_months` months earlier (clamped to that
    month's end), or, when `last_in_m` is the last day of its month, after the last day of
    that earlier month: a spell from 1 January qualifies on 31 December, one from 1 March
    2020 on 28 February 2021.
    """
    j = rows.join(calendar.select("m", "spell_months", m_first="first_day", m_last="last_day"), "m")
    j = j.mutate(back_m=j.m - j.spell_months)
    back = calendar.select(back_m="m", back_first="first_day", back_days="days")
    j = j.join(back, "back_m")
    day_of_month = j.last_in_m - j.m_first + 1
    same_day = j.back_first + ibis.least(day_of_month, j.back_days) - 1
    earlier = ibis.ifelse(j.last_in_m == j.m_last, j.back_first + j.back_days - 1, same_day)
    return j.mutate(threshold=j.last_in_m - earlier).drop(
        "spell_months", "m_first", "m_last", "back_m", "back_first", "back_days"
    )


def _elapsed(rows: ir.Table, dead: ir.Table, calendar: ir.Table) -> ir.Table:
    """Seniority in days: start to last day with the benefit, less dead days."""
    dd = with_dead(rows, dead, KEYS, ("spell_start", "last_in_m"), count_weekdays=False)
    j = needed_days(dd, calendar)
    return j.select(
        *OUT[:-2], seniority=j.last_in_m - j.spell_start + 1 - j.dead, threshold=j.threshold
    )


def chain_names(rules: Rules) -> list[str]:
    """Measured benefits whose spells follow the month_gap rule."""
    return [b for b in rules.measured if rules.rule(b) == "month_gap" and b not in rules.counts_as]


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


def _typed_segments(isl: ir.Table, calendar: ir.Table, rules: Rules) -> ir.Table:
    """Per person and spell benefit (`chain`): segments typed B (benefit), P (the preceding
    benefit without it) or X (only other benefits), numbered into spells (`spell_start`)."""
    chains = _chains(rules)
    owned = isl.filter(isl.benefit.isin(chain_names(rules)))
    person_chains = owned.select("person_id", chain="benefit").distinct().join(chains, "chain")
    relevant = isl.semi_join(person_chains, "person_id")
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
    g = g.mutate(brk=ibis.ifelse(brk, 1, 0))
    upto = ibis.window(group_by=["person_id", "chain"], order_by="p", rows=(None, 0))
    g = g.mutate(spell=g.brk.sum().over(upto))
    g = g.mutate(spell_start=g.p.min().over(ibis.window(group_by=["person_id", "chain", "spell"])))
    return g.filter(g.kind == "B").select("person_id", "chain", "p", "seg_end", "spell_start")


def month_gap_seniority(
    main: ir.Table, isl: ir.Table, dead: ir.Table, calendar: ir.Table, rules: Rules
) -> ir.Table:
    """Seniority of spells broken by a whole month without benefit or a change of benefit.

    `isl` are the merged islands of every benefit per person."""
    rows = main.filter(main.benefit.isin(chain_names(rules)))
    segs = _typed_segments(isl, calendar, rules)
    j = rows.join(segs, [rows.person_id == segs.person_id, rows.benefit == segs.chain])
    j = j.filter((j.p <= j.last_in_m) & (j.last_in_m <= j.seg_end))
    return _elapsed(
        j.select("person_id", "m", "benefit", "last_in_m", "spell_start"), dead, calendar
    )


def overlap_seniority(
    main: ir.Table, intervals: ir.Table, dead: ir.Table, calendar: ir.Table, rules: Rules
) -> ir.Table:
    """Sygedagpenge: rows merged when the next starts at least one day before the spell ends;
    of two spells holding the last sick day of the month, the earlier counts."""
    names = [b for b in rules.measured if rules.rule(b) == "overlap"]
    rows = intervals.filter(intervals.benefit.isin(names))
    numbered = islands(
        rows, ["person_id", "benefit"], lambda t, prev_day, _: t.start_day >= prev_day, "spell"
    )
    spells = numbered.group_by(["person_id", "benefit", "spell"]).aggregate(
        start_day=numbered.start_day.min(),
        end_day=numbered.end_day.max(),
        start_m=numbered.start_m.min(),
        end_m=numbered.end_m.max(),
    )
    monthly = by_month(spells, calendar, ["person_id", "benefit"])
    monthly = monthly.select("person_id", "benefit", "m", s_start="start_day", s_end="end_day")
    j = main.filter(main.benefit.isin(names)).join(monthly, ["person_id", "m", "benefit"])
    j = j.filter((j.s_start <= j.last_in_m) & (j.last_in_m <= j.s_end))
    first = ibis.row_number().over(group_by=KEYS, order_by=j.s_start)
    j = j.mutate(_rank=first).filter(lambda t: t._rank == 0)
    rows = j.select("person_id", "m", "benefit", "last_in_m", spell_start="s_start")
    return _elapsed(rows, dead, calendar)


def _periods(dp: ir.Table, calendar: ir.Table, end_day: int, end_m: int) -> ir.Table:
    """Dagpenge periods per person, from each first day of a period (or the first row) to the
    day before the next, cut into months: (person_id, p_start, m, pa, pb)."""
    first = dp.group_by("person_id").aggregate(
        start_day=dp.start_day.min(), start_m=dp.start_m.min()
    )
    flagged = dp.filter(dp.new_period).select("person_id", "start_day", "start_m")
    starts = first.union(flagged).distinct()
    cal = calendar.select(start_m="m", month_first="first_day")
    starts = starts.join(cal, "start_m")
    w = ibis.window(group_by="person_id", order_by="start_day")
    next_day, next_m = starts.start_day.lead().over(w), starts.start_m.lead().over(w)
    next_first = starts.month_first.lead().over(w)
    periods = starts.mutate(
        end_day=ibis.coalesce(next_day - 1, end_day),
        end_m=ibis.coalesce(ibis.ifelse(next_day == next_first, next_m - 1, next_m), end_m),
    )
    periods = periods.filter(periods.start_day <= periods.end_day)
    monthly = by_month(
        periods.mutate(p_start=periods.start_day), calendar, ["person_id", "p_start"]
    )
    return monthly.select("person_id", "p_start", "m", pa="in_start", pb="in_end")


def _holidays_within(j: ir.Table, holidays: ir.Table, dead: ir.Table, keys: list[str]) -> ir.Table:
    """Per piece (`keys`, with m): weekday holidays in [a, b] (`hol`) and those of them not in
    a dead period (`hol_live`)."""
    h = j.select(*keys, "a", "b").join(holidays, "m")
    h = h.filter((h.a <= h.h_day) & (h.h_day <= h.b))
    d = dead.select("person_id", d_start="start_day", d_end="end_day")
    hd = h.join(d, "person_id", how="left")
    inside = hd.d_start.notnull() & (hd.d_start <= hd.h_day) & (hd.h_day <= hd.d_end)
    per_day = hd.group_by([*keys, "h_day"]).aggregate(dead=ibis.ifelse(inside, 1, 0).max())
    return per_day.group_by(keys).aggregate(hol=per_day.count(), hol_live=(1 - per_day.dead).sum())


def _dagpenge_hours(
    dp: ir.Table,
    periods: ir.Table,
    dead: ir.Table,
    calendar: ir.Table,
    holidays: ir.Table | None,
) -> ir.Table:
    """Net hours (in UNITS per hundredth) of each dagpenge row inside each period and month.

    Hours accrue on working days: Monday-Friday, less the holidays of `holidays` (None when
    no parameter set switches the holiday calendar on)."""
    rows = dp.mutate(
        row_wd=weekdays(dp.start_day, dp.end_day), row_days=dp.end_day - dp.start_day + 1
    )
    pieces = by_month(rows, calendar, ["person_id", "line", "hours", "row_wd", "row_days"])
    j = pieces.join(periods, ["person_id", "m"])
    j = j.mutate(a=ibis.greatest(j.in_start, j.pa), b=ibis.least(j.in_end, j.pb))
    j = j.filter(j.a <= j.b)
    keys = ["person_id", "line", "p_start", "m"]
    j = with_dead(j, dead, keys, ("a", "b"), count_weekdays=True, name="dead_wd")
    j = with_dead(j, dead, keys, ("a", "b"), count_weekdays=False, name="dead_d")
    row_work, hol_live = j.row_wd, ibis.literal(0)
    if holidays is not None:
        j = j.left_join(_holidays_within(j, holidays, dead, keys), keys)
        j = j.drop(*[f"{k}_right" for k in keys])
        hol, hol_live = j.hol.fill_null(0), j.hol_live.fill_null(0)
        row_work = j.row_wd - hol.sum().over(ibis.window(group_by=["person_id", "line"]))
    net_wd = weekdays(j.a, j.b) - j.dead_wd - hol_live
    net_days = j.b - j.a + 1 - j.dead_d
    accrual = ibis.cases(
        (j.hours.isnull(), j.dagpenge_per_month * (UNITS // j.workdays) * net_wd),
        (row_work > 0, j.hours * UNITS * net_wd // row_work),
        else_=j.hours * UNITS * net_days // j.row_days,
    )
    return j.select("person_id", "p_start", "m", accrual=accrual.cast("int64"))


def hours_seniority(
    main: ir.Table,
    intervals: ir.Table,
    dead: ir.Table,
    calendar: ir.Table,
    holidays: ir.Table,
    rules: Rules,
    end_day: int,
    end_m: int,
) -> ir.Table:
    """Dagpenge: net hours from the latest first day of a dagpenge period to the month's end."""
    names = [b for b in rules.measured if rules.rule(b) == "hours"]
    dp = intervals.filter(intervals.benefit.isin(names))
    periods = _periods(dp, calendar, end_day, end_m)
    switched_on = any(s.dagpenge_holidays for s in rules.sets)
    hours = _dagpenge_hours(dp, periods, dead, calendar, holidays if switched_on else None)
    monthly = hours.group_by(["person_id", "p_start", "m"]).aggregate(accrual=hours.accrual.sum())
    upto = ibis.window(group_by=["person_id", "p_start"], order_by="m", rows=(None, 0))
    cum = monthly.mutate(seniority=monthly.accrual.sum().over(upto))
    j = main.filter(main.benefit.isin(names)).join(cum, KEYS)
    latest = ibis.row_number().over(group_by=KEYS, order_by=j.p_start.desc())
    j = j.mutate(_rank=latest).filter(lambda t: t._rank == 0)
    j = j.join(calendar.select("m", "dagpenge_threshold"), "m")
    return j.select(
        *OUT[:4], spell_start=j.p_start, seniority=j.seniority,
        threshold=j.dagpenge_threshold * UNITS,
    )  # fmt: skip


def seniority(
    main: ir.Table,
    intervals: ir.Table,
    isl: ir.Table,
    dead: ir.Table,
    calendar: ir.Table,
    holidays: ir.Table,
    rules: Rules,
    end_day: int,
    end_m: int,
) -> ir.Table:
    """Per person and month with a measured main benefit: its spell start, seniority,
    threshold and `long_enough` (seniority >= threshold)."""
    measured = main.filter(main.benefit.isin(rules.measured)).select(
        "person_id", "m", "benefit", "last_in_m"
    )
    parts = [
        month_gap_seniority(measured, isl, dead, calendar, rules),
        overlap_seniority(measured, intervals, dead, calendar, rules),
        hours_seniority(measured, intervals, dead, calendar, holidays, rules, end_day, end_m),
    ]
    both = parts[0].union(parts[1]).union(parts[2])
    return both.mutate(long_enough=both.seniority >= both.threshold)
