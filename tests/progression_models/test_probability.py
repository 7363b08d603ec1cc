"""Each measurement stores its job/education probability and the model version (source 003)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from effekt.progression.models import ProbabilityEstimate
from effekt.progression.services.measurements import measurement_record
from effekt.progression.services.probability import citizen_characteristics
from tests.personas import PASSWORD, World

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


def test_pages_and_reports_show_the_probability_and_its_change_since_baseline(
    world: World, client: Client
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from effekt.progression.models import ProgressReport

    course = world.course()
    baseline = measurement_record(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 7),
        citizen_answers={"B1": 3},
        caseworker_answers={"S12": 2},
        user=world.sara,
    )
    midway = measurement_record(
        course=course,
        point="midway",
        measured_on=dt.date(2026, 10, 19),
        citizen_answers={"B1": 4},
        caseworker_answers={"S12": 4},
        user=world.sara,
    )
    low, high = (
        ProbabilityEstimate.objects.get(measurement=m).probability for m in (baseline, midway)
    )
    change = f"{(high - low) * 100:+.1f} procentpoint".replace(".", ",")
    client.login(username="jonas", password=PASSWORD)
    page = client.get(f"/forloeb/{course.pk}/").content.decode()
    assert f"{low * 100:.1f} %".replace(".", ",") in page
    assert change in page and "2026.1-default" in page
    assert change in client.get(f"/forloeb/maaling/{midway.pk}/").content.decode()
    report = ProgressReport.objects.create(
        course=course,
        kind="progress",
        period_start=dt.date(2026, 9, 7),
        period_end=dt.date(2026, 10, 20),
        author=world.sara,
        status="sent",
    )
    pdf = client.get(f"/forloeb/rapport/{report.pk}/pdf/")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "sandsynlighed" in text.lower()
    assert change.replace("−", "-") in text.replace("−", "-")
