"""Experiments: creation with measurement points, KPI values, and who sees what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from effekt.evaluation.models import Experiment, MeasurementPoint
from effekt.evaluation.services.experiments import kpi_measurement_save, measurement_dates
from tests.evaluation_web.conftest import Evaluators
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_measurement_points_are_a_baseline_quarterly_statuses_and_a_final_evaluation() -> None:
    points = measurement_dates(dt.date(2027, 1, 31), dt.date(2027, 12, 31))
    assert [(kind, day) for kind, day, _ in points] == [
        ("baseline", dt.date(2027, 1, 31)),
        ("status", dt.date(2027, 4, 30)),
        ("status", dt.date(2027, 7, 31)),
        ("status", dt.date(2027, 10, 31)),
        ("final", dt.date(2027, 12, 31)),
    ]


def test_creating_an_experiment_makes_the_owner_a_participant_with_nine_points(
    experiment: Experiment, evaluators: Evaluators
) -> None:
    assert list(experiment.participants.all()) == [evaluators.world.rudersdal]
    assert list(experiment.comparison.all()) == [evaluators.world.lyngby]
    # 2027-01-01 to 2029-01-01: baseline, seven quarterly statuses, final.
    assert experiment.points.count() == 9
    assert experiment.points.first().kind == "baseline"  # type: ignore[union-attr]


def test_an_evaluator_creates_an_experiment_through_the_form(evaluators: Evaluators) -> None:
    response = _client("eva").post(
        "/forsoeg/nyt/",
        {
            "name": "Mikrolån",
            "purpose": "Ledige etablerer virksomhed med et mikrolån.",
            "target_groups": "2.1, 2.2",
            "start_date": "2027-07-01",
            "end_date": "2028-07-01",
            "participants": [evaluators.world.lyngby.pk],
        },
    )
    experiment = Experiment.objects.get(name="Mikrolån")
    assert response.status_code == 302
    assert response["Location"] == f"/forsoeg/{experiment.pk}/"
    assert experiment.municipality == evaluators.world.rudersdal
    assert set(experiment.participants.values_list("code", flat=True)) == {"230", "173"}
    assert experiment.target_group_list() == ["2.1", "2.2"]


def test_it_refuses_an_experiment_that_ends_before_it_starts(evaluators: Evaluators) -> None:
    response = _client("eva").post(
        "/forsoeg/nyt/",
        {
            "name": "Baglæns",
            "purpose": "x",
            "target_groups": "2.1",
            "start_date": "2027-07-01",
            "end_date": "2027-01-01",
        },
    )
    assert response.status_code == 200
    assert "Slutdatoen skal ligge efter startdatoen." in response.content.decode()
    assert not Experiment.objects.filter(name="Baglæns").exists()


def test_an_evaluator_of_another_municipality_sees_nothing_of_the_experiment(
    experiment: Experiment,
) -> None:
    erik = _client("erik")
    assert "Iværksætteri" not in erik.get("/forsoeg/").content.decode()
    for url in (
        f"/forsoeg/{experiment.pk}/",
        f"/forsoeg/{experiment.pk}/rapport.pdf",
        f"/forsoeg/{experiment.pk}/statusnotat.pdf",
        f"/forsoeg/{experiment.pk}/bilag.xlsx",
    ):
        assert erik.get(url).status_code == 404, url


def test_a_comparison_municipality_gets_no_access_but_a_participant_does(
    experiment: Experiment, evaluators: Evaluators
) -> None:
    assert _client("erik").get(f"/forsoeg/{experiment.pk}/").status_code == 404
    experiment.participants.add(evaluators.world.lyngby)
    page = _client("erik").get(f"/forsoeg/{experiment.pk}/")
    assert page.status_code == 200
    # A participating municipality's evaluator reads, but does not edit.
    assert "Tilføj KPI" not in page.content.decode()
    kpi = experiment.kpis.get()
    assert _client("erik").get(f"/forsoeg/{experiment.pk}/kpi/{kpi.pk}/maaling/").status_code == 403


@pytest.mark.parametrize(
    ("username", "status"),
    [("eva", 200), ("amira", 200), ("ada", 200), ("jonas", 403), ("sara", 403), ("otto", 403)],
)
def test_each_persona_gets_the_experiment_dashboard_or_is_refused(
    experiment: Experiment, username: str, status: int
) -> None:
    assert _client(username).get(f"/forsoeg/{experiment.pk}/").status_code == status


def test_an_analyst_reads_the_dashboard_but_cannot_add_a_kpi(experiment: Experiment) -> None:
    amira = _client("amira")
    assert "Tilføj KPI" not in amira.get(f"/forsoeg/{experiment.pk}/").content.decode()
    response = amira.post(
        f"/forsoeg/{experiment.pk}/kpi/", {"name": "x", "kind": "count", "target": "1"}
    )
    assert response.status_code == 403
    assert experiment.kpis.count() == 1


def test_the_anonymous_visitor_is_sent_to_the_login(experiment: Experiment) -> None:
    response = Client().get(f"/forsoeg/{experiment.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_refuses_a_kpi_value_from_a_reader(
    experiment: Experiment, evaluators: Evaluators
) -> None:
    kpi = experiment.kpis.get()
    point = MeasurementPoint.objects.filter(experiment=experiment).first()
    assert point is not None
    with pytest.raises(PermissionDenied):
        kpi_measurement_save(user=evaluators.world.amira, kpi=kpi, point=point, count=3, total=None)


def test_an_evaluator_adds_a_share_kpi_and_records_a_measurement(experiment: Experiment) -> None:
    eva = _client("eva")
    eva.post(
        f"/forsoeg/{experiment.pk}/kpi/",
        {"kpi-name": "Opnår progression", "kpi-kind": "share", "kpi-target": "60"},
    )
    kpi = experiment.kpis.get(name="Opnår progression")
    point = experiment.points.all()[1]
    url = f"/forsoeg/{experiment.pk}/kpi/{kpi.pk}/maaling/"
    refused = eva.post(url, {"point": point.pk, "count": "12"})
    assert "En andel kræver et &#x27;ud af&#x27;-tal." in refused.content.decode()
    eva.post(url, {"point": point.pk, "count": "12", "total": "20"})
    measurement = kpi.measurements.get()
    assert (measurement.count, measurement.total, measurement.point) == (12, 20, point)
    page = eva.get(f"/forsoeg/{experiment.pk}/").content.decode()
    assert "60,0 % (95 % KI 38,7–78,1 %; 12 af 20)" in page
