"""Properties of the reference itself on random histories (no engine involved)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from .generators import registers
from .reference import focus_targets, worklist
from .tables import read_register
from .writer import Table, write_tables

FIRST, LAST = (2019, 10), (2020, 3)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_counts_shares_and_the_work_list_agree(tables: dict[str, Table]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        register = read_register(write_tables(Path(folder), tables))
    rows = focus_targets(register, FIRST, LAST)
    for row in rows:
        assert 0 < row.population == row.conversations_population
        assert 0 <= row.offers_met <= row.offers_population <= row.population
        assert 0 <= row.conversations_met <= row.population
    last = {row.municipality_code: row for row in rows if row.month == LAST}
    lines = worklist(register, LAST)
    for code, row in last.items():
        mine = [line for line in lines if line.municipality_code == code]
        assert sum(line.lacks_offer for line in mine) == row.offers_population - row.offers_met
        assert sum(line.lacks_conversations for line in mine) == (
            row.population - row.conversations_met
        )
    assert {line.municipality_code for line in lines} <= set(last)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_running_means_do_not_depend_on_the_months_asked_for(tables: dict[str, Table]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        register = read_register(write_tables(Path(folder), tables))
    wide = {(r.municipality_code, r.month): r for r in focus_targets(register, FIRST, LAST)}
    narrow = focus_targets(register, LAST, LAST)
    assert {(r.municipality_code, r.month): r for r in narrow} == {
        key: row for key, row in wide.items() if key[1] == LAST
    }
