"""The referral form and the CSV upload form."""

from __future__ import annotations

from typing import Any

from django import forms

from effekt.core.cpr import InvalidCPR, normalise_cpr
from effekt.organisations.models import User
from effekt.progression.choices import Distance, TargetGroup
from effekt.progression.models import Contract
from effekt.progression.rules import endings
from effekt.progression.services.referrals import (
    Referral,
    course_type_for,
    referral_contracts,
)

MAX_UPLOAD_BYTES = 2_000_000


class ContractField(forms.ModelChoiceField[Contract]):
    def label_from_instance(self, obj: Contract) -> str:
        return f"{obj.supplier.name} ({obj.name})"


class ReferralForm(forms.Form):
    contract = ContractField(queryset=Contract.objects.none(), label="Leverandør")
    course_type = forms.ChoiceField(label="Forløbstype")
    cpr = forms.CharField(label="CPR-nummer", max_length=11)
    name = forms.CharField(label="Borgerens navn", max_length=200)
    distance = forms.ChoiceField(label="Afstand til arbejdsmarkedet", choices=Distance.choices)
    target_group = forms.ChoiceField(label="Målgruppe", choices=TargetGroup.choices)
    result_goal = forms.MultipleChoiceField(
        label="Resultatmål (afslutningskategorier)",
        choices=endings.CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(
        label="Startdato", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    min_plan = forms.CharField(label="Min Plan", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contracts = referral_contracts(user)
        field = self.fields["contract"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Contract.objects.filter(pk__in=[c.pk for c in contracts]).select_related(
            "supplier"
        )
        names: dict[str, str] = {}
        for contract in contracts:
            configuration = contract.active_configuration()
            if configuration is not None:
                names.update({t.code: t.name for t in configuration.course_types.all()})
        course_type = self.fields["course_type"]
        assert isinstance(course_type, forms.ChoiceField)
        course_type.choices = sorted(names.items(), key=lambda item: str(item[1]))
        for name, bound in self.fields.items():
            if not isinstance(bound.widget, forms.CheckboxSelectMultiple):
                css = "form-select" if isinstance(bound.widget, forms.Select) else "form-input"
                bound.widget.attrs.setdefault("class", css)
                bound.widget.attrs.setdefault("id", f"id_{name}")

    def clean_cpr(self) -> str:
        try:
            return normalise_cpr(self.cleaned_data["cpr"])
        except InvalidCPR as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        contract, code = data.get("contract"), data.get("course_type")
        if contract is not None and code and course_type_for(contract, code) is None:
            self.add_error("course_type", "Kontrakten med leverandøren har ikke denne forløbstype.")
        return data

    def referral(self) -> Referral:
        data = self.cleaned_data
        return Referral(
            contract=data["contract"],
            course_type=data["course_type"],
            cpr=data["cpr"],
            name=data["name"],
            distance=data["distance"],
            target_group=data["target_group"],
            result_goal=tuple(data["result_goal"]),
            start_date=data["start_date"],
            min_plan=data["min_plan"],
        )


class ReferralUploadForm(forms.Form):
    file = forms.FileField(label="CSV-fil med henvisninger")

    def text(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Filen er for stor (højst 2 MB).")
        raw: bytes = upload.read()
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252")
