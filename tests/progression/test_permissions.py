"""Each persona against each page: own organisation, other organisation, wrong role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import Course, Measurement, ProgressReport
from effekt.progression.services.measurement_entry import measurement_save
from effekt.progression.services.reports import ReportText, report_save, report_send
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS

PERSONAS = ("sara", "jonas", "amira", "ada", "otto", "sune")


def baseline(course: Course, world: World) -> Measurement:
    return measurement_save(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 9),
        citizen_answers={},
        caseworker_answers=CASEWORKER_ANSWERS,
        user=world.sara,
    )


def sent_report(course: Course, world: World) -> ProgressReport:
    text = ReportText("progress", dt.date(2026, 9, 7), dt.date(2026, 9, 9), "a", "b", "c")
    report = report_save(course=course, user=world.sara, text=text)
    return report_send(report=report, user=world.sara)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("course", {"sara": 200, "jonas": 200, "amira": 200, "ada": 200, "otto": 404, "sune": 404}),
        (
            "measure",
            {"sara": 200, "jonas": 403, "amira": 403, "ada": 403, "otto": 404, "sune": 404},
        ),
        (
            "measurement",
            {"sara": 200, "jonas": 200, "amira": 200, "ada": 200, "otto": 404, "sune": 404},
        ),
        ("dashboard", dict.fromkeys(PERSONAS, 200)),
        ("api_tokens", dict.fromkeys(PERSONAS, 200)),
        ("report", {"sara": 200, "jonas": 200, "amira": 200, "ada": 200, "otto": 404, "sune": 404}),
        (
            "report_pdf",
            {"sara": 200, "jonas": 200, "amira": 200, "ada": 200, "otto": 404, "sune": 404},
        ),
        (
            "report_new",
            {"sara": 200, "jonas": 403, "amira": 403, "ada": 403, "otto": 404, "sune": 404},
        ),
        ("extend", {"sara": 200, "jonas": 200, "amira": 403, "ada": 403, "otto": 404, "sune": 404}),
        ("end", {"sara": 200, "jonas": 403, "amira": 403, "ada": 403, "otto": 404, "sune": 404}),
        ("plan", {"sara": 403, "jonas": 200, "amira": 403, "ada": 403, "otto": 404, "sune": 404}),
        (
            "referral",
            {"sara": 403, "jonas": 200, "amira": 403, "ada": 403, "otto": 200, "sune": 403},
        ),
        (
            "referral_upload",
            {"sara": 403, "jonas": 200, "amira": 403, "ada": 403, "otto": 200, "sune": 403},
        ),
    ],
)
def test_each_persona_gets_what_their_role_and_organisation_allow(
    world: World,
    course: Course,
    today: dt.date,
    login: Callable[[User], Client],
    page: str,
    expected: dict[str, int],
) -> None:
    arguments: dict[str, list[object]] = {
        "course": [course.pk],
        "measure": [course.pk, "baseline"],
        "measurement": [baseline(course, world).pk] if page == "measurement" else [],
        "report": [sent_report(course, world).pk] if page == "report" else [],
        "report_pdf": [sent_report(course, world).pk] if page == "report_pdf" else [],
        "report_new": [course.pk],
        "extend": [course.pk],
        "end": [course.pk],
        "plan": [course.pk],
    }
    args = arguments.get(page, [])
    url = reverse(f"progression:{page}", args=args)
    got = {name: login(getattr(world, name)).get(url).status_code for name in PERSONAS}
    assert got == expected
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_dashboards_show_only_the_organisations_courses(
    world: World,
    course: Course,
    other_course: Course,
    today: dt.date,
    login: Callable[[User], Client],
) -> None:
    def names(user: User) -> set[str]:
        html = login(user).get(reverse("progression:dashboard") + "?alle=1").content.decode()
        return {n for n in ("Birgit Borger", "Ole Anden") if n in html}

    assert names(world.sara) == {"Birgit Borger"}
    assert names(world.jonas) == {"Birgit Borger"}
    assert names(world.otto) == {"Ole Anden"}
    assert names(world.sune) == {"Ole Anden"}


def test_other_organisations_cannot_start_a_course(
    world: World, today: dt.date, login: Callable[[User], Client]
) -> None:
    from effekt.progression.models import CourseStatus

    course = world.course(status=CourseStatus.REFERRED)
    url = reverse("progression:start", args=[course.pk])
    assert login(world.sune).post(url).status_code == 404
    assert login(world.jonas).post(url).status_code == 403
    course.refresh_from_db()
    assert course.status == CourseStatus.REFERRED
