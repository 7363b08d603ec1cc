"""Register KPIs of the cohorts, computed by the evaluation module from uploaded tables."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from effekt.evaluation.models import Cohort, CohortMembership, Experiment, RegisterAnalysis
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

HOURS = b"person_id,month,hours\nP1,2028-01,37\nP2,2027-06,10\nP3,2028-03,20\n"


@pytest.fixture
def marked(experiment: Experiment) -> Experiment:
    cohort = Cohort.objects.create(experiment=experiment, name="Alle")
    for person, start in (("P1", "2027-01-01"), ("P2", "2027-01-01"), ("P3", "2027-03-01")):
        CohortMembership.objects.create(
            cohort=cohort, person_id=person, start_date=dt.date.fromisoformat(start), source="csv"
        )
    return experiment


def _post(experiment: Experiment, *files: tuple[str, bytes]) -> str:
    eva = Client()
    eva.login(username="eva", password=PASSWORD)
    response = eva.post(
        f"/forsoeg/{experiment.pk}/register/",
        {
            "tables": [SimpleUploadedFile(name, content) for name, content in files],
            "months": "12",
            "as_of": "2028-06-30",
        },
        follow=True,
    )
    return response.content.decode()


def test_the_employment_rate_twelve_months_after_the_marking_by_hand(marked: Experiment) -> None:
    # Measured on 2028-01-01 (P1, P2) and 2028-03-01 (P3): P1 and P3 have hours that month,
    # P2 only in 2027-06. 2 of 3 employed; Wilson 95 %: 20.8 %–93.9 %.
    page = _post(marked, ("employment_hours.csv", HOURS))
    analysis = RegisterAnalysis.objects.get()
    (cohort,) = analysis.result["cohorts"]
    (employment,) = [k for k in cohort["kpis"] if k["name"] == "employment_rate"]
    assert (employment["share"]["count"], employment["share"]["total"]) == (2, 3)
    assert "Register-KPI&#x27;erne er beregnet." in page
    assert "Beskæftigelsesgrad" in page
    assert "66,7 % (95 % KI 20,8–93,9 %; 2 af 3)" in page


def test_a_bad_register_table_is_named_without_the_temporary_folder(marked: Experiment) -> None:
    page = _post(marked, ("employment_hours.csv", b"person_id,month,hours\nP1,jan,37\n"))
    assert "employment_hours.csv, linje 2, kolonne &#x27;month&#x27;" in page
    assert "/tmp" not in page
    assert not RegisterAnalysis.objects.exists()


def test_an_unknown_table_is_refused(marked: Experiment) -> None:
    page = _post(marked, ("loen.csv", b"a\n1\n"))
    assert "loen.csv: ukendt registertabel" in page
    assert not RegisterAnalysis.objects.exists()


def test_the_final_report_shows_the_register_kpis(marked: Experiment) -> None:
    _post(marked, ("employment_hours.csv", HOURS))
    eva = Client()
    eva.login(username="eva", password=PASSWORD)
    pdf = eva.get(f"/forsoeg/{marked.pk}/rapport.pdf").content
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    section = text[text.index("5. Registeranalyse") : text.index("6. Resultater")]
    assert "KPI'er fra registerdata" in section
    assert "Beskæftigelsesgrad 66,7 % (95 % KI 20,8–93,9 %; 2 af 3)" in section
