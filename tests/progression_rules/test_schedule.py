import datetime as dt

from effekt.progression.rules.schedule import PointSpec, measurement_plan, planned_end

MONDAY = dt.date(2026, 1, 5)


def test_the_default_plan_is_baseline_at_start_week_6_and_week_12() -> None:
    plan = {p.kind: p.due for p in measurement_plan(MONDAY, 13)}
    assert plan == {
        "baseline": MONDAY,
        "midway": MONDAY + dt.timedelta(weeks=6),
        "final": MONDAY + dt.timedelta(weeks=12),
    }
    assert planned_end(MONDAY, 13) == dt.date(2026, 4, 5)  # the Sunday of week 13


def test_an_extension_moves_the_final_measurement_but_not_the_midway_one() -> None:
    extended = planned_end(MONDAY, 13) + dt.timedelta(weeks=4)
    plan = {p.kind: p.due for p in measurement_plan(MONDAY, 13, extended_to=extended)}
    assert plan["midway"] == MONDAY + dt.timedelta(weeks=6)
    assert plan["final"] == MONDAY + dt.timedelta(weeks=16)


def test_an_early_ending_takes_the_final_measurement_on_the_ending_date() -> None:
    ended = MONDAY + dt.timedelta(weeks=4, days=2)
    plan = {p.kind: p.due for p in measurement_plan(MONDAY, 13, ended_on=ended)}
    assert plan == {"baseline": MONDAY, "final": ended}  # midway was not yet due: dropped


def test_windows_never_open_before_the_course_starts() -> None:
    points = [PointSpec("baseline", 0, 5, 7), PointSpec("final", 12, 3, 7)]
    baseline = measurement_plan(MONDAY, 13, points)[0]
    assert baseline.window_start == MONDAY
    assert baseline.window_end == MONDAY + dt.timedelta(days=7)


def test_status_follows_the_window() -> None:
    midway = measurement_plan(MONDAY, 13)[1]
    assert midway.status(midway.window_start - dt.timedelta(days=1), taken=False) == "upcoming"
    assert midway.status(midway.due, taken=False) == "due"
    assert midway.status(midway.window_end + dt.timedelta(days=1), taken=False) == "overdue"
    assert midway.status(midway.window_end + dt.timedelta(days=1), taken=True) == "done"
