"""Running the stages over batches of persons and adding up their counts.

Everything up to the per-municipality counts is per person, and those counts are sums, so the
stages can run on one bucket of persons at a time: memory then depends on the batch size,
not on the population. Per-municipality rows of the batches are added up here.

A run stages its tables in the order of a bucket of their persons (`bucketed`: the person's
number modulo `BUCKETS`); a batch is a range of buckets, so the backend reads only that
batch's part of each table (DuckDB skips the other row groups) instead of filtering every row
of every table again each time a stage reads it. The stages of a batch read its rows of each
table under a fixed name (`batch_<table>`: a view on DuckDB, a stored table elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ibis.expr.types as ir  # type: ignore[import-untyped]

# persons per batch: a national run (3.8 million persons) goes in 16 batches, two at a time
BATCH_PERSONS = 250_000
# buckets of `bucketed`, the most batches a run can have
BUCKETS = 64
BUCKET = "batch_bucket"
Store = Callable[[str, ir.Table], ir.Table]
Row = Mapping[str, Any]
Step = Callable[[str], None]


def batch_count(persons: int, batch_persons: int = BATCH_PERSONS, workers: int = 1) -> int:
    """How many batches `persons` persons take (at most `BUCKETS`).

    The batches run `workers` at a time: with more than one batch their number is rounded
    up to fill whole rounds (a last batch alone would leave a core idle)."""
    count = min(max(1, -(-persons // max(batch_persons, 1))), BUCKETS)
    if count > 1:
        count = -(-count // workers) * workers
    return min(count, BUCKETS)


def bucketed(t: ir.Table) -> ir.Table:
    """`t` (a table with persons) with its persons' bucket in the column `BUCKET`, in
    bucket order."""
    return t.mutate(**{BUCKET: _bucket(t.person_id).cast("int8")}).order_by(BUCKET)


def in_batch(staged: dict[str, ir.Table], batch: int, batches: int) -> dict[str, ir.Table]:
    """The tables restricted to the persons of batch `batch` of `batches` (by the `BUCKET`
    column of `bucketed` tables, or else by the persons' numbers), without `BUCKET`; tables
    without persons (municipalities, parameters) as they are."""
    return {name: _restricted(t, batch, batches) for name, t in staged.items()}


def slices(
    tables: dict[str, ir.Table], batch: int, batches: int, store: Store
) -> dict[str, ir.Table]:
    """`in_batch`'s tables, those with persons given to `store(name, expr)` under the name
    `batch_<table>`, the same in every batch (a stored table; on DuckDB `run._plan` makes
    views of `in_batch`'s tables instead)."""
    if batches == 1:
        return in_batch(tables, batch, batches)
    return {
        name: store(f"batch_{name}", t) if "person_id" in t.columns else t
        for name, t in in_batch(tables, batch, batches).items()
    }


def buckets_of(batch: int, batches: int) -> tuple[int, int]:
    """The first and last bucket of batch `batch` of `batches`: the buckets b with
    b * batches // BUCKETS == batch."""
    return -(-batch * BUCKETS // batches), -(-(batch + 1) * BUCKETS // batches) - 1


def _restricted(t: ir.Table, batch: int, batches: int) -> ir.Table:
    lo, hi = buckets_of(batch, batches)
    if BUCKET in t.columns:
        # a plain range on the stored column: DuckDB skips the row groups outside it
        return (t.filter(t[BUCKET].between(lo, hi)) if batches > 1 else t).drop(BUCKET)
    if "person_id" in t.columns and batches > 1:
        return t.filter(_bucket(t.person_id).between(lo, hi))
    return t


def _bucket(person_id: ir.IntegerValue) -> ir.IntegerValue:
    # persons are numbered by their row in `persons` (`staging.numbered`): consecutive numbers
    # fall in different buckets; the numbers of persons missing there are negative
    return (person_id % BUCKETS + BUCKETS) % BUCKETS


def add_up(rows: Sequence[Row], keys: tuple[str, ...]) -> list[Row]:
    """Rows with the same `keys` summed column by column (the other columns are counts)."""
    sums: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[k] for k in keys)
        into = sums.get(key)
        if into is None:
            sums[key] = dict(row)
            continue
        for name, value in row.items():
            if name not in keys:
                into[name] = (into[name] or 0) + (value or 0)
    return list(sums.values())


class Progress:
    """Spreads `steps` progress steps evenly over `calls` calls (batches × stages)."""

    def __init__(self, on_step: Step | None, steps: int, calls: int) -> None:
        self.on_step, self.steps, self.calls, self.done = on_step, steps, max(calls, 1), 0

    def __call__(self, message: str) -> None:
        before = self.done * self.steps // self.calls
        self.done += 1
        if self.on_step and self.done * self.steps // self.calls > before:
            self.on_step(message)
