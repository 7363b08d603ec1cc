"""Write input tables (lists of dicts) as the CSV files of `data-formats.md`."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

Table = Sequence[Mapping[str, str]]

COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": ("person_id", "birth_date"),
    "residence": ("person_id", "municipality_code", "valid_from", "valid_to"),
    "benefits": (
        "person_id",
        "benefit",
        "start_date",
        "end_date",
        "hours",
        "new_period",
        "intro_program",
        "supplementary",
    ),
    "exemptions": ("person_id", "reason", "start_date", "end_date"),
    "offers": ("person_id", "offer", "start_date", "end_date"),
    "conversations": ("person_id", "date", "form", "kind", "held_by", "akasse_experiment"),
    "employment_hours": ("person_id", "month", "hours"),
    "municipalities": ("municipality_code", "name"),
    "municipality_status": ("municipality_code", "status", "valid_from", "valid_to"),
}


def write_tables(folder: Path, tables: Mapping[str, Table]) -> Path:
    """Write every table of `COLUMNS` (empty ones with just a header) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="")
            writer.writeheader()
            for row in tables.get(name, ()):
                writer.writerow(row)
    return folder
