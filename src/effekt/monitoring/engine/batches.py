"""Running the stages over batches of persons and adding up their counts.

Everything up to the per-municipality counts is per person, and those counts are sums, so the
stages can run on one hash bucket of persons at a time: memory then depends on the batch size,
not on the population. Per-municipality rows of the batches are added up here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ibis.expr.types as ir  # type: ignore[import-untyped]

# persons per batch: a national run (3.8 million persons) goes in 8 batches
BATCH_PERSONS = 500_000
Row = Mapping[str, Any]
Step = Callable[[str], None]


def batch_count(persons: int, batch_persons: int = BATCH_PERSONS) -> int:
    """How many batches `persons` persons take."""
    return max(1, -(-persons // max(batch_persons, 1)))


def in_batch(staged: dict[str, ir.Table], batch: int, batches: int) -> dict[str, ir.Table]:
    """The staged tables restricted to the persons of hash bucket `batch` of `batches`; tables
    without persons (municipalities, parameters) as they are."""
    if batches == 1:
        return staged
    return {
        name: t.filter(_bucket(t.person_id, batches) == batch) if "person_id" in t.columns else t
        for name, t in staged.items()
    }


def _bucket(person_id: ir.StringValue, batches: int) -> ir.IntegerValue:
    # the hash is a signed 64-bit integer: the remainder can be negative
    return (person_id.hash() % batches + batches) % batches


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
