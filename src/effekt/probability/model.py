"""The job/education probability estimator, in scikit-learn style. Pure: no Django import.

`JobProbabilityModel(spec).fit(table, y)` estimates a logit by maximum likelihood through
`logit.fit_logit`; fitted attributes end in `_`; `predict_proba` returns the two-column array
scikit-learn uses; `to_parameters` turns the fit into storable `ModelParameters`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin

from effekt.bip.instrument import default_instrument
from effekt.probability.features import (
    CONST,
    FLAGS,
    OBJECTIVE_CATEGORICAL,
    OBJECTIVE_NUMERIC,
    Encoding,
    FeatureSpec,
    S12Encoding,
    build_design,
    indicator_columns,
    learn_encoding,
)
from effekt.probability.logit import LogitFit, fit_logit
from effekt.probability.parameters import ModelParameters, logistic


def full_spec(columns: list[str] | pd.Index, s12: S12Encoding = "categorical") -> FeatureSpec:
    """Every known feature that is present among `columns`: objective characteristics,
    BIP indicator scores per perspective, S12 and the change of caseworker."""
    present = set(columns)
    indicators = tuple(c for c in indicator_columns(default_instrument()) if c in present)
    return FeatureSpec(
        numeric=tuple(c for c in OBJECTIVE_NUMERIC if c in present) + indicators,
        categorical=tuple(c for c in OBJECTIVE_CATEGORICAL if c in present),
        flags=tuple(c for c in FLAGS if c in present),
        s12=s12 if "s12" in present else "none",
    )


class JobProbabilityModel(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Logit of job or education within a year on the features named by `spec`.

    Parameters are stored unchanged by `__init__` (scikit-learn convention):
    `spec` the features (default: every known feature in the table given to `fit`),
    `events_per_parameter` the guard rail on the rarer outcome, `max_iter` Newton–Raphson's
    iteration cap and `alpha` the level of the confidence intervals.
    """

    def __init__(
        self,
        spec: FeatureSpec | None = None,
        *,
        events_per_parameter: float = 10.0,
        max_iter: int = 100,
        alpha: float = 0.05,
    ) -> None:
        self.spec = spec
        self.events_per_parameter = events_per_parameter
        self.max_iter = max_iter
        self.alpha = alpha

    def fit(self, X: pd.DataFrame, y: np.ndarray | pd.Series) -> JobProbabilityModel:
        """Estimate the model; raises `logit.FitError` when a guard rail stops it."""
        spec = self.spec if self.spec is not None else full_spec(X.columns)
        encoding = learn_encoding(X, spec)
        design = build_design(X, spec, encoding)
        result = fit_logit(
            design,
            np.asarray(y, dtype=float),
            events_per_parameter=self.events_per_parameter,
            max_iter=self.max_iter,
            alpha=self.alpha,
        )
        self.spec_: FeatureSpec = spec
        self.encoding_: Encoding = encoding
        self.result_: LogitFit = result
        self.feature_names_in_: np.ndarray = np.array(list(spec.inputs()), dtype=object)
        columns = list(result.columns)
        self.columns_: list[str] = [c for c in columns if c != CONST]
        self.intercept_: np.ndarray = np.array([result.coefficient(CONST)])
        self.coef_: np.ndarray = np.array([[result.coefficient(c) for c in self.columns_]])
        self.bse_: dict[str, float] = dict(zip(columns, result.bse.tolist(), strict=True))
        self.llf_: float = result.llf
        self.pseudo_r2_: float = result.pseudo_r2
        self.n_iter_: np.ndarray = np.array([result.iterations])
        self.classes_: np.ndarray = np.array([0, 1])
        return self

    def decision_function(self, X: pd.DataFrame) -> np.ndarray:
        """The linear predictor Xβ."""
        design = build_design(X, self.spec_, self.encoding_)
        return np.asarray(design.to_numpy(dtype=float) @ self.result_.params, dtype=float)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Columns: P(no job or education), P(job or education)."""
        p = logistic(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """1 where the probability of job or education is at least one half."""
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)

    def to_parameters(self, version: str, description: str = "") -> ModelParameters:
        """The fitted model as storable parameters."""
        result = self.result_
        return ModelParameters(
            version=version,
            spec=self.spec_,
            encoding=self.encoding_,
            coefficients=dict(zip(result.columns, result.params.tolist(), strict=True)),
            description=description,
            fit_summary={
                "n_obs": result.n_obs,
                "n_events": result.n_events,
                "log_likelihood": result.llf,
                "pseudo_r2": result.pseudo_r2,
            },
        )
