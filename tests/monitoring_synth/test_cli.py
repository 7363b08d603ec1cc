from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from effekt.monitoring.synth_cli import synth


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
