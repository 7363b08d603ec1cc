"""Which planned measurements land in which dashboard bucket (pure)."""

from __future__ import annotations

import datetime as dt

from effekt.progression.rules.schedule import measurement_plan
from effekt.progression.rules.worklist import week_bounds, work_items

START = dt.date(2026, 9, 7)  # Monday; default plan: baseline 7/9 (window 7/9–14/9),
# midway 19/10 (16/10–26/10), final 30/11 (27/11–7/12) for a 13-week course.
PLAN = measurement_plan(START, 13)


def buckets(today: dt.date, taken: set[str], *, ended: bool = False) -> list[tuple[str, str]]:
    return [(i.bucket, i.planned.kind) for i in work_items(PLAN, taken, today, ended=ended)]


def test_the_plan_it_works_on_is_the_default_plan() -> None:
    assert [(p.kind, p.due) for p in PLAN] == [
        ("baseline", dt.date(2026, 9, 7)),
        ("midway", dt.date(2026, 10, 19)),
        ("final", dt.date(2026, 11, 30)),
    ]


def test_a_baseline_in_its_open_window_is_due_this_week() -> None:
    assert buckets(dt.date(2026, 9, 9), set()) == [("due_this_week", "baseline")]


def test_a_point_due_later_this_week_is_listed_before_its_window_opens() -> None:
    # Monday 14 December-style case: midway due Monday 19/10; on Monday 19/10 the window is open,
    # on Monday 12/10 neither the window nor the week matches
    assert buckets(dt.date(2026, 10, 12), {"baseline"}) == []
    assert week_bounds(dt.date(2026, 10, 21)) == (dt.date(2026, 10, 19), dt.date(2026, 10, 25))
    assert buckets(dt.date(2026, 10, 21), {"baseline"}) == [("due_this_week", "midway")]


def test_a_point_past_its_window_is_overdue_while_the_course_runs() -> None:
    assert buckets(dt.date(2026, 9, 15), set()) == [("overdue", "baseline")]
    assert buckets(dt.date(2026, 9, 14), set()) == [("due_this_week", "baseline")]


def test_taken_points_are_left_out_and_ended_courses_show_what_is_missing() -> None:
    assert buckets(dt.date(2026, 10, 27), {"baseline", "midway"}) == []
    early_end = measurement_plan(START, 13, ended_on=dt.date(2026, 10, 1))
    items = work_items(early_end, {"baseline"}, dt.date(2026, 10, 2), ended=True)
    assert [(i.bucket, i.planned.kind, i.planned.due) for i in items] == [
        ("missing", "final", dt.date(2026, 10, 1))
    ]
