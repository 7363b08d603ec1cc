"""Contracts and the versioned configuration agreed at the kick-off meeting."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from effekt.bip.instrument import Instrument, parse_instrument
from effekt.organisations.models import Municipality, Supplier
from effekt.progression.choices import (
    ClassificationMethod,
    Distance,
    PointKind,
    ReportFrequency,
)
from effekt.progression.rules.configuration import ConfigurationCheck, check_course_type
from effekt.progression.rules.schedule import PointSpec


class InstrumentVersion(models.Model):
    """A version of the BIP instrument definition (data, not code)."""

    version = models.CharField("version", max_length=50, unique=True)
    definition = models.JSONField("definition")
    provisional = models.BooleanField("foreløbig", default=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "BIP-instrumentversion"
        verbose_name_plural = "BIP-instrumentversioner"

    def __str__(self) -> str:
        return self.version + (" (foreløbig)" if self.provisional else "")

    def clean(self) -> None:
        try:
            parse_instrument(self.definition)
        except (ValueError, KeyError, TypeError) as error:
            raise ValidationError({"definition": str(error)}) from None

    def instrument(self) -> Instrument:
        return parse_instrument(self.definition)


class Contract(models.Model):
    """A framework contract ("rammeaftale") between a municipality and a supplier."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, verbose_name="kommune")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, verbose_name="leverandør")
    name = models.CharField("navn", max_length=200)
    start_date = models.DateField("start")
    end_date = models.DateField("slut", null=True, blank=True)

    class Meta:
        verbose_name = "kontrakt"
        verbose_name_plural = "kontrakter"
        ordering = ["municipality__code", "supplier__name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name} – {self.supplier.name})"

    def clean(self) -> None:
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Slutdatoen ligger før startdatoen."})

    def active_configuration(self) -> ContractConfiguration | None:
        return self.configurations.order_by("-version").first()


class ContractConfiguration(models.Model):
    """One version of the kick-off agreement. Versions in use by a course are not edited:
    a change is a new version (the admin's "ny version" action copies the latest)."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="configurations", verbose_name="kontrakt"
    )
    version = models.PositiveIntegerField("version")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField("note", blank=True)
    instrument = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="configurations",
        verbose_name="BIP-instrument",
    )
    report_frequency = models.CharField(
        "rapportfrekvens",
        max_length=16,
        choices=ReportFrequency.choices,
        default=ReportFrequency.QUARTERLY,
    )
    classification_method = models.CharField(
        "klassifikationsmetode",
        max_length=16,
        choices=ClassificationMethod.choices,
        default=ClassificationMethod.THRESHOLD,
    )
    threshold = models.DecimalField("tærskel", max_digits=4, decimal_places=2, default=0.5)
    reliability = models.JSONField(
        "reliabilitet pr. indikator (RCI)",
        default=dict,
        blank=True,
        help_text='Fx {"1": 0.8, "4": 0.75}; bruges af RCI-metoden.',
    )

    class Meta:
        verbose_name = "kontraktkonfiguration"
        verbose_name_plural = "kontraktkonfigurationer"
        ordering = ["contract", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "version"], name="configuration_version"),
        ]

    def __str__(self) -> str:
        return f"{self.contract.name}, version {self.version}"

    def clean(self) -> None:
        if not 0 < float(self.threshold) <= 4:
            raise ValidationError({"threshold": "Tærsklen skal ligge mellem 0 og 4 skalapoint."})
        for key, value in (self.reliability or {}).items():
            if not str(key).isdigit() or not isinstance(value, int | float) or not 0 <= value < 1:
                raise ValidationError(
                    {"reliability": f"Indikator {key}: reliabiliteten skal være et tal i [0; 1)."}
                )

    @property
    def in_use(self) -> bool:
        return self.courses.exists()


class CourseTypeConfig(models.Model):
    """A course type in a configuration: its length, measurement points and indicators."""

    configuration = models.ForeignKey(
        ContractConfiguration,
        on_delete=models.CASCADE,
        related_name="course_types",
        verbose_name="konfiguration",
    )
    code = models.SlugField("kode", max_length=50)
    name = models.CharField("navn", max_length=100)
    standard_length_weeks = models.PositiveSmallIntegerField("standardlængde (uger)", default=13)
    indicators_by_distance: models.JSONField[dict[str, list[int]], dict[str, list[int]]] = (
        models.JSONField(
            "indikatorer pr. afstand",
            default=dict,
            help_text='Fx {"taet_paa": [1, 2, 4, 7, 8], "langt_fra": [5, 7, 8, 10, 11]}',
        )
    )

    class Meta:
        verbose_name = "forløbstype"
        verbose_name_plural = "forløbstyper"
        constraints = [
            models.UniqueConstraint(fields=["configuration", "code"], name="course_type_code"),
        ]

    def __str__(self) -> str:
        return self.name

    def point_specs(self) -> list[PointSpec]:
        return [
            PointSpec(p.kind, p.week, p.window_before_days, p.window_after_days)  # type: ignore[arg-type]
            for p in self.points.all()
        ]

    def indicators_for(self, distance: str) -> list[int]:
        return sorted(set(self.indicators_by_distance.get(distance, [])))

    def check_configuration(self, points: list[PointSpec] | None = None) -> ConfigurationCheck:
        return check_course_type(
            self.name,
            self.standard_length_weeks,
            points if points is not None else self.point_specs(),
            self.indicators_by_distance or {},
        )

    def clean(self) -> None:
        data: Any = self.indicators_by_distance
        if not isinstance(data, dict) or not all(
            isinstance(v, list) and all(isinstance(i, int) for i in v) for v in data.values()
        ):
            raise ValidationError(
                {"indicators_by_distance": "Skriv indikatorer som lister af tal pr. afstand."}
            )
        unknown = set(data) - set(Distance.values)
        if unknown:
            raise ValidationError(
                {"indicators_by_distance": f"Ukendt afstand: {', '.join(sorted(unknown))}."}
            )


class MeasurementPointConfig(models.Model):
    course_type = models.ForeignKey(
        CourseTypeConfig,
        on_delete=models.CASCADE,
        related_name="points",
        verbose_name="forløbstype",
    )
    kind = models.CharField("målepunkt", max_length=16, choices=PointKind.choices)
    week = models.PositiveSmallIntegerField("uge")
    window_before_days = models.PositiveSmallIntegerField("vindue før (dage)", default=3)
    window_after_days = models.PositiveSmallIntegerField("vindue efter (dage)", default=7)

    class Meta:
        verbose_name = "målepunkt"
        verbose_name_plural = "målepunkter"
        ordering = ["week"]
        constraints = [
            models.UniqueConstraint(fields=["course_type", "kind"], name="point_once_per_type"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (uge {self.week})"

    def clean(self) -> None:
        length = self.course_type.standard_length_weeks if self.course_type_id else None
        if length is not None and self.week >= length:
            raise ValidationError(
                {"week": f"Uge {self.week} ligger uden for forløbet (uge 0–{length - 1})."}
            )
