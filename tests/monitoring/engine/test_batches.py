"""A run over batches of persons gives exactly the result of one run over everyone."""

from __future__ import annotations

from pathlib import Path

import ibis.expr.types as ir  # type: ignore[import-untyped]
import pytest

from effekt.monitoring.engine import connect, load_rules
from effekt.monitoring.engine.batches import (
    BUCKETS,
    Progress,
    Row,
    add_up,
    batch_count,
    buckets_of,
    in_batch,
)
from effekt.monitoring.engine.parallel import last_reads
from effekt.monitoring.engine.pipeline import STAGES
from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.engine.run import RunOptions, _span, compute
from effekt.monitoring.engine.staging import stage
from effekt.monitoring.synth import SynthOptions, generate, write


def _result(
    data: Path,
    batch_persons: int,
    bucketed: bool = False,
    steps: list[str] | None = None,
    threads: int = 2,
) -> MonitoringResult:
    con = connect(threads=threads)
    staged = stage(con, data, bucketed=bucketed)
    span, start = _span(RunOptions(data, "2021-01"), staged)
    on_step = steps.append if steps is not None else None
    result = compute(con, staged, load_rules(), span, start, on_step, batch_persons)
    # the batches ran on connections of their own, one thread each: restored after
    assert con.raw_sql("SELECT current_setting('threads')").fetchone()[0] == threads
    return result


@pytest.mark.slow
def test_batches_of_persons_add_up_to_the_result_of_everyone_at_once(tmp_path: Path) -> None:
    write(
        generate(SynthOptions(persons=1500, years=1, first_year=2021, seed=7)), tmp_path, "parquet"
    )
    whole = _result(tmp_path, 1_000_000)
    assert whole.worklist and whole.focus_targets and whole.result_target
    assert _result(tmp_path, 400) == whole
    # a run's own path: the tables staged in bucket order, the later batches two at a time
    steps: list[str] = []
    assert _result(tmp_path, 400, bucketed=True, steps=steps) == whole
    assert len(steps) == STAGES, "every batch moves the progress bar"
    # one thread given: the batches one at a time
    assert _result(tmp_path, 400, bucketed=True, threads=1) == whole
    assert _result(tmp_path, 1_000_000, bucketed=True) == whole


@pytest.mark.parametrize("batches", [1, 2, 3, 7, BUCKETS])
def test_each_person_is_in_exactly_one_batch_whether_staged_in_bucket_order_or_not(
    tmp_path: Path, batches: int
) -> None:
    write(
        generate(SynthOptions(persons=300, years=1, first_year=2021, seed=3)), tmp_path, "parquet"
    )
    staged = stage(connect(threads=1), tmp_path)
    columns = staged["conversations"].columns
    everyone = sorted(staged["conversations"].to_pyarrow().to_pylist(), key=str)
    assert _batched(staged, batches, columns) == everyone
    ordered = stage(connect(threads=1), tmp_path, bucketed=True)
    assert _batched(ordered, batches, columns) == everyone


def _batched(tables: dict[str, ir.Table], batches: int, columns: tuple[str, ...]) -> list[Row]:
    found = []
    for batch in range(batches):
        part = in_batch(tables, batch, batches)["conversations"]
        assert part.columns == columns
        found += part.to_pyarrow().to_pylist()
    return sorted(found, key=str)


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


@pytest.mark.parametrize("batches", [1, 2, 3, 7, 8, 63, BUCKETS])
def test_the_batches_cut_the_buckets_into_ranges_without_gaps_or_overlaps(batches: int) -> None:
    ranges = [buckets_of(batch, batches) for batch in range(batches)]
    covered = [b for lo, hi in ranges for b in range(lo, hi + 1)]
    assert covered == list(range(BUCKETS))
    assert all(b * batches // BUCKETS == k for k, (lo, hi) in enumerate(ranges) for b in (lo, hi))


def test_the_batch_count_rounds_up_is_at_least_one_and_at_most_the_buckets() -> None:
    assert [batch_count(n, 500) for n in (0, 1, 500, 501, 1500)] == [1, 1, 1, 2, 3]
    assert batch_count(10_000, 1) == BUCKETS


def test_the_batches_fill_whole_rounds_of_the_workers() -> None:
    # 3.8 million persons: 16 batches of 237,500, two at a time
    assert batch_count(3_800_000, 250_000, workers=2) == 16
    assert batch_count(3_600_000, 250_000, workers=2) == 16
    # one batch runs alone, on every thread
    assert [batch_count(n, 500, workers=2) for n in (500, 501, 1001, 1501)] == [1, 2, 4, 4]
    assert [batch_count(n, 500, workers=3) for n in (501, 1501, 2001)] == [3, 6, 6]
    assert batch_count(10_000, 1, workers=2) == BUCKETS


def test_progress_reports_each_step_once_however_many_batches() -> None:
    seen: list[str] = []
    progress = Progress(seen.append, 20, 20 * 3)
    for call in range(60):
        progress(f"call {call}")
    assert len(seen) == 20
    assert seen[-1] == "call 59"


def test_a_later_batch_drops_each_stored_stage_after_the_last_statement_reading_it() -> None:
    statements = [
        ("a", "SELECT 1"),
        ("streamed", None),
        ("c", 'SELECT * FROM "temp"."main"."int_a"'),
        ("d", 'SELECT * FROM "int_c" JOIN "int_a_b" USING (x)'),
        ("unread", "SELECT 2"),
    ]
    fetches = {"rows": 'SELECT * FROM "int_d"'}
    assert last_reads(statements, fetches) == {2: ["a"], 3: ["c"], 4: ["unread"], 5: ["d"]}
