"""Shared fixtures. Role personas live in tests/personas.py."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from django.db import connection

from tests.personas import World, make_world


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Fast hashing in tests: every persona has a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header() -> list[str]:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    wanted = os.environ.get("EFFEKT_TEST_DB", "-")
    chromium = shutil.which("chromium") or "not found"
    version = (
        subprocess.run(
            [chromium, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if chromium != "not found"
        else "-"
    )
    return [
        f"effekt test database: {engine} (EFFEKT_TEST_DB={wanted})",
        f"effekt browser tests: {version} at {chromium} (Playwright, headless)",
    ]


@pytest.fixture
def db_vendor(db: None) -> str:
    return connection.vendor


@pytest.fixture
def world(db: None) -> World:
    """The personas of tests/personas.py with their organisations and a contract."""
    return make_world()
