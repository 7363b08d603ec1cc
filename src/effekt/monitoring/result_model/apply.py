"""Put model (or imported) expected shares into a monitoring result and judge it again."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from effekt.monitoring.engine.calendar import parse_month
from effekt.monitoring.engine.parameters import Rules
from effekt.monitoring.engine.result import MonitoringResult, ResultTargetRow
from effekt.monitoring.engine.summaries import verdict_rows
from effekt.monitoring.result_model.model import BenchmarkModel, Key, Source, estimate, merge


def actual_shares(result: MonitoringResult) -> dict[Key, float]:
    """The actual share of every municipality and period in `result`."""
    return {
        (r.municipality_code, r.period): float(r.actual_share)
        for r in result.result_target
        if r.actual_share is not None
    }


def imported_rates(result: MonitoringResult) -> dict[Key, float]:
    """Expected shares the engine found in an imported `expected_rates` table."""
    return {
        (r.municipality_code, r.period): r.expected_share
        for r in result.result_target
        if r.expected_share is not None
    }


def _with_rate(row: ResultTargetRow, rate: float | None) -> ResultTargetRow:
    if rate is None or row.expected_share is not None:
        return row
    met = None if row.actual_share is None else row.actual_share < Fraction(str(rate))
    return dataclasses.replace(row, expected_share=rate, met=met)


def with_expected_shares(
    result: MonitoringResult, rates: Mapping[Key, tuple[float, Source]], rules: Rules
) -> MonitoringResult:
    """`result` with missing expected shares filled from `rates` and verdicts recomputed.

    Rows that already have an (imported) expected share keep it.
    """
    rows = [
        _with_rate(r, rates.get((r.municipality_code, r.period), (None, "model"))[0])
        for r in result.result_target
    ]
    start, end = parse_month(result.start), parse_month(result.end)
    verdicts = verdict_rows(result.focus_targets, rows, rules, start, end)
    return dataclasses.replace(result, result_target=rows, verdicts=verdicts)


def fill_expected(
    result: MonitoringResult, conditions: list[dict[str, Any]], rules: Rules
) -> tuple[MonitoringResult, BenchmarkModel | None, Source | None]:
    """Fill missing expected shares from the model on `conditions`; imported shares win.

    Returns the result, the model (None when there are no conditions) and where the expected
    shares come from: "imported" when any were imported, "model" when only the model's,
    None when there are none.
    """
    imported = imported_rates(result)
    if not conditions:
        return result, None, "imported" if imported else None
    model = estimate(actual_shares(result), conditions)
    filled = with_expected_shares(result, merge(imported, model), rules)
    source: Source | None = "imported" if imported else ("model" if model.predictions else None)
    return filled, model, source
