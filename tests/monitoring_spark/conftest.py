"""One SparkSession for the whole conformance suite, and each fixture register run once on
each engine (session-scoped: a Spark run costs tens of seconds even on a small register)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from effekt.monitoring.engine import backends
from tests.monitoring_spark.conformance import Outcome, outcome
from tests.monitoring_spark.registers import WORKED_SPAN, synthetic, worked_examples

Pair = tuple[Outcome, Outcome]


@pytest.fixture(scope="session")
def spark() -> Any:
    """The local SparkSession. Missing PySpark fails the suite: `make test` installs it."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        pytest.fail("PySpark is missing: pip install -r requirements-spark.lock (make test-spark)")
    return backends.spark_session()


def _both(data: Path, start: str | None = None, end: str | None = None) -> Pair:
    return outcome(data, "duckdb", start, end), outcome(data, "pyspark", start, end)


@pytest.fixture(scope="session")
def worked(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The worked examples (hand-made registers) on DuckDB and on PySpark."""
    return _both(worked_examples(tmp_path_factory.mktemp("worked")), *WORKED_SPAN)


@pytest.fixture(scope="session")
def synth(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """A small synthetic register on DuckDB and on PySpark."""
    return _both(synthetic(tmp_path_factory.mktemp("synth")))
