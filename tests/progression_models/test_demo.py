"""The demo data: every role, reproducible by seed, loaded once."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from effekt.demo.generate import demo_logins, run_demo
from effekt.organisations.models import Role
from effekt.progression.models import Course, IndicatorScore, Measurement

TODAY = dt.date(2026, 11, 1)


@pytest.mark.django_db
def test_demo_data_has_a_login_for_every_role_and_is_loaded_only_once() -> None:
    assert run_demo(seed=3, scale=0.1, echo=lambda _: None, today=TODAY) is True
    roles = Counter(login.role for login in demo_logins())
    assert set(roles) == {r.label for r in Role}
    assert Course.objects.count() == 40
    assert run_demo(seed=3, scale=0.1, echo=lambda _: None, today=TODAY) is False
    assert Course.objects.count() == 40


@pytest.mark.django_db(transaction=True)  # flushes between the two runs
def test_demo_data_is_reproducible_by_seed() -> None:
    run_demo(seed=7, scale=0.1, echo=lambda _: None, today=TODAY)
    first = list(Course.objects.order_by("id").values_list("start_date", "distance", "status"))
    scores = sorted(IndicatorScore.objects.values_list("combined", flat=True), key=str)
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    run_demo(seed=7, scale=0.1, echo=lambda _: None, today=TODAY)
    assert (
        list(Course.objects.order_by("id").values_list("start_date", "distance", "status")) == first
    )
    assert sorted(IndicatorScore.objects.values_list("combined", flat=True), key=str) == scores
    assert Measurement.objects.exists()
