"""The municipality page (verdict, charts, result target) and the work list with its CSV."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from effekt.monitoring.models import MonitoringRun
from effekt.monitoring.services.queries import BENEFIT_LABELS
from tests.monitoring_web.conftest import CPR
from tests.personas import World

pytestmark = pytest.mark.urls("tests.monitoring_web.urls")


def _get(user: object, name: str, run: MonitoringRun, query: str = "") -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    response = client.get(reverse(f"monitoring:{name}", args=[run.pk, "230"]) + query)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def test_the_municipality_page_gives_verdicts_with_reasons_charts_and_the_result_target(
    world: World, done_run: MonitoringRun
) -> None:
    html = _get(world.amira, "municipality", done_run)
    assert "<h1>230 Rudersdal</h1>" in html
    assert 'data-testid="verdict-2021"' in html
    assert "Fokusmål 1 (aktive tilbud):" in html and "i 12-måneders gennemsnit" in html
    assert "Resultatmålet " in html and "mod forventet" in html
    assert html.count("<svg") == 2
    # SVG coordinates are written with a decimal point even though the page is Danish
    assert html.count('class="target" x1="44" x2="628" y1="52.0" y2="52.0"') == 2
    assert 'y="112.0" text-anchor="end" dominant-baseline="middle" font-size="11">50 %<' in html
    months = done_run.focus_targets.filter(municipality_code="230").count()
    assert months == 24
    running = html.split('class="running" points="')[1].split('"')[0]
    assert len(running.split()) == months - sum(
        1
        for f in done_run.focus_targets.filter(municipality_code="230")
        if f.offers_share_12m is None
    )
    assert "2021H1" in html and "2021H2" in html


def test_an_analyst_sees_the_cpr_number_masked_on_the_page_and_in_the_csv(
    world: World, done_run: MonitoringRun
) -> None:
    html = _get(world.amira, "worklist", done_run)
    assert "010190-xxxx" in html and CPR not in html
    rows = list(csv.reader(io.StringIO(_get(world.amira, "worklist_csv", done_run))))
    assert rows[0][:3] == ["kommunekode", "måned", "person"]
    assert rows[1][:3] == ["230", "2021-12", "010190-xxxx"]


def test_a_jobcentre_consultant_sees_the_cpr_number(world: World, done_run: MonitoringRun) -> None:
    assert CPR in _get(world.jonas, "worklist", done_run)
    rows = list(csv.reader(io.StringIO(_get(world.jonas, "worklist_csv", done_run))))
    assert rows[1][2] == CPR


def test_the_work_list_filters_by_what_is_lacking_and_the_csv_follows_the_filter(
    world: World, done_run: MonitoringRun
) -> None:
    everyone = done_run.worklist.filter(municipality_code="230")
    lacking = everyone.filter(has_offer=False, exempt_from_offers=False)
    html = _get(world.jonas, "worklist", done_run, "?lacking=offer")
    assert f'data-testid="worklist-total">{lacking.count()}<' in html
    rows = list(
        csv.reader(io.StringIO(_get(world.jonas, "worklist_csv", done_run, "?lacking=offer")))
    )
    assert len(rows) - 1 == lacking.count() >= 1
    assert all(row[6] == "nej" and row[5] == "nej" for row in rows[1:])
    present = set(everyone.values_list("benefit", flat=True))
    absent = next(b for b in BENEFIT_LABELS if b not in present)
    none = _get(world.jonas, "worklist", done_run, f"?benefit={absent}")
    assert "Ingen borgere matcher filtrene." in none
    assert 'data-testid="worklist-total">0<' in none


def test_a_bad_filter_value_is_shown_as_an_error_and_not_applied(
    world: World, done_run: MonitoringRun
) -> None:
    html = _get(world.jonas, "worklist", done_run, "?months_left=abc")
    assert "form-error-message" in html
    total = done_run.worklist.filter(municipality_code="230").count()
    assert f'data-testid="worklist-total">{total}<' in html
