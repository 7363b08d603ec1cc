"""Fixtures of the progression workflow tests; the personas come from tests/personas.py.

Sara (Jobvejen, supplier with a Rudersdal contract), Jonas (jobcentre consultant, Rudersdal),
Amira (analyst, Rudersdal), Ada (administrator), Otto (jobcentre consultant, another
municipality), Sune (supplier consultant, another supplier).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from pytest_django.fixtures import Settings

from effekt.organisations.models import User
from effekt.progression.models import Course
from tests.personas import World

TODAY = dt.date(2026, 9, 9)  # a Wednesday; courses below start on Monday 7 September

# Answers for a course "tæt på" (indicators 1, 2, 4, 7, 8); hand-computed scores:
# indicator 1: citizen B9=2, caseworker S2=4 -> combined 3.0
# indicator 2: citizen B10 two channels -> 4.0 (citizen only)
# indicator 4: citizen B1=3, caseworker S3=3 -> 3.0
# indicator 7: citizen B7=2, B8=4 -> 3.0 (citizen only)
# indicator 8: caseworker S12=2 -> 2.0 (caseworker only)
CITIZEN_ANSWERS: dict[str, Any] = {
    "B9": 2,
    "B10": ["internettet", "netvaerk"],
    "B1": 3,
    "B7": 2,
    "B8": 4,
}
CASEWORKER_ANSWERS: dict[str, Any] = {"S2": 4, "S3": 3, "S12": 2}


def form_data(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers as a browser would post them."""
    return {k: [str(x) for x in v] if isinstance(v, list) else str(v) for k, v in answers.items()}


@pytest.fixture(autouse=True)
def locmem_email(settings: Settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def today() -> Iterator[dt.date]:
    with time_machine.travel(dt.datetime(2026, 9, 9, 10, 0, tzinfo=dt.UTC), tick=False):
        yield TODAY


@pytest.fixture
def login() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def course(world: World) -> Course:
    """An active course of Jobvejen in Rudersdal, started Monday 7 September 2026."""
    return world.course(start=dt.date(2026, 9, 7))


@pytest.fixture
def other_course(world: World) -> Course:
    """A course in another municipality with another supplier: no persona but Otto/Sune's."""
    from effekt.progression.models import Contract
    from effekt.progression.services.configuration import configuration_create_default

    contract = Contract.objects.create(
        municipality=world.lyngby,
        supplier=world.mentorhuset,
        name="Anden aftale",
        start_date=dt.date(2025, 1, 1),
    )
    configuration_create_default(contract=contract)
    created = world.course(contract=contract, cpr="0202902345", name="Ole Anden")
    created.referred_by = world.otto
    created.jobcentre_consultant = world.otto
    created.supplier_consultant = world.sune
    created.save()
    return created
