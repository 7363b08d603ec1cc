"""`effekt stats progression` and `effekt stats wide` through click's runner."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from effekt.cli import main
from tests.statistics.folder import write_folder

BASE = ["--period", "2024Q1", "--as-of", "2024-07-15"]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def folder(tmp_path: Path) -> str:
    return str(write_folder(tmp_path / "data"))


def test_json_output_carries_counts_and_the_method_with_every_figure(folder: str) -> None:
    result = run("stats", "progression", "--data", folder, *BASE, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    mean = data["current"]["progression"]["mean"]
    assert mean["progression"] == {
        "numerator": 3, "denominator": 9, "not_measurable": 2, "share": pytest.approx(3 / 9),
    }  # fmt: skip
    assert mean["regression"]["numerator"] == 2 and mean["stagnation"]["numerator"] == 4
    figures = [mean, *data["current"]["progression"]["by_indicator"]]
    assert all(f["method"]["method"] == "threshold" for f in figures)
    assert all("Tærskel" in f["method"]["description"] for f in figures)
    assert data["perspective"] == "combined"
    assert data["current"]["goal_reached"]["numerator"] == 5
    assert data["current"]["extended"]["denominator"] == 11
    assert [f["numerator"] for f in data["current"]["follow_up"]] == [4, 1]
    assert data["previous"]["period"]["label"] == "2023Q4"


def test_the_table_shows_danish_shares(folder: str) -> None:
    result = run("stats", "progression", "--data", folder, *BASE)
    assert result.exit_code == 0, result.output
    row = r"Progression \(alle indikatorer\)\s+33,3 %\s+3\s+9\s+2\s+100,0 %\s+−66,7\n"
    assert re.search(row, result.output)
    assert "Øget mestringskompetence" in result.output


def test_filters_perspective_and_method_are_options(folder: str) -> None:
    args = ["--format", "json", "--supplier", "A", "--perspective", "caseworker"]
    data = json.loads(run("stats", "progression", "--data", folder, *BASE, *args).output)
    assert data["filters"] == {"supplier": ["A"]}
    assert data["current"]["progression"]["mean"]["not_measurable"] == 3
    rci = ["--format", "json", "--method", "rci", "--reliability", "0.9"]
    data = json.loads(run("stats", "progression", "--data", folder, *BASE, *rci).output)
    first = data["current"]["progression"]["by_indicator"][0]
    assert first["progression"]["numerator"] == 2
    assert first["method"]["reliability"] == 0.9
    assert "RCI (Jacobson–Truax)" in first["method"]["description"]


def test_config_json_sets_the_contracts_method(folder: str) -> None:
    config = {"method": "rci", "reliability": {"1": 0.9, "mean": 0.9}, "default_reliability": 0.8}
    Path(folder, "config.json").write_text(json.dumps(config), encoding="utf-8")
    data = json.loads(
        run("stats", "progression", "--data", folder, *BASE, "--format", "json").output
    )
    assert data["classification"]["method"] == "rci"
    assert data["current"]["progression"]["by_indicator"][0]["progression"]["numerator"] == 2


def test_it_refuses_rci_without_a_reliability(folder: str) -> None:
    result = run("stats", "progression", "--data", folder, *BASE, "--method", "rci")
    assert result.exit_code == 1
    assert "reliabilitet" in result.output


def test_it_refuses_a_malformed_period(folder: str) -> None:
    result = run("stats", "progression", "--data", folder, "--period", "2024Q7")
    assert result.exit_code == 2
    assert "ukendt periode '2024Q7'" in result.output


def test_bad_data_names_the_file_line_and_column(folder: str) -> None:
    courses = Path(folder, "courses.csv")
    courses.write_text(courses.read_text().replace("2024-01-15", "15/01/2024"), encoding="utf-8")
    result = run("stats", "progression", "--data", folder, *BASE)
    assert result.exit_code == 1
    assert "courses.csv, linje 3, kolonne actual_end_date" in result.output


def test_the_wide_export_asks_for_a_data_folder() -> None:
    # Without --data the statistics read the application's database (tests/statistics_web);
    # the wide export reads only a folder.
    result = run("stats", "wide", "--period", "2024Q1", "--out", "x.csv")
    assert result.exit_code == 2
    assert "--data" in result.output


def test_the_wide_export_has_one_pseudonymised_row_per_course(folder: str, tmp_path: Path) -> None:
    out = tmp_path / "wide.csv"
    env = {"EFFEKT_PSEUDONYM_KEY": "hemmelig"}
    result = run(
        "stats", "wide", "--data", folder, "--period", "2024Q1", "--out", str(out), env=env
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 11
    expected = hmac.new(b"hemmelig", b"C1", hashlib.sha256).hexdigest()[:16]
    first = next(r for r in rows if r["course"] == expected)
    assert first["person"] == hmac.new(b"hemmelig", b"P1", hashlib.sha256).hexdigest()[:16]
    assert first["baseline_i1_combined"] == "2.0" and first["final_i1_combined"] == "3.0"
    assert first["baseline_i2_caseworker"] == "" and first["midway_date"] == ""
    assert not any(value in {"C1", "P1"} for row in rows for value in row.values())


def test_the_wide_export_needs_a_key(folder: str, tmp_path: Path) -> None:
    out = str(tmp_path / "wide.csv")
    result = run("stats", "wide", "--data", folder, "--period", "2024Q1", "--out", out, env={})
    assert result.exit_code == 2
    assert "EFFEKT_PSEUDONYM_KEY" in result.output


def test_loading_the_command_group_imports_no_heavy_library() -> None:
    code = (
        "import sys, effekt.statistics.cli;"
        "heavy = ('pandas', 'numpy', 'weasyprint', 'openpyxl');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_the_wide_export_follows_period_and_filters(folder: str, tmp_path: Path) -> None:
    out = tmp_path / "wide.csv"
    args = ["--data", folder, "--period", "2024Q1", "--supplier", "B", "--out", str(out)]
    result = run("stats", "wide", *args, env={"EFFEKT_PSEUDONYM_KEY": "k"})
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["supplier"] for row in rows] == ["B"]
    assert rows[0]["actual_end_date"] == "2024-03-20"
