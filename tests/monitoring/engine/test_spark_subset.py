"""The measure logic stays in an Ibis subset that PySpark also runs: every stage compiles to
Spark SQL without a Spark (fast, in every database run). Running the stages on PySpark and
comparing the rows with DuckDB is the conformance suite, tests/monitoring_spark."""

from __future__ import annotations

from pathlib import Path

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
import pytest

from effekt.monitoring.engine import connect, load_rules
from effekt.monitoring.engine.calendar import day_number, first_day, month_index
from effekt.monitoring.engine.pipeline import STAGES, stages
from effekt.monitoring.engine.spells import Span
from effekt.monitoring.engine.staging import stage
from tests.monitoring.scenarios.helpers import benefit, lives, person, write_tables


def _unbound_staged_tables(tmp_path: Path) -> dict[str, ir.Table]:
    data = write_tables(
        tmp_path,
        {
            "persons": [person("a")],
            "residence": [lives("a", "101")],
            "benefits": [benefit("a", "dagpenge", "2019-01-01", hours="160.33")],
        },
    )
    staged = stage(connect(threads=1), data)
    return {name: ibis.table(t.schema(), name=f"stg_{name}") for name, t in staged.items()}


PARAMETERS = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"


@pytest.mark.slow
@pytest.mark.parametrize("holidays", [False, True], ids=["default", "holiday-calendar"])
def test_every_stage_compiles_to_spark_sql(tmp_path: Path, holidays: bool) -> None:
    # the dagpenge holiday calendar adds joins only when a parameter set switches it on
    parameters = tmp_path / "parameters.toml"
    text = PARAMETERS.read_text("utf-8")
    parameters.write_text(
        text.replace("dagpenge_holidays = false", f"dagpenge_holidays = {str(holidays).lower()}"),
        "utf-8",
    )
    lo, start, end = month_index(2018, 1), month_index(2019, 2), month_index(2020, 12)
    span = Span(lo, start, end, day_number(first_day(lo)), day_number(first_day(end + 1)) - 1)
    compiled: dict[str, str] = {}

    def store(name: str, expr: ir.Table) -> ir.Table:
        # like the real store, later stages read a materialised table
        compiled[name] = ibis.to_sql(expr, dialect="pyspark")
        return ibis.table(expr.schema(), name=name)

    stages(_unbound_staged_tables(tmp_path), load_rules(parameters), span, store)
    assert {"seniority", "population", "person_measures", "result_counts"} <= set(compiled)
    assert len(compiled) == STAGES, "the progress bar counts STAGES stored stages"
    for name, sql in compiled.items():
        assert "ASOF" not in sql.upper(), name
