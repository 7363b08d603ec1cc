"""The per-citizen course page: charts, timeline, plan, CPR rules, audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from effekt.organisations.models import AuditEntry, User
from effekt.progression.models import Course
from effekt.progression.services.measurement_entry import measurement_save
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS


def measured(course: Course, world: World) -> Course:
    answers = {"citizen_answers": CITIZEN_ANSWERS, "user": world.sara}
    measurement_save(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 9),
        caseworker_answers=CASEWORKER_ANSWERS,
        **answers,  # type: ignore[arg-type]
    )
    measurement_save(
        course=course,
        point="midway",
        measured_on=dt.date(2026, 10, 19),
        caseworker_answers={**CASEWORKER_ANSWERS, "S12": 4},
        **answers,  # type: ignore[arg-type]
    )
    return course


def test_the_course_page_charts_every_indicator_and_baseline_against_latest(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    measured(course, world)
    html = login(world.jonas).get(reverse("progression:course", args=[course.pk])).content.decode()
    assert html.count('class="progression-chart"') == 5 + 1  # five indicators + comparison
    assert "8. Beskæftigelsesmedarbejders forventning" in html
    assert "Baseline og seneste måling" in html
    assert ">Midtvejsmåling<" in html  # the comparison's legend names the latest point
    assert "Henvist af jobcentret" in html and "Midtvejsmåling" in html
    assert "010190-1234" in html


def test_analysts_see_the_course_but_not_the_cpr_number(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    html = login(world.amira).get(reverse("progression:course", args=[course.pk])).content.decode()
    assert "010190-xxxx" in html
    assert "010190-1234" not in html


def test_every_read_of_a_citizens_course_is_logged(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    login(world.amira).get(reverse("progression:course", args=[course.pk]))
    entry = AuditEntry.objects.get(action="read")
    assert entry.user == world.amira
    assert entry.citizen == course.citizen
    assert entry.object_type == "progression.Course"
    assert entry.object_id == str(course.pk)


def test_the_plan_follows_an_extension(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    course.extensions.create(
        new_planned_end=dt.date(2026, 12, 20), reason="Praktik", created_by=world.jonas
    )
    html = login(world.sara).get(reverse("progression:course", args=[course.pk])).content.decode()
    # final = 20/12 − 13 weeks + 12 weeks + 1 day = 14/12
    final_row = html.split('data-point="final"')[1].split("</tr>")[0]
    assert "14.12.2026" in final_row
    assert "Forlænget til 20.12.2026" in html
