"""Estimating and storing each measurement's job/education probability (source 003)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from effekt.bip.scoring import IndicatorScore as Score
from effekt.core.cpr import InvalidCPR, birth_date
from effekt.probability.predict import predict
from effekt.progression.models import Measurement, ProbabilityEstimate


def citizen_characteristics(cpr: str, on: dt.date) -> dict[str, Any]:
    """What the CPR number tells: sex (odd last digit: man) and age on the day."""
    try:
        born = birth_date(cpr)
    except InvalidCPR:
        return {}
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return {"sex": "M" if int(cpr[-1]) % 2 else "K", "age": age}


def probability_estimate(*, measurement: Measurement) -> ProbabilityEstimate:
    """Estimate from the measurement's stored scores with the active model, and store it.

    An existing estimate is kept: what was reported at the time stays as it was.
    """
    existing = ProbabilityEstimate.objects.filter(measurement=measurement).first()
    if existing is not None:
        return existing
    scores = {
        s.indicator: Score(s.indicator, s.citizen, s.caseworker) for s in measurement.scores.all()
    }
    characteristics = citizen_characteristics(
        measurement.course.citizen.cpr, measurement.measured_on
    )
    prediction = predict(scores, characteristics, instrument=measurement.instrument.instrument())
    return ProbabilityEstimate.objects.create(
        measurement=measurement,
        probability=prediction.probability,
        model_version=prediction.model_version,
        imputed=list(prediction.imputed),
    )


@dataclass(frozen=True)
class ProbabilityRow:
    """A measurement's estimated probability and its change since the baseline estimate."""

    measurement_id: int
    point_label: str
    measured_on: dt.date
    probability: float
    change_since_baseline: float | None  # None when baseline is missing or another model
    model_version: str


def course_probabilities(measurements: Iterable[Measurement]) -> list[ProbabilityRow]:
    """The stored estimates of a course's measurements in time order. A change since the
    baseline is given only when the same model version made both estimates."""
    estimates = {
        e.measurement_id: e
        for e in ProbabilityEstimate.objects.filter(measurement__in=list(measurements))
    }
    rows: list[ProbabilityRow] = []
    baseline: ProbabilityEstimate | None = None
    for measurement in sorted(measurements, key=lambda m: (m.measured_on, m.pk)):
        estimate = estimates.get(measurement.pk)
        if estimate is None:
            continue
        if measurement.point == "baseline":
            baseline = estimate
        same_model = baseline is not None and baseline.model_version == estimate.model_version
        rows.append(
            ProbabilityRow(
                measurement_id=measurement.pk,
                point_label=measurement.get_point_display(),
                measured_on=measurement.measured_on,
                probability=estimate.probability,
                change_since_baseline=(
                    estimate.probability - baseline.probability
                    if baseline is not None and same_model
                    else None
                ),
                model_version=estimate.model_version,
            )
        )
    return rows
