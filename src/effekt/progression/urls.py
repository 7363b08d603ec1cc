"""URLs of the progression workflow; included under /forloeb/."""

from django.urls import path

from effekt.progression.views import (
    api_tokens,
    citizen,
    course,
    course_changes,
    dashboard,
    measurement,
    referral,
    report,
)

app_name = "progression"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("henvis/", referral.referral_new, name="referral"),
    path("henvis/import/", referral.referral_upload, name="referral_upload"),
    path("<int:pk>/", course.course_detail, name="course"),
    path("<int:pk>/start/", referral.course_start_view, name="start"),
    path("<int:pk>/advarsel/", course.warning_clear_view, name="warning_clear"),
    path("<int:pk>/maaling/<str:point>/", measurement.measurement_new, name="measure"),
    path("<int:pk>/maaling/<str:point>/link/", measurement.citizen_link_new, name="link"),
    path("maaling/<int:pk>/", measurement.measurement_detail, name="measurement"),
    path("svar/<str:token>/", citizen.citizen_answer, name="answer"),
    path("<int:pk>/forlaeng/", course_changes.course_extend_view, name="extend"),
    path("<int:pk>/afslut/", course_changes.course_end_view, name="end"),
    path("<int:pk>/plan/", course_changes.course_plan_view, name="plan"),
    path("<int:pk>/rapport/", report.report_new, name="report_new"),
    path("rapport/<int:pk>/", report.report_detail, name="report"),
    path("rapport/<int:pk>/send/", report.report_send_view, name="report_send"),
    path("rapport/<int:pk>/kvitter/", report.report_acknowledge_view, name="report_acknowledge"),
    path("rapport/<int:pk>/pdf/", report.report_pdf, name="report_pdf"),
    path("api-noegler/", api_tokens.api_tokens, name="api_tokens"),
    path(
        "api-noegler/<int:pk>/tilbagekald/",
        api_tokens.api_token_revoke_view,
        name="api_token_revoke",
    ),
]
