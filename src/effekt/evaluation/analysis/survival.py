"""Survival (Kaplan–Meier, lifelines) with Greenwood standard errors, e.g. of new firms."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from effekt.evaluation.analysis.errors import (
    InputError,
    binary_column,
    line_of,
    numeric_column,
    parse_date,
    require_columns,
    require_complete,
)

if TYPE_CHECKING:
    import pandas as pd

DAYS_PER_MONTH = 365.25 / 12
FIRM_MONTHS = (6, 12, 18, 24)
"""The months after registration at which firm survival is reported."""


@dataclass(frozen=True)
class SurvivalPoint:
    """Kaplan–Meier survival at `time`, with its Greenwood standard error and the
    log(−log) confidence interval of lifelines; `at_risk` counts those still observed."""

    time: float
    at_risk: int
    events: int
    censored: int
    survival: float
    std_error: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class SurvivalResult:
    """The Kaplan–Meier table (one row per distinct time) and survival at requested times."""

    n: int
    n_events: int
    time_unit: str
    alpha: float
    table: tuple[SurvivalPoint, ...]
    at: tuple[SurvivalPoint, ...]
    variance: str = "Greenwood"
    ci_method: str = "log(-log)"


def kaplan_meier(
    durations: Sequence[float],
    events: Sequence[bool],
    *,
    at: Sequence[float] = (),
    time_unit: str = "måneder",
    alpha: float = 0.05,
) -> SurvivalResult:
    """Fit Kaplan–Meier to `durations` (event or censoring time) and `events` (True = the
    event happened, False = censored), and read survival off at the times in `at`."""
    from lifelines import KaplanMeierFitter

    if not durations:
        raise ValueError("ingen observationer")
    fitter: Any = KaplanMeierFitter(alpha=alpha).fit(list(durations), [bool(e) for e in events])
    table = fitter.event_table
    bounds = fitter.confidence_interval_survival_function_
    rows: list[SurvivalPoint] = []
    greenwood_sum = 0.0
    for time, row in table.iterrows():
        at_risk, died = int(row["at_risk"]), int(row["observed"])
        if died and at_risk > died:
            greenwood_sum += died / (at_risk * (at_risk - died))
        survival = float(fitter.survival_function_.loc[time].iloc[0])
        rows.append(
            SurvivalPoint(
                time=float(time),
                at_risk=at_risk,
                events=died,
                censored=int(row["censored"]),
                survival=survival,
                std_error=survival * math.sqrt(greenwood_sum) if at_risk > died else 0.0,
                ci_low=float(bounds.loc[time].iloc[0]),
                ci_high=float(bounds.loc[time].iloc[1]),
            )
        )
    points = tuple(_point_at(rows, float(t), durations) for t in at)
    return SurvivalResult(
        n=len(durations),
        n_events=sum(1 for e in events if e),
        time_unit=time_unit,
        alpha=alpha,
        table=tuple(rows),
        at=points,
    )


@dataclass(frozen=True)
class GroupSurvival:
    """The Kaplan–Meier result of one group (e.g. experiment or comparison firms)."""

    group: str
    result: SurvivalResult


@dataclass(frozen=True)
class SurvivalComparison:
    """Kaplan–Meier per group and the log-rank test that the survival curves are equal."""

    groups: tuple[GroupSurvival, ...]
    logrank_statistic: float
    logrank_df: int
    logrank_p_value: float


def compare_groups(
    durations: Sequence[float],
    events: Sequence[bool],
    groups: Sequence[str],
    *,
    at: Sequence[float] = (),
    time_unit: str = "måneder",
    alpha: float = 0.05,
) -> SurvivalComparison:
    """Kaplan–Meier for each value of `groups` and a (multivariate) log-rank test."""
    from lifelines.statistics import multivariate_logrank_test

    names = sorted(set(groups))
    if len(names) < 2:
        raise ValueError("sammenligningen kræver mindst to grupper")
    fitted = []
    for name in names:
        chosen = [i for i, g in enumerate(groups) if g == name]
        result = kaplan_meier(
            [durations[i] for i in chosen],
            [events[i] for i in chosen],
            at=at,
            time_unit=time_unit,
            alpha=alpha,
        )
        fitted.append(GroupSurvival(name, result))
    test: Any = multivariate_logrank_test(list(durations), list(groups), [bool(e) for e in events])
    return SurvivalComparison(
        groups=tuple(fitted),
        logrank_statistic=float(test.test_statistic),
        logrank_df=int(test.degrees_of_freedom),
        logrank_p_value=float(test.p_value),
    )


def _point_at(
    rows: Sequence[SurvivalPoint], time: float, durations: Sequence[float]
) -> SurvivalPoint:
    """The step function at `time`: the last table row at or before it."""
    before = [row for row in rows if row.time <= time]
    last = before[-1]
    return SurvivalPoint(
        time=time,
        at_risk=sum(1 for d in durations if d >= time),
        events=sum(row.events for row in before),
        censored=sum(row.censored for row in before),
        survival=last.survival,
        std_error=last.std_error,
        ci_low=last.ci_low,
        ci_high=last.ci_high,
    )


def durations_from_columns(
    frame: pd.DataFrame, duration: str, event: str | None, *, source: str = "data"
) -> tuple[list[float], list[bool]]:
    """Durations and 0/1 event flags from two columns; negative durations are an error."""
    if event is None:
        raise InputError(source, "--duration kræver --event")
    require_columns(frame, [duration, event], source)
    require_complete(frame, [duration, event], source)
    values = numeric_column(frame, duration, source)
    negative = (values < 0).to_numpy().nonzero()[0]
    if len(negative):
        raise InputError(
            source, "negativ varighed", line=line_of(int(negative[0])), column=duration
        )
    flags = binary_column(frame, event, source)
    return [float(v) for v in values], [bool(f) for f in flags]


def group_labels(frame: pd.DataFrame, column: str, *, source: str = "data") -> list[str]:
    """The group of each row as text; at least two groups, no empty cells."""
    require_columns(frame, [column], source)
    require_complete(frame, [column], source)
    labels = [str(value).strip() for value in frame[column]]
    if len(set(labels)) < 2:
        raise InputError(source, "sammenligningen kræver mindst to grupper", column=column)
    return labels


def firm_durations(
    frame: pd.DataFrame, as_of: date, *, source: str = "firms"
) -> tuple[list[float], list[bool]]:
    """Months from `registration_date` to `closure_date` (the event) or to `as_of` (censored).

    An empty closure date, or one after `as_of`, means the firm was alive on `as_of`.
    """
    require_columns(frame, ["registration_date", "closure_date"], source)
    durations: list[float] = []
    events: list[bool] = []
    for position, (registered, closed) in enumerate(
        zip(frame["registration_date"], frame["closure_date"], strict=True)
    ):
        line = line_of(position)
        start = parse_date(registered, source, line, "registration_date")
        if start is None:
            raise InputError(source, "tom dato", line=line, column="registration_date")
        if start > as_of:
            raise InputError(
                source, "registreret efter opgørelsesdatoen", line=line, column="registration_date"
            )
        end = parse_date(closed, source, line, "closure_date")
        if end is not None and end < start:
            raise InputError(source, "ophør før registrering", line=line, column="closure_date")
        closed_by_then = end is not None and end <= as_of
        stop = end if end is not None and closed_by_then else as_of
        durations.append((stop - start).days / DAYS_PER_MONTH)
        events.append(closed_by_then)
    return durations, events
