"""Models of module 4: experiments, KPIs, cohorts and surveys."""

from effekt.evaluation.models.cohort import Cohort, CohortMembership, CohortSource
from effekt.evaluation.models.effect import EffectEstimate
from effekt.evaluation.models.experiment import (
    Experiment,
    Kpi,
    KpiKind,
    KpiMeasurement,
    MeasurementPoint,
    PointKind,
)
from effekt.evaluation.models.register import RegisterAnalysis
from effekt.evaluation.models.survey import Audience, Invitation, Response, Survey, Wave

__all__ = [
    "Audience",
    "Cohort",
    "CohortMembership",
    "CohortSource",
    "EffectEstimate",
    "Experiment",
    "Invitation",
    "Kpi",
    "KpiKind",
    "KpiMeasurement",
    "MeasurementPoint",
    "PointKind",
    "RegisterAnalysis",
    "Response",
    "Survey",
    "Wave",
]
