"""Parquet files with dates, flags and strings typed as the contract says are staged without
going through strings, with the same staged tables and the same error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.staging import InputError, stage
from effekt.monitoring.synth import SynthOptions, generate, write


def _rows(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    staged = stage(connect(threads=1), folder)
    return {
        name: sorted(tuple(str(v) for v in row.values()) for row in t.to_pyarrow().to_pylist())
        for name, t in staged.items()
    }


@pytest.mark.slow
def test_typed_parquet_stages_exactly_like_the_same_rows_in_csv(tmp_path: Path) -> None:
    tables = generate(SynthOptions(persons=400, years=1, first_year=2021, seed=3))
    write(tables, tmp_path / "csv", "csv")
    write(tables, tmp_path / "parquet", "parquet")
    from_csv, from_parquet = _rows(tmp_path / "csv"), _rows(tmp_path / "parquet")
    assert from_csv["benefits"] and from_csv["conversations"]
    for name, rows in from_csv.items():
        # the line column counts from the header in CSV and from the first row in Parquet
        shift = 1 if name == "benefits" else 0
        assert [r[:-1] if shift else r for r in rows] == [
            r[:-1] if shift else r for r in from_parquet[name]
        ], name


def _benefits(folder: Path, starts: list[dt.date | None], ends: list[dt.date | None]) -> Path:
    folder.mkdir(parents=True)
    n = len(starts)
    pq.write_table(
        pa.table({"person_id": ["a"], "birth_date": [dt.date(1980, 1, 1)]}),
        folder / "persons.parquet",
    )
    pq.write_table(
        pa.table({"person_id": ["a"], "municipality_code": ["101"],
                  "valid_from": [dt.date(2000, 1, 1)], "valid_to": pa.array([None], pa.date32())}),
        folder / "residence.parquet",
    )  # fmt: skip
    pq.write_table(
        pa.table({"person_id": ["a"] * n, "benefit": ["kontanthjaelp"] * n,
                  "start_date": pa.array(starts, pa.date32()),
                  "end_date": pa.array(ends, pa.date32()),
                  "supplementary": pa.array([False] * n)}),
        folder / "benefits.parquet",
    )  # fmt: skip
    return folder


def test_a_missing_required_date_in_typed_parquet_names_its_row(tmp_path: Path) -> None:
    data = _benefits(tmp_path / "d", [dt.date(2019, 1, 1), None], [None, None])
    with pytest.raises(InputError) as caught:
        stage(connect(threads=1), data)
    assert str(caught.value) == (
        "benefits.parquet, row 2, column start_date: '' is not a date YYYY-MM-DD"
    )


def test_an_end_before_the_start_in_typed_parquet_names_its_row(tmp_path: Path) -> None:
    day = dt.date(2019, 5, 2)
    data = _benefits(tmp_path / "d", [day, day, day], [None, day, day - dt.timedelta(days=1)])
    with pytest.raises(InputError) as caught:
        stage(connect(threads=1), data)
    assert "benefits.parquet, row 3, column end_date" in str(caught.value)
    assert "is before start_date" in str(caught.value)


def test_typed_parquet_stages_open_ends_and_flags(tmp_path: Path) -> None:
    data = _benefits(tmp_path / "d", [dt.date(2019, 1, 1)], [None])
    staged = stage(connect(threads=1), data)
    row = staged["benefits"].to_pyarrow().to_pylist()[0]
    assert (row["start_day"], row["end_day"], row["end_m"]) == (17897, 2_000_000, 100_000)
    assert (row["supplementary"], row["new_period"], row["line"]) == (False, False, 1)
