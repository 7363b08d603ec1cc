"""The dashboard buckets on real courses, with extensions and endings (today: 9 September 2026)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from effekt.organisations.models import User
from effekt.progression.models import CourseStatus
from effekt.progression.services.dashboard import dashboard_build
from effekt.progression.services.measurement_entry import measurement_save
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS


def test_each_point_lands_in_its_bucket(world: World, today: dt.date) -> None:
    # started 27/7: baseline due 27/7 (window to 3/8) is overdue, midway due 7/9 is this week
    world.course(cpr="0101901111", name="Sen Start", start=dt.date(2026, 7, 27))
    # 13 weeks from 8/6 end 6/9; final due 31/8 (window to 7/9) is overdue ...
    due_final = world.course(cpr="0101902222", name="Slut Snart", start=dt.date(2026, 6, 8))
    extended = world.course(cpr="0101903333", name="Forlænget", start=dt.date(2026, 6, 8))
    # ... unless extended to 4/10: final due 28/9, its window opens 25/9
    extended.extensions.create(
        new_planned_end=dt.date(2026, 10, 4), reason="Praktik", created_by=world.jonas
    )
    ended = world.course(cpr="0101904444", name="Afsluttet", start=dt.date(2026, 8, 3))
    ended.status, ended.ended_on = CourseStatus.ENDED, dt.date(2026, 9, 1)
    ended.save()
    for course in (due_final, extended, ended):
        for point in ("baseline", "midway") if course is not ended else ("baseline",):
            measurement_save(
                course=course,
                point=point,
                measured_on=course.start_date,
                citizen_answers={},
                caseworker_answers=CASEWORKER_ANSWERS,
                user=None,
            )
    board = dashboard_build(user=world.sara, today=today)
    found = {(r.course.citizen_name, r.item.label, r.item.bucket) for r in board.rows}
    assert found == {
        ("Sen Start", "Baselinemåling", "overdue"),
        ("Sen Start", "Midtvejsmåling", "due_this_week"),
        ("Slut Snart", "Slutmåling", "overdue"),
        ("Afsluttet", "Slutmåling", "missing"),
    }


def test_the_dashboard_page_shows_the_buckets(
    world: World, today: dt.date, login: Callable[[User], Client]
) -> None:
    world.course(cpr="0101901111", name="Sen Start", start=dt.date(2026, 7, 27))
    html = login(world.sara).get(reverse("progression:dashboard")).content.decode()
    assert "Skal måles i denne uge (1)" in html
    assert "Overskredet (1)" in html
    assert "Mangler (forløbet er afsluttet) (0)" in html
    assert 'href="/forloeb/' in html and "/maaling/midway/" in html
