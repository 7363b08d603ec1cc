"""Benchmarking model for the result target: expected shares from framework conditions.

Pure (statsmodels, no Django). When `expected_rates` are not imported, each municipality's
expected share on public support in a period is predicted by an OLS regression across the
other municipalities (leave-one-out) on the framework-condition covariates. Imported expected
rates always win.

    model = estimate(actual_shares, framework_rows)
    print(describe(model))
    rates = merge(imported, model)
"""

from effekt.monitoring.result_model.model import (
    BenchmarkModel,
    PeriodFit,
    Prediction,
    describe,
    estimate,
    merge,
)

__all__ = ["BenchmarkModel", "PeriodFit", "Prediction", "describe", "estimate", "merge"]
