"""Run the engine on DuckDB and on PySpark over one register folder and keep every stored
stage's schema and rows, and the result, for comparison."""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import ibis  # type: ignore[import-untyped]

from effekt.monitoring.engine import MonitoringResult, RunOptions, load_rules
from effekt.monitoring.engine.backends import Engine
from effekt.monitoring.engine.run import compute, on_engine, staged_inputs

Rows = list[dict[str, Any]]
# the module, not the function `run` that the package exports under the same name
RUN_MODULE = importlib.import_module("effekt.monitoring.engine.run")


@dataclass(frozen=True)
class Outcome:
    """What one engine computed: each stage as (schema, sorted rows), and the result."""

    stages: dict[str, tuple[dict[str, str], Rows]]
    result: MonitoringResult


def sorted_rows(rows: Rows) -> Rows:
    """Rows in a fixed order that does not depend on the engine (value types kept)."""
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=repr))


def _stored(con: ibis.BaseBackend, names: list[str]) -> dict[str, tuple[dict[str, str], Rows]]:
    stages = {}
    for name in names:
        table = con.table(f"int_{name}")
        schema = {column: str(dtype) for column, dtype in table.schema().items()}
        stages[name] = (schema, sorted_rows(table.to_pyarrow().to_pylist()))
    return stages


def outcome(
    data: Path, engine: Engine, start: str | None = None, end: str | None = None
) -> Outcome:
    """The engine's `run` on `engine`, keeping every stage (`int_<name>` tables).

    A run streams the stages read only once into the next query; here every stage is stored,
    so each can be compared. (The command-line test compares the streamed run's files.)"""
    options = RunOptions(data, start, end, threads=1, engine=engine)
    con, staged, span, first = staged_inputs(options)
    names: list[str] = []

    def step(text: str) -> None:
        if text.startswith("computing "):
            names.append(text.removeprefix("computing "))

    with (
        on_engine(engine, con, staged) as (target, tables),
        mock.patch.object(RUN_MODULE, "_STREAMED", frozenset()),
    ):
        result = compute(target, tables, load_rules(), span, first, step, keep_stages=True)
        return Outcome(_stored(target, names), result)


def stage_differences(name: str, duck: Outcome, spark: Outcome) -> list[str]:
    """What differs in stage `name` between DuckDB and PySpark (empty when equal)."""
    (want_schema, want), (got_schema, got) = duck.stages[name], spark.stages[name]
    found = []
    if got_schema != want_schema:
        found.append(f"{name}: schema {got_schema} on PySpark, {want_schema} on DuckDB")
    if got != want:
        only_duck = [row for row in want if row not in got][:3]
        only_spark = [row for row in got if row not in want][:3]
        found.append(
            f"{name}: {len(got)} rows on PySpark, {len(want)} on DuckDB; "
            f"only on DuckDB {only_duck}, only on PySpark {only_spark}"
        )
    return found
