"""Importers: every table validated, errors name file, line and column, nothing is written."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.monitoring.scenarios.helpers import benefit, lives, person, run_cli, write_tables

BASE = {
    "persons": [person("a")],
    "residence": [lives("a", "101")],
    "benefits": [benefit("a", "kontanthjaelp", "2019-01-01", "2020-12-31")],
}


def _error(tmp_path: Path, **tables: list[dict[str, str]]) -> str:
    result = run_cli(tmp_path, {**BASE, **tables}, "--from", "2020-01", "--to", "2020-12")
    assert result.exit_code != 0
    assert not (tmp_path / "out").exists(), "nothing may be written when an input is invalid"
    return result.output


def test_it_names_file_line_and_column_of_an_end_before_the_start(tmp_path: Path) -> None:
    rows = [
        benefit("a", "kontanthjaelp", "2019-01-01"),
        benefit("a", "su", "2020-05-02", "2020-05-01"),
    ]
    output = _error(tmp_path, benefits=rows)
    assert "benefits.csv, line 3, column end_date" in output
    assert "is before start_date" in output


def test_it_refuses_an_unknown_benefit_code(tmp_path: Path) -> None:
    output = _error(tmp_path, benefits=[benefit("a", "bistand", "2019-01-01")])
    assert "benefits.csv, line 2, column benefit: 'bistand' is not one of" in output


def test_it_refuses_a_date_that_does_not_exist(tmp_path: Path) -> None:
    output = _error(tmp_path, persons=[person("a", "1980-02-30")])
    assert "persons.csv, line 2, column birth_date: '1980-02-30' is not a date" in output


def test_it_refuses_an_unknown_code_in_an_optional_table(tmp_path: Path) -> None:
    talk = {
        "person_id": "a",
        "date": "2020-01-05",
        "form": "brev",
        "kind": "jobsamtale",
        "held_by": "jobcenter",
    }
    output = _error(tmp_path, conversations=[talk])
    assert "conversations.csv, line 2, column form: 'brev'" in output


def test_it_refuses_a_missing_required_column(tmp_path: Path) -> None:
    data = write_tables(tmp_path / "data", BASE)
    (data / "offers.csv").write_text("person_id,offer,start_date\na,mentor,2019-01-01\n")
    from click.testing import CliRunner

    from effekt.cli import main

    result = CliRunner().invoke(main, ["monitoring", "validate", "--data", str(data)])
    assert result.exit_code != 0
    assert "offers.csv, line 1, column end_date: required column is missing" in result.output


def test_it_refuses_a_folder_without_benefits(tmp_path: Path) -> None:
    data = write_tables(
        tmp_path / "data", {"persons": BASE["persons"], "residence": BASE["residence"]}
    )
    from click.testing import CliRunner

    from effekt.cli import main

    result = CliRunner().invoke(main, ["monitoring", "validate", "--data", str(data)])
    assert "benefits.csv: required table is missing" in result.output


RESIDENCE = {"person_id": "a", "valid_from": "2000-01-01", "valid_to": ""}
TALK = {"person_id": "a", "date": "2020-01-05", "form": "video", "kind": "jobsamtale"}
BAD_VALUES = [
    ("employment_hours", {"person_id": "a", "month": "2020-13", "hours": "10"}, "month"),
    ("employment_hours", {"person_id": "a", "month": "2020-01", "hours": "1.234"}, "hours"),
    ("residence", {**RESIDENCE, "municipality_code": "1011"}, "municipality_code"),
    ("expected_rates", {"municipality_code": "101", "period": "2020H3"}, "period"),
    ("expected_rates", {"municipality_code": "101", "period": "2020"}, "expected_share"),
    ("conversations", {**TALK, "held_by": "akasse", "akasse_experiment": "x"}, "akasse_experiment"),
]


@pytest.mark.parametrize(("table", "row", "column"), BAD_VALUES)
def test_it_checks_every_kind_of_value(
    tmp_path: Path, table: str, row: dict[str, str], column: str
) -> None:
    if table == "expected_rates":
        row = {**row, "expected_share": "1.5" if column == "expected_share" else "0.1"}
    rows = [*BASE["residence"], row] if table == "residence" else [row]
    output = _error(tmp_path, **{table: rows})
    assert f"{table}.csv, line {len(rows) + 1}, column {column}" in output


@pytest.mark.parametrize("person_id", ["", "\n", "\n\n"])
def test_an_id_without_any_character_but_line_breaks_is_empty(
    tmp_path: Path, person_id: str
) -> None:
    output = _error(tmp_path, residence=[*BASE["residence"], lives(person_id, "101")])
    assert "residence.csv, line 3, column person_id" in output
    assert "is empty" in output


def test_an_id_with_a_line_break_and_more_is_an_id(tmp_path: Path) -> None:
    odd = "a\nb"
    result = run_cli(tmp_path, {**BASE, "residence": [*BASE["residence"], lives(odd, "147")]})
    assert result.exit_code == 0, result.output


def test_it_reads_parquet_as_well_as_csv(tmp_path: Path) -> None:
    data = write_tables(
        tmp_path / "data", {"persons": BASE["persons"], "residence": BASE["residence"]}
    )
    pq.write_table(
        pa.table({
            "person_id": ["a"], "benefit": ["kontanthjaelp"],
            "start_date": pa.array([__import__("datetime").date(2019, 1, 1)]),
            "end_date": pa.array([None], type=pa.date32()),
        }),
        data / "benefits.parquet",
    )  # fmt: skip
    from click.testing import CliRunner

    from effekt.cli import main

    out = tmp_path / "out"
    args = [
        "monitoring",
        "run",
        "--data",
        str(data),
        "--out",
        str(out),
        "--from",
        "2020-01",
        "--to",
        "2020-01",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    # kontanthjælp from 2019-01-01 has lasted 12 months by 31 December: measured in January
    assert "101,2020-01,1,1,0,0.0,1,0,0.0,0.0,0.0" in (out / "focus_targets.csv").read_text()


def test_it_refuses_a_month_range_that_is_not_one(tmp_path: Path) -> None:
    result = run_cli(tmp_path, BASE, "--from", "2020-13")
    assert result.exit_code != 0
    assert "'2020-13' is not a month YYYY-MM" in result.output
    result = run_cli(tmp_path, BASE, "--from", "2020-05", "--to", "2020-04")
    assert "2020-04 is before 2020-05" in result.output
    assert not (tmp_path / "out").exists()


def test_it_refuses_a_person_twice(tmp_path: Path) -> None:
    output = _error(tmp_path, persons=[person("a"), person("b"), person("a", "1990-01-01")])
    assert "persons.csv, line 4, column person_id: repeats an earlier line's person_id" in output
