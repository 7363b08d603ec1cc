"""A model's parameters as data: what is shipped, stored and used to predict.

Pure: no Django import. A `ModelParameters` is a JSON document (see `data/` and
docs/probability.md); every prediction carries its `version`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from effekt.probability.features import (
    S12_ANSWERS,
    Encoding,
    FeatureSpec,
    build_design,
    design_columns,
    reference_row,
    with_s12,
)

DEFAULT_VERSION = "2026.1-default"


class ParameterError(ValueError):
    """A model parameter document is malformed."""


def logistic(eta: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(−eta)), elementwise."""
    return np.asarray(1.0 / (1.0 + np.exp(-eta)), dtype=float)


@dataclass(frozen=True)
class ModelParameters:
    """A logit model of job or education within `horizon_months`, ready to predict."""

    version: str
    spec: FeatureSpec
    encoding: Encoding
    coefficients: dict[str, float]
    horizon_months: int = 12
    description: str = ""
    fit_summary: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        expected = design_columns(self.spec, self.encoding)
        if sorted(expected) != sorted(self.coefficients):
            raise ParameterError(
                f"model {self.version}: coefficients {sorted(self.coefficients)} do not match "
                f"the design columns {sorted(expected)}"
            )

    @property
    def columns(self) -> list[str]:
        return design_columns(self.spec, self.encoding)

    def _beta(self) -> np.ndarray:
        return np.array([self.coefficients[c] for c in self.columns], dtype=float)

    def predict_proba(self, table: pd.DataFrame) -> np.ndarray:
        """The probability of job or education for each row of the input table."""
        design = build_design(table, self.spec, self.encoding)
        return logistic(design.to_numpy(dtype=float) @ self._beta())

    def probability_of_row(self, row: dict[str, float]) -> float:
        """The probability for one row given in design space."""
        eta = sum(self.coefficients[c] * row[c] for c in self.columns)
        return 1.0 / (1.0 + math.exp(-eta))

    def reference(self) -> dict[str, float]:
        """The reference citizen in design space (see `features.reference_row`)."""
        return reference_row(self.spec, self.encoding)

    def s12_rates(self) -> dict[str, float | None]:
        """The predicted rate for the reference citizen with each S12 answer (None when the
        model cannot represent the answer)."""
        base = self.reference()
        rates: dict[str, float | None] = {}
        for answer in S12_ANSWERS:
            row = with_s12(base, self.spec, self.encoding, answer)
            rates[answer] = None if row is None else self.probability_of_row(row)
        return rates

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.version,
            "kind": "logit",
            "outcome": "job_or_education",
            "horizon_months": self.horizon_months,
            "description": self.description,
            "spec": self.spec.to_dict(),
            "encoding": self.encoding.to_dict(),
            "coefficients": {c: self.coefficients[c] for c in self.columns},
            "fit_summary": self.fit_summary,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ModelParameters:
        try:
            if raw.get("kind", "logit") != "logit":
                raise ParameterError(f"unknown model kind {raw.get('kind')!r}")
            return cls(
                version=str(raw["model_version"]),
                spec=FeatureSpec.from_dict(raw["spec"]),
                encoding=Encoding.from_dict(raw.get("encoding", {})),
                coefficients={k: float(v) for k, v in raw["coefficients"].items()},
                horizon_months=int(raw.get("horizon_months", 12)),
                description=str(raw.get("description", "")),
                fit_summary=dict(raw.get("fit_summary", {})),
            )
        except (KeyError, TypeError, ValueError) as problem:
            if isinstance(problem, ParameterError):
                raise
            raise ParameterError(f"model parameters are malformed: {problem!r}") from None


def parse_parameters(text: str, source: str) -> ModelParameters:
    """Parse a JSON parameter document; errors name `source`."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as problem:
        raise ParameterError(
            f"{source}: not valid JSON (line {problem.lineno}, column {problem.colno})"
        ) from None
    if not isinstance(raw, dict):
        raise ParameterError(f"{source}: expected a JSON object")
    try:
        return ModelParameters.from_dict(raw)
    except ParameterError as problem:
        raise ParameterError(f"{source}: {problem}") from None


@cache
def default_parameters() -> ModelParameters:
    """The shipped default parameters (docs/probability.md gives their derivation)."""
    path = resources.files("effekt.probability") / "data" / f"model-{DEFAULT_VERSION}.json"
    return parse_parameters(path.read_text(encoding="utf-8"), str(path))
