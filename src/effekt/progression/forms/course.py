"""Forms that change a course; each carries the version the user saw."""

from __future__ import annotations

from django import forms

from effekt.progression.rules import endings
from effekt.progression.services.course_changes import EndingInput

DATE = forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ExtensionForm(VersionedForm):
    new_planned_end = forms.DateField(label="Ny planlagt slutdato", widget=DATE)
    reason = forms.CharField(
        label="Begrundelse", widget=forms.Textarea(attrs={"class": "form-input", "rows": 3})
    )


class EndingForm(VersionedForm):
    category = forms.ChoiceField(
        label="Afslutningsstatus",
        choices=endings.CHOICES,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    ended_on = forms.DateField(label="Slutdato", widget=DATE)
    established = forms.BooleanField(
        label="Der er etableret praktik, job eller uddannelse i forløbet", required=False
    )
    industry = forms.CharField(
        label="Branche (DB07)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    hours_per_week = forms.DecimalField(
        label="Timer pr. uge",
        required=False,
        max_digits=4,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"class": "form-input", "step": "0.5"}),
    )
    education = forms.CharField(
        label="Uddannelse",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    reason = forms.CharField(
        label="Årsag",
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 3}),
    )

    def ending(self) -> EndingInput:
        data = self.cleaned_data
        hours = data.get("hours_per_week")
        return EndingInput(
            category=data["category"],
            ended_on=data["ended_on"],
            industry=data.get("industry") or "",
            hours_per_week=float(hours) if hours is not None else None,
            education=data.get("education") or "",
            reason=data.get("reason") or "",
            established=bool(data.get("established")),
        )


class CoursePlanForm(VersionedForm):
    min_plan = forms.CharField(
        label="Min Plan",
        required=False,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 5}),
    )
    result_goal = forms.MultipleChoiceField(
        label="Resultatmål (afslutningskategorier)",
        choices=endings.CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
