"""Register KPIs of an experiment's cohorts, computed by the evaluation module."""

from __future__ import annotations

from django.db import models

from effekt.evaluation.models.experiment import Experiment
from effekt.organisations.models import User


class RegisterAnalysis(models.Model):
    """The KPIs of every cohort (`analysis.kpis.compute_kpis`) measured `months` after each
    marking, data up to `as_of`; `result` is the `KpiResult` as JSON (`render.to_data`)."""

    experiment = models.ForeignKey(
        Experiment,
        on_delete=models.CASCADE,
        related_name="register_analyses",
        verbose_name="forsøg",
    )
    months = models.PositiveSmallIntegerField("måneder efter markeringen")
    as_of = models.DateField("data til og med")
    files = models.CharField("registertabeller", max_length=500)
    result = models.JSONField("resultat")
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="beregnet af"
    )
    created_at = models.DateTimeField("beregnet", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "registeranalyse"
        verbose_name_plural = "registeranalyser"

    def __str__(self) -> str:
        return f"Register-KPI'er {self.months} mdr. ({self.experiment})"
