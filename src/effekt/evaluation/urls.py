"""URLs of the experiments workspace; the project includes them at `forsoeg/`."""

from django.urls import path

from effekt.evaluation.views import answer, cohorts, effects, experiments, reports, surveys

app_name = "evaluation"

urlpatterns = [
    path("", experiments.experiment_list, name="experiment_list"),
    path("nyt/", experiments.experiment_new, name="experiment_new"),
    path("<int:pk>/", experiments.experiment_detail, name="experiment_detail"),
    path("<int:pk>/kpi/", experiments.kpi_new, name="kpi_new"),
    path("<int:pk>/kpi/<int:kpi_pk>/maaling/", experiments.kpi_measure, name="kpi_measure"),
    path("<int:pk>/effekt/", effects.effect_new, name="effect_new"),
    path("<int:pk>/register/", effects.register_new, name="register_new"),
    path("<int:pk>/persongrupper/", cohorts.cohort_new, name="cohort_new"),
    path("<int:pk>/persongrupper/<int:cohort_pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("<int:pk>/spoergeskemaer/", surveys.survey_new, name="survey_new"),
    path("<int:pk>/spoergeskemaer/<int:survey_pk>/", surveys.survey_detail, name="survey_detail"),
    path(
        "<int:pk>/spoergeskemaer/<int:survey_pk>/boelger/<int:wave_pk>/paamind/",
        surveys.wave_remind,
        name="wave_remind",
    ),
    path(
        "<int:pk>/spoergeskemaer/<int:survey_pk>/resultater.csv",
        surveys.survey_export,
        {"fmt": "csv"},
        name="survey_csv",
    ),
    path(
        "<int:pk>/spoergeskemaer/<int:survey_pk>/resultater.xlsx",
        surveys.survey_export,
        {"fmt": "xlsx"},
        name="survey_xlsx",
    ),
    path("<int:pk>/rapport.pdf", reports.report_download, {"kind": "rapport"}, name="report"),
    path(
        "<int:pk>/statusnotat.pdf",
        reports.report_download,
        {"kind": "statusnotat"},
        name="status_note",
    ),
    path("<int:pk>/bilag.xlsx", reports.report_download, {"kind": "bilag"}, name="annexes"),
    path("svar/<str:token>/", answer.answer, name="answer"),
]
