"""The main benefit picked from ranges of months (only months that several intervals hold are
ranked, and of those only the first and last by days) equals a day-by-day count of every
month; and the population's residence ranges give the municipality of a day-by-day look-up."""

from __future__ import annotations

import random
from typing import Any

import ibis  # type: ignore[import-untyped]

from effekt.monitoring.engine import connect, load_rules
from effekt.monitoring.engine.calendar import calendar_table, day_number, first_day, month_index
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.spells import (
    Span,
    _residence_ranges,
    benefit_days,
    benefit_pieces,
    main_benefit,
)

LO, START, END = month_index(2017, 2), month_index(2018, 2), month_index(2019, 8)
SPAN = Span(LO, START, END, day_number(first_day(LO)), day_number(first_day(END + 1)) - 1)
Row = dict[str, Any]


def _month_of(day: int) -> int:
    m = LO
    while day_number(first_day(m + 1)) <= day:
        m += 1
    return m


def _islands(seed: int, rules: Rules) -> list[Row]:
    """Random islands (disjoint, not touching, per person and benefit) for a few persons, of
    a few measured, unmeasured and unlisted benefits, often overlapping each other."""
    rng = random.Random(seed)
    names = [*rules.measured[:3], *rules.unmeasured[:2], "unlisted"]
    rows: list[Row] = []
    for person in ("a", "b", "c", "d", "e"):
        for benefit in rng.sample(names, rng.randint(1, 4)):
            day = day_number(first_day(START)) - 60 + rng.randint(0, 40)
            for _ in range(rng.randint(1, 3)):
                start = day + rng.choice([2, 3, 20, 45, 100])
                end = start + rng.choice([0, 5, 27, 30, 31, 58, 90, 200])
                end = min(end, SPAN.end_day)
                if start > end:
                    break
                rows.append(
                    dict(
                        person_id=person,
                        benefit=benefit,
                        start_day=start,
                        end_day=end,
                        start_m=_month_of(start),
                        end_m=_month_of(end),
                    )
                )
                day = end
    return rows


def _by_day(islands: list[Row], rules: Rules) -> set[tuple[Any, ...]]:
    """(person, month, benefit, days, last day) of the measured main benefit, day by day."""
    order = [*rules.measured, *rules.unmeasured]
    found = set()
    for person in {r["person_id"] for r in islands}:
        own = [r for r in islands if r["person_id"] == person]
        for m in range(START, END + 1):
            lo, hi = day_number(first_day(m)), day_number(first_day(m + 1)) - 1
            days: dict[str, list[int]] = {}
            for r in own:
                for d in range(max(lo, r["start_day"]), min(hi, r["end_day"]) + 1):
                    days.setdefault(r["benefit"], []).append(d)
            if not days:
                continue
            place = {b: order.index(b) if b in order else len(order) for b in days}
            best = max(days, key=lambda b: (len(days[b]), -place[b]))
            if best in rules.measured:
                found.add((person, m, best, len(days[best]), max(days[best])))
    return found


def test_the_main_benefit_of_ranges_is_the_day_by_day_main_benefit() -> None:
    con = connect(threads=1)
    rules = load_rules()
    calendar = calendar_table(rules, LO, END + 1)
    schema = {
        "person_id": "string",
        "benefit": "string",
        **{c: "int64" for c in ("start_day", "end_day", "start_m", "end_m")},
    }
    for seed in range(25):
        islands = _islands(seed, rules)
        table = ibis.memtable(islands, schema=schema)
        main = main_benefit(benefit_days(benefit_pieces(table, calendar, rules, SPAN)), rules)
        rows = con.to_pyarrow(main).to_pylist()
        got = [(r["person_id"], r["m"], r["benefit"], r["days"], r["last_in_m"]) for r in rows]
        assert len(got) == len(set(got)), seed
        assert set(got) == _by_day(islands, rules), seed


def _residence(seed: int) -> list[Row]:
    """Random residence rows, overlapping, touching or apart, some on the same day."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for person in ("a", "b", "c"):
        day = 0
        for _ in range(rng.randint(1, 5)):
            start = day + rng.randint(-6, 4)
            end = start + rng.randint(0, 12)
            code = rng.choice(["101", "147", "851"])
            rows.append(dict(person_id=person, municipality_code=code, start_day=start))
            rows[-1].update(end_day=end, moved_in=start - rng.choice([0, 0, 3]))
            day = end
    return rows


def test_the_residence_ranges_give_the_latest_move_of_every_day() -> None:
    con = connect(threads=1)
    schema = {"person_id": "string", "municipality_code": "string"}
    schema |= {c: "int64" for c in ("start_day", "end_day", "moved_in")}
    for seed in range(30):
        residence = _residence(seed)
        t = ibis.memtable(residence, schema=schema)
        rows = con.to_pyarrow(_residence_ranges(t)).to_pylist()
        for person in ("a", "b", "c"):
            own = [r for r in residence if r["person_id"] == person]
            for day in range(-10, 80):
                holding = [r for r in own if r["start_day"] <= day <= r["end_day"]]
                found = [
                    r["municipality_code"]
                    for r in rows
                    if r["person_id"] == person and r["r_from"] <= day <= r["r_to"]
                ]
                want = []
                if holding:
                    best = max(holding, key=lambda r: (r["moved_in"], -int(r["municipality_code"])))
                    want = [best["municipality_code"]]
                assert found == want, (seed, person, day)
