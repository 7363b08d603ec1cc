"""Progression and final reports: draft, send, acknowledge, PDF with the citizen's scores."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from effekt.organisations.models import AuditEntry, User
from effekt.progression.models import Course, ProgressReport, ReportStatus
from effekt.progression.services.measurement_entry import measurement_save
from tests.personas import World
from tests.progression.conftest import CASEWORKER_ANSWERS, CITIZEN_ANSWERS


def report_data(**changes: str) -> dict[str, str]:
    data = {
        "kind": "progress",
        "period_start": "2026-09-07",
        "period_end": "2026-09-09",
        "worked_on": "Cv og jobsøgning",
        "results": "Har søgt tre stillinger",
        "next_plan": "Praktik i detailhandlen",
    }
    data.update(changes)
    return data


def write_report(client: Client, course: Course, **changes: str) -> ProgressReport:
    response = client.post(
        reverse("progression:report_new", args=[course.pk]), report_data(**changes)
    )
    assert response.status_code == 302, response.content.decode()
    return ProgressReport.objects.latest("id")


def test_a_report_is_sent_and_acknowledged_and_drafts_stay_with_the_supplier(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara, jonas = login(world.sara), login(world.jonas)
    report = write_report(sara, course)
    assert report.status == ReportStatus.DRAFT
    url = reverse("progression:report", args=[report.pk])
    assert jonas.get(url).status_code == 404  # a draft is the supplier's
    sara.post(reverse("progression:report_send", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT and report.sent_at is not None

    board = jonas.get(reverse("progression:dashboard")).content.decode()
    assert f'data-report="{report.pk}"' in board
    page = jonas.get(url).content.decode()
    assert "Kvittér for rapporten" in page and "Praktik i detailhandlen" in page
    jonas.post(reverse("progression:report_acknowledge", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED
    assert report.acknowledged_by == world.jonas
    assert (
        f'data-report="{report.pk}"'
        not in jonas.get(reverse("progression:dashboard")).content.decode()
    )


def test_a_sent_report_can_only_be_acknowledged_by_its_municipality(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    report = write_report(sara, course)
    sara.post(reverse("progression:report_send", args=[report.pk]))
    url = reverse("progression:report_acknowledge", args=[report.pk])
    assert login(world.otto).post(url).status_code == 404
    assert login(world.amira).post(url).status_code == 403
    assert sara.post(url).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT


def test_a_report_form_with_errors_keeps_the_text(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    response = login(world.sara).post(
        reverse("progression:report_new", args=[course.pk]),
        report_data(period_end="2026-09-01"),
    )
    html = response.content.decode()
    assert "Perioden slutter før den begynder." in html
    assert "Cv og jobsøgning" in html and "Praktik i detailhandlen" in html
    assert ProgressReport.objects.count() == 0


def test_only_one_final_report(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    sara = login(world.sara)
    write_report(sara, course, kind="final")
    response = sara.post(
        reverse("progression:report_new", args=[course.pk]), report_data(kind="final")
    )
    assert "allerede en slutrapport" in response.content.decode()


@pytest.mark.slow
def test_the_report_pdf_contains_the_citizens_scores(
    world: World, course: Course, today: dt.date, login: Callable[[User], Client]
) -> None:
    measurement_save(
        course=course,
        point="baseline",
        measured_on=dt.date(2026, 9, 8),
        citizen_answers=CITIZEN_ANSWERS,
        caseworker_answers=CASEWORKER_ANSWERS,
        user=world.sara,
    )
    sara = login(world.sara)
    report = write_report(sara, course, kind="final")
    response = sara.get(reverse("progression:report_pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="slutrapport-')
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Birgit Borger" in text and "010190-1234" in text
    assert "Baselinemåling 08.09.2026" in text
    # indicator 1: citizen 2, caseworker 4, combined 3 (hand-computed in conftest)
    assert "2,00 4,00 3,00" in text
    assert AuditEntry.objects.filter(action="export", object_id=str(report.pk)).exists()
