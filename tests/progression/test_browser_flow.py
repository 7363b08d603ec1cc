"""The whole workflow in Chromium, as the jobcentre, the supplier and the citizen on a phone."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from effekt.progression.models import Course
from tests.personas import PASSWORD, World

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BASELINE_CITIZEN = {"B9": "2", "B1": "3", "B7": "2", "B8": "4"}
BASELINE_CASEWORKER = {"S2": "4", "S3": "3", "S12": "2"}
# midway: S2 4 -> 2, so indicator 1 falls from 3.0 to 2.0, a full scale step
MIDWAY = {**BASELINE_CITIZEN, **BASELINE_CASEWORKER, "S2": "2"}
FINAL = {**BASELINE_CITIZEN, **BASELINE_CASEWORKER, "S2": "5", "S12": "4"}


def open_as(browser: Browser, url: str, username: str) -> Page:
    page = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page


def answer(page: Page, answers: dict[str, str]) -> None:
    for code, value in answers.items():
        page.check(f'input[name="{code}"][value="{value}"]')


@pytest.fixture
def pages(browser: Browser, live_server: LiveServer, world: World) -> Iterator[dict[str, Page]]:
    opened = {
        "jonas": open_as(browser, live_server.url, "jonas"),
        "sara": open_as(browser, live_server.url, "sara"),
    }
    yield opened
    for page in opened.values():
        page.context.close()


def test_refer_measure_warn_report_and_end_in_chromium(
    browser: Browser,
    live_server: LiveServer,
    world: World,
    pages: dict[str, Page],
) -> None:
    url, jonas, sara = live_server.url, pages["jonas"], pages["sara"]
    today = timezone.localdate().isoformat()

    # the jobcentre consultant refers
    jonas.goto(f"{url}/forloeb/henvis/")
    jonas.select_option("#id_contract", str(world.contract.pk))
    jonas.select_option("#id_course_type", "job_uddannelsesformidling")
    jonas.fill("#id_cpr", "010190-1234")
    jonas.fill("#id_name", "Birgit Borger")
    jonas.select_option("#id_distance", "taet_paa")
    jonas.select_option("#id_target_group", "dagpenge")
    jonas.check('input[name="result_goal"][value="ordinaert_job"]')
    jonas.fill("#id_start_date", today)
    jonas.fill("#id_min_plan", "Vil gerne arbejde i detailhandlen.")
    jonas.click("main button[type=submit]")
    expect(jonas.locator("h1")).to_contain_text("Birgit Borger")
    course = Course.objects.get()

    # the supplier starts and sends the citizen a link for the baseline
    sara.goto(f"{url}/forloeb/")
    expect(sara.locator("body")).to_contain_text("Nye henvisninger")
    sara.goto(f"{url}/forloeb/{course.pk}/")
    sara.click("text=Acceptér og start forløbet")
    expect(sara.locator(".alert-success")).to_contain_text("Forløbet er startet")
    sara.locator('tr[data-point="baseline"]').get_by_text("Send link til borgeren").click()
    link = sara.input_value("#citizen-link")

    # the citizen answers on a phone, without logging in
    phone = browser.new_context(
        locale="da-DK", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    ).new_page()
    phone.goto(link)
    expect(phone.locator("h1")).to_have_text("Hvordan går det?")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    answer(phone, BASELINE_CITIZEN)
    phone.check('input[name="B10"][value="internettet"]')
    phone.click("text=Send mine svar")
    expect(phone.locator("h1")).to_have_text("Tak for dine svar")
    phone.goto(link)
    expect(phone.locator("body")).to_contain_text("Linket er allerede brugt")
    phone.context.close()

    # the supplier adds the caseworker part of the baseline, then the midway measurement
    sara.goto(f"{url}/forloeb/{course.pk}/maaling/baseline/")
    answer(sara, BASELINE_CASEWORKER)
    sara.click("text=Gem måling")
    expect(sara.locator('tr[data-indicator="1"]')).to_contain_text("3,00")
    sara.goto(f"{url}/forloeb/{course.pk}/maaling/midway/")
    answer(sara, MIDWAY)
    sara.click("text=Gem måling")
    expect(sara.locator('tr[data-indicator="1"]')).to_contain_text("-1,00")

    # the jobcentre sees the warning
    jonas.goto(f"{url}/forloeb/")
    expect(jonas.locator(f'[data-warning="{course.pk}"]')).to_contain_text("Birgit Borger")

    # final measurement, final report sent, ending status
    sara.goto(f"{url}/forloeb/{course.pk}/maaling/final/")
    answer(sara, FINAL)
    sara.click("text=Gem måling")
    sara.goto(f"{url}/forloeb/{course.pk}/rapport/?type=slut")
    sara.fill("#id_worked_on", "Jobsøgning og praktik")
    sara.fill("#id_results", "Ansat i Netto")
    sara.fill("#id_next_plan", "Ingen videre indsats")
    sara.click("text=Gem kladde")
    sara.click("text=Send til jobcentret")
    expect(sara.locator(".alert-success")).to_contain_text("sendt til jobcentret")
    sara.goto(f"{url}/forloeb/{course.pk}/afslut/")
    sara.select_option("#id_category", "ordinaert_job")
    sara.fill("#id_industry", "471100")
    sara.fill("#id_hours_per_week", "32")
    sara.check("#id_established")
    sara.click("main button[type=submit]")
    expect(sara.locator("#ending")).to_contain_text("Resultatmålet er nået")

    # the jobcentre acknowledges the final report and downloads it as PDF
    jonas.goto(f"{url}/forloeb/")
    jonas.locator("[data-report] a").click()
    jonas.click("text=Kvittér for rapporten")
    expect(jonas.locator(".alert-success")).to_contain_text("kvitteret")
    with jonas.expect_download() as download:
        jonas.click("text=Hent som PDF")
    path = download.value.path()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Birgit Borger" in text and "Ordinært job" in text
    assert "2,00 4,00 3,00" in text  # baseline, indicator 1: citizen, caseworker, combined
    assert "2,00 5,00 3,50" in text  # final, indicator 1
