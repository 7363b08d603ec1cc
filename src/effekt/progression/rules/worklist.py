"""The consultant's work list: which measurements are due, overdue or missing. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from effekt.progression.rules.schedule import POINT_LABELS, PlannedMeasurement

Bucket = Literal["due_this_week", "overdue", "missing"]
BUCKET_LABELS: dict[str, str] = {
    "due_this_week": "Skal måles i denne uge",
    "overdue": "Overskredet",
    "missing": "Mangler (forløbet er afsluttet)",
}


@dataclass(frozen=True)
class WorkItem:
    bucket: Bucket
    planned: PlannedMeasurement

    @property
    def label(self) -> str:
        return POINT_LABELS[self.planned.kind]


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of today's week."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def work_items(
    plan: Sequence[PlannedMeasurement],
    taken: Collection[str],
    today: dt.date,
    *,
    ended: bool,
) -> list[WorkItem]:
    """Each point not yet measured, in its bucket.

    - due this week: its window is open today, or its due date falls in this week;
    - overdue: its window has closed while the course is still running;
    - missing: the course has ended without it.
    Points whose window has not opened (and that are not due this week) are left out.
    """
    monday, sunday = week_bounds(today)
    items: list[WorkItem] = []
    for planned in plan:
        if planned.kind in taken:
            continue
        if ended:
            items.append(WorkItem("missing", planned))
        elif today > planned.window_end:
            items.append(WorkItem("overdue", planned))
        elif planned.window_start <= today or monday <= planned.due <= sunday:
            items.append(WorkItem("due_this_week", planned))
    return items
