"""Cohort markings from CSV (line-numbered errors, all or nothing), courses and registers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from effekt.evaluation.models import Cohort, CohortMembership, Experiment
from effekt.evaluation.services.cohort_csv import CsvInvalid
from effekt.evaluation.services.cohorts import (
    cohort_from_courses,
    cohort_from_register,
    cohort_import_csv,
)
from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

GOOD = b"person_id,start_date,end_date\nP1,2027-02-01,\nP2,2027-03-15,2027-09-30\n"


@pytest.fixture
def cohort(experiment: Experiment) -> Cohort:
    return Cohort.objects.create(experiment=experiment, name="Iværksætterforløb")


def test_it_imports_markings_from_csv_with_start_and_end(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    added = cohort_import_csv(user=evaluators.eva, cohort=cohort, data=GOOD, file_name="gruppe.csv")
    assert added == 2
    rows = list(cohort.memberships.values_list("person_id", "start_date", "end_date", "source"))
    assert rows == [
        ("P1", dt.date(2027, 2, 1), None, "csv"),
        ("P2", dt.date(2027, 3, 15), dt.date(2027, 9, 30), "csv"),
    ]


def test_importing_the_same_file_twice_adds_nobody_new(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    cohort_import_csv(user=evaluators.eva, cohort=cohort, data=GOOD, file_name="gruppe.csv")
    again = cohort_import_csv(user=evaluators.eva, cohort=cohort, data=GOOD, file_name="gruppe.csv")
    assert again == 0
    assert cohort.memberships.count() == 2


def test_it_reads_a_semicolon_file_with_danish_dates_and_a_bom(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    data = "\ufeffperson_id;start_date\nP9;31.01.2027\n".encode()
    cohort_import_csv(user=evaluators.eva, cohort=cohort, data=data, file_name="excel.csv")
    assert cohort.memberships.get().start_date == dt.date(2027, 1, 31)


def test_a_bad_file_names_file_line_and_column_and_writes_nothing(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    data = (
        b"person_id,start_date,end_date\n"
        b"P1,2027-02-01,\n"
        b",2027-02-01,\n"
        b"P3,1. februar,\n"
        b"P4,2027-05-01,2027-04-01\n"
        b"P1,2027-02-01,\n"
    )
    with pytest.raises(CsvInvalid) as caught:
        cohort_import_csv(user=evaluators.eva, cohort=cohort, data=data, file_name="gruppe.csv")
    assert [str(p) for p in caught.value.problems] == [
        "gruppe.csv, linje 3, kolonne person_id: tom værdi",
        "gruppe.csv, linje 4, kolonne start_date: '1. februar' er ikke en dato (brug ÅÅÅÅ-MM-DD)",
        "gruppe.csv, linje 5, kolonne end_date: slutter før start_date",
        "gruppe.csv, linje 6, kolonne person_id: personen er allerede markeret fra samme dato "
        "på linje 2",
    ]
    assert not CohortMembership.objects.exists()


def test_a_missing_column_is_reported_on_the_header_line(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    with pytest.raises(CsvInvalid) as caught:
        cohort_import_csv(
            user=evaluators.eva, cohort=cohort, data=b"cpr,start\n1,2\n", file_name="x.csv"
        )
    assert [str(p) for p in caught.value.problems] == [
        "x.csv, linje 1, kolonne person_id: kolonnen mangler i overskriften",
        "x.csv, linje 1, kolonne start_date: kolonnen mangler i overskriften",
    ]


def test_a_person_can_be_in_several_cohorts(experiment: Experiment, evaluators: Evaluators) -> None:
    first = Cohort.objects.create(experiment=experiment, name="Alle")
    second = Cohort.objects.create(experiment=experiment, name="Akademikere")
    for cohort in (first, second):
        cohort_import_csv(user=evaluators.eva, cohort=cohort, data=GOOD, file_name="g.csv")
    assert CohortMembership.objects.filter(person_id="P1").count() == 2


def test_the_upload_page_shows_the_errors_and_the_reader_cannot_upload(
    cohort: Cohort, experiment: Experiment
) -> None:
    eva = Client()
    eva.login(username="eva", password=PASSWORD)
    url = f"/forsoeg/{experiment.pk}/persongrupper/{cohort.pk}/"
    bad = SimpleUploadedFile("gruppe.csv", b"person_id,start_date\nP1,i morgen\n")
    page = eva.post(url, {"source": "csv", "file": bad}).content.decode()
    assert "gruppe.csv, linje 2, kolonne start_date" in page
    assert "intet er gemt" in page
    good = SimpleUploadedFile("gruppe.csv", GOOD)
    response = eva.post(url, {"source": "csv", "file": good}, follow=True)
    assert "2 markeringer af 2 personer." in response.content.decode()
    amira = Client()
    amira.login(username="amira", password=PASSWORD)
    again = SimpleUploadedFile("gruppe.csv", GOOD)
    assert amira.post(url, {"source": "csv", "file": again}).status_code == 403


def test_it_marks_citizens_from_courses_in_participating_municipalities(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    world = evaluators.world
    world.course(cpr="0101901234", start=dt.date(2027, 2, 1))
    world.course(cpr="0202902345", start=dt.date(2027, 3, 1), course_type="mentor")
    world.course(cpr="0303903456", start=dt.date(2026, 12, 1))  # before the period asked
    added = cohort_from_courses(
        user=evaluators.eva,
        cohort=cohort,
        started_from=dt.date(2027, 1, 1),
        started_to=dt.date(2027, 12, 31),
    )
    assert added == 2
    assert set(cohort.memberships.values_list("start_date", flat=True)) == {
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
    }
    mentor_only = Cohort.objects.create(experiment=cohort.experiment, name="Mentor")
    assert (
        cohort_from_courses(
            user=evaluators.eva,
            cohort=mentor_only,
            started_from=dt.date(2027, 1, 1),
            started_to=dt.date(2027, 12, 31),
            course_type="mentor",
        )
        == 1
    )


def test_it_marks_the_first_benefit_spell_inside_the_period_from_register_data(
    cohort: Cohort, evaluators: Evaluators
) -> None:
    benefits = (
        b"person_id,benefit,start_date,end_date\n"
        b"A,dagpenge,2026-10-01,2026-12-31\n"  # before the experiment
        b"A,dagpenge,2027-05-01,\n"
        b"A,dagpenge,2027-03-01,2027-04-01\n"
        b"B,kontanthjaelp,2027-02-01,\n"  # another benefit
        b"C,dagpenge,2029-02-01,\n"  # after the experiment
    )
    added = cohort_from_register(
        user=evaluators.eva,
        cohort=cohort,
        data=benefits,
        file_name="benefits.csv",
        benefits={"dagpenge"},
    )
    assert added == 1
    membership = cohort.memberships.get()
    assert (membership.person_id, membership.start_date, membership.source) == (
        "A",
        dt.date(2027, 3, 1),
        "register",
    )
