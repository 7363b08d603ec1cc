"""The project's URLs plus the experiments workspace at forsoeg/, until the lead wires it."""

from django.urls import URLPattern, URLResolver, include, path

from effekt import urls as project

wired = any(getattr(p, "namespace", None) == "evaluation" for p in project.urlpatterns)
urlpatterns: list[URLPattern | URLResolver] = list(project.urlpatterns)
if not wired:
    urlpatterns.append(path("forsoeg/", include("effekt.evaluation.urls")))
