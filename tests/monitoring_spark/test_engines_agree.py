"""The measure code gives exactly the same rows on PySpark local as on DuckDB: every stored
stage of `pipeline.stages` (schema and sorted rows), the focus and result counts, the work
list and the whole `MonitoringResult`, over the worked examples and a synthetic register."""

from __future__ import annotations

import pytest

from tests.monitoring_spark.conformance import stage_differences
from tests.monitoring_spark.conftest import Pair

pytestmark = pytest.mark.spark
REGISTERS = ["worked", "synth"]


@pytest.mark.parametrize("register", REGISTERS)
def test_every_stage_has_the_same_schema_and_rows_on_both_engines(
    register: str, request: pytest.FixtureRequest
) -> None:
    duck, spark = request.getfixturevalue(register)
    assert list(spark.stages) == list(duck.stages)
    assert len(duck.stages) >= 20
    differences = [d for name in duck.stages for d in stage_differences(name, duck, spark)]
    assert differences == []


@pytest.mark.parametrize("register", REGISTERS)
def test_the_registers_measure_someone(register: str, request: pytest.FixtureRequest) -> None:
    duck, _ = request.getfixturevalue(register)
    assert duck.stages["person_measures"][1], "an empty fixture would prove nothing"
    assert duck.result.worklist or register == "worked"


@pytest.mark.parametrize("register", REGISTERS)
@pytest.mark.parametrize("stage", ["focus_counts", "result_counts", "person_measures"])
def test_the_counts_and_person_measures_agree(
    register: str, stage: str, request: pytest.FixtureRequest
) -> None:
    pair: Pair = request.getfixturevalue(register)
    assert stage_differences(stage, *pair) == []


@pytest.mark.parametrize("register", REGISTERS)
def test_the_work_list_agrees(register: str, request: pytest.FixtureRequest) -> None:
    duck, spark = request.getfixturevalue(register)
    assert spark.result.worklist == duck.result.worklist


@pytest.mark.parametrize("register", REGISTERS)
def test_the_whole_result_agrees(register: str, request: pytest.FixtureRequest) -> None:
    duck, spark = request.getfixturevalue(register)
    assert spark.result == duck.result
    assert duck.result.focus_targets
