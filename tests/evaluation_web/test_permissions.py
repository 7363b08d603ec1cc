"""Every page and download of an experiment, against every persona."""

from __future__ import annotations

import pytest
from django.test import Client

from effekt.evaluation.models import Cohort, Experiment
from effekt.evaluation.services.surveys import survey_create_from_template
from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

# persona -> expected status for reading pages of Rudersdal's experiment.
READERS = {
    "eva": 200,
    "amira": 200,
    "ada": 200,
    "erik": 404,
    "jonas": 403,
    "otto": 403,
    "sara": 403,
    "sune": 403,
}
# persona -> expected status for pages that change the experiment (GET forms).
EDITORS = {
    "eva": 200,
    "amira": 403,
    "ada": 200,
    "erik": 404,
    "jonas": 403,
    "otto": 403,
    "sara": 403,
    "sune": 403,
}


def _urls(experiment: Experiment, evaluators: Evaluators) -> tuple[list[str], list[str]]:
    cohort = Cohort.objects.create(experiment=experiment, name="Alle")
    survey = survey_create_from_template(
        user=evaluators.eva, experiment=experiment, template_key="borger_samtaler"
    )
    kpi = experiment.kpis.get()
    base = f"/forsoeg/{experiment.pk}/"
    reading = [
        base,
        f"{base}persongrupper/{cohort.pk}/",
        f"{base}spoergeskemaer/{survey.pk}/",
        f"{base}spoergeskemaer/{survey.pk}/resultater.csv",
        f"{base}spoergeskemaer/{survey.pk}/resultater.xlsx",
        f"{base}bilag.xlsx",
    ]
    editing = [f"{base}kpi/{kpi.pk}/maaling/", f"{base}effekt/", f"{base}register/"]
    return reading, editing


@pytest.mark.parametrize("username", sorted(READERS))
def test_each_persona_reads_or_is_refused_every_page(
    experiment: Experiment, evaluators: Evaluators, username: str
) -> None:
    reading, editing = _urls(experiment, evaluators)
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    for url in reading:
        assert client.get(url).status_code == READERS[username], url
    for url in editing:
        assert client.get(url).status_code == EDITORS[username], url


@pytest.mark.parametrize("username", ["amira", "erik", "jonas"])
def test_nobody_but_the_owners_evaluators_sends_a_wave_or_reminders(
    experiment: Experiment, evaluators: Evaluators, username: str
) -> None:
    survey = survey_create_from_template(
        user=evaluators.eva, experiment=experiment, template_key="borger_samtaler"
    )
    client = Client()
    client.login(username=username, password=PASSWORD)
    url = f"/forsoeg/{experiment.pk}/spoergeskemaer/{survey.pk}/"
    response = client.post(url, {"label": "B1", "emails": "a@example.dk"})
    assert response.status_code in {403, 404}
    assert not survey.waves.exists()
