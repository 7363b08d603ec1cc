"""Cohorts ("persongruppemarkering"): who is in an experiment, and from when."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from effekt.evaluation.models.experiment import Experiment


class CohortSource(models.TextChoices):
    CSV = "csv", "CSV-import"
    COURSES = "courses", "Forløb i systemet"
    REGISTER = "register", "Registerdata"


class Cohort(models.Model):
    """A named group of persons in an experiment (a person may be in several cohorts)."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="cohorts", verbose_name="forsøg"
    )
    name = models.CharField("navn", max_length=120)
    description = models.CharField("beskrivelse", max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "persongruppe"
        verbose_name_plural = "persongrupper"
        constraints = [
            models.UniqueConstraint(fields=["experiment", "name"], name="cohort_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class CohortMembership(models.Model):
    """One person's marking in a cohort from `start_date` (to `end_date`, if it ended)."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="memberships", verbose_name="persongruppe"
    )
    person_id = models.CharField(
        "person-id", max_length=64, help_text="CPR-nummer eller pseudonym, som i registrene"
    )
    start_date = models.DateField("markeret fra")
    end_date = models.DateField("markeret til", null=True, blank=True)
    source = models.CharField("kilde", max_length=16, choices=CohortSource.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "person_id"]
        verbose_name = "markering"
        verbose_name_plural = "markeringer"
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "person_id", "start_date"], name="membership_unique_start"
            ),
            models.CheckConstraint(
                name="membership_ends_after_start",
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.start_date:%d.%m.%Y}"
