"""Day and month arithmetic for the reference implementation.

A month is a `(year, month)` tuple. Everything here is plain `datetime` arithmetic, so the
reference can walk persons day by day without any table library.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

Month = tuple[int, int]
ONE_DAY = dt.timedelta(days=1)


def parse_month(text: str) -> Month:
    """`"2020-03"` -> `(2020, 3)`."""
    year, month = text.split("-")
    return int(year), int(month)


def format_month(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def add_months(month: Month, count: int) -> Month:
    index = month[0] * 12 + (month[1] - 1) + count
    return index // 12, index % 12 + 1


def month_of(day: dt.date) -> Month:
    return day.year, day.month


def first_day(month: Month) -> dt.date:
    return dt.date(month[0], month[1], 1)


def last_day(month: Month) -> dt.date:
    return dt.date(month[0], month[1], calendar.monthrange(*month)[1])


def months(first: Month, last: Month) -> Iterator[Month]:
    """Every month from `first` to `last`, both included."""
    month = first
    while month <= last:
        yield month
        month = add_months(month, 1)


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from `first` to `last`, both included."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def is_weekday(day: dt.date) -> bool:
    return day.weekday() < 5


def weekdays_in_month(month: Month) -> int:
    return sum(is_weekday(day) for day in days(first_day(month), last_day(month)))


def minus_months(day: dt.date, count: int) -> dt.date:
    """The same day `count` months earlier, clipped to the month's last day."""
    year, month = add_months(month_of(day), -count)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window(month: Month) -> tuple[dt.date, dt.date]:
    """The 12 months ending with `month`: first day of month-11 to the last day of month."""
    return first_day(add_months(month, -11)), last_day(month)


def contains_whole_month(first: dt.date, last: dt.date) -> bool:
    """Whether the days `first`..`last` cover at least one calendar month completely."""
    if first > last:
        return False
    start = first if first.day == 1 else first_day(add_months(month_of(first), 1))
    return last_day(month_of(start)) <= last


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years of age on `day`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday
