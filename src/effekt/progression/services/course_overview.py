"""What the course page and the measurement page show: scores, changes, charts, timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

from django.db.models import prefetch_related_objects

from effekt.progression.charts import (
    ChartPoint,
    ComparisonRow,
    baseline_latest_chart,
    indicator_chart,
)
from effekt.progression.models import Course, Measurement
from effekt.progression.rules.schedule import (
    POINT_LABELS,
    POINT_ORDER,
    PlannedMeasurement,
)

STATUS_LABELS = {
    "done": "Gennemført",
    "upcoming": "Kommende",
    "due": "Skal måles nu",
    "overdue": "Overskredet",
}


@dataclass(frozen=True)
class ScoreRow:
    """One indicator in a measurement, with the change since the baseline (combined)."""

    indicator: int
    name: str
    citizen: float | None
    caseworker: float | None
    combined: float | None
    baseline: float | None

    @property
    def change(self) -> float | None:
        if self.combined is None or self.baseline is None:
            return None
        return self.combined - self.baseline


@dataclass(frozen=True)
class PlanRow:
    planned: PlannedMeasurement
    label: str
    status: str
    measurement: Measurement | None

    @property
    def point_label(self) -> str:
        return POINT_LABELS[self.planned.kind]


@dataclass(frozen=True)
class TimelineEvent:
    on: dt.date
    text: str


def course_prefetch(course: Course) -> None:
    """Load the relations the course page reads, one query each, onto `course`: the page
    reads the measurements, extensions and reports several times."""
    prefetch_related_objects(
        [course], "measurements__scores", "extensions", "reports", "course_type__points"
    )


def ordered_measurements(course: Course) -> list[Measurement]:
    """The course's measurements (with their scores) in plan order; loaded once per course."""
    prefetch_related_objects([course], "measurements__scores")
    return sorted(course.measurements.all(), key=lambda m: POINT_ORDER.index(m.point))


def _indicator_names(course: Course) -> dict[int, str]:
    instrument = course.configuration.instrument.instrument()
    return {i.number: i.name for i in instrument.indicators}


def score_rows(course: Course, measurement: Measurement) -> list[ScoreRow]:
    """The measurement's scores per course indicator, next to the baseline's combined score."""
    baseline = next((m for m in ordered_measurements(course) if m.point == "baseline"), None)
    base = {s.indicator: s.combined for s in baseline.scores.all()} if baseline else {}
    scores = {s.indicator: s for s in measurement.scores.all()}
    names = _indicator_names(course)
    rows = []
    for number in course.indicators():
        score = scores.get(number)
        rows.append(
            ScoreRow(
                indicator=number,
                name=names.get(number, f"Indikator {number}"),
                citizen=score.citizen if score else None,
                caseworker=score.caseworker if score else None,
                combined=score.combined if score else None,
                baseline=base.get(number),
            )
        )
    return rows


def mean_row(rows: list[ScoreRow]) -> ScoreRow:
    """ "Across all indicators": the mean of the measured indicators."""

    def mean(values: list[float | None]) -> float | None:
        present = [v for v in values if v is not None]
        return fmean(present) if present else None

    return ScoreRow(
        indicator=0,
        name="Gennemsnit på tværs af indikatorer",
        citizen=mean([r.citizen for r in rows]),
        caseworker=mean([r.caseworker for r in rows]),
        combined=mean([r.combined for r in rows]),
        baseline=mean([r.baseline for r in rows if r.combined is not None]),
    )


def plan_rows(course: Course, today: dt.date) -> list[PlanRow]:
    by_point = {m.point: m for m in course.measurements.all()}
    rows = []
    for planned in course.plan():
        measurement = by_point.get(planned.kind)
        status = planned.status(today, measurement is not None)
        rows.append(PlanRow(planned, STATUS_LABELS[status], status, measurement))
    return rows


def indicator_charts(course: Course) -> list[str]:
    """One SVG per course indicator, over the measurements taken so far."""
    measurements = ordered_measurements(course)
    names = _indicator_names(course)
    charts = []
    for number in course.indicators():
        points = []
        for m in measurements:
            score = next((s for s in m.scores.all() if s.indicator == number), None)
            points.append(
                ChartPoint(
                    m.get_point_display().removesuffix("måling"),
                    score.citizen if score else None,
                    score.caseworker if score else None,
                    score.combined if score else None,
                )
            )
        charts.append(indicator_chart(f"{number}. {names.get(number, '')}", points))
    return charts


def comparison_chart(course: Course) -> str | None:
    """Baseline vs the latest measurement across the indicators; None without both."""
    measurements = ordered_measurements(course)
    if len(measurements) < 2 or measurements[0].point != "baseline":
        return None
    latest = measurements[-1]
    rows = score_rows(course, latest)
    return baseline_latest_chart(
        [ComparisonRow(f"{r.indicator}. {r.name}", r.baseline, r.combined) for r in rows],
        latest.get_point_display(),
    )


def timeline(course: Course) -> list[TimelineEvent]:
    events = [TimelineEvent(course.referred_at.date(), "Henvist af jobcentret")]
    if course.started_at:
        events.append(TimelineEvent(course.started_at.date(), "Startet hos leverandøren"))
    events += [
        TimelineEvent(m.measured_on, m.get_point_display()) for m in course.measurements.all()
    ]
    events += [
        TimelineEvent(e.created_at.date(), f"Forlænget til {e.new_planned_end:%d.%m.%Y}")
        for e in course.extensions.all()
    ]
    events += [
        TimelineEvent(r.created_at.date(), f"{r.get_kind_display()} ({r.get_status_display()})")
        for r in course.reports.all()
    ]
    if course.ended_on:
        events.append(TimelineEvent(course.ended_on, "Afsluttet"))
    return sorted(events, key=lambda e: e.on)
