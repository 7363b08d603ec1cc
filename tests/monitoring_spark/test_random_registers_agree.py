"""Random registers (the reference's hypothesis strategy, several combined into one so that
Spark runs once per example) give the same stages and result on PySpark as on DuckDB.

Derandomized: the same examples every run; no shrinking (each step is a Spark run)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.monitoring.reference.generators import registers
from tests.monitoring.reference.writer import Table, write_tables
from tests.monitoring_spark.conformance import outcome, stage_differences
from tests.monitoring_spark.registers import combined

pytestmark = pytest.mark.spark


@settings(
    max_examples=2,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(registers(max_persons=4), min_size=6, max_size=6))
def test_random_registers_give_the_same_stages_and_result(
    spark: Any, parts: list[dict[str, Table]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = write_tables(Path(folder), combined(parts))
        duck, on_spark = outcome(data, "duckdb"), outcome(data, "pyspark")
    assert [d for name in duck.stages for d in stage_differences(name, duck, on_spark)] == []
    assert on_spark.result == duck.result
