"""Discrimination and calibration of predicted probabilities. Pure: no Django import."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Auc:
    """The area under the ROC curve with its Hanley–McNeil (1982) standard error."""

    value: float
    se: float
    n_positive: int
    n_negative: int

    def interval(self, z: float = 1.959964) -> tuple[float, float]:
        """A normal-approximation confidence interval, clipped to [0, 1]."""
        return max(0.0, self.value - z * self.se), min(1.0, self.value + z * self.se)


@dataclass(frozen=True)
class CalibrationBin:
    """One bin of a calibration chart: mean predicted probability against observed share."""

    predicted: float
    observed: float


@dataclass(frozen=True)
class Calibration:
    bins: tuple[CalibrationBin, ...]
    brier: float


def hanley_mcneil_se(auc: float, n_positive: int, n_negative: int) -> float:
    """Hanley & McNeil (1982), Radiology 143:29–36, equation (1) with Q1 = A/(2−A) and
    Q2 = 2A²/(1+A)."""
    q1 = auc / (2.0 - auc)
    q2 = 2.0 * auc**2 / (1.0 + auc)
    variance = (
        auc * (1.0 - auc) + (n_positive - 1) * (q1 - auc**2) + (n_negative - 1) * (q2 - auc**2)
    ) / (n_positive * n_negative)
    return math.sqrt(variance)


def auc_with_se(y: np.ndarray, score: np.ndarray) -> Auc:
    """The AUC (ties count one half, as in the Wilcoxon statistic) and its standard error."""
    from sklearn.metrics import roc_auc_score

    outcome = np.asarray(y, dtype=float)
    n_positive = int(outcome.sum())
    n_negative = len(outcome) - n_positive
    value = float(roc_auc_score(outcome, np.asarray(score, dtype=float)))
    return Auc(value, hanley_mcneil_se(value, n_positive, n_negative), n_positive, n_negative)


def calibration(y: np.ndarray, probability: np.ndarray, n_bins: int = 10) -> Calibration:
    """Observed share against mean predicted probability in quantile bins, and the Brier score."""
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss

    outcome = np.asarray(y, dtype=float)
    predicted = np.asarray(probability, dtype=float)
    observed, mean_predicted = calibration_curve(
        outcome, predicted, n_bins=n_bins, strategy="quantile"
    )
    bins = tuple(
        CalibrationBin(float(p), float(o)) for p, o in zip(mean_predicted, observed, strict=True)
    )
    return Calibration(bins=bins, brier=float(brier_score_loss(outcome, predicted)))
