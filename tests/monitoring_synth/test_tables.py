"""The synthetic tables follow the input contract and the engine accepts them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.schema import SPECS
from effekt.monitoring.engine.staging import stage
from effekt.monitoring.synth import SynthOptions, generate, write


def test_it_writes_every_table_of_the_contract_except_expected_rates(
    tables: dict[str, pa.Table],
) -> None:
    assert set(tables) == set(SPECS) - {"expected_rates"}
    for name, table in tables.items():
        required = {column.name for column in SPECS[name].required}
        assert required <= set(table.column_names), name
        assert table.num_rows > 0, name


def test_the_engine_validates_the_parquet_folder_without_complaint(folder: Path) -> None:
    staged = stage(connect(), folder)
    assert staged["benefits"].count().execute() > 0


def test_the_engine_validates_the_same_tables_written_as_csv(tmp_path: Path) -> None:
    write(generate(SynthOptions(persons=2_000, years=2, seed=3)), tmp_path, "csv")
    assert sorted(p.name for p in tmp_path.iterdir())[0] == "benefits.csv"
    staged = stage(connect(), tmp_path)
    assert staged["persons"].count().execute() == 2_000


def test_it_uses_the_98_real_municipality_codes_and_names(tables: dict[str, pa.Table]) -> None:
    rows = dict(
        zip(
            tables["municipalities"]["municipality_code"].to_pylist(),
            tables["municipalities"]["name"].to_pylist(),
            strict=True,
        )
    )
    assert len(rows) == 98
    assert rows["101"] == "København"
    assert rows["230"] == "Rudersdal"
    assert rows["851"] == "Aalborg"
    assert "411" not in rows  # Christiansø is not a municipality
    assert set(tables["residence"]["municipality_code"].to_pylist()) <= set(rows)


def test_some_municipalities_are_frikommuner(tables: dict[str, pa.Table]) -> None:
    status = tables["municipality_status"]["status"].to_pylist()
    assert status.count("frikommune") >= 5
    assert "forsoegskommune" in status


def test_every_person_is_16_to_66_in_the_middle_of_the_years(tables: dict[str, pa.Table]) -> None:
    middle = dt.date(2020, 7, 1)  # 2019-2021
    births = tables["persons"]["birth_date"].to_pylist()
    ages = [(middle - b).days / 365.25 for b in births]
    assert 16 <= min(ages) < 16.1
    assert 66.9 < max(ages) < 67


def test_some_persons_move_and_some_spells_are_still_running(tables: dict[str, pa.Table]) -> None:
    residence = tables["residence"]
    assert residence.num_rows > tables["persons"].num_rows  # movers have a second row
    assert residence["valid_to"].null_count < residence.num_rows
    assert 0 < tables["benefits"]["end_date"].null_count < tables["benefits"].num_rows


def test_only_dagpenge_rows_carry_hours_and_new_periods(tables: dict[str, pa.Table]) -> None:
    benefits = tables["benefits"]
    dagpenge = pc.equal(benefits["benefit"], "dagpenge")
    has_hours = pc.is_valid(benefits["hours"])
    assert pc.any(has_hours).as_py()
    assert not pc.any(pc.and_(has_hours, pc.invert(dagpenge))).as_py()
    assert not pc.any(pc.and_(benefits["new_period"], pc.invert(dagpenge))).as_py()


def test_it_is_reproducible_by_seed() -> None:
    options = SynthOptions(persons=3_000, years=2, seed=11)
    first, second = generate(options), generate(options)
    assert all(first[name].equals(second[name]) for name in first)
    other = generate(SynthOptions(persons=3_000, years=2, seed=12))
    assert not first["benefits"].equals(other["benefits"])


def test_a_tiny_population_still_gets_every_table() -> None:
    tables = generate(SynthOptions(persons=50, years=1, seed=1))
    assert tables["persons"].num_rows == 50
    assert set(tables["benefits"]["benefit"].to_pylist()) < set(SPECS["benefits"].required[1].codes)


def test_it_refuses_zero_persons() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        generate(SynthOptions(persons=0))
