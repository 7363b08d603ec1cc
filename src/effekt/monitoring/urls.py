"""Monitoring pages; the project includes them at `overvaagning/`."""

from django.urls import path

from effekt.monitoring.views import pages

app_name = "monitoring"

urlpatterns = [
    path("", pages.overview, name="overview"),
    path("koersler/", pages.run_new, name="run_new"),
    path("koersler/<int:pk>/", pages.run_detail, name="run"),
    path("koersler/<int:pk>/fremdrift/", pages.run_progress, name="run_progress"),
    path("koersler/<int:pk>/kommuner/<str:code>/", pages.municipality, name="municipality"),
    path("koersler/<int:pk>/kommuner/<str:code>/arbejdsliste/", pages.worklist, name="worklist"),
    path(
        "koersler/<int:pk>/kommuner/<str:code>/arbejdsliste.csv",
        pages.worklist_csv,
        name="worklist_csv",
    ),
]
