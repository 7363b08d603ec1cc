"""Referral by the jobcentre consultant, CSV import, and the supplier's start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from effekt.organisations.models import AuditEntry, User
from effekt.progression.models import Course, CourseStatus
from tests.personas import World

HEADER = "cpr;navn;leverandoer;forloebstype;afstand;maalgruppe;resultatmaal;startdato;min_plan\n"


def referral_data(world: World, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "contract": world.contract.pk,
        "course_type": "mentor",
        "cpr": "010190-1234",
        "name": "Birgit Borger",
        "distance": "mellem",
        "target_group": "dagpenge",
        "result_goal": ["ordinaert_job", "fastholdt"],
        "start_date": "2026-09-14",
        "min_plan": "Vil gerne arbejde i en børnehave.",
    }
    data.update(changes)
    return data


def test_a_jobcentre_consultant_refers_and_the_supplier_starts_the_course(
    world: World, login: Callable[[User], Client]
) -> None:
    jonas, sara = login(world.jonas), login(world.sara)
    response = jonas.post(reverse("progression:referral"), referral_data(world))
    course = Course.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("progression:course", args=[course.pk])
    assert course.status == CourseStatus.REFERRED
    assert course.citizen.cpr == "0101901234"
    assert course.supplier == world.jobvejen
    assert course.result_goal == ["ordinaert_job", "fastholdt"]
    assert course.course_type.code == "mentor"
    assert AuditEntry.objects.filter(citizen=course.citizen, action="create").count() == 2

    board = sara.get(reverse("progression:dashboard"))
    assert "Nye henvisninger" in board.content.decode()
    assert "Birgit Borger" in board.content.decode()

    started = sara.post(reverse("progression:start", args=[course.pk]))
    assert started.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.ACTIVE
    assert course.supplier_consultant == world.sara
    assert course.version == 2
    again = sara.post(reverse("progression:start", args=[course.pk]), follow=True)
    assert "allerede startet" in again.content.decode()


def test_a_form_with_errors_keeps_everything_the_user_typed(
    world: World, login: Callable[[User], Client]
) -> None:
    response = login(world.jonas).post(
        reverse("progression:referral"), referral_data(world, cpr="321390-1234")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert Course.objects.count() == 0
    assert "ikke en gyldig dato" in html
    assert 'value="321390-1234"' in html
    assert 'value="Birgit Borger"' in html
    assert "Vil gerne arbejde i en børnehave." in html
    assert 'value="2026-09-14"' in html
    assert html.count("checked") == 2  # the two result goals chosen


def test_it_refuses_a_course_type_the_contract_does_not_have(
    world: World, login: Callable[[User], Client]
) -> None:
    world.configuration.course_types.filter(code="mentor").delete()
    response = login(world.jonas).post(reverse("progression:referral"), referral_data(world))
    assert response.status_code == 200
    assert Course.objects.count() == 0


def upload(client: Client, text: str) -> str:
    file = SimpleUploadedFile("henvisninger.csv", text.encode("utf-8"), "text/csv")
    response = client.post(reverse("progression:referral_upload"), {"file": file}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_csv_file_is_imported_whole(world: World, login: Callable[[User], Client]) -> None:
    html = upload(
        login(world.jonas),
        HEADER + "0101901234;Birgit;Jobvejen ApS;mentor;mellem;dagpenge;fastholdt;2026-09-14;\n"
        "0202902345;Bo;jobvejen aps;Mentor;Mellem;Dagpengemodtager;ordinaert_job;14.09.2026;x\n",
    )
    assert "2 henvisninger er oprettet" in html
    assert sorted(Course.objects.values_list("citizen__name", flat=True)) == ["Birgit", "Bo"]
    assert set(Course.objects.values_list("start_date", flat=True)) == {dt.date(2026, 9, 14)}


def test_a_csv_file_with_one_bad_line_imports_nothing_and_names_the_line(
    world: World, login: Callable[[User], Client]
) -> None:
    html = upload(
        login(world.jonas),
        HEADER + "0101901234;Birgit;Jobvejen ApS;mentor;mellem;dagpenge;fastholdt;2026-09-14;\n"
        "0202902345;Bo;Mentorhuset A/S;mentor;mellem;dagpenge;fastholdt;2026-09-14;\n"
        "0303902345;Carl;Jobvejen ApS;kaffe;mellem;dagpenge;fastholdt;2026-09-14;\n",
    )
    assert Course.objects.count() == 0
    assert "Linje 3, kolonne «leverandoer»: ingen kontrakt med &#x27;Mentorhuset A/S&#x27;" in html
    assert "Linje 4, kolonne «forloebstype»: ukendt forløbstype" in html
