"""Extension, ending status with its rules, goal reached, and the version check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import Course, CourseStatus, Ending
from tests.personas import World


def post(client: Client, name: str, course: Course, data: dict[str, object]) -> str:
    response = client.post(reverse(f"progression:{name}", args=[course.pk]), data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_an_extension_moves_the_final_measurement(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    html = post(
        login(world.jonas),
        "extend",
        course,
        {"version": 1, "new_planned_end": "2027-01-03", "reason": "Praktik forlænget"},
    )
    assert "Forløbet er forlænget." in html
    course.refresh_from_db()
    assert course.version == 2
    assert course.planned_end == dt.date(2027, 1, 3)
    assert course.plan()[-1].due == dt.date(2026, 12, 28)  # 3/1 − 13 weeks + 12 weeks + 1 day


def test_an_extension_must_move_the_end_later(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    html = post(
        login(world.sara),
        "extend",
        course,
        {"version": 1, "new_planned_end": "2026-11-01", "reason": "x"},
    )
    assert "skal ligge efter den planlagte (06.12.2026)" in html
    assert course.extensions.count() == 0


def test_an_early_ending_with_a_job_records_details_and_goal_reached(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    html = post(
        login(world.sara),
        "end",
        course,
        {
            "version": 1,
            "category": "ordinaert_job",
            "ended_on": "2026-09-08",
            "industry": "471100",
            "hours_per_week": "30",
            "established": "on",
        },
    )
    assert "Forløbet er afsluttet." in html
    assert "Resultatmålet er <strong>nået</strong>" in html
    course.refresh_from_db()
    assert course.status == CourseStatus.ENDED and course.ended_early
    assert course.plan()[-1].due == dt.date(2026, 9, 8)  # early final at the ending date
    ending = Ending.objects.get()
    assert (ending.industry, float(ending.hours_per_week or 0)) == ("471100", 30.0)
    assert course.goal_reached is True


def test_the_ending_rules_are_enforced_and_the_form_keeps_its_input(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    html = post(
        sara,
        "end",
        course,
        {"version": 1, "category": "ordinaert_job", "ended_on": "2026-09-08", "education": "HF"},
    )
    assert "«Ordinært job» kræver branche (DB07)." in html
    assert "«Ordinært job» kræver timer pr. uge." in html
    assert 'value="HF"' in html
    html = post(
        sara, "end", course, {"version": 1, "category": "fastholdt", "ended_on": "2026-09-08"}
    )
    assert "kun i mentorforløb eller efterværn" in html
    html = post(
        sara,
        "end",
        course,
        {"version": 1, "category": "oeget_mestring", "ended_on": "2026-09-08", "established": "on"},
    )
    assert "kun, når der ikke er etableret praktik" in html
    assert Ending.objects.count() == 0
    html = post(
        sara,
        "end",
        course,
        {"version": 1, "category": "afbrudt", "ended_on": "2026-09-08", "reason": "Flyttet"},
    )
    assert "Resultatmålet er <strong>ikke nået</strong>" in html


def test_two_consultants_cannot_silently_overwrite_each_other(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    jonas, sara = login(world.jonas), login(world.sara)
    # both opened the course at version 1; Jonas saves first
    post(
        jonas, "plan", course, {"version": 1, "min_plan": "Ny plan", "result_goal": ["uddannelse"]}
    )
    html = post(
        sara,
        "extend",
        course,
        {"version": 1, "new_planned_end": "2027-01-03", "reason": "Mere tid"},
    )
    assert "Forløbet er ændret af en anden, efter du åbnede det" in html
    assert "Min Plan, resultatmål ændret (Jonas" in html
    assert "Mere tid" in html  # what Sara typed is still in the form
    course.refresh_from_db()
    assert course.version == 2 and course.extensions.count() == 0
    assert course.min_plan == "Ny plan" and course.result_goal == ["uddannelse"]


def test_only_the_courses_parties_may_change_it(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    data = {"version": 1, "category": "afbrudt", "ended_on": "2026-09-08", "reason": "x"}
    url = reverse("progression:end", args=[course.pk])
    assert login(world.sune).post(url, data).status_code == 404
    assert login(world.otto).post(url, data).status_code == 404
    assert login(world.jonas).post(url, data).status_code == 403
    assert login(world.amira).post(url, data).status_code == 403
    assert (
        login(world.amira)
        .post(
            reverse("progression:plan", args=[course.pk]),
            {"version": 1, "result_goal": ["uddannelse"]},
        )
        .status_code
        == 403
    )
    assert Ending.objects.count() == 0


def test_the_final_measurement_can_follow_an_early_ending_within_its_window(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    import time_machine

    sara = login(world.sara)
    data = {"version": 1, "category": "afbrudt", "ended_on": "2026-09-08", "reason": "Flyttet"}
    post(sara, "end", course, data)
    url = reverse("progression:measure", args=[course.pk, "final"])
    # final due on the ending date 8/9, window until 15/9
    assert sara.get(url).status_code == 200
    with time_machine.travel(dt.datetime(2026, 9, 16, 10, 0, tzinfo=dt.UTC), tick=False):
        assert sara.get(url).status_code == 403
