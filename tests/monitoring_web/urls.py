"""The project's URLs with the monitoring pages at overvaagning/ (as the lead includes them)."""

from django.urls import include, path

urlpatterns = [
    path("overvaagning/", include("effekt.monitoring.urls")),
    path("", include("effekt.urls")),
]
