"""Steering-group statistics (system.md, module 2): pure computation, no Django import.

Typical use::

    data = make_input(courses, follow_ups, benefits)
    result = steering_statistics(data, parse_period("2024Q1"), perspective="combined")

`result` is a `SteeringStatistics`; the renderers in `effekt.statistics.render` turn the same
object into JSON, a text table, Excel, HTML and PDF.
"""

from effekt.statistics.analysis.classification import (
    ClassificationConfig,
    ClassificationError,
    MethodParameters,
    reliable_change_index,
)
from effekt.statistics.analysis.periods import Period, PeriodError, parse_period
from effekt.statistics.analysis.records import (
    ENDING_CATEGORIES,
    PUBLIC_SUPPORT_BENEFITS,
    BenefitRecord,
    CourseRecord,
    Filters,
    FollowUpRecord,
    MeasurementRecord,
)
from effekt.statistics.analysis.results import (
    EffectSummary,
    FollowUpFigure,
    PeriodStatistics,
    ProgressionFigure,
    Share,
    SteeringStatistics,
)
from effekt.statistics.analysis.steering import StatisticsInput, make_input, steering_statistics

__all__ = [
    "ENDING_CATEGORIES",
    "PUBLIC_SUPPORT_BENEFITS",
    "BenefitRecord",
    "ClassificationConfig",
    "ClassificationError",
    "CourseRecord",
    "EffectSummary",
    "Filters",
    "FollowUpFigure",
    "FollowUpRecord",
    "MeasurementRecord",
    "MethodParameters",
    "Period",
    "PeriodError",
    "PeriodStatistics",
    "ProgressionFigure",
    "Share",
    "StatisticsInput",
    "SteeringStatistics",
    "make_input",
    "parse_period",
    "reliable_change_index",
    "steering_statistics",
]
