"""Monitoring runs in the web app: a data folder computed in the background, and its results.

The results of a run are stored as rows so that the pages can filter them; they are copies of
the engine's result objects (`effekt.monitoring.engine.result`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "I kø"
    RUNNING = "running", "Kører"
    DONE = "done", "Færdig"
    FAILED = "failed", "Fejlet"


class ExpectedSource(models.TextChoices):
    IMPORTED = "imported", "Indlæste forventede niveauer"
    MODEL = "model", "Benchmarkingmodel (rammevilkår)"
    NONE = "none", "Ingen forventede niveauer"


class MonitoringRun(models.Model):
    """One computation of the focus targets, result target, verdicts and work lists."""

    data_dir = models.CharField("datamappe", max_length=500)
    status = models.CharField(
        "status", max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField("fremdrift (%)", default=0)
    step = models.CharField("trin", max_length=200, blank=True)
    error = models.TextField("fejl", blank=True)
    start_month = models.CharField("første måned", max_length=7, blank=True)
    end_month = models.CharField("sidste måned", max_length=7, blank=True)
    parameter_sets = models.TextField("regelsæt", blank=True)
    expected_source = models.CharField(
        "forventede niveauer",
        max_length=16,
        choices=ExpectedSource.choices,
        default=ExpectedSource.NONE,
    )
    model_description = models.TextField("benchmarkingmodel", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="startet af",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    finished_at = models.DateTimeField("afsluttet", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "overvågningskørsel"
        verbose_name_plural = "overvågningskørsler"

    def __str__(self) -> str:
        return f"Kørsel {self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class FocusTarget(models.Model):
    """A municipality-month: measured persons and the shares meeting the focus targets."""

    run = models.ForeignKey(MonitoringRun, on_delete=models.CASCADE, related_name="focus_targets")
    municipality_code = models.CharField(max_length=3)
    month = models.CharField(max_length=7)
    population = models.PositiveIntegerField()
    offers_share = models.FloatField(null=True)
    conversations_share = models.FloatField(null=True)
    offers_share_12m = models.FloatField(null=True)
    conversations_share_12m = models.FloatField(null=True)

    class Meta:
        ordering = ["municipality_code", "month"]
        indexes = [models.Index(fields=["run", "municipality_code"])]


class ResultTarget(models.Model):
    """A municipality's share on public support in a half-year or year, and the expected one."""

    run = models.ForeignKey(MonitoringRun, on_delete=models.CASCADE, related_name="result_targets")
    municipality_code = models.CharField(max_length=3)
    period = models.CharField(max_length=6)
    actual_share = models.FloatField(null=True)
    expected_share = models.FloatField(null=True)
    met = models.BooleanField(null=True)

    class Meta:
        ordering = ["municipality_code", "period"]
        indexes = [models.Index(fields=["run", "municipality_code"])]


class Verdict(models.Model):
    """A municipality's calendar year: which targets it met and whether it is a candidate."""

    run = models.ForeignKey(MonitoringRun, on_delete=models.CASCADE, related_name="verdicts")
    municipality_code = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    actual_share = models.FloatField(null=True)
    expected_share = models.FloatField(null=True)
    result_target_met = models.BooleanField(null=True)
    offers_share_12m = models.FloatField(null=True)
    offers_target_met = models.BooleanField(null=True)
    conversations_share_12m = models.FloatField(null=True)
    conversations_target_met = models.BooleanField(null=True)
    candidate = models.BooleanField(null=True)

    class Meta:
        ordering = ["municipality_code", "year"]
        indexes = [models.Index(fields=["run", "municipality_code"])]


class WorklistEntry(models.Model):
    """A measured person lacking an offer or conversations in the last month of the run."""

    run = models.ForeignKey(MonitoringRun, on_delete=models.CASCADE, related_name="worklist")
    municipality_code = models.CharField(max_length=3)
    month = models.CharField(max_length=7)
    person_id = models.CharField(max_length=64)
    benefit = models.CharField(max_length=40)
    spell_start = models.CharField(max_length=10)
    exempt_from_offers = models.BooleanField()
    has_offer = models.BooleanField()
    last_offer_date = models.CharField(max_length=10, blank=True)
    work_hours = models.FloatField()
    conversations = models.PositiveSmallIntegerField()
    conversations_missing = models.PositiveSmallIntegerField()
    last_conversation_date = models.CharField(max_length=10, blank=True)
    months_left = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["municipality_code", "person_id"]
        indexes = [models.Index(fields=["run", "municipality_code"])]

    @property
    def lacks_offer(self) -> bool:
        return not self.exempt_from_offers and not self.has_offer
