"""Rules on single records and the services that span them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from effekt.organisations.models import Citizen
from effekt.progression.models import InstrumentVersion, Measurement
from effekt.progression.services.configuration import configuration_new_version
from effekt.progression.services.measurements import DuplicateMeasurement, measurement_record
from tests.personas import World

pytestmark = pytest.mark.django_db


def test_the_data_migration_loaded_the_shipped_provisional_instrument() -> None:
    instrument = InstrumentVersion.objects.get(version="2026.1-provisional")
    assert instrument.provisional
    assert len(instrument.instrument().indicators) == 11


def test_a_citizen_with_an_invalid_cpr_number_is_refused(world: World) -> None:
    citizen = Citizen(cpr="3213901234", name="X", municipality=world.rudersdal)
    with pytest.raises(ValidationError) as error:
        citizen.full_clean()
    assert "cpr" in error.value.message_dict


def test_a_cpr_number_is_stored_without_the_dash(world: World) -> None:
    citizen = Citizen(cpr="010190-1234", name="X", municipality=world.rudersdal)
    citizen.full_clean()
    assert citizen.cpr == "0101901234"
    assert citizen.masked_cpr == "010190-xxxx"
    assert citizen.cpr_for(world.jonas) == "010190-1234"
    assert citizen.cpr_for(world.amira) == "010190-xxxx"  # analysts never see CPR


def test_a_measurement_stores_indicator_scores_per_perspective(world: World) -> None:
    course = world.course(distance="taet_paa")  # indicators 1, 2, 4, 7, 8
    measurement = measurement_record(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 7),
        citizen_answers={"B9": 2, "B10": ["internettet", "netvaerk"], "B1": 3, "B7": 2, "B8": 4},
        caseworker_answers={"S2": 4, "S3": 3, "S12": "ved_ikke"},
        user=world.sara,
    )
    scores = {s.indicator: s for s in measurement.scores.all()}
    assert sorted(scores) == [1, 2, 4, 7, 8]
    assert (scores[1].citizen, scores[1].caseworker, scores[1].combined) == (2.0, 4.0, 3.0)
    assert scores[2].citizen == 4.0  # two channels
    assert scores[7].citizen == 3.0 and scores[7].caseworker is None and scores[7].combined == 3.0
    assert scores[8].combined is None  # "Ved ikke" is missing


def test_a_second_measurement_for_the_same_point_is_refused_with_a_clear_message(
    world: World,
) -> None:
    course = world.course()
    measurement_record(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 7),
        citizen_answers={"B1": 3},
        caseworker_answers={},
        user=world.sara,
    )
    with pytest.raises(DuplicateMeasurement, match="allerede en baselinemåling"):
        measurement_record(
            course=course,
            point="baseline",
            measured_on=dt.date(2026, 9, 8),
            citizen_answers={"B1": 4},
            caseworker_answers={},
            user=world.sara,
        )
    assert Measurement.objects.filter(course=course).count() == 1


def test_answers_outside_the_scale_are_refused_and_nothing_is_stored(world: World) -> None:
    course = world.course()
    with pytest.raises(ValidationError) as error:
        measurement_record(
            course=course,
            point="baseline",
            measured_on=dt.date(2026, 9, 7),
            citizen_answers={"B1": 9},
            caseworker_answers={"S12": 3},
            user=world.sara,
        )
    assert "B1" in error.value.message_dict
    assert not Measurement.objects.exists()


def test_a_new_configuration_version_copies_course_types_and_points(world: World) -> None:
    copy = configuration_new_version(configuration=world.configuration)
    assert copy.version == 2
    assert copy.course_types.count() == world.configuration.course_types.count() == 6
    mentor = copy.course_types.get(code="mentor")
    assert [p.kind for p in mentor.points.order_by("week")] == ["baseline", "midway", "final"]
    assert world.contract.active_configuration() == copy


def test_courses_are_visible_only_within_the_users_organisation(world: World) -> None:
    from effekt.progression.models import Course

    course = world.course()
    assert list(Course.objects.visible_to(world.sara)) == [course]
    assert list(Course.objects.visible_to(world.jonas)) == [course]
    assert list(Course.objects.visible_to(world.amira)) == [course]
    assert list(Course.objects.visible_to(world.otto)) == []
    assert list(Course.objects.visible_to(world.sune)) == []
    assert list(Course.objects.visible_to(world.ada)) == [course]


def test_the_planned_end_follows_the_latest_extension(world: World) -> None:
    from effekt.progression.models import Extension

    course = world.course(start=dt.date(2026, 9, 7))
    assert course.planned_end == dt.date(2026, 12, 6)
    Extension.objects.create(
        course=course, new_planned_end=dt.date(2027, 1, 3), reason="Praktik", created_by=world.sara
    )
    assert course.planned_end == dt.date(2027, 1, 3)
    assert {p.kind: p.due for p in course.plan()}["final"] == dt.date(2026, 12, 28)
