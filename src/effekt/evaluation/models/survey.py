"""Surveys, their waves (repeated cross-sections), one-time invitations and responses."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from effekt.core.tokens import LinkState, one_time_state
from effekt.evaluation.models.experiment import Experiment


class Audience(models.TextChoices):
    CITIZEN = "citizen", "Borgere"
    EMPLOYEE = "employee", "Medarbejdere"
    MANAGER = "manager", "Ledere"
    COMPANY = "company", "Virksomheder"


class Survey(models.Model):
    """A questionnaire for one audience; `questions` is the template's JSON (surveys.schema)."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="surveys", verbose_name="forsøg"
    )
    title = models.CharField("titel", max_length=200)
    audience = models.CharField("målgruppe", max_length=16, choices=Audience.choices)
    template_key = models.CharField("skabelon", max_length=64, blank=True)
    questions = models.JSONField("spørgsmål")
    introduction = models.TextField("introduktion", blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "spørgeskema"
        verbose_name_plural = "spørgeskemaer"

    def __str__(self) -> str:
        return self.title


class Wave(models.Model):
    """One round of a survey, sent to a cross-section of people."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="waves", verbose_name="spørgeskema"
    )
    number = models.PositiveSmallIntegerField("bølge")
    label = models.CharField("betegnelse", max_length=100)
    is_final = models.BooleanField(
        "slutmåling", default=False, help_text="Stiller også spørgsmålene kun til slutmålingen"
    )
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    closes_at = models.DateTimeField("lukker")

    class Meta:
        ordering = ["survey", "number"]
        verbose_name = "bølge"
        verbose_name_plural = "bølger"
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="wave_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.survey}, {self.label}"


class Invitation(models.Model):
    """A one-time link for one recipient of a wave: no login, expires, usable once.

    The answer is stored apart from the invitation, so responses stay anonymous; the
    invitation only records that it was used (for the response rate and reminders).
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="invitations", verbose_name="bølge"
    )
    email = models.EmailField("e-mail")
    digest = models.CharField("tokenens SHA-256", max_length=64, unique=True)
    expires_at = models.DateTimeField("udløber")
    used_at = models.DateTimeField("besvaret", null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField("påmindelser sendt", default=0)
    last_reminded_at = models.DateTimeField("seneste påmindelse", null=True, blank=True)

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = "invitation"
        verbose_name_plural = "invitationer"

    def __str__(self) -> str:
        return f"Invitation til {self.wave}"

    def state(self, now: dt.datetime | None = None) -> LinkState:
        """`used`, `expired` or `open`."""
        return one_time_state(self.used_at, self.expires_at, now or timezone.now())


class Response(models.Model):
    """One anonymous answer to a wave: question/item key -> answer (string or list)."""

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="responses", verbose_name="bølge"
    )
    answers = models.JSONField("svar")
    received_at = models.DateTimeField("modtaget", auto_now_add=True)

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = "besvarelse"
        verbose_name_plural = "besvarelser"

    def __str__(self) -> str:
        return f"Besvarelse af {self.wave}"
