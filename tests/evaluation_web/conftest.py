"""Evaluator personas and an experiment for the experiments-workspace tests.

- Eva: evaluator in Rudersdal (owns the experiments below).
- Erik: evaluator in Lyngby-Taarbæk (sees nothing of Rudersdal's experiments).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from effekt.evaluation.models import Experiment, Kpi
from effekt.evaluation.services.experiments import experiment_create
from effekt.organisations.models import Role, User
from tests.personas import PASSWORD, World


@dataclass
class Evaluators:
    world: World
    eva: User
    erik: User


def _evaluator(username: str, municipality: object) -> User:
    user = User(username=username, role=Role.EVALUATOR, first_name=username.capitalize())
    user.municipality = municipality  # type: ignore[assignment]
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def evaluators(world: World) -> Evaluators:
    return Evaluators(
        world=world,
        eva=_evaluator("eva", world.rudersdal),
        erik=_evaluator("erik", world.lyngby),
    )


@pytest.fixture
def experiment(evaluators: Evaluators) -> Experiment:
    """Rudersdal's dimittend entrepreneurship trial, 2027–2028, compared with Lyngby."""
    experiment = experiment_create(
        user=evaluators.eva,
        name="Iværksætteri for dimittender",
        purpose="Ledige dimittender med en levedygtig forretningsidé starter egen virksomhed.",
        target_groups="2.1",
        start_date=dt.date(2027, 1, 1),
        end_date=dt.date(2029, 1, 1),
        participants=[],
        comparison=[evaluators.world.lyngby],
    )
    Kpi.objects.create(
        experiment=experiment, name="Ledige etablerer virksomhed", kind="count", target=55
    )
    return experiment
