from django.contrib import admin

from effekt.monitoring.models import MonitoringRun


@admin.register(MonitoringRun)
class MonitoringRunAdmin(admin.ModelAdmin[MonitoringRun]):
    list_display = (
        "pk",
        "data_dir",
        "status",
        "progress",
        "start_month",
        "end_month",
        "created_at",
    )
    list_filter = ("status",)
    readonly_fields = ("status", "progress", "step", "error", "finished_at", "model_description")
