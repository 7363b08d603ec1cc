from django.urls import path

from effekt.statistics import views

app_name = "statistics"
urlpatterns = [path("", views.statistics_page, name="page")]
