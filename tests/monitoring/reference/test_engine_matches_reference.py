"""The engine (`effekt monitoring run`, through its CLI) against the reference.

Every worked example is compared, including the two the engine once decided otherwise
(a-kasse conversations count only by the dagpenge rules, R14; twelve whole months end on the
last day of February, R3), and random registers from `generators.py`.
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
)
from .writer import Table

FIRST, LAST = (2019, 10), (2020, 3)
# The engine once disagreed on these two; it now follows the reference (source 002).
AGREED = dict(SCENARIOS)


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
