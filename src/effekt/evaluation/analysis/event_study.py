"""Event study around the start of treatment: one coefficient per period, relative to the last
period before the start (the reference, fixed at zero)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from effekt.evaluation.analysis.did import DidSpec, coefficient, fit_model, model_frame
from effekt.evaluation.analysis.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class EventPoint:
    """The effect in one period; `relative` counts periods from the reference (0)."""

    label: str
    relative: int
    estimate: float
    std_error: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class EventStudyResult:
    """Effects by period with the variance type used; the reference point has estimate 0."""

    points: tuple[EventPoint, ...]
    reference: str
    vcov: str
    n: int


def event_study(frame: pd.DataFrame, spec: DidSpec, *, source: str = "data") -> EventStudyResult:
    """Estimate `outcome ~ Σ_t treated × [time = t] | unit + time` with t ≠ the reference period.

    Periods are ordered by sorting the `time` column (use a number or an ISO date/month).
    """
    if spec.unit is None or spec.time is None:
        raise InputError(source, "eventstudiet kræver både --unit og --time")
    data = model_frame(frame, spec, source)
    periods = sorted(data["fe_time"].unique(), key=_period_key)
    before = data.loc[(data["treated"] == 1) & (data["post"] == 0), "fe_time"].unique()
    if len(before) == 0:
        raise InputError(source, "ingen perioder før starten for de behandlede", column=spec.post)
    reference = max(before, key=_period_key)
    origin = periods.index(reference)
    names = {period: f"es{index}" for index, period in enumerate(periods) if period != reference}
    for period, name in names.items():
        data[name] = data["treated"] * (data["fe_time"] == period).astype(int)
    formula = "y ~ " + " + ".join(names.values()) + " | fe_unit + fe_time"
    fit = fit_model(data, formula, spec.vcov)
    points = []
    n = len(data)
    for index, period in enumerate(periods):
        if period == reference:
            points.append(EventPoint(str(period), 0, 0.0, 0.0, 0.0, 0.0))
            continue
        estimate, se, _, low, high, n = coefficient(fit, names[period])
        points.append(EventPoint(str(period), index - origin, estimate, se, low, high))
    return EventStudyResult(points=tuple(points), reference=str(reference), vcov=spec.vcov, n=n)


def _period_key(value: str) -> tuple[int, float | str]:
    try:
        return (0, float(value))
    except ValueError:
        return (1, value)
