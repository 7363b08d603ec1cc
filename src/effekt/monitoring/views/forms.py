"""Forms of the monitoring pages."""

from __future__ import annotations

from typing import Any

from django import forms

from effekt.monitoring.services.queries import BENEFIT_LABELS
from effekt.monitoring.services.runs import data_folders
from effekt.web.forms import DkfdsFormMixin

MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class RunForm(DkfdsFormMixin, forms.Form):
    data_dir = forms.ChoiceField(
        label="Datamappe",
        help_text="Mapper med registertabeller (benefits, persons, residence …) i datamappen.",
        error_messages={"invalid_choice": "Vælg en af datamapperne i listen."},
    )

    start = forms.RegexField(
        label="Fra måned",
        regex=MONTH,
        required=False,
        help_text="ÅÅÅÅ-MM. Tom: den første måned med ydelser i data.",
        error_messages={"invalid": "Skriv måneden som ÅÅÅÅ-MM, fx 2021-01."},
    )
    end = forms.RegexField(
        label="Til måned",
        regex=MONTH,
        required=False,
        help_text="ÅÅÅÅ-MM. Tom: den sidste måned med ydelser i data.",
        error_messages={"invalid": "Skriv måneden som ÅÅÅÅ-MM, fx 2023-12."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["data_dir"].choices = [(str(p), p.name) for p in data_folders()]  # type: ignore[attr-defined]


class WorklistFilter(DkfdsFormMixin, forms.Form):
    benefit = forms.ChoiceField(
        label="Ydelse", required=False, choices=[("", "Alle"), *BENEFIT_LABELS.items()]
    )
    lacking = forms.ChoiceField(
        label="Mangler",
        required=False,
        choices=[
            ("", "Tilbud eller samtaler"),
            ("offer", "Aktivt tilbud"),
            ("conversations", "Samtaler"),
        ],
    )
    months_left = forms.IntegerField(
        label="Højst måneder tilbage af året", required=False, min_value=0, max_value=11
    )
