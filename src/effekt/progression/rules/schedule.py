"""The measurement plan of a course, derived from its start, length and extensions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

PointKind = Literal["baseline", "midway", "final"]
POINT_ORDER: tuple[PointKind, ...] = ("baseline", "midway", "final")
POINT_LABELS: dict[str, str] = {
    "baseline": "Baselinemåling",
    "midway": "Midtvejsmåling",
    "final": "Slutmåling",
}


@dataclass(frozen=True)
class PointSpec:
    """A configured measurement point: the course week it falls in, and its window in days."""

    kind: PointKind
    week: int
    window_before: int = 3
    window_after: int = 7


DEFAULT_POINTS: tuple[PointSpec, ...] = (
    PointSpec("baseline", 0, 0, 7),
    PointSpec("midway", 6, 3, 7),
    PointSpec("final", 12, 3, 7),
)


@dataclass(frozen=True)
class PlannedMeasurement:
    kind: PointKind
    due: dt.date
    window_start: dt.date
    window_end: dt.date

    def status(self, today: dt.date, taken: bool) -> Literal["done", "upcoming", "due", "overdue"]:
        if taken:
            return "done"
        if today < self.window_start:
            return "upcoming"
        if today <= self.window_end:
            return "due"
        return "overdue"


def planned_end(start: dt.date, length_weeks: int, extended_to: dt.date | None = None) -> dt.date:
    """The last day of the course: start + length weeks − 1 day, or the latest extension."""
    return (
        extended_to
        if extended_to is not None
        else start + dt.timedelta(weeks=length_weeks, days=-1)
    )


def measurement_plan(
    start: dt.date,
    length_weeks: int,
    points: Sequence[PointSpec] = DEFAULT_POINTS,
    *,
    extended_to: dt.date | None = None,
    ended_on: dt.date | None = None,
) -> list[PlannedMeasurement]:
    """Due dates for each configured point, never frozen: always recomputed from the inputs.

    - baseline and midway points fall `week` weeks after the start;
    - the final point keeps its distance to the planned end, so an extension moves it
      (week 12 of a 13-week course is one week before the end of the extended course too);
    - an early ending moves the final point to the ending date, and drops points not yet due.
    """
    end = planned_end(start, length_weeks, extended_to)
    plan: list[PlannedMeasurement] = []
    for spec in sorted(points, key=lambda p: POINT_ORDER.index(p.kind)):
        if spec.kind == "final":
            due = end - dt.timedelta(weeks=length_weeks) + dt.timedelta(weeks=spec.week, days=1)
            if ended_on is not None and ended_on < due:
                due = ended_on
        else:
            due = start + dt.timedelta(weeks=spec.week)
            if ended_on is not None and due > ended_on:
                continue
        plan.append(
            PlannedMeasurement(
                kind=spec.kind,
                due=due,
                window_start=max(start, due - dt.timedelta(days=spec.window_before)),
                window_end=due + dt.timedelta(days=spec.window_after),
            )
        )
    return plan
