"""The probability for one measurement. Pure: no Django import."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from effekt.bip.instrument import Instrument, default_instrument
from effekt.bip.scoring import IndicatorScore
from effekt.probability.features import S12_ANSWERS, S12_INDICATOR, indicator_columns
from effekt.probability.parameters import ModelParameters
from effekt.probability.store import active_parameters


@dataclass(frozen=True)
class Prediction:
    """An estimated probability of job or education within the model's horizon.

    `imputed` names the inputs the model uses that were missing and took their reference
    value (the fitting mean, or the reference category).
    """

    probability: float
    model_version: str
    imputed: tuple[str, ...] = ()


def _s12_answer(score: float | None) -> str:
    if score is None:
        return "ved_ikke"
    if score != round(score) or not 1 <= score <= 5:
        raise ValueError(f"S12 must be a whole answer from 1 to 5, got {score}")
    return S12_ANSWERS[int(score) - 1]


def measurement_row(
    scores: Mapping[int, IndicatorScore],
    characteristics: Mapping[str, Any],
    instrument: Instrument | None = None,
) -> dict[str, Any]:
    """One input-table row from a measurement's indicator scores and the citizen's
    characteristics (`sex`, `age`, …, `caseworker_change`; see docs/probability.md)."""
    row: dict[str, Any] = dict(characteristics)
    for column, (number, perspective) in indicator_columns(
        instrument or default_instrument()
    ).items():
        score = scores.get(number)
        value = score.get(perspective) if score is not None else None
        row[column] = math.nan if value is None else value
    s12 = scores.get(S12_INDICATOR)
    row["s12"] = _s12_answer(s12.caseworker if s12 is not None else None)
    return row


def predict(
    scores: Mapping[int, IndicatorScore],
    characteristics: Mapping[str, Any] | None = None,
    *,
    model: ModelParameters | None = None,
    instrument: Instrument | None = None,
) -> Prediction:
    """The probability of job or education for one measurement, with the model version.

    `scores` is what `effekt.bip.score_indicators` returns; a missing S12 ("Ved ikke") is
    the answer `ved_ikke`. Without `model` the active model is used (`store`).
    """
    parameters = model or active_parameters()
    row = measurement_row(scores, characteristics or {}, instrument)
    used = parameters.spec.inputs()
    imputed = tuple(
        name
        for name in used
        if name != "s12"
        and (row.get(name) is None or (isinstance(row.get(name), float) and math.isnan(row[name])))
    )
    table = pd.DataFrame([{name: row.get(name) for name in used}])
    probability = float(parameters.predict_proba(table)[0])
    return Prediction(probability, parameters.version, imputed)


@dataclass(frozen=True)
class MeasurementProbability:
    """The probability at one measurement point and its change since the first (baseline)."""

    point: str
    probability: float
    change_since_baseline: float
    model_version: str


def predict_course(
    measurements: Sequence[tuple[str, Mapping[int, IndicatorScore]]],
    characteristics: Mapping[str, Any] | None = None,
    *,
    model: ModelParameters | None = None,
    instrument: Instrument | None = None,
) -> list[MeasurementProbability]:
    """Probabilities for a course's measurements, in the order given (baseline first), all
    from one model so that the changes since baseline compare like with like."""
    parameters = model or active_parameters()
    predictions = [
        predict(scores, characteristics, model=parameters, instrument=instrument)
        for _, scores in measurements
    ]
    if not predictions:
        return []
    baseline = predictions[0].probability
    return [
        MeasurementProbability(point, p.probability, p.probability - baseline, p.model_version)
        for (point, _), p in zip(measurements, predictions, strict=True)
    ]
