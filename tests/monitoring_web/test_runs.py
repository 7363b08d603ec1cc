"""Runs: computed from a data folder with progress, the result model, errors named by place."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from effekt.monitoring.models import ExpectedSource, MonitoringRun, RunStatus, Verdict
from effekt.monitoring.services.runs import data_folders, run_create, run_execute
from tests.personas import World

pytestmark = pytest.mark.urls("tests.monitoring_web.urls")


def test_the_data_folders_are_the_subfolders_with_a_benefits_table(
    synth_root: Path, settings: Settings
) -> None:
    settings.DATA_DIR = synth_root
    (synth_root / "monitoring" / "tom").mkdir(exist_ok=True)
    assert [p.name for p in data_folders()] == ["lille-danmark"]


@pytest.mark.slow
def test_a_run_computes_the_folder_and_fills_the_result_target_from_the_model(
    world: World, synth_root: Path
) -> None:
    run = run_create(
        data_dir=synth_root / "monitoring" / "lille-danmark", user=world.amira, start="2021-01"
    )
    run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert (run.progress, run.start_month, run.end_month) == (100, "2021-01", "2021-12")
    assert run.expected_source == ExpectedSource.MODEL
    assert "OLS across municipalities" in run.model_description
    assert "2021: n=98" in run.model_description
    verdicts = Verdict.objects.filter(run=run, year=2021)
    assert verdicts.count() == 98
    assert verdicts.filter(expected_share__isnull=False).count() == 98


def test_a_run_on_an_invalid_folder_fails_naming_file_line_and_column(
    world: World, tmp_path: Path
) -> None:
    (tmp_path / "persons.csv").write_text("person_id,birth_date\nA,1980-01-01\n")
    (tmp_path / "residence.csv").write_text(
        "person_id,municipality_code,valid_from,valid_to\nA,230,2000-01-01,\n"
    )
    (tmp_path / "benefits.csv").write_text(
        "person_id,benefit,start_date,end_date\nA,kontanthjaelp,2020-13-01,\n"
    )
    run = run_create(data_dir=tmp_path, user=world.amira)
    run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("benefits.csv, line 2, column start_date:")


def test_the_progress_fragment_polls_while_running_and_stops_when_done(world: World) -> None:
    run = MonitoringRun.objects.create(
        data_dir="/x", status=RunStatus.RUNNING, progress=40, step="computing spells"
    )
    client = Client()
    client.force_login(world.amira)
    url = reverse("monitoring:run_progress", args=[run.pk])
    html = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html and "computing spells" in html
    MonitoringRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error="benefits.csv")
    html = client.get(url).content.decode()
    assert "hx-get" not in html and "Kørslen fejlede: benefits.csv" in html
