"""KPI status against its target (pure: no Django), as shown on the dashboard and in reports.

Rules (documented in docs/experiments.md):
- count KPIs ("55 start a firm") accumulate: at a measurement the expected level is the target
  times the elapsed share of the experiment period; on track when the count reaches it;
- change KPIs ("+25 % company-directed offers") compare the count with the baseline
  measurement's count, in per cent, and are judged like counts (target times elapsed share);
- share KPIs ("60 % progression") are levels: the share with its Wilson interval is compared
  with the target directly; "uncertain" when the interval contains the target.
A KPI whose value meets the full target is "reached".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from effekt.evaluation.analysis.shares import Share, wilson_share

KpiKindKey = Literal["count", "share", "change"]
Status = Literal["reached", "on_track", "uncertain", "behind", "no_data"]
STATUS_LABELS: dict[Status, str] = {
    "reached": "Mål nået",
    "on_track": "På sporet",
    "uncertain": "Usikkert",
    "behind": "Bagud",
    "no_data": "Ingen målinger",
}


@dataclass(frozen=True)
class Observation:
    """A KPI value at a measurement point: `count`, and `total` for share KPIs."""

    label: str
    day: date
    count: int
    total: int | None = None


@dataclass(frozen=True)
class Point:
    """One point of a KPI's trajectory, in the KPI's unit (count, per cent or % change)."""

    label: str
    day: date
    value: float | None
    expected: float
    share: Share | None = None


@dataclass(frozen=True)
class KpiStatus:
    """A KPI's trajectory, latest value and status against `target`."""

    name: str
    kind: KpiKindKey
    target: float
    unit: str
    points: tuple[Point, ...]
    latest: Point | None
    status: Status

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def elapsed_share(day: date, start: date, end: date) -> float:
    """How much of the period `start`–`end` has passed on `day`, between 0 and 1."""
    if end <= start:
        raise ValueError("perioden skal slutte efter den starter")
    return min(1.0, max(0.0, (day - start).days / (end - start).days))


def _value(
    kind: KpiKindKey, obs: Observation, baseline: int | None
) -> tuple[float | None, Share | None]:
    if kind == "count":
        return float(obs.count), None
    if kind == "share":
        share = wilson_share(obs.count, obs.total or 0)
        return (None if share.share is None else 100 * share.share), share
    if baseline is None or baseline == 0:
        return None, None
    return 100 * (obs.count - baseline) / baseline, None


def kpi_status(
    *,
    name: str,
    kind: KpiKindKey,
    target: float,
    observations: list[Observation],
    start: date,
    end: date,
) -> KpiStatus:
    """The trajectory and status of one KPI. For change KPIs the first observation (the
    baseline, "nulpunktsmåling") is the reference and its own change is 0 %."""
    ordered = sorted(observations, key=lambda o: o.day)
    baseline = ordered[0].count if ordered else None
    points = []
    for obs in ordered:
        value, share = _value(kind, obs, baseline)
        factor = 1.0 if kind == "share" else elapsed_share(obs.day, start, end)
        points.append(Point(obs.label, obs.day, value, target * factor, share))
    measured = [p for p in points if p.value is not None]
    latest = measured[-1] if measured else None
    unit = {"count": "antal", "share": "%", "change": "% ændring"}[kind]
    return KpiStatus(name, kind, target, unit, tuple(points), latest, _status(kind, target, latest))


def _status(kind: KpiKindKey, target: float, latest: Point | None) -> Status:
    if latest is None or latest.value is None:
        return "no_data"
    if latest.value >= target:
        return "reached"
    if kind == "share":
        share = latest.share
        if share is not None and share.ci_high is not None and 100 * share.ci_high >= target:
            return "uncertain"
        return "behind"
    return "on_track" if latest.value >= latest.expected else "behind"
