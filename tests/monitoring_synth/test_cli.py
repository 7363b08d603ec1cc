from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from effekt.monitoring.synth_cli import expected_rates, synth


def test_the_synth_command_writes_parquet_tables_and_counts_rows(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        synth, ["--persons", "1500", "--years", "1", "--seed", "5", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "benefits.parquet").exists()
    assert "wrote" in result.output and "persons.parquet (1,500 rows)" in result.output


def test_the_synth_command_refuses_zero_persons(tmp_path: Path) -> None:
    result = CliRunner().invoke(synth, ["--persons", "0", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--persons" in result.output


@pytest.mark.slow
def test_expected_rates_prints_the_method_and_fit_and_writes_the_shares(tmp_path: Path) -> None:
    data = tmp_path / "data"
    runner = CliRunner()
    made = runner.invoke(
        synth, ["--persons", "2000", "--years", "1", "--first-year", "2021", "--out", str(data)]
    )
    assert made.exit_code == 0, made.output
    out = tmp_path / "expected.csv"
    result = runner.invoke(
        expected_rates,
        ["--data", str(data), "--from", "2021-01", "--to", "2021-12", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Method: OLS across municipalities")
    assert "2021: n=" in result.output and "leave-one-out RMSE" in result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "municipality_code,period,expected_share,source"
    assert {line.split(",")[1] for line in lines[1:]} == {"2021", "2021H1", "2021H2"}
    assert all(line.endswith(",model") for line in lines[1:])


def test_expected_rates_refuses_a_folder_without_framework_conditions(tmp_path: Path) -> None:
    (tmp_path / "persons.csv").write_text("person_id,birth_date\nA,1980-01-01\n")
    (tmp_path / "residence.csv").write_text(
        "person_id,municipality_code,valid_from,valid_to\nA,230,2000-01-01,\n"
    )
    (tmp_path / "benefits.csv").write_text(
        "person_id,benefit,start_date,end_date\nA,kontanthjaelp,2020-01-01,\n"
    )
    result = CliRunner().invoke(expected_rates, ["--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "framework_conditions is missing or empty" in result.output
