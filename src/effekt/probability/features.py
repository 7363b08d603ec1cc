"""The model's input table and its design matrix. Pure: no Django import.

The input is a plain pandas DataFrame with one row per measurement (see docs/probability.md):

- indicator scores per perspective, `citizen_<key>` and `caseworker_<key>` (1–5, NaN missing),
  with the indicator keys of the BIP instrument;
- `s12`: the caseworker's answer to S12 as a category (`nej` … `ja`, `ved_ikke`);
- `caseworker_change`: 1 when the citizen changed caseworker, else 0;
- objective characteristics: `sex`, `age`, `ethnicity`, `civil_status`, `benefit_history`,
  `business_cycle`, `geography`, `match_category`.

A `FeatureSpec` says which columns a model uses; an `Encoding` holds what is learnt from the
fitting data (means for imputation, category levels). Together they turn the table into the
design matrix, whose reference row is the model's reference citizen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from effekt.bip.instrument import PERSPECTIVES, Instrument

S12Encoding = Literal["categorical", "linear", "none"]
S12_ANSWERS: tuple[str, ...] = ("nej", "tvivler", "det_svinger", "gode_chancer", "ja", "ved_ikke")
S12_SCORES: dict[str, float] = {a: float(i) for i, a in enumerate(S12_ANSWERS[:5], start=1)}
S12_INDICATOR = 8
CONST = "const"
OUTCOME = "job_or_education"
OBJECTIVE_NUMERIC: tuple[str, ...] = ("age", "benefit_history", "business_cycle")
OBJECTIVE_CATEGORICAL: tuple[str, ...] = (
    "sex",
    "ethnicity",
    "civil_status",
    "geography",
    "match_category",
)
FLAGS: tuple[str, ...] = ("caseworker_change",)


def indicator_columns(instrument: Instrument) -> dict[str, tuple[int, str]]:
    """Score column name -> (indicator number, perspective), S12 (indicator 8) excluded."""
    columns: dict[str, tuple[int, str]] = {}
    for indicator in instrument.indicators:
        if indicator.number == S12_INDICATOR:
            continue
        for perspective in PERSPECTIVES:
            if perspective in instrument.perspectives_of(indicator.number):
                columns[f"{perspective}_{indicator.key}"] = (indicator.number, perspective)
    return columns


@dataclass(frozen=True)
class FeatureSpec:
    """Which input columns a model uses and how.

    `numeric` columns enter linearly (missing values take the fitting mean), `flags` are 0/1
    columns with reference 0, `categorical` columns become one dummy per non-reference level,
    and `s12` says how the caseworker's S12 answer enters: one dummy per answer
    (`categorical`), a 1–5 score plus a "ved ikke" dummy (`linear`), or not at all (`none`).
    """

    numeric: tuple[str, ...] = ()
    categorical: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    s12: S12Encoding = "none"

    def inputs(self) -> tuple[str, ...]:
        """The input columns this spec reads."""
        s12 = ("s12",) if self.s12 != "none" else ()
        return self.numeric + self.flags + self.categorical + s12

    def to_dict(self) -> dict[str, Any]:
        return {
            "numeric": list(self.numeric),
            "categorical": list(self.categorical),
            "flags": list(self.flags),
            "s12": self.s12,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> FeatureSpec:
        s12 = raw.get("s12", "none")
        if s12 not in ("categorical", "linear", "none"):
            raise ValueError(f"unknown S12 encoding {s12!r}")
        return cls(
            numeric=tuple(raw.get("numeric", ())),
            categorical=tuple(raw.get("categorical", ())),
            flags=tuple(raw.get("flags", ())),
            s12=s12,
        )


@dataclass(frozen=True)
class Encoding:
    """What a fitted model learnt about its inputs: means and category levels.

    The first level of each categorical column is its reference level.
    """

    means: dict[str, float] = field(default_factory=dict)
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"means": dict(self.means), "levels": {k: list(v) for k, v in self.levels.items()}}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Encoding:
        return cls(
            means={k: float(v) for k, v in raw.get("means", {}).items()},
            levels={k: tuple(str(x) for x in v) for k, v in raw.get("levels", {}).items()},
        )


def _levels_by_frequency(values: pd.Series) -> tuple[str, ...]:
    counts = values.dropna().astype(str).value_counts()
    return tuple(sorted(counts.index, key=lambda level: (-int(counts[level]), level)))


def learn_encoding(table: pd.DataFrame, spec: FeatureSpec) -> Encoding:
    """Means of numeric inputs and levels of categorical inputs, as seen in `table`.

    The most frequent level is the reference; for S12 the reference is the lowest answer seen.
    """
    means = {name: float(pd.to_numeric(table[name]).mean()) for name in spec.numeric}
    levels = {name: _levels_by_frequency(table[name]) for name in spec.categorical}
    if spec.s12 == "categorical":
        seen = set(table["s12"].dropna().astype(str))
        levels["s12"] = tuple(a for a in S12_ANSWERS if a in seen)
    if spec.s12 == "linear":
        scores = table["s12"].map(S12_SCORES)
        means["s12"] = float(scores.mean())
    return Encoding(means=means, levels=levels)


def design_columns(spec: FeatureSpec, encoding: Encoding) -> list[str]:
    """The names of the design matrix's columns, in order."""
    columns = [CONST, *spec.numeric, *spec.flags]
    for name in spec.categorical:
        columns += [f"{name}[{level}]" for level in encoding.levels[name][1:]]
    if spec.s12 == "categorical":
        columns += [f"s12[{level}]" for level in encoding.levels["s12"][1:]]
    if spec.s12 == "linear":
        columns += ["s12", "s12[ved_ikke]"]
    return columns


def _check_levels(name: str, values: pd.Series, known: tuple[str, ...]) -> None:
    unknown = sorted(set(values.dropna().astype(str)) - set(known))
    if unknown:
        raise ValueError(
            f"kolonne {name}: værdien {unknown[0]!r} fandtes ikke i de data, modellen er "
            f"estimeret på (kendte værdier: {', '.join(known)})"
        )


def build_design(table: pd.DataFrame, spec: FeatureSpec, encoding: Encoding) -> pd.DataFrame:
    """The design matrix of `table`: missing numeric values imputed with the fitting means,
    missing categorical values set to the reference level, unknown levels refused."""
    missing = [name for name in spec.inputs() if name not in table.columns]
    if missing:
        raise ValueError(f"inputtabellen mangler kolonnen {missing[0]}")
    out: dict[str, Any] = {CONST: np.ones(len(table))}
    for name in spec.numeric:
        out[name] = pd.to_numeric(table[name]).astype(float).fillna(encoding.means[name]).values
    for name in spec.flags:
        out[name] = pd.to_numeric(table[name]).astype(float).fillna(0.0).values
    categorical = list(spec.categorical) + (["s12"] if spec.s12 == "categorical" else [])
    for name in categorical:
        levels = encoding.levels[name]
        _check_levels(name, table[name], levels)
        values = table[name].astype("string").fillna(levels[0])
        for level in levels[1:]:
            out[f"{name}[{level}]"] = (values == level).astype(float).values
    if spec.s12 == "linear":
        _check_levels("s12", table["s12"], S12_ANSWERS)
        scores = table["s12"].map(S12_SCORES).astype(float)
        out["s12"] = scores.fillna(encoding.means["s12"]).values
        out["s12[ved_ikke]"] = scores.isna().astype(float).values
    return pd.DataFrame(out, index=table.index)[design_columns(spec, encoding)]


def reference_row(spec: FeatureSpec, encoding: Encoding) -> dict[str, float]:
    """The reference citizen in design space: numeric inputs at their means, flags 0 and
    categorical inputs at their reference level (so their dummies are 0)."""
    row = {name: 0.0 for name in design_columns(spec, encoding)}
    row[CONST] = 1.0
    for name in spec.numeric:
        row[name] = encoding.means[name]
    if spec.s12 == "linear":
        row["s12"] = encoding.means["s12"]
    return row


def with_s12(
    row: dict[str, float], spec: FeatureSpec, encoding: Encoding, answer: str
) -> dict[str, float] | None:
    """`row` with the S12 answer set, or None when the model cannot represent that answer
    (no S12 in the model, or an answer never seen in the fitting data)."""
    out = dict(row)
    if spec.s12 == "linear":
        out["s12[ved_ikke]"] = 1.0 if answer == "ved_ikke" else 0.0
        out["s12"] = S12_SCORES.get(answer, encoding.means["s12"])
        return out
    if spec.s12 != "categorical" or answer not in encoding.levels["s12"]:
        return None
    for level in encoding.levels["s12"][1:]:
        out[f"s12[{level}]"] = 1.0 if level == answer else 0.0
    return out
