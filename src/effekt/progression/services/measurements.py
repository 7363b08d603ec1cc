"""Recording BIP measurements and their indicator scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from effekt.bip.scoring import score_indicators, validate_answers
from effekt.organisations.models import User
from effekt.progression.choices import PointKind
from effekt.progression.models import Course, IndicatorScore, Measurement, ProbabilityEstimate
from effekt.progression.services.probability import probability_estimate


class DuplicateMeasurement(ValidationError):
    pass


def _check_answers(
    course: Course, citizen: Mapping[str, Any], caseworker: Mapping[str, Any]
) -> None:
    instrument = course.configuration.instrument.instrument()
    errors = {
        **validate_answers(instrument, "citizen", citizen),
        **validate_answers(instrument, "caseworker", caseworker),
    }
    if errors:
        raise ValidationError(errors)


def measurement_scores_refresh(*, measurement: Measurement) -> list[IndicatorScore]:
    """(Re)compute the stored indicator scores of a measurement from its answers, and the
    job/education probability they imply (with the active model)."""
    course = measurement.course
    instrument = measurement.instrument.instrument()
    scores = score_indicators(
        instrument,
        measurement.citizen_answers,
        measurement.caseworker_answers,
        indicators=set(course.indicators()),
    )
    measurement.scores.all().delete()
    stored = IndicatorScore.objects.bulk_create(
        IndicatorScore.of(measurement, s) for s in scores.values()
    )
    ProbabilityEstimate.objects.filter(measurement=measurement).delete()
    probability_estimate(measurement=measurement)
    return stored


@transaction.atomic
def measurement_record(
    *,
    course: Course,
    point: str,
    measured_on: dt.date,
    citizen_answers: Mapping[str, Any],
    caseworker_answers: Mapping[str, Any],
    user: User | None,
    citizen_mode: str = Measurement.CitizenMode.WITH_CONSULTANT,
) -> Measurement:
    """Record a measurement; a second one for the same point is refused."""
    _check_answers(course, citizen_answers, caseworker_answers)
    if course.measurements.filter(point=point).exists():
        label = PointKind(point).label.lower()
        raise DuplicateMeasurement(f"Forløbet har allerede en {label}; der må kun være én.")
    now = timezone.now()
    try:
        with transaction.atomic():
            measurement = Measurement.objects.create(
                course=course,
                point=point,
                measured_on=measured_on,
                instrument=course.configuration.instrument,
                citizen_answers=dict(citizen_answers),
                caseworker_answers=dict(caseworker_answers),
                citizen_completed_at=now if citizen_answers else None,
                caseworker_completed_at=now if caseworker_answers else None,
                citizen_mode=citizen_mode if citizen_answers else "",
                created_by=user,
            )
    except IntegrityError:
        raise DuplicateMeasurement(
            "Der er allerede registreret en måling for dette målepunkt."
        ) from None
    measurement_scores_refresh(measurement=measurement)
    return measurement
