"""Shared fixtures. Role personas live in tests/personas.py."""

from __future__ import annotations

import os

import pytest
from django.db import connection


def pytest_report_header() -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return (
        f"effekt test database: {engine} (EFFEKT_TEST_DB={os.environ.get('EFFEKT_TEST_DB', '-')})"
    )


@pytest.fixture
def db_vendor(db: None) -> str:
    return connection.vendor
