"""Framework conditions (rammevilkår) per municipality and year, and the burden they imply.

The covariates are synthetic but shaped like the real ones: share with low education, share of
non-Western descent, share in social housing. A municipality's `burden` (how likely its
residents are to be on benefits) follows from them, so a regression across municipalities can
recover expected shares.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from effekt.monitoring.synth.frame import Floats, Window

COVARIATES = ("low_education_share", "non_western_share", "social_housing_share")


def latent(rng: np.random.Generator, count: int) -> Floats:
    """Standard-normal factors behind the covariates, one row per municipality."""
    return rng.standard_normal((count, len(COVARIATES)))


def burden(rng: np.random.Generator, z: Floats) -> Floats:
    """How likely residents are to be on benefits, around 1."""
    score = z @ np.array([0.5, 0.3, 0.2]) + 0.05 * rng.standard_normal(len(z))
    return np.asarray(np.exp(0.3 * score))


def covariates(z: Floats) -> Floats:
    """The covariate values for latent factors `z` (columns as in COVARIATES)."""
    centre = np.array([0.25, 0.08, 0.18])
    scale = np.array([0.04, 0.03, 0.06])
    return np.asarray(np.clip(centre + scale * z, 0.01, 0.9))


def framework_table(
    rng: np.random.Generator, codes: tuple[str, ...], z: Floats, window: Window
) -> pa.Table:
    """One row per municipality and year with a small yearly drift."""
    columns: dict[str, list[str] | Floats] = {"municipality_code": [], "period": []}
    values = []
    for year in range(window.first_year, window.first_year + window.years):
        drift = z + 0.05 * rng.standard_normal(z.shape)
        values.append(np.round(covariates(drift), 4))
        columns["municipality_code"] += list(codes)
        columns["period"] += [str(year)] * len(codes)
    stacked = np.vstack(values)
    for i, name in enumerate(COVARIATES):
        columns[name] = stacked[:, i]
    return pa.table(columns)
