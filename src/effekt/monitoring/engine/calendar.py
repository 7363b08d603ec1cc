"""The month calendar: one row per month index with its days and the parameters in force.

Joining this table on the integer month index `m` (an equi-join) gives every measure its
month boundaries and thresholds, so a new dated parameter set changes data, not code.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.parameters import Rules

EPOCH = dt.date(1970, 1, 1)
WINDOW_MONTHS = 12


def month_index(year: int, month: int) -> int:
    """The integer month index used throughout: year * 12 + month - 1."""
    return year * 12 + month - 1


def month_label(m: int) -> str:
    """`YYYY-MM` for a month index."""
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def parse_month(text: str) -> int:
    """The month index of `YYYY-MM`."""
    year, month = text.split("-")
    if len(year) != 4 or len(month) != 2 or not 1 <= int(month) <= 12:
        raise ValueError(f"{text!r} is not a month YYYY-MM")
    return month_index(int(year), int(month))


def first_day(m: int) -> dt.date:
    return dt.date(m // 12, m % 12 + 1, 1)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01, the integer form of a date in the engine."""
    return (day - EPOCH).days


def _days(m: int) -> int:
    return pycalendar.monthrange(m // 12, m % 12 + 1)[1]


def _weekdays(m: int) -> int:
    start = first_day(m)
    return sum((start + dt.timedelta(days=i)).weekday() < 5 for i in range(_days(m)))


def _holidays(rules: Rules, m: int) -> list[int]:
    """Day numbers of the weekday holidays in month m, when its parameter set uses them."""
    if not rules.set_for(first_day(m)).dagpenge_holidays:
        return []
    start = first_day(m)
    return [
        day_number(d)
        for d in rules.holidays
        if (d.year, d.month) == (start.year, start.month) and d.weekday() < 5
    ]


def _row(rules: Rules, m: int) -> dict[str, int]:
    params = rules.set_for(first_day(m))
    window = sum(_days(k) for k in range(m - WINDOW_MONTHS + 1, m + 1))
    return {
        "m": m,
        "first_day": day_number(first_day(m)),
        "last_day": day_number(first_day(m)) + _days(m) - 1,
        "days": _days(m),
        "weekdays": _weekdays(m),
        "workdays": _weekdays(m) - len(_holidays(rules, m)),
        "window_days": window,
        "spell_months": params.spell_months,
        "dagpenge_per_month": params.dagpenge_hundredths_per_month,
        "dagpenge_threshold": params.spell_months * params.dagpenge_hundredths_per_month,
        "employment_threshold": params.employment_hundredths_as_offer,
        "min_conversations": params.min_conversations,
        "exemption_num": params.exemption_share.numerator,
        "exemption_den": params.exemption_share.denominator,
    }


def calendar_table(rules: Rules, lo: int, hi: int) -> ir.Table:
    """Months `lo`..`hi` (month indexes) with their days and parameters."""
    rows = [_row(rules, m) for m in range(lo, hi + 1)]
    columns = {key: [row[key] for row in rows] for key in rows[0]}
    return ibis.memtable(columns)


def holiday_table(rules: Rules, lo: int, hi: int) -> ir.Table:
    """(m, h_day): weekday holidays of months `lo`..`hi` whose parameter set switches the
    holiday calendar on (dagpenge hours accrue on working days only); usually empty."""
    rows = [(m, day) for m in range(lo, hi + 1) for day in _holidays(rules, m)]
    return ibis.memtable(
        {"m": [r[0] for r in rows], "h_day": [r[1] for r in rows]},
        schema={"m": "int64", "h_day": "int64"},
    )
