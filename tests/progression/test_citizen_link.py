"""The citizen's one-time link: no login, phone-friendly, Danish, expires, usable once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import time_machine
from django.test import Client
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import CitizenLink, Course, Measurement
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS, form_data


def new_link(client: Client, course: Course, point: str = "baseline") -> str:
    response = client.post(reverse("progression:link", args=[course.pk, point]))
    assert response.status_code == 200
    match = re.search(r'value="http://testserver(/forloeb/svar/[^"]+/)"', response.content.decode())
    assert match, "the page shows the link"
    return match.group(1)


def test_the_citizen_answers_alone_through_the_link_once(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    url = new_link(login(world.sara), course)
    citizen = Client()
    page = citizen.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="viewport" content="width=device-width' in html
    assert "Send mine svar" in html and 'lang="da"' in html
    assert 'name="S2"' not in html  # only the citizen's part
    assert 'name="B9"' in html

    done = citizen.post(url, form_data(CITIZEN_ANSWERS))
    assert "Tak for dine svar" in done.content.decode()
    measurement = Measurement.objects.get()
    assert measurement.citizen_mode == Measurement.CitizenMode.LINK
    assert measurement.created_by is None
    assert measurement.caseworker_completed_at is None
    assert measurement.scores.get(indicator=7).citizen == 3.0

    again = citizen.get(url)
    assert again.status_code == 410
    assert "Linket er allerede brugt" in again.content.decode()
    reposted = citizen.post(url, form_data(CITIZEN_ANSWERS))
    assert reposted.status_code == 410
    assert Measurement.objects.count() == 1


def test_the_link_expires(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    url = new_link(login(world.sara), course)
    with time_machine.travel(dt.datetime(2026, 9, 24, 10, 0, tzinfo=dt.UTC), tick=False):
        response = Client().get(url)
    assert response.status_code == 410
    assert "Linket er udløbet" in response.content.decode()
    with time_machine.travel(dt.datetime(2026, 9, 23, 9, 0, tzinfo=dt.UTC), tick=False):
        assert Client().get(url).status_code == 200


def test_an_unknown_link_says_so(db: None) -> None:
    response = Client().get("/forloeb/svar/ikke-et-rigtigt-token/")
    assert response.status_code == 404
    assert "Linket findes ikke" in response.content.decode()


def test_only_the_digest_of_the_token_is_stored(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    url = new_link(login(world.sara), course)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = CitizenLink.objects.get()
    assert token not in link.digest and len(link.digest) == 64


def test_the_link_completes_a_measurement_the_consultant_started(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    sara.post(
        reverse("progression:measure", args=[course.pk, "baseline"]),
        {"measured_on": "2026-09-09", **form_data(CASEWORKER_ANSWERS)},
    )
    url = new_link(sara, course)
    Client().post(url, form_data(CITIZEN_ANSWERS))
    measurement = Measurement.objects.get()
    assert measurement.scores.get(indicator=1).combined == 3.0  # (B9 2 + S2 4) / 2
    # a complete measurement offers no new link
    assert sara.post(reverse("progression:link", args=[course.pk, "baseline"])).status_code == 403


def test_only_the_courses_supplier_can_make_links(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    url = reverse("progression:link", args=[course.pk, "baseline"])
    assert login(world.jonas).post(url).status_code == 403
    assert login(world.sune).post(url).status_code == 404
    assert CitizenLink.objects.count() == 0


def test_a_link_to_a_course_that_is_no_longer_measured_has_expired(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    from effekt.progression.models import CourseStatus

    url = new_link(login(world.sara), course)
    Course.objects.filter(pk=course.pk).update(status=CourseStatus.DECLINED)
    response = Client().get(url)
    assert response.status_code == 410
    assert "Linket er udløbet" in response.content.decode()
