"""URLs of the progression workflow; included under /forloeb/."""

from django.urls import path

from effekt.progression.views import citizen, course, dashboard, measurement, referral

app_name = "progression"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("henvis/", referral.referral_new, name="referral"),
    path("henvis/import/", referral.referral_upload, name="referral_upload"),
    path("<int:pk>/", course.course_detail, name="course"),
    path("<int:pk>/start/", referral.course_start_view, name="start"),
    path("<int:pk>/maaling/<str:point>/", measurement.measurement_new, name="measure"),
    path("<int:pk>/maaling/<str:point>/link/", measurement.citizen_link_new, name="link"),
    path("maaling/<int:pk>/", measurement.measurement_detail, name="measurement"),
    path("svar/<str:token>/", citizen.citizen_answer, name="answer"),
]
