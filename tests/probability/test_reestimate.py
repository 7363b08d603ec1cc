"""Re-estimation on a municipality's outcomes: the analyses of the report."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from effekt.bip.instrument import default_instrument
from effekt.probability.features import indicator_columns
from effekt.probability.outcomes import read_outcomes
from effekt.probability.reestimate import Reestimation, reestimate

OBJECTIVE = "age + benefit_history + business_cycle + C(sex) + C(ethnicity) + C(civil_status)"
OBJECTIVE += " + C(geography) + C(match_category)"


@pytest.fixture(scope="module")
def table(outcomes_csv: Path) -> pd.DataFrame:
    return read_outcomes(outcomes_csv)


@pytest.fixture(scope="module")
def report(table: pd.DataFrame) -> Reestimation:
    return reestimate(table, version="test")


def test_the_objective_step_matches_a_direct_statsmodels_formula_fit(
    table: pd.DataFrame, report: Reestimation
) -> None:
    direct = smf.logit(f"job_or_education ~ {OBJECTIVE}", table).fit(disp=0)
    assert report.steps[0].name == "objective"
    assert report.steps[0].pseudo_r2 == pytest.approx(direct.prsquared, abs=1e-8)


def test_the_full_model_matches_a_direct_statsmodels_formula_fit(
    table: pd.DataFrame, report: Reestimation
) -> None:
    indicators = " + ".join(indicator_columns(default_instrument()))
    formula = (
        f"job_or_education ~ {OBJECTIVE} + {indicators} + caseworker_change"
        " + C(s12, Treatment('nej'))"
    )
    direct = smf.logit(formula, table).fit(disp=0)
    assert report.log_likelihood == pytest.approx(direct.llf, abs=1e-6)
    assert report.caseworker_change is not None
    assert report.caseworker_change.odds_ratio == pytest.approx(
        np.exp(direct.params["caseworker_change"]), rel=1e-6
    )


def test_explanatory_power_grows_with_bip_indicators_and_the_caseworker(
    report: Reestimation,
) -> None:
    r2 = [step.pseudo_r2 for step in report.steps]
    assert [step.name for step in report.steps] == ["objective", "bip", "caseworker"]
    assert all(value is not None for value in r2)
    assert r2[0] < r2[1] < r2[2]  # type: ignore[operator]
    assert r2[2] == report.pseudo_r2


def test_the_change_of_caseworker_interval_covers_the_true_odds_ratio(
    report: Reestimation,
) -> None:
    # synthetic_outcomes draws with a log-odds of -0.3 for a change of caseworker.
    change = report.caseworker_change
    assert change is not None
    assert change.odds_ratio_low < np.exp(-0.3) < change.odds_ratio_high
    assert change.absolute < 0 and change.relative < 0


def test_a_belief_step_raises_the_chance(report: Reestimation) -> None:
    step = report.belief_step
    assert step is not None
    assert step.odds_ratio_low > 1
    assert step.absolute > 0 and step.relative > 0


def test_coefficient_intervals_are_estimate_plus_minus_1_96_standard_errors(
    report: Reestimation,
) -> None:
    for c in report.coefficients:
        assert c.low == pytest.approx(c.estimate - 1.959964 * c.se, abs=1e-6)
        assert c.high == pytest.approx(c.estimate + 1.959964 * c.se, abs=1e-6)


def test_the_reestimated_model_predicts_the_observed_rate_on_average(
    table: pd.DataFrame, report: Reestimation
) -> None:
    # At the maximum-likelihood estimate the mean prediction equals the observed share.
    predicted = report.parameters.predict_proba(table)
    assert predicted.mean() == pytest.approx(table["job_or_education"].mean(), abs=1e-8)


def test_a_column_without_variation_is_left_out_with_a_note(table: pd.DataFrame) -> None:
    constant = table.assign(business_cycle=4.2, ethnicity=None)
    report = reestimate(constant, version="constant")
    assert "business_cycle" not in report.parameters.spec.inputs()
    assert "ethnicity" not in report.parameters.spec.inputs()
    assert "Kolonnen business_cycle er udeladt: den har ingen variation i data." in report.notes
    assert "age" in report.parameters.spec.inputs()


def test_with_s12_as_a_score_each_step_multiplies_the_odds_by_the_same_factor(
    table: pd.DataFrame,
) -> None:
    rates = reestimate(table, version="linear", s12="linear").parameters.s12_rates()
    shown = [rates[a] for a in ("nej", "tvivler", "det_svinger", "ja")]
    odds = [p / (1 - p) for p in shown if p is not None]
    assert odds[1] / odds[0] == pytest.approx(odds[2] / odds[1], rel=1e-9)
    assert odds[3] / odds[2] == pytest.approx((odds[1] / odds[0]) ** 2, rel=1e-9)
