"""Period parsing and the previous period of the same length."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from effekt.statistics.analysis import PeriodError, parse_period
from effekt.statistics.analysis.periods import add_months

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2024Q1", D(2024, 1, 1), D(2024, 3, 31), "2023Q4"),
        ("2024Q3", D(2024, 7, 1), D(2024, 9, 30), "2024Q2"),
        ("2024H1", D(2024, 1, 1), D(2024, 6, 30), "2023H2"),
        ("2024H2", D(2024, 7, 1), D(2024, 12, 31), "2024H1"),
        ("2024", D(2024, 1, 1), D(2024, 12, 31), "2023"),
        ("2024-02-01..2024-02-29", D(2024, 2, 1), D(2024, 2, 29), "2024-01-03..2024-01-31"),
    ],
)
def test_it_parses_each_kind_of_period(
    text: str, start: dt.date, end: dt.date, previous: str
) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, text)
    assert period.previous().label == previous


@pytest.mark.parametrize(
    "text", ["2024Q5", "24Q1", "2024-03-01..2024-02-01", "2024-02-30..2024-03-01"]
)
def test_it_refuses_a_malformed_period(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_adding_months_clamps_to_the_last_day_of_the_month() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2024, 3, 15), -3) == D(2023, 12, 15)


def test_the_analysis_package_imports_no_django() -> None:
    code = (
        "import sys, effekt.statistics.analysis, effekt.statistics.render;"
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"
