"""A person logs in through the browser and lands on their role's start page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.personas import PASSWORD, World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_jobcentre_consultant_logs_in_and_out_in_chromium(
    page: Page, live_server: LiveServer, world: World
) -> None:
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/")
    expect(page.locator("h1")).to_have_text("Log ind")
    # Det Fælles Designsystem's stylesheet is served and applied (IBM Plex Sans font family).
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "IBM Plex Sans" in font
    page.fill("#id_username", "jonas")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Mine forløb")
    expect(page.get_by_test_id("current-user")).to_contain_text("Rudersdal")
    page.click("text=Log af")
    expect(page.locator("h1")).to_have_text("Log ind")


def test_a_wrong_password_shows_a_danish_error_in_chromium(
    page: Page, live_server: LiveServer, world: World
) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "sara")
    page.fill("#id_password", "forkert")
    page.click("button[type=submit]")
    expect(page.locator(".alert-error")).to_contain_text("forkert")
    expect(page.locator("#id_username")).to_have_value("sara")
