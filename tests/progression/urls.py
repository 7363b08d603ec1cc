"""The project's URLs with the progression app included, whether or not the lead has wired it."""

from django.urls import URLResolver, include, path

from effekt.progression.api import api
from effekt.urls import urlpatterns as project_urlpatterns

_wired = any(
    isinstance(p, URLResolver) and getattr(p, "app_name", None) == "progression"
    for p in project_urlpatterns
)
urlpatterns = [*project_urlpatterns]
if not _wired:
    urlpatterns.append(path("forloeb/", include("effekt.progression.urls")))
if not any(str(getattr(p, "pattern", "")) == "api/" for p in project_urlpatterns):
    urlpatterns.append(path("api/", api.urls))
