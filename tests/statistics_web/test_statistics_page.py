"""The statistics page computes from the courses a user may see, through the pure module.

Hand-computed fixture (distance "tæt på": indicators 1, 2, 4, 7, 8; only citizen items
B9 → 1, B1 → 4, B7 and B8 → 7 are answered, so each course's mean covers indicators 1, 4, 7):
- A (Rudersdal): baseline 2 on every item, final 3 → mean change +1.0 → progression;
  ended in the period, ending "ordinaert_job" in its goal → goal reached.
- B (Rudersdal): baseline 3, final 3 → change 0 → stagnation; extended; ending "afbrudt".
- C (Rudersdal): baseline only → not measurable.
- D (Lyngby-Taarbæk): baseline 4, final 2 → regression; invisible to Rudersdal's users.
For Jonas (Rudersdal) in 2026Q3: 3 courses, progression 1, stagnation 1, regression 0,
not measurable 1; goal reached 1 of 3; extended 1 of 3.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.test import Client

from effekt.progression.models import Contract, Course, CourseStatus, Ending, Extension
from effekt.progression.services.configuration import configuration_create_default
from effekt.progression.services.measurements import measurement_record
from effekt.statistics.analysis import Filters, parse_period, steering_statistics
from effekt.statistics.db_source import DatabaseSource
from tests.personas import PASSWORD, World

pytestmark = pytest.mark.django_db
START, END = dt.date(2026, 6, 1), dt.date(2026, 8, 30)


def _answers(value: int) -> dict[str, int]:
    return {"B9": value, "B1": value, "B7": value, "B8": value}


def _course(
    world: World,
    cpr: str,
    before: int,
    after: int | None,
    ending: str,
    contract: Contract | None = None,
) -> Course:
    course = world.course(cpr=cpr, start=START, contract=contract)
    measurement_record(
        course=course,
        point="baseline",
        measured_on=START,
        citizen_answers=_answers(before),
        caseworker_answers={},
        user=world.sara,
    )
    if after is not None:
        measurement_record(
            course=course,
            point="final",
            measured_on=END - dt.timedelta(days=7),
            citizen_answers=_answers(after),
            caseworker_answers={},
            user=world.sara,
        )
    course.status, course.ended_on = CourseStatus.ENDED, END
    course.save()
    Ending.objects.create(
        course=course,
        category=ending,
        ended_on=END,
        registered_by=world.sara,
        industry="47",
        hours_per_week=30,
        reason="x",
    )
    return course


@pytest.fixture
def fixture(world: World) -> World:
    _course(world, "0101901111", 2, 3, "ordinaert_job")
    extended = _course(world, "0101901112", 3, 3, "afbrudt")
    Extension.objects.create(
        course=extended,
        new_planned_end=END + dt.timedelta(weeks=4),
        reason="Praktik",
        created_by=world.sara,
    )
    _course(world, "0101901113", 3, None, "afbrudt")
    lyngby = Contract.objects.create(
        municipality=world.lyngby,
        supplier=world.jobvejen,
        name="Lyngby",
        start_date=dt.date(2025, 1, 1),
    )
    configuration_create_default(contract=lyngby)
    _course(world, "0101901114", 4, 2, "afbrudt", contract=lyngby)
    return world


def test_the_database_source_gives_the_hand_computed_shares(fixture: World) -> None:
    period = parse_period("2026Q3")
    data = DatabaseSource(fixture.jonas).load(Filters(), period)
    result = steering_statistics(data, period, as_of=dt.date(2026, 11, 1))
    mean = result.current.progression_mean
    assert (mean.total, mean.progression, mean.stagnation, mean.regression) == (3, 1, 1, 0)
    assert mean.not_measurable == 1
    assert (result.current.goal_reached.numerator, result.current.goal_reached.denominator) == (
        1,
        3,
    )
    assert (result.current.extended.numerator, result.current.extended.denominator) == (1, 3)


def test_another_municipality_sees_only_its_own_course(fixture: World) -> None:
    period = parse_period("2026Q3")
    result = steering_statistics(DatabaseSource(fixture.otto).load(Filters(), period), period)
    mean = result.current.progression_mean
    assert (mean.total, mean.regression) == (1, 1)


def test_the_page_shows_the_statistics_and_downloads_excel_and_pdf(
    client: Client, fixture: World
) -> None:
    client.login(username="jonas", password=PASSWORD)
    query = "?period=2026Q3&perspective=combined"
    html = client.get(f"/statistik/{query}").content.decode()
    assert "Gennemsnit af alle indikatorer" in html
    assert "export=pdf" in html and "export=xlsx" in html
    # No S12 answers: every estimate is the "Ved ikke" rate (7.4 %), so no change; A and B
    # have a baseline and a later estimate, C has only a baseline.
    assert "For 2 forløb med baseline" in html
    assert "7,4 %" in html and "+0,0 procentpoint" in html
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/statistik/{query}&export=xlsx").content)
    )
    numbers = [
        cell
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, int | float)
    ]
    assert 3 in numbers and 1 in numbers
    pdf = client.get(f"/statistik/{query}&export=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_bad_period_keeps_the_form_and_says_what_is_wrong(client: Client, fixture: World) -> None:
    client.login(username="amira", password=PASSWORD)
    response = client.get("/statistik/?period=2026Q7&supplier=Jobvejen+ApS")
    html = response.content.decode()
    assert response.status_code == 200
    assert "form-error-message" in html
    assert 'value="2026Q7"' in html


def test_anonymous_users_are_sent_to_login(client: Client) -> None:
    assert client.get("/statistik/").status_code == 302


def test_the_cli_reads_the_application_database_without_data(fixture: World) -> None:
    import json

    from click.testing import CliRunner

    from effekt.cli import main

    result = CliRunner().invoke(
        main,
        ["stats", "progression", "--period", "2026Q3", "--municipality", "230", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    current = document["current"]
    assert current["courses"] == 3
    mean = current["progression"]["mean"]
    counts = [mean[k]["numerator"] for k in ("progression", "stagnation", "regression")]
    assert counts == [1, 1, 0]
    assert mean["progression"]["not_measurable"] == 1
    assert current["goal_reached"]["numerator"] == 1
