"""A small synthetic Denmark computed once by the engine; runs stored per test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from django.utils import timezone

from effekt.monitoring.engine import MonitoringResult, RunOptions, load_rules, run
from effekt.monitoring.models import MonitoringRun, RunStatus
from effekt.monitoring.result_model.apply import fill_expected
from effekt.monitoring.result_model.conditions import read_conditions
from effekt.monitoring.services.store import store_result
from effekt.monitoring.synth import SynthOptions, generate, write

# The browser fixtures (Debian's Chromium via Playwright) for test_browser.py.

CPR = "0101901234"
SMALL = SynthOptions(persons=3_000, years=2, first_year=2020, seed=4)


@pytest.fixture(scope="package")
def synth_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data root with one folder, `lille-danmark`, holding the synthetic tables."""
    root = tmp_path_factory.mktemp("data")
    write(generate(SMALL), root / "monitoring" / "lille-danmark")
    return root


@pytest.fixture(scope="package")
def engine_result(synth_root: Path) -> MonitoringResult:
    """The engine's result with model expected shares; one work-list person is moved to
    Rudersdal (230, where the personas work) and has a CPR number."""
    folder = synth_root / "monitoring" / "lille-danmark"
    result = run(RunOptions(folder, start="2020-01"))
    result, _, _ = fill_expected(result, read_conditions(folder), load_rules(None))
    worklist = list(result.worklist)
    worklist[0] = dataclasses.replace(
        worklist[0],
        municipality_code="230",
        person_id=CPR,
        has_offer=False,
        exempt_from_offers=False,
    )
    return dataclasses.replace(result, worklist=worklist)


@pytest.fixture
def done_run(db: None, engine_result: MonitoringResult) -> MonitoringRun:
    record = MonitoringRun.objects.create(
        data_dir="/data/lille-danmark",
        status=RunStatus.DONE,
        progress=100,
        start_month=engine_result.start,
        end_month=engine_result.end,
        expected_source="model",
        finished_at=timezone.now(),
    )
    store_result(record, engine_result)
    return record
