from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "effekt.web"
    verbose_name = "Web"
