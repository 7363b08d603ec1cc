from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "effekt.organisations"
    verbose_name = "Organisationer"
