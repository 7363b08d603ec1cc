"""Measurement forms built from the BIP instrument: one field per item of the indicators."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from effekt.bip.instrument import Instrument, Item, Perspective
from effekt.bip.scoring import DONT_KNOW

PART_TITLES: dict[str, str] = {
    "caseworker": "Medarbejderens vurdering",
    "citizen": "Borgerens svar",
}


def item_field(item: Item) -> forms.Field:
    """A form field for one item; every item may be left unanswered."""
    scale = item.scale
    if scale.kind == "ordinal":
        choices = [(str(o.value), o.label) for o in scale.options]
        if scale.dont_know:
            choices.append((DONT_KNOW, scale.dont_know))
        return forms.ChoiceField(
            label=item.text, choices=choices, required=False, widget=forms.RadioSelect
        )
    if scale.kind == "channel_count":
        assert scale.none_option is not None and scale.refusal_option is not None
        options = [*scale.options, scale.none_option, scale.refusal_option]
        return forms.MultipleChoiceField(
            label=item.text,
            choices=[(str(o.value), o.label) for o in options],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
    return forms.FloatField(
        label=f"{item.text} ({scale.unit})" if scale.unit else item.text,
        required=False,
        min_value=scale.minimum,
        max_value=scale.maximum,
        widget=forms.NumberInput(attrs={"class": "form-input", "inputmode": "decimal"}),
    )


def answer_value(item: Item, value: Any) -> Any:
    """The cleaned form value as the answer format of `effekt.bip.scoring` (None: unanswered)."""
    if value in (None, "", []):
        return None
    if item.scale.kind == "ordinal":
        return DONT_KNOW if value == DONT_KNOW else int(value)
    if item.scale.kind == "channel_count":
        return list(value)
    return int(value) if float(value).is_integer() else float(value)


class AnswersForm(forms.Form):
    """The items of the given parts (perspectives) for the course's indicators."""

    def __init__(
        self,
        *args: Any,
        instrument: Instrument,
        indicators: list[int],
        parts: list[Perspective],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.parts = parts
        self.items: dict[str, list[Item]] = {
            part: instrument.items_for(part, set(indicators)) for part in parts
        }
        for items in self.items.values():
            for item in items:
                self.fields[item.code] = item_field(item)

    def answers(self, part: Perspective) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for item in self.items.get(part, []):
            value = answer_value(item, self.cleaned_data.get(item.code))
            if value is not None:
                result[item.code] = value
        return result

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (PART_TITLES[part], [self[item.code] for item in self.items[part]])
            for part in self.parts
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any(self.answers(part) for part in self.parts):
            raise forms.ValidationError("Besvar mindst ét spørgsmål.")
        return data


class MeasurementForm(AnswersForm):
    """The consultant's form: the date, and the parts still missing for the point."""

    measured_on = forms.DateField(
        label="Måledato",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measured_on"].initial = today
