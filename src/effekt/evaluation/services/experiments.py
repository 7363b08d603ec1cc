"""Experiments: creation with their measurement points, KPI values, and the dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from effekt.evaluation.models import (
    Experiment,
    Kpi,
    KpiMeasurement,
    MeasurementPoint,
    PointKind,
)
from effekt.evaluation.services.kpi_status import KpiStatus, Observation, kpi_status
from effekt.organisations.models import AuditAction, Municipality, User
from effekt.organisations.services import audit_record


def quarter_day(start: dt.date, quarters: int) -> dt.date:
    """`start` moved `quarters` × 3 calendar months on, the day clamped to the month's end."""
    month_index = start.month - 1 + 3 * quarters
    year, month = start.year + month_index // 12, month_index % 12 + 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(start.day, (next_month - dt.timedelta(days=1)).day))


def measurement_dates(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, str]]:
    """Baseline on the start day, a status every 3 months, the final evaluation on the end day."""
    points = [(PointKind.BASELINE.value, start, "Nulpunktsmåling")]
    quarter = 1
    while (day := quarter_day(start, quarter)) < end:
        points.append((PointKind.STATUS.value, day, f"Status {quarter}. kvartal"))
        quarter += 1
    points.append((PointKind.FINAL.value, end, "Slutevaluering"))
    return points


@transaction.atomic
def experiment_create(
    *,
    user: User,
    name: str,
    purpose: str,
    target_groups: str,
    start_date: dt.date,
    end_date: dt.date,
    participants: Iterable[Municipality],
    comparison: Iterable[Municipality] = (),
    description: str = "",
) -> Experiment:
    """A new experiment of the user's municipality, with its measurement points."""
    if user.municipality is None:
        raise PermissionDenied("Kun en kommunes evaluator kan oprette et forsøg.")
    experiment = Experiment(
        name=name,
        purpose=purpose,
        target_groups=target_groups,
        start_date=start_date,
        end_date=end_date,
        municipality=user.municipality,
        description=description,
        created_by=user,
    )
    if not experiment.may_edit(user):
        raise PermissionDenied("Kun en kommunes evaluator kan oprette et forsøg.")
    experiment.full_clean()
    experiment.save()
    experiment.participants.set([user.municipality, *participants])
    experiment.comparison.set(list(comparison))
    for kind, day, label in measurement_dates(start_date, end_date):
        MeasurementPoint.objects.create(experiment=experiment, kind=kind, date=day, label=label)
    audit_record(user=user, action=AuditAction.CREATE, obj=experiment, detail=name)
    return experiment


def experiment_for(user: User, pk: int, *, edit: bool = False) -> Experiment:
    """The experiment if the user may see it (404 otherwise); 403 when editing is refused."""
    try:
        experiment = Experiment.objects.visible_to(user).get(pk=pk)
    except Experiment.DoesNotExist:
        raise Http404("Forsøget findes ikke.") from None
    if edit and not experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan ændre det.")
    return experiment


def kpi_measurement_save(
    *, user: User, kpi: Kpi, point: MeasurementPoint, count: int, total: int | None
) -> KpiMeasurement:
    """Record (or correct) a KPI's value at a measurement point."""
    if not kpi.experiment.may_edit(user):
        raise PermissionDenied("Kun forsøgets evaluatorer kan registrere målinger.")
    if point.experiment_id != kpi.experiment_id:
        raise ValueError("Målepunktet hører til et andet forsøg.")
    measurement, _ = KpiMeasurement.objects.update_or_create(
        kpi=kpi, point=point, defaults={"count": count, "total": total}
    )
    measurement.full_clean()
    audit_record(user=user, action=AuditAction.UPDATE, obj=measurement, detail=str(measurement))
    return measurement


def experiment_dashboard(experiment: Experiment) -> list[KpiStatus]:
    """Every KPI of the experiment against its target."""
    statuses = []
    for kpi in experiment.kpis.prefetch_related("measurements__point"):
        observations = [
            Observation(m.point.label, m.point.date, m.count, m.total)
            for m in kpi.measurements.all()
        ]
        statuses.append(
            kpi_status(
                name=kpi.name,
                kind=kpi.kind,  # type: ignore[arg-type]
                target=float(kpi.target),
                observations=observations,
                start=experiment.start_date,
                end=experiment.end_date,
            )
        )
    return statuses
