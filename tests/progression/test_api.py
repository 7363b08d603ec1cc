"""The JSON API: token auth, the same access rules as the pages, clear errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from effekt.organisations.models import User
from effekt.progression.models import ApiToken, Course, CourseStatus, Measurement
from effekt.progression.services.api_tokens import api_token_create, api_token_revoke
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS

Call = Callable[..., Any]


@pytest.fixture
def as_user(db: None) -> Callable[[User], Call]:
    def make(user: User) -> Call:
        _, token = api_token_create(user=user, name="sagssystem")
        client = Client(headers={"Authorization": f"Bearer {token}"})

        def call(method: str, path: str, body: object = None) -> Any:
            send = getattr(client, method)
            if body is None:
                return send(f"/api{path}")
            return send(f"/api{path}", body, content_type="application/json")

        return call

    return make


def test_the_openapi_schema_is_served(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "/api/referrals" in schema["paths"]
    assert "/api/courses/{course_id}/measurements" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_it_refuses_a_missing_wrong_or_revoked_token(world: World, course: Course) -> None:
    assert Client().get("/api/courses").status_code == 401
    wrong = Client(headers={"Authorization": "Bearer nope"})
    assert wrong.get("/api/courses").status_code == 401
    api_token, token = api_token_create(user=world.jonas, name="x")
    revoked = Client(headers={"Authorization": f"Bearer {token}"})
    assert revoked.get("/api/courses").status_code == 200
    api_token_revoke(api_token=api_token)
    assert revoked.get("/api/courses").status_code == 401
    assert ApiToken.objects.get().last_used_at is not None


def test_a_case_system_runs_the_whole_flow(
    world: World, today: dt.date, as_user: Callable[[User], Call]
) -> None:
    jonas, sara = as_user(world.jonas), as_user(world.sara)
    referral = {
        "contract_id": world.contract.pk,
        "course_type": "job_uddannelsesformidling",
        "cpr": "010190-1234",
        "name": "Birgit Borger",
        "distance": "taet_paa",
        "target_group": "dagpenge",
        "result_goal": ["ordinaert_job"],
        "start_date": "2026-09-07",
    }
    created = jonas("post", "/referrals", referral)
    assert created.status_code == 201, created.json()
    course = created.json()
    assert course["status"] == "referred"
    assert [p["point"] for p in course["plan"]] == ["baseline", "midway", "final"]
    assert course["plan"][2]["due"] == "2026-11-30"

    started = sara("post", f"/courses/{course['id']}/start")
    assert started.json()["status"] == "active" and started.json()["version"] == 2
    body = {
        "point": "baseline",
        "measured_on": "2026-09-08",
        "citizen_answers": CITIZEN_ANSWERS,
        "caseworker_answers": CASEWORKER_ANSWERS,
    }
    measured = sara("post", f"/courses/{course['id']}/measurements", body)
    assert measured.status_code == 201
    scores = {s["indicator"]: s for s in measured.json()["scores"]}
    assert scores[1] == {"indicator": 1, "citizen": 2.0, "caseworker": 4.0, "combined": 3.0}
    duplicate = sara("post", f"/courses/{course['id']}/measurements", body)
    assert duplicate.status_code == 409
    assert "allerede udfyldt" in duplicate.json()["detail"]

    ending = {"version": 1, "category": "ordinaert_job", "ended_on": "2026-09-09"}
    stale = sara("post", f"/courses/{course['id']}/ending", ending)
    assert stale.status_code == 409 and "ændret af en anden" in stale.json()["detail"]
    missing = sara("post", f"/courses/{course['id']}/ending", {**ending, "version": 2})
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"industry", "hours_per_week"}
    ended = sara(
        "post",
        f"/courses/{course['id']}/ending",
        {**ending, "version": 2, "industry": "471100", "hours_per_week": 30},
    )
    assert ended.status_code == 201
    assert ended.json()["goal_reached"] is True
    detail = jonas("get", f"/courses/{course['id']}").json()
    assert (
        detail["status"] == CourseStatus.ENDED and detail["ending"]["category"] == "ordinaert_job"
    )


def test_the_api_applies_each_personas_access(
    world: World, course: Course, today: dt.date, as_user: Callable[[User], Call]
) -> None:
    path = f"/courses/{course.pk}"
    got = {
        name: as_user(getattr(world, name))("get", path).status_code
        for name in ("sara", "jonas", "amira", "ada", "otto", "sune")
    }
    assert got == {"sara": 200, "jonas": 200, "amira": 200, "ada": 200, "otto": 404, "sune": 404}
    assert as_user(world.amira)("get", path).json()["cpr"] == "010190-xxxx"
    assert as_user(world.jonas)("get", path).json()["cpr"] == "010190-1234"
    listed = {c["id"] for c in as_user(world.otto)("get", "/courses").json()}
    assert course.pk not in listed
    body = {
        "point": "baseline",
        "measured_on": "2026-09-08",
        "caseworker_answers": CASEWORKER_ANSWERS,
    }
    assert as_user(world.jonas)("post", f"{path}/measurements", body).status_code == 403
    assert as_user(world.sune)("post", f"{path}/measurements", body).status_code == 404
    referral = {
        "contract_id": world.contract.pk,
        "course_type": "mentor",
        "cpr": "0101901234",
        "name": "X",
        "distance": "mellem",
        "target_group": "dagpenge",
        "result_goal": ["fastholdt"],
        "start_date": "2026-09-07",
    }
    assert as_user(world.otto)("post", "/referrals", referral).status_code == 403
    assert as_user(world.sara)("post", "/referrals", referral).status_code == 403
    assert Measurement.objects.count() == 0


def test_bad_input_gets_field_errors_not_server_errors(
    world: World, course: Course, today: dt.date, as_user: Callable[[User], Call]
) -> None:
    sara = as_user(world.sara)
    bad = sara(
        "post",
        f"/courses/{course.pk}/measurements",
        {"point": "baseline", "measured_on": "2026-09-08", "citizen_answers": {"B1": 9, "Z9": 1}},
    )
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"B1", "Z9"}
    far = sara(
        "post",
        f"/courses/{course.pk}/measurements",
        {"point": "midway", "measured_on": "9999-12-31"},
    )
    assert far.status_code == 422


def test_a_user_makes_a_token_on_a_page_sees_it_once_and_revokes_it(
    world: World, course: Course, login: Callable[[User], Client]
) -> None:
    import re

    from django.urls import reverse

    jonas = login(world.jonas)
    page = jonas.post(reverse("progression:api_tokens"), {"name": "Sagssystem"}).content.decode()
    match = re.search(r'id="api-token" size="70"', page) and re.search(
        r'value="(effekt_[^"]+)"', page
    )
    assert match
    token = match.group(1)
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get(f"/api/courses/{course.pk}").status_code == 200
    assert token not in jonas.get(reverse("progression:api_tokens")).content.decode()
    api_token = ApiToken.objects.get(user=world.jonas)
    assert (
        login(world.otto)
        .post(reverse("progression:api_token_revoke", args=[api_token.pk]))
        .status_code
        == 404
    )
    jonas.post(reverse("progression:api_token_revoke", args=[api_token.pk]))
    assert api.get(f"/api/courses/{course.pk}").status_code == 401


def test_the_jobcentre_reads_and_acknowledges_a_sent_report(
    world: World, course: Course, today: dt.date, as_user: Callable[[User], Call]
) -> None:
    from effekt.progression.services.reports import ReportText, report_save, report_send

    text = ReportText("progress", dt.date(2026, 9, 7), dt.date(2026, 9, 9), "cv", "job", "praktik")
    draft = report_save(course=course, user=world.sara, text=text)
    jonas = as_user(world.jonas)
    assert jonas("get", f"/reports/{draft.pk}").status_code == 404  # drafts are the supplier's
    assert as_user(world.sara)("get", f"/reports/{draft.pk}").json()["status"] == "draft"
    report_send(report=draft, user=world.sara)
    assert [r["id"] for r in jonas("get", f"/courses/{course.pk}/reports").json()] == [draft.pk]
    assert as_user(world.sara)("post", f"/reports/{draft.pk}/acknowledge").status_code == 403
    assert as_user(world.otto)("post", f"/reports/{draft.pk}/acknowledge").status_code == 404
    acknowledged = jonas("post", f"/reports/{draft.pk}/acknowledge")
    assert acknowledged.status_code == 200
    assert acknowledged.json()["status"] == "acknowledged"
    assert acknowledged.json()["acknowledged_at"] is not None


def test_a_referral_with_unknown_codes_is_refused_field_by_field(
    world: World, as_user: Callable[[User], Call]
) -> None:
    referral = {
        "contract_id": world.contract.pk,
        "course_type": "mentor",
        "cpr": "0101901234",
        "name": "X",
        "distance": "mellem",
        "target_group": "pirat",
        "result_goal": ["fastholdt", "guld"],
        "start_date": "2026-09-07",
    }
    response = as_user(world.jonas)("post", "/referrals", referral)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"target_group", "result_goal"}
    assert Course.objects.count() == 0
    bad_status = as_user(world.jonas)("get", "/courses?status=pirat")
    assert bad_status.status_code == 422


def test_ids_out_of_range_are_refused_before_the_database(
    world: World, as_user: Callable[[User], Call]
) -> None:
    jonas = as_user(world.jonas)
    assert jonas("get", f"/courses/{2**64}").status_code == 422
    assert jonas("get", "/courses/0").status_code == 422
    assert jonas("get", f"/courses/{2**63 - 1}").status_code == 404
