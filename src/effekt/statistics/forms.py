"""The statistics page's choices: period, filters, perspective and method."""

from __future__ import annotations

from typing import Any

from django import forms

from effekt.progression.choices import DefaultCourseType, Distance, TargetGroup
from effekt.statistics.analysis import Filters, Period, PeriodError, parse_period
from effekt.web.forms import DkfdsFormMixin


class StatisticsForm(DkfdsFormMixin, forms.Form):
    period = forms.CharField(
        label="Periode", initial="", help_text="Fx 2026Q1, 2026H2, 2026 eller 2026-01-01:2026-03-31"
    )
    supplier = forms.ChoiceField(label="Leverandør", required=False)
    course_type = forms.ChoiceField(
        label="Forløbstype", required=False, choices=[("", "Alle"), *DefaultCourseType.choices]
    )
    target_group = forms.ChoiceField(
        label="Målgruppe", required=False, choices=[("", "Alle"), *TargetGroup.choices]
    )
    distance = forms.ChoiceField(
        label="Afstand til arbejdsmarkedet",
        required=False,
        choices=[("", "Alle"), *Distance.choices],
    )
    perspective = forms.ChoiceField(
        label="Perspektiv",
        initial="combined",
        choices=[("combined", "Samlet"), ("citizen", "Borger"), ("caseworker", "Medarbejder")],
    )
    method = forms.ChoiceField(
        label="Metode",
        required=False,
        choices=[("", "Kontraktens metode"), ("threshold", "Tærskel ±0,5"), ("rci", "RCI")],
    )

    def __init__(self, *args: Any, suppliers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["supplier"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Alle"), *((name, name) for name in suppliers)]

    def clean_period(self) -> Period:
        try:
            return parse_period(self.cleaned_data["period"].strip())
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            **{
                name: (data[name],) if data.get(name) else ()
                for name in ("supplier", "course_type", "target_group", "distance")
            }
        )
