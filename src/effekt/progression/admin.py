"""Administration of contracts and the versioned kick-off configuration."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from effekt.progression.models import (
    ApiToken,
    Contract,
    ContractConfiguration,
    CourseTypeConfig,
    InstrumentVersion,
    MeasurementPointConfig,
    WarningRule,
)
from effekt.progression.services.configuration import (
    configuration_create_default,
    configuration_new_version,
)


class InUseReadOnly:
    """A configuration version that courses use is not edited: make a new version."""

    def _in_use(self, obj: Any) -> bool:
        configuration = getattr(obj, "configuration", obj)
        if isinstance(obj, MeasurementPointConfig):
            configuration = obj.course_type.configuration
        return bool(configuration is not None and configuration.pk and configuration.in_use)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not self._in_use(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not self._in_use(obj)


class PointInline(InUseReadOnly, admin.TabularInline[MeasurementPointConfig, CourseTypeConfig]):
    model = MeasurementPointConfig
    extra = 0


class CourseTypeInline(InUseReadOnly, admin.TabularInline[CourseTypeConfig, ContractConfiguration]):
    model = CourseTypeConfig
    extra = 0
    fields = ["code", "name", "standard_length_weeks", "indicators_by_distance"]
    show_change_link = True


@admin.register(WarningRule)
class WarningRuleAdmin(admin.ModelAdmin[WarningRule]):
    """The early-warning rule of a contract (default: the mean falls, or an indicator falls
    by a full scale step)."""


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["user", "name", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    readonly_fields = ["user", "digest", "created_at", "last_used_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tokens are made by their users at /forloeb/api-noegler/


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin[InstrumentVersion]):
    list_display = ["version", "provisional", "loaded_at"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin[Contract]):
    list_display = ["name", "municipality", "supplier", "start_date", "end_date"]
    list_filter = ["municipality", "supplier"]
    actions = ["create_default_configuration"]

    @admin.action(description="Opret standardkonfiguration (ny version)")
    def create_default_configuration(
        self, request: HttpRequest, queryset: QuerySet[Contract]
    ) -> None:
        for contract in queryset:
            configuration = configuration_create_default(contract=contract)
            messages.success(request, f"{contract.name}: version {configuration.version} oprettet.")


@admin.register(ContractConfiguration)
class ContractConfigurationAdmin(InUseReadOnly, admin.ModelAdmin[ContractConfiguration]):
    list_display = [
        "contract",
        "version",
        "report_frequency",
        "classification_method",
        "created_at",
    ]
    list_filter = ["contract__municipality", "contract__supplier"]
    inlines = [CourseTypeInline]
    actions = ["new_version"]

    @admin.action(description="Lav en ny version (kopi) til ændringer")
    def new_version(self, request: HttpRequest, queryset: QuerySet[ContractConfiguration]) -> None:
        for configuration in queryset:
            copy = configuration_new_version(configuration=configuration)
            messages.success(
                request, f"{configuration.contract.name}: version {copy.version} oprettet."
            )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        for course_type in form.instance.course_types.prefetch_related("points"):
            report_check(request, course_type)


@admin.register(CourseTypeConfig)
class CourseTypeConfigAdmin(InUseReadOnly, admin.ModelAdmin[CourseTypeConfig]):
    list_display = ["name", "configuration", "standard_length_weeks"]
    inlines = [PointInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        report_check(request, form.instance)


def report_check(request: HttpRequest, course_type: CourseTypeConfig) -> None:
    """Show the configuration check: errors as errors, recommendations as warnings."""
    check = course_type.check_configuration()
    for error in check.errors:
        messages.error(request, error)
    for warning in check.warnings:
        messages.warning(request, warning)
