"""Experiments ("forsøg"), their measurement points and KPIs with numeric targets."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from effekt.organisations.models import Municipality, Role, User

READ_ROLES = frozenset({Role.EVALUATOR, Role.ANALYST})


class ExperimentQuerySet(models.QuerySet["Experiment"]):
    def visible_to(self, user: User) -> ExperimentQuerySet:
        """Evaluators and analysts see the experiments their municipality owns or joins."""
        if user.is_superuser or user.role == Role.ADMINISTRATOR:
            return self
        if user.role not in READ_ROLES or user.municipality_id is None:
            return self.none()
        mine = Q(municipality_id=user.municipality_id) | Q(participants__id=user.municipality_id)
        return self.filter(mine).distinct()


class Experiment(models.Model):
    """A local experiment, e.g. a free-municipality trial with a legal exemption."""

    name = models.CharField("navn", max_length=200)
    purpose = models.TextField("formål")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="experiments",
        verbose_name="ansvarlig kommune",
    )
    target_groups = models.CharField(
        "målgrupper (LAB § 2)",
        max_length=200,
        help_text="Numre efter LAB § 2, adskilt af komma, fx 2.1, 2.5",
    )
    participants = models.ManyToManyField(
        Municipality, related_name="experiments_joined", verbose_name="deltagende kommuner"
    )
    comparison = models.ManyToManyField(
        Municipality,
        related_name="experiments_compared",
        blank=True,
        verbose_name="sammenligningskommuner (klyngekommuner)",
    )
    start_date = models.DateField("start")
    end_date = models.DateField("slut")
    description = models.TextField("beskrivelse af forsøget", blank=True)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="oprettet af"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExperimentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = "forsøg"
        verbose_name_plural = "forsøg"
        constraints = [
            models.CheckConstraint(
                name="experiment_ends_after_start",
                condition=Q(end_date__gt=models.F("start_date")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def may_edit(self, user: User) -> bool:
        """Only the owning municipality's evaluators (and administrators) change an experiment."""
        if user.is_superuser or user.role == Role.ADMINISTRATOR:
            return True
        return user.role == Role.EVALUATOR and user.municipality_id == self.municipality_id

    def target_group_list(self) -> list[str]:
        return [part.strip() for part in self.target_groups.split(",") if part.strip()]


class PointKind(models.TextChoices):
    BASELINE = "baseline", "Nulpunktsmåling"
    STATUS = "status", "Kvartalsstatus"
    FINAL = "final", "Slutevaluering"


class MeasurementPoint(models.Model):
    """A dated measurement point: the baseline, a quarterly status or the final evaluation."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="points", verbose_name="forsøg"
    )
    kind = models.CharField("type", max_length=16, choices=PointKind.choices)
    date = models.DateField("dato")
    label = models.CharField("betegnelse", max_length=100)

    class Meta:
        ordering = ["date"]
        verbose_name = "målepunkt"
        verbose_name_plural = "målepunkter"
        constraints = [
            models.UniqueConstraint(fields=["experiment", "date"], name="point_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.date:%d.%m.%Y})"


class KpiKind(models.TextChoices):
    COUNT = "count", "Antal"
    SHARE = "share", "Andel (%)"
    CHANGE = "change", "Ændring i forhold til nulpunktsmålingen (%)"


class Kpi(models.Model):
    """An expected result with a numeric target: 55 firms, 60 % progression, +25 % offers."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="kpis", verbose_name="forsøg"
    )
    name = models.CharField("forventet resultat", max_length=200)
    kind = models.CharField("type", max_length=16, choices=KpiKind.choices)
    target = models.DecimalField(
        "mål", max_digits=10, decimal_places=2, help_text="Antal, procent eller procentændring"
    )
    order = models.PositiveSmallIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "KPI"
        verbose_name_plural = "KPI'er"

    def __str__(self) -> str:
        return self.name


class KpiMeasurement(models.Model):
    """A KPI's value at a measurement point: a count, or `count` out of `total` for shares."""

    kpi = models.ForeignKey(
        Kpi, on_delete=models.CASCADE, related_name="measurements", verbose_name="KPI"
    )
    point = models.ForeignKey(
        MeasurementPoint,
        on_delete=models.CASCADE,
        related_name="kpi_values",
        verbose_name="målepunkt",
    )
    count = models.PositiveIntegerField("antal")
    total = models.PositiveIntegerField("ud af", null=True, blank=True)
    note = models.CharField("note", max_length=200, blank=True)

    class Meta:
        ordering = ["point__date"]
        verbose_name = "KPI-måling"
        verbose_name_plural = "KPI-målinger"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "point"], name="kpi_measurement_unique_point"),
            models.CheckConstraint(
                name="kpi_measurement_count_within_total",
                condition=Q(total__isnull=True) | Q(count__lte=models.F("total")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.count}" + (f"/{self.total}" if self.total is not None else "")

    @property
    def date(self) -> dt.date:
        return self.point.date
