"""The consultant pages read each relation once: the number of queries does not grow with
the measurements, extensions, reports or courses shown (issue 3: pages fast under load)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import Course, CourseStatus
from effekt.progression.services.dashboard import dashboard_courses
from effekt.progression.services.measurement_entry import measurement_save
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS


def _queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def _measure(course: Course, world: World, point: str, on: dt.date) -> None:
    measurement_save(
        course=course,
        point=point,
        measured_on=on,
        citizen_answers=CITIZEN_ANSWERS,
        caseworker_answers=CASEWORKER_ANSWERS,
        user=world.sara,
    )


def test_the_course_page_reads_each_relation_once_however_much_the_course_holds(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    client = login(world.sara)
    url = reverse("progression:course", args=[course.pk])
    _measure(course, world, "baseline", dt.date(2026, 9, 9))
    few, _ = _queries(client, url)
    _measure(course, world, "midway", dt.date(2026, 10, 19))
    for end in (dt.date(2026, 12, 20), dt.date(2027, 1, 10)):
        course.extensions.create(new_planned_end=end, reason="Praktik", created_by=world.jonas)
    many, html = _queries(client, url)
    assert many == few
    # session, user with organisation, course (with its ending), audit entry; measurements,
    # scores, estimates, extensions, reports, measurement points (it was 23 queries before)
    assert few <= 10
    assert "Midtvejsmåling" in html and "Forlænget til 10.01.2027" in html


def test_the_course_page_plans_from_the_latest_extension_not_the_latest_date(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    course.extensions.create(
        new_planned_end=dt.date(2027, 1, 10), reason="Praktik", created_by=world.jonas
    )
    course.extensions.create(
        new_planned_end=dt.date(2026, 12, 20), reason="Kortere", created_by=world.jonas
    )
    _, html = _queries(login(world.sara), reverse("progression:course", args=[course.pk]))
    facts = html.split("Planlagt slut</th>")[1].split("</tr>")[0]
    assert "20.12.2026" in facts
    # final = 20/12 − 13 weeks + 12 weeks + 1 day = 14/12
    assert "14.12.2026" in html.split('data-point="final"')[1].split("</tr>")[0]


def test_the_course_page_shows_a_new_measurement_on_the_next_read(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    client = login(world.jonas)
    url = reverse("progression:course", args=[course.pk])
    _measure(course, world, "baseline", dt.date(2026, 9, 9))
    _, before = _queries(client, url)
    _measure(course, world, "midway", dt.date(2026, 10, 19))
    _, after = _queries(client, url)
    assert "Midtvejsmåling 19.10.2026" not in before
    assert "Midtvejsmåling 19.10.2026" in after
    assert after.count('class="progression-chart"') == before.count('class="progression-chart"') + 1


def test_the_dashboard_reads_the_same_number_of_queries_for_one_course_or_many(
    world: World, today: dt.date, login: Callable[[User], Client]
) -> None:
    client = login(world.sara)
    url = reverse("progression:dashboard")
    first = world.course(cpr="0101901111", name="Første", start=dt.date(2026, 7, 27))
    _measure(first, world, "baseline", dt.date(2026, 7, 27))
    one, _ = _queries(client, url)
    for number in range(2, 6):
        start = dt.date(2026, 7, 27)  # baseline taken, midway due this week
        more = world.course(cpr=f"010190{number}111", name=f"Nummer {number}", start=start)
        _measure(more, world, "baseline", start)
    world.course(cpr="0101909999", name="Anden type", course_type="mentor", start=start)
    many, html = _queries(client, url)
    assert many == one
    # session, user with organisation, courses, measurement points, points measured (was 7)
    assert one <= 5
    assert "Nummer 5" in html and "Anden type" in html


def test_a_consultants_dashboard_finds_the_same_courses_as_the_organisations_view(
    world: World, today: dt.date
) -> None:
    world.course(cpr="0101901111", name="Kører", start=dt.date(2026, 7, 27))
    world.course(cpr="0101902222", name="Henvist", status=CourseStatus.REFERRED)
    for cpr, name, ended_on in [
        ("0101903333", "Netop afsluttet", dt.date(2026, 9, 1)),
        ("0101904444", "Længe afsluttet", dt.date(2026, 7, 1)),  # before the 8-week lookback
    ]:
        ended = world.course(cpr=cpr, name=name, start=dt.date(2026, 5, 4))
        ended.status, ended.ended_on = CourseStatus.ENDED, ended_on
        ended.save()
    world.course(cpr="0101905555", name="Afvist", status=CourseStatus.DECLINED)

    def names(*, mine: bool) -> set[str]:
        courses = dashboard_courses(world.sara, today, mine=mine)  # Sara has every course
        return set(courses.values_list("citizen__name", flat=True))

    assert names(mine=True) == names(mine=False) == {"Kører", "Henvist", "Netop afsluttet"}
