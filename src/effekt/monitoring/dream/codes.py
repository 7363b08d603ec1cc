"""The DREAM code table: three-digit benefit codes -> benefit and offer, kept as data.

The built-in table is `codes.csv` next to this module (columns `code, benefit, offer,
note`); a municipality may pass its own file with the same columns.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from effekt.core import registers

from .errors import DreamImportError

BUILTIN_CODES = Path(__file__).with_name("codes.csv")
BENEFITS = frozenset(registers.BENEFITS)
OFFERS = frozenset(registers.OFFERS)
COLUMNS = ("code", "benefit", "offer")


@dataclass(frozen=True)
class DreamCode:
    """What one DREAM code means: a benefit (None: end of observation) and maybe an offer."""

    code: str
    benefit: str | None
    offer: str | None


def _parse_row(path: Path, line: int, row: dict[str, str]) -> DreamCode:
    code = row["code"].strip()
    if len(code) != 3 or not code.isdigit():
        raise DreamImportError(path, line, "code", f"{code!r} is not a three-digit code")
    benefit = row["benefit"].strip() or None
    if benefit is not None and benefit not in BENEFITS:
        raise DreamImportError(path, line, "benefit", f"unknown benefit {benefit!r}")
    offer = row["offer"].strip() or None
    if offer is not None and offer not in OFFERS:
        raise DreamImportError(path, line, "offer", f"unknown offer {offer!r}")
    if offer is not None and benefit is None:
        raise DreamImportError(path, line, "offer", "an offer needs a benefit")
    return DreamCode(code, benefit, offer)


def load_code_table(path: Path = BUILTIN_CODES) -> dict[str, DreamCode]:
    """Read and check a code table; each code may appear once."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DreamImportError(path, 1, missing[0], "required column is missing")
        table: dict[str, DreamCode] = {}
        for line, row in enumerate(reader, start=2):
            entry = _parse_row(path, line, row)
            if entry.code in table:
                raise DreamImportError(path, line, "code", f"code {entry.code} appears twice")
            table[entry.code] = entry
    return table
