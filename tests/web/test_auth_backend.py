"""A logged-in request loads the user together with the organisation the header names."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.personas import World

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "organisation"), [("sara", "supplier"), ("jonas", "municipality")]
)
def test_the_user_and_the_organisation_come_in_one_query(
    client: Client, world: World, persona: str, organisation: str
) -> None:
    user = getattr(world, persona)
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    with CaptureQueriesContext(connection) as queries:
        loaded = get_user(request)
        name = loaded.organisation_name  # type: ignore[union-attr]
    assert name == getattr(user, organisation).name
    user_queries = [q for q in queries.captured_queries if "organisations_user" in q["sql"]]
    assert len(user_queries) == 1
    assert not [
        q for q in queries.captured_queries if q not in user_queries and "session" not in q["sql"]
    ]


def test_an_inactive_user_is_not_loaded(client: Client, world: World) -> None:
    client.force_login(world.sara)
    world.sara.is_active = False
    world.sara.save(update_fields=["is_active"])
    response = client.get("/forloeb/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
