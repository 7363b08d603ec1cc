"""Difference-in-differences estimates stored with an experiment (the register analysis)."""

from __future__ import annotations

from django.db import models

from effekt.evaluation.models.experiment import Experiment
from effekt.organisations.models import User


class EffectEstimate(models.Model):
    """A DiD estimate against comparison municipalities, computed by
    `effekt.evaluation.analysis.did.estimate_did` from an uploaded panel; `result` is the
    `DidResult` as JSON (`analysis.render.to_data`)."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="effects", verbose_name="forsøg"
    )
    label = models.CharField("udfald", max_length=200, help_text="Fx Beskæftigelsesgrad")
    file_name = models.CharField("datafil", max_length=200)
    specification = models.JSONField("specifikation")
    result = models.JSONField("resultat")
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="beregnet af"
    )
    created_at = models.DateTimeField("beregnet", auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "effektestimat"
        verbose_name_plural = "effektestimater"

    def __str__(self) -> str:
        return f"{self.label} ({self.experiment})"
