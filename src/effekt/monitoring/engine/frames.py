"""Small Ibis building blocks kept to a subset that also runs on PySpark.

Explicit window frames, equi-joins (with a residual filter at most), `range` + `unnest` to
expand intervals into months, integer arithmetic on day numbers. No UDFs, no as-of joins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]


def expand_months(t: ir.Table, start_m: str, end_m: str, name: str = "m") -> ir.Table:
    """One row per month index from `start_m` to `end_m` (inclusive) of every row."""
    return t.mutate(**{name: ibis.range(t[start_m], t[end_m] + 1).unnest()})


def overlap(
    a1: ir.IntegerValue, b1: ir.IntegerValue, a2: ir.IntegerValue, b2: ir.IntegerValue
) -> ir.IntegerValue:
    """Days in the intersection of the inclusive day intervals [a1, b1] and [a2, b2]."""
    return ibis.greatest(ibis.least(b1, b2) - ibis.greatest(a1, a2) + 1, 0)


def _weekdays_before(k: ir.IntegerValue) -> ir.IntegerValue:
    # weekdays among the k days of Monday-based weeks starting on a Monday
    return 5 * (k // 7) + ibis.least(k % 7, 5)


def weekdays(a: ir.IntegerValue, b: ir.IntegerValue) -> ir.IntegerValue:
    """Monday-Friday days in the inclusive interval [a, b] of day numbers (day 0 is a Thursday)."""
    return ibis.greatest(_weekdays_before(b + 4) - _weekdays_before(a + 3), 0)


def islands(
    t: ir.Table,
    keys: Sequence[str],
    breaks: Callable[[ir.Table, ir.IntegerValue, ir.IntegerValue], ir.BooleanValue],
    name: str = "island",
) -> ir.Table:
    """Number the islands of intervals per `keys`, ordered by start.

    `breaks(t, prev_end_day, prev_end_m)` says when a row starts a new island, given the latest
    end among the earlier rows; the first row always does.
    """
    order = [t.start_day, t.end_day]
    earlier = ibis.window(group_by=list(keys), order_by=order, rows=(None, -1))
    prev_day = t.end_day.max().over(earlier)
    prev_m = t.end_m.max().over(earlier)
    flagged = t.mutate(_new=ibis.ifelse(prev_day.isnull() | breaks(t, prev_day, prev_m), 1, 0))
    upto = ibis.window(
        group_by=list(keys), order_by=[flagged.start_day, flagged.end_day], rows=(None, 0)
    )
    return flagged.mutate(**{name: flagged._new.sum().over(upto)}).drop("_new")


def merge_touching(t: ir.Table, keys: Sequence[str]) -> ir.Table:
    """Merge overlapping or adjacent intervals per `keys` (start_day, end_day, start_m, end_m)."""
    numbered = islands(t, keys, lambda row, prev_day, _: row.start_day > prev_day + 1)
    return numbered.group_by([*keys, "island"]).aggregate(
        start_day=numbered.start_day.min(),
        end_day=numbered.end_day.max(),
        start_m=numbered.start_m.min(),
        end_m=numbered.end_m.max(),
    )


def clip(t: ir.Table, lo_m: int, hi_m: int, lo_day: int, hi_day: int) -> ir.Table:
    """Intervals cut to the months lo_m..hi_m (days lo_day..hi_day); empty ones dropped."""
    cut = t.mutate(
        start_day=ibis.greatest(t.start_day, lo_day),
        end_day=ibis.least(t.end_day, hi_day),
        start_m=ibis.greatest(t.start_m, lo_m),
        end_m=ibis.least(t.end_m, hi_m),
    )
    return cut.filter(cut.start_day <= cut.end_day)


def by_month(intervals: ir.Table, calendar: ir.Table, keys: Sequence[str]) -> ir.Table:
    """Intervals expanded to months with the calendar joined: columns keys, start/end, m, ...

    Adds `in_start`/`in_end`, the part of the interval inside the month.
    """
    expanded = expand_months(
        intervals.select(*keys, "start_day", "end_day", "start_m", "end_m"), "start_m", "end_m"
    )
    joined = expanded.join(calendar, "m")
    return joined.mutate(
        in_start=ibis.greatest(joined.start_day, joined.first_day),
        in_end=ibis.least(joined.end_day, joined.last_day),
    )
