"""Result objects of the steering-group statistics: numbers only, no rendering.

The web page, the PDF, the Excel file, `--format json` and the table all render these.
Pure: no Django import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from effekt.statistics.analysis.classification import ClassificationConfig, MethodParameters
from effekt.statistics.analysis.periods import Period
from effekt.statistics.analysis.records import Filters, FollowUpMonths, PerspectiveChoice


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when the denominator is 0."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Share:
    """A share with the counts behind it; `not_measurable` courses are outside the denominator."""

    numerator: int
    denominator: int
    not_measurable: int = 0

    @property
    def value(self) -> float | None:
        """The share as a fraction (0-1), None when nothing could be measured."""
        return ratio(self.numerator, self.denominator)


@dataclass(frozen=True)
class ProgressionFigure:
    """Progression/regression/stagnation for one indicator, or the mean (`indicator` None).

    `total` = classified + `not_measurable` (no baseline or no later score) +
    `not_classified` (measurable, but the method could not be applied, e.g. RCI without SD).
    """

    indicator: int | None
    name: str
    total: int
    progression: int
    stagnation: int
    regression: int
    not_measurable: int
    not_classified: int
    method: MethodParameters

    @property
    def classified(self) -> int:
        """The denominator of the three shares."""
        return self.progression + self.stagnation + self.regression

    def share(self, outcome: str) -> Share:
        """The share of `progression`, `stagnation` or `regression`."""
        count = {
            "progression": self.progression,
            "stagnation": self.stagnation,
            "regression": self.regression,
        }[outcome]
        return Share(count, self.classified, self.not_measurable + self.not_classified)


@dataclass(frozen=True)
class EndingRow:
    """One ending category in the effect summary."""

    code: str | None
    label: str
    count: int
    ended_early: int


@dataclass(frozen=True)
class EffectSummary:
    """Ended courses by ending category ("effektopgørelse"); `code` None = not registered."""

    ended: int
    ended_early: int
    rows: tuple[EndingRow, ...]


@dataclass(frozen=True)
class FollowUpFigure:
    """Share back on public support `months` after the end.

    `share.not_measurable` counts due courses with neither a registration nor register data;
    `not_due` counts courses whose follow-up day lies after `as_of`.
    """

    months: FollowUpMonths
    share: Share
    not_due: int
    from_registration: int
    from_register_data: int


@dataclass(frozen=True)
class PeriodStatistics:
    """All figures for one period."""

    period: Period
    courses: int
    progression_mean: ProgressionFigure
    progression_by_indicator: tuple[ProgressionFigure, ...]
    goal_reached: Share
    extended: Share
    effect_summary: EffectSummary
    follow_up: tuple[FollowUpFigure, ...]


@dataclass(frozen=True)
class SteeringStatistics:
    """The steering-group statistics for a period, compared with the previous period."""

    current: PeriodStatistics
    previous: PeriodStatistics
    filters: Filters
    perspective: PerspectiveChoice
    classification: ClassificationConfig
    as_of: dt.date
