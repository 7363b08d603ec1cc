"""Each measurement stores its job/education probability and the model version (source 003)."""

from __future__ import annotations

import datetime as dt

import pytest

from effekt.progression.models import ProbabilityEstimate
from effekt.progression.services.measurements import measurement_record
from effekt.progression.services.probability import citizen_characteristics
from tests.personas import World

pytestmark = pytest.mark.django_db


def _estimate(world: World, cpr: str, s12: int | str) -> ProbabilityEstimate:
    course = world.course(cpr=cpr)
    measurement = measurement_record(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 7),
        citizen_answers={"B1": 3},
        caseworker_answers={"S12": s12},
        user=world.sara,
    )
    return ProbabilityEstimate.objects.get(measurement=measurement)


def test_a_measurement_stores_the_probability_with_the_model_version(world: World) -> None:
    estimate = _estimate(world, "0101901234", 5)
    assert estimate.model_version == "2026.1-default"
    # The shipped defaults reproduce the published one-year job rate for "Ja" (26.8 %).
    assert estimate.probability == pytest.approx(0.268, abs=0.005)


def test_the_probability_follows_the_caseworkers_belief(world: World) -> None:
    answers: list[int | str] = [1, 2, 3, 4, 5, "ved_ikke"]
    by_answer = {
        answer: _estimate(world, f"01019012{index:02d}", answer).probability
        for index, answer in enumerate(answers)
    }
    assert by_answer[1] < by_answer[2] < by_answer[3] < by_answer[4] < by_answer[5]
    assert by_answer[1] == pytest.approx(0.011, abs=0.005)  # Nej: 1.1 %
    assert by_answer["ved_ikke"] == pytest.approx(0.074, abs=0.005)  # Ved ikke: 7.4 %


def test_sex_and_age_come_from_the_cpr_number() -> None:
    assert citizen_characteristics("0101901233", dt.date(2026, 1, 1)) == {"sex": "M", "age": 36}
    assert citizen_characteristics("0201901234", dt.date(2026, 1, 1)) == {"sex": "K", "age": 35}
