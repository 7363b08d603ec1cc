"""The final evaluation report and the status note (PDF text), and the Excel annexes."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from effekt.evaluation.models import (
    Cohort,
    CohortMembership,
    Experiment,
    Invitation,
    Kpi,
    Response,
    Wave,
)
from effekt.evaluation.services.experiments import kpi_measurement_save
from effekt.evaluation.services.surveys import survey_create_from_template
from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


CLOSES = dt.datetime(2029, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def filled(experiment: Experiment, evaluators: Evaluators) -> Experiment:
    """28 firms at the 4th quarterly status; a cohort of 3; a citizen survey of two waves."""
    kpi = experiment.kpis.get()
    baseline, *_, fourth = list(experiment.points.all())[:5]
    kpi_measurement_save(user=evaluators.eva, kpi=kpi, point=baseline, count=0, total=None)
    kpi_measurement_save(user=evaluators.eva, kpi=kpi, point=fourth, count=28, total=None)
    share = Kpi.objects.create(experiment=experiment, name="Progression", kind="share", target=60)
    kpi_measurement_save(user=evaluators.eva, kpi=share, point=fourth, count=11, total=20)
    cohort = Cohort.objects.create(experiment=experiment, name="Iværksætterforløb")
    for person in ("P1", "P2", "P3"):
        CohortMembership.objects.create(
            cohort=cohort, person_id=person, start_date=experiment.start_date, source="csv"
        )
    survey = survey_create_from_template(
        user=evaluators.eva, experiment=experiment, template_key="borger_samtaler"
    )
    for number, (positive, negative) in enumerate([(48, 32), (56, 14)], start=1):
        wave = Wave.objects.create(
            survey=survey, number=number, label=f"Bølge {number}", closes_at=CLOSES
        )
        Invitation.objects.bulk_create(
            Invitation(
                wave=wave,
                email=f"{n}@example.dk",
                digest=f"{number}-{n}",
                expires_at=wave.closes_at,
                used_at=wave.closes_at if n < positive + negative else None,
            )
            for n in range(100)
        )
        for answer, count in (("I høj grad", positive), ("Slet ikke", negative)):
            Response.objects.bulk_create(
                Response(wave=wave, answers={"moedet.i1": answer}) for _ in range(count)
            )
    return experiment


def _text(pdf: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)


def _eva() -> Client:
    client = Client()
    client.login(username="eva", password=PASSWORD)
    return client


def test_the_final_report_follows_the_disposition_of_source_004(filled: Experiment) -> None:
    response = _eva().get(f"/forsoeg/{filled.pk}/rapport.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_text(response.content).split())
    headings = [
        "1. Indledning",
        "2. Ledelsesresumé",
        "3. Hovedkonklusioner",
        "4. Beskrivelse af forsøget",
        "5. Registeranalyse",
        "6. Resultater",
        "Bilag 1: surveyresultater – Borgersurvey: samtaler i jobcenteret",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    # 28 firms against 55 at 2028-01-01 (27.5 expected) is on track; 11/20 against 60 % uncertain.
    assert "Ledige etablerer virksomhed: 28 mod målet 55 personer/enheder – på sporet" in text
    assert "Progression: 55,0 % (95 % KI 34,2–74,2 %; 11 af 20) mod målet 60 % – usikkert" in text
    assert "Persongruppen «Iværksætterforløb» omfatter 3 personer." in text
    # Wave-to-wave change 48/80 → 56/70: +20,0 points, Newcombe 5,2 to 33,4.
    assert "+20,0 procentpoint (95 % KI +5,2 til +33,4)" in text


def test_the_status_note_has_a_management_summary_and_the_latest_wave(filled: Experiment) -> None:
    text = " ".join(_text(_eva().get(f"/forsoeg/{filled.pk}/statusnotat.pdf").content).split())
    assert text.startswith("Statusnotat")
    assert "Af forsøgets 2 forventede resultater er 0 nået, og 1 er nået eller på sporet" in text
    assert "Borgersurvey: samtaler i jobcenteret, Bølge 2" in text


def test_the_excel_annexes_hold_kpis_survey_results_and_change(filled: Experiment) -> None:
    book = load_workbook(io.BytesIO(_eva().get(f"/forsoeg/{filled.pk}/bilag.xlsx").content))
    assert book.sheetnames == [
        "KPI",
        "Bilag 1 resultater",
        "Bilag 1 svarprocent",
        "Bilag 1 ændring",
    ]
    kpi_rows = [[c.value for c in row] for row in book["KPI"].iter_rows(min_row=2)]
    assert kpi_rows[1][:4] == [
        "Ledige etablerer virksomhed",
        "Status 4. kvartal",
        "2028-01-01",
        28.0,
    ]
    change = [c.value for c in book["Bilag 1 ændring"][2]]
    assert change[1:3] == ["Bølge 1", "Bølge 2"]
    assert change[3] == pytest.approx(0.2)
    assert change[4] == pytest.approx(0.0524, abs=5e-5)


def test_the_dashboard_shows_each_kpi_with_status_and_a_chart(filled: Experiment) -> None:
    page = _eva().get(f"/forsoeg/{filled.pk}/").content.decode()
    assert page.count('data-testid="kpi-row"') == 2
    assert "På sporet" in page and "Usikkert" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert 'class="measured"' in page
