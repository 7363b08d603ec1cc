"""Measurement entry by the supplier consultant: scores and change at once, duplicates refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import Course, Measurement
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS, form_data


def measure(client: Client, course: Course, point: str, answers: dict[str, Any]) -> Any:
    data = {"measured_on": "2026-09-09", **form_data(answers)}
    return client.post(reverse("progression:measure", args=[course.pk, point]), data)


def test_a_measurement_shows_its_scores_per_perspective_at_once(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    response = measure(sara, course, "baseline", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS})
    measurement = Measurement.objects.get()
    assert response["Location"] == reverse("progression:measurement", args=[measurement.pk])
    html = sara.get(response["Location"]).content.decode()
    scores = {s.indicator: (s.citizen, s.caseworker, s.combined) for s in measurement.scores.all()}
    assert scores == {
        1: (2.0, 4.0, 3.0),
        2: (4.0, None, 4.0),
        4: (3.0, 3.0, 3.0),
        7: (3.0, None, 3.0),
        8: (None, 2.0, 2.0),
    }
    assert "<td>2,00</td>\n    <td>4,00</td>\n    <td>3,00</td>" in html
    # mean across indicators: citizen (2+4+3+3)/4 = 3, caseworker (4+3+2)/3 = 3, combined 15/5
    assert "Gennemsnit på tværs af indikatorer" in html


def test_the_change_since_baseline_is_shown_and_a_regression_warns_the_jobcentre(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara, jonas = login(world.sara), login(world.jonas)
    measure(sara, course, "baseline", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS})
    assert not Course.objects.get().regression_flag
    # midway: S2 4 -> 2 makes indicator 1 fall from 3.0 to 2.0, a full step
    response = measure(sara, course, "midway", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS, "S2": 2})
    html = sara.get(response["Location"]).content.decode()
    row = html.split('data-indicator="1"')[1].split("</tr>")[0]
    assert "<td>2,00</td>" in row and "<td>3,00</td>" in row and "<td>-1,00</td>" in row
    assert Course.objects.get().regression_flag
    board = jonas.get(reverse("progression:dashboard")).content.decode()
    assert "Tidlige advarsler" in board and f'data-warning="{course.pk}"' in board
    assert mail.outbox == []  # Jonas has no e-mail address: flagged, nothing sent


def test_it_sends_the_warning_by_email_to_the_jobcentre_consultant(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    world.jonas.email = "jonas@rudersdal.invalid"
    world.jonas.save()
    sara = login(world.sara)
    measure(sara, course, "baseline", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS})
    assert mail.outbox == []
    measure(sara, course, "midway", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS, "S2": 2})
    (message,) = mail.outbox
    assert message.to == ["jonas@rudersdal.invalid"]
    assert "tilbagegang" in message.body and "010190-xxxx" in message.body
    assert "Indikatorer der er faldet mindst et skalatrin: 1." in message.body


def test_a_second_measurement_for_a_point_is_refused_with_a_clear_message(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    measure(sara, course, "baseline", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS})
    response = measure(sara, course, "baseline", {**CITIZEN_ANSWERS, **CASEWORKER_ANSWERS})
    html = response.content.decode()
    assert response.status_code == 200
    assert "allerede udfyldt" in html
    assert "der må kun være én" in html
    assert Measurement.objects.count() == 1


def test_a_measurement_form_with_errors_keeps_the_answers(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    data = {"measured_on": "i går", **form_data({"S2": 4, "B10": ["internettet", "aviser"]})}
    response = login(world.sara).post(
        reverse("progression:measure", args=[course.pk, "baseline"]), data
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert Measurement.objects.count() == 0
    assert 'value="i går"' in html
    assert 'name="S2" value="4" id="id_S2_3" class="form-radio" checked' in html
    assert 'name="B10" value="aviser" id="id_B10_0" class="form-checkbox" checked' in html
    assert 'name="B10" value="internettet" id="id_B10_1" class="form-checkbox" checked' in html
    assert html.count(" checked") == 3


def test_an_empty_measurement_is_refused(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    response = login(world.sara).post(
        reverse("progression:measure", args=[course.pk, "baseline"]),
        {"measured_on": "2026-09-09"},
    )
    assert "Besvar mindst ét spørgsmål." in response.content.decode()
    assert Measurement.objects.count() == 0


def test_the_caseworker_part_first_and_the_citizen_part_later_make_one_measurement(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    measure(sara, course, "baseline", CASEWORKER_ANSWERS)
    page = sara.get(reverse("progression:measure", args=[course.pk, "baseline"]))
    assert "mangler: borgerdelen" in page.content.decode()
    assert 'name="S2"' not in page.content.decode()
    measure(sara, course, "baseline", CITIZEN_ANSWERS)
    measurement = Measurement.objects.get()
    assert measurement.citizen_completed_at and measurement.caseworker_completed_at
    assert measurement.scores.get(indicator=1).combined == 3.0


def test_date_fields_are_filled_in_the_format_browsers_accept(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    page = login(world.sara).get(reverse("progression:measure", args=[course.pk, "baseline"]))
    assert 'type="date" name="measured_on" value="2026-09-09"' in page.content.decode()


def test_the_jobcentre_marks_a_warning_as_followed_up(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    course.regression_flag = True
    course.save()
    url = reverse("progression:warning_clear", args=[course.pk])
    assert login(world.sara).post(url).status_code == 403
    assert login(world.otto).post(url).status_code == 404
    page = login(world.jonas).get(reverse("progression:course", args=[course.pk]))
    assert "Markér advarslen som fulgt op" in page.content.decode()
    login(world.jonas).post(url)
    course.refresh_from_db()
    assert not course.regression_flag
    board = login(world.jonas).get(reverse("progression:dashboard")).content.decode()
    assert f'data-warning="{course.pk}"' not in board
