"""Synthetic citizens and outcomes for tests, docs and demos. Pure: no Django import.

`synthetic_population` draws citizens with every input column of the model from a latent
"job readiness"; `draw_outcomes` draws job-or-education outcomes from any model's
probabilities; `synthetic_outcomes` does both with a built-in "true" model in which the
objective characteristics explain little, the BIP indicators more and the caseworker's
belief and a change of caseworker more still (the pattern source 003 reports).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from effekt.bip.instrument import default_instrument
from effekt.probability.features import OUTCOME, S12_ANSWERS, indicator_columns
from effekt.probability.parameters import ModelParameters, logistic

S12_SHARES = (0.25, 0.25, 0.2, 0.15, 0.07, 0.08)  # nej … ja, ved_ikke (assumed)


def _scores(latent: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    """1–5 scores that rise with `latent`, rounded to halves."""
    raw = 3.0 + latent + rng.normal(0.0, noise, len(latent))
    return np.asarray(np.clip(np.round(raw * 2) / 2, 1.0, 5.0), dtype=float)


def synthetic_population(
    n: int,
    seed: int = 0,
    *,
    s12_shares: tuple[float, ...] = S12_SHARES,
    caseworker_change_share: float = 0.2,
) -> pd.DataFrame:
    """`n` synthetic citizens with every model input column and the hidden `latent`."""
    rng = np.random.default_rng(seed)
    latent = rng.normal(0.0, 1.0, n)
    table = pd.DataFrame(
        {
            "latent": latent,
            "sex": rng.choice(["M", "K"], n),
            "age": rng.integers(18, 64, n).astype(float),
            "ethnicity": rng.choice(["dansk", "vestlig", "ikke_vestlig"], n, p=[0.7, 0.1, 0.2]),
            "civil_status": rng.choice(["enlig", "samlevende"], n, p=[0.6, 0.4]),
            "benefit_history": rng.beta(4.0, 2.0, n),
            "business_cycle": rng.normal(5.0, 1.0, n),
            "geography": rng.choice(["hovedstaden", "sjaelland", "syddanmark", "jylland"], n),
            "match_category": rng.choice(["aktivitetsparat", "jobparat"], n, p=[0.8, 0.2]),
            "caseworker_change": (rng.random(n) < caseworker_change_share).astype(float),
        }
    )
    for column in indicator_columns(default_instrument()):
        table[column] = _scores(latent, rng, noise=1.0)
    belief = latent + rng.normal(0.0, 0.5, n)
    answered = np.array(s12_shares[:5]) / sum(s12_shares[:5])
    cut = np.quantile(belief, np.cumsum(answered)[:4])
    answers = np.array(S12_ANSWERS[:5])[np.searchsorted(cut, belief, side="right")]
    unknown = rng.random(n) < s12_shares[5] / sum(s12_shares)
    table["s12"] = np.where(unknown, "ved_ikke", answers)
    return table


def draw_outcomes(model: ModelParameters, table: pd.DataFrame, seed: int = 0) -> np.ndarray:
    """0/1 outcomes drawn from the model's probabilities for each row of `table`."""
    rng = np.random.default_rng(seed)
    return (rng.random(len(table)) < model.predict_proba(table)).astype(float)


def synthetic_outcomes(n: int, seed: int = 0) -> pd.DataFrame:
    """A synthetic outcomes table (inputs plus `job_or_education`) from the built-in model."""
    table = synthetic_population(n, seed)
    rng = np.random.default_rng(seed + 1)
    s12 = table["s12"].map({a: float(i) for i, a in enumerate(S12_ANSWERS[:5], 1)})
    eta = (
        -2.6
        + 0.9 * table["latent"]
        + 0.25 * (s12.fillna(2.5) - 2.5)
        - 0.3 * table["caseworker_change"]
        - 0.02 * (table["age"] - 40.0)
        - 0.6 * (table["benefit_history"] - 0.67)
        + 0.3 * (table["match_category"] == "jobparat")
    )
    table[OUTCOME] = (rng.random(n) < logistic(eta.to_numpy())).astype(float)
    return table.drop(columns="latent")
