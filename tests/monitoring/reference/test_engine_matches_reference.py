"""The engine (`effekt monitoring run`, through its CLI) against the reference.

Known disagreements, kept out of these tests and reported (`docs/monitoring-reference.md`,
"Cross-check with the engine"):
- the engine counts conversations held by an a-kasse under the general rules for every
  benefit; the reference only by the dagpenge rules (R14). The random registers hold no a-kasse
  conversations, and `scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules` is
  not compared;
- the engine does not count a spell from 1 March 2020 as 12 months on 28 February 2021 (R3);
  the random registers are measured in 2019-10 to 2020-03, where February has 29 days, and
  `scenario_twelve_months_end_on_the_last_day_of_february` is not compared.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from .calendar import parse_month
from .crosscheck import focus_target_differences, worklist_differences
from .generators import registers
from .scenarios import (
    SCENARIOS,
    scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules,
    scenario_twelve_months_end_on_the_last_day_of_february,
)
from .writer import Table

FIRST, LAST = (2019, 10), (2020, 3)
DISPUTED = (
    scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules,
    scenario_twelve_months_end_on_the_last_day_of_february,
)
AGREED = {scenario: months for scenario, months in SCENARIOS.items() if scenario not in DISPUTED}


@pytest.mark.slow
@pytest.mark.parametrize("scenario", list(AGREED), ids=lambda f: f.__name__)
def test_the_engine_agrees_on_the_worked_examples(
    scenario: Callable[[], dict[str, Table]], tmp_path: Path
) -> None:
    first, last = (parse_month(month) for month in AGREED[scenario])
    tables = scenario()
    assert focus_target_differences(tables, tmp_path, first, last) == []
    assert worklist_differences(tables, tmp_path, last) == []


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers(max_persons=3, held_by=("jobcenter", "anden_aktoer")))
def test_the_engine_computes_the_reference_focus_targets(tables: dict[str, Table]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert focus_target_differences(tables, Path(folder), FIRST, LAST) == []
        assert worklist_differences(tables, Path(folder), LAST) == []
