from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "effekt.evaluation"
    verbose_name = "Evaluering"
