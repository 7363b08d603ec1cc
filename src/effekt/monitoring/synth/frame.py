"""The calendar of a synthetic data set and small array helpers shared by the generators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Objects = npt.NDArray[np.object_]

EPOCH = dt.date(1970, 1, 1)
DAYS_PER_MONTH = 365.25 / 12
DAYS_PER_YEAR = 365.25
HISTORY_YEARS = 2


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return (day - EPOCH).days


@dataclass(frozen=True)
class Window:
    """The years reported on: `years` calendar years from 1 January `first_year`.

    The data also holds the two years before (see `history_start`)."""

    first_year: int
    years: int

    @property
    def start(self) -> int:
        return day_number(dt.date(self.first_year, 1, 1))

    @property
    def history_start(self) -> int:
        """First day of the data: two years before the window, so that the first month of the
        window has 12 months of spells and a 12-month running mean on full data."""
        return day_number(dt.date(self.first_year - HISTORY_YEARS, 1, 1))

    @property
    def end(self) -> int:
        """The last day covered (31 December of the last year)."""
        return day_number(dt.date(self.first_year + self.years, 1, 1)) - 1

    @property
    def months(self) -> int:
        return 12 * self.years


def dates(days: Ints, open_from: int | None = None) -> pa.Array:
    """Day numbers as an Arrow date column; days after `open_from` become empty (open)."""
    array = pa.array(days.astype(np.int32), pa.int32()).cast(pa.date32())
    if open_from is None:
        return array
    return pc.if_else(pa.array(days > open_from), pa.nulls(len(days), pa.date32()), array)


def hours_text(hundredths: Ints) -> pa.Array:
    """Integer hundredths of an hour as exact text with two decimals (e.g. `160.33`)."""
    whole = pc.cast(pa.array(hundredths // 100), pa.string())
    frac = pc.utf8_lpad(pc.cast(pa.array(hundredths % 100), pa.string()), width=2, padding="0")
    return pc.binary_join_element_wise(whole, frac, ".")


def pick(rng: np.random.Generator, labels: tuple[str, ...], p: list[float], n: int) -> pa.Array:
    """`n` labels drawn with probabilities `p`, as a dictionary-free Arrow string column."""
    index = rng.choice(len(labels), size=n, p=np.asarray(p) / sum(p))
    return pa.array(np.asarray(labels, dtype=object)[index], pa.string())


def uniform_days(rng: np.random.Generator, lo: Ints, hi: Ints) -> Ints:
    """A day drawn uniformly from each inclusive interval [lo, hi] (hi >= lo)."""
    return lo + np.floor(rng.random(len(lo)) * (hi - lo + 1)).astype(np.int64)
