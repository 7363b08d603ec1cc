"""The engines the measure code runs on: embedded DuckDB, or PySpark local (`effekt[spark]`).

Reading and validating the inputs always happens on DuckDB (`staging`). On PySpark the typed
tables are handed over as Parquet files and the chain of stages (`pipeline.stages`) runs there
unchanged; each stored stage becomes a checkpointed temporary view.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import weakref
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Literal

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.env import env_int, env_str

Engine = Literal["duckdb", "pyspark"]
ENGINES: tuple[Engine, ...] = ("duckdb", "pyspark")
_SESSION: list[Any] = []  # the process's one SparkSession, made on first use


class EngineError(RuntimeError):
    """The chosen engine cannot run here (PySpark or Java missing)."""


def duckdb(memory_limit: str | None = None, threads: int | None = None) -> ibis.BaseBackend:
    """An embedded DuckDB connection (EFFEKT_DUCKDB_MEMORY_LIMIT, EFFEKT_DUCKDB_THREADS) that
    spills to a private temporary folder, not to the working directory."""
    limit = memory_limit or env_str("EFFEKT_DUCKDB_MEMORY_LIMIT", "")
    count = threads or env_int("EFFEKT_DUCKDB_THREADS", 0)
    config: dict[str, str | int] = {}
    if limit:
        config["memory_limit"] = limit
    if count:
        config["threads"] = count
    # spilled rows are register data: a private folder (mode 0700), removed with the connection
    spill = tempfile.mkdtemp(prefix="effekt-duckdb-")
    config["temp_directory"] = spill
    con = ibis.duckdb.connect(**config)
    weakref.finalize(con, shutil.rmtree, spill, True)
    return con


def spark_config() -> dict[str, str]:
    """The local SparkSession's settings, from EFFEKT_SPARK_* (see docs/monitoring-spark.md)."""
    return {
        "spark.master": env_str("EFFEKT_SPARK_MASTER", "local[2]"),
        "spark.driver.memory": env_str("EFFEKT_SPARK_DRIVER_MEMORY", "2g"),
        "spark.sql.shuffle.partitions": str(env_int("EFFEKT_SPARK_SHUFFLE_PARTITIONS", 4)),
        "spark.default.parallelism": str(env_int("EFFEKT_SPARK_SHUFFLE_PARTITIONS", 4)),
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.driver.extraJavaOptions": "-Duser.timezone=UTC",
        "spark.executor.extraJavaOptions": "-Duser.timezone=UTC",
    }


def spark_session() -> Any:
    """The process's local SparkSession, started on first use (pyspark must be installed)."""
    if not _SESSION:
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise EngineError(
                "--engine pyspark needs PySpark and Java: pip install 'effekt[spark]' "
                "(see docs/monitoring-spark.md)"
            ) from None
        if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
            raise EngineError("--engine pyspark needs Java 17 or later (openjdk-17-jre-headless)")
        # Python workers (for in-memory tables) must run this interpreter, not the system's;
        # local mode needs no network name (and then Spark does not warn about it)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = SparkSession.builder.appName("effekt-monitoring")
        for key, value in spark_config().items():
            builder = builder.config(key, value)
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel(env_str("EFFEKT_SPARK_LOG_LEVEL", "ERROR"))
        _SESSION.append(session)
    return _SESSION[0]


def pyspark() -> ibis.BaseBackend:
    """An Ibis connection to the local SparkSession."""
    return ibis.pyspark.connect(spark_session())


def store(con: ibis.BaseBackend, name: str, expr: ir.Table) -> ir.Table:
    """Materialise `expr` as the temporary table `name` on `con` and return it.

    DuckDB has temporary tables; on PySpark the stage becomes a temporary view over an eager
    local checkpoint, so later stages read computed rows and Spark's plans stay short.
    """
    if con.name != "pyspark":
        return con.create_table(name, expr, temp=True, overwrite=True)
    plan = f"{name}_plan"
    con.create_view(plan, expr, overwrite=True)  # compiles and registers in-memory tables
    session = spark_session()
    session.table(plan).localCheckpoint(eager=True).createOrReplaceTempView(name)
    session.catalog.dropTempView(plan)
    return con.table(name)


class Handover(AbstractContextManager["Handover"]):
    """Copies DuckDB tables to another engine through Parquet files in a temporary folder.

    The folder lives until the context ends (Spark reads the files lazily).
    """

    def __init__(self, target: ibis.BaseBackend) -> None:
        self.target = target
        self._folder = tempfile.TemporaryDirectory(prefix="effekt-handover-")

    def __call__(self, tables: dict[str, ir.Table]) -> dict[str, ir.Table]:
        if self.target.name != "pyspark":
            return tables
        moved = {}
        for name, table in tables.items():
            path = Path(self._folder.name) / f"{name}.parquet"
            table.to_parquet(path)
            view = self.target.read_parquet(path, table_name=f"file_{name}")
            moved[name] = store(self.target, f"stg_{name}", view)
        return moved

    def __exit__(self, *exc: object) -> None:
        self._folder.cleanup()
