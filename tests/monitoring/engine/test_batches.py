"""A run over batches of persons gives exactly the result of one run over everyone."""

from __future__ import annotations

from pathlib import Path

import pytest

from effekt.monitoring.engine import connect, load_rules
from effekt.monitoring.engine.batches import Progress, add_up, batch_count
from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.engine.run import RunOptions, _span, compute
from effekt.monitoring.engine.staging import stage
from effekt.monitoring.synth import SynthOptions, generate, write


def _result(data: Path, batch_persons: int) -> MonitoringResult:
    con = connect(threads=1)
    staged = stage(con, data)
    span, start = _span(RunOptions(data, "2021-01"), staged)
    return compute(con, staged, load_rules(), span, start, batch_persons=batch_persons)


@pytest.mark.slow
def test_batches_of_persons_add_up_to_the_result_of_everyone_at_once(tmp_path: Path) -> None:
    write(
        generate(SynthOptions(persons=1500, years=1, first_year=2021, seed=7)), tmp_path, "parquet"
    )
    whole = _result(tmp_path, 1_000_000)
    batched = _result(tmp_path, 400)
    assert whole.worklist and whole.focus_targets and whole.result_target
    assert batched == whole


def test_counts_of_the_same_municipality_and_month_are_summed() -> None:
    rows = [
        {"municipality_code": "101", "m": 5, "population": 2, "offers_met": 1},
        {"municipality_code": "147", "m": 5, "population": 4, "offers_met": 0},
        {"municipality_code": "101", "m": 5, "population": 3, "offers_met": 2},
    ]
    summed = add_up(rows, ("municipality_code", "m"))
    assert summed == [
        {"municipality_code": "101", "m": 5, "population": 5, "offers_met": 3},
        {"municipality_code": "147", "m": 5, "population": 4, "offers_met": 0},
    ]


def test_the_batch_count_rounds_up_and_is_at_least_one() -> None:
    assert [batch_count(n, 500) for n in (0, 1, 500, 501, 1500)] == [1, 1, 1, 2, 3]


def test_progress_reports_each_step_once_however_many_batches() -> None:
    seen: list[str] = []
    progress = Progress(seen.append, 20, 20 * 3)
    for call in range(60):
        progress(f"call {call}")
    assert len(seen) == 20
    assert seen[-1] == "call 59"
