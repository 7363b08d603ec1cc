from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "effekt.statistics"
    verbose_name = "Statistik"
