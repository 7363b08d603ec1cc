"""An analyst loads a data folder in Chromium, watches the progress and reads the results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from tests.personas import PASSWORD, World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.monitoring_web.urls"),
]


def test_an_analyst_runs_a_data_folder_and_opens_her_work_list_in_chromium(
    page: Page, live_server: LiveServer, world: World, synth_root: Path, settings: Settings
) -> None:
    settings.DATA_DIR = synth_root
    page.goto(f"{live_server.url}/login/?next=/overvaagning/")
    page.fill("#id_username", "amira")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Overvågning af beskæftigelsesindsatsen")
    page.select_option("#id_data_dir", label="lille-danmark")
    page.fill("#id_start", "2021-01")
    page.click("text=Start beregning")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Kørsel \d+$"))  # ids differ by database
    progress = page.get_by_test_id("run-progress")
    expect(progress).to_contain_text("Færdig: 2021-01 til 2021-12", timeout=90_000)
    expect(page.get_by_test_id("model")).to_contain_text("OLS across municipalities")
    page.click("text=Se resultaterne")
    expect(page.get_by_test_id("verdicts").locator("tbody tr")).to_have_count(98)
    page.click("text=230 Rudersdal")
    expect(page.locator("h1")).to_have_text("230 Rudersdal")
    expect(page.locator("svg polyline.running")).to_have_count(2)
    expect(page.get_by_test_id("verdict-2021")).to_contain_text("Fokusmål 1 (aktive tilbud)")
    page.click("text=Åbn arbejdslisten")
    expect(page.locator("h1")).to_contain_text("Arbejdsliste for Rudersdal")
    page.select_option("#id_lacking", "offer")
    page.click("text=Filtrér")
    expect(page).to_have_url(re.compile(r"arbejdsliste/\?.*lacking=offer"))
    with page.expect_download() as download:
        page.get_by_test_id("csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("kommunekode,måned,person,ydelse")
