"""Start a monitoring run on a data folder and compute it in a background thread.

Django 6.1's task framework ships only the immediate (synchronous) and dummy backends, so a
run is computed in a daemon thread; its progress is a database row the page polls.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from effekt.monitoring.models import ExpectedSource, MonitoringRun, RunStatus
from effekt.monitoring.services.store import store_result
from effekt.organisations.models import User

logger = logging.getLogger(__name__)
# Steps the engine reports (11 tables checked, about 14 stages computed); progress is the
# share of them seen, and the last 10 % is storing the results.
EXPECTED_STEPS = 25


def data_root() -> Path:
    """Folder whose subfolders are the data folders analysts may choose."""
    return Path(settings.DATA_DIR) / "monitoring"


def data_folders() -> list[Path]:
    """Subfolders of the data root holding a benefits table."""
    root = data_root()
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.iterdir()
        if p.is_dir() and any((p / f"benefits.{ext}").exists() for ext in ("csv", "parquet"))
    )


def run_create(
    *, data_dir: Path, user: User | None, start: str = "", end: str = ""
) -> MonitoringRun:
    """A queued run on `data_dir`; `start`/`end` (YYYY-MM) default to the data's months."""
    return MonitoringRun.objects.create(
        data_dir=str(data_dir), created_by=user, start_month=start, end_month=end
    )


class _Progress:
    """Writes each engine step and an estimated percentage to the run's row."""

    def __init__(self, run_id: int) -> None:
        self.run_id, self.seen = run_id, 0

    def __call__(self, step: str) -> None:
        self.seen += 1
        percent = min(5 + 85 * self.seen // EXPECTED_STEPS, 90)
        MonitoringRun.objects.filter(pk=self.run_id).update(step=step[:200], progress=percent)


def _fail(run_id: int, message: str) -> None:
    MonitoringRun.objects.filter(pk=run_id).update(
        status=RunStatus.FAILED, error=message, finished_at=timezone.now()
    )


def run_execute(run_id: int) -> None:
    """Compute run `run_id`: engine, expected shares (imported or model), stored results."""
    from effekt.monitoring.engine import InputError, ParameterError, RunOptions, load_rules, run
    from effekt.monitoring.result_model import describe
    from effekt.monitoring.result_model.apply import fill_expected
    from effekt.monitoring.result_model.conditions import read_conditions

    record = MonitoringRun.objects.get(pk=run_id)
    MonitoringRun.objects.filter(pk=run_id).update(
        status=RunStatus.RUNNING, progress=2, step="starter"
    )
    folder = Path(record.data_dir)
    try:
        options = RunOptions(folder, record.start_month or None, record.end_month or None)
        result = run(options, _Progress(run_id))
        rules = load_rules(None)
        result, model, source = fill_expected(result, read_conditions(folder), rules)
    except (InputError, ParameterError) as error:
        _fail(run_id, str(error))
        return
    except Exception:
        logger.exception("monitoring run %s failed", run_id)
        _fail(run_id, "Kørslen fejlede uventet; se serverens log.")
        return
    MonitoringRun.objects.filter(pk=run_id).update(progress=92, step="gemmer resultater")
    store_result(record, result)
    MonitoringRun.objects.filter(pk=run_id).update(
        status=RunStatus.DONE,
        progress=100,
        step="færdig",
        start_month=result.start,
        end_month=result.end,
        parameter_sets="\n".join(result.parameter_sets),
        expected_source=ExpectedSource(source) if source else ExpectedSource.NONE,
        model_description=describe(model) if model else "",
        finished_at=timezone.now(),
    )


def _in_thread(run_id: int) -> None:
    close_old_connections()
    try:
        run_execute(run_id)
    finally:
        connection.close()


def run_start(run: MonitoringRun) -> threading.Thread:
    """Compute `run` in a background daemon thread; returns the thread."""
    thread = threading.Thread(target=_in_thread, args=(run.pk,), name=f"monitoring-run-{run.pk}")
    thread.daemon = True
    thread.start()
    return thread
