"""The report form: progression report or final report."""

from __future__ import annotations

from django import forms

from effekt.progression.models import ProgressReport
from effekt.progression.services.reports import ReportText


class ReportForm(forms.ModelForm[ProgressReport]):
    class Meta:
        model = ProgressReport
        fields = ["kind", "period_start", "period_end", "worked_on", "results", "next_plan"]
        labels = {
            "kind": "Rapporttype",
            "worked_on": "Hvad er der arbejdet med / afprøvet i perioden",
            "results": "Med hvilke resultater",
            "next_plan": "Plan for næste periode (slutrapport: forslag til videre plan)",
        }
        widgets = {
            "kind": forms.Select(attrs={"class": "form-select"}),
            "period_start": forms.DateInput(
                attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"
            ),
            "period_end": forms.DateInput(
                attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"
            ),
            "worked_on": forms.Textarea(attrs={"class": "form-input", "rows": 5}),
            "results": forms.Textarea(attrs={"class": "form-input", "rows": 5}),
            "next_plan": forms.Textarea(attrs={"class": "form-input", "rows": 4}),
        }

    def text(self) -> ReportText:
        data = self.cleaned_data
        return ReportText(
            kind=data["kind"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            worked_on=data["worked_on"],
            results=data["results"],
            next_plan=data["next_plan"],
        )

    def _post_clean(self) -> None:
        """Model validation happens in the service (`report_save`), not on an unsaved model."""
