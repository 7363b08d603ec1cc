"""The survey maths, the KPI status rules, the cohort CSV reader and the chart are pure."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "effekt.evaluation.surveys.scales",
    "effekt.evaluation.surveys.schema",
    "effekt.evaluation.surveys.templates",
    "effekt.evaluation.surveys.results",
    "effekt.evaluation.services.kpi_status",
    "effekt.evaluation.services.cohort_csv",
    "effekt.evaluation.report.svg",
    "effekt.evaluation.report.export",
]


def test_the_pure_modules_import_no_django() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {PURE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
