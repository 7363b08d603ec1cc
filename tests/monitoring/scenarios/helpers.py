"""Write small register folders and run `effekt monitoring run` on them through click."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from click.testing import CliRunner, Result

from effekt.cli import main

Table = Sequence[Mapping[str, str]]

COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": ("person_id", "birth_date"),
    "residence": ("person_id", "municipality_code", "valid_from", "valid_to"),
    "benefits": (
        "person_id", "benefit", "start_date", "end_date", "hours", "new_period",
        "intro_program", "supplementary",
    ),
    "exemptions": ("person_id", "reason", "start_date", "end_date"),
    "offers": ("person_id", "offer", "start_date", "end_date"),
    "conversations": ("person_id", "date", "form", "kind", "held_by", "akasse_experiment"),
    "employment_hours": ("person_id", "month", "hours"),
    "municipality_status": ("municipality_code", "status", "valid_from", "valid_to"),
    "expected_rates": ("municipality_code", "period", "expected_share", "actual_share"),
}  # fmt: skip


def person(pid: str, born: str = "1980-05-05") -> dict[str, str]:
    return {"person_id": pid, "birth_date": born}


def lives(pid: str, code: str, start: str = "2000-01-01", end: str = "") -> dict[str, str]:
    return {"person_id": pid, "municipality_code": code, "valid_from": start, "valid_to": end}


def benefit(pid: str, name: str, start: str, end: str = "", **extra: str) -> dict[str, str]:
    return {"person_id": pid, "benefit": name, "start_date": start, "end_date": end, **extra}


def offer(pid: str, name: str, start: str, end: str) -> dict[str, str]:
    return {"person_id": pid, "offer": name, "start_date": start, "end_date": end}


def exemption(pid: str, reason: str, start: str, end: str) -> dict[str, str]:
    return {"person_id": pid, "reason": reason, "start_date": start, "end_date": end}


def talk(
    pid: str, day: str, form: str = "personligt", kind: str = "jobsamtale", **extra: str
) -> dict[str, str]:
    return {
        "person_id": pid,
        "date": day,
        "form": form,
        "kind": kind,
        "held_by": "jobcenter",
        **extra,
    }


def write_tables(folder: Path, tables: Mapping[str, Table]) -> Path:
    """Write the given tables as CSV (only those given; persons/residence/benefits required)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name], restval="")
            writer.writeheader()
            writer.writerows(rows)
    return folder


def run_cli(tmp_path: Path, tables: Mapping[str, Table], *args: str) -> Result:
    data = write_tables(tmp_path / "data", tables)
    return CliRunner().invoke(
        main, ["monitoring", "run", "--data", str(data), "--out", str(tmp_path / "out"), *args]
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def outputs(
    tmp_path: Path, tables: Mapping[str, Table], start: str, end: str
) -> dict[str, list[dict[str, str]]]:
    """Run the CLI for months start..end and return every output file's rows."""
    result = run_cli(tmp_path, tables, "--from", start, "--to", end)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    names = ("focus_targets", "verdicts", "result_target", "worklist")
    return {name: read_csv(out / f"{name}.csv") for name in names}


def focus(
    tmp_path: Path, tables: Mapping[str, Table], start: str, end: str
) -> dict[tuple[str, str], dict[str, str]]:
    """focus_targets.csv keyed by (municipality_code, month)."""
    rows = outputs(tmp_path, tables, start, end)["focus_targets"]
    return {(row["municipality_code"], row["month"]): row for row in rows}
