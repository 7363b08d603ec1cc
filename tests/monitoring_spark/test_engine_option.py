"""`effekt monitoring run --engine pyspark` writes the same files as DuckDB; the local Spark's
settings come from the environment; a missing PySpark is a clear error, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from effekt.cli import main
from effekt.monitoring.engine import backends
from tests.monitoring.reference.scenarios import (
    scenario_a_spell_counts_from_its_twelfth_whole_month as scenario,
)
from tests.monitoring.reference.writer import write_tables

pytestmark = pytest.mark.spark
FILES = ("focus_targets.csv", "verdicts.csv", "result_target.csv", "worklist.csv")


def _run(data: Path, out: Path, engine: str) -> dict[str, bytes]:
    args = ["monitoring", "run", "--data", str(data), "--out", str(out), "--engine", engine]
    done = CliRunner().invoke(main, [*args, "--from", "2019-11", "--to", "2020-01"])
    assert done.exit_code == 0, done.output
    return {name: (out / name).read_bytes() for name in FILES}


def test_the_command_writes_the_same_files_on_pyspark(spark: Any, tmp_path: Path) -> None:
    data = write_tables(tmp_path / "data", scenario())
    on_duckdb = _run(data, tmp_path / "duckdb", "duckdb")
    assert on_duckdb == _run(data, tmp_path / "pyspark", "pyspark")
    assert b"2020-01" in on_duckdb["focus_targets.csv"]


def test_the_local_spark_is_configured_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EFFEKT_SPARK_MASTER", "local[1]")
    monkeypatch.setenv("EFFEKT_SPARK_SHUFFLE_PARTITIONS", "2")
    monkeypatch.setenv("EFFEKT_SPARK_DRIVER_MEMORY", "1g")
    config = backends.spark_config()
    assert config["spark.master"] == "local[1]"
    assert config["spark.sql.shuffle.partitions"] == "2"
    assert config["spark.driver.memory"] == "1g"
    assert config["spark.sql.session.timeZone"] == "UTC"


def test_without_pyspark_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(backends, "_SESSION", [])  # no session started yet in this process
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # makes the import fail
    data = write_tables(tmp_path / "data", scenario())
    args = ["monitoring", "run", "--data", str(data), "--out", str(tmp_path / "out")]
    done = CliRunner().invoke(main, [*args, "--engine", "pyspark"])
    assert done.exit_code == 1
    assert "pip install 'effekt[spark]'" in done.output
    assert not (tmp_path / "out").exists()
