"""The fixtures both engines run on: the worked examples, a small synthetic register and random
registers, each combined into one register folder so Spark runs once per fixture."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from effekt.monitoring.synth import SynthOptions, generate, write
from tests.monitoring.reference.crosscheck import with_municipalities
from tests.monitoring.reference.scenarios import SCENARIOS
from tests.monitoring.reference.writer import Table, write_tables

# tables keyed by municipality, not person: taken from the first register that has them
SHARED = ("municipalities", "municipality_status")


def _prefixed(rows: Table, prefix: str) -> list[dict[str, str]]:
    return [
        {**row, "person_id": f"{prefix}{row['person_id']}"} if "person_id" in row else dict(row)
        for row in rows
    ]


def combined(registers: Sequence[Mapping[str, Table]]) -> dict[str, Table]:
    """One register of several: person ids get the prefix `r<index>_`; the status of each
    municipality comes from the first register that gives one."""
    tables: dict[str, list[dict[str, str]]] = {}
    status_of: set[str] = set()
    for index, register in enumerate(registers):
        for name, rows in register.items():
            if name == "municipality_status":
                fresh = [r for r in rows if r["municipality_code"] not in status_of]
                tables.setdefault(name, []).extend(dict(r) for r in fresh)
            elif name != "municipalities":
                tables.setdefault(name, []).extend(_prefixed(rows, f"r{index}_"))
        status_of |= {r["municipality_code"] for r in register.get("municipality_status", ())}
    return with_municipalities(dict(tables))


# the months the worked examples are checked on, first to last
WORKED_SPAN = ("2019-05", "2021-09")


def worked_examples(folder: Path) -> Path:
    """Every worked example of `tests/monitoring/reference/scenarios.py` in one folder."""
    return write_tables(folder, combined([scenario() for scenario in SCENARIOS]))


def synthetic(folder: Path, persons: int = 400) -> Path:
    """A small synthetic Denmark (two years, fixed seed) as Parquet files."""
    write(generate(SynthOptions(persons=persons, years=2, first_year=2019, seed=7)), folder)
    return folder
