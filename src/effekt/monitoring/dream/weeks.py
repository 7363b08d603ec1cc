"""DREAM week columns: `y_YYWW` is two-digit year and ISO week; its week runs Monday-Sunday.

DREAM starts with week 1 on Monday 1991-08-05 (ISO week 32 of 1991, column `y_9132`), so a
two-digit year from 91 is 19YY and below 91 is 20YY.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

DREAM_FIRST_MONDAY = dt.date(1991, 8, 5)
WEEK_COLUMN = re.compile(r"y_(\d{2})(\d{2})")
CENTURY_PIVOT = 91
ONE_WEEK = dt.timedelta(days=7)


def is_week_column(name: str) -> bool:
    """Whether a column claims to be a week: every `y_…` column is read as one."""
    return name.startswith("y_")


def week_monday(column: str) -> dt.date:
    """The Monday of a `y_YYWW` column; ValueError when it names no DREAM week."""
    match = WEEK_COLUMN.fullmatch(column)
    if match is None:
        raise ValueError(f"{column!r} is not a week column y_YYWW")
    two_digit, week = int(match[1]), int(match[2])
    year = (1900 if two_digit >= CENTURY_PIVOT else 2000) + two_digit
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no ISO week {week}") from None
    if monday < DREAM_FIRST_MONDAY:
        raise ValueError(f"week {year}-W{week:02d} is before DREAM's first week (1991-08-05)")
    return monday


def dream_week_number(monday: dt.date) -> int:
    """DREAM's running week number: 1 for the week of Monday 1991-08-05."""
    return (monday - DREAM_FIRST_MONDAY).days // 7 + 1


def weeks_follow(mondays: Sequence[dt.date]) -> tuple[bool, ...]:
    """For each Monday, whether it is the week right after the one before it in the list."""
    return (False, *(b - a == ONE_WEEK for a, b in itertools.pairwise(mondays)))
