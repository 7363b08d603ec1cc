"""The shipped defaults reproduce the published S12 table (source 003; issue 7, acceptance)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from effekt.probability.features import FeatureSpec
from effekt.probability.model import JobProbabilityModel
from effekt.probability.parameters import default_parameters, logistic
from effekt.probability.synthetic import draw_outcomes, synthetic_population

# Source 003, "Sagsbehandlerens betydning": share in employment a year later by the
# caseworker's answer to S12 (per cent).
PUBLISHED_S12 = {
    "nej": 1.1,
    "tvivler": 2.7,
    "det_svinger": 4.9,
    "gode_chancer": 10.4,
    "ja": 26.8,
    "ved_ikke": 7.4,
}
EQUAL_SHARES = (1 / 6,) * 6


def test_the_shipped_defaults_give_the_published_rate_for_each_s12_answer() -> None:
    rates = default_parameters().s12_rates()
    for answer, percent in PUBLISHED_S12.items():
        assert rates[answer] == pytest.approx(percent / 100, abs=1e-9), answer


def test_the_shipped_defaults_carry_a_version() -> None:
    assert default_parameters().version == "2026.1-default"


def test_a_change_of_caseworker_lowers_eight_percent_to_six() -> None:
    # Source 003: a change of caseworker lowers the chance by 25 % (2 percentage points),
    # i.e. from 8 % to 6 %; the shipped log-odds ratio must turn 8 % into 6 %.
    change = default_parameters().coefficients["caseworker_change"]
    assert float(logistic(np.array(math.log(0.08 / 0.92) + change))) == pytest.approx(0.06)


@pytest.fixture(scope="module")
def drawn() -> tuple[pd.DataFrame, np.ndarray]:
    population = synthetic_population(300_000, seed=7, s12_shares=EQUAL_SHARES)
    return population, draw_outcomes(default_parameters(), population, seed=8)


def test_synthetic_citizens_drawn_from_the_defaults_match_the_table_within_half_a_point(
    drawn: tuple[pd.DataFrame, np.ndarray],
) -> None:
    population, outcome = drawn
    table = population.assign(outcome=outcome)
    unchanged = table[table["caseworker_change"] == 0]
    observed = unchanged.groupby("s12")["outcome"].mean()
    for answer, percent in PUBLISHED_S12.items():
        assert abs(100 * observed[answer] - percent) < 0.5, answer


def test_the_model_refitted_on_data_drawn_from_the_defaults_reproduces_the_table(
    drawn: tuple[pd.DataFrame, np.ndarray],
) -> None:
    population, outcome = drawn
    spec = FeatureSpec(flags=("caseworker_change",), s12="categorical")
    refitted = JobProbabilityModel(spec).fit(population, outcome).to_parameters("refit")
    rates = refitted.s12_rates()
    for answer, percent in PUBLISHED_S12.items():
        rate = rates[answer]
        assert rate is not None and abs(100 * rate - percent) < 0.5, answer
    assert refitted.coefficients["caseworker_change"] == pytest.approx(
        default_parameters().coefficients["caseworker_change"], abs=0.1
    )
