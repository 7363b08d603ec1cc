"""Shared fixtures. Role personas live in tests/personas.py."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from django.db import connection
from playwright.sync_api import Browser, Page, sync_playwright

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


# Browser tests: Playwright driving Debian's Chromium (never a downloaded browser). One
# session-wide browser for the whole suite: Playwright's sync API allows one at a time.
CHROMIUM = os.environ.get("EFFEKT_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/ensure-system-packages.sh")
    # Playwright's sync API runs an event loop; Django's async-unsafe guard must allow the
    # live server's ORM calls made from the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        print(f"\nBrowser tests run in Chromium {browser.version} ({CHROMIUM})")
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page (iPhone-like viewport, touch)."""
    context = browser.new_context(
        locale="da-DK", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()
