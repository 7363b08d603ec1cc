"""Register KPIs for the experiment's cohorts: the cohort markings plus uploaded register
tables, computed by the evaluation module (`analysis.kpis.compute_kpis`)."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from django.core.exceptions import PermissionDenied

from effekt.evaluation.models import CohortMembership, Experiment, RegisterAnalysis
from effekt.organisations.models import AuditAction, User
from effekt.organisations.services import audit_record

REGISTER_TABLES = (
    "benefits",
    "offers",
    "conversations",
    "employment_hours",
    "educations",
    "categories",
)


class RegisterInvalid(ValueError):
    """A register table is missing, unknown or bad; the message names file, line and column."""


def _write_cohort(experiment: Experiment, folder: Path) -> int:
    memberships = CohortMembership.objects.filter(cohort__experiment=experiment).select_related(
        "cohort"
    )
    with (folder / "cohort.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["person_id", "cohort", "start_date"])
        count = 0
        for m in memberships:
            writer.writerow([m.person_id, m.cohort.name, m.start_date.isoformat()])
            count += 1
    return count


def register_analysis_create(
    *,
    user: User,
    experiment: Experiment,
    files: Sequence[tuple[str, bytes]],
    months: int,
    as_of: dt.date,
) -> RegisterAnalysis:
    """Compute every KPI the uploaded tables allow, per cohort; files are (name, content)
    with names such as `benefits.csv` (see docs/evaluation.md for the columns)."""
    if not experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan beregne register-KPI'er.")
    from effekt.evaluation.analysis.errors import InputError
    from effekt.evaluation.analysis.kpis import compute_kpis
    from effekt.evaluation.analysis.render import to_data
    from effekt.evaluation.analysis.tables import load_kpi_tables

    names = [Path(name).name for name, _ in files]
    for name in names:
        if Path(name).stem not in REGISTER_TABLES or Path(name).suffix != ".csv":
            known = ", ".join(f"{t}.csv" for t in REGISTER_TABLES)
            raise RegisterInvalid(f"{name}: ukendt registertabel (brug {known})")
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        if _write_cohort(experiment, folder) == 0:
            raise RegisterInvalid("Forsøget har ingen markerede personer i persongrupperne.")
        for name, content in files:
            (folder / Path(name).name).write_bytes(content)
        try:
            result = compute_kpis(load_kpi_tables(folder), months=months, as_of=as_of)
        except InputError as error:
            raise RegisterInvalid(str(error).replace(f"{directory}/", "")) from None
    analysis = RegisterAnalysis.objects.create(
        experiment=experiment,
        months=months,
        as_of=as_of,
        files=", ".join(names),
        result=to_data(result),
        created_by=user,
    )
    audit_record(user=user, action=AuditAction.CREATE, obj=analysis, detail=analysis.files)
    return analysis
