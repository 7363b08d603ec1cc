"""Copy a monitoring result object into the database rows the pages read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from fractions import Fraction
from typing import Any

from django.db import models, transaction

from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.models import (
    FocusTarget,
    MonitoringRun,
    ResultTarget,
    Verdict,
    WorklistEntry,
)

BATCH = 5_000
ROWS: tuple[tuple[type[models.Model], str], ...] = (
    (FocusTarget, "focus_targets"),
    (ResultTarget, "result_target"),
    (Verdict, "verdicts"),
    (WorklistEntry, "worklist"),
)


def _plain(value: Any, text: bool) -> Any:
    """Fractions become floats; a missing date in a text column becomes ''."""
    if isinstance(value, Fraction):
        return float(value)
    return "" if value is None and text else value


def _instances(
    model: type[models.Model], run: MonitoringRun, items: Iterable[Any]
) -> Iterator[Any]:
    fields = [f for f in model._meta.concrete_fields if f.name not in ("id", "run")]
    text = {f.name for f in fields if isinstance(f, models.CharField)}
    names = {f.name for f in fields}
    for item in items:
        values = {k: _plain(v, k in text) for k, v in asdict(item).items() if k in names}
        yield model(run=run, **values)


@transaction.atomic
def store_result(run: MonitoringRun, result: MonitoringResult) -> None:
    """Replace the stored rows of `run` with those of `result` (fields matched by name)."""
    for model, attribute in ROWS:
        model._default_manager.filter(run=run).delete()
        model._default_manager.bulk_create(
            _instances(model, run, getattr(result, attribute)), batch_size=BATCH
        )
