"""Renderers: the same result object as CSV files or a JSON summary."""

from __future__ import annotations

import csv
import dataclasses
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from effekt.monitoring.engine.result import (
    FOCUS_TARGET_COLUMNS,
    MonitoringResult,
    ResultTargetRow,
    VerdictRow,
    WorklistRow,
)

FILES = ("focus_targets.csv", "verdicts.csv", "result_target.csv", "worklist.csv")


def cell(value: Any) -> str:
    """A CSV cell: shares as decimal fractions, booleans as true/false, missing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Fraction):
        return repr(float(value))
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, Fraction):
        return float(value)
    return value


def _rows(items: list[Any]) -> list[dict[str, Any]]:
    # the rows hold plain values: a shallow copy (`dataclasses.asdict` copies deeply, slowly)
    if not items:
        return []
    names = [f.name for f in dataclasses.fields(items[0])]
    return [{name: getattr(item, name) for name in names} for item in items]


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[name]) for name in columns])


def _columns(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def write_csv(result: MonitoringResult, out_dir: Path) -> list[Path]:
    """Write the four output files into `out_dir` (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = (
        (FOCUS_TARGET_COLUMNS, _rows(result.focus_targets)),
        (_columns(VerdictRow), _rows(result.verdicts)),
        (_columns(ResultTargetRow), _rows(result.result_target)),
        (_columns(WorklistRow), _rows(result.worklist)),
    )
    paths = []
    for name, (columns, rows) in zip(FILES, tables, strict=True):
        _write(out_dir / name, columns, rows)
        paths.append(out_dir / name)
    return paths


def summary(result: MonitoringResult, out_dir: Path | None = None) -> dict[str, Any]:
    """A JSON-ready summary: the run, each municipality's last month and every verdict."""
    last = [f for f in result.focus_targets if f.month == result.end]
    return {
        "from": result.start,
        "to": result.end,
        "parameter_sets": list(result.parameter_sets),
        "out": str(out_dir) if out_dir else None,
        "files": list(FILES),
        "municipalities": len({f.municipality_code for f in result.focus_targets}),
        "last_month": [{k: _plain(v) for k, v in dataclasses.asdict(f).items()} for f in last],
        "verdicts": [{k: _plain(v) for k, v in row.items()} for row in _rows(result.verdicts)],
        "worklist_persons": len(result.worklist),
    }


def to_json(result: MonitoringResult, out_dir: Path | None = None) -> str:
    return json.dumps(summary(result, out_dir), ensure_ascii=False, indent=2)
