"""Reading the municipality's outcomes file for re-estimation. Pure: no Django import.

One row per measurement (normally the course's baseline) with the outcome `job_or_education`
(1 when the citizen was in job or education within 12 months, from follow-up register data
or registered ending statuses), `s12`, and any of the other feature columns of
`features.py`. CSV (UTF-8, header row) or Parquet. Unknown columns are ignored. A bad value
is an error naming the file, the line and the column.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from effekt.bip.instrument import default_instrument
from effekt.probability.features import (
    FLAGS,
    OBJECTIVE_CATEGORICAL,
    OBJECTIVE_NUMERIC,
    OUTCOME,
    S12_ANSWERS,
    indicator_columns,
)

REQUIRED = (OUTCOME, "s12")
_BOOLEAN = {"1": 1.0, "0": 0.0, "true": 1.0, "false": 0.0, "1.0": 1.0, "0.0": 0.0}
_S12 = {**{str(i): a for i, a in enumerate(S12_ANSWERS[:5], 1)}, **{a: a for a in S12_ANSWERS}}
_RANGES: dict[str, tuple[float, float]] = {
    "age": (15.0, 100.0),
    "benefit_history": (0.0, 1.0),
}


class OutcomeFileError(ValueError):
    """The outcomes file cannot be used; the message names file, line and column."""


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped strings, '' for missing."""
    out = values.astype(object).where(values.notna(), "")
    return out.map(lambda v: format(v, "g") if isinstance(v, float) else str(v)).str.strip()


class _Reader:
    def __init__(self, path: Path, raw: pd.DataFrame, first_line: int) -> None:
        self.path = path
        self.raw = raw
        self.first_line = first_line

    def fail(self, position: int, column: str, message: str) -> OutcomeFileError:
        where = "linje" if self.first_line == 2 else "række"
        return OutcomeFileError(
            f"{self.path.name}, {where} {position + self.first_line}, kolonne {column}: {message}"
        )

    def first_bad(self, column: str, bad: np.ndarray, message: str) -> None:
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            value = _text(self.raw[column]).iloc[position]
            raise self.fail(position, column, message.format(value=value))

    def mapped(self, column: str, mapping: dict[str, object], allow_empty: bool) -> pd.Series:
        text = _text(self.raw[column]).str.lower()
        parsed = text.map(mapping)
        bad = parsed.isna().to_numpy() & ~(allow_empty & (text == "").to_numpy())
        choices = ", ".join(dict.fromkeys(str(k) for k in mapping))
        self.first_bad(column, bad, f"ugyldig værdi {{value!r}} (tilladt: {choices})")
        return parsed

    def number(self, column: str, low: float | None, high: float | None) -> pd.Series:
        text = _text(self.raw[column])
        parsed = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        self.first_bad(
            column,
            (parsed.isna() & (text != "")).to_numpy(),
            "{value!r} er ikke et tal",
        )
        if low is not None and high is not None:
            outside = ((parsed < low) | (parsed > high)).to_numpy()
            self.first_bad(column, outside, f"{{value}} ligger ikke mellem {low:g} og {high:g}")
        return parsed.astype(float)


def _load(path: Path) -> tuple[pd.DataFrame, int]:
    try:
        if path.suffix.lower() == ".parquet":
            return pd.read_parquet(path), 1
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig"), 2
    except FileNotFoundError:
        raise OutcomeFileError(f"{path}: filen findes ikke") from None
    except (ValueError, UnicodeDecodeError, OSError) as problem:
        raise OutcomeFileError(f"{path.name}: kan ikke læses ({problem})") from None


def read_outcomes(path: Path) -> pd.DataFrame:
    """The validated input table with the outcome column `job_or_education`."""
    raw, first_line = _load(path)
    raw.columns = [str(c).strip() for c in raw.columns]
    for column in REQUIRED:
        if column not in raw.columns:
            raise OutcomeFileError(f"{path.name}, linje 1: kolonnen {column} mangler")
    reader = _Reader(path, raw, first_line)
    table: dict[str, pd.Series] = {
        OUTCOME: reader.mapped(OUTCOME, dict(_BOOLEAN), allow_empty=False).astype(float),
        "s12": reader.mapped("s12", dict(_S12), allow_empty=True).fillna("ved_ikke"),
    }
    for column in FLAGS:
        if column in raw.columns:
            table[column] = reader.mapped(column, dict(_BOOLEAN), allow_empty=True).astype(float)
    for column in OBJECTIVE_NUMERIC:
        if column in raw.columns:
            table[column] = reader.number(column, *_RANGES.get(column, (None, None)))
    for column in indicator_columns(default_instrument()):
        if column in raw.columns:
            table[column] = reader.number(column, 1.0, 5.0)
    if "sex" in raw.columns:
        table["sex"] = reader.mapped("sex", {"m": "M", "k": "K"}, allow_empty=True)
    for column in OBJECTIVE_CATEGORICAL:
        if column in raw.columns and column != "sex":
            text = _text(raw[column])
            table[column] = text.where(text != "", None)
    return pd.DataFrame(table)
