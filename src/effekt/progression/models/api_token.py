"""API tokens: a case system acts as the user who made the token."""

from __future__ import annotations

from django.db import models

from effekt.organisations.models import User


class ApiToken(models.Model):
    """Only the SHA-256 of the token is stored; the token is shown once when made."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="bruger"
    )
    name = models.CharField("navn", max_length=100)
    digest = models.CharField("tokenens SHA-256", max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField("senest brugt", null=True, blank=True)
    revoked_at = models.DateTimeField("tilbagekaldt", null=True, blank=True)

    class Meta:
        verbose_name = "API-nøgle"
        verbose_name_plural = "API-nøgler"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"
