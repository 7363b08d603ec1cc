"""Who sees what: suppliers nothing, municipality users their own municipality, admins all."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from effekt.monitoring.models import MonitoringRun
from tests.personas import World

pytestmark = pytest.mark.urls("tests.monitoring_web.urls")


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_the_overview_is_at_overvaagning_and_needs_a_login(world: World) -> None:
    assert reverse("monitoring:overview") == "/overvaagning/"
    response = Client().get("/overvaagning/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_refuses_supplier_consultants(world: World, done_run: MonitoringRun) -> None:
    assert _client(world.sara).get("/overvaagning/").status_code == 403
    url = reverse("monitoring:worklist", args=[done_run.pk, "230"])
    assert _client(world.sara).get(url).status_code == 403


def test_an_analyst_sees_every_verdict_but_links_only_to_her_own_municipality(
    world: World, done_run: MonitoringRun
) -> None:
    response = _client(world.amira).get("/overvaagning/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<tr>") == 98 + 1  # header and one row per municipality
    assert reverse("monitoring:municipality", args=[done_run.pk, "230"]) in html
    assert reverse("monitoring:municipality", args=[done_run.pk, "173"]) not in html
    assert "Start beregning" in html


def test_another_municipality_cannot_open_rudersdals_pages_or_export(
    world: World, done_run: MonitoringRun
) -> None:
    otto = _client(world.otto)
    for name in ("municipality", "worklist", "worklist_csv"):
        assert otto.get(reverse(f"monitoring:{name}", args=[done_run.pk, "230"])).status_code == 403
    assert (
        otto.get(reverse("monitoring:municipality", args=[done_run.pk, "173"])).status_code == 200
    )


def test_an_administrator_opens_any_municipality(world: World, done_run: MonitoringRun) -> None:
    url = reverse("monitoring:municipality", args=[done_run.pk, "851"])
    assert _client(world.ada).get(url).status_code == 200


def test_a_jobcentre_consultant_may_not_start_a_run(world: World, done_run: MonitoringRun) -> None:
    jonas = _client(world.jonas)
    assert "Start beregning" not in jonas.get("/overvaagning/").content.decode()
    response = jonas.post(reverse("monitoring:run_new"), {"data_dir": "/etc"})
    assert response.status_code == 403
    assert MonitoringRun.objects.count() == 1


def test_a_folder_outside_the_data_root_is_refused(world: World, done_run: MonitoringRun) -> None:
    response = _client(world.amira).post(reverse("monitoring:run_new"), {"data_dir": "/etc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vælg en af datamapperne i listen." in html
    assert html.count("<tr>") == 98 + 1  # the verdicts are still shown
    assert MonitoringRun.objects.count() == 1
