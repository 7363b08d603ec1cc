from django.apps import AppConfig


class ProgressionConfig(AppConfig):
    name = "effekt.progression"
    verbose_name = "Progression"
