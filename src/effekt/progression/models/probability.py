"""The estimated job/education probability of a measurement, with the model it came from."""

from __future__ import annotations

from django.db import models

from effekt.progression.models.measurement import Measurement


class ProbabilityEstimate(models.Model):
    """Stored once per measurement so that a later model does not rewrite what was reported."""

    measurement = models.OneToOneField(
        Measurement, on_delete=models.CASCADE, related_name="probability", verbose_name="måling"
    )
    probability = models.FloatField("sandsynlighed for job eller uddannelse")
    model_version = models.CharField("modelversion", max_length=80)
    imputed = models.JSONField("udfyldte input", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sandsynlighedsestimat"
        verbose_name_plural = "sandsynlighedsestimater"

    def __str__(self) -> str:
        return f"{self.probability:.1%} ({self.model_version})"
