"""schemathesis against the OpenAPI schema: no input gives a server error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Err

from effekt.progression.services.api_tokens import api_token_create
from tests.personas import World


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Like Django's test client: a request must not close the test's database connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
@pytest.mark.parametrize("persona", ["sara", "jonas"])
def test_no_generated_request_gives_a_server_error(
    world: World, persona: str, keep_test_connection: None
) -> None:
    world.course()
    _, token = api_token_create(user=getattr(world, persona), name="schemathesis")
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())
    errors: list[str] = []
    statuses: set[int] = set()
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        operation = result.ok()

        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            statuses.add(response.status_code)
            if response.status_code >= 500:
                errors.append(f"{case.method} {case.formatted_path}: {response.status_code}")
            assert response.status_code < 500

        check()
    assert errors == []
    assert {200, 404, 422} <= statuses  # it reached real data, missing courses and bad input
