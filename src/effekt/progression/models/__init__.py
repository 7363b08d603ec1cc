"""Models of module 1: contracts and their configuration, courses, measurements, reports."""

from effekt.progression.models.api_token import ApiToken as ApiToken
from effekt.progression.models.configuration import (
    Contract,
    ContractConfiguration,
    CourseTypeConfig,
    InstrumentVersion,
    MeasurementPointConfig,
)
from effekt.progression.models.course import Course, CourseStatus, Ending, Extension, FollowUp
from effekt.progression.models.links import CitizenLink as CitizenLink
from effekt.progression.models.links import WarningRule as WarningRule
from effekt.progression.models.measurement import IndicatorScore, Measurement
from effekt.progression.models.probability import ProbabilityEstimate as ProbabilityEstimate
from effekt.progression.models.report import ProgressReport, ReportKind, ReportStatus

__all__ = [
    "Contract",
    "ContractConfiguration",
    "Course",
    "CourseStatus",
    "CourseTypeConfig",
    "Ending",
    "Extension",
    "FollowUp",
    "IndicatorScore",
    "InstrumentVersion",
    "Measurement",
    "MeasurementPointConfig",
    "ProgressReport",
    "ReportKind",
    "ReportStatus",
]
