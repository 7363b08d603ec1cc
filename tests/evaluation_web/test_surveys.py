"""Survey waves by one-time links: answering, expiry, single use, reminders, exports."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from openpyxl import load_workbook

from effekt.evaluation.models import Experiment, Invitation, Response, Survey
from effekt.evaluation.services.surveys import (
    reminders_send,
    survey_create_from_template,
    survey_questions,
)
from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/forsoeg/svar/[^/\s]+/)")


@pytest.fixture
def survey(experiment: Experiment, evaluators: Evaluators) -> Survey:
    return survey_create_from_template(
        user=evaluators.eva, experiment=experiment, template_key="borger_samtaler"
    )


def _eva() -> Client:
    client = Client()
    client.login(username="eva", password=PASSWORD)
    return client


def _send(survey: Survey, emails: str, capture: Any, label: str = "Nulpunktsmåling") -> list[str]:
    """Send a wave through the page; the links of the e-mails sent, in recipient order."""
    url = f"/forsoeg/{survey.experiment.pk}/spoergeskemaer/{survey.pk}/"
    with capture(execute=True):
        response = _eva().post(url, {"label": label, "emails": emails})
    assert response.status_code == 302, response.content.decode()
    mails = sorted(mail.outbox, key=lambda m: m.to[0])
    return [_link(m.body) for m in mails]


def _link(body: object) -> str:
    found = LINK.search(str(body))
    assert found is not None, body
    return found.group(1)


def test_sending_a_wave_mails_each_recipient_a_link_in_danish(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    links = _send(
        survey, "a@example.dk\nB@example.dk\n\na@example.dk", django_capture_on_commit_callbacks
    )
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.dk", "b@example.dk"]
    assert mail.outbox[0].subject == "Borgersurvey: samtaler i jobcenteret"
    assert "Rudersdal Kommune beder dig svare" in mail.outbox[0].body
    assert len(set(links)) == 2
    # Only digests are stored, never the token.
    token = links[0].split("/")[-2]
    assert not Invitation.objects.filter(digest=token).exists()


def test_it_refuses_a_wave_with_a_bad_email_naming_the_line(survey: Survey) -> None:
    url = f"/forsoeg/{survey.experiment.pk}/spoergeskemaer/{survey.pk}/"
    page = _eva().post(url, {"label": "B1", "emails": "a@example.dk\nikke-en-mail"})
    assert "Linje 2: &#x27;ikke-en-mail&#x27; er ikke en e-mail." in page.content.decode()
    assert not survey.waves.exists()


def test_a_citizen_answers_once_and_the_link_is_then_used(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    (link,) = _send(survey, "a@example.dk", django_capture_on_commit_callbacks)
    citizen = Client()
    page = citizen.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hvordan oplever du generelt mødet med jobcenteret?" in html
    assert "I meget høj grad" in html and "Ved ikke" in html
    answered = citizen.post(
        link, {"koen": "Kvinde", "moedet.i2": "I høj grad", "kommentar": "Fine samtaler"}
    )
    assert "Mange tak for din besvarelse!" in answered.content.decode()
    assert Response.objects.get().answers == {
        "koen": "Kvinde",
        "moedet.i2": "I høj grad",
        "kommentar": "Fine samtaler",
    }
    again = citizen.get(link)
    assert again.status_code == 410
    assert "Du har allerede svaret" in again.content.decode()
    assert citizen.get("/forsoeg/svar/findes-ikke/").status_code == 404


def test_an_answer_outside_the_scale_is_refused(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    (link,) = _send(survey, "a@example.dk", django_capture_on_commit_callbacks)
    page = Client().post(link, {"moedet.i1": "Måske"})
    assert page.status_code == 200
    assert "Nogle svar er ikke gyldige" in page.content.decode()
    empty = Client().post(link, {})
    assert "Besvar mindst ét spørgsmål, før du sender." in empty.content.decode()
    assert not Response.objects.exists()


def test_the_link_expires_when_the_wave_closes(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    (link,) = _send(survey, "a@example.dk", django_capture_on_commit_callbacks)
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=22)):
        page = Client().get(link)
    assert page.status_code == 410
    assert "linket er udløbet" in page.content.decode()


def test_reminders_go_to_non_respondents_with_a_fresh_link_at_most_twice(
    survey: Survey, evaluators: Evaluators, django_capture_on_commit_callbacks: Any
) -> None:
    first, second = _send(survey, "a@example.dk\nb@example.dk", django_capture_on_commit_callbacks)
    Client().post(first, {"koen": "Mand"})
    wave = survey.waves.get()
    mail.outbox.clear()
    now = dt.datetime.now(dt.UTC)
    build = "http://testserver/forsoeg/svar/{}/".format
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(user=evaluators.eva, wave=wave, link_for=build, now=now) == 1
        # Not again within three days.
        assert reminders_send(user=evaluators.eva, wave=wave, link_for=build, now=now) == 0
        assert (
            reminders_send(
                user=evaluators.eva, wave=wave, link_for=build, now=now + dt.timedelta(days=3)
            )
            == 1
        )
        assert (
            reminders_send(
                user=evaluators.eva, wave=wave, link_for=build, now=now + dt.timedelta(days=6)
            )
            == 0
        )
    assert len(mail.outbox) == 2
    assert {m.subject for m in mail.outbox} == {"Påmindelse: Borgersurvey: samtaler i jobcenteret"}
    assert {m.to[0] for m in mail.outbox} == {"b@example.dk"}
    # The old link stopped working; the newest one works.
    assert Client().get(second).status_code == 404
    newest = _link(mail.outbox[-1].body)
    assert Client().get(newest).status_code == 200


def test_the_survey_page_shows_the_response_rate_and_results_export_as_csv_and_excel(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    links = _send(survey, "a@x.dk\nb@x.dk\nc@x.dk\nd@x.dk", django_capture_on_commit_callbacks)
    Client().post(links[0], {"moedet.i1": "I meget høj grad"})
    Client().post(links[1], {"moedet.i1": "Slet ikke"})
    base = f"/forsoeg/{survey.experiment.pk}/spoergeskemaer/{survey.pk}/"
    page = _eva().get(base).content.decode()
    assert "50,0 % (95 % KI 15,0–85,0 %; 2 af 4)" in page
    csv_text = _eva().get(base + "resultater.csv").content.decode()
    assert (
        "Nulpunktsmåling;Hvordan oplever du generelt mødet med jobcenteret? Jeg bliver mødt med …"
        in csv_text
    )
    assert ";positiv (top 2);1;2;0.5000;" in csv_text
    book = load_workbook(io.BytesIO(_eva().get(base + "resultater.xlsx").content))
    assert book.sheetnames == ["Resultater", "Svarprocent", "Ændring"]
    assert [c.value for c in book["Svarprocent"][2]][:4] == ["Nulpunktsmåling", 4, 2, 0.5]


def test_final_only_questions_are_asked_in_the_final_wave_only(
    experiment: Experiment, evaluators: Evaluators
) -> None:
    survey = survey_create_from_template(
        user=evaluators.eva, experiment=experiment, template_key="medarbejder_samtaler"
    )
    assert "frikommune" not in [
        q.key for q in survey_questions(survey, survey.waves.model(survey=survey, is_final=False))
    ]
    final = survey.waves.model(survey=survey, is_final=True)
    assert "frikommune" in [q.key for q in survey_questions(survey, final)]
