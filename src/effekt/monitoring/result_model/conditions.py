"""Read the `framework_conditions` table of a data folder, validated like every input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.schema import SPECS
from effekt.monitoring.engine.staging import LINE, read_table, table_file, validate


def read_conditions(data_dir: Path) -> list[dict[str, Any]]:
    """Rows of framework_conditions.csv/.parquet (values as text); [] when there is none.

    Raises the engine's `InputError` (file, line, column) for an invalid table.
    """
    spec = SPECS["framework_conditions"]
    path = table_file(data_dir, spec.name)
    if path is None:
        return []
    raw = read_table(path, spec)
    validate(connect(), raw)
    return [{k: v for k, v in row.items() if k != LINE} for row in raw.arrow.to_pylist()]
