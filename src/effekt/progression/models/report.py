"""Progression reports and the final report sent to the jobcentre."""

from __future__ import annotations

from django.db import models

from effekt.organisations.models import User
from effekt.progression.models.course import Course


class ReportKind(models.TextChoices):
    PROGRESS = "progress", "Progressionsrapport"
    FINAL = "final", "Slutrapport"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Kladde"
    SENT = "sent", "Sendt til jobcentret"
    ACKNOWLEDGED = "acknowledged", "Kvitteret"


class ProgressReport(models.Model):
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="reports", verbose_name="forløb"
    )
    kind = models.CharField("type", max_length=16, choices=ReportKind.choices)
    period_start = models.DateField("periode fra")
    period_end = models.DateField("periode til")
    worked_on = models.TextField("hvad der er arbejdet med", blank=True)
    results = models.TextField("resultater", blank=True)
    next_plan = models.TextField("plan for næste periode / forslag til videre plan", blank=True)
    status = models.CharField(
        "status", max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    author = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="reports", verbose_name="forfatter"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acknowledged_reports",
        verbose_name="kvitteret af",
    )

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        ordering = ["period_end", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y}"
