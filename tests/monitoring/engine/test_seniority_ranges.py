"""The lookup ranges of the days-based spells, cut at dead periods, give every day of a range
the dead days from its spell start that a day-by-day count gives."""

from __future__ import annotations

import random
from typing import Any

import ibis  # type: ignore[import-untyped]

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.seniority import RANGE, _dead_cut


def _cases(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Random disjoint ranges with spell starts and merged dead periods for a few persons."""
    rng = random.Random(seed)
    ranges: list[dict[str, Any]] = []
    dead: list[dict[str, Any]] = []
    for person in ("a", "b", "c", "d"):
        day = rng.randint(0, 10)
        for _ in range(rng.randint(1, 4)):
            lo = day + rng.randint(0, 6)
            hi = lo + rng.randint(0, 12)
            start = lo - rng.randint(0, 15)
            ranges.append(dict(person_id=person, benefit="x", lo=lo, hi=hi, spell_start=start))
            day = hi + 1
        day = rng.randint(-10, 5)
        for _ in range(rng.randint(0, 4) if person != "d" else 0):
            start = day + rng.randint(1, 8)
            end = start + rng.randint(0, 9)
            dead.append(dict(person_id=person, start_day=start, end_day=end))
            day = end + 1
    return ranges, dead


def test_cut_ranges_count_the_dead_days_of_every_day_from_the_spell_start() -> None:
    con = connect(threads=1)
    for seed in range(30):
        ranges, dead = _cases(seed)
        schema = {"person_id": "string", "start_day": "int64", "end_day": "int64"}
        dead_table = ibis.memtable(dead or [], schema=schema)
        range_schema = {k: ("string" if k in ("person_id", "benefit") else "int64") for k in RANGE}
        cut = con.to_pyarrow(_dead_cut(ibis.memtable(ranges, schema=range_schema), dead_table))
        pieces = cut.to_pylist()
        for r in ranges:
            own = [p for p in pieces if p["person_id"] == r["person_id"]]
            periods = [d for d in dead if d["person_id"] == r["person_id"]]
            for x in range(r["lo"], r["hi"] + 1):
                holding = [p for p in own if p["lo"] <= x <= p["hi"]]
                assert len(holding) == 1, (seed, r, x)
                p = holding[0]
                assert p["spell_start"] == r["spell_start"]
                counted = p["dead_before"] + p["dead_on"] * (x - p["lo"] + 1)
                by_day = sum(
                    1
                    for d in periods
                    for day in range(r["spell_start"], x + 1)
                    if d["start_day"] <= day <= d["end_day"]
                )
                assert counted == by_day, (seed, r, x)
