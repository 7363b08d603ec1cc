"""Forms of the experiments workspace (Danish labels, DKFDS classes)."""

from __future__ import annotations

from typing import Any

from django import forms

from effekt.evaluation.models import Cohort, Kpi, MeasurementPoint
from effekt.evaluation.surveys.scales import scale
from effekt.evaluation.surveys.schema import Question
from effekt.evaluation.surveys.templates import TEMPLATES
from effekt.organisations.models import Municipality
from effekt.web.forms import DkfdsFormMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ExperimentForm(DkfdsFormMixin, forms.Form):
    name = forms.CharField(label="Navn", max_length=200)
    purpose = forms.CharField(label="Formål", widget=forms.Textarea(attrs={"rows": 3}))
    target_groups = forms.CharField(
        label="Målgrupper (LAB § 2)", max_length=200, help_text="Fx 2.1, 2.5"
    )
    start_date = forms.DateField(label="Start", widget=DATE)
    end_date = forms.DateField(label="Slut", widget=DATE)
    participants = forms.ModelMultipleChoiceField(
        label="Andre deltagende kommuner",
        queryset=Municipality.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comparison = forms.ModelMultipleChoiceField(
        label="Sammenligningskommuner (klyngekommuner)",
        queryset=Municipality.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label="Beskrivelse af forsøget", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", "Slutdatoen skal ligge efter startdatoen.")
        return data


class KpiForm(DkfdsFormMixin, forms.ModelForm[Kpi]):
    class Meta:
        model = Kpi
        fields = ["name", "kind", "target"]


class KpiMeasurementForm(DkfdsFormMixin, forms.Form):
    point = forms.ModelChoiceField(label="Målepunkt", queryset=MeasurementPoint.objects.none())
    count = forms.IntegerField(label="Antal", min_value=0)
    total = forms.IntegerField(label="Ud af (kun for andele)", min_value=1, required=False)

    def __init__(self, *args: Any, kpi: Kpi, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        field = self.fields["point"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = kpi.experiment.points.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        count, total = data.get("count"), data.get("total")
        if self.kpi.kind == "share" and total is None:
            self.add_error("total", "En andel kræver et 'ud af'-tal.")
        if count is not None and total is not None and count > total:
            self.add_error("count", "Antallet kan ikke være større end 'ud af'.")
        return data


class CohortForm(DkfdsFormMixin, forms.ModelForm[Cohort]):
    class Meta:
        model = Cohort
        fields = ["name", "description"]


class CohortCsvForm(DkfdsFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV-fil",
        help_text="Kolonner: person_id, start_date (ÅÅÅÅ-MM-DD) og evt. end_date",
    )


class CohortCoursesForm(DkfdsFormMixin, forms.Form):
    started_from = forms.DateField(label="Forløb startet fra", widget=DATE)
    started_to = forms.DateField(label="Forløb startet til", widget=DATE)
    course_type = forms.CharField(
        label="Forløbstype (kode)", required=False, help_text="Tom: alle forløbstyper"
    )


class CohortRegisterForm(DkfdsFormMixin, forms.Form):
    file = forms.FileField(
        label="Registertabel benefits (CSV)",
        help_text="Kolonner: person_id, benefit, start_date",
    )
    benefits = forms.CharField(
        label="Ydelser", help_text="Koder adskilt af komma, fx dagpenge, sygedagpenge"
    )


class SurveyTemplateForm(DkfdsFormMixin, forms.Form):
    template = forms.ChoiceField(
        label="Spørgeskema",
        choices=[(t.key, f"{t.title} ({t.source})") for t in TEMPLATES.values()],
    )


class WaveForm(DkfdsFormMixin, forms.Form):
    label = forms.CharField(label="Betegnelse", max_length=100, help_text="Fx Nulpunktsmåling")
    emails = forms.CharField(
        label="Modtagere", widget=forms.Textarea(attrs={"rows": 4}), help_text="Én e-mail pr. linje"
    )
    is_final = forms.BooleanField(
        label="Slutmåling (stiller også slutmålingens spørgsmål)", required=False
    )

    def clean_emails(self) -> list[str]:
        validator = forms.EmailField()
        emails = []
        for number, line in enumerate(self.cleaned_data["emails"].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                emails.append(validator.clean(line.strip()))
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Linje {number}: '{line.strip()}' er ikke en e-mail."
                ) from None
        if not emails:
            raise forms.ValidationError("Angiv mindst én modtager.")
        return emails


class AnswerForm(forms.Form):
    """The questionnaire as a form: one field per scale item or question."""

    def __init__(self, *args: Any, questions: tuple[Question, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            if question.kind == "scale":
                assert question.scale is not None
                choices = [(c, c) for c in scale(question.scale).choices]
                for item, key in zip(question.items, question.answer_keys(), strict=True):
                    self.fields[key] = forms.ChoiceField(
                        label=item.text,
                        choices=choices,
                        required=question.required,
                        widget=forms.RadioSelect(attrs={"class": "form-radio"}),
                    )
            elif question.kind == "single":
                self.fields[question.key] = forms.ChoiceField(
                    label=question.text,
                    choices=[(o, o) for o in question.options],
                    required=question.required,
                    widget=forms.RadioSelect(attrs={"class": "form-radio"}),
                )
            elif question.kind == "multiple":
                self.fields[question.key] = forms.MultipleChoiceField(
                    label=question.text,
                    choices=[(o, o) for o in question.options],
                    required=question.required,
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
                )
            else:
                self.fields[question.key] = forms.CharField(
                    label=question.text,
                    required=question.required,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "form-input"}),
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and all(value in (None, "", []) for value in data.values()):
            raise forms.ValidationError("Besvar mindst ét spørgsmål, før du sender.")
        return data

    def blocks(self) -> list[tuple[Question, list[forms.BoundField]]]:
        """Each question with its bound fields, in order (for the template)."""
        return [(q, [self[key] for key in q.answer_keys()]) for q in self.questions]


class EffectForm(DkfdsFormMixin, forms.Form):
    label = forms.CharField(label="Udfald", max_length=200, help_text="Fx Beskæftigelsesgrad")
    file = forms.FileField(
        label="Paneldata (CSV)",
        help_text="Én række pr. kommune (eller person) og periode; behandlet og efter som 0/1",
    )
    outcome = forms.CharField(label="Kolonne med udfaldet", initial="outcome")
    treated = forms.CharField(label="Kolonne: behandlet (forsøgskommune = 1)", initial="treated")
    post = forms.CharField(label="Kolonne: efter forsøgets start = 1", initial="post")
    unit = forms.CharField(label="Kolonne med enheden (faste effekter)", required=False)
    time = forms.CharField(label="Kolonne med perioden (faste effekter)", required=False)
    vcov = forms.ChoiceField(
        label="Varians",
        choices=[
            ("iid", "Klassisk (iid)"),
            ("hc1", "Heteroskedasticitetsrobust (HC1)"),
            ("cluster", "Klyngerobust efter enheden (CRV1)"),
        ],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("vcov") == "cluster" and not data.get("unit"):
            self.add_error("unit", "Klyngerobust varians kræver en enhedskolonne.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class RegisterForm(DkfdsFormMixin, forms.Form):
    tables = MultipleFileField(
        label="Registertabeller (CSV)",
        widget=MultipleFileInput(),
        help_text="Fx benefits.csv, offers.csv, conversations.csv, employment_hours.csv, "
        "educations.csv, categories.csv",
    )
    months = forms.IntegerField(label="Måneder efter markeringen", min_value=1, initial=12)
    as_of = forms.DateField(label="Data til og med", widget=DATE)
