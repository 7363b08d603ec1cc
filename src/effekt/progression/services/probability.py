"""Estimating and storing each measurement's job/education probability (source 003)."""

from __future__ import annotations

import datetime as dt
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
