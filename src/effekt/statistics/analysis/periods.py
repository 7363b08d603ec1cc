"""Statistics periods: quarter (2024Q1), half-year (2024H1), year (2024) or custom
(2024-02-01..2024-04-30). Pure: no Django import."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

PeriodKind = Literal["quarter", "half_year", "year", "custom"]

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_CUSTOM = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    """A period string that cannot be parsed."""


@dataclass(frozen=True)
class Period:
    """An inclusive date interval with a label."""

    kind: PeriodKind
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        """The period as written on the command line (2024Q1, 2024H2, 2024 or from..to)."""
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "half_year":
            return f"{self.start.year}H{1 if self.start.month == 1 else 2}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        """True when the day lies in the period (both ends included)."""
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.kind == "quarter":
            return _months(self.kind, add_months(self.start, -3), 3)
        if self.kind == "half_year":
            return _months(self.kind, add_months(self.start, -6), 6)
        if self.kind == "year":
            return _months(self.kind, add_months(self.start, -12), 12)
        length = self.end - self.start
        end = self.start - dt.timedelta(days=1)
        return Period("custom", end - length, end)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _months(kind: PeriodKind, start: dt.date, count: int) -> Period:
    return Period(kind, start, add_months(start, count) - dt.timedelta(days=1))


def parse_period(text: str) -> Period:
    """Parse 2024Q1, 2024H1, 2024 or 2024-02-01..2024-04-30 into a Period."""
    value = text.strip()
    if match := _QUARTER.match(value):
        return _months("quarter", dt.date(int(match[1]), 3 * int(match[2]) - 2, 1), 3)
    if match := _HALF.match(value):
        return _months("half_year", dt.date(int(match[1]), 6 * int(match[2]) - 5, 1), 6)
    if match := _YEAR.match(value):
        return _months("year", dt.date(int(match[1]), 1, 1), 12)
    if match := _CUSTOM.match(value):
        try:
            start, end = dt.date.fromisoformat(match[1]), dt.date.fromisoformat(match[2])
        except ValueError as error:
            raise PeriodError(f"ugyldig dato i perioden {text!r}: {error}") from None
        if end < start:
            raise PeriodError(f"perioden {text!r} slutter før den begynder")
        return Period("custom", start, end)
    raise PeriodError(
        f"ukendt periode {text!r}: brug fx 2024Q1, 2024H1, 2024 eller 2024-01-01..2024-03-31"
    )
