"""One-time links through which a citizen answers the citizen part of a measurement."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from effekt.core.tokens import LinkState, one_time_state
from effekt.organisations.models import User
from effekt.progression.choices import PointKind
from effekt.progression.models.course import Course


class CitizenLink(models.Model):
    """A link for one course and point: no login, expires, usable once."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="citizen_links", verbose_name="forløb"
    )
    point = models.CharField("målepunkt", max_length=16, choices=PointKind.choices)
    digest = models.CharField("tokenens SHA-256", max_length=64, unique=True)
    expires_at = models.DateTimeField("udløber")
    used_at = models.DateTimeField("brugt", null=True, blank=True)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="oprettet af"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "borgerlink"
        verbose_name_plural = "borgerlinks"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Link til {self.get_point_display()} (udløber {self.expires_at:%d.%m.%Y})"

    def state(self, now: dt.datetime | None = None) -> LinkState:
        """`used`, `expired` or `open`."""
        return one_time_state(self.used_at, self.expires_at, now or timezone.now())


class WarningRule(models.Model):
    """The contract's early-warning rule; a contract without one uses the defaults."""

    contract = models.OneToOneField(
        "progression.Contract",
        on_delete=models.CASCADE,
        related_name="warning_rule",
        verbose_name="kontrakt",
    )
    mean_falls = models.BooleanField(
        "advar når gennemsnittet på tværs af indikatorer falder", default=True
    )
    indicator_drop = models.DecimalField(
        "advar når en indikator falder mindst (skalapoint)",
        max_digits=3,
        decimal_places=1,
        default=1,
    )

    class Meta:
        verbose_name = "regel for tidlig advarsel"
        verbose_name_plural = "regler for tidlig advarsel"

    def __str__(self) -> str:
        return f"Advarsel for {self.contract}"
