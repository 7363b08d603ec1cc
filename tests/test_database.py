import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_make_test_asked_for() -> None:
    # make test sets EFFEKT_TEST_DB for each of its two runs; a bare pytest uses the default.
    assert connection.vendor == os.environ.get("EFFEKT_TEST_DB", "sqlite")
