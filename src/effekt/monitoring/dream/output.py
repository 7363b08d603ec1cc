"""Write DREAM results as `benefits.csv` and `offers.csv`, all or nothing."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from .convert import DreamTables, Spell

BENEFIT_COLUMNS = ("person_id", "benefit", "start_date", "end_date")
OFFER_COLUMNS = ("person_id", "offer", "start_date", "end_date")


def _write(path: Path, columns: tuple[str, ...], spells: list[Spell]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for spell in spells:
            writer.writerow(
                [spell.person_id, spell.what, spell.start.isoformat(), spell.end.isoformat()]
            )


def write_tables(tables: DreamTables, out: Path) -> tuple[Path, Path]:
    """Write both files into `out` (created if needed); each appears only when complete."""
    out.mkdir(parents=True, exist_ok=True)
    targets = (out / "benefits.csv", out / "offers.csv")
    with tempfile.TemporaryDirectory(dir=out, prefix=".dream-") as scratch:
        drafts = (Path(scratch) / "benefits.csv", Path(scratch) / "offers.csv")
        _write(drafts[0], BENEFIT_COLUMNS, tables.benefits)
        _write(drafts[1], OFFER_COLUMNS, tables.offers)
        for draft, target in zip(drafts, targets, strict=True):
            os.replace(draft, target)
    return targets
