"""Maximum-likelihood logit with guard rails. Pure: no Django import.

Every model in this package is estimated here (the shipped-default check, the re-estimation,
and the published-example tests), with statsmodels' unpenalised Logit (Newton–Raphson), so
the estimate is the maximum-likelihood one.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

FitProblem = Literal["too_few_outcomes", "separation", "non_convergence", "collinear"]
EXTREME_PROBABILITY = 1e-9


class FitError(ValueError):
    """The model could not be estimated; the message says why in Danish."""

    def __init__(self, problem: FitProblem, message: str) -> None:
        super().__init__(message)
        self.problem: FitProblem = problem


@dataclass(frozen=True)
class LogitFit:
    """A fitted logit: coefficients with inference, likelihoods and fitted probabilities."""

    columns: tuple[str, ...]
    params: np.ndarray
    bse: np.ndarray
    conf_low: np.ndarray
    conf_high: np.ndarray
    pvalues: np.ndarray
    llf: float
    llnull: float
    n_obs: int
    n_events: int
    iterations: int
    fitted: np.ndarray

    @property
    def pseudo_r2(self) -> float:
        """McFadden's pseudo-R²: 1 − llf / llnull."""
        return 1.0 - self.llf / self.llnull

    def coefficient(self, column: str) -> float:
        return float(self.params[self.columns.index(column)])


def _check_outcome(y: np.ndarray) -> None:
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("udfaldet skal være 0 eller 1")


def _check_events(y: np.ndarray, n_parameters: int, events_per_parameter: float) -> None:
    events = int(y.sum())
    smallest = min(events, len(y) - events)
    needed = int(np.ceil(events_per_parameter * n_parameters))
    if smallest < max(needed, 1):
        kind = "job/uddannelse" if events <= len(y) - events else "ikke job/uddannelse"
        raise FitError(
            "too_few_outcomes",
            f"For få udfald: kun {smallest} borgere med udfaldet «{kind}» blandt {len(y)}; "
            f"modellen har {n_parameters} parametre og kræver mindst {needed} "
            f"({events_per_parameter:g} pr. parameter) af hvert udfald.",
        )


def _check_binary_separation(design: pd.DataFrame, y: np.ndarray) -> None:
    """Quasi-complete separation by a 0/1 column: its ones (or zeros) share one outcome."""
    for name in design.columns:
        values = design[name].to_numpy()
        if not np.isin(values, (0.0, 1.0)).all() or values.min() == values.max():
            continue
        for value in (1.0, 0.0):
            outcomes = y[values == value]
            if outcomes.min() == outcomes.max():
                raise FitError(
                    "separation",
                    f"Perfekt adskillelse: alle {len(outcomes)} borgere med {name} = {value:g} "
                    f"har udfaldet {int(outcomes[0])}, så effekten kan ikke estimeres. "
                    "Slå kategorien sammen med en anden eller fjern kolonnen.",
                )


def _check_rank(design: pd.DataFrame) -> None:
    if np.linalg.matrix_rank(design.to_numpy()) < design.shape[1]:
        raise FitError(
            "collinear",
            "Forklaringsvariablene er lineært afhængige (fx en kolonne der er konstant eller "
            f"summen af andre): {', '.join(design.columns)}.",
        )


def fit_logit(
    design: pd.DataFrame,
    y: np.ndarray | pd.Series,
    *,
    events_per_parameter: float = 10.0,
    max_iter: int = 100,
    alpha: float = 0.05,
) -> LogitFit:
    """Fit P(y=1) = 1 / (1 + exp(−Xβ)) by maximum likelihood.

    `design` holds the regressors including the constant. Raises `FitError` when there are
    fewer than `events_per_parameter` of the rarer outcome per parameter, when a regressor
    separates the outcomes perfectly, when the columns are collinear, or when Newton–Raphson
    has not converged within `max_iter` iterations.
    """
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    outcome = np.asarray(y, dtype=float)
    _check_outcome(outcome)
    _check_events(outcome, design.shape[1], events_per_parameter)
    _check_binary_separation(design, outcome)
    # One BLAS thread: these matrices are small, and threads only contend on a busy machine.
    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        _check_rank(design)
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        result = sm.Logit(outcome, design.to_numpy(dtype=float)).fit(
            method="newton", maxiter=max_iter, disp=0
        )
        fitted = np.asarray(result.predict(), dtype=float)
    if np.minimum(fitted, 1.0 - fitted).min() < EXTREME_PROBABILITY:
        raise FitError(
            "separation",
            "Perfekt adskillelse: en kombination af forklaringsvariablene forudsiger udfaldet "
            "uden fejl for nogle borgere, så maksimum-likelihood-estimatet findes ikke.",
        )
    if not result.mle_retvals["converged"]:
        raise FitError(
            "non_convergence",
            f"Estimationen konvergerede ikke efter {max_iter} iterationer; "
            "modellen er ikke taget i brug.",
        )
    intervals = np.asarray(result.conf_int(alpha=alpha))
    return LogitFit(
        columns=tuple(str(c) for c in design.columns),
        params=np.asarray(result.params, dtype=float),
        bse=np.asarray(result.bse, dtype=float),
        conf_low=intervals[:, 0],
        conf_high=intervals[:, 1],
        pvalues=np.asarray(result.pvalues, dtype=float),
        llf=float(result.llf),
        llnull=float(result.llnull),
        n_obs=int(result.nobs),
        n_events=int(outcome.sum()),
        iterations=int(result.mle_retvals["iterations"]),
        fitted=fitted,
    )
