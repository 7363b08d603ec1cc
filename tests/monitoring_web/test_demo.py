from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from effekt.monitoring.models import MonitoringRun, RunStatus
from effekt.monitoring.services.demo import demo_monitoring


@pytest.mark.slow
def test_the_demo_writes_a_small_denmark_computes_it_once_and_reuses_it(
    db: None, tmp_path: Path, settings: Settings
) -> None:
    settings.DATA_DIR = tmp_path
    run = demo_monitoring(persons=1_500, years=1, first_year=2024)
    assert run.status == RunStatus.DONE, run.error
    assert (run.start_month, run.end_month) == ("2024-01", "2024-12")
    assert (tmp_path / "monitoring" / "lille-danmark" / "benefits.parquet").exists()
    assert run.verdicts.filter(year=2024).count() > 90  # tiny Læsø may have no one
    assert demo_monitoring(persons=1_500, years=1, first_year=2024).pk == run.pk
    assert MonitoringRun.objects.count() == 1
