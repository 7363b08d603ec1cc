"""BIP measurements: the answers of both perspectives and the indicator scores they give."""

from __future__ import annotations

from django.db import models

from effekt.bip import scoring
from effekt.organisations.models import User
from effekt.progression.choices import PointKind
from effekt.progression.models.configuration import InstrumentVersion
from effekt.progression.models.course import Course


class Measurement(models.Model):
    """One BIP measurement of a course at a point; at most one per point."""

    class CitizenMode(models.TextChoices):
        WITH_CONSULTANT = "with_consultant", "Sammen med konsulenten"
        LINK = "link", "Selv, via link"
        PAPER = "paper", "På papir"

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="measurements", verbose_name="forløb"
    )
    point = models.CharField("målepunkt", max_length=16, choices=PointKind.choices)
    instrument = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, verbose_name="instrument"
    )
    measured_on = models.DateField("måledato")
    citizen_answers = models.JSONField("borgerens svar", default=dict, blank=True)
    caseworker_answers = models.JSONField("medarbejderens svar", default=dict, blank=True)
    citizen_completed_at = models.DateTimeField(null=True, blank=True)
    caseworker_completed_at = models.DateTimeField(null=True, blank=True)
    citizen_mode = models.CharField(max_length=20, choices=CitizenMode.choices, blank=True)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="oprettet af"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "BIP-måling"
        verbose_name_plural = "BIP-målinger"
        ordering = ["measured_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["course", "point"], name="one_measurement_per_point"),
        ]

    def __str__(self) -> str:
        return f"{self.get_point_display()} {self.measured_on:%d.%m.%Y}"


class IndicatorScore(models.Model):
    """An indicator's score in a measurement, per perspective and combined (for statistics)."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="scores")
    indicator = models.PositiveSmallIntegerField("indikator")
    citizen = models.FloatField("borger", null=True)
    caseworker = models.FloatField("medarbejder", null=True)
    combined = models.FloatField("samlet", null=True)

    class Meta:
        verbose_name = "indikatorscore"
        verbose_name_plural = "indikatorscorer"
        ordering = ["indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["measurement", "indicator"], name="one_score_per_indicator"
            ),
        ]

    def __str__(self) -> str:
        return f"Indikator {self.indicator}: {self.combined}"

    @classmethod
    def of(cls, measurement: Measurement, score: scoring.IndicatorScore) -> IndicatorScore:
        """The (unsaved) row of an instrument score."""
        return cls(
            measurement=measurement,
            indicator=score.indicator,
            citizen=score.citizen,
            caseworker=score.caseworker,
            combined=score.combined,
        )
