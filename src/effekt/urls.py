from django.contrib import admin
from django.urls import include, path

from effekt.progression.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("forloeb/", include("effekt.progression.urls")),
    path("statistik/", include("effekt.statistics.urls")),
    path("forsoeg/", include("effekt.evaluation.urls")),
    path("overvaagning/", include("effekt.monitoring.urls")),
    path("api/", api.urls),
    path("", include("effekt.web.urls")),
]
