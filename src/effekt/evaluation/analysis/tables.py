"""Reading input tables (CSV or Parquet): all file reading of the evaluation module is here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from effekt.evaluation.analysis.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from effekt.evaluation.analysis.kpi_inputs import KpiTables


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


def load_kpi_tables(folder: Path) -> KpiTables:
    """Read `cohort` and whichever of the other KPI tables exist in `folder`."""
    from effekt.evaluation.analysis import kpi_inputs as stage

    # The register code lists (data-formats.md) are kept once, with the DREAM importer.
    from effekt.monitoring.dream.codes import BENEFITS, OFFERS

    def read(name: str) -> tuple[pd.DataFrame, str] | None:
        path = find_table(folder, name)
        return None if path is None else (read_table(path), str(path))

    cohort = read("cohort")
    if cohort is None:
        raise InputError(str(folder / "cohort.csv"), "filen findes ikke (kohorten er påkrævet)")
    tables = stage.KpiTables(
        members=stage.stage_members(*cohort), completions="end_date" in cohort[0].columns
    )
    if (found := read("benefits")) is not None:
        tables.benefits = stage.stage_intervals(found[0], "benefit", BENEFITS, found[1])
    if (found := read("offers")) is not None:
        tables.offers = stage.stage_intervals(found[0], "offer", OFFERS, found[1])
    if (found := read("educations")) is not None:
        tables.educations = stage.stage_intervals(found[0], None, None, found[1])
    if (found := read("categories")) is not None:
        tables.categories = stage.stage_intervals(found[0], "category", stage.CATEGORIES, found[1])
    if (found := read("conversations")) is not None:
        tables.conversations = stage.stage_conversations(*found)
    if (found := read("employment_hours")) is not None:
        tables.employment = stage.stage_employment(*found)
    return tables
