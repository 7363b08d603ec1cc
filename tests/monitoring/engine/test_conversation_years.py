"""The packed years of `conversation_windows`: 1 January of a year as a day number."""

from __future__ import annotations

import datetime as dt

import ibis  # type: ignore[import-untyped]

from effekt.monitoring.engine.calendar import day_number
from effekt.monitoring.engine.measures import _new_year


def test_new_year_is_the_day_number_of_1_january() -> None:
    years = list(range(1896, 2105))
    t = ibis.memtable({"year": years})
    got = t.select(day=_new_year(t.year)).to_pyarrow().column("day").to_pylist()
    assert got == [day_number(dt.date(y, 1, 1)) for y in years]
