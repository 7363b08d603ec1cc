"""Volumes and rates resemble Denmark: about 900,000 of 3.8 million on a benefit in a month."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pyarrow as pa

DAY = dt.date(2020, 6, 15)


def _query(sql: str, tables: dict[str, pa.Table], **params: Any) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    for name, table in tables.items():
        con.register(name, table)
    return con.execute(sql, params).fetchall()


def _on_benefit(tables: dict[str, pa.Table], day: dt.date) -> dict[str, int]:
    rows = _query(
        "select benefit, count(distinct person_id) from benefits "
        "where start_date <= $day and coalesce(end_date, DATE '9999-12-31') >= $day "
        "group by benefit",
        tables,
        day=day,
    )
    return {str(b): int(n) for b, n in rows}


def test_about_a_quarter_of_persons_are_on_some_benefit_in_a_month(
    tables: dict[str, pa.Table],
) -> None:
    persons = tables["persons"].num_rows
    on = _on_benefit(tables, DAY)
    share = sum(on.values()) / persons
    # 900,000 of 3.8 million is 23.7 %
    assert 0.20 < share < 0.28


def test_every_benefit_group_is_present_and_foertidspension_is_the_largest(
    tables: dict[str, pa.Table],
) -> None:
    on = _on_benefit(tables, DAY)
    assert len(on) == 16
    assert max(on, key=lambda b: on[b]) == "foertidspension"


def test_long_spells_exist_so_that_persons_are_measured(tables: dict[str, pa.Table]) -> None:
    [(count,)] = _query(
        "select count(*) from benefits where benefit = 'kontanthjaelp' "
        "and start_date <= DATE '2019-06-01' "
        "and coalesce(end_date, DATE '9999-12-31') >= DATE '2020-06-30'",
        tables,
    )
    assert count > 100


def test_offers_and_conversations_cover_the_years_and_the_two_years_of_history(
    tables: dict[str, pa.Table],
) -> None:
    [(lo, hi)] = _query("select min(date), max(date) from conversations", tables)
    assert lo == dt.date(2017, 1, 1) or dt.date(2017, 1, 1) < lo < dt.date(2017, 1, 8)
    assert hi <= dt.date(2021, 12, 31)
    kinds = {k for (k,) in _query("select distinct offer from offers", tables)}
    assert "delvis_raskmelding" in kinds and "loentilskud" in kinds


def test_no_benefit_starts_before_the_two_years_of_history(tables: dict[str, pa.Table]) -> None:
    [(first,)] = _query("select min(start_date) from benefits", tables)
    assert first == dt.date(2017, 1, 1)


def test_nothing_is_dated_after_the_last_day_of_the_data(tables: dict[str, pa.Table]) -> None:
    last = dt.date(2021, 12, 31)
    for table, column in (
        ("benefits", "end_date"),
        ("offers", "end_date"),
        ("exemptions", "end_date"),
        ("residence", "valid_to"),
        ("conversations", "date"),
    ):
        [(latest,)] = _query(f"select max({column}) from {table}", tables)
        assert latest <= last, table
    [(month,)] = _query("select max(month) from employment_hours", tables)
    assert month <= "2021-12"
