"""The database source's two paths (packed arrays on PostgreSQL, ORM queries everywhere) give
the same statistics, hand-computed here; the suite runs on SQLite and on PostgreSQL.

Fixture, Rudersdal, started 1 June 2026 (13 weeks: planned end 30 August), scores per
indicator as (citizen, caseworker); threshold 0.5:
- A: baseline 1:(2,2) 2:(2,2), midway 1:(1,1) 2:(1,1), final 1:(3,3) 2:(3,3)
  → +1 in every perspective: progression (the midway measurement is not the latest).
- B: baseline 1:(3,2), midway 1:(3,4), final 1:(3,-) → citizen 3→3 stagnation; caseworker
  2→4 (midway: the final has no caseworker score) progression; combined 2.5→3 progression.
- C: baseline 1:(2,2), midway 1:(1,1), no final → regression in every perspective.
- D: ended early (1 August); baseline 1:(2,2) 2:(-,-), final 1:(2.2,2.2) 2:(-,-) → stagnation.
- E: baseline only → not measurable; extended, ending "ordinaert_job" (in its goal),
  follow-ups registered: 3 months self-supporting, 6 months on public support.
- F: 1 February to 15 May 2026 (previous quarter): baseline 1:(2,2), final 1:(4,4) → progression.
For 2026Q3: 5 courses; citizen 1 progression, 2 stagnation, 1 regression; caseworker and
combined 2 progression, 1 stagnation, 1 regression; 1 not measurable in each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pytest
from django.db import OperationalError, connection

from effekt.organisations.models import Role, User
from effekt.progression.models import (
    Course,
    CourseStatus,
    Ending,
    Extension,
    FollowUp,
    IndicatorScore,
    Measurement,
)
from effekt.statistics import pg_source
from effekt.statistics.analysis import (
    ClassificationConfig,
    Filters,
    SteeringStatistics,
    parse_period,
    steering_statistics,
)
from effekt.statistics.analysis.progression import score_matrices
from effekt.statistics.analysis.records import PerspectiveChoice
from effekt.statistics.analysis.steering import StatisticsInput
from effekt.statistics.db_source import DatabaseSource, load_portable, prepared_input
from effekt.statistics.pg_source import load_packed
from tests.personas import World

pytestmark = pytest.mark.django_db
START, END, EARLY = dt.date(2026, 6, 1), dt.date(2026, 8, 30), dt.date(2026, 8, 1)
PERIOD = parse_period("2026Q3")
AS_OF = dt.date(2027, 6, 1)
Scores = Mapping[int, tuple[float | None, float | None]]
PERSPECTIVES: tuple[PerspectiveChoice, ...] = ("citizen", "caseworker", "combined")


def _measure(course: Course, point: str, day: dt.date, scores: Scores) -> None:
    measurement = Measurement.objects.create(
        course=course, point=point, measured_on=day, instrument=course.configuration.instrument
    )
    IndicatorScore.objects.bulk_create(
        IndicatorScore(measurement=measurement, indicator=i, citizen=c, caseworker=w)
        for i, (c, w) in scores.items()
    )


def _course(
    world: World, cpr: str, ended: dt.date, points: dict[str, Scores], start: dt.date = START
) -> Course:
    course = world.course(cpr=cpr, start=start)
    for number, (point, scores) in enumerate(points.items()):
        _measure(course, point, start + dt.timedelta(weeks=6 * number), scores)
    course.status, course.ended_on = CourseStatus.ENDED, ended
    course.save()
    return course


@pytest.fixture
def courses(world: World) -> World:
    both = {1: (2.0, 2.0), 2: (2.0, 2.0)}
    _course(
        world,
        "0101901111",
        END,
        {"baseline": both, "midway": {1: (1, 1), 2: (1, 1)}, "final": {1: (3, 3), 2: (3, 3)}},
    )
    _course(
        world,
        "0101901112",
        END,
        {"baseline": {1: (3, 2)}, "midway": {1: (3, 4)}, "final": {1: (3, None)}},
    )
    _course(world, "0101901113", END, {"baseline": {1: (2, 2)}, "midway": {1: (1, 1)}})
    _course(
        world,
        "0101901114",
        EARLY,
        {"baseline": {1: (2, 2), 2: (None, None)}, "final": {1: (2.2, 2.2), 2: (None, None)}},
    )
    extended = _course(world, "0101901115", END, {"baseline": {1: (2, 2)}})
    Extension.objects.create(
        course=extended,
        new_planned_end=END + dt.timedelta(weeks=4),
        reason="Praktik",
        created_by=world.sara,
    )
    Ending.objects.create(
        course=extended, category="ordinaert_job", ended_on=END, registered_by=world.sara
    )
    for months, support in ((3, False), (6, True)):
        FollowUp.objects.create(
            course=extended, months_after=months, on_public_support=support, source="jobcentre"
        )
    _course(
        world,
        "0101901116",
        dt.date(2026, 5, 15),
        {"baseline": {1: (2, 2)}, "final": {1: (4, 4)}},
        start=dt.date(2026, 2, 1),
    )
    return world


def _statistics(
    data: StatisticsInput, perspective: PerspectiveChoice, method: str = "threshold"
) -> SteeringStatistics:
    config = ClassificationConfig(method="rci", default_reliability=0.8)
    return steering_statistics(
        data,
        PERIOD,
        perspective=perspective,
        classification=config if method == "rci" else ClassificationConfig(),
        as_of=AS_OF,
    )


def _portable() -> StatisticsInput:
    return prepared_input(*load_portable(DatabaseSource().courses(Filters(), PERIOD)))


@pytest.mark.parametrize(
    ("perspective", "counts"),
    [
        ("citizen", (5, 1, 2, 1, 1)),
        ("caseworker", (5, 2, 1, 1, 1)),
        ("combined", (5, 2, 1, 1, 1)),
    ],
)
@pytest.mark.parametrize("source", ["database", "portable"])
def test_both_paths_give_the_hand_computed_progression(
    courses: World, perspective: PerspectiveChoice, counts: tuple[int, ...], source: str
) -> None:
    data = DatabaseSource().load(Filters(), PERIOD) if source == "database" else _portable()
    mean = _statistics(data, perspective).current.progression_mean
    assert (mean.total, mean.progression, mean.stagnation, mean.regression) == counts[:4]
    assert mean.not_measurable == counts[4]
    previous = _statistics(data, perspective).previous.progression_mean
    assert (previous.total, previous.progression) == (1, 1)


def test_both_paths_give_the_hand_computed_course_figures(courses: World) -> None:
    for data in (DatabaseSource().load(Filters(), PERIOD), _portable()):
        current = _statistics(data, "combined").current
        assert (current.extended.numerator, current.extended.denominator) == (1, 5)
        assert (current.goal_reached.numerator, current.goal_reached.denominator) == (1, 1)
        assert current.effect_summary.ended_early == 2  # D, and E (extended past its end)
        three, six = current.follow_up
        assert (three.from_registration, three.share.numerator) == (1, 0)
        assert (six.from_registration, six.share.numerator) == (1, 1)


def test_the_database_source_equals_the_portable_path_in_every_figure(courses: World) -> None:
    loaded, portable = DatabaseSource().load(Filters(), PERIOD), _portable()
    pd.testing.assert_frame_equal(loaded.courses, portable.courses)
    assert sorted(loaded.follow_ups, key=repr) == sorted(portable.follow_ups, key=repr)
    everyone = np.ones(len(loaded.courses), dtype=bool)
    for perspective in PERSPECTIVES:
        for ours, theirs in zip(
            score_matrices(loaded.scores, everyone, perspective),
            score_matrices(portable.scores, everyone, perspective),
            strict=True,
        ):
            np.testing.assert_array_equal(ours, theirs)
        for method in ("threshold", "rci"):
            assert _statistics(loaded, perspective, method) == _statistics(
                portable, perspective, method
            )


def test_postgresql_loads_packed_arrays_without_the_superseded_midway_scores(
    courses: World,
) -> None:
    chosen = DatabaseSource().courses(Filters(), PERIOD)
    packed = load_packed(chosen) if connection.vendor == "postgresql" else load_portable(chosen)
    assert packed is not None
    _, scores, _ = packed
    points = scores.groupby("course_id", observed=True)["point"].agg(lambda p: sorted(set(p)))
    kept = sorted(len(p) for p in points)
    # PostgreSQL drops A's midway scores (its final has both perspectives) and the rows
    # scored in neither perspective; the ORM keeps every row.
    expected = [1, 2, 2, 2, 2, 3] if connection.vendor == "postgresql" else [1, 2, 2, 2, 3, 3]
    assert kept == expected
    both_missing = scores["citizen"].isna() & scores["caseworker"].isna()
    assert both_missing.sum() == (0 if connection.vendor == "postgresql" else 2)


def test_a_value_outside_the_choices_is_still_counted(courses: World) -> None:
    odd = Course.objects.get(citizen__cpr="0101901113")
    odd.target_group = "ukendt"
    odd.save()
    chosen = DatabaseSource().courses(Filters(), PERIOD)
    if connection.vendor == "postgresql":
        assert load_packed(chosen) is None  # the portable path takes over
    data = DatabaseSource().load(Filters(target_group=("ukendt",)), PERIOD)
    result = steering_statistics(data, PERIOD, filters=Filters(target_group=("ukendt",)))
    assert (result.current.courses, result.current.progression_mean.regression) == (1, 1)


def test_a_follow_up_of_another_length_counts_as_six_months(courses: World) -> None:
    FollowUp.objects.create(
        course=Course.objects.get(citizen__cpr="0101901113"),
        months_after=12,
        on_public_support=True,
        source="jobcentre",
    )
    if connection.vendor == "postgresql":
        assert load_packed(DatabaseSource().courses(Filters(), PERIOD)) is None
    six = _statistics(DatabaseSource().load(Filters(), PERIOD), "combined").current.follow_up[1]
    assert (six.from_registration, six.share.numerator) == (2, 2)


def test_a_period_without_courses_gives_empty_figures(courses: World) -> None:
    period = parse_period("2030Q1")
    for data in (
        DatabaseSource().load(Filters(), period),
        prepared_input(*load_portable(DatabaseSource().courses(Filters(), period))),
    ):
        result = steering_statistics(data, period)
        assert (result.current.courses, result.current.progression_mean.total) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_scores_come_from_a_second_connection_alike(
    courses: World,
) -> None:
    assert not connection.in_atomic_block  # PostgreSQL reads the scores on a second connection
    loaded, portable = DatabaseSource().load(Filters(), PERIOD), _portable()
    pd.testing.assert_frame_equal(loaded.courses, portable.courses)
    for perspective in PERSPECTIVES:
        assert _statistics(loaded, perspective) == _statistics(portable, perspective)
    mean = _statistics(loaded, "caseworker").current.progression_mean
    assert (mean.progression, mean.stagnation, mean.regression) == (2, 1, 1)


class _Refusing:
    """Stands in for django.db.connections: every new connection is refused."""

    def __getitem__(self, alias: str) -> object:
        raise OperationalError("too many connections")


@pytest.mark.django_db(transaction=True)
def test_without_a_second_connection_the_scores_come_from_the_first(
    courses: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_source, "connections", _Refusing())
    loaded, portable = DatabaseSource().load(Filters(), PERIOD), _portable()
    for perspective in PERSPECTIVES:
        assert _statistics(loaded, perspective) == _statistics(portable, perspective)
    mean = _statistics(loaded, "citizen").current.progression_mean
    assert (mean.progression, mean.stagnation, mean.regression) == (1, 2, 1)


def test_a_user_who_may_see_no_courses_gets_empty_figures(courses: World) -> None:
    # an evaluator without a municipality sees no course: `visible_to` gives `.none()`,
    # which has no SQL at all
    nobody = User.objects.create_user("uden-kommune", role=Role.EVALUATOR)
    data = DatabaseSource(user=nobody).load(Filters(), PERIOD)
    result = steering_statistics(data, PERIOD)
    assert (result.current.courses, result.current.progression_mean.total) == (0, 0)
