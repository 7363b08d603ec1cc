from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "effekt.monitoring"
    verbose_name = "Overvågning"
