"""Acceptance in Chromium: an evaluator creates an experiment with a KPI target, imports a
cohort, sends a survey wave, a citizen answers by link on a phone, the evaluator sees the
response rate and the KPI dashboard and downloads the final report."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


def _answer_on_phone(phone: Page, link: str) -> None:
    phone.goto(link)
    expect(phone.locator("h1")).to_have_text("Borgersurvey: samtaler i jobcenteret")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the answer page scrolls sideways on a phone ({width}px)"
    for name, value in (("koen", "Kvinde"), ("moedet.i1", "I høj grad"), ("moedet.i2", "Ved ikke")):
        radio = phone.locator(f'input[name="{name}"][value="{value}"]')
        phone.locator(f'label[for="{radio.get_attribute("id")}"]').tap()
        expect(radio).to_be_checked()
    phone.fill('textarea[name="kommentar"]', "Gode samtaler")
    phone.get_by_role("button", name="Send svar").tap()
    expect(phone.locator("h1")).to_have_text("Mange tak for din besvarelse!")
    phone.goto(link)
    expect(phone.locator(".alert")).to_contain_text("Du har allerede svaret")


def test_an_evaluator_runs_an_experiment_end_to_end_in_chromium(
    page: Page, phone: Page, live_server: LiveServer, evaluators: Evaluators, tmp_path: Path
) -> None:
    url = live_server.url
    page.goto(f"{url}/login/")
    page.fill("#id_username", "eva")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{url}/forsoeg/")
    page.get_by_role("link", name="Opret forsøg").click()
    start = dt.date.today() - dt.timedelta(days=200)
    page.fill("#id_name", "Iværksætteri for dimittender")
    page.fill("#id_purpose", "Ledige dimittender starter egen virksomhed.")
    page.fill("#id_target_groups", "2.1")
    page.fill("#id_start_date", start.isoformat())
    page.fill("#id_end_date", (start + dt.timedelta(days=730)).isoformat())
    page.get_by_role("button", name="Opret forsøg").click()
    expect(page.locator("h1")).to_have_text("Iværksætteri for dimittender")

    # A KPI with a numeric target, and its first measurement.
    page.get_by_text("Tilføj KPI", exact=True).first.click()
    page.fill("#id_kpi-name", "Ledige etablerer virksomhed")
    page.select_option("#id_kpi-kind", "count")
    page.fill("#id_kpi-target", "55")
    page.get_by_role("button", name="Tilføj KPI").click()
    page.get_by_role("link", name="Registrér måling").click()
    page.select_option("#id_point", index=1)
    page.fill("#id_count", "30")
    page.get_by_role("button", name="Gem måling").click()
    dashboard = page.get_by_test_id("kpi-dashboard")
    expect(dashboard).to_contain_text("Ledige etablerer virksomhed")
    expect(page.get_by_test_id("kpi-status")).to_have_text("På sporet")
    expect(page.locator("svg.kpi-chart polyline.measured")).to_have_count(1)

    # A cohort imported from CSV.
    page.get_by_text("Opret persongruppe", exact=True).first.click()
    page.fill("#id_cohort-name", "Iværksætterforløb")
    page.get_by_role("button", name="Opret persongruppe").click()
    cohort_csv = tmp_path / "persongruppe.csv"
    cohort_csv.write_text(f"person_id,start_date\nP1,{start}\nP2,{start}\n", encoding="utf-8")
    page.set_input_files("#id_file", str(cohort_csv))
    page.get_by_role("button", name="Importér").click()
    expect(page.get_by_test_id("cohort-size")).to_have_text("2 markeringer af 2 personer.")

    # A citizen survey from the annex template, sent as a wave to two recipients.
    page.get_by_role("link", name="← Iværksætteri for dimittender").click()
    page.get_by_text("Opret spørgeskema fra skabelon", exact=True).click()
    page.select_option("#id_template", "borger_samtaler")
    page.get_by_role("button", name="Opret spørgeskema").click()
    page.get_by_text("Send en ny bølge", exact=True).click()
    page.fill("#id_label", "Nulpunktsmåling")
    page.fill("#id_emails", "borger1@example.dk\nborger2@example.dk")
    page.get_by_role("button", name="Send bølge").click()
    expect(page.get_by_test_id("response-rate")).to_contain_text("0 af 2")
    assert len(mail.outbox) == 2
    found = re.search(r"https?://\S+/forsoeg/svar/\S+/", str(mail.outbox[0].body))
    assert found is not None

    _answer_on_phone(phone, found.group(0))

    page.reload()
    expect(page.get_by_test_id("response-rate")).to_contain_text(
        "50,0 % (95 % KI 9,5–90,5 %; 1 af 2)"
    )
    page.get_by_role("link", name="← Iværksætteri for dimittender").click()
    expect(page.get_by_test_id("surveys")).to_contain_text("1 af 2")
    expect(page.get_by_test_id("kpi-status")).to_have_text("På sporet")

    with page.expect_download() as download_info:
        page.get_by_test_id("final-report").click()
    pdf = Path(download_info.value.path()).read_bytes()
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Evalueringsrapport Iværksætteri for dimittender" in text
    assert "Ledige etablerer virksomhed: 30 mod målet 55 personer/enheder – på sporet" in text
    assert "Persongruppen «Iværksætterforløb» omfatter 2 personer." in text
    assert "Bilag 1: surveyresultater – Borgersurvey: samtaler i jobcenteret" in text
    assert "svarprocent 50,0 %" in text
