"""Admin for experiments, cohorts and surveys (responses are read-only and anonymous)."""

from __future__ import annotations

from django.contrib import admin

from effekt.evaluation.models import (
    Cohort,
    CohortMembership,
    EffectEstimate,
    Experiment,
    Invitation,
    Kpi,
    KpiMeasurement,
    MeasurementPoint,
    RegisterAnalysis,
    Response,
    Survey,
    Wave,
)


class MeasurementPointInline(admin.TabularInline[MeasurementPoint, Experiment]):
    model = MeasurementPoint
    extra = 0


class KpiInline(admin.TabularInline[Kpi, Experiment]):
    model = Kpi
    extra = 0


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin[Experiment]):
    list_display = ["name", "municipality", "target_groups", "start_date", "end_date"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    filter_horizontal = ["participants", "comparison"]
    inlines = [MeasurementPointInline, KpiInline]


@admin.register(KpiMeasurement)
class KpiMeasurementAdmin(admin.ModelAdmin[KpiMeasurement]):
    list_display = ["kpi", "point", "count", "total"]
    list_filter = ["kpi__experiment"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin[Cohort]):
    list_display = ["name", "experiment"]
    list_filter = ["experiment"]


@admin.register(CohortMembership)
class CohortMembershipAdmin(admin.ModelAdmin[CohortMembership]):
    list_display = ["cohort", "start_date", "end_date", "source"]
    list_filter = ["cohort", "source"]


class WaveInline(admin.TabularInline[Wave, Survey]):
    model = Wave
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin[Survey]):
    list_display = ["title", "experiment", "audience", "template_key"]
    list_filter = ["audience"]
    inlines = [WaveInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["wave", "email", "expires_at", "used_at", "reminders_sent"]
    list_filter = ["wave"]
    readonly_fields = ["digest"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin[Response]):
    list_display = ["wave", "received_at"]
    list_filter = ["wave"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(EffectEstimate)
class EffectEstimateAdmin(admin.ModelAdmin[EffectEstimate]):
    list_display = ["label", "experiment", "file_name", "created_at"]
    list_filter = ["experiment"]
    readonly_fields = ["specification", "result"]


@admin.register(RegisterAnalysis)
class RegisterAnalysisAdmin(admin.ModelAdmin[RegisterAnalysis]):
    list_display = ["experiment", "months", "as_of", "files", "created_at"]
    list_filter = ["experiment"]
    readonly_fields = ["result"]
