"""The comparison itself: it finds a changed value, a missing row and a changed type."""

from __future__ import annotations

import pytest

from effekt.monitoring.engine.result import MonitoringResult
from tests.monitoring_spark.conformance import Outcome, sorted_rows, stage_differences

pytestmark = pytest.mark.spark
RESULT = MonitoringResult("2020-01", "2020-01", ("x",))


def _outcome(schema: dict[str, str], rows: list[dict[str, object]]) -> Outcome:
    return Outcome({"s": (schema, sorted_rows(rows))}, RESULT)


def test_equal_rows_in_another_order_agree() -> None:
    rows: list[dict[str, object]] = [{"p": "a", "n": 1}, {"p": "b", "n": None}]
    assert stage_differences("s", _outcome({}, rows), _outcome({}, rows[::-1])) == []


def test_a_changed_value_a_missing_row_and_a_changed_type_are_found() -> None:
    duck = _outcome({"n": "int64"}, [{"p": "a", "n": 1}, {"p": "b", "n": 2}])
    value = _outcome({"n": "int64"}, [{"p": "a", "n": 1}, {"p": "b", "n": 3}])
    missing = _outcome({"n": "int64"}, [{"p": "a", "n": 1}])
    typed = _outcome({"n": "float64"}, [{"p": "a", "n": 1}, {"p": "b", "n": 2}])
    assert "only on PySpark [{'p': 'b', 'n': 3}]" in stage_differences("s", duck, value)[0]
    assert "1 rows on PySpark, 2 on DuckDB" in stage_differences("s", duck, missing)[0]
    assert "schema" in stage_differences("s", duck, typed)[0]
