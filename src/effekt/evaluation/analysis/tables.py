"""Reading input tables (CSV or Parquet): all file reading of the evaluation module is here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from effekt.evaluation.analysis.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


def read_table(path: Path) -> pd.DataFrame:
    """Read a CSV (UTF-8, comma-separated, header row) or Parquet file; values stay text so
    that every parse error can name its line and column."""
    import pandas as pd

    if not path.exists():
        raise InputError(str(path), "filen findes ikke")
    try:
        if path.suffix == ".parquet":
            return pd.read_parquet(path).astype("string").astype(object)
        return pd.read_csv(path, dtype=str, encoding="utf-8")
    except (ValueError, OSError) as error:
        raise InputError(str(path), f"kan ikke læses: {error}") from error


def find_table(folder: Path, name: str) -> Path | None:
    """`folder/name.csv` or `folder/name.parquet`, whichever exists (CSV first)."""
    for suffix in (".csv", ".parquet"):
        candidate = folder / f"{name}{suffix}"
        if candidate.exists():
            return candidate
    return None
