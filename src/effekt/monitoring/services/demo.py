"""A small synthetic Denmark for the demo (`make run`), computed so the pages show something."""

from __future__ import annotations

from effekt.monitoring.models import MonitoringRun, RunStatus
from effekt.monitoring.services.runs import data_root, run_create, run_execute
from effekt.monitoring.synth import SynthOptions, generate, write

DEMO_FOLDER = "lille-danmark"


def demo_monitoring(
    *, persons: int = 20_000, years: int = 2, first_year: int = 2024, seed: int = 1
) -> MonitoringRun:
    """Write the demo folder under the data root and compute it (idempotent: a finished run
    on the folder is reused)."""
    folder = data_root() / DEMO_FOLDER
    done = MonitoringRun.objects.filter(data_dir=str(folder), status=RunStatus.DONE).first()
    if done is not None:
        return done
    write(generate(SynthOptions(persons, years, first_year, seed)), folder)
    run = run_create(data_dir=folder, user=None, start=f"{first_year}-01")
    run_execute(run.pk)
    run.refresh_from_db()
    return run
