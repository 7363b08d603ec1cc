"""Classifying a change as progression, regression or stagnation. Pure: no Django import.

Two methods (system.md, "Progression, regression, stagnation"):

- `threshold`: progression when the change is at least +threshold (default 0.5 scale points),
  regression when at most -threshold, otherwise stagnation. "At least" is inclusive: a change
  of exactly +0.5 is progression. Changes are compared with a tolerance of 1e-9 so that
  floating-point noise in means (3.2 - 2.7 = 0.5000000000000004) does not move a tie.
- `rci`: the Jacobson-Truax reliable change index RC = (x2 - x1) / S_diff with
  S_diff = sqrt(2) * SE and SE = SD * sqrt(1 - r); |RC| > criterion (1.96) is reliable change.
  SD is configured per indicator or, by default, the sample standard deviation (n - 1) of the
  baseline scores in the reference population (the courses in the statistics). A configured
  SE (for instance a test manual's standard error of measurement) replaces SD and r.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

Method = Literal["threshold", "rci"]
METHODS: tuple[Method, ...] = ("threshold", "rci")
IndicatorKey = int | Literal["mean"]
SdSource = Literal["configured", "reference_population", "standard_error_configured"]
TOLERANCE = 1e-9
PROGRESSION, STAGNATION, REGRESSION = 1, 0, -1


class ClassificationError(ValueError):
    """The classification cannot be configured as asked."""


@dataclass(frozen=True)
class ClassificationConfig:
    """The contract's classification method and its parameters.

    `reliability`, `standard_deviation` and `standard_error` are keyed by indicator number
    (1-11) or "mean" (the mean over the course's indicators); `default_reliability` applies
    to keys without their own reliability.
    """

    method: Method = "threshold"
    threshold: float = 0.5
    criterion: float = 1.96
    reliability: Mapping[IndicatorKey, float] = field(default_factory=dict)
    default_reliability: float | None = None
    standard_deviation: Mapping[IndicatorKey, float] = field(default_factory=dict)
    standard_error: Mapping[IndicatorKey, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ClassificationError(f"ukendt metode {self.method!r}; brug threshold eller rci")
        if self.threshold <= 0 or self.criterion <= 0:
            raise ClassificationError("tærskel og kriterium skal være positive")
        values = [*self.reliability.values()]
        if self.default_reliability is not None:
            values.append(self.default_reliability)
        if any(not 0 <= r < 1 for r in values):
            raise ClassificationError("reliabiliteten r skal ligge i intervallet [0; 1)")


@dataclass(frozen=True)
class MethodParameters:
    """The method and parameters behind one figure (printed with every figure)."""

    method: Method
    threshold: float | None = None
    criterion: float | None = None
    standard_deviation: float | None = None
    sd_source: SdSource | None = None
    reliability: float | None = None
    standard_error: float | None = None
    standard_error_of_difference: float | None = None

    @property
    def critical_change(self) -> float | None:
        """The smallest change in scale points that counts as progression."""
        if self.method == "threshold":
            return self.threshold
        if self.criterion is None or self.standard_error_of_difference is None:
            return None
        return self.criterion * self.standard_error_of_difference


def standard_error_of_difference(standard_error: float) -> float:
    """S_diff = sqrt(2 * SE^2) (Jacobson & Truax 1991)."""
    return math.sqrt(2.0) * standard_error


def reliable_change_index(x1: float, x2: float, standard_error: float) -> float:
    """RC = (x2 - x1) / S_diff for one pair of scores and the measure's SE."""
    return (x2 - x1) / standard_error_of_difference(standard_error)


def resolve_parameters(
    config: ClassificationConfig, key: IndicatorKey, baseline_scores: npt.NDArray[np.float64]
) -> MethodParameters:
    """The parameters for one figure; RCI estimates SD from `baseline_scores` if not configured.

    Returns RCI parameters without S_diff when SD cannot be estimated (fewer than two
    baselines, or no spread); such a figure is reported as not classifiable. A reliability
    is required only for figures with courses to classify.
    """
    if config.method == "threshold":
        return MethodParameters(method="threshold", threshold=config.threshold)
    if key in config.standard_error:
        se = config.standard_error[key]
        return MethodParameters(
            method="rci",
            criterion=config.criterion,
            sd_source="standard_error_configured",
            standard_error=se,
            standard_error_of_difference=standard_error_of_difference(se),
        )
    reliability = config.reliability.get(key, config.default_reliability)
    if reliability is None and baseline_scores.size == 0:
        return MethodParameters(method="rci", criterion=config.criterion)
    if reliability is None:
        raise ClassificationError(f"RCI kræver en reliabilitet r for indikator {key}")
    sd_source: SdSource = "configured"
    sd: float | None = config.standard_deviation.get(key)
    if sd is None:
        sd_source = "reference_population"
        sd = float(np.std(baseline_scores, ddof=1)) if baseline_scores.size >= 2 else None
    params = MethodParameters(
        method="rci",
        criterion=config.criterion,
        standard_deviation=sd,
        sd_source=sd_source,
        reliability=reliability,
    )
    if sd is None or sd <= 0:
        return params
    se = sd * math.sqrt(1.0 - reliability)
    return replace(
        params, standard_error=se, standard_error_of_difference=standard_error_of_difference(se)
    )


def classify(
    changes: npt.NDArray[np.float64], params: MethodParameters
) -> npt.NDArray[np.int8] | None:
    """1 (progression), 0 (stagnation) or -1 (regression) per change; None if unclassifiable."""
    if params.method == "threshold":
        assert params.threshold is not None
        bound = params.threshold - TOLERANCE
        up, down = changes >= bound, changes <= -bound
    else:
        if params.standard_error_of_difference is None or params.criterion is None:
            return None
        rc = changes / params.standard_error_of_difference
        up, down = rc > params.criterion, rc < -params.criterion
    result = np.zeros(changes.shape, dtype=np.int8)
    result[up] = PROGRESSION
    result[down] = REGRESSION
    return result
