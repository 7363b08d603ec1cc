"""The kick-off configuration is edited in the admin, versioned and checked."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import PASSWORD, World

pytestmark = pytest.mark.django_db


def _course_type_form(world: World, code: str, indicators: str, final_week: int) -> dict[str, str]:
    course_type = world.configuration.course_types.get(code=code)
    points = list(course_type.points.order_by("week"))
    data = {
        "configuration": str(world.configuration.pk),
        "code": course_type.code,
        "name": course_type.name,
        "standard_length_weeks": "13",
        "indicators_by_distance": indicators,
        "points-TOTAL_FORMS": str(len(points)),
        "points-INITIAL_FORMS": str(len(points)),
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
    }
    for index, point in enumerate(points):
        week = final_week if point.kind == "final" else point.week
        data |= {
            f"points-{index}-id": str(point.pk),
            f"points-{index}-course_type": str(course_type.pk),
            f"points-{index}-kind": point.kind,
            f"points-{index}-week": str(week),
            f"points-{index}-window_before_days": str(point.window_before_days),
            f"points-{index}-window_after_days": str(point.window_after_days),
        }
    return data


def test_saving_a_course_type_shows_the_recommendation_of_four_to_six_indicators(
    client: Client, world: World
) -> None:
    client.login(username="ada", password=PASSWORD)
    course_type = world.configuration.course_types.get(code="mentor")
    url = f"/admin/progression/coursetypeconfig/{course_type.pk}/change/"
    response = client.post(
        url, _course_type_form(world, "mentor", '{"taet_paa": [1, 2, 3]}', 12), follow=True
    )
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("3 indikatorer; der anbefales 4–6" in m for m in shown), shown
    course_type.refresh_from_db()
    assert course_type.indicators_by_distance == {"taet_paa": [1, 2, 3]}


def test_a_final_measurement_outside_the_course_is_refused_and_nothing_is_saved(
    client: Client, world: World
) -> None:
    client.login(username="ada", password=PASSWORD)
    course_type = world.configuration.course_types.get(code="mentor")
    url = f"/admin/progression/coursetypeconfig/{course_type.pk}/change/"
    response = client.post(
        url, _course_type_form(world, "mentor", '{"taet_paa": [1, 2, 4, 7]}', 15)
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Uge 15 ligger uden for forløbet (uge 0–12)" in response.content.decode()
    assert 'value="15"' in response.content.decode()  # what was typed is kept
    assert course_type.points.get(kind="final").week == 12


def test_a_configuration_in_use_by_a_course_cannot_be_edited_only_versioned(
    client: Client, world: World
) -> None:
    world.course()
    client.login(username="ada", password=PASSWORD)
    url = f"/admin/progression/contractconfiguration/{world.configuration.pk}/change/"
    html = client.get(url).content.decode()
    assert 'name="_save"' not in html  # read-only view
    response = client.post(
        "/admin/progression/contractconfiguration/",
        {"action": "new_version", "_selected_action": [str(world.configuration.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert world.contract.configurations.count() == 2
