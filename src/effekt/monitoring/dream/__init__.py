"""DREAM weekly register files -> the `benefits` and `offers` tables of data-formats.md.

Pure Python (no Django): `import_dream` reads and checks a whole file first and writes only
when every cell is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .codes import BUILTIN_CODES, DreamCode, load_code_table
from .convert import DreamTables, Spell, convert_file, merge_weeks
from .errors import DreamImportError
from .output import write_tables
from .weeks import DREAM_FIRST_MONDAY, dream_week_number, week_monday

__all__ = [
    "BUILTIN_CODES",
    "DREAM_FIRST_MONDAY",
    "DreamCode",
    "DreamImportError",
    "DreamTables",
    "Spell",
    "convert_file",
    "dream_week_number",
    "import_dream",
    "load_code_table",
    "merge_weeks",
    "week_monday",
    "write_tables",
]


def import_dream(
    path: Path,
    out: Path,
    codes: Path = BUILTIN_CODES,
    on_row: Callable[[], None] | None = None,
) -> DreamTables:
    """Convert the DREAM file at `path` and write `benefits.csv` and `offers.csv` to `out`.

    Raises DreamImportError (naming file, line and column) before anything is written.
    """
    tables = convert_file(path, load_code_table(codes), on_row)
    write_tables(tables, out)
    return tables
